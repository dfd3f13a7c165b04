"""The small survey tool: an anonymous link, the four question kinds, results and the CSV export."""
import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karjera.monitoring import survey_rules
from karjera.monitoring.models import Question, Survey, SurveyAnswer, SurveyResponse

OPTIONS = [{"lv": "Internetā", "en": "Online"}, {"lv": "No skolotāja", "en": "From a teacher"}, {"lv": "No draugiem", "en": "From friends"}]


@pytest.fixture
def survey(db):
    s = Survey.objects.create(name_lv="Skolēnu aptauja", name_en="Pupil survey", audience=Survey.PUPILS)
    qs = [
        Question.objects.create(survey=s, order=1, kind="single", name_lv="Kurā klasē mācies?", required=True,
                                options=[{"lv": "9."}, {"lv": "10."}, {"lv": "11."}, {"lv": "12."}]),
        Question.objects.create(survey=s, order=2, kind="multiple", name_lv="Kur uzzināji par testiem?", options=OPTIONS),
        Question.objects.create(survey=s, order=3, kind="scale", name_lv="Cik noderīgi bija testi?", required=True,
                                scale_min=1, scale_max=5, scale_low_lv="nemaz", scale_high_lv="ļoti"),
        Question.objects.create(survey=s, order=4, kind="text", name_lv="Ko vēl vēlies pateikt?"),
    ]
    return s, qs


def test_anonymous_answers_results_and_csv(client, agency_client, survey):
    s, (grade, where, useful, note) = survey
    url = f"/monitoring/s/{s.token}/"
    page = client.get(url)
    assert page.status_code == 200 and "Kur uzzināji par testiem?" in page.content.decode()
    r = client.post(url, {f"q{grade.pk}": "0", f"q{where.pk}": ["0", "2"], f"q{useful.pk}": "4", f"q{note.pk}": "  Paldies!  "})
    assert r.status_code == 302 and r["Location"].endswith("?sent=1")
    assert client.post(url, {f"q{grade.pk}": "3", f"q{useful.pk}": "5"}).status_code == 302
    assert not r.cookies and SurveyResponse.objects.count() == 2
    assert set(f.name for f in SurveyResponse._meta.get_fields()) == {"id", "survey", "day", "answers"}

    html = agency_client.get(f"/monitoring/surveys/{s.pk}/").content.decode()
    assert "Saņemtas 2 anketas." in html
    assert "Internetā" in html and "4,5" in html  # the mean of 4 and 5
    body = agency_client.get(f"/monitoring/surveys/{s.pk}/answers.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][2:] == ["1. Kurā klasē mācies?", "2. Kur uzzināji par testiem?", "3. Cik noderīgi bija testi?", "4. Ko vēl vēlies pateikt?"]
    assert rows[1][2:] == ["9.", "Internetā; No draugiem", "4", "Paldies!"]
    assert rows[2][2:] == ["12.", "", "5", ""]
    assert agency_client.get("/monitoring/surveys/").status_code == 200


def test_bad_answers_are_refused_and_store_nothing(client, survey):
    s, (grade, where, useful, _note) = survey
    url = f"/monitoring/s/{s.token}/"
    for data in ({f"q{useful.pk}": "4"},  # a required question left out
                 {f"q{grade.pk}": "7", f"q{useful.pk}": "4"},  # no such option
                 {f"q{grade.pk}": ["0", "1"], f"q{useful.pk}": "4"},  # two answers to a one-choice question
                 {f"q{grade.pk}": "0", f"q{useful.pk}": "9"},  # off the scale
                 {f"q{grade.pk}": "x", f"q{useful.pk}": "4"}):
        assert client.post(url, data).status_code == 422
    assert not SurveyResponse.objects.exists() and not SurveyAnswer.objects.exists()


def test_closed_and_unknown_surveys(client, survey):
    s, (grade, *_rest) = survey
    s.open = False
    s.save()
    assert client.post(f"/monitoring/s/{s.token}/", {f"q{grade.pk}": "0"}).status_code == 409
    assert client.get("/monitoring/s/nav/").status_code == 404


def test_results_need_an_agency_administrator(client, survey):
    s, _qs = survey
    assert client.get(f"/monitoring/surveys/{s.pk}/").status_code == 302
    assert client.get(f"/monitoring/surveys/{s.pk}/answers.csv").status_code == 302


QUESTIONS = [
    {"id": 1, "kind": "single", "required": True, "options": ["a", "b", "c"]},
    {"id": 2, "kind": "multiple", "required": False, "options": ["a", "b"]},
    {"id": 3, "kind": "scale", "required": False, "scale_min": 1, "scale_max": 5},
    {"id": 4, "kind": "text", "required": False},
]


def test_clean_by_hand():
    answers, errors = survey_rules.clean(QUESTIONS, {"q1": ["2"], "q2": ["1", "0", "1"], "q3": ["5"], "q4": [" hi "]})
    assert answers == {1: 2, 2: [0, 1], 3: 5, 4: "hi"} and errors == {}
    assert survey_rules.clean(QUESTIONS, {})[1] == {1: "required"}
    assert survey_rules.clean(QUESTIONS, {"q1": ["0"], "q4": ["x" * 2001]})[1] == {4: "too_long"}


def test_tally_by_hand():
    assert survey_rules.tally(QUESTIONS[0], [0, 2, 2, None]) == {"answered": 3, "skipped": 1, "counts": [1, 0, 2]}
    assert survey_rules.tally(QUESTIONS[1], [[0, 1], [1], []])["counts"] == [1, 2]
    t = survey_rules.tally(QUESTIONS[2], [1, 5, 5, None])
    assert t["counts"] == [1, 0, 0, 0, 2] and t["mean"] == 3.67


@given(st.dictionaries(st.sampled_from(["q1", "q2", "q3", "q4", "q9"]), st.lists(st.text(max_size=5), max_size=4)))
def test_clean_never_raises_and_accepts_only_valid_values(posted):
    answers, errors = survey_rules.clean(QUESTIONS, posted)
    assert not set(answers) & set(errors)
    if 1 in answers:
        assert answers[1] in (0, 1, 2)
    if 3 in answers:
        assert 1 <= answers[3] <= 5
    if 2 in answers:
        assert set(answers[2]) <= {0, 1}
