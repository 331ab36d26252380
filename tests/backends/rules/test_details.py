"""Kind, agreement and delegation sizes (backends/rules/details.py), invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.details import find_details, number_of

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


@pytest.mark.parametrize(
    "sentences",
    [
        "Wahyuni datang bersama 30 orang rombongannya. Agus ditemani dua belas staf.",
        # both delegations in one sentence: each number goes to the one named last
        "Wahyuni diikuti 30 orang staf, sedangkan Agus didampingi 12 orang pejabat.",
    ],
)
def test_sizes_go_to_the_delegation_named_with_them(sentences: str) -> None:
    ctx = context_through(
        "Bupati Klaten Sri Wahyuni dan Bupati Boyolali Agus Santoso studi banding ke Kota "
        "Magelang.\n" + sentences,
        find_details,
    )
    sizes = {ctx.sides[code].role.region.name: size[0] for code, size in ctx.sizes.items()}
    assert sizes == {"Kabupaten Klaten": 30, "Kabupaten Boyolali": 12}


def test_one_person_is_no_delegation_size() -> None:
    ctx = context_through(VISIT + "Hadir pula satu orang staf ahli.", find_details)
    assert ctx.sizes == {}


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("12", 12),
        ("tujuh", 7),
        ("sebelas", 11),
        ("dua belas", 12),
        ("enam puluh", 60),
        ("tiga puluh lima", 35),
        ("seratus", 100),
        ("seratus dua puluh", 120),
        ("dua ratus lima", 205),
        ("banyak", None),
    ],
)
def test_numbers_in_words(words: str, value: int | None) -> None:
    assert number_of(words) == value


def test_a_number_in_words_is_a_size() -> None:
    ctx = context_through(
        VISIT + "Sebanyak tiga puluh lima orang ikut dalam rombongan.", find_details
    )
    assert [size[0] for size in ctx.sizes.values()] == [35]


@pytest.mark.parametrize(
    ("sentence", "size"),
    [
        # the people who received the visitors are no part of the delegation
        ("Mereka disambut Sekda beserta dua orang staf ahli.", None),
        # a host that receives the visit names the visitors after the reception word
        ("Sekda Gianyar menerima kunjungan 25 orang pejabat dari Salatiga.", 25),
    ],
)
def test_sizes_after_a_reception(sentence: str, size: int | None) -> None:
    ctx = context_through(VISIT + sentence, find_details)
    assert [s[0] for s in ctx.sizes.values()] == ([size] if size else [])


@pytest.mark.parametrize(
    ("sentence", "size"),
    [
        ("Rombongan itu diikuti 22 kepala desa se-Kecamatan Tengaran.", 22),
        ("Sebanyak 18 kades ikut dalam rombongan.", 18),
        ("Wali kota datang dengan membawa 20 ASN.", 20),
        ("Sekda membawa serta 16 kepala OPD.", 16),
        ("Rombongan beranggotakan sembilan camat.", 9),
        ("Ketua TP PKK mengajak 30 kader posyandu.", 30),
    ],
)
def test_people_counted_by_their_office_are_a_size(sentence: str, size: int) -> None:
    ctx = context_through(VISIT + sentence, find_details)
    assert [s[0] for s in ctx.sizes.values()] == [size]


@pytest.mark.parametrize(
    "sentence",
    [
        # LABELING.md: a number that counts only part of the delegation is no size
        "Wali kota mengajak 40 kepala desa dan beberapa perangkat desa.",
        "Rombongan membawa 12 orang pejabat serta sejumlah staf.",
        "Rombongan terdiri dari 10 anggota DPRD dan 5 staf sekretariat.",
        "Sebanyak 14 camat dan kepala dinas terkait ikut berkunjung.",
        "Sekda mengajak 25 lurah, ditambah puluhan ketua RW.",
    ],
)
def test_a_count_of_part_of_the_delegation_is_no_size(sentence: str) -> None:
    ctx = context_through(VISIT + sentence, find_details)
    assert ctx.sizes == {}


@pytest.mark.parametrize(
    ("sentence", "size"),
    [
        # the count of the whole comes first; the parts after it do not replace it
        ("Rombongan berjumlah 30 orang, terdiri dari 20 kepala desa dan 10 staf.", 30),
        # staff named without a count go with the counted members
        ("Ketua komisi diikuti 12 orang anggota beserta staf sekretariat dewan.", 12),
    ],
)
def test_a_whole_count_stays_beside_its_parts(sentence: str, size: int) -> None:
    ctx = context_through(VISIT + sentence, find_details)
    assert [s[0] for s in ctx.sizes.values()] == [size]
