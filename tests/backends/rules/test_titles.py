"""Titles (backends/rules/titles.py): heads, their units and short forms, invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.titles import is_unit_word, title_at

from .support import people_of


def test_a_bracketed_short_form_inside_the_title_is_dropped() -> None:
    assert people_of("Kepala Bidang (Kabid) PMD Wulan Sari mengatakan hal itu.") == [
        ("Wulan Sari", "Kepala Bidang PMD", None)
    ]


def test_an_agency_written_in_one_word_is_spelt_out() -> None:
    got = people_of("Plt Kepala Disdukcapil Kabupaten Garut, Rini, menjelaskan alurnya.")
    assert got == [
        ("Rini", "Plt Kepala Dinas Kependudukan dan Pencatatan Sipil", "Kabupaten Garut")
    ]


def test_unit_words_and_agency_words() -> None:
    assert all(map(is_unit_word, ["Organisasi", "Informatika", "PMD", "Dinkes", "Kesekretariatan"]))
    assert not any(map(is_unit_word, ["Dina", "Bakri", "Kurniawan", "Setiawan", "FB", "Agus"]))
    # initials with numbers name an office; a number or one letter with a digit does not
    assert all(map(is_unit_word, ["DP3A", "P3AP2KB", "DP2KBP3A"]))
    assert not any(map(is_unit_word, ["2019", "B2", "K3", "Tahun2019"]))


def test_a_head_without_its_unit_is_no_title() -> None:
    assert title_at("Kepala Budi datang", 0) is None
    assert title_at("Kadis Budi datang", 0) is None
    assert title_at("Asisten Budi datang", 0) == ("Asisten", 7)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Kepala Badan Perencanaan Pembangunan Daerah (Bappeda)", "Kepala Bappeda"),
        ("Kepala Badan Kepegawaian Daerah", "Kepala BKD"),
        ("Kepala Badan Pusat Statistik (BPS)", "Kepala BPS"),
        ("Kepala Dinas Sosial (Dinsos)", "Kepala Dinas Sosial"),
        # the head of a part of an office, without the office that holds the part
        ("Kepala Bidang Pemerintahan Desa Dinas PMD", "Kepala Bidang Pemerintahan Desa"),
        ("Kasubag Perencanaan Bappeda", "Kasubag Perencanaan"),
        ("Kabid Pendapatan Badan Keuangan Daerah", "Kepala Bidang Pendapatan"),
        ("Plt Direktur Fasilitasi Ditjen Bina Keuangan", "Plt Direktur Fasilitasi"),
        # an agency's head written in one word
        ("Kadinkes", "Kepala Dinas Kesehatan"),
        ("Kadispar", "Kepala Dinas Pariwisata"),
        ("Kadisbudpar", "Kepala Dinas Kebudayaan dan Pariwisata"),
        ("Kadisparpora", "Kepala Dinas Pariwisata Pemuda dan Olahraga"),
        # offices named by initials with numbers, and "PA" among a unit's initials
        ("Kepala DP3A", "Kepala DP3A"),
        ("Kepala Dinas Sosial P3AKB", "Kepala Dinas Sosial P3AKB"),
        (
            "Kepala Dinas Pengendalian Penduduk, KB, PP dan PA",
            "Kepala Dinas Pengendalian Penduduk KB PP dan PA",
        ),
        ("Kepala Dispertan", "Kepala Dinas Pertanian"),
        ("Plt Kadisdukcapil", "Plt Kepala Dinas Kependudukan dan Pencatatan Sipil"),
        # acting heads and secretaries of an office
        ("Plh Sekda", "Plh Sekda"),
        ("Pelaksana Harian (Plh) Bupati", "Plh Bupati"),
        ("Sekretaris Dinas Sosial", "Sekretaris Dinas Sosial"),
        ("Sekretaris Bappeda", "Sekretaris Bappeda"),
        ("Kepala Bappelitbangda", "Kepala Bappelitbangda"),
        ("Asisten II Bidang Perekonomian", "Asisten II Bidang Perekonomian"),
        ("Asisten Pemkesra", "Asisten Pemkesra"),
        # "Pemerintah" misspelt for the field "Pemerintahan" before another field
        ("Asisten Pemerintah dan Kesra", "Asisten Pemerintahan dan Kesra"),
        ("Kabag Pemerintah dan Otonomi Daerah", "Kepala Bagian Pemerintahan dan Otonomi Daerah"),
        ("Asisten Perekbang", "Asisten Perekbang"),
        ("Direktur Utama PDAM", "Direktur Utama PDAM"),
        # receivers of a host abroad or at a ministry
        ("Duta Besar RI untuk Belanda", "Duta Besar"),
        ("Dubes RI untuk Korea Selatan", "Duta Besar"),
        ("Konjen RI di Osaka", "Konsul Jenderal"),
        ("Mendagri", "Menteri Dalam Negeri"),
        ("Menteri Dalam Negeri", "Menteri Dalam Negeri"),
        ("Menteri Hukum dan Hak Asasi Manusia", "Menteri Hukum dan Hak Asasi Manusia"),
        ("Dirjen Bina Pemerintahan Desa Kementerian Dalam Negeri", "Dirjen Bina Pemerintahan Desa"),
        ("Direktur Produk Hukum Daerah Ditjen Otda", "Direktur Produk Hukum Daerah"),
        ("Kabid Pemasaran Disporapar", "Kepala Bidang Pemasaran"),
        # the national houses are the Republic's, like a region no part of the title
        ("Wakil Ketua DPR RI", "Wakil Ketua DPR"),
        ("Ketua Komisi II DPR RI", "Ketua Komisi II DPR"),
        # the council and its bodies spelt out
        ("Ketua Dewan Perwakilan Rakyat Daerah (DPRD)", "Ketua DPRD"),
        ("Wakil Ketua Dewan Perwakilan Rakyat Daerah", "Wakil Ketua DPRD"),
        ("Sekretaris Dewan Perwakilan Rakyat Daerah", "Sekretaris DPRD"),
        ("Ketua Panitia Khusus (Pansus) IV DPRD", "Ketua Pansus IV DPRD"),
        ("Wakil Ketua Badan Anggaran DPRD", "Wakil Ketua Banggar DPRD"),
        ("Ketua Badan Pembentukan Peraturan Daerah", "Ketua Bapemperda"),
        ("Ketua Badan Musyawarah (Banmus)", "Ketua Banmus"),
        # public order and the council's secretary, as news writes them
        ("Kasatpol PP", "Kepala Satpol PP"),
        ("Kepala Satuan Polisi Pamong Praja (Satpol PP)", "Kepala Satpol PP"),
        ("Kepala DLH", "Kepala Dinas Lingkungan Hidup"),
        # units joined by "serta", and the organisation office's "Tata Laksana"
        (
            "Kepala Dinas Pemuda dan Olahraga serta Pariwisata",
            "Kepala Dinas Pemuda dan Olahraga serta Pariwisata",
        ),
        ("Kepala Bagian Organisasi dan Tata Laksana", "Kepala Bagian Organisasi dan Tata Laksana"),
        ("Sekretaris Dewan", "Sekretaris DPRD"),
        # heads of villages outside Java keep their own word
        ("Kepala Kampung", "Kepala Kampung"),
        ("Wali Nagari", "Wali Nagari"),
        ("Geuchik", "Geuchik"),
    ],
)
def test_titles_in_their_short_form(written: str, title: str) -> None:
    # the title ends where the name begins, with or without a comma
    assert title_at(f"{written} Rudi Latuheru", 0) == (title, len(written))
    assert title_at(f"{written}, Rudi Latuheru", 0) == (title, len(written))


def test_a_unit_named_with_a_comma_inside() -> None:
    text = "Kepala Dinas Pariwisata, Pemuda dan Olahraga Rudi Latuheru"
    assert title_at(text, 0) == ("Kepala Dinas Pariwisata Pemuda dan Olahraga", 44)
    assert title_at("Kepala Dinas Pariwisata, Rudi Latuheru", 0) == ("Kepala Dinas Pariwisata", 23)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Asisten I Setda Gianyar Ni Made Sri Astuti hadir.",
         ("Ni Made Sri Astuti", "Asisten I", "Kabupaten Gianyar")),
        ("Kabag Pemerintahan Setdakab Klaten, Joko Pramono, hadir.",
         ("Joko Pramono", "Kepala Bagian Pemerintahan", "Kabupaten Klaten")),
        # a title split by its region
        ("Staf Ahli Bupati Tegal Bidang Ekonomi, Warsito Eko Putro, hadir.",
         ("Warsito Eko Putro", "Staf Ahli Bupati Bidang Ekonomi", "Kabupaten Tegal")),
        # the Sekda named "Sekretaris" with the region's level, as some regions do
        ("Sekretaris Kabupaten Aceh Besar Teuku Rizal hadir.",
         ("Teuku Rizal", "Sekda", "Kabupaten Aceh Besar")),
        ("Plt Sekretaris Kota Tomohon, Meiske Rumengan, hadir.",
         ("Meiske Rumengan", "Plt Sekda", "Kota Tomohon")),
        # the government of a region after a unit is no field of it
        ("Kepala Dinas Sosial Pemerintah Kabupaten Sleman Ratna Dewi hadir.",
         ("Ratna Dewi", "Kepala Dinas Sosial", "Kabupaten Sleman")),
        ("Rombongan dipimpin Asisten pemerintah dan kesra kabupaten Sleman Ratna Dewi.",
         ("Ratna Dewi", "Asisten Pemerintahan dan Kesra", "Kabupaten Sleman")),
        # the district of a unit is a place, not part of the name
        ("Kasi Pemerintahan Kecamatan Ngawen Budi Santoso hadir.",
         ("Budi Santoso", "Kasi Pemerintahan", None)),
    ],
)  # fmt: skip
def test_the_secretariat_and_the_region_stay_out_of_the_title(
    text: str, person: tuple[str, str, str | None]
) -> None:
    assert people_of(text) == [person]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Staf Ahli Wali Kota Palu bidang Hukum dan Politik, Yohan Lamba, hadir.",
         ("Yohan Lamba", "Staf Ahli Wali Kota Bidang Hukum dan Politik", "Kota Palu")),
        ("Staf Ahli Bupati Sleman bidang Kemasyarakatan Yohan Lamba hadir.",
         ("Yohan Lamba", "Staf Ahli Bupati Bidang Kemasyarakatan", "Kabupaten Sleman")),
        ("Kasatpol PP Kabupaten Sleman, Yohan Lamba, hadir.",
         ("Yohan Lamba", "Kepala Satpol PP", "Kabupaten Sleman")),
        ("Kepala Kampung Waimon, Yohan Lamba, hadir.", ("Yohan Lamba", "Kepala Kampung", None)),
        ("Wali Nagari Koto Tinggi, Yohan Lamba, hadir.", ("Yohan Lamba", "Wali Nagari", None)),
    ],
)  # fmt: skip
def test_field_words_in_lower_case_and_heads_outside_java(
    text: str, person: tuple[str, str, str | None]
) -> None:
    assert people_of(text) == [person]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Garut, Rudi Hartono, hadir.",
         ("Rudi Hartono", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "Kabupaten Garut")),
        ("Kepala Badan Pengelola Keuangan dan Aset Daerah Kota Kupang Yohanes Bria hadir.",
         ("Yohanes Bria", "Kepala BPKAD", "Kota Kupang")),
        ("Kepala Bidang Rehabilitasi dan Rekonstruksi BPBD Kabupaten Garut Rudi Hartono hadir.",
         ("Rudi Hartono", "Kepala Bidang Rehabilitasi dan Rekonstruksi", "Kabupaten Garut")),
        ("Kabid Promosi Investasi Kabupaten Garut, Rina Sari, hadir.",
         ("Rina Sari", "Kepala Bidang Promosi Investasi", "Kabupaten Garut")),
        ("Kepala Bidang Penanganan Fakir Miskin Kota Kupang Yohanes Bria hadir.",
         ("Yohanes Bria", "Kepala Bidang Penanganan Fakir Miskin", "Kota Kupang")),
        ("Kepala Bidang Mutasi dan Promosi BKPSDM Kabupaten Garut, Rina Sari, hadir.",
         ("Rina Sari", "Kepala Bidang Mutasi dan Promosi", "Kabupaten Garut")),
    ],
)  # fmt: skip
def test_the_words_of_public_works_finance_and_social_offices(
    text: str, person: tuple[str, str, str]
) -> None:
    # the unit's last words are no part of the name after it
    assert people_of(text) == [person]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Plt.Bupati Sumenep Hendra Wijaya hadir.", "Plt Bupati"),
        ("Pj.Sekda Kota Kupang, Yohanes Bria, hadir.", "Pj Sekda"),
        ("Plh.Kepala Dinas Sosial Sumenep Hendra Wijaya hadir.", "Plh Kepala Dinas Sosial"),
        ("Penjabat(Pj) Wali Kota Kupang Yohanes Bria hadir.", "Pj Wali Kota"),
        ("Pjs.Bupati Sumenep Hendra Wijaya hadir.", "Pjs Bupati"),
    ],
)
def test_an_acting_mark_glued_to_the_title(text: str, title: str) -> None:
    # scrapers drop the space after "Plt." and before "(Pj)": the official still acts
    assert [t for _, t, _ in people_of(text)] == [title]
