"""The visit's dates (backends/rules/dates.py), on texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from visit_extract.backends.rules.context import read_article
from visit_extract.backends.rules.dates import visit_dates

PUBLISHED = date(2020, 3, 6)


def _dates(text: str, published: date | None = PUBLISHED) -> tuple[str | None, str | None, str]:
    start, end, span = visit_dates(read_article(text, published))
    return start, end, text[span[0] : span[1]] if span else ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jumat, 6 Maret 2020 10:15 WIB\nPemkot Salatiga belajar ke Kabupaten Gianyar, "
            "Kamis (5/3).",
            ("2020-03-05", None, "Kamis (5/3)"),
        ),
        (
            "Aplikasi itu diluncurkan Senin (2/3). Rombongan Pemkot Salatiga tiba di "
            "Gianyar, Rabu (4/3).",
            ("2020-03-04", None, "Rabu (4/3)"),
        ),
        (
            "Rombongan tiba Selasa (3/3). Mereka berada di Gianyar hingga Kamis (5/3).",
            ("2020-03-03", "2020-03-05", "Selasa (3/3)"),
        ),
        (
            "Kunjungan berlangsung 10-12 Agustus 2021 di Gianyar.",
            ("2021-08-10", "2021-08-12", "10-12 Agustus 2021"),
        ),
        ("Kunjungan itu digelar kemarin di aula kantor bupati.", ("2020-03-05", None, "kemarin")),
    ],
    ids=["header-stamp-skipped", "other-event-skipped", "later-end", "range", "kemarin"],
)
def test_visit_dates(text: str, expected: tuple[str | None, str | None, str]) -> None:
    assert _dates(text) == expected


def test_a_year_written_later_completes_the_day() -> None:
    text = "Rombongan tiba Selasa (3/3). Kunjungan hari kedua, Rabu (3/3/2020) pagi, ke pasar."
    assert _dates(text, None)[:2] == ("2020-03-03", None)


def test_a_bare_weekday_needs_the_visits_words() -> None:
    assert _dates("Hujan deras turun Senin sore.") == (None, None, "")
    assert _dates("Rombongan tiba Senin sore.")[0] == "2020-03-02"


def test_dates_in_read_also_passages_are_ignored() -> None:
    text = "Baca juga: Rombongan tiba Senin (2/3)\nRombongan berkunjung Rabu (4/3)."
    assert _dates(text)[0] == "2020-03-04"
