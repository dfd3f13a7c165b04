"""Catalogue search: pupils type without diacritics, with a typo, or only the start of a word."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from karjera.occupations.index import Entry, SearchIndex, edit_distance, within_one_edit
from karjera.occupations.search import browse, catalogue

# (what a pupil types, the occupation they mean) — no diacritics, or one typo, or both.
QUERIES = [
    ("pavars", "pavārs"),
    ("sefpavars", "šefpavārs"),
    ("konditors", "konditors"),
    ("viesmilis", "viesmīlis"),
    ("barmenis", "bārmenis"),
    ("frizeris", "frizieris"),
    ("frizieirs", "frizieris"),
    ("vidusskolas skolotjs", "vidusskolas skolotājs"),
    ("pamatskolas skolotajs", "pamatskolas skolotājs"),
    ("juritsts", "jurists"),
    ("gramatveids", "grāmatvedis"),
    ("galdniks", "mēbeļu galdnieks"),
    ("elektrikis", "elektriķis"),
    ("santehnikis", "santehniķis"),
    ("metinatajs", "metinātājs"),
    ("policsts", "policists"),
    ("ugunsdzesejs", "ugunsdzēsējs"),
    ("psihlogs", "psihologs"),
    ("farmaceits", "farmaceits"),
    ("arhitekts", "arhitekts"),
    ("zvejnieks", "zvejnieks"),
    ("mezsargs", "mežsargs"),
    ("vecmate", "vecmāte"),
    ("fizioterapeits", "fizioterapeits"),
    ("zobarts", "zobārsts"),
    ("ekonomists", "ekonomists"),
    ("tulks", "tulks"),
    ("zurnalists", "žurnālists"),
    ("aktieris", "aktieris"),
    ("muzikis", "mūziķis"),
    ("viesnicas administrators", "viesnīcas administrators"),
    ("flizetajs", "flīzētājs"),
    ("krasotajs", "krāsotājs"),
    ("apmetejs", "apmetējs"),
    ("jumikis", "jumiķis"),
    ("kravas auto vaditajs", "kravas automobiļa vadītājs"),
    ("apkopejs", "apkopējs"),
    ("pardevejs", "pārdevējs"),
    ("kasieris", "kasieris"),
    ("bibliotekars", "bibliotekārs"),
    ("socialais darbinieks", "sociālais darbinieks"),
    ("notars", "notārs"),
    ("tiesnesis", "tiesnesis"),
    ("miesnieks", "miesnieks"),
    ("mezstradnieks", "mežstrādnieks"),
    ("biskopis", "biškopis"),
    ("mehatronikis", "mehatroniķis"),
    ("modes dizainers", "modes dizainers"),
    ("datu analitikis", "datu analītiķis"),
    ("grafikas dizainrs", "grafikas dizainers"),
    ("programmaturas izstradatajs", "programmatūras izstrādātājs"),
    ("gimenes arsts", "ģimenes ārsts"),
    ("veterinararsts", "vispārēji praktizējošs veterinārārsts"),
    ("cook", "pavārs"),
    ("5120.02", "pavārs"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("query, expected", QUERIES)
def test_common_professions_are_found_in_the_top_five(query, expected):
    ids, count = browse(query=query, limit=5)
    names = [catalogue().summaries[i].name_lv for i in ids]
    assert expected in names, f"{query!r} gave {names}"


def test_the_table_is_big_enough():
    assert len(QUERIES) >= 40


@pytest.mark.django_db
def test_preferred_name_ranks_above_alternatives_and_prefixes_match():
    ids, _ = browse(query="pavār", limit=3)
    assert catalogue().summaries[ids[0]].name_lv == "pavārs"
    ids, count = browse(query="skolot", limit=100)
    assert count > 20
    names = {e.key: e.names for e in catalogue().index.entries}
    for occupation_id in ids[:10]:  # a word of the preferred or featured name starts with the prefix
        words = [w for name in names[occupation_id][:4] for w in name.lower().replace("ā", "a").split()]
        assert any(w.startswith("skolot") for w in words), names[occupation_id][:4]


@pytest.mark.django_db
def test_filters_combine_with_search():
    ids, count = browse(type="R", zone=2, limit=5000)
    summaries = catalogue().summaries
    assert count > 50 and all(summaries[i].top_type == "R" and summaries[i].job_zone == 2 for i in ids)
    ids, _ = browse(query="inzenieris", field="07", limit=5000)
    assert ids and all(summaries[i].field == "07" for i in ids)
    ids, _ = browse(isco="512", limit=5000)
    assert ids and all(summaries[i].isco.startswith("512") for i in ids)


def test_index_on_small_data():
    index = SearchIndex(
        [
            Entry("a", ("skolotājs", "teacher", "pedagogs"), 2),
            Entry("b", ("sporta skolotājs", "sports teacher"), 2),
            Entry("c", ("pavārs", "cook", "pavāre"), 2, featured=True),
        ]
    )
    assert index.search("skolotajs")[0] == ["a", "b"]
    assert index.search("SKOLOTĀJS")[0][0] == "a"
    assert index.search("skolotjs")[0][0] == "a"  # one letter missing
    assert index.search("sporta skol")[0] == ["b"]  # every word must match, the last as a prefix
    assert index.search("pedag")[0] == ["a"]  # alternative names count
    assert index.search("xyz") == ([], 0)
    assert index.search("  ") == ([], 0)


def test_edit_helpers():
    assert within_one_edit("frizieris", "frizeris")
    assert within_one_edit("frizieris", "frizeiris")  # transposition
    assert within_one_edit("pavars", "pavara")
    assert not within_one_edit("pavars", "pavarss2")
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("kitten", "sitting", 1) == 2  # stops early above the limit


words = st.text(alphabet="abcdefgh", min_size=0, max_size=8)


@given(words, words)
def test_within_one_edit_agrees_with_levenshtein_for_non_transpositions(a, b):
    if edit_distance(a, b, 3) <= 1:
        assert within_one_edit(a, b)
    if within_one_edit(a, b):
        assert edit_distance(a, b, 3) <= 2  # a transposition is two Levenshtein edits
