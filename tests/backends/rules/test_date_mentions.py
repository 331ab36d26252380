"""Date mentions (backends/rules/date_mentions.py), on texts written for these tests."""

from __future__ import annotations

from datetime import date

from visit_extract.backends.rules.context import read_article
from visit_extract.backends.rules.date_mentions import Found, dates_in, days_after

PUBLISHED = date(2020, 3, 6)


def _found(text: str) -> list[Found]:
    return dates_in(read_article(text, PUBLISHED))


def test_each_date_carries_what_the_choice_needs() -> None:
    text = (
        'Rombongan Pemkot Salatiga studi banding ke Gianyar pekan lalu. "Kami senang," kata '
        "Sekda Gianyar, Kamis (5/3). Rombongan pulang Senin (9/3)."
    )
    found = _found(text)
    assert [text[f.a : f.b] for f in found] == ["pekan lalu", "Kamis (5/3)", "Senin (9/3)"]
    last_week, spoke, home = found
    assert (last_week.start, last_week.vague, last_week.cue) == ("2020", True, True)
    assert (spoke.start, spoke.said, spoke.weekday) == ("2020-03-05", True, True)
    assert (home.start, home.closes, home.planned) == ("2020-03-09", True, True)


def test_stamps_habits_and_other_events_are_left_out() -> None:
    text = (
        "Jumat, 6 Maret 2020 | 09:15 WIB\nOleh Redaksi\n6 Maret 2020\nSetiap Kamis anggota "
        "dewan kunker. Pasar Gianyar diresmikan pada 2 Maret 2020. Kunjungan ke Gianyar."
    )
    assert _found(text) == []


def test_days_after() -> None:
    assert days_after("2020-03-02", "2020-03-04")
    assert not days_after("2020-03-02", "2020-03-04", most=1)
    assert days_after("--03-30", "--04-02")
    assert not days_after("2020-03-04", "2020-03-02")
