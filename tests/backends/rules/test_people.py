"""People (backends/rules/people.py): officials named title first or name first, invented texts."""

from __future__ import annotations

import pytest

from .support import people_of


def test_the_unit_ends_where_the_name_begins() -> None:
    assert people_of("Hadir Kepala Dinas Pertanian dan Pangan Bambang Wicaksono di sana.") == [
        ("Bambang Wicaksono", "Kepala Dinas Pertanian dan Pangan", None)
    ]


def test_the_unit_ends_at_the_region() -> None:
    assert people_of("Lalu Kepala Dinas Kesehatan Kabupaten Klaten Sri Handayani bicara.") == [
        ("Sri Handayani", "Kepala Dinas Kesehatan", "Kabupaten Klaten")
    ]


def test_the_unit_placed_in_a_secretariat() -> None:
    got = people_of("Tamu diterima Kasubag Umum di Bagian Umum Setda Klaten Paijo di aula.")
    assert got == [("Paijo", "Kasubag Umum", "Kabupaten Klaten")]


def test_the_region_with_its_province_and_short_forms() -> None:
    text = (
        "Sekertaris Daerah Halmahera Selatan (Halsel) "
        "Provinsi Maluku Utara (Malut), Yosef Tan tiba."
    )
    assert people_of(text) == [("Yosef Tan", "Sekda", "Kabupaten Halmahera Selatan")]


def test_a_locating_province_after_a_comma_is_no_name() -> None:
    assert people_of("Bupati Sigi, Sulteng, Rahmat Hidayat datang.") == [
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
    assert [t for _, t, _ in people_of(text)] == [title]


def test_name_first_with_a_comma_or_selaku() -> None:
    text = (
        "Menurut Yohanes Wenda, Kepala Dinas Sosial Kabupaten Jayawijaya, bantuan cukup. "
        "Rombongan diterima Agus Pramono,SE selaku wakil ketua DPRD Kukar di ruang rapat."
    )
    assert people_of(text) == [
        ("Yohanes Wenda", "Kepala Dinas Sosial", "Kabupaten Jayawijaya"),
        ("Agus Pramono", "Wakil Ketua DPRD", "Kabupaten Kutai Kartanegara"),
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Tamu disambut Lestari Ayu yang merupakan Kepala Dinas Sosial Kota Blitar.",
         ("Lestari Ayu", "Kepala Dinas Sosial", "Kota Blitar")),
        ("Tamu disambut Lestari Ayu yang menjabat sebagai Sekda Kota Blitar di pendopo.",
         ("Lestari Ayu", "Sekda", "Kota Blitar")),
        ("Tamu disambut Lestari Ayu yang kini menjabat Asisten II Setda Kota Blitar.",
         ("Lestari Ayu", "Asisten II", "Kota Blitar")),
        ("Rombongan dipimpin Hendra Wijaya, S.IP yang saat ini menjabat wakil ketua DPRD Sleman.",
         ("Hendra Wijaya", "Wakil Ketua DPRD", "Kabupaten Sleman")),
    ],
)  # fmt: skip
def test_name_first_with_the_office_the_person_holds(
    text: str, person: tuple[str, str, str]
) -> None:
    assert people_of(text) == [person]


def test_yang_merupakan_without_a_title_gives_nobody() -> None:
    assert people_of("Tamu disambut Lestari Ayu yang merupakan warga Kota Blitar.") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ('"Kami siap," ujar Dewi Lestari, kepala dinas sosial Kota Blitar.',
         ("Dewi Lestari", "Kepala Dinas Sosial", "Kota Blitar")),
        ("Menurut Dewi Lestari, wakil bupati Sleman, program itu berhasil.",
         ("Dewi Lestari", "Wakil Bupati", "Kabupaten Sleman")),
        ("Hadir pula Dewi Lestari, asisten II setda Kabupaten Sleman, di aula.",
         ("Dewi Lestari", "Asisten II", "Kabupaten Sleman")),
    ],
)  # fmt: skip
def test_name_first_with_a_lower_case_title_and_its_region(
    text: str, person: tuple[str, str, str]
) -> None:
    assert people_of(text) == [person]


def test_a_lower_case_word_after_a_comma_without_a_region_is_no_title() -> None:
    assert people_of("Menurut Dewi Lestari, asisten pelatih tim itu, latihan lancar.") == []
    assert people_of("Kata Dewi Lestari, kepala desa setempat, panen lancar.") == []


def test_a_list_named_title_first_is_no_name_first() -> None:
    text = "Hadir Kepala BPBD Sutrisno, Bupati Klaten Sri Handayani dan tamu lain."
    assert people_of(text) == [
        ("Sutrisno", "Kepala BPBD", None),
        ("Sri Handayani", "Bupati", "Kabupaten Klaten"),
    ]


def test_a_title_with_this_refers_to_the_last_speaker() -> None:
    text = (
        '"Kami ingin belajar," kata Sarwono Adi di awal pertemuan. Kepala Dinas Sosial '
        "Kabupaten Klaten ini lalu memaparkan programnya."
    )
    assert people_of(text) == [("Sarwono Adi", "Kepala Dinas Sosial", "Kabupaten Klaten")]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the title's last field written after the name
        ("Rombongan dipimpin Asisten Pemerintahan Mahasunu dan Kesra tiba di aula.",
         ("Mahasunu", "Asisten Pemerintahan dan Kesra", None)),
        ("Kepala Bidang Pemerintahan Rudi dan Sosial, kata dia.",
         ("Rudi", "Kepala Bidang Pemerintahan dan Sosial", None)),
        # not a field but the next person or an office
        ("Asisten Pemerintahan Rudi dan Kepala Dinas Sosial Joko hadir.",
         ("Rudi", "Asisten Pemerintahan", None)),
        ("Asisten Pemerintahan Rudi dan Sekretariat DPRD hadir.",
         ("Rudi", "Asisten Pemerintahan", None)),
    ],
)  # fmt: skip
def test_a_title_split_by_the_name(text: str, person: tuple[str, str, str | None]) -> None:
    assert people_of(text)[0] == person


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Rombongan terdiri dari Yohan Tabuni (Kabag Kesra), Markus Wenda (Kadis Pariwisata) "
         "dan staf.",
         [("Yohan Tabuni", "Kepala Bagian Kesra", None),
          ("Markus Wenda", "Kepala Dinas Pariwisata", None)]),
        ("Rombongan diterima Rina Dewi (Sekda Kota Kupang) di ruang rapat.",
         [("Rina Dewi", "Sekda", "Kota Kupang")]),
        ("Hadir pula Hendra Wijaya ( Wakil Bupati Sumenep ) bersama istri.",
         [("Hendra Wijaya", "Wakil Bupati", "Kabupaten Sumenep")]),
        # more than a title in the brackets: no title of that person
        ("Hadir Hendra Wijaya (Kepala Dinas Sosial dan warga) di sana.", []),
        # a short form in brackets inside a title is no name before a title
        ("Sekretaris Daerah (Sekda) Kota Kupang, Rina Dewi, hadir.",
         [("Rina Dewi", "Sekda", "Kota Kupang")]),
    ],
)  # fmt: skip
def test_a_title_in_brackets_after_the_name(
    text: str, people: list[tuple[str, str, str | None]]
) -> None:
    assert people_of(text) == people
