"""Normalisers: regions, names, titles and dates, with cases written for this project."""

from __future__ import annotations

from datetime import date

import pytest

from visit_extract.normalize import (
    clean_name,
    normalize_country,
    normalize_region,
    normalize_title,
    published_from_url,
    resolve_date,
)

# --------------------------------------------------------------------------- regions


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("OKU Timur", "Kabupaten Ogan Komering Ulu Timur"),
        ("Pemkab OKU Timur", "Kabupaten Ogan Komering Ulu Timur"),
        ("Pemerintah Kabupaten Ogan Komering Ulu (OKU) Timur", "Kabupaten Ogan Komering Ulu Timur"),
        ("Tapsel", "Kabupaten Tapanuli Selatan"),
        ("Muaraenim", "Kabupaten Muara Enim"),
        ("Kukar", "Kabupaten Kutai Kartanegara"),
        ("Jaksel", "Kota Administrasi Jakarta Selatan"),
        ("Kota Jakarta Selatan", "Kota Administrasi Jakarta Selatan"),
        ("Kabupaten Bandung Barat", "Kabupaten Bandung Barat"),
        ("KBB", "Kabupaten Bandung Barat"),
        ("Kotim", "Kabupaten Kotawaringin Timur"),
        ("Lamsel", "Kabupaten Lampung Selatan"),
        ("Loteng", "Kabupaten Lombok Tengah"),
        ("Kubar", "Kabupaten Kutai Barat"),
        ("Sergai", "Kabupaten Serdang Bedagai"),
        ("Mamuju Utara", "Kabupaten Pasangkayu"),
        ("Kab. Mamuju Utara", "Kabupaten Pasangkayu"),
        ("Palangkaraya", "Kota Palangka Raya"),
        ("DPRD Kota Malang", "Kota Malang"),
        ("Bupati Lahat, Sumsel", "Kabupaten Lahat"),
        ("Pasangkayu Provinsi Sulawesi Barat", "Kabupaten Pasangkayu"),
        ("Banyuwangi", "Kabupaten Banyuwangi"),
    ],
)
def test_region_aliases_and_prefixes(mention: str, expected: str) -> None:
    region = normalize_region(mention)
    assert region is not None
    assert region.name == expected


@pytest.mark.parametrize(
    ("mention", "expected", "level"),
    [
        ("Kaltim", "Provinsi Kalimantan Timur", "province"),
        ("Sumsel", "Provinsi Sumatera Selatan", "province"),
        ("Sulbar", "Provinsi Sulawesi Barat", "province"),
        ("Jatim", "Provinsi Jawa Timur", "province"),
        ("NTB", "Provinsi Nusa Tenggara Barat", "province"),
        ("DIY", "Provinsi Daerah Istimewa Yogyakarta", "province"),
        ("Daerah Istimewa Yogyakarta", "Provinsi Daerah Istimewa Yogyakarta", "province"),
        ("DPRD Daerah Istimewa Yogyakarta", "Provinsi Daerah Istimewa Yogyakarta", "province"),
        ("DKI Jakarta", "Provinsi DKI Jakarta", "province"),
        ("Pemprov DKI", "Provinsi DKI Jakarta", "province"),
        ("Provinsi Jawa Tengah", "Provinsi Jawa Tengah", "province"),
    ],
)
def test_provinces_and_short_forms(mention: str, expected: str, level: str) -> None:
    region = normalize_region(mention)
    assert region is not None
    assert (region.name, region.level, region.province) == (expected, level, None)


PAIRS = [
    "Bandung", "Bogor", "Malang", "Blitar", "Kediri", "Madiun", "Magelang", "Pekalongan",
    "Tegal", "Cirebon", "Semarang", "Sukabumi", "Tasikmalaya", "Serang", "Solok", "Bima",
    "Kupang", "Sorong", "Jayapura", "Mojokerto", "Pasuruan", "Probolinggo", "Tangerang",
    "Bekasi",
]  # fmt: skip


