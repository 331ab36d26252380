"""Parties (backends/rules/parties.py): branch, level, institution, invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.parties import build_parties, open_sides
from visit_extract.schema import Party

from .support import context_through


def _parties(text: str) -> tuple[Party, list[Party]]:
    ctx = context_through(text, build_parties)
    assert ctx.host is not None and ctx.host.party is not None
    visitors = [s.party for s in ctx.sides.values() if s.party is not None]
    return ctx.host.party, visitors


def test_dprd_delegation_and_dprd_host() -> None:
    host, (visitor,) = _parties(
        "Rombongan DPRD Kabupaten Klaten dipimpin Ketua Komisi II Budi Prasetyo melakukan "
        "kunjungan kerja ke DPRD Kota Magelang. Anggota DPRD Magelang menyambut di ruang "
        "paripurna."
    )
    assert (visitor.branch, visitor.institution) == ("legislative", "DPRD Kabupaten Klaten")
    assert visitor.leader is not None and visitor.leader.title == "Ketua Komisi II DPRD"
    assert (host.branch, host.institution) == ("legislative", "DPRD Kota Magelang")


@pytest.mark.parametrize(
    ("chair", "title"),
    [
        ("Ketua Pansus III", "Ketua Pansus III DPRD"),
        ("Wakil Ketua Banggar", "Wakil Ketua Banggar DPRD"),
        ("Ketua Bapemperda", "Ketua Bapemperda DPRD"),
        ("Ketua Komisi C", "Ketua Komisi C DPRD"),
    ],
)
def test_a_council_chair_named_without_the_house_gets_it(chair: str, title: str) -> None:
    _, (visitor,) = _parties(
        f"Rombongan DPRD Kabupaten Sleman dipimpin {chair} Rina Kusuma melakukan kunjungan "
        "kerja ke DPRD Kota Kediri."
    )
    assert visitor.leader is not None and visitor.leader.title == title


def test_a_deputy_commission_chair_makes_a_council_delegation() -> None:
    _, (visitor,) = _parties(
        "Pemerintah Kabupaten Sleman berkunjung ke Kota Kediri. Rombongan dipimpin Wakil "
        "Ketua Komisi A Rina Kusuma."
    )
    assert visitor.branch == "legislative"
    assert visitor.leader is not None and visitor.leader.title == "Wakil Ketua Komisi A DPRD"


def test_a_head_of_region_makes_the_party_executive() -> None:
    _, (visitor,) = _parties(
        "Rombongan DPRD Kabupaten Klaten berkunjung ke Kota Magelang. Rombongan dipimpin "
        "Bupati Klaten Sri Wahyuni."
    )
    assert (visitor.branch, visitor.institution) == ("executive", "Pemerintah Kabupaten Klaten")


def test_village_delegation() -> None:
    _, (visitor,) = _parties(
        "Rombongan Desa Sukamaju, Kabupaten Boyolali, belajar pengelolaan BUMDes ke "
        "Kabupaten Gianyar."
    )
    assert (visitor.level, visitor.institution) == ("village", "Desa Sukamaju")


def test_open_sides_quotes_the_region_where_its_cue_stands() -> None:
    text = "Rombongan Pemkot Salatiga berkunjung ke Kabupaten Gianyar untuk belajar."
    ctx = context_through(text, open_sides)
    assert ctx.host is not None
    assert [e.quote for e in ctx.host.evidence] == ["Kabupaten Gianyar"]
    assert [e.quote for s in ctx.sides.values() for e in s.evidence] == ["Pemkot Salatiga"]


def test_the_long_name_of_a_dprd_and_a_second_region_of_a_dprd_list() -> None:
    host, visitors = _parties(
        "Pemkot Magelang menerima kunjungan kerja Komisi A Dewan Perwakilan Rakyat Daerah "
        "Klaten. Pekan lalu, Pemkot Magelang juga menerima kunjungan studi banding DPRD "
        "Kabupaten Gianyar dan Kabupaten Boyolali."
    )
    assert host.branch == "executive"
    assert {v.region: v.branch for v in visitors} == {
        "Kabupaten Klaten": "legislative",
        "Kabupaten Gianyar": "legislative",
        "Kabupaten Boyolali": "legislative",
    }


def test_a_dprd_named_before_ke_makes_no_dprd_host() -> None:
    host, _ = _parties(
        "Rombongan Komisi II DPRD Klaten melakukan kunjungan kerja Komisi II DPRD ke "
        "Kabupaten Gianyar. Mereka melihat pasar milik Pemkab Gianyar."
    )
    assert host.branch == "executive"


def test_a_dprd_named_where_its_delegation_goes() -> None:
    _, (visitor,) = _parties(
        "KLATEN - Komisi A DPRD Klaten berkunjung ke Kabupaten Gianyar, Kamis (6/6). Anggota "
        "dewan belajar soal pajak daerah."
    )
    assert visitor.branch == "legislative"


def test_village_heads_from_a_regency_are_a_village_delegation() -> None:
    _, (visitor,) = _parties(
        "Sebanyak 30 kepala desa dari Kabupaten Boyolali studi tiru ke Kabupaten Gianyar."
    )
    assert (visitor.region, visitor.level) == ("Kabupaten Boyolali", "village")


def test_a_head_of_region_with_the_dprd_chair_is_no_dprd_delegation() -> None:
    ctx = context_through(
        "Bupati Klaten Sri Wahyuni datang ke Kabupaten Gianyar bersama rombongan. Ketua DPRD "
        "Klaten Budi Santoso juga berkunjung ke Kabupaten Gianyar.",
        open_sides,
    )
    assert [s.legislative for s in ctx.sides.values()] == [False]


def test_a_pkk_delegation_is_of_its_tier_branch_other() -> None:
    _, (visitor,) = _parties(
        "Tim Penggerak PKK Kabupaten Klaten melakukan studi banding ke Kabupaten Gianyar. "
        "Rombongan diterima Sekda Gianyar."
    )
    assert (visitor.region, visitor.level, visitor.branch) == (
        "Kabupaten Klaten",
        "regency",
        "other",
    )
    _, (visitor,) = _parties("TP-PKK Kota Magelang berkunjung ke Kabupaten Gianyar.")
    assert (visitor.level, visitor.branch, visitor.institution) == (
        "city",
        "other",
        "TP PKK Kota Magelang",
    )


def test_a_dprd_visiting_a_region_named_bare_is_the_guest_of_its_dprd() -> None:
    host, _ = _parties(
        "Komisi B DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kabupaten Gianyar."
    )
    assert (host.branch, host.institution) == ("legislative", "DPRD Kabupaten Gianyar")
    host, _ = _parties(
        "Komisi B DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kabupaten Gianyar. "
        "Mereka belajar aplikasi pajak di Bapenda Gianyar."
    )
    assert host.branch == "executive"
    host, _ = _parties("Rombongan Pemkab Klaten melakukan kunjungan kerja ke Kabupaten Gianyar.")
    assert host.branch == "executive"


def test_village_heads_of_a_whole_regency_are_a_village_delegation() -> None:
    _, (visitor,) = _parties(
        "Kades se-Kabupaten Pati belajar pengelolaan dana desa ke Kabupaten Gianyar."
    )
    assert (visitor.region, visitor.level) == ("Kabupaten Pati", "village")


def test_village_officials_of_a_region_named_in_several_ways() -> None:
    for text in (
        "Sebanyak 40 kepala desa di Kabupaten Klaten studi banding ke Kabupaten Gianyar.",
        "Para kades dan perangkat desa Kabupaten Klaten belajar BUMDes ke Kabupaten Gianyar.",
        "Forum Kepala Desa Kabupaten Klaten melakukan studi tiru ke Kabupaten Gianyar.",
    ):
        _, (visitor,) = _parties(text)
        assert (visitor.region, visitor.level) == ("Kabupaten Klaten", "village"), text
    # a head of region bringing village heads along leads a regency delegation
    _, (visitor,) = _parties(
        "Bupati Klaten membawa serta para camat dan kepala desa studi banding ke Kabupaten Gianyar."
    )
    assert visitor.level == "regency"


def _abroad(text: str) -> list[tuple[str | None, str | None]]:
    ctx = context_through(text, build_parties)
    return [(o.party.region, o.party.branch) for o in ctx.outsiders.values() if o.prefix == "host"]


def test_a_host_abroad_is_its_government_only_where_the_text_names_one() -> None:
    assert _abroad(
        "Wali Kota Magelang studi banding ke Korea Selatan. Rombongan diterima Pemerintah "
        "Kota Daejeon."
    ) == [("South Korea", "executive")]
    assert _abroad(
        "Bupati Klaten belajar ke Jepang. Di Tokyo, rombongan disambut Kementerian "
        "Lingkungan Hidup Jepang."
    ) == [("Japan", "executive")]
    # an institute or a plant visited abroad, and a government at home, are no government
    # of the host
    assert _abroad(
        "Pemerintah Kota Magelang berangkat ke Korea Selatan untuk belajar di sebuah "
        "lembaga riset teknologi."
    ) == [("South Korea", "other")]


def test_a_village_enterprise_or_a_university_visited_is_a_host_of_level_other() -> None:
    host, _ = _parties(
        "BUMDes Bersama Maju Jaya Kecamatan Wedi, Kabupaten Klaten, menjadi tujuan studi "
        "tiru Dinas PMD Kabupaten Boyolali, Kamis (3/8)."
    )
    assert (host.region, host.level, host.branch) == ("Kabupaten Klaten", "other", "other")
    host, _ = _parties(
        "Rombongan Pemkab Boyolali studi banding ke Kabupaten Klaten. Di sana rombongan "
        "diterima Bupati Klaten."
    )
    assert (host.level, host.branch) == ("regency", "executive")


def test_a_topic_is_no_organisation_and_a_village_government_is_a_village() -> None:
    host, (visitor,) = _parties(
        "Sebanyak 50 kepala desa dari Kabupaten Boyolali belajar pengelolaan BUMDes di "
        "Kabupaten Gianyar, Kamis (3/8)."
    )
    assert (host.level, host.branch) == ("regency", "executive")
    assert visitor.level == "village"
    _, (visitor,) = _parties(
        "Sekitar 50 perangkat Pemerintah Desa se-Kecamatan Wedi, Kabupaten Klaten, belajar "
        "ke Kabupaten Gianyar."
    )
    assert (visitor.region, visitor.level) == ("Kabupaten Klaten", "village")


@pytest.mark.parametrize(
    "host_words",
    [
        "Bank Sampah Berseri Kota Malang",
        "Kelompok Wanita Tani Melati di Kabupaten Bantul",
        "Gapoktan Sido Rukun, Kabupaten Ngawi",
        "Pokdarwis Sumber Rejeki, Kabupaten Temanggung",
        "Perumda Tirta Lestari Kabupaten Sleman",
    ],
)
def test_a_community_group_or_regional_enterprise_visited_is_a_host_of_level_other(
    host_words: str,
) -> None:
    # a DPRD delegation's host named by a group of its region is no DPRD (LABELING)
    host, _ = _parties(
        f"Komisi B DPRD Kabupaten Wonogiri studi banding ke {host_words}, Kamis (7/11)."
    )
    assert (host.level, host.branch) == ("other", "other")


@pytest.mark.parametrize(
    "unit",
    [
        "Mal Pelayanan Publik",
        "RSUD",
        "Puskesmas Induk",
        "Disdukcapil",
        "Satpol PP",
        "Kecamatan Ubud,",
    ],
)
def test_a_dprd_visiting_a_government_unit_is_the_guest_of_the_government(unit: str) -> None:
    host, _ = _parties(
        f"Komisi B DPRD Kabupaten Klaten melakukan kunjungan kerja ke {unit} Kabupaten Gianyar."
    )
    assert (host.region, host.branch) == ("Kabupaten Gianyar", "executive")


def test_a_village_pkk_is_a_village_party_of_branch_other() -> None:
    _, (visitor,) = _parties(
        "Tim Penggerak PKK Desa Sendang, Kabupaten Wonogiri, studi banding ke Kabupaten "
        "Sragen, Kamis (7/11)."
    )
    assert (visitor.region, visitor.level, visitor.branch) == (
        "Kabupaten Wonogiri",
        "village",
        "other",
    )


def test_a_village_pkk_travelling_with_its_village_head_is_the_village_government() -> None:
    _, (visitor,) = _parties(
        "Rombongan TP PKK Desa Sendang, Kabupaten Wonogiri, studi tiru ke Kabupaten Sragen. "
        "Rombongan itu terdiri dari kepala desa, kader PKK dan pengurus BUMDes."
    )
    assert (visitor.level, visitor.branch) == ("village", "executive")


@pytest.mark.parametrize(
    "village",
    [
        "Pemerintah Desa Karangsari, Kecamatan Wedi Lor,",
        "Desa Karangsari Kecamatan Wedi",
        "Rombongan Kelurahan Sumber Asri, Kec. Wedi,",
    ],
)
def test_a_village_named_with_its_district_before_its_regency(village: str) -> None:
    host, (visitor,) = _parties(
        f"{village} Kabupaten Klaten studi banding ke Desa Tegalrejo, Kecamatan Ubud Kaja, "
        "Kabupaten Gianyar, Senin (4/3)."
    )
    assert (visitor.region, visitor.level) == ("Kabupaten Klaten", "village")
    assert (host.region, host.level) == ("Kabupaten Gianyar", "village")


def test_a_district_named_after_a_village_in_another_sentence_makes_no_village() -> None:
    _, (visitor,) = _parties(
        "Warga berkumpul di Desa Karangsari. Kecamatan Wedi, Kabupaten Klaten, lalu studi "
        "banding ke Kabupaten Gianyar, Senin (4/3)."
    )
    assert visitor.level == "regency"


def test_an_enterprise_that_sends_the_delegation_makes_no_host_of_level_other() -> None:
    # the enterprise's name ends where its sentence goes on: the host is the region
    host, _ = _parties(
        "Direksi Perumda Tirta Sejuk Kabupaten Klaten melakukan studi banding ke Kota "
        "Magelang, Senin (4/3), untuk belajar layanan air minum."
    )
    assert (host.region, host.level, host.branch) == ("Kota Magelang", "city", "executive")
    host, _ = _parties(
        "Rombongan Pemkab Klaten studi banding ke Koperasi Sumber Makmur Jaya, Kota Magelang."
    )
    assert (host.region, host.level, host.branch) == ("Kota Magelang", "other", "other")


@pytest.mark.parametrize(
    "receiver",
    [
        "Kabag Hukum Kabupaten Gianyar",
        "Kepala Bagian Perekonomian Kabupaten Gianyar",
        "Kadis Pariwisata Kabupaten Gianyar",
        "jajaran Sekretariat Daerah Kabupaten Gianyar",
        "staf di Kantor Bupati Gianyar",
    ],
)
def test_a_dprd_received_by_an_unnamed_official_of_the_government_is_its_guest(
    receiver: str,
) -> None:
    host, (visitor,) = _parties(
        "Komisi C DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kabupaten Gianyar, "
        f"Selasa (5/3). Rombongan diterima {receiver} di ruang rapat."
    )
    assert visitor.branch == "legislative"
    assert (host.region, host.branch) == ("Kabupaten Gianyar", "executive")


def test_a_dprd_received_by_nobody_named_stays_the_guest_of_the_dprd() -> None:
    # "bagian" as a common word names no government
    host, _ = _parties(
        "Komisi C DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kabupaten Gianyar, "
        "Selasa (5/3). Sebagian anggota lalu meninjau pasar di bagian utara Kabupaten Gianyar."
    )
    assert host.branch == "legislative"


@pytest.mark.parametrize(
    "receiver",
    [
        "Duta Besar RI untuk Korea Selatan",
        "Dubes Indonesia di Korea Selatan",
        "Konjen RI Busan",
        "pejabat pemerintah kota Busan",
    ],
)
def test_an_embassy_or_a_city_government_abroad_is_a_government_host(receiver: str) -> None:
    assert _abroad(
        "Bupati Klaten melakukan kunjungan kerja ke Korea Selatan, Senin (4/3). Rombongan "
        f"diterima {receiver} untuk membahas kerja sama."
    ) == [("South Korea", "executive")]


@pytest.mark.parametrize(
    "heads",
    [
        "Puluhan kepala kampung dari",
        "Sebanyak 12 Kepala Gampong se-",
        "Para kuwu dari",
        "Anggota Badan Permusyawaratan Desa (BPD) se-",
    ],
)
def test_village_heads_and_councils_under_regional_names_are_a_village_delegation(
    heads: str,
) -> None:
    sep = "" if heads.endswith("-") else " "
    _, (visitor,) = _parties(
        f"{heads}{sep}Kabupaten Klaten melakukan studi banding ke Kabupaten Gianyar, "
        "Senin (4/3), untuk belajar pengelolaan dana desa."
    )
    assert (visitor.region, visitor.level) == ("Kabupaten Klaten", "village")
