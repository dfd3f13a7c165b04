from hypothesis import given, settings
from hypothesis import strategies as st

from karjera.assessments.scoring.generators import GENERATORS, _mirror, _normal, _rotate, rotation


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=30), st.integers(0, 40), st.sampled_from(sorted(GENERATORS)))
def test_generated_items_are_deterministic_and_well_formed(seed, position, subtest):
    item = GENERATORS[subtest](seed, position)
    again = GENERATORS[subtest](seed, position)
    assert item == again
    assert 0 <= item.key < len(item.options)
    labels = [str(o) for o in item.options]
    assert len(set(labels)) == len(labels), "options must differ"
    assert item.prompt["lv"] and item.prompt["en"]
    assert -3 <= item.b <= 3 and item.a > 0


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=20), st.integers(0, 20))
def test_rotation_has_exactly_one_turned_copy(seed, position):
    item = rotation(seed, position)
    assert item.stem_svg.startswith("<svg") and all(o["svg"].startswith("<svg") for o in item.options)


def test_mirror_is_not_a_rotation_for_chiral_shapes():
    shape = _normal([(0, 0), (1, 0), (2, 0), (2, 1), (3, 1)])
    assert _mirror(shape) not in {_rotate(shape, k) for k in range(4)}


def test_number_series_key_continues_the_series():
    item = GENERATORS["numerical"]("seed", 0)  # arithmetic series
    shown = [int(x) for x in item.prompt["en"].split("? ")[1].rstrip(", ?").split(", ")]
    step = shown[1] - shown[0]
    assert int(item.options[item.key]) == shown[-1] + step
