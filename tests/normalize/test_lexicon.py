"""The shared lexicon (normalize/lexicon.py) and the readers that take their words from it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pydantic import ValidationError

from visit_extract.backends.llm.postprocess import build_visits
from visit_extract.backends.llm.response import LLMAnswer, LLMVisit
from visit_extract.backends.llm.textprep import prepare_text
from visit_extract.backends.rules.context import read_article
from visit_extract.backends.rules.dates import visit_dates
from visit_extract.backends.rules.mentions import find_regions
from visit_extract.backends.rules.people import find_people
from visit_extract.backends.rules.relevance import relevance_features
from visit_extract.backends.rules.roles import score_roles
from visit_extract.backends.rules.topics import topic_spans
from visit_extract.normalize import normalize_region, normalize_title, region_hint, resolve_date
from visit_extract.normalize.lexicon import (
    MONTH_PATTERN,
    MONTHS,
    PLAIN_WEEKDAY_PATTERN,
    WEEKDAY_PATTERN,
    alternation,
    kind_of,
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


# ------------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("quote", "kind"),
    [
        ("rombongan melakukan studi tiru sekaligus studi banding", "studi_tiru"),
        ("agenda kaji tiru ke kota itu", "studi_tiru"),
        ("kunjungan kerja dalam rangka studi banding", "studi_banding"),
        ("kegiatan studi komparasi tata kelola pasar", "studi_banding"),
        ("kaji banding ke kabupaten tetangga", "studi_banding"),
        ("a comparative study of waste banks", "studi_banding"),
        ("melakukan benchmarking layanan", "studi_banding"),
        ("hasil benchmark ke daerah lain", "studi_banding"),
        ("kunjungan kerjanya berlangsung singkat", "kunjungan_kerja"),
        ("kunker ke ibu kota provinsi", "kunjungan_kerja"),
        ("kunjungan kerjasama dua kota", "other"),
        ("silaturahmi antardaerah", "other"),
    ],
)
def test_kind_of_follows_the_labeling_precedence(quote: str, kind: str) -> None:
    assert kind_of(quote)[0] == kind


def test_kind_of_points_at_the_deciding_term() -> None:
    quote = "Kunker itu disebut kaji banding."
    kind, m = kind_of(quote)
    assert kind == "studi_banding" and m is not None and m.group() == "kaji banding"


def test_the_llm_checks_use_the_same_kinds() -> None:
    # a model quoting "kaji banding" for studi_banding passes the answer check, and a
    # quote that names a higher-precedence term raises the kind
    visit = LLMVisit.model_validate(
        {
            "visitor": {"institution": {"value": "Pemkab Klaten", "quote": "Pemkab Klaten"}},
            "host": {"institution": {"value": "Pemkot Magelang", "quote": "Pemkot Magelang"}},
            "kind": "kunjungan_kerja",
            "kind_quote": "kunjungan kerja sekaligus kaji banding",
        }
    )
    prepared = prepare_text("Pemkab Klaten: kunjungan kerja sekaligus kaji banding.")
    _, (got,), _ = build_visits(LLMAnswer(is_study_visit=True, visits=[visit]), prepared, None)
    assert got.kind == "studi_banding"


def test_the_llm_answer_check_rejects_a_quote_without_the_term() -> None:
    with pytest.raises(ValidationError, match="does not contain that term"):
        LLMVisit.model_validate(
            {
                "visitor": {"institution": {"value": "Pemkab Klaten", "quote": "Klaten"}},
                "host": {"institution": {"value": "Pemkot Magelang", "quote": "Magelang"}},
                "kind": "studi_tiru",
                "kind_quote": "kunjungan kerjasama dua kota",
            }
        )


# ------------------------------------------------------------------ visit and learning cues


@pytest.mark.parametrize(
    "term", ["studi-banding", "kaji tiru", "benchmark", "comparative studies", "ngangsu kaweruh"]
)
def test_relevance_and_roles_read_the_same_study_terms(term: str) -> None:
    text = (
        f"Rombongan Pemkab Klaten melakukan {term} ke Kota Magelang, Senin (3/6). Bupati "
        "Klaten Sri Wahyuni ingin belajar tentang bank sampah."
    )
    assert relevance_features(text)["strong"] >= 1
    ctx = read_article(text, None)
    score_roles(ctx)
    hosts = {r.region.name: r.host for r in ctx.roles.values()}
    assert hosts["Kota Magelang"] >= 2.0


def test_a_cooperation_visit_is_no_working_visit() -> None:
    text = (
        "Pemkab Klaten melakukan kunjungan kerjasama ke Kota Magelang, Senin (3/6), untuk "
        "mempelajari pengelolaan pasar."
    )
    assert relevance_features(text)["kunker"] == 0
    assert relevance_features(text.replace("kerjasama", "kerja"))["kunker"] == 1


# ------------------------------------------------------------------------------ titles


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Wawalkot", "Wakil Wali Kota"),
        ("Pj. Sekkab", "Pj Sekda"),
        ("Plt Kabid Umum", "Plt Kepala Bidang Umum"),
        ("Penjabat Sementara Wawalikota Magelang", "Pjs Wakil Wali Kota"),
        ("KADIS Pertanian", "Kepala Dinas Pertanian"),
    ],
)
def test_title_abbreviations_expand(title: str, short: str) -> None:
    assert normalize_title(title) == short


@pytest.mark.parametrize(("word", "level"), [("Wawalkot", "city"), ("Sekkab", "regency")])
def test_a_head_or_secretary_title_implies_the_level(word: str, level: str) -> None:
    assert region_hint(word) == level
    region = normalize_region(f"{word} Magelang")
    assert region is not None and region.level == level


def test_the_rules_read_the_same_titles() -> None:
    text = "Rombongan diterima Wawalkot Magelang Rudi Hartawan dan Sekkab Klaten Joko Susilo."
    mentions = find_regions(text)
    assert [text[m.prefix_start : m.end] for m in mentions] == [
        "Wawalkot Magelang",
        "Sekkab Klaten",
    ]
    people = [(p.name, p.title) for p in find_people(text, mentions)]
    assert people == [("Rudi Hartawan", "Wakil Wali Kota"), ("Joko Susilo", "Sekda")]
    assert (
        relevance_features("Wawalkot Magelang menerima studi banding rombongan, Senin (3/6).")[
            "gov"
        ]
        == 1
    )


def test_a_visit_name_is_no_topic() -> None:
    spans = topic_spans("Rombongan belajar tentang kaji banding dan bank sampah.", [])
    assert [t for t, _, _ in spans] == ["bank sampah"]
