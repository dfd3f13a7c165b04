"""In-memory occupation search: diacritic-insensitive word prefixes with one-typo tolerance.

Pure Python (no Django), built once per process from the catalogue. Every query token must match a word
of the same name (preferred or alternative, Latvian or English, or a classifier code): exactly, as a
word prefix, or - for tokens of four letters or more - within one edit (two for long tokens) of a word
or of a word prefix. Candidates for the typo check come from a trigram index, so a query costs well
under a millisecond per token instead of a scan of the whole vocabulary.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from karjera.core.text import fold, tokens

EXACT, PREFIX, FUZZY = 3.0, 2.0, 1.0


@dataclass(frozen=True)
class Entry:
    key: str
    names: tuple[str, ...]  # preferred names first (lv, en), then alternatives, then codes
    preferred: int  # how many of `names` are preferred names
    featured: bool = False


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or transposition."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@dataclass
class SearchIndex:
    entries: list[Entry]
    _vocab: list[str] = field(default_factory=list)
    _postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # word -> [(entry, name)]
    _trigram: dict[str, list[int]] = field(default_factory=dict)  # trigram -> vocab positions
    _folded: list[list[str]] = field(default_factory=list)  # folded names per entry

    def __post_init__(self):
        self._folded = [[fold(name) for name in entry.names] for entry in self.entries]
        postings: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for e, entry in enumerate(self.entries):
            for n, name in enumerate(entry.names):
                for word in tokens(name):
                    postings[word].add((e, n))
        self._vocab = sorted(postings)
        self._postings = {w: sorted(p) for w, p in postings.items()}
        trigram: dict[str, list[int]] = defaultdict(list)
        for position, word in enumerate(self._vocab):
            for gram in _trigrams(word):
                trigram[gram].append(position)
        self._trigram = dict(trigram)

    def _word_matches(self, token: str) -> dict[str, float]:
        """Vocabulary words the token matches, with the strength of the match."""
        found: dict[str, float] = {}
        start = bisect.bisect_left(self._vocab, token)
        for word in self._vocab[start:]:
            if not word.startswith(token):
                break
            found[word] = EXACT if word == token else PREFIX
        if len(token) < 4:
            return found
        limit = 1 if len(token) < 8 else 2
        counts: dict[int, int] = defaultdict(int)
        for gram in _trigrams(token):
            for position in self._trigram.get(gram, ()):
                counts[position] += 1
        needed = max(1, len(_trigrams(token)) - 3 * limit)
        for position, shared in counts.items():
            if shared < needed:
                continue
            word = self._vocab[position]
            if word in found:
                continue
            head = word[: len(token)]
            close = (
                within_one_edit(token, word) or within_one_edit(token, head) or within_one_edit(token, word[: len(token) + 1])
                if limit == 1
                else min(edit_distance(token, word, 2), edit_distance(token, head, 2)) <= 2
            )
            if close:
                found[word] = FUZZY
        return found

    def search(self, query: str, limit: int = 20) -> tuple[list[str], int]:
        """Keys of the best entries, best first, and how many entries matched in all."""
        words = tokens(query)
        if not words:
            return [], 0
        best: dict[tuple[int, int], float] | None = None
        for token in words:
            scores: dict[tuple[int, int], float] = {}
            for word, strength in self._word_matches(token).items():
                for posting in self._postings[word]:
                    if scores.get(posting, 0) < strength:
                        scores[posting] = strength
            if best is None:
                best = scores
            else:
                best = {p: s + scores[p] for p, s in best.items() if p in scores}
            if not best:
                return [], 0
        folded = fold(query)
        per_entry: dict[int, float] = {}
        for (e, n), score in best.items():
            entry = self.entries[e]
            name = self._folded[e][n]
            rank = score
            if n < entry.preferred:
                rank += 2.0
            if name == folded:
                rank += 4.0 if n < entry.preferred else 1.5
            elif name.startswith(folded):
                rank += 1.5
            if entry.featured:
                rank += 0.75
            rank -= len(name) / 200  # shorter, more general names first among equals
            if rank > per_entry.get(e, -1e9):
                per_entry[e] = rank
        ordered = sorted(per_entry, key=lambda e: (-per_entry[e], self.entries[e].names[0]))
        return [self.entries[e].key for e in ordered[:limit]], len(ordered)
