from hypothesis import given
from hypothesis import strategies as st

from karjera.core.text import fold, tokens


def test_fold_strips_latvian_diacritics_and_case():
    assert fold("Skolotājs") == "skolotajs"
    assert fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž") == "acegiklnsuz acegiklnsuz"
    assert fold("Pavārs, konditors") == "pavars konditors"
    assert tokens("  Datu—zinātnieks ") == ["datu", "zinatnieks"]


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
