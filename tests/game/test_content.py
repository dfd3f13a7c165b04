"""The game's content files: the shipped set loads, and each kind of mistake is named with its place."""
import shutil
from pathlib import Path

import pytest
import yaml

from karjera.game import content

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "game"
FEATURED = ROOT / "data" / "featured"


def test_shipped_content_loads():
    c = content.load(DATA, FEATURED)
    assert len(c.professions) >= 24
    assert all(len(p.tools) == 3 for p in c.professions)
    assert all(p.workplace in c.workplaces and p.subject in c.subjects for p in c.professions)
    for p in c.professions:
        for text in (p.name, p.why, *p.does, *p.does_not, *(t.name for t in p.tools)):
            assert text.lv.strip() and text.en.strip()


def test_latvian_texts_use_diacritics():
    c = content.load(DATA, FEATURED)
    latvian = " ".join(t.lv for p in c.professions for t in (*p.does, *p.does_not, p.why))
    for letter in "āčēģīķļņšūž":
        assert letter in latvian, letter


def test_every_icon_is_used_and_small():
    c = content.load(DATA)
    used = {w.icon for w in c.workplaces.values()} | {s.icon for s in c.subjects.values()}
    used |= {t.icon for p in c.professions for t in p.tools if t.icon}
    assert used == set(c.icons)
    assert max(len(m) for m in c.icons.values()) <= content.ICON_MAX_CHARS


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "game"
    shutil.copytree(DATA, target)
    return target


def edit(directory: Path, name: str, change):
    path = directory / name
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def problems_of(directory, featured=None) -> list[str]:
    with pytest.raises(content.ContentError) as info:
        content.load(directory, featured)
    return info.value.problems


def test_wrong_number_of_tools(copy):
    edit(copy, "professions.yaml", lambda d: d[0]["tools"].pop())
    assert "professions.yaml[0].tools: needs exactly 3 tools, found 2" in problems_of(copy)


def test_unknown_references_and_missing_texts(copy):
    def change(d):
        d[1]["workplace"] = "moon"
        d[2]["subject"] = "latin"
        d[3]["tools"][0]["icon"] = "nothing"
        del d[4]["name"]["en"]
        d[5]["day"]["does_not"] = d[5]["day"]["does_not"][:1]
    edit(copy, "professions.yaml", change)
    found = problems_of(copy)
    assert "professions.yaml[1].workplace: no workplace 'moon' in workplaces.yaml" in found
    assert "professions.yaml[2].subject: no subject 'latin' in subjects.yaml" in found
    assert "professions.yaml[3].tools[0].icon: no icon 'nothing' in icons.yaml" in found
    assert "professions.yaml[4].name: needs non-empty 'lv' and 'en' texts" in found
    assert "professions.yaml[5].day.does_not: needs at least 2 statement(s) with lv and en" in found


def test_not_a_featured_profession(copy):
    edit(copy, "professions.yaml", lambda d: d[0].update(occupation="00000000-0000-0000-0000-000000000000"))
    assert any("is not a featured profession" in p for p in problems_of(copy, FEATURED))


def test_duplicates(copy):
    def change(d):
        d.append(dict(d[0]))
    edit(copy, "professions.yaml", change)
    assert any(p.startswith("professions.yaml[24].id: 'cook' is already used") for p in problems_of(copy))


def test_every_subject_helping_leaves_no_wrong_answers(copy):
    keys = [s["key"] for s in yaml.safe_load((copy / "subjects.yaml").read_text("utf-8"))]
    edit(copy, "professions.yaml", lambda d: d[0].update(also_helps=[k for k in keys if k != d[0]["subject"]]))
    assert any(p.startswith("professions.yaml[0].also_helps: leave at least 2") for p in problems_of(copy))


@pytest.mark.parametrize("markup,expected", [
    ('<script>alert(1)</script>', "element <script> is not allowed"),
    ('<rect width="4" height="4" style="fill:red"/>', "attribute 'style' on <rect> is not allowed"),
    ('<rect width="4" height="4" onclick="x()"/>', "attribute 'onclick' on <rect> is not allowed"),
    ('<text>A</text>', "element <text> is not allowed"),
    ('<rect width="4"', "not well-formed SVG"),
    ('<circle r="2"/>' * 200, "characters; keep an icon under"),
])
def test_icons_are_plain_shapes(copy, markup, expected):
    edit(copy, "icons.yaml", lambda d: d.update(pan=markup))
    assert any(expected in p and p.startswith("icons.yaml[pan]") for p in problems_of(copy))


def test_not_yaml(copy):
    (copy / "subjects.yaml").write_text("- [unclosed", "utf-8")
    assert any(p.startswith("subjects.yaml: not valid YAML") for p in problems_of(copy))


def test_one_activity_per_round_kind(copy):
    c = content.load(DATA)
    assert [a.kind for a in c.activities] == ["workplace", "tools", "day", "subject"]
    edit(copy, "activities.yaml", lambda d: (d.pop(), d[0].update(minutes="soon")))
    found = problems_of(copy)
    assert "activities.yaml[0].minutes: a whole number of minutes from 5 to 180" in found