@pytest.mark.parametrize("name", PAIRS)
def test_kabupaten_kota_pairs_by_prefix(name: str) -> None:
    for prefix in ("Kabupaten", "Kab.", "Pemkab", "Bupati"):
        region = normalize_region(f"{prefix} {name}")
        assert region is not None and region.name == f"Kabupaten {name}", prefix
    for prefix in ("Kota", "Pemkot", "Wali Kota", "Walikota"):
        region = normalize_region(f"{prefix} {name}")
        assert region is not None and region.name == f"Kota {name}", prefix


@pytest.mark.parametrize("name", PAIRS)
def test_kabupaten_kota_pairs_by_context(name: str) -> None:
    regency = normalize_region(name, f"Bupati {name} menerima rombongan di pendopo.")
    city = normalize_region(name, f"Rombongan diterima Wali Kota {name} di balai kota.")
    assert regency is not None and regency.name == f"Kabupaten {name}"
    assert city is not None and city.name == f"Kota {name}"


def test_pair_in_other_provinces_and_context_province() -> None:
    # Banjar is a Kota in Jawa Barat and a Kabupaten in Kalimantan Selatan
    assert normalize_region("Kabupaten Banjar").province == "Provinsi Kalimantan Selatan"  # type: ignore[union-attr]
    assert normalize_region("Kota Banjar").province == "Provinsi Jawa Barat"  # type: ignore[union-attr]
    region = normalize_region("Banjar", "Pemerintah daerah di Kalimantan Selatan")
    assert region is not None and region.name == "Kabupaten Banjar"


def test_not_a_region() -> None:
    assert normalize_region("Kementerian Dalam Negeri") is None
    assert normalize_region("") is None
    assert normalize_region("Jepang") is None


def test_gazetteer_is_complete() -> None:
    from visit_extract.normalize.gazetteer import gazetteer

    regions = gazetteer().by_code.values()
    assert sum(r.level == "province" for r in regions) == 38
    assert sum(r.level != "province" for r in regions) == 514
    assert all(r.province for r in regions if r.level != "province")


