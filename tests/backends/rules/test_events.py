"""Visit events (backends/rules/events.py) on texts written for these tests."""

from __future__ import annotations

from visit_extract.backends.rules.context import read_article
from visit_extract.backends.rules.roles import score_roles


def _events(text: str) -> list[tuple[list[str], list[str]]]:
    ctx = read_article(text, None)
    score_roles(ctx)
    return [([v.key for v in e.visitors], [h.key for h in e.hosts]) for e in ctx.events]


KLATEN, MAGELANG, GIANYAR, BOYOLALI = "33.10", "33.71", "51.04", "33.09"


def test_going_names_the_subject_and_the_destination() -> None:
    assert _events("Rombongan Pemkab Klaten melakukan studi banding ke Kota Magelang.") == [
        ([KLATEN], [MAGELANG])
    ]


def test_the_agent_between_cue_and_destination_goes() -> None:
    assert _events("Kunjungan kerja DPRD Klaten ke Kabupaten Gianyar berlangsung dua hari.") == [
        ([KLATEN], [GIANYAR])
    ]


def test_a_destination_may_list_several_hosts() -> None:
    assert _events(
        "Bupati Klaten belajar ke tiga negara, yaitu Jepang, Korea Selatan dan Belanda."
    ) == [([KLATEN], ["foreign:Japan", "foreign:South Korea", "foreign:Netherlands"])]


def test_a_second_destination_after_sedangkan() -> None:
    events = _events(
        "Komisi A melakukan kunker ke Kabupaten Gianyar, sedangkan Komisi B ke Kota Magelang."
    )
    assert [hosts for _, hosts in events] == [[GIANYAR], [MAGELANG]]


def test_the_destination_ends_at_a_clause_word() -> None:
    assert _events(
        "Pemkab Klaten berkunjung ke Kabupaten Gianyar untuk membahas kerja sama dengan Kota "
        "Magelang."
    ) == [([KLATEN], [GIANYAR])]


def test_receiving_reverses_the_roles() -> None:
    assert _events(
        "Pemkot Magelang menerima kunjungan kerja dari DPRD Kabupaten Klaten dan DPRD Boyolali."
    ) == [([KLATEN, BOYOLALI], [MAGELANG])]


def test_received_by_names_the_host_after_the_cue() -> None:
    assert _events("Rombongan Pemkab Klaten diterima Sekda Kota Magelang.") == [
        ([KLATEN], [MAGELANG])
    ]


def test_a_welcome_names_its_guest() -> None:
    assert _events("Bupati Gianyar menyambut Wali Kota Magelang di pendopo.") == [
        ([MAGELANG], [GIANYAR])
    ]


def test_going_home_and_inspections_are_no_visits() -> None:
    assert _events("Setelah kunjungan itu, rombongan pulang ke Kabupaten Klaten.") == []
    assert _events("Pemkot Magelang melakukan kunjungan sidak ke pasar di Kabupaten Klaten.") == []


def test_countries_and_cities_abroad_the_old_list_missed() -> None:
    assert _events("Wakil Bupati Klaten melakukan kunjungan kerja ke Uzbekistan.") == [
        ([KLATEN], ["foreign:Uzbekistan"])
    ]
    assert _events("Rombongan Pemkab Klaten tiba di Daejeon, Korea Selatan.") == [
        ([KLATEN], ["foreign:South Korea"])
    ]


def test_a_place_in_a_purpose_clause_is_no_destination() -> None:
    assert (
        _events("Pemkab Klaten belajar pengelolaan sampah untuk diterapkan di Kabupaten Klaten.")
        == []
    )
    assert _events("Pemkab Klaten datang untuk belajar ke Kabupaten Gianyar.") == [
        ([KLATEN], [GIANYAR])
    ]


def test_learning_from_a_region_goes_there() -> None:
    assert _events("Pemkab Klaten belajar banyak dari Kabupaten Gianyar soal pasar desa.") == [
        ([KLATEN], [GIANYAR])
    ]


def test_a_host_visited_by_a_delegation() -> None:
    assert _events("Pemkot Magelang kembali dikunjungi rombongan Pemkab Klaten.") == [
        ([KLATEN], [MAGELANG])
    ]


def test_a_planned_trip_is_no_event() -> None:
    assert _events("DPRD Klaten berencana studi banding ke Kabupaten Gianyar tahun depan.") == []
    assert _events("Terakhir ada rencana kunjungan kerja DPRD Klaten ke Kota Magelang.") == []


