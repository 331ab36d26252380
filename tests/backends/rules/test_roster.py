"""Roster (backends/rules/roster.py): who is named where, and who stands in, invented texts."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.mentions import find_regions
from visit_extract.backends.rules.people import find_people
from visit_extract.backends.rules.roster import Roster


def _roster(text: str) -> Roster:
    mentions = find_regions(text)
    return Roster(text, find_people(text, mentions), mentions)


def test_a_bare_name_borrows_the_title_given_elsewhere() -> None:
    text = "Bupati Klaten Sri Wahyuni tiba pagi. Rombongan dipimpin Wahyuni."
    person = _roster(text).at(text.index("Wahyuni."))
    assert person is not None
    assert (person.name, person.title, person.region and person.region.name) == (
        "Sri Wahyuni",
        "Bupati",
        "Kabupaten Klaten",
    )


def test_a_bare_name_at_a_cue_takes_the_office_said_after_it() -> None:
    text = "Rombongan dipimpin Wahyu Nugroho yang merupakan Ketua Komisi B DPRD Sleman."
    person = _roster(text).at(text.index("Wahyu"))
    assert person is not None
    assert (person.name, person.title) == ("Wahyu Nugroho", "Ketua Komisi B DPRD")


def test_a_title_that_heads_the_next_name_in_a_list_is_not_the_bare_names() -> None:
    text = "Rombongan dipimpin Wahyu Nugroho, Kepala Dinas Sosial Rina Wati dan staf."
    person = _roster(text).at(text.index("Wahyu"))
    assert person is not None and (person.name, person.title) == ("Wahyu Nugroho", None)
    # the title with no name after it is the bare name's own
    text = "Rombongan dipimpin Wahyu Nugroho, Kepala Dinas Sosial Kabupaten Sleman."
    person = _roster(text).at(text.index("Wahyu"))
    assert person is not None and person.title == "Kepala Dinas Sosial"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Rombongan dipimpin wakil ketua komisi B Wahyu Nugroho tiba.", "Wakil Ketua Komisi B"),
        ("Tamu diterima langsung oleh kepala dinas sosial Rina Wati.", "Kepala Dinas Sosial"),
        ("Rombongan dipimpin asisten II Wahyu Nugroho tiba.", "Asisten II"),
    ],
)
def test_a_lower_case_title_at_a_cue_is_read_with_the_name_after_it(text: str, title: str) -> None:
    cue = text.index("pimpin ") + 7 if "pimpin " in text else text.index("oleh ") + 5
    person = _roster(text).at(cue)
    assert person is not None and person.title == title


def test_a_lower_case_title_before_a_place_names_nobody() -> None:
    text = "Rombongan dipimpin langsung bupati Sleman tiba."
    assert _roster(text).at(text.index("bupati")) is None


def test_a_represented_head_is_absent_and_their_stand_in_answers_for_them() -> None:
    text = "Acara dibuka Bupati Klaten Sri Wahyuni yang diwakili Sekda Klaten Joko Susilo."
    roster = _roster(text)
    stand_in = roster.stand_ins["33.10"]
    assert (stand_in.name, stand_in.title) == ("Joko Susilo", "Sekda")
    # the head named at the cue is answered by the stand-in
    at_head = roster.at(text.index("Bupati"))
    assert at_head is not None and at_head.name == "Joko Susilo"
    assert [p.name for p in roster.own("33.10")] == ["Joko Susilo"]


def test_a_person_of_no_known_region_may_speak_for_any_party() -> None:
    text = "Hadir Kepala Bidang PMD Wulan Sari dan Sekda Klaten Joko Susilo."
    roster = _roster(text)
    wulan, joko = roster.people
    assert roster.speaks_for(wulan, "51.04", set())
    assert not roster.speaks_for(joko, "51.04", set())
    assert roster.speaks_for(joko, None, {"51.04"})


def test_a_whole_name_borrows_the_title_given_to_part_of_it() -> None:
    # news names someone in full at the cue and gives the title later with a short name
    texts = [
        "Rombongan dipimpin Hendra Wijaya. Hendra yang juga Kepala Bappeda Klaten menjelaskan.",
        "Rombongan dipimpin Hendra Wijaya. Menurut Wijaya, Kepala Bappeda Klaten, kunjungan "
        "itu penting.",
        "Rombongan dipimpin Hendra Wijaya Kusuma. Hendra Wijaya selaku Kepala Bappeda Klaten "
        "menjelaskan.",
    ]
    for text in texts:
        person = _roster(text).at(text.index("Hendra"))
        assert person is not None
        assert (person.name, person.title) == (text.split(". ")[0][19:], "Kepala Bappeda")


def test_a_part_of_the_name_titled_twice_lends_no_title() -> None:
    # two people share the short name: which one is meant is unknown
    text = (
        "Rombongan dipimpin Hendra Wijaya. Hendra, Kepala Bappeda Klaten, dan Hendra, "
        "Kepala Dinas Sosial Klaten, hadir."
    )
    person = _roster(text).at(text.index("Hendra"))
    assert person is not None and (person.name, person.title) == ("Hendra Wijaya", None)