def test_gazetteer_key_prefixes_are_every_start_of_every_key() -> None:
    from visit_extract.normalize.gazetteer import gazetteer

    gaz = gazetteer()
    assert {"", "b", "banyu", "banyuwangi", "tapsel"} <= gaz.key_prefixes
    assert "banyuwangix" not in gaz.key_prefixes
    assert "q" not in gaz.key_prefixes  # no province, regency or city begins with Q
    assert all(k[:i] in gaz.key_prefixes for k in gaz.all_keys for i in range(len(k) + 1))
    assert all(any(k.startswith(p) for k in gaz.all_keys) for p in gaz.key_prefixes)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("Jepang", "Japan"), ("Korea Selatan", "South Korea"), ("negara Belanda", "Netherlands")],
)
def test_countries(mention: str, expected: str) -> None:
    assert normalize_country(mention) == expected


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("H. Agus Ambo Djiwa, SH", "Agus Ambo Djiwa"),
        ("Drs. H. Syahrul M. Pasaribu, MM", "Syahrul M Pasaribu"),
        ("Dra. Hj. Mukaromah Syakoer, MM", "Mukaromah Syakoer"),
        ("HM Sutiaji", "Sutiaji"),
        ("Ir. H. Herman Suherman, M.Si", "Herman Suherman"),
        ("Drs.H.Agus Salim MM", "Agus Salim"),
        ("Prof. Dr. Ir. Budi Santoso, MSi", "Budi Santoso"),
        ("Sumharjono, S.Sos., MM", "Sumharjono"),
        ("I Nengah Tamba", "I Nengah Tamba"),
        ("Didik Agung Eko Wahono,SE", "Didik Agung Eko Wahono"),
        ("H.M. Yusuf Hasan", "Yusuf Hasan"),
    ],
)
def test_clean_name(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Wabup", "Wakil Bupati"),
        ("Wawali", "Wakil Wali Kota"),
        ("Walkot", "Wali Kota"),
        ("Walikota", "Wali Kota"),
        ("Sekdakab", "Sekda"),
        ("Sekdakot", "Sekda"),
        ("Sekretaris Daerah Kabupaten Madiun", "Sekda"),
        ("Kadis Kesehatan", "Kepala Dinas Kesehatan"),
        ("Plt. Bupati", "Plt Bupati"),
        ("Pj. Bupati Kulon Progo", "Pj Bupati"),
        ("Penjabat Bupati", "Pj Bupati"),
        ("Bupati Banyuwangi", "Bupati"),
        ("Wakil Wali Kota Denpasar", "Wakil Wali Kota"),
        ("Wakil Ketua DPRD Kukar", "Wakil Ketua DPRD"),
        ("Kepala Dinas Pariwisata Kota Makassar", "Kepala Dinas Pariwisata"),
        ("Ketua Komisi III DPRD", "Ketua Komisi III DPRD"),
        ("Assek III", "Asisten III Sekda"),
        ("Asek 2", "Asisten 2 Sekda"),
        ("Asisten II Setda Kabupaten Klaten", "Asisten II"),
        ("Kepala Bagian Umum Sekretariat Daerah", "Kepala Bagian Umum"),
        ("Dirjen Bina Keuangan Daerah Kemendagri", "Dirjen Bina Keuangan Daerah"),
        ("Direktur Produk Hukum Daerah Ditjen Otonomi Daerah", "Direktur Produk Hukum Daerah"),
        ("Plh Sekda", "Plh Sekda"),
        ("Kepala Kemenag Klaten", "Kepala Kemenag"),
        ("Kepala Kantor Kementerian Agama", "Kepala Kantor Kementerian Agama"),
        # a model's answer names the office in full: the same short form as the rules
        ("Kepala Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Bima", "Kepala Bappeda"),
        (
            "Plt Kepala Dispermades Kabupaten Bima",
            "Plt Kepala Dinas Pemberdayaan Masyarakat dan Desa",
        ),
        ("Kabid PMD Dinas Sosial", "Kepala Bidang PMD"),
        ("Pejabat (Pj) Bupati Bima", "Pj Bupati"),
        ("Staff Ahli Wali Kota Bima Bidang Ekonomi", "Staf Ahli Wali Kota Bidang Ekonomi"),
        ("Kasatpol PP Kota Bima", "Kepala Satpol PP"),
        ("Konsul Jenderal RI di Osaka", "Konsul Jenderal"),
        # the village or district of its head is no part of the title
        ("Kepala Desa Sukamaju", "Kepala Desa"),
        ("Perbekel Desa Tenganan", "Kepala Desa"),
        ("Plt Camat Ngawen", "Plt Camat"),
        ("Wali Nagari Koto Tinggi", "Wali Nagari"),
        # the secretariat before the region, a house said twice, the Republic
        ("Asisten III Setda Bima", "Asisten III"),
        ("Kepala Bagian Umum Setda Kota Bima", "Kepala Bagian Umum"),
        ("Sekwan DPRD Bima", "Sekretaris DPRD"),
        ("Menteri Dalam Negeri RI", "Menteri Dalam Negeri"),
        ("Wakil Ketua DPR RI", "Wakil Ketua DPR"),
        # the Sekda called "Sekretaris" with the region's level
        ("Sekretaris Kota Bima", "Sekda"),
        ("Pj Sekretaris Kabupaten Aceh Jaya", "Pj Sekda"),
        ("Sekretaris Dinas Sosial Kota Bima", "Sekretaris Dinas Sosial"),
        # "serta" joins a unit's fields in lower case, like "dan"
        (
            "Kepala Dinas Pemuda dan Olahraga Serta Pariwisata",
            "Kepala Dinas Pemuda dan Olahraga serta Pariwisata",
        ),
        ("Kepala DLH Kota Bima", "Kepala Dinas Lingkungan Hidup"),
        # the council and its bodies spelt out, as a model may answer
        ("Ketua Dewan Perwakilan Rakyat Daerah Kota Bima", "Ketua DPRD"),
        ("Ketua Panitia Khusus III DPRD Kota Bima", "Ketua Pansus III DPRD"),
        ("Wakil Ketua Badan Musyawarah DPRD", "Wakil Ketua Banmus DPRD"),
    ],
)
def test_normalize_title(raw: str, expected: str) -> None:
    assert normalize_title(raw) == expected


