from datetime import datetime, timedelta, timezone

from karjera.excursions import figures, ical

START = datetime(2027, 3, 10, 9, 30, tzinfo=timezone(timedelta(hours=2)))  # 07:30 UTC


def test_ical_event_lines():
    text = ical.event("excursion-request-7@karjera", START, START + timedelta(hours=2), "Mācību ekskursija: Maiznīca; ceptuve",
                      location="Rīgas iela 1, Valmiera", description="Rindiņa\notrā", stamp=START)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\r\nDTSTART:20270310T073000Z\r\n" in text
    assert "\r\nDTEND:20270310T093000Z\r\n" in text
    assert "SUMMARY:Mācību ekskursija: Maiznīca\\; ceptuve" in text
    assert "LOCATION:Rīgas iela 1\\, Valmiera" in text
    assert "DESCRIPTION:Rindiņa\\notrā" in text
    assert "STATUS:CONFIRMED" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_ical_folds_long_lines_without_splitting_letters():
    text = ical.event("u", START, START, "ā" * 100, stamp=START)
    lines = text.split("\r\n")
    summary = [line for line in lines if line.startswith("SUMMARY") or line.startswith(" ")]
    assert len(summary) >= 3 and all(len(line.encode()) <= 75 for line in summary)
    assert "".join(line[1:] if line.startswith(" ") else line for line in summary) == "SUMMARY:" + "ā" * 100
    assert "STATUS:CANCELLED" in ical.event("u", START, START, "x", cancelled=True)


def test_tabulate_hand_computed():
    now = START + timedelta(days=1)
    past, future = START, START + timedelta(days=5)
    slots = [figures.SlotRow("valmiera", "ict", 30, past), figures.SlotRow("valmiera", "ict", 20, future),
             figures.SlotRow("riga", "energy", 10, future)]
    requests = [
        figures.RequestRow("valmiera", "ict", 20, "confirmed", past, attended=18),
        figures.RequestRow("valmiera", "ict", 5, "confirmed", future),
        figures.RequestRow("valmiera", "ict", 7, "cancelled", future, late=True),
        figures.RequestRow("riga", "energy", 9, "declined", future),
        figures.RequestRow("riga", "energy", 4, "confirmed", past),
    ]
    table = figures.tabulate(slots, requests, now)
    assert list(table) == [("riga", "energy"), ("valmiera", "ict")]
    assert table[("valmiera", "ict")] == {"slots_offered": 2, "places_offered": 50, "requests": 3, "pupils_requested": 32,
                                          "confirmed": 2, "visits_held": 1, "pupils_held": 18, "cancelled": 1,
                                          "late_cancellations": 1}
    assert table[("riga", "energy")]["visits_held"] == 1 and table[("riga", "energy")]["pupils_held"] == 4
    assert figures.totals(table)["requests"] == 5
