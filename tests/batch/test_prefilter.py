"""The recall-first batch pre-filter, on invented sentences."""

from __future__ import annotations

import pytest

from visit_extract.batch.prefilter import DEFAULT_THRESHOLD, prefilter_score

PASSING = [
    # a study-visit term next to a public body
    "Rombongan Pemkab Sukamaju melakukan studi banding ke Kota Lembah Hijau, Selasa (4/3).",
    "Komisi B DPRD Tirtajaya menggelar kunjungan kerja ke Dinas Pertanian Kabupaten Sawahrejo.",
    "Para kepala desa se-Kecamatan Wanasari studi lapangan ke desa wisata di Gunungsari.",
    "Tim Penggerak PKK Kabupaten Mekarjaya menimba ilmu pengelolaan posyandu di Kota Sejahtera.",
    "Peserta Diklatpim III melaksanakan benchmarking ke Pemerintah Kota Harapan Baru.",
    # a plain visit with a learning purpose
    "Bupati Karangsari berkunjung ke Kabupaten Tanjungmulia guna melihat pengelolaan sampah.",
    "Pemkot Bukitindah menerima kunjungan rombongan dari Kabupaten Lautbiru yang ingin "
    "belajar soal layanan perizinan.",
    # a trip abroad with a learning purpose, no visit word at all
    "Wali Kota Pantaiindah mengikuti workshop di Jepang untuk mempelajari daur ulang sampah.",
]

STOPPED = [
    "",
    "Harga cabai di pasar tradisional naik menjelang akhir pekan.",
    # a study-visit term without any public body
    "Klub sepak bola itu melakukan studi banding ke akademi di Eropa.",
    # a public body without any visit cue
    "Bupati Sukamaju meresmikan jembatan baru di Desa Kaliandong.",
]


@pytest.mark.parametrize("text", PASSING)
def test_visit_cues_near_a_public_body_pass(text: str) -> None:
    assert prefilter_score(text) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize("text", STOPPED)
def test_articles_without_cue_or_actor_are_stopped(text: str) -> None:
    assert prefilter_score(text) < DEFAULT_THRESHOLD


def test_a_visit_without_a_purpose_scores_below_the_default_but_above_the_floor() -> None:
    score = prefilter_score("Gubernur Nusa Permai tiba di Kabupaten Hulu Sungai pagi ini.")
    assert 0.01 < score < DEFAULT_THRESHOLD


def test_the_cue_must_stand_near_the_public_body() -> None:
    filler = " Cuaca cerah sepanjang hari di pesisir." * 40
    near = "Pemkab Sukamaju studi banding ke kota tetangga."
    far = "Pemkab Sukamaju membuka pameran." + filler + " Klub itu studi banding ke kota tetangga."
    assert prefilter_score(near) >= DEFAULT_THRESHOLD
    assert prefilter_score(far) < DEFAULT_THRESHOLD


def test_the_title_counts() -> None:
    body = "Para pejabat Pemkab Sukamaju tiba pagi hari dan disambut di pendopo."
    assert prefilter_score(body) < DEFAULT_THRESHOLD
    assert prefilter_score(body, title="Pemkab Sukamaju studi tiru ke Lembah Hijau") >= 0.9