# --------------------------------------------------------------------------- dates

TUESDAY = date(2019, 2, 26)


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("Senin (25/2)", TUESDAY, ("2019-02-25", None)),
        ("Senin (25/2)", None, ("--02-25", None)),
        ("(13/1/2020)", None, ("2020-01-13", None)),
        ("Kamis (9/2/21)", None, ("2021-02-09", None)),
        ("25 Februari 2019", None, ("2019-02-25", None)),
        ("25 Feb", TUESDAY, ("2019-02-25", None)),
        ("Senin lalu", TUESDAY, ("2019-02-25", None)),
        ("Senin lalu", date(2019, 2, 25), ("2019-02-18", None)),
        ("Senin", None, (None, None)),
        ("Jumat", TUESDAY, ("2019-02-22", None)),
        ("kemarin", TUESDAY, ("2019-02-25", None)),
        ("10–11 Februari 2026", None, ("2026-02-10", "2026-02-11")),
        ("10-11 Februari", date(2026, 2, 12), ("2026-02-10", "2026-02-11")),
        ("hingga Rabu (27/2)", TUESDAY, (None, "2019-02-27")),
        ("Senin (25/2) hingga Rabu (27/2)", TUESDAY, ("2019-02-25", "2019-02-27")),
        ("Selasa-Rabu (23-24/3)", None, ("--03-23", "--03-24")),
        ("25 Januari - 31 Januari 2026", None, ("2026-01-25", "2026-01-31")),
        ("30 Desember 2025 hingga 2 Januari 2026", None, ("2025-12-30", "2026-01-02")),
        ("9 sampai 11 September 2015", None, ("2015-09-09", "2015-09-11")),
        ("Rabu, 9-5-2018", None, ("2018-05-09", None)),
        ("Februari 2019", None, ("2019-02", None)),
        ("tahun 2017", None, ("2017", None)),
        # last week at the precision it supports: its month, or its year across months
        ("Minggu lalu", TUESDAY, ("2019-02", None)),
        ("pekan lalu", date(2019, 3, 5), ("2019", None)),
        ("sepekan yang lalu", TUESDAY, ("2019-02", None)),
        ("bulan lalu", TUESDAY, ("2019-01", None)),
        ("bulan kemarin", TUESDAY, ("2019-01", None)),
        ("minggu kemarin", TUESDAY, ("2019-02", None)),
        ("dua minggu lalu", TUESDAY, (None, None)),
        ("pekan lalu", None, (None, None)),
        ("hari Minggu lalu", TUESDAY, ("2019-02-24", None)),
        ("Jumat pekan lalu", date(2019, 3, 1), ("2019-02-22", None)),
        ("Senin minggu lalu", TUESDAY, ("2019-02-18", None)),
        ("Sabtu-Minggu (29/2-1/3/2020)", None, ("2020-02-29", "2020-03-01")),
        ("(30/12-2/1/2020)", None, ("2019-12-30", "2020-01-02")),
        # both days written in full
        ("02/03/2020 - 04/03/2020", None, ("2020-03-02", "2020-03-04")),
        ("30/12/2019–2/1/2020", None, ("2019-12-30", "2020-01-02")),
        ("28 Desember - 3 Januari 2019", None, ("2018-12-28", "2019-01-03")),
        ("akhir Maret 2020", None, ("2020-03", None)),
        # a range whose year is written once, at its end
        ("28 Agustus hingga 6 September 2018", None, ("2018-08-28", "2018-09-06")),
        ("29 Desember hingga 2 Januari 2020", None, ("2019-12-29", "2020-01-02")),
        ("Senin (25/2) hingga Rabu (27/2/2019)", date(2018, 11, 1), ("2019-02-25", "2019-02-27")),
        ("Rabu-Kamis (16-17/10)", date(2019, 10, 18), ("2019-10-16", "2019-10-17")),
        ("10–12 Maret", None, ("--03-10", "--03-12")),
        # spaces around the slashes
        ("Selasa (7/6/ 2022)", None, ("2022-06-07", None)),
        ("Selasa (7 / 6)", date(2022, 6, 8), ("2022-06-07", None)),
        # a list of days: the first and the last
        ("3, 4 dan 5 Juni 2021", None, ("2021-06-03", "2021-06-05")),
        ("3, 4, 5 Juni", None, ("--06-03", "--06-05")),
        # the month first
        ("Juni 3, 2021", None, ("2021-06-03", None)),
        ("Selasa, June 8, 2021", None, ("2021-06-08", None)),
        # weekday pairs before their days
        ("Senin hingga Rabu (7-9/6)", date(2021, 6, 10), ("2021-06-07", "2021-06-09")),
        ("Senin dan Selasa (7-8/6)", None, ("--06-07", "--06-08")),
        # a last day named by its weekday alone: the first one after the first day
        ("Kamis (10/6) hingga Sabtu", date(2021, 6, 14), ("2021-06-10", "2021-06-12")),
        ("Sabtu (12/6) sampai Senin", date(2021, 6, 14), ("2021-06-12", "2021-06-14")),
        ("Kamis hingga Sabtu", date(2021, 6, 14), ("2021-06-10", "2021-06-12")),
        # ... whose weekday is unknown without a year
        ("Kamis (10/6) hingga Sabtu", None, ("--06-10", None)),
        # a month last named: the latest such month up to publication
        ("bulan Mei lalu", date(2021, 6, 14), ("2021-05", None)),
        ("Agustus lalu", date(2021, 6, 14), ("2020-08", None)),
        ("Agustus lalu", None, (None, None)),
        ("tadi pagi", date(2021, 6, 14), ("2021-06-14", None)),
        # a weekday some weeks back is no day of last week
        ("Kamis dua pekan lalu", date(2021, 6, 14), (None, None)),
    ],
)
def test_resolve_date(
    expr: str, published: date | None, expected: tuple[str | None, str | None]
) -> None:
    assert resolve_date(expr, published) == expected


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        # Friday 8/11 was meant: the weekday falls on that day number in the
        # publication's week, and 8/10 is a month before it
        ("Jumat (8/10/2019)", date(2019, 11, 8), "2019-11-08"),
        ("Jumat (8/10)", date(2019, 11, 9), "2019-11-08"),
        # no day number with that weekday in the publication's week: kept as written
        ("Senin (8/10/2019)", date(2019, 11, 8), "2019-10-08"),
        # close to publication: kept as written, whatever the weekday
        ("Jumat (5/11/2019)", date(2019, 11, 8), "2019-11-05"),
        # without a publication date nothing can show a typo
        ("Jumat (8/10/2019)", None, "2019-10-08"),
        # a year past the next one is a slip; the weekday fits the publication's year
        ("Kamis (20/2/3025)", date(2025, 2, 23), "2025-02-20"),
    ],
)
def test_weekday_that_contradicts_its_date(
    expr: str, published: date | None, expected: str
) -> None:
    assert resolve_date(expr, published)[0] == expected


def test_a_range_moved_by_a_weekday_typo_keeps_its_length() -> None:
    assert resolve_date("Kamis-Jumat (7-8/10/2019)", date(2019, 11, 9)) == (
        "2019-11-07",
        "2019-11-08",
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.id/read/2018/07/12/0930/rombongan-tiba", date(2018, 7, 12)),
        ("https://news.example.id/2019-02-26-bupati-belajar", date(2019, 2, 26)),
        ("https://blog.example.id/2017/12/studi-banding.html", None),
        ("https://news.example.id/2022/13/40/x", None),
        ("https://news.example.id/?p=4470", None),
        (None, None),
    ],
)
def test_published_from_url(url: str | None, expected: date | None) -> None:
    assert published_from_url(url) == expected


def test_year_rolls_back_across_new_year() -> None:
    assert resolve_date("Sabtu (28/12)", date(2020, 1, 3)) == ("2019-12-28", None)
