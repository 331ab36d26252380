"""Names (backends/rules/names.py): what a name is and where it ends, invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.names import looks_like_name, name_before

from .support import people_of


def test_degrees_before_the_comma_are_skipped() -> None:
    text = "Bambang Irawan, S.Sos., MM, Kepala Bappeda"
    assert name_before(text, text.index(", Kepala")) == ("Bambang Irawan", 0)


@pytest.mark.parametrize(
    "name",
    [
        "I Gusti Agung Ngurah Rai",
        "Ni Made Sri Wahyuni",
        "Anak Agung Gede Putra",
        "Cokorda Istri Dewi",
        "Andi Makmur",
        "La Ode Rahim",
        "Tumpal Hutapea",
        "Yohanis Wenda",
        "Sutrisno",
        "Lalu Gede Pranata",
        "Dina Mariana",
    ],
)
def test_names_of_every_region_read_whole(name: str) -> None:
    assert looks_like_name(name)
    assert people_of(f"Ia disambut Wakil Bupati Gianyar {name} di pendopo.") == [
        (name, "Wakil Bupati", "Kabupaten Gianyar")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Surat itu diteken Sekretaris Daerah pada pagi hari.",
        "Hadir Kepala Dinas Komunikasi dan Informatika.",
        "Kepala Bagian Organisasi Setda belum hadir.",
        "Ia kembali menjadi Bupati Klaten Januari lalu.",
        "Wakil Bupati Klaten Senin pagi tiba.",
        "Yang datang asisten pelatih tim itu.",
        "Pengganti Inspektur Jenderal Budi belum ada.",
        "Target itu kata Bupati Klaten. Anggaran naik.",
    ],
)
def test_words_that_are_no_names(text: str) -> None:
    assert people_of(text) == []


def test_ranks_are_no_part_of_the_name() -> None:
    assert people_of("Hadir Kepala BNNP Brigjen Pol Rudi Santoso di sana.") == [
        ("Rudi Santoso", "Kepala BNNP", None)
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Moch. Saleh Bantilan", "Moch Saleh Bantilan"),
        ("Dr. dr. Hj. Rina Sari, M.Kes", "Rina Sari"),
        ("Prof. Dr. Ir. H. M. Rahman Hakim, M.Agr.", "M Rahman Hakim"),
        ("A. Kaswadi Rasak", "A Kaswadi Rasak"),
    ],
)
def test_abbreviations_and_honorifics_inside_names(written: str, name: str) -> None:
    assert people_of(f"Bupati Klaten {written} hadir.") == [(name, "Bupati", "Kabupaten Klaten")]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("H.M. Hartopo", "Hartopo"),
        ("HM.Hartopo", "Hartopo"),
        ("Drs.H.Agus Salim", "Agus Salim"),
        ("H. M. Yusuf", "M Yusuf"),
        ("Ma'ruf Syafi'i", "Ma'ruf Syafi'i"),
    ],
)
def test_glued_honorifics_and_initials(written: str, name: str) -> None:
    assert people_of(f"Bupati Kudus {written} hadir.") == [(name, "Bupati", "Kabupaten Kudus")]