def test_a_host_side_release_names_its_guests_after_the_welcome() -> None:
    events = _events(
        "Pemkot Magelang menerima rombongan studi banding, Rabu (4/9). Mereka berasal dari "
        "Kabupaten Klaten, Kabupaten Gianyar dan Kabupaten Boyolali."
    )
    assert ([KLATEN, GIANYAR, BOYOLALI], []) in events
    assert _events("Tamu kedua datang dari DPRD Boyolali dengan 12 anggota.") == [([BOYOLALI], [])]


def test_a_delegation_with_its_head_is_a_visitor() -> None:
    assert _events("Komisi B DPRD Kabupaten Klaten dipimpin Ketua Komisi Andi Wirawan.") == [
        ([KLATEN], [])
    ]
    assert _events("Sementara rombongan Boyolali, yang diketuai Sekda, tiba sore.") == [
        ([BOYOLALI], [])
    ]


def test_a_led_host_or_a_received_party_is_no_delegation() -> None:
    assert _events("Pemkot Magelang yang dipimpin Wakil Wali Kota menyambut tamunya.") == []
    assert _events("Tamu itu diterima Pemkab Gianyar yang dipimpin Sekda Made Arta.") == [
        ([], [GIANYAR])
    ]


def test_a_list_must_start_at_from() -> None:
    assert _events("Peserta dari berbagai kalangan hadir, termasuk DPRD Klaten.") == []


def test_the_stop_before_is_no_subject() -> None:
    assert _events(
        "Setelah dari Kabupaten Gianyar, rombongan melanjutkan kunjungan ke Kota Magelang."
    ) == [([], [MAGELANG])]
    assert _events("Usai dari Klaten, tim bertolak ke Kabupaten Boyolali.") == [([], [BOYOLALI])]


def test_consulting_a_ministry_goes_to_it() -> None:
    assert _events(
        "Pansus DPRD Kabupaten Klaten berkonsultasi dengan Kementerian Perhubungan soal terminal."
    ) == [([KLATEN], ["national:Kementerian Perhubungan"])]
    assert _events("DPRD Boyolali melakukan konsultasi ke Kemenkumham, Kamis (5/9).") == [
        ([BOYOLALI], ["national:Kemenkumham"])
    ]


def test_a_visited_object_comes_before_its_seat() -> None:
    assert _events("Anggota DPRD Klaten menyambangi Badan Kepegawaian Negara di Jakarta.") == [
        ([KLATEN], ["national:Badan Kepegawaian Negara"])
    ]
    assert _events("Bupati Boyolali mengunjungi pasar rakyat di Kota Magelang.") == [
        ([BOYOLALI], [MAGELANG])
    ]


def test_a_passive_visit_names_its_agent_after_the_destination() -> None:
    assert _events(
        "JAKARTA - Konsultasi ke Kementerian Keuangan dilakukan Badan Anggaran DPRD "
        "Kabupaten Klaten, Senin (2/9)."
    ) == [([KLATEN], ["national:Kementerian Keuangan"])]


def test_a_dateline_is_no_subject() -> None:
    assert _events("KLATEN - Konsultasi dengan Kemendagri membahas tata tertib.") == [
        ([], ["national:Kementerian Dalam Negeri"])
    ]


def test_a_delegation_named_after_its_group_word() -> None:
    assert _events("Adapun rombongan Komisi B DPRD Kabupaten Boyolali tiba sore hari.") == [
        ([BOYOLALI], [])
    ]
    assert _events("Rombongan diterima Pemkab Gianyar.") == [([], [GIANYAR])]


def test_moving_on_to_the_next_host() -> None:
    assert _events("Esoknya rombongan Pemkab Klaten bergeser ke Kota Magelang.") == [
        ([KLATEN], [MAGELANG])
    ]


def test_an_arrival_with_a_possessive_goes_there() -> None:
    assert _events("Ia menyebut kedatangannya ke Kabupaten Gianyar untuk belajar.") == [
        ([], [GIANYAR])
    ]
    assert _events("Kunjungannya ke Kota Magelang berlangsung singkat.") == [([], [MAGELANG])]


def test_those_who_only_attended_are_no_delegations() -> None:
    # LABELING: a sentence listing regions that also attended is a passing mention
    assert _events("Hadir pula perwakilan dari Kabupaten Gianyar dan Kota Magelang.") == []


def test_a_habit_or_examples_name_no_guests() -> None:
    assert _events("Pemkot Magelang sering menerima rombongan dari Kabupaten Klaten.") == [
        ([], [MAGELANG])
    ]
    assert _events(
        "Pemkot Magelang menerima kunjungan dari berbagai daerah, seperti Kabupaten Klaten."
    ) == [([], [MAGELANG])]
    assert _events(
        "Kota Magelang menjadi rujukan, seperti halnya Kabupaten Gianyar yang dipimpin Bupati."
    ) == [([], [MAGELANG])]
