"""Relevance filter: positives, the hard negatives named in LABELING.md and the dump."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.relevance import relevance_score

POSITIVE = (
    "BANYUWANGI - Rombongan Pemerintah Kabupaten Sigi dipimpin Wakil Bupati Samuel Yansen "
    "menggelar studi banding di Kabupaten Banyuwangi, Kamis (14/3). Mereka disambut Sekda "
    "Banyuwangi di ruang rapat. Rombongan ingin belajar tentang Mal Pelayanan Publik dan "
    "pengelolaan BUMDes."
)
NEGATIVES = {
    "minister inspection": (
        "Menteri PUPR meninjau pembangunan bendungan di Kabupaten Lombok Barat dalam "
        "kunjungan kerja, Senin (3/5). Menteri didampingi Gubernur NTB memantau progres."
    ),
    "planned only": (
        "Sebanyak 40 pejabat Pemkab Garut akan menggelar studi banding ke Kabupaten "
        "Sumedang pada pekan depan untuk mempelajari aplikasi pelayanan, kata Sekda Garut."
    ),
    "student trip": (
        "Puluhan siswa SMA Negeri 3 melakukan kunjungan edukatif ke DPRD Kabupaten Jember, "
        "Selasa (2/4). Para pelajar diterima Sekretaris DPRD dan belajar tentang demokrasi."
    ),
    "explainer": (
        "Pendahuluan. Studi banding DPRD adalah kegiatan kunjungan kerja untuk mempelajari "
        "praktik lembaga lain. Artikel ini membahas konsep, manfaat studi banding dan "
        "efektivitas kunjungan yang sering dikritik sebagai pemborosan."
    ),
    "DPR abroad": (
        "Anggota Komisi III DPR RI melakukan studi banding ke Belanda untuk mempelajari "
        "sistem pemasyarakatan. Kunjungan ke Den Haag itu dikritik sebagai pemborosan."
    ),
    "no visit at all": "Harga cabai di Pasar Induk naik tajam menjelang akhir pekan.",
}


def test_positive_scores_above_threshold() -> None:
    assert relevance_score(POSITIVE) >= 0.5


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_hard_negatives_score_below_threshold(name: str) -> None:
    assert relevance_score(NEGATIVES[name]) < 0.5


def test_baca_juga_line_does_not_make_an_article_relevant() -> None:
    text = (
        "Harga cabai di pasar naik tajam menjelang akhir pekan, kata pedagang.\n"
        "Baca juga: Bupati Garut studi banding ke Banyuwangi, diterima Bupati Anas (3/5)\n"
        "Pedagang berharap pasokan kembali normal pekan depan."
    )
    assert relevance_score(text) < 0.5


def test_score_is_a_probability() -> None:
    for text in [POSITIVE, *NEGATIVES.values()]:
        assert 0.0 <= relevance_score(text) <= 1.0


# Invented: a trip abroad reported without any study-visit term, its purpose only in
# "terinspirasi" and "mencari contoh".
INSPIRED_TRIP = (
    "Wali Kota Blitar melakukan kunjungan ke Jepang pada Senin (7/10). Salah satu tempat "
    "yang dikunjunginya adalah pusat daur ulang di Kitakyushu.\n"
    "Ia mengaku terinspirasi oleh cara kota itu mengolah sampah plastik.\n"
    '"Saya ingin Blitar punya yang seperti ini, jadi saya datang mencari contoh-contohnya '
    'langsung," katanya. Selama tiga hari kunjungan kerja di Jepang, ia juga bertemu warga '
    "Blitar yang bekerja di sana."
)


def test_learning_purpose_stated_as_inspiration_or_examples_counts() -> None:
    assert relevance_score(INSPIRED_TRIP) >= 0.5
    # the same trip with no learning purpose at all stays below the threshold
    plain = INSPIRED_TRIP.replace("terinspirasi oleh", "melihat").replace(
        "mencari contoh-contohnya", "menyapa warganya"
    )
    assert relevance_score(plain) < 0.5


def test_learning_at_a_named_place_is_a_visit_without_any_visit_word() -> None:
    text = (
        "BANYUWANGI - Pemprov Sumatera Barat belajar pengelolaan pasar ke Kabupaten "
        "Banyuwangi, Kamis (7/3). Asisten II Pemprov Sumbar Syamsul Bahri yang datang "
        "bersama beberapa kepala dinas disambut Sekda Banyuwangi Mujiono."
    )
    assert relevance_score(text) >= 0.5
    # "belajar ... ke" without a named place is not a trip
    general = text.replace("ke Kabupaten Banyuwangi", "ke depan").replace(
        "disambut", "berbicara dengan"
    )
    assert relevance_score(general) < 0.5
