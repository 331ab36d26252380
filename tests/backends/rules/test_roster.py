"""Roster (backends/rules/roster.py): who is named where, and who stands in, invented texts."""

from __future__ import annotations

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
