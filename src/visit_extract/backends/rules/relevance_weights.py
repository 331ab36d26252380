"""The weights of the relevance score: how its feature counts add up to a logit.

:mod:`~visit_extract.backends.rules.relevance` counts the features; this module weighs
them in three groups (the report of a visit, another kind of trip, a piece about visits)
so that the weighing can be read, and changed, apart from the pattern matching.
"""

from __future__ import annotations


def logit(f: dict[str, float]) -> float:
    """The score's logit: evidence of a report minus that of other trips and of talk
    about visits; 0 is the decision point of ``is_study_visit``."""
    return -4.4 + _evidence(f) - _other_trips(f) - _discussion(f)


def _evidence(f: dict[str, float]) -> float:
    """What speaks for the report of a visit: its words, actors and day."""
    z = 1.2 * min(f["strong"], 2) + 0.5 * f["strong_head"]
    z += 0.7 * min(f["kunker"], 2)
    z += 0.35 * min(f["learn"], 5)
    z += 0.3 * min(f["gov"], 8) + 0.3 * min(f["gov_head"], 3)
    # a national body learning is a visitor too, but national news names DPR and
    # ministries every day, so they weigh less than a regional actor
    z += 0.3 * min(f["national_body"], 2) if f["gov"] < 2 else 0.0
    z += 0.4 * min(f["frame"], 2)
    # trips abroad are everyday news of the army, ministers and companies: they count
    # for a regional government's delegation
    z += 0.6 * min(f["trip"], 2) if f["gov"] >= 2 else 0.0
    z += 0.2 * min(f["visit"], 5)
    z += 0.5 * min(f["received"], 3)
    # a working visit the extractor found between peers, named in one sentence
    z += 0.6 * f["paired"]
    z += 0.3 * min(f["done"], 3)
    # a report names the day; explainers and opinion pieces seldom do
    z += 1.2 if f["date"] else -0.8
    # a visit told as done, with its day nearby
    z += 0.8 if f["anchored"] else 0.0
    # visit words, but no statement of a visit anywhere ("mahasiswa menimba ilmu")
    if not (f["done"] or f["realised"] or f["frame"] or f["trip"]):
        z -= 1.0
    # no name of a study or working visit, no trip abroad and no visit "to learn": only a
    # plain visit word near a vague purpose ("kunjungan ... mengetahui") let it in
    if not (f["strong"] or f["kunker"] or f["frame"] or f["trip"]):
        z -= 1.0
    return z


def _other_trips(f: dict[str, float]) -> float:
    """What speaks for another kind of trip: inspections, students, foreign delegations,
    recess and party work, courtesy calls, ceremonies, plans, cancellations, holidays."""
    z = 0.35 * min(f["national"], 6) if f["gov"] < 4 else 0.15 * min(f["national"], 6)
    # study visits tour sites too ("meninjau Mal Pelayanan Publik")
    z += (0.3 if f["strong"] else 0.7) * min(f["inspect"], 4)
    z += 0.2 * min(f["dpr"], 3)
    z += 0.3 * min(f["company"], 5)
    z += 0.45 * min(f["student"], 5) + 1.5 * min(f["student_visitor"], 2)
    z += 1.5 * min(f["community_visitor"], 2)
    z += 0.7 * min(f["oversight"], 3) + 0.5 * min(f["party"], 4)
    # a courtesy call or coordination with no study term and no purpose of learning
    # ... or a guest at a ceremony
    if not (f["strong"] or f["learn_strong"]):
        z += 1.0 * min(f["courtesy"], 2) + 1.5 * min(f["ceremony"], 2)
    # a working visit between peers that says it came for something else than learning
    # weighs as a superior's tour (above)
    if f["paired"] and (f["courtesy"] or f["ceremony"] or f["coordination"] or f["oversight"]):
        z += 3.0
    z += 2.5 * min(f["foreign_visitor"], 3) + 2.0 * f["foreign_head"]
    # a plan without any sign of a visit under way is not a visit
    if f["planned_stmt"] and not f["done"]:
        z += 2.5
    z += 6.0 * f["first_planned"]
    z += 0.5 * min(f["planned"], 3)
    z += 2.0 * min(f["cancel"], 2)
    # "dinilai hanya untuk liburan": holiday words in a criticism of a dated trip are
    # the critics' words, not the trip's
    criticised = f["anchored"] and f["explain"]
    z += (0.2 if criticised else 0.6) * min(f["leisure"], 3)
    z += (0.5 if criticised else 2.0) * f["leisure_head"]
    z += 0.8 * min(f["sister"], 2)
    # a working visit without a study term, a trip, a purpose of learning or an
    # institution as host: a superior's tour ("kunjungan kerja ke Kabupaten X ... ingin
    # melihat langsung kondisi jalan"), supervision by LABELING.md; unless the extractor
    # found it to go between peers, which no superior's tour does
    if not (f["strong"] or f["trip"] or f["learn_strong"] or f["inst"] or f["paired"]):
        z += 3.0
    return z


def _discussion(f: dict[str, float]) -> float:
    """What speaks for a piece about visits rather than the report of one: criticism,
    habits, tallies, old records, negated or hypothetical visits. A visit told as done
    with its day nearby makes a critical piece the report of that visit."""
    concrete = f["anchored"] > 0
    z = (0.5 if concrete else 2.0) * min(f["explain"], 3)
    z += (0.1 if concrete else 0.5) * min(f["habit"], 4)
    z += (1.0 if concrete else 3.0) * f["topic_headline"]
    if f["generic"] > f["realised"]:
        z += (0.5 if concrete else 1.0) * min(f["generic"] - f["realised"], 3)
        # every visit word negated, conditional or habitual: no trip is reported
        if not f["realised"] and f["generic"] > f["done"]:
            z += 3.0
    # old trips are records: they tell against a report only in a piece about habits
    # or costs (a past trip told with its details elsewhere is a visit, LABELING.md)
    if not concrete and (f["habit"] or f["explain"] or f["topic_headline"]):
        z += 0.8 * min(f["old"], 3)
    z += (0.5 if f["inst"] else 1.0) * min(f["aggregate"], 2)
    # every trip told of a crowd of institutions ("38 instansi sudah studi banding ke
    # sini") and none of one delegation: a tally, not a report
    if f["crowd"] and not f["realised"]:
        z += 2.0 + 1.0 * min(f["crowd"], 3)
    return z


def national_learning(f: dict[str, float]) -> bool:
    """Whether an article without a regional actor tells of a national body's trip to
    learn: a study term or a learning trip, and a visit told as done."""
    return bool(f["national_body"] and (f["strong"] or f["frame"] or f["trip"]) and f["realised"])
