"""Receivers (backends/rules/receivers.py): who received the guests, invented texts.

The search runs inside :func:`find_leaders`; these tests read the host's leader.
"""

from __future__ import annotations

from visit_extract.backends.rules.leaders import find_leaders

from .support import context_through


def _host(text: str) -> tuple[str, str | None] | None:
    ctx = context_through(text, find_leaders)
    host = ctx.host.leader if ctx.host is not None else None
    return (host.name, host.title) if host else None


def test_the_most_senior_receiver_hosts() -> None:
    host = _host(
        "Pemkot Salatiga studi tiru ke Kabupaten Gianyar. Rombongan disambut Kepala Dinas "
        "Kesehatan Gianyar Ketut Arsa, lalu diterima Wakil Bupati Gianyar Made Wirawan."
    )
    assert host == ("Made Wirawan", "Wakil Bupati")


def test_the_first_receiver_named_in_one_breath() -> None:
    host = _host(
        "DPRD Kabupaten Klaten berkunjung ke Kota Kediri. Tamu diterima secara langsung oleh "
        "Asisten Pemerintahan dan Kesra Budi Santoso beserta Wakil Ketua DPRD Kota Kediri "
        "Rahmat Hidayat."
    )
    assert host == ("Budi Santoso", "Asisten Pemerintahan dan Kesra")


def test_receivers_listed_after_who_they_are() -> None:
    host = _host(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Rombongan disambut jajaran Pemkab "
        "Gianyar yang terdiri dari Asisten I Made Sura, Asisten II Ketut Arsa dan staf ahli."
    )
    assert host == ("Made Sura", "Asisten I")


def test_a_receiver_named_again_by_first_name() -> None:
    host = _host(
        "Pemkot Salatiga studi tiru ke Kabupaten Gianyar. Bupati Gianyar, Made Wirawan, "
        "memaparkan profil daerah. Dalam menyambut rombongan itu Made didampingi Wakil Bupati "
        "Gianyar Ketut Arsa."
    )
    assert host == ("Made Wirawan", "Bupati")


def test_the_hosts_own_official_when_no_cue_names_a_receiver() -> None:
    host = _host(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Kepala Dinas Pertanian Gianyar "
        "Ketut Arsa memaparkan program subak kepada para tamu."
    )
    assert host == ("Ketut Arsa", "Kepala Dinas Pertanian")


def test_the_receiver_of_a_host_abroad() -> None:
    ctx = context_through(
        "Pemkab Klaten studi banding ke Jepang. Rombongan diterima secara resmi oleh Wali Kota "
        "Kawanishi, Taro Yamamoto, di balai kota.",
        find_leaders,
    )
    assert ctx.host_party is not None and ctx.host_party.leader is not None
    assert (ctx.host_party.leader.name, ctx.host_party.leader.title) == (
        "Taro Yamamoto",
        "Wali Kota",
    )


def test_the_receiver_at_a_ministry() -> None:
    ctx = context_through(
        "Komisi A DPRD Kabupaten Klaten melakukan kunjungan kerja ke Kementerian Dalam Negeri. "
        "Rombongan diterima Kasubdit Fasilitasi Dana Perimbangan Ditjen Bina Keuangan Daerah "
        "Kemendagri, Rudi Santoso, di ruang rapat.",
        find_leaders,
    )
    assert ctx.host_party is not None and ctx.host_party.leader is not None
    assert ctx.host_party.leader.name == "Rudi Santoso"


def test_a_host_acting_through_an_official() -> None:
    host = _host(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Kedatangan mereka disambut Pemkab "
        "Gianyar melalui Kepala Dinas Pariwisata Ketut Arsa di Balai Budaya."
    )
    assert host == ("Ketut Arsa", "Kepala Dinas Pariwisata")


def test_received_somewhere_by_someone() -> None:
    host = _host(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Rombongan diterima di Ruang Rapat "
        "Kantor Bupati oleh Sekda Gianyar Ketut Sudarsana."
    )
    assert host == ("Ketut Sudarsana", "Sekda")


def test_the_official_the_guests_met() -> None:
    host = _host(
        "Pemkab Klaten studi banding ke Kabupaten Gianyar. Di sana rombongan bertemu langsung "
        "dengan Kepala Dinas Pariwisata, Ketut Arsa."
    )
    assert host == ("Ketut Arsa", "Kepala Dinas Pariwisata")
