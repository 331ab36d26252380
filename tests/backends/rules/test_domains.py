"""Domains of topic phrases (backends/rules/domains.py)."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.domains import domains_of, domains_of_phrase


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        # "tata kelola" names governance only when nothing more specific is named
        ("tata kelola sampah", ["environment"]),
        ("tata kelola pemerintahan", ["governance"]),
        # "data" names digital systems only when nothing more specific is named
        ("pemanfaatan data kependudukan", ["public_service"]),
        ("integrasi data lintas dinas", ["digital"]),
        # a circular economy is about waste, not trade
        ("ekonomi sirkular", ["environment"]),
        ("desa wisata", ["village", "tourism_culture"]),
        ("SAKIP", ["governance"]),
        ("Adipura", ["environment"]),
        ("olahraga", ["other"]),
        # a waste bank is no bank, a work culture no culture
        ("bank sampah", ["environment"]),
        ("budaya kerja aparatur", ["governance"]),
        # a plan names governance only when it plans nothing more specific
        ("rencana pembangunan transportasi massal", ["infrastructure"]),
        ("rencana pembangunan daerah", ["governance"]),
        ("gamelan", []),
        # a council of regional leaders is no coffee, a field trip no food crop
        ("rapat koordinasi Forkopimda", ["governance"]),
        ("evaluasi studi lapangan", []),
        # the public-sector vocabulary beyond the table's examples
        ("jalur trem perkotaan", ["infrastructure"]),
        ("penerangan jalan umum tenaga surya", ["infrastructure"]),
        ("penanganan anak putus sekolah", ["education"]),
        ("pengendalian inflasi daerah", ["economy"]),
        ("manajemen talenta pegawai", ["governance"]),
        ("penyusunan propemperda", ["governance"]),
        ("percepatan penurunan kematian ibu", ["health"]),
        ("penanggulangan banjir rob", ["security_disaster"]),
        ("pencegahan perkawinan anak", ["protection"]),
        ("pengelolaan APBDes", ["village"]),
        ("pembagian dana bagi hasil", ["finance"]),
        ("sentra kerajinan tenun ikat", ["tourism_culture", "economy"]),
        ("penanaman jagung hibrida", ["agriculture"]),
        ("layanan e-samsat keliling", ["public_service", "digital"]),
        # a hotel tax is a tax; an accreditation is no credit
        ("akreditasi puskesmas", ["health"]),
        # words inside other words: a tariff is no dance, a design no village, advocacy
        # no vocational school, road upkeep no nursing, a warehouse no shrimp, a remission
        # no emission
        ("tarif cukai hasil tembakau", ["finance", "agriculture"]),
        ("desain kemasan produk unggulan", ["economy"]),
        ("advokasi hukum", []),
        ("perawatan jalan lingkar", ["infrastructure"]),
        ("sistem resi gudang", []),
        ("pemberian remisi", []),
    ],
)
def test_domains_of_one_phrase(phrase: str, codes: list[str]) -> None:
    assert domains_of_phrase(phrase) == codes


def test_domains_of_topics_in_topic_order() -> None:
    assert domains_of(["pengelolaan sampah", "pelayanan perizinan"]) == [
        "environment",
        "public_service",
    ]
    assert domains_of(["gamelan"]) == ["other"]
    assert domains_of(["gamelan", "pajak hotel"]) == ["finance"]
    assert domains_of([]) == []
