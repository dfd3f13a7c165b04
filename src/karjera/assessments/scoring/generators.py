"""Item generators for the ability subtests: new items for every pupil, from a seed.

Each generator turns (seed, position) into an item: a prompt, four (or two) options and the index of the
correct one, with 2PL parameters from a documented difficulty model (provisional until `calibrate`
fits them from collected answers). The same seed always gives the same item, so nothing but the seed
needs storing, and the key is recomputed on the server when the answer arrives; it is never sent out.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

LETTERS = "ABCDEFGHIJKLMNOPRSTUVZ"  # letters shared by Latvian and English without diacritics


@dataclass(frozen=True)
class Generated:
    prompt: dict  # {"lv": ..., "en": ...}
    options: list  # labels (text) or {"svg": ...}
    key: int
    a: float
    b: float
    stem_svg: str = ""
    extra: dict = field(default_factory=dict)


def rng_for(seed: str, subtest: str, position: int) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{subtest}:{position}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _shuffle_options(rng: random.Random, correct, distractors: list) -> tuple[list, int]:
    options = [correct, *distractors[:3]]
    rng.shuffle(options)
    return options, options.index(correct)


# ---- numerical: number series ----------------------------------------------------------------------

SERIES_KINDS = [  # (name, difficulty b)
    ("add", -1.6), ("subtract", -1.1), ("multiply", -0.3), ("alternate", 0.3), ("growing_step", 0.8), ("fibonacci", 1.4),
]


def number_series(seed: str, position: int) -> Generated:
    rng = rng_for(seed, "numerical", position)
    kind, b = SERIES_KINDS[position % len(SERIES_KINDS)]
    start = rng.randint(2, 20)
    if kind == "add":
        d = rng.randint(2, 9)
        series = [start + d * i for i in range(6)]
    elif kind == "subtract":
        d = rng.randint(2, 9)
        start += 60
        series = [start - d * i for i in range(6)]
    elif kind == "multiply":
        k = rng.choice([2, 3])
        start = rng.randint(1, 5)
        series = [start * k**i for i in range(6)]
    elif kind == "alternate":
        p, q = rng.randint(2, 9), rng.randint(1, 5)
        series = [start]
        for i in range(5):
            series.append(series[-1] + (p if i % 2 == 0 else -q))
    elif kind == "growing_step":
        d = rng.randint(1, 4)
        series = [start]
        for i in range(5):
            series.append(series[-1] + d * (i + 1))
    else:
        a0, a1 = rng.randint(1, 5), rng.randint(2, 6)
        series = [a0, a1]
        while len(series) < 6:
            series.append(series[-1] + series[-2])
    shown, answer = series[:5], series[5]
    distractors = list(dict.fromkeys(d for d in (answer + 1, answer - 1, answer + 2, series[4] + (series[4] - series[3]), answer + 3) if d != answer))
    options, key = _shuffle_options(rng, str(answer), [str(d) for d in distractors])
    text = ", ".join(map(str, shown)) + ", ?"
    return Generated({"lv": f"Kurš skaitlis turpina virkni? {text}", "en": f"Which number comes next? {text}"}, options, key, 1.2, b)


# ---- abstract: letter series -----------------------------------------------------------------------

LETTER_KINDS = [("step1", -1.3), ("step2", -0.6), ("back", 0.0), ("increasing", 0.7), ("interleaved", 1.3)]


def letter_series(seed: str, position: int) -> Generated:
    rng = rng_for(seed, "abstract", position)
    kind, b = LETTER_KINDS[position % len(LETTER_KINDS)]
    n = len(LETTERS)
    s = rng.randint(0, n - 1)
    if kind == "step1":
        idx = [(s + i) % n for i in range(6)]
    elif kind == "step2":
        idx = [(s + 2 * i) % n for i in range(6)]
    elif kind == "back":
        idx = [(s - 3 * i) % n for i in range(6)]
    elif kind == "increasing":
        idx = [s]
        for i in range(5):
            idx.append((idx[-1] + i + 1) % n)
    else:
        t = (s + 7) % n
        idx = [(s + i // 2) % n if i % 2 == 0 else (t - i // 2) % n for i in range(6)]
    shown, answer = [LETTERS[i] for i in idx[:5]], LETTERS[idx[5]]
    distractors = list(dict.fromkeys(LETTERS[(idx[5] + d) % n] for d in (1, -1, 2, -2, 3) if LETTERS[(idx[5] + d) % n] != answer))
    options, key = _shuffle_options(rng, answer, distractors)
    text = " ".join(shown) + " ?"
    return Generated({"lv": f"Kurš burts turpina rindu? {text}", "en": f"Which letter comes next? {text}"}, options, key, 1.1, b)


# ---- spatial: mental rotation of a shape on a grid ---------------------------------------------------


def _polyomino(rng: random.Random, cells: int) -> list[tuple[int, int]]:
    shape = {(0, 0)}
    while len(shape) < cells:
        x, y = rng.choice(sorted(shape))
        dx, dy = rng.choice([(1, 0), (-1, 0), (0, 1), (0, -1)])
        shape.add((x + dx, y + dy))
    return sorted(shape)


def _normal(shape):
    mx, my = min(x for x, _ in shape), min(y for _, y in shape)
    return tuple(sorted((x - mx, y - my) for x, y in shape))


def _rotate(shape, quarter_turns):
    out = shape
    for _ in range(quarter_turns % 4):
        out = [(-y, x) for x, y in out]
    return _normal(out)


def _mirror(shape):
    return _normal([(-x, y) for x, y in shape])


def _svg(shape, size=18) -> str:
    w = (max(x for x, _ in shape) + 1) * size
    h = (max(y for _, y in shape) + 1) * size
    rects = "".join(f'<rect x="{x * size}" y="{y * size}" width="{size}" height="{size}" fill="#0b5cad" stroke="#fff"/>' for x, y in shape)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true">{rects}</svg>'


def rotation(seed: str, position: int) -> Generated:
    rng = rng_for(seed, "spatial", position)
    cells = 5 + position % 3  # 5-7 cells: more cells, harder
    while True:
        shape = _normal(_polyomino(rng, cells))
        if _mirror(shape) not in {_rotate(shape, k) for k in range(4)}:
            break  # a shape that its mirror image cannot be turned into
    turn = 1 + position % 3
    correct = _rotate(shape, turn)
    rotations = {_rotate(shape, k) for k in range(4)}
    distractors = list(dict.fromkeys(_rotate(_mirror(shape), k) for k in (1, 2, 3, 0)))
    while len(distractors) < 3:  # a shape symmetric under half turns has only two mirror positions
        other = _rotate(_normal(_polyomino(rng, cells)), rng.randint(0, 3))
        if other not in rotations and other not in distractors:
            distractors.append(other)
    choices = [correct, *distractors[:3]]
    order = list(range(4))
    rng.shuffle(order)
    options = [{"svg": _svg(choices[i])} for i in order]
    b = -0.8 + 0.45 * (cells - 5) + (0.3 if turn == 2 else 0.0)
    return Generated(
        {"lv": "Kura figūra ir tā pati, tikai pagriezta (nevis apgriezta spoguļattēlā)?",
         "en": "Which figure is the same shape, only turned (not flipped over)?"},
        options, order.index(0), 1.3, round(b, 2), stem_svg=_svg(shape),
    )


# ---- perceptual speed: same or different codes -----------------------------------------------------

CODE_CHARS = "ABCDEFHKLMNPRSTUVXZ23456789"
CONFUSABLE = {"B": "8", "8": "B", "S": "5", "5": "S", "Z": "2", "2": "Z", "E": "F", "F": "E", "M": "N", "N": "M", "U": "V", "V": "U"}


def compare_codes(seed: str, position: int) -> Generated:
    rng = rng_for(seed, "speed", position)
    length = 5 + position % 4
    left = "".join(rng.choice(CODE_CHARS) for _ in range(length))
    same = rng.random() < 0.5
    right = left
    if not same:
        i = rng.randrange(length)
        replacement = CONFUSABLE.get(left[i]) or rng.choice([c for c in CODE_CHARS if c != left[i]])
        right = left[:i] + replacement + left[i + 1 :]
    options = [{"lv": "Vienādi", "en": "Same"}, {"lv": "Atšķirīgi", "en": "Different"}]
    return Generated(
        {"lv": f"Vai kodi ir vienādi?  {left}   {right}", "en": f"Are the codes the same?  {left}   {right}"},
        options, 0 if same else 1, 1.0, round(-1.0 + 0.25 * (length - 5), 2),
    )


GENERATORS = {"numerical": number_series, "abstract": letter_series, "spatial": rotation, "speed": compare_codes}
