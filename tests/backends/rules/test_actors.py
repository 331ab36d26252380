"""Actors (backends/rules/actors.py): regions, countries and national bodies, invented texts."""

from __future__ import annotations

from visit_extract.backends.rules.actors import find_actors, foreign_city
from visit_extract.backends.rules.context import read_article


def _keys(text: str) -> list[str]:
    ctx = read_article(text, None)
    return [a.key for a in find_actors(text, ctx.mentions, ctx.skip)]


def test_regions_countries_and_national_bodies_in_text_order() -> None:
    keys = _keys(
        "Pemkab Klaten dan Kemendagri membahas kerja sama dengan Pemerintah Jepang, "
        "disaksikan Komisi II DPR RI."
    )
    assert keys == [
        "33.10",
        "national:Kementerian Dalam Negeri",
        "foreign:Japan",
        "national:DPR RI",
    ]


def test_a_city_abroad_stands_for_its_country() -> None:
    assert _keys("Rombongan tiba di Seoul.") == ["foreign:South Korea"]
    assert foreign_city("Kuala  Lumpur") == "Malaysia"
    assert foreign_city("Atlantis") is None


def test_a_region_inside_a_village_street_or_site_name_is_no_party() -> None:
    assert _keys("Mereka berjalan ke Desa Tegal Sari lalu ke Jalan Malang.") == []
    assert _keys("Rombongan melihat Pasar Gianyar dan Pantai Klaten.") == []


def test_a_dprd_is_no_dpr() -> None:
    assert _keys("Anggota DPRD Kabupaten Klaten hadir.") == ["33.10"]


def test_nothing_in_a_read_also_line() -> None:
    text = "Baca juga: Bupati Klaten ke Jepang\nCuaca cerah hari ini."
    ctx = read_article(text, None)
    assert find_actors(text, ctx.mentions, ctx.skip) == []


def test_ministries_by_their_short_names_and_national_agencies() -> None:
    assert _keys("Kemenhub, KemenPUPR dan Kemenko PMK hadir bersama BKN dan BPK RI.") == [
        "national:Kemenhub",
        "national:KemenPUPR",
        "national:Kemenko PMK",
        "national:Badan Kepegawaian Negara",
        "national:Badan Pemeriksa Keuangan",
    ]


def test_a_word_that_starts_like_a_ministry_is_none() -> None:
    assert _keys("Kemenangan itu disambut Kemenagan warga.") == []


def test_training_cohorts_of_national_institutions() -> None:
    assert _keys("Peserta PPRA Lemhannas RI dan Sespimmen Polri hadir.") == [
        "national:Lemhannas RI",
        "national:Polri",
    ]
    # the police named in passing is no actor of a visit
    assert _keys("Kunjungan itu dikawal aparat Polri.") == []


def test_a_region_with_its_prefix_after_desa_is_a_party() -> None:
    assert _keys("Forum Kepala Desa Kabupaten Klaten hadir.") == ["33.10"]
    assert _keys("Warga Desa Klaten Baru hadir.") == []


def _institutions(text: str) -> list[str | None]:
    ctx = read_article(text, None)
    return [a.party.institution for a in find_actors(text, ctx.mentions, ctx.skip) if a.party]


def test_a_national_body_is_named_as_the_article_names_it() -> None:
    # the full name where the text writes it out, else the short name at hand
    assert _institutions("Peserta pelatihan BPSDM Kemendagri hadir.") == ["Kemendagri"]
    assert _institutions(
        "Kementerian Dalam Negeri (Kemendagri) menerima tamu. Kemendagri menjelaskan."
    ) == ["Kementerian Dalam Negeri", "Kementerian Dalam Negeri", "Kementerian Dalam Negeri"]


def test_a_ministry_of_another_country_is_that_country() -> None:
    # the country's name ends the ministry's name or follows it: no national body
    assert _keys("Delegasi Kementerian Perikanan Vietnam tiba kemarin.") == ["foreign:Vietnam"]
    assert _keys("Mereka diterima Kementerian Lingkungan Hidup Jepang.") == ["foreign:Japan"]
    assert _keys("Rombongan ke Kementerian Perdagangan Negara Malaysia.") == ["foreign:Malaysia"]
    # a ministry of ours with a country named later in the sentence stays national
    assert _keys("Kementerian Pertanian lalu mengirim benih ke Jepang.") == [
        "national:Kementerian Pertanian",
        "foreign:Japan",
    ]
