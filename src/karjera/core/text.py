"""Text folding for search: pupils type without diacritics ("skolotajs" must find "skolotājs")."""
import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse punctuation to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def tokens(text: str) -> list[str]:
    return [t for t in fold(text).split(" ") if t]
