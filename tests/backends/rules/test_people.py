"""People (backends/rules/people.py, titles.py): officials and their titles, invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.mentions import find_regions
from visit_extract.backends.rules.people import find_people, looks_like_name, name_before
from visit_extract.backends.rules.titles import is_unit_word, title_at


def _people(text: str) -> list[tuple[str, str | None, str | None]]:
    people = find_people(text, find_regions(text))
    return [(p.name, p.title, p.region.name if p.region else None) for p in people]


# ------------------------------------------------------------------ title, then name


def test_the_unit_ends_where_the_name_begins() -> None:
    assert _people("Hadir Kepala Dinas Pertanian dan Pangan Bambang Wicaksono di sana.") == [
        ("Bambang Wicaksono", "Kepala Dinas Pertanian dan Pangan", None)
    ]


def test_the_unit_ends_at_the_region() -> None:
    assert _people("Lalu Kepala Dinas Kesehatan Kabupaten Klaten Sri Handayani bicara.") == [
        ("Sri Handayani", "Kepala Dinas Kesehatan", "Kabupaten Klaten")
    ]


def test_a_bracketed_short_form_inside_the_title_is_dropped() -> None:
    assert _people("Kepala Bidang (Kabid) PMD Wulan Sari mengatakan hal itu.") == [
        ("Wulan Sari", "Kepala Bidang PMD", None)
    ]


def test_an_agency_written_in_one_word_is_spelt_out() -> None:
    got = _people("Plt Kepala Disdukcapil Kabupaten Garut, Rini, menjelaskan alurnya.")
    assert got == [
        ("Rini", "Plt Kepala Dinas Kependudukan dan Pencatatan Sipil", "Kabupaten Garut")
    ]


def test_the_unit_placed_in_a_secretariat() -> None:
    got = _people("Tamu diterima Kasubag Umum di Bagian Umum Setda Klaten Paijo di aula.")
    assert got == [("Paijo", "Kasubag Umum", "Kabupaten Klaten")]


def test_the_region_with_its_province_and_short_forms() -> None:
    text = (
        "Sekertaris Daerah Halmahera Timur (Haltim) Provinsi Maluku Utara (Malut), Yosef Tan tiba."
    )
    assert _people(text) == [("Yosef Tan", "Sekda", "Kabupaten Halmahera Timur")]


def test_a_locating_province_after_a_comma_is_no_name() -> None:
    assert _people("Bupati Sigi, Sulteng, Rahmat Hidayat datang.") == [
        ("Rahmat Hidayat", "Bupati", "Kabupaten Sigi")
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Pejabat (Pj) Bupati Kebumen Dwi Hartono hadir.", "Pj Bupati"),
        ("Penjabat Wali Kota Ambon Rudi Latuheru hadir.", "Pj Wali Kota"),
        ("Plt. Kepala Dinas Sosial Kota Depok Rudi Latuheru hadir.", "Plt Kepala Dinas Sosial"),
        ("Staff Ahli Bupati Bidang Ekonomi dan Pembangunan Rudi Latuheru hadir.",
         "Staf Ahli Bupati Bidang Ekonomi dan Pembangunan"),
        ("Asisten Pemerintahan dan Kesra Rudi Latuheru hadir.", "Asisten Pemerintahan dan Kesra"),
        ("Ketua Komisi III DPRD Kabupaten Klaten Rudi Latuheru hadir.", "Ketua Komisi III DPRD"),
        ("Ketua TP PKK Kabupaten Klaten Rudi Latuheru hadir.", "Ketua TP PKK"),
    ],
)  # fmt: skip
def test_short_titles(text: str, title: str) -> None:
    assert [t for _, t, _ in _people(text)] == [title]


# ------------------------------------------------------------------ name, then title


def test_name_first_with_a_comma_or_selaku() -> None:
    text = (
        "Menurut Yohanes Wenda, Kepala Dinas Sosial Kabupaten Jayawijaya, bantuan cukup. "
        "Rombongan diterima Agus Pramono,SE selaku wakil ketua DPRD Kukar di ruang rapat."
    )
    assert _people(text) == [
        ("Yohanes Wenda", "Kepala Dinas Sosial", "Kabupaten Jayawijaya"),
        ("Agus Pramono", "Wakil Ketua DPRD", "Kabupaten Kutai Kartanegara"),
    ]


def test_a_list_named_title_first_is_no_name_first() -> None:
    text = "Hadir Kepala BPBD Sutrisno, Bupati Klaten Sri Handayani dan tamu lain."
    assert _people(text) == [
        ("Sutrisno", "Kepala BPBD", None),
        ("Sri Handayani", "Bupati", "Kabupaten Klaten"),
    ]


def test_degrees_before_the_comma_are_skipped() -> None:
    text = "Bambang Irawan, S.Sos., MM, Kepala Bappeda"
    assert name_before(text, text.index(", Kepala")) == ("Bambang Irawan", 0)


# ------------------------------------------------------------------ what a name is


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
    assert _people(f"Ia disambut Wakil Bupati Gianyar {name} di pendopo.") == [
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
    assert _people(text) == []


def test_ranks_are_no_part_of_the_name() -> None:
    assert _people("Hadir Kepala BNNP Brigjen Pol Rudi Santoso di sana.") == [
        ("Rudi Santoso", "Kepala BNNP", None)
    ]


def test_unit_words_and_agency_words() -> None:
    assert all(map(is_unit_word, ["Organisasi", "Informatika", "PMD", "Dinkes", "Kesekretariatan"]))
    assert not any(map(is_unit_word, ["Dina", "Bakri", "Kurniawan", "Setiawan", "FB", "Agus"]))


def test_a_head_without_its_unit_is_no_title() -> None:
    assert title_at("Kepala Budi datang", 0) is None
    assert title_at("Kadis Budi datang", 0) is None
    assert title_at("Asisten Budi datang", 0) == ("Asisten", 7)


def test_a_title_with_this_refers_to_the_last_speaker() -> None:
    text = (
        '"Kami ingin belajar," kata Sarwono Adi di awal pertemuan. Kepala Dinas Sosial '
        "Kabupaten Klaten ini lalu memaparkan programnya."
    )
    assert _people(text) == [("Sarwono Adi", "Kepala Dinas Sosial", "Kabupaten Klaten")]


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
    assert _people(f"Bupati Klaten {written} hadir.") == [(name, "Bupati", "Kabupaten Klaten")]


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Kepala Badan Perencanaan Pembangunan Daerah (Bappeda)", "Kepala Bappeda"),
        ("Kepala Badan Kepegawaian Daerah", "Kepala BKD"),
        ("Kepala Badan Pusat Statistik (BPS)", "Kepala BPS"),
        ("Kepala Dinas Sosial (Dinsos)", "Kepala Dinas Sosial"),
    ],
)
def test_a_badan_goes_by_its_short_name(written: str, title: str) -> None:
    assert title_at(f"{written} Rudi Latuheru", 0) == (title, len(written))
