"""The counsellor network from the workspace's staff records: the pure aggregation with hand-computed
cases, and the figures on the agency dashboard."""
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from test_monitoring_pages import table, text

from karjera.counselling import rules
from karjera.counselling.models import StaffRole
from karjera.education.models import Institution
from karjera.monitoring.network import Counsellor, by_municipality_and_model

NB = "\u00a0"
D = Decimal


def test_empty():
    assert by_municipality_and_model([]) == {"rows": [], "total": {"counsellors": 0, "fte": D("0.00"), "full_time": 0, "no_workload": 0}}


def test_hand_computed_two_municipalities():
    result = by_municipality_and_model([
        Counsellor(("Valmiera",), "one_school", D("1.00")),
        Counsellor(("Cēsis",), "additional_duty", D("0.25")),
        Counsellor(("Valmiera",), "one_school", D("0.50")),
        Counsellor(("Cēsis",), "municipality", D("1.00")),
        Counsellor(("Cēsis",), "additional_duty", None),
        Counsellor(("Valmiera",), "", D("0.10")),
    ])
    assert [(r["municipality"], r["model"], r["counsellors"], r["fte"], r["full_time"], r["no_workload"]) for r in result["rows"]] == [
        ("Cēsis", "municipality", 1, D("1.00"), 1, 0),
        ("Cēsis", "additional_duty", 2, D("0.25"), 0, 1),
        ("Valmiera", "one_school", 2, D("1.50"), 1, 0),
        ("Valmiera", "", 1, D("0.10"), 0, 0),
    ]
    # 1.00 + 0.25 + 0.50 + 1.00 + 0.10 = 2.85; two at 1.00; one without a workload
    assert result["total"] == {"counsellors": 6, "fte": D("2.85"), "full_time": 2, "no_workload": 1}


def test_counsellor_in_two_municipalities_counts_in_each_and_once_in_total():
    result = by_municipality_and_model([Counsellor(("Cēsis", "Valmiera", "Cēsis"), "mixed", D("0.75"))])
    assert [(r["municipality"], r["counsellors"], r["fte"]) for r in result["rows"]] == [("Cēsis", 1, D("0.75")), ("Valmiera", 1, D("0.75"))]
    assert result["total"] == {"counsellors": 1, "fte": D("0.75"), "full_time": 0, "no_workload": 0}


def test_full_time_is_exactly_one():
    result = by_municipality_and_model([Counsellor(("A",), "one_school", D("0.99")), Counsellor(("A",), "one_school", D("1"))])
    assert result["total"]["full_time"] == 1 and result["total"]["fte"] == D("1.99")


def _counsellor(username, schools, model="", workload=None):
    user = get_user_model().objects.create_user(username, password="Garš-parole-2026")
    staff = StaffRole.objects.create(user=user, role=rules.COUNSELLOR, employment_model=model,
                                     workload=None if workload is None else D(workload))
    staff.schools.add(*schools)
    return staff


def test_workload_is_validated(db):
    user = get_user_model().objects.create_user("parslodze")
    with pytest.raises(ValidationError) as e:
        StaffRole(user=user, role=rules.COUNSELLOR, workload=D("1.25")).full_clean()
    assert "workload" in e.value.message_dict
    with pytest.raises(ValidationError):
        StaffRole(user=user, role=rules.SCHOOL_ADMIN, employment_model="mixed").full_clean()
    StaffRole(user=user, role=rules.COUNSELLOR, employment_model="one_school", workload=D("0.50")).full_clean()


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_dashboard_shows_network_by_municipality_and_model(agency_client, programme, lang):
    a = Institution.objects.order_by("pk").first()
    b = Institution.objects.exclude(municipality=a.municipality).order_by("pk").first()
    a2 = Institution.objects.filter(municipality=a.municipality).exclude(pk=a.pk).first()
    _counsellor("a-viena-1", [a], "one_school", "1.00")
    _counsellor("a-viena-2", [a2], "one_school", "0.50")
    _counsellor("a-papildu", [a], "additional_duty", "0.25")
    _counsellor("b-pasvaldiba", [b], "municipality", "1.00")
    _counsellor("b-nezinams", [b])
    _counsellor("ab-jaukts", [a, b], "mixed", "0.75")
    StaffRole.objects.create(user=get_user_model().objects.create_user("direktors"), role=rules.SCHOOL_ADMIN).schools.add(a)
    _counsellor("bez-skolas", [], "one_school", "1.00")  # no school yet: not in the network figures

    response = agency_client.get("/monitoring/dashboard/" if lang == "lv" else "/en/monitoring/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    lv = lang == "lv"
    labels = ({"one_school": "vienā skolā", "municipality": "pašvaldības algots vairākām skolām",
               "additional_duty": "kā papildu pienākums (piemēram, skolotājs)", "mixed": "jaukts", "": "nav norādīts"} if lv else
              {"one_school": "employed at one school", "municipality": "employed by the municipality for several schools",
               "additional_duty": "as an additional duty, e.g. a teacher", "mixed": "mixed", "": "not recorded"})
    num = (lambda s: s.replace(".", ",")) if lv else (lambda s: s)
    ma, mb = a.municipality.name_lv, b.municipality.name_lv
    by_a = [[ma, labels["one_school"], "2", num("1.50"), "1", "0"], [ma, labels["additional_duty"], "1", num("0.25"), "0", "0"],
            [ma, labels["mixed"], "1", num("0.75"), "0", "0"]]
    by_b = [[mb, labels["municipality"], "1", num("1.00"), "1", "0"], [mb, labels["mixed"], "1", num("0.75"), "0", "0"],
            [mb, labels[""], "1", num("0.00"), "0", "1"]]
    assert table(html, "employment-table") == (by_a + by_b if ma < mb else by_b + by_a)
    total = html.split('id="employment-table"')[1].split("<tfoot>")[1].split("</tfoot>")[0]
    # six counsellors with schools; 1.00 + 0.50 + 0.25 + 1.00 + 0.75 = 3.50; two full-time; one without a workload
    assert text(total).split()[-4:] == ["6", num("3.50"), "2", "1"]
    # the programme's recorded history stays as it is
    assert [r[1:3] for r in table(html, "network-table")] == [["93", "2"], ["281", "26"]]
