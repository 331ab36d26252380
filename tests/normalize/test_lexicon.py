"""The shared lexicon (normalize/lexicon.py) and the readers that take their words from it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from visit_extract.backends.rules.context import read_article
from visit_extract.backends.rules.dates import visit_dates
from visit_extract.normalize import resolve_date
from visit_extract.normalize.lexicon import (
    MONTH_PATTERN,
    MONTHS,
    PLAIN_WEEKDAY_PATTERN,
    WEEKDAY_PATTERN,
    alternation,
    weekday_number,
)

# ------------------------------------------------------------------------------ months


@pytest.mark.parametrize(
    ("word", "month"),
    [("Pebruari", 2), ("Febuari", 2), ("Nopember", 11), ("Agst", 8), ("Ags", 8), ("Sept", 9)],
)
def test_old_spellings_and_abbreviations(word: str, month: int) -> None:
    assert MONTHS[word.lower()] == month
    assert re.fullmatch(MONTH_PATTERN, word, re.IGNORECASE)


def test_alternation_puts_longer_words_first() -> None:
    # "agus" must not hide "agustus"
    m = re.match(alternation(["agus", "agustus"]), "agustus")
    assert m is not None and m.group() == "agustus"
    assert alternation(["kunjungan kerja"]) == r"(?:kunjungan\s+kerja)"


@pytest.mark.parametrize("word", ["Pebruari", "Agst", "Nopember"])
def test_the_resolver_and_the_rules_read_the_same_months(word: str) -> None:
    expected = f"2019-{MONTHS[word.lower()]:02d}-05"
    assert resolve_date(f"5 {word} 2019", None) == (expected, None)
    text = f"Rombongan Pemkab Klaten berkunjung ke Kota Magelang, 5 {word} 2019."
    assert visit_dates(read_article(text, None))[0] == expected


# ---------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("word", "number"), [("Jumat", 4), ("Jum'at", 4), ("Jum’at", 4), ("JUMAAT", 4), ("Ahad", 6)]
)
def test_weekday_spellings(word: str, number: int) -> None:
    assert weekday_number(word) == number
    assert re.fullmatch(WEEKDAY_PATTERN, word, re.IGNORECASE)


def test_a_typographic_apostrophe_friday_resolves() -> None:
    # published on a Monday: the Friday before
    assert resolve_date("Jum’at", date(2024, 6, 10)) == ("2024-06-07", None)


def test_minggu_is_no_plain_weekday() -> None:
    assert re.search(PLAIN_WEEKDAY_PATTERN, "dua minggu lalu", re.IGNORECASE) is None
    assert re.search(PLAIN_WEEKDAY_PATTERN, "Sabtu pagi", re.IGNORECASE) is not None
