import math

from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.guidance.combine import WEIGHTS, combine


def test_contributions_add_up_and_weights_renormalise():
    ranked = combine({"interests": {"a": 0.8, "b": 0.2}, "values": {"a": 0.1, "b": 0.9}})
    top = {r.key: r for r in ranked}
    # interests 0.5 and values 0.3 become 0.625 and 0.375 when the card sort is missing.
    assert math.isclose(top["a"].contributions["interests"], 0.625 * 0.8, abs_tol=1e-4)
    assert math.isclose(top["a"].score, 0.625 * 0.8 + 0.375 * 0.1, abs_tol=1e-4)
    assert ranked[0].key == "a"  # 0.5375 vs 0.4625
    assert all(math.isclose(sum(r.contributions.values()), r.score, abs_tol=1e-3) for r in ranked)


def test_missing_evidence_and_filters():
    ranked = combine({"interests": {"a": 0.9}, "values": {"a": 0.5, "b": 0.99}})
    assert [r.key for r in ranked] == ["a"]  # b has only 37.5% of the weight behind it
    assert combine({"interests": {"a": 0.9, "b": 0.8}}, allowed={"b"})[0].key == "b"
    assert combine({}) == []


sims = st.dictionaries(st.sampled_from("abcdef"), st.floats(-1, 1), min_size=1)


@settings(max_examples=100, deadline=None)
@given(st.fixed_dictionaries({}, optional={t: sims for t in WEIGHTS}))
def test_explanation_reproduces_the_rank_score(similarities):
    ranked = combine(similarities)
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    for r in ranked:
        assert math.isclose(sum(r.contributions.values()), r.score, abs_tol=1e-3)
        assert -1.0001 <= r.score <= 1.0001
