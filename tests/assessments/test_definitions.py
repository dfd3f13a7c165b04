"""Instrument files: the shipped test is complete, and a malformed file names the file and the field."""
import copy
from collections import Counter

import pytest
import yaml

from karjera.assessments.definitions import INSTRUMENTS_DIR, InstrumentError, load_all, load_file

SHIPPED = INSTRUMENTS_DIR / "interests" / "1.0.0.yaml"


def test_shipped_interests_test_is_complete():
    instrument = load_file(SHIPPED)
    assert len(instrument.items) >= 60
    assert Counter(i["scale"] for i in instrument.items) == {t: 10 for t in "RIASEC"}
    fields = Counter(i["field"] for i in instrument.items)
    assert set(fields) == {f"{n:02d}" for n in range(1, 11)}
    assert min(fields.values()) >= 3
    assert sorted(instrument.option_values) == [0, 1, 2, 3, 4]
    # Items are interleaved by type so that a pupil does not meet ten of one type in a row.
    assert [i["scale"] for i in instrument.items[:6]] == list("RIASEC")
    latvian = "".join(i["text"]["lv"] for i in instrument.items)
    assert any(ch in latvian for ch in "āēīūčšžģķļņ")


def test_load_all_finds_the_interests_test():
    assert "interests" in load_all()


def write(tmp_path, data, name="1.0.0.yaml", folder="interests"):
    path = tmp_path / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


@pytest.fixture
def data():
    return copy.deepcopy(yaml.safe_load(SHIPPED.read_text("utf-8")))


@pytest.mark.parametrize(
    "breaks, message",
    [
        (lambda d: d["items"][3]["text"].pop("lv"), "interests/1.0.0.yaml: items[3].text: 'lv' is a required property"),
        (lambda d: d["items"][5].__setitem__("scale", "X"), "items[5].scale: unknown scale 'X'"),
        (lambda d: d["items"][7].__setitem__("id", d["items"][0]["id"]), "items[7].id: duplicate item id"),
        (lambda d: d["items"][2].__setitem__("field", "99"), "items[2].field: unknown field '99'"),
        (lambda d: d.__setitem__("minutes", "ten"), "minutes: 'ten' is not of type 'integer'"),
        (lambda d: d["interpretation"]["pairs"].pop("IS"), "interpretation.pairs.IS: needs non-empty"),
        (lambda d: d["interpretation"]["types"]["C"]["description"].__setitem__("en", " "), "interpretation.types.C.description"),
        (lambda d: d["response"]["options"][1].__setitem__("value", 0), "response.options: duplicate value"),
        (lambda d: d.__setitem__("unexpected", 1), "Additional properties are not allowed"),
    ],
)
def test_malformed_files_name_file_and_field(tmp_path, data, breaks, message):
    breaks(data)
    with pytest.raises(InstrumentError) as err:
        load_file(write(tmp_path, data))
    assert message in str(err.value)
    assert str(err.value).startswith("interests/1.0.0.yaml: ")


def test_version_must_match_file_name(tmp_path, data):
    with pytest.raises(InstrumentError, match="version: '1.0.0' does not match the file name"):
        load_file(write(tmp_path, data, name="1.0.1.yaml"))


def test_not_yaml(tmp_path):
    path = tmp_path / "interests" / "1.0.0.yaml"
    path.parent.mkdir()
    path.write_text("items: [unclosed", "utf-8")
    with pytest.raises(InstrumentError, match="interests/1.0.0.yaml: not valid YAML"):
        load_file(path)


def test_newest_version_wins(tmp_path, data):
    write(tmp_path, data)
    newer = copy.deepcopy(data)
    newer["version"] = "1.10.0"
    write(tmp_path, newer, name="1.10.0.yaml")
    versions = load_all(tmp_path)["interests"]
    assert [v.version for v in versions] == ["1.0.0", "1.10.0"]
