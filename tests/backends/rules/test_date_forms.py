"""Date forms (backends/rules/date_forms.py), on phrases written for these tests."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.date_forms import DATE_RE, END_ANY, END_RE, END_WEEKDAY


@pytest.mark.parametrize(
    "written",
    [
        "Senin (2/3)",
        "Senin sore (2/3/2020)",
        "Jumat malam, 6 Maret 2020",
        "Senin tanggal 2 Maret 2020",
        # (the bracket closing after the year is left out)
        "Senin (2 Maret 2020",
        "Senin-Rabu (2-4/3)",
        "Senin s/d Rabu tanggal 2 s/d 4 Maret 2020",
        "02/03/2020 - 04/03/2020",
        "Sabtu-Minggu (29/2-1/3)",
        "2, 3 dan 4 Maret 2020",
        "akhir Maret 2020",
        "Februari kemarin",
        "bulan kemarin",
        "pekan lalu",
        "pagi tadi",
        "Kamis",
        "kemarin",
    ],
)
def test_a_written_date_is_read_whole(written: str) -> None:
    m = DATE_RE.search("Rombongan tiba " + written + " di Gianyar.")
    assert m is not None and m.group().strip() == written


def test_no_date_where_there_is_none() -> None:
    assert DATE_RE.search("Kunjungan serupa dilakukan tahun kemarin di Gianyar.") is None
    assert DATE_RE.search("Rombongan belajar soal pasar desa di Gianyar.") is None


def test_the_last_day_after_a_date() -> None:
    text = "Senin (2/3) hingga Rabu (4/3)"
    m = END_RE.match(text, len("Senin (2/3)"))
    assert m is not None and m.group(1) == "(4/3)"
    m = END_WEEKDAY.match("Kamis (5/3) sampai Sabtu.", len("Kamis (5/3)"))
    assert m is not None and m.group(1) == "Sabtu"
    m = END_ANY.search("Mereka berada di Gianyar hingga Rabu, 4 Maret 2020.")
    assert m is not None and m.group(1) == "4 Maret 2020"
