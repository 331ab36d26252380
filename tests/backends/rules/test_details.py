"""Kind, agreement and delegation sizes (backends/rules/details.py), invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.details import find_details

from .support import context_through

VISIT = "Rombongan Pemkot Salatiga berkunjung ke Kabupaten Gianyar. "


@pytest.mark.parametrize(
    ("words", "kind", "quote"),
    [
        ("Kunjungan kerja itu sekaligus studi tiru.", "studi_tiru", "studi tiru"),
        ("Kunker itu disebut kaji banding.", "studi_banding", "kaji banding"),
        ("Agenda benchmarking berjalan lancar.", "studi_banding", "benchmarking"),
        ("Kunker itu berjalan lancar.", "kunjungan_kerja", "Kunker"),
        ("Acara itu berjalan lancar.", "other", None),
    ],
)
def test_kind_follows_the_labeling_precedence(words: str, kind: str, quote: str | None) -> None:
    ctx = context_through(VISIT + words, find_details)
    assert ctx.kind == kind
    got = ctx.text[ctx.kind_span[0] : ctx.kind_span[1]] if ctx.kind_span else None
    assert got == quote


def test_kind_in_a_read_also_line_does_not_count() -> None:
    ctx = context_through(VISIT + "\nBaca juga: Studi tiru ke kota lain\nSelesai.", find_details)
    assert ctx.kind == "other"


@pytest.mark.parametrize(
    ("sentence", "signed"),
    [
        ("Kedua pemda menandatangani MoU kerja sama pengelolaan sampah.", True),
        ("Kedua pemda akan menandatangani nota kesepahaman tahun depan.", False),
        ("Mereka membahas perjanjian kerja sama yang lama.", False),
    ],
)
def test_agreement_only_when_signed(sentence: str, signed: bool) -> None:
    ctx = context_through(VISIT + sentence, find_details)
    assert (ctx.agreement_span is not None) == signed
    if ctx.agreement_span:
        assert ctx.text[ctx.agreement_span[0] : ctx.agreement_span[1]] == sentence


def test_sizes_go_to_the_delegation_named_with_them() -> None:
    ctx = context_through(
        "Bupati Klaten Sri Wahyuni dan Bupati Boyolali Agus Santoso studi banding ke Kota "
        "Magelang.\nWahyuni datang bersama 30 orang rombongannya. Agus ditemani dua belas "
        "staf.",
        find_details,
    )
    sizes = {ctx.sides[code].role.region.name: size[0] for code, size in ctx.sizes.items()}
    assert sizes == {"Kabupaten Klaten": 30, "Kabupaten Boyolali": 12}


def test_one_person_is_no_delegation_size() -> None:
    ctx = context_through(VISIT + "Hadir pula satu orang staf ahli.", find_details)
    assert ctx.sizes == {}
