"""Direction and pairing (backends/rules/pairing.py) on texts written for these tests."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.context import Context, read_article
from visit_extract.backends.rules.pairing import _same_area, pair_parties
from visit_extract.backends.rules.roles import score_roles
from visit_extract.normalize import normalize_region


def _paired(text: str) -> tuple[bool, Context]:
    ctx = read_article(text, None)
    score_roles(ctx)
    return pair_parties(ctx), ctx


def _names(ctx: Context) -> tuple[str | None, list[str]]:
    host = ctx.host_role.region.name if ctx.host_role else None
    return host, [r.region.name for r in ctx.visitors]


def test_two_delegations_visit_one_host() -> None:
    ok, ctx = _paired(
        "Mereka adalah Bupati Klaten Sri Wahyuni dan Bupati Boyolali Agus Santoso, yang "
        "datang ke Kota Magelang untuk belajar tata kelola pasar."
    )
    assert ok
    assert _names(ctx) == ("Kota Magelang", ["Kabupaten Klaten", "Kabupaten Boyolali"])


def test_the_regency_inside_a_province_hosts() -> None:
    ok, ctx = _paired(
        "Rombongan Pemkot Salatiga melakukan studi banding ke Provinsi Bali, Rabu (4/9). "
        "Di sana, rombongan diterima Bupati Gianyar Made Wirawan."
    )
    assert ok
    assert _names(ctx) == ("Kabupaten Gianyar", ["Kota Salatiga"])


def test_foreign_host() -> None:
    ok, ctx = _paired(
        "Wakil Bupati Klaten Siti Aminah memimpin kunjungan kerja ke Korea Selatan untuk "
        "mempelajari pengolahan limbah."
    )
    assert ok and ctx.host_role is None and ctx.host_party is not None
    assert (ctx.host_party.region, ctx.host_party.level) == ("South Korea", "foreign")
    assert [e.quote for e in ctx.host_evidence] == ["Korea Selatan"]


def test_ministry_host() -> None:
    ok, ctx = _paired(
        "Pemkab Bantul melakukan konsultasi ke Kementerian Dalam Negeri terkait penataan "
        "organisasi."
    )
    assert ok and ctx.host_party is not None
    assert (ctx.host_party.level, ctx.host_party.institution) == (
        "national",
        "Kementerian Dalam Negeri",
    )
    assert _names(ctx) == (None, ["Kabupaten Bantul"])


def test_no_host_no_visit() -> None:
    ok, ctx = _paired("Rapat paripurna DPRD Sleman membahas anggaran daerah.")
    assert not ok and ctx.visitors == []


def test_a_province_and_a_regency_inside_it_are_one_area() -> None:
    bali, gianyar, klaten = (
        normalize_region(n) for n in ("Provinsi Bali", "Kabupaten Gianyar", "Kabupaten Klaten")
    )
    assert bali is not None and gianyar is not None and klaten is not None
    assert _same_area(bali, gianyar) and _same_area(gianyar, bali)
    assert not _same_area(bali, klaten)


def test_a_tour_of_several_countries_is_one_visit_per_country() -> None:
    ok, ctx = _paired(
        "Bupati Klaten Sri Wahyuni belajar ke tiga negara, yaitu Jepang, Korea Selatan dan "
        "Belanda. Di Jepang, rombongan mengunjungi Tokyo."
    )
    assert ok
    assert ctx.pairs == [
        ("33.10", "foreign:Japan"),
        ("33.10", "foreign:South Korea"),
        ("33.10", "foreign:Netherlands"),
    ]


def test_legs_to_two_regencies_are_two_visits() -> None:
    ok, ctx = _paired(
        "Anggota DPRD Klaten melakukan studi banding ke Kabupaten Gianyar. Sepekan kemudian, "
        "Komisi B melaksanakan kunker ke Kota Magelang."
    )
    assert ok
    assert ctx.pairs == [("33.10", "51.04"), ("33.10", "33.71")]


def test_a_stop_named_once_beside_the_main_host_is_no_leg() -> None:
    ok, ctx = _paired(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Di Gianyar, rombongan diterima "
        "Bupati Gianyar. Sebelumnya mereka sempat berkunjung ke Kota Magelang."
    )
    assert ok and ctx.pairs == [("33.10", "51.04")]


def test_a_host_side_release_is_not_reversed() -> None:
    ok, ctx = _paired(
        "MAGELANG - Pemkot Magelang menerima kunjungan kerja dari Pemkab Klaten, Selasa "
        "(3/9). Wali Kota Magelang berharap kerja sama kedua daerah berlanjut."
    )
    assert ok
    assert _names(ctx) == ("Kota Magelang", ["Kabupaten Klaten"])


def test_a_national_body_visits() -> None:
    ok, ctx = _paired(
        "Tim Komisi II DPR RI melakukan studi banding ke Kota Magelang terkait pelayanan "
        "publik. Rombongan diterima Wali Kota Magelang."
    )
    assert ok and ctx.pairs == [("national:DPR RI", "33.71")]
    visitor = ctx.outsiders["national:DPR RI"].party
    assert (visitor.region, visitor.level, visitor.branch) == (None, "national", "legislative")


def test_a_provincial_delegation_naming_a_regency_in_passing_stays_the_visitor() -> None:
    ok, ctx = _paired(
        "Sebanyak 40 peserta dari Pemprov Jawa Tengah mengikuti studi banding di Provinsi "
        "Bali. Rombongan Pemprov Jawa Tengah diterima Sekda Provinsi Bali. Seorang peserta "
        "berasal dari Kabupaten Klaten."
    )
    assert ok and _names(ctx) == ("Provinsi Bali", ["Provinsi Jawa Tengah"])


def test_without_delegation_cues_the_most_named_region_visits_abroad() -> None:
    ok, ctx = _paired(
        "Bupati Klaten Sri Wahyuni hadir dalam lokakarya di Tokyo. Kata Bupati Klaten, "
        "pesertanya belajar banyak di Jepang."
    )
    assert ok and ctx.pairs == [("33.10", "foreign:Japan")]


def test_the_seat_of_a_national_body_is_no_delegation() -> None:
    ok, ctx = _paired(
        "Peserta Diklatpim asal Badan Diklat Kejaksaan RI - Jakarta menggelar benchmarking "
        "ke Kota Magelang. Mereka disambut jajaran Pemkot Magelang."
    )
    assert ok and ctx.pairs == [("national:Kejaksaan RI", "33.71")]


def test_a_province_with_an_institution_of_its_own_hosts_itself() -> None:
    ok, ctx = _paired(
        "Sekretariat DPRD Provinsi Bali mengunjungi Kantor DPRD Jatim. Setelah itu rombongan "
        "menuju tempat pengolahan sampah di Kabupaten Sidoarjo."
    )
    assert ok and _names(ctx) == ("Provinsi Jawa Timur", ["Provinsi Bali"])


def test_a_ministry_in_jakarta_hosts_not_jakarta() -> None:
    ok, ctx = _paired(
        "DPRD Kabupaten Klaten melakukan konsultasi ke Kementerian Dalam Negeri di Jakarta "
        "terkait tata tertib dewan."
    )
    assert ok and ctx.pairs == [("33.10", "national:Kementerian Dalam Negeri")]


def test_the_second_host_of_a_list_is_no_delegation() -> None:
    ok, ctx = _paired(
        "Sebanyak 30 kepala desa dari Kabupaten Boyolali studi tiru ke Kabupaten Gianyar dan "
        "Kota Magelang pekan lalu."
    )
    assert ok and ctx.pairs == [("33.09", "51.04"), ("33.09", "33.71")]


def test_two_delegations_to_two_hosts_are_paired_by_their_events() -> None:
    ok, ctx = _paired(
        "Komisi A DPRD Klaten berkunjung ke Kabupaten Gianyar, sedangkan rombongan DPRD "
        "Boyolali ke Kota Magelang. Keduanya belajar soal pajak daerah."
    )
    assert ok and sorted(ctx.pairs) == [("33.09", "33.71"), ("33.10", "51.04")]


def test_guests_named_after_a_host_side_welcome_are_one_visit_each() -> None:
    ok, ctx = _paired(
        "MAGELANG - Pemkot Magelang menerima kunjungan dua DPRD sekaligus, Selasa (3/9). "
        "Komisi A DPRD Kabupaten Klaten dipimpin Ketua Komisi Andi Wirawan, sedangkan DPRD "
        "Kabupaten Boyolali dipimpin Wakil Ketua Sri Lestari. Keduanya diterima Sekda Kota "
        "Magelang."
    )
    assert ok and sorted(ctx.pairs) == [("33.09", "33.71"), ("33.10", "33.71")]


def test_guests_listed_by_origin() -> None:
    ok, ctx = _paired(
        "Bupati Gianyar menyambut rombongan studi banding dari tiga daerah. Mereka berasal "
        "dari Kabupaten Klaten, Kota Magelang dan Kabupaten Boyolali."
    )
    assert ok and sorted(ctx.pairs) == [("33.09", "51.04"), ("33.10", "51.04"), ("33.71", "51.04")]


def test_a_tour_continues_after_the_first_stop() -> None:
    ok, ctx = _paired(
        "Komisi C DPRD Kabupaten Klaten berkunjung ke Kabupaten Gianyar. Setelah dari "
        "Gianyar, rombongan melanjutkan kunjungan ke Kota Magelang untuk belajar soal parkir."
    )
    assert ok and ctx.pairs == [("33.10", "51.04"), ("33.10", "33.71")]


def test_a_national_agency_hosts_a_consultation() -> None:
    ok, ctx = _paired(
        "Anggota DPRD Kota Magelang menyambangi Badan Kepegawaian Negara di Jakarta untuk "
        "berkonsultasi soal seleksi pegawai."
    )
    assert ok and ctx.pairs == [("33.71", "national:Badan Kepegawaian Negara")]


def test_a_province_with_its_own_head_leads_the_regency_along() -> None:
    ok, ctx = _paired(
        "Gubernur Jawa Tengah dan Bupati Klaten berangkat ke Jepang untuk belajar "
        "pengolahan sampah."
    )
    assert ok and ctx.pairs == [("33", "foreign:Japan")]
    ok, ctx = _paired("Rombongan Pemkab Klaten, Jawa Tengah, berangkat ke Jepang.")
    assert ok and ctx.pairs == [("33.10", "foreign:Japan")]


def test_a_guest_who_never_names_his_region_comes_from_the_teasers() -> None:
    text = (
        '"Kami ingin belajar pelayanan publik di sini," kata Yohanes, Kamis (5/9). '
        "Menurut dia, kedatangannya ke Kabupaten Gianyar karena kesamaan potensi wisata.\n"
        "Baca Juga:\nBupati Klaten Tinjau Sawah Terdampak Kekeringan\n"
        "Ia menilai Gianyar berhasil menata desa wisata.\n"
        "Baca Juga:\nPasar Rakyat Klaten Direvitalisasi Tahun Ini\n"
    )
    ok, ctx = _paired(text)
    assert ok and ctx.pairs == [("33.10", "51.04")]


def test_teasers_about_the_host_or_about_many_places_give_no_guest() -> None:
    body = "Menurut dia, kedatangannya ke Kabupaten Gianyar untuk belajar.\n"
    ok, _ = _paired(
        body + "Baca Juga:\nGianyar Raih Penghargaan\nBaca Juga:\nPasar Gianyar Ramai\n"
    )
    assert not ok
    ok, _ = _paired(body + "Baca Juga:\nBanjir di Klaten\nBaca Juga:\nJalan Rusak di Boyolali\n")
    assert not ok


def test_jakarta_named_bare_yields_to_the_ministry_there() -> None:
    ok, ctx = _paired(
        "Komisi A DPRD Kabupaten Klaten melakukan kunjungan kerja ke Jakarta, Selasa (3/9). "
        "Di sana, rombongan berkonsultasi dengan Kementerian Dalam Negeri."
    )
    assert ok and ctx.pairs == [("33.10", "national:Kementerian Dalam Negeri")]
    ok, ctx = _paired(
        "Komisi A DPRD Kabupaten Klaten melakukan kunjungan kerja ke Pemprov DKI Jakarta. "
        "Rombongan juga berkonsultasi dengan Kementerian Dalam Negeri."
    )
    assert ok and ctx.pairs[0] == ("33.10", "31")


def test_earlier_guests_named_in_passing_are_no_visits() -> None:
    ok, ctx = _paired(
        "Sebanyak 12 instansi berkunjung ke Dinas Perizinan Kota Magelang tahun ini. "
        '"Kunjungan yang terakhir ini adalah Dinas Perizinan Klaten, sebelumnya ada dari '
        'Kabupaten Boyolali," kata kepala dinas. Kepala Dinas Perizinan Kabupaten Klaten, '
        "Sri, mengatakan timnya belajar soal izin daring."
    )
    assert ok and ctx.pairs == [("33.10", "33.71")]


def test_national_training_cohorts_and_secretariats_visit() -> None:
    ok, ctx = _paired(
        "Peserta Pelatihan Kepemimpinan Administrator BPSDM Kemendagri Regional Bukittinggi "
        "melakukan studi lapangan ke Kota Magelang."
    )
    assert ok and ctx.pairs == [("national:Kementerian Dalam Negeri", "33.71")]
    ok, ctx = _paired("Peserta PKN Tingkat II LAN RI melaksanakan visitasi ke Kabupaten Klaten.")
    assert ok and ctx.pairs == [("national:Lembaga Administrasi Negara", "33.10")]
    ok, ctx = _paired("Rombongan Setjen MPR RI studi banding ke Kabupaten Gianyar, Rabu (4/9).")
    assert ok and ctx.pairs == [("national:MPR RI", "51.04")]


def test_the_delegations_own_region_named_as_a_place_is_no_rival_of_the_ministry() -> None:
    ok, ctx = _paired(
        "Komisi I DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kementerian Desa, Rabu "
        "(4/9). Kunjungan itu untuk berkonsultasi soal dana desa di Kabupaten Klaten."
    )
    assert ok and ctx.pairs == [("33.10", "national:Kementerian Desa")]


@pytest.mark.parametrize(
    "agency",
    ["Bappeda", "BPKAD", "Tim Penggerak PKK", "Dinkes", "Inspektorat", "Diskominfo"],
)
def test_a_provincial_agency_learning_in_one_of_its_regencies_is_the_province(
    agency: str,
) -> None:
    # named by its short name, the agency is the province's own institution, not a
    # province that only locates the regency
    ok, ctx = _paired(
        f"{agency} Provinsi Jawa Tengah melakukan studi banding ke Kabupaten Sragen. "
        "Rombongan diterima Bupati Sragen di pendopo."
    )
    assert ok
    assert _names(ctx) == ("Kabupaten Sragen", ["Provinsi Jawa Tengah"])
