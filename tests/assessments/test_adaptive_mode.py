"""The adaptive mode's rule on the ability detector's own item pools, by simulation with fixed seeds:
it reaches the fixed form's precision with fewer tasks, and it never breaks its own limits."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.assessments import definitions
from karjera.assessments.scoring.adaptive import next_position, step_rng
from karjera.assessments.scoring.irt import Item, eap, probability

INSTRUMENT = definitions.latest()["abilities"]
ADAPTIVE_PARTS = [s for s in INSTRUMENT.data["subtests"] if "adaptive" in s]


def pool_for(subtest, seed):
    rule = subtest["adaptive"]
    generated = [INSTRUMENT.generated(INSTRUMENT.slot(subtest["code"], p), seed) for p in range(rule["pool"])]
    return [Item(g.a, g.b) for g in generated]


def adaptive_run(subtest, pool, answer, seed):
    given = []
    while (p := next_position(pool, given, {q: answer[q] for q in given}, subtest["adaptive"], INSTRUMENT.adaptive["top"], step_rng(seed, subtest["code"], len(given)))) is not None:
        given.append(p)
    return given


@pytest.mark.parametrize("subtest", ADAPTIVE_PARTS, ids=[s["code"] for s in ADAPTIVE_PARTS])
def test_adaptive_parts_match_the_fixed_forms_precision_with_fewer_tasks(subtest):
    rng = np.random.default_rng(2026)
    fixed_se, adaptive_se, lengths = [], [], []
    for n in range(200):
        seed = f"pupil-{n}"
        pool = pool_for(subtest, seed)
        theta = rng.normal()
        answer = {p: int(rng.random() < probability(theta, item.a, item.b)) for p, item in enumerate(pool)}
        fixed = range(subtest["items"])
        fixed_se.append(eap([pool[p] for p in fixed], [answer[p] for p in fixed])[1])
        given = adaptive_run(subtest, pool, answer, seed)
        adaptive_se.append(eap([pool[p] for p in given], [answer[p] for p in given])[1])
        lengths.append(len(given))
    assert np.mean(adaptive_se) <= np.mean(fixed_se)
    assert np.mean(lengths) < 0.95 * subtest["items"]


@settings(max_examples=60, deadline=None)
@given(
    part=st.sampled_from(ADAPTIVE_PARTS),
    seed=st.text(min_size=1, max_size=12),
    answers=st.lists(st.integers(0, 1), min_size=40, max_size=40),
)
def test_the_rule_keeps_its_limits_and_never_repeats_a_task(part, seed, answers):
    pool = pool_for(part, seed)
    given = adaptive_run(part, pool, dict(enumerate(answers)), seed)
    rule = part["adaptive"]
    assert rule["min_items"] <= len(given) <= rule["max_items"]
    assert len(set(given)) == len(given) and all(0 <= p < rule["pool"] for p in given)
    # the same answers give the same tasks (a retry or reload changes nothing)
    assert adaptive_run(part, pool, dict(enumerate(answers)), seed) == given
