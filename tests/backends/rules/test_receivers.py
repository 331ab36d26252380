"""Receivers (backends/rules/receivers.py): who received the guests, invented texts.

The search runs inside :func:`find_leaders`; these tests read the host's leader.
"""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.leaders import find_leaders

from .support import context_through


@pytest.mark.parametrize(
    ("text", "host"),
    [
        pytest.param(
            "Pemkot Salatiga studi tiru ke Kabupaten Gianyar. Rombongan disambut Kepala Dinas "
            "Kesehatan Gianyar Ketut Arsa, lalu diterima Wakil Bupati Gianyar Made Wirawan.",
            ("Made Wirawan", "Wakil Bupati"),
            id="the most senior receiver",
        ),
        pytest.param(
            "DPRD Kabupaten Klaten berkunjung ke Kota Kediri. Tamu diterima langsung oleh "
            "Asisten Pemerintahan dan Kesra Budi Santoso beserta Wakil Ketua DPRD Kota Kediri "
            "Rahmat Hidayat.",
            ("Budi Santoso", "Asisten Pemerintahan dan Kesra"),
            id="the first receiver named in one breath",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Kabupaten Gianyar. Rombongan disambut jajaran Pemkab "
            "Gianyar yang terdiri dari Asisten I Made Sura, Asisten II Ketut Arsa dan staf ahli.",
            ("Made Sura", "Asisten I"),
            id="receivers listed after who they are",
        ),
        pytest.param(
            "Pemkot Salatiga studi tiru ke Kabupaten Gianyar. Bupati Gianyar, Made Wirawan, "
            "memaparkan profil daerah. Dalam menyambut rombongan itu Made didampingi Wakil "
            "Bupati Gianyar Ketut Arsa.",
            ("Made Wirawan", "Bupati"),
            id="a receiver named again by first name",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Kabupaten Gianyar. Kepala Dinas Pertanian Gianyar "
            "Ketut Arsa memaparkan program subak kepada para tamu.",
            ("Ketut Arsa", "Kepala Dinas Pertanian"),
            id="the host's own official when no cue names a receiver",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Kabupaten Gianyar. Kedatangan mereka disambut Pemkab "
            "Gianyar melalui Kepala Dinas Pariwisata Ketut Arsa di Balai Budaya.",
            ("Ketut Arsa", "Kepala Dinas Pariwisata"),
            id="a host acting through an official",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Kabupaten Gianyar. Rombongan diterima di Ruang Rapat "
            "Kantor Bupati oleh Sekda Gianyar Ketut Sudarsana.",
            ("Ketut Sudarsana", "Sekda"),
            id="received somewhere by someone",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Kabupaten Gianyar. Di sana rombongan bertemu "
            "langsung dengan Kepala Dinas Pariwisata, Ketut Arsa.",
            ("Ketut Arsa", "Kepala Dinas Pariwisata"),
            id="the official the guests met",
        ),
        pytest.param(
            "Pemkab Klaten studi banding ke Jepang. Rombongan diterima secara resmi oleh Wali "
            "Kota Kawanishi, Taro Yamamoto, di balai kota.",
            ("Taro Yamamoto", "Wali Kota"),
            id="a host abroad",
        ),
        pytest.param(
            "Komisi A DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kementerian Dalam "
            "Negeri. Rombongan diterima Kasubdit Fasilitasi Dana Perimbangan Ditjen Bina Keuangan "
            "Daerah Kemendagri, Rudi Santoso, di ruang rapat.",
            ("Rudi Santoso", "Kasubdit Fasilitasi Dana Perimbangan"),
            id="a ministry",
        ),
    ],
)
def test_the_receiver(text: str, host: tuple[str, str]) -> None:
    ctx = context_through(text, find_leaders)
    # a region host is a side, a country or a ministry the main outside host
    if ctx.host is not None:
        person = ctx.host.leader
        assert person is not None and (person.name, person.title) == host
    else:
        assert ctx.host_party is not None and ctx.host_party.leader is not None
        assert (ctx.host_party.leader.name, ctx.host_party.leader.title) == host


@pytest.mark.parametrize(
    "text",
    [
        'Pemkab Klaten studi banding ke Kabupaten Gianyar, Senin. "Kami belajar soal subak," '
        "kata Budi dalam keterangan tertulis yang diterima Kabar Dewata, Selasa.",
        "Pemkab Klaten studi banding ke Kabupaten Gianyar, Senin. Hal itu tertuang dalam siaran "
        "pers Humas Pemkab Klaten yang diterima Radar Bali di Gianyar.",
        'Pemkab Klaten studi banding ke Kabupaten Gianyar, Senin. "Kami belajar," ujar Budi '
        "saat ditemui Baliexpress.com di sela kunjungan.",
        "Pemkab Klaten studi banding ke Kabupaten Gianyar, Senin. Menurut rilis yang diterima "
        "SuaraDewatanews, rombongan juga meninjau pasar.",
    ],
)
def test_a_press_release_received_is_no_receiver(text: str) -> None:
    # the outlet a statement reached did not receive the guests
    ctx = context_through(text, find_leaders)
    assert ctx.host is not None and ctx.host.leader is None


def test_a_receiver_after_a_press_release() -> None:
    text = (
        "Pemkab Klaten studi banding ke Kabupaten Gianyar, Senin, menurut keterangan yang "
        "diterima Kabar Dewata. Rombongan diterima Sekda Gianyar Made Gede Wisnu."
    )
    ctx = context_through(text, find_leaders)
    leader = ctx.host.leader if ctx.host else None
    assert leader is not None and (leader.name, leader.title) == ("Made Gede Wisnu", "Sekda")
