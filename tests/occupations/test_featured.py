"""Featured professions: coverage of the shipped set, and a loader that is all-or-nothing."""
import collections
import shutil

import pytest
import yaml
from django.conf import settings

from karjera.occupations import featured
from karjera.occupations.models import SKILLS_LATVIA_2023, FeaturedProfession, Occupation

FEATURED_DIR = settings.DATA_DIR / "featured"


def shipped():
    rows = featured.read(FEATURED_DIR)
    return [entry for _, _, entry in rows]


@pytest.mark.django_db
def test_shipped_set_covers_types_groups_levels_and_skills():
    entries = shipped()
    assert len(entries) >= 230
    occupations = Occupation.objects.in_bulk([e["occupation"] for e in entries])
    assert len(occupations) == len(entries), "every entry names a catalogue occupation"
    top_types = collections.Counter(
        max(occ.riasec, key=occ.riasec.get) for occ in occupations.values() if occ.riasec
    )
    assert set(top_types) == set("RIASEC"), top_types
    assert {occ.isco[0] for occ in occupations.values()} == set("0123456789")
    assert {occ.job_zone for occ in occupations.values()} >= {1, 2, 3, 4, 5}
    skills = collections.Counter(e["skills_latvia"] for e in entries if e.get("skills_latvia"))
    assert set(skills) == {key for key, _ in SKILLS_LATVIA_2023}
    assert all(count == 1 for count in skills.values()), skills


def test_texts_are_complete_in_both_languages():
    for entry in shipped():
        for part in ("name", *featured.FEATURED_SECTIONS):
            assert entry[part]["lv"].strip() and entry[part]["en"].strip()
        assert any(ch in entry["work"]["lv"] for ch in "āēīūčšžģķļņ"), entry["name"]["en"]


@pytest.mark.django_db
def test_loaded_into_the_database():
    assert FeaturedProfession.objects.count() == len(shipped())


def copy_with(tmp_path, change):
    target = tmp_path / "featured"
    shutil.copytree(FEATURED_DIR, target)
    first = sorted(target.glob("*.yaml"))[0]
    entries = yaml.safe_load(first.read_text("utf-8"))
    change(entries)
    first.write_text(yaml.safe_dump(entries, allow_unicode=True), "utf-8")
    return target, first.name


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change, message",
    [
        (lambda e: e[0]["work"].pop("en"), "[0].work: needs non-empty 'lv' and 'en' texts"),
        (lambda e: e[1].__setitem__("skills_latvia", "juggling"), "[1].skills_latvia: unknown skill 'juggling'"),
        (lambda e: e[2].__setitem__("occupation", "no-such-occupation"), "[2].occupation: no occupation no-such-occupation"),
        (lambda e: e[3].__setitem__("occupation", e[0]["occupation"]), "[3].occupation:"),
    ],
)
def test_bad_files_are_refused_and_change_nothing(tmp_path, change, message):
    before = {f.pk: f.work_lv for f in FeaturedProfession.objects.all()}
    directory, name = copy_with(tmp_path, lambda e: (e[0]["summary"].__setitem__("lv", "Mainīts."), change(e)))
    with pytest.raises(featured.FeaturedError) as err:
        featured.load(directory)
    assert name in str(err.value) and message in str(err.value)
    assert {f.pk: f.work_lv for f in FeaturedProfession.objects.all()} == before
    assert not FeaturedProfession.objects.filter(summary_lv="Mainīts.").exists()


@pytest.mark.django_db
def test_reload_keeps_admin_edits_and_is_idempotent(tmp_path):
    edited = FeaturedProfession.objects.order_by("pk").first()
    edited.work_lv = "Satura redaktora teksts."
    edited.edited_in_admin = True
    edited.save()
    counts = featured.load(FEATURED_DIR)
    assert counts["created"] == 0 and counts["kept"] == 1
    edited.refresh_from_db()
    assert edited.work_lv == "Satura redaktora teksts."
    assert FeaturedProfession.objects.count() == len(shipped())
