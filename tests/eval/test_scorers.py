"""The matching rules of LABELING.md "Scoring", one test per rule, counts worked by hand.

Counts are ``(correct, predicted, gold)``.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from visit_extract.eval import keys, scorers
from visit_extract.eval.datasets import GoldVisit, load_dataset
from visit_extract.eval.scorers import (
    FIELDS,
    METRICS,
    field_counts,
    max_matching,
    names_match,
    pair_visits,
    phrases_match,
    region_key,
    score_article,
    title_key,
)

from .helpers import gold, party, pred

LAHAT = "Kabupaten Lahat"
BWI = "Kabupaten Banyuwangi"


# --- 1. article level -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "gold_is", "expected"),
    [
        (True, True, (1, 1, 1)),  # true positive
        (True, False, (0, 1, 0)),  # false positive
        (False, True, (0, 0, 1)),  # false negative
        (False, False, (0, 0, 0)),  # true negative adds nothing to P/R
    ],
)
def test_article_level_counts(
    predicted: bool, gold_is: bool, expected: tuple[int, int, int]
) -> None:
    scored = score_article(predicted, [], gold_is, [])
    assert scored.counts["article"] == expected
    assert any(d.field == "article" for d in scored.disagreements) == (predicted != gold_is)


# --- 2. visit pairing -------------------------------------------------------------------


def test_unpaired_visits_are_false_positives_and_negatives() -> None:
    g = [gold(party(LAHAT), party(BWI)), gold(party("Kabupaten Pasangkayu"), party(BWI))]
    p = [
        pred(party("kabupaten lahat"), party("KABUPATEN BANYUWANGI")),  # pairs with g[0]
        pred(party("Kota Denpasar"), party(BWI)),  # pairs with nothing
        pred(party(LAHAT), party("Kota Denpasar")),  # visitor matches, host does not
    ]
    scored = score_article(True, p, True, g)
    assert scored.pairs == [(0, 0)]
    # 1 pair, 3 predicted, 2 gold -> visit P = 1/3, R = 1/2
    assert scored.counts["visit"] == (1, 3, 2)
    unpaired = [d for d in scored.disagreements if d.field == "visit"]
    assert [(d.pred_visit, d.gold_visit) for d in unpaired] == [(1, None), (2, None), (None, 1)]


def test_max_matching_finds_more_pairs_than_greedy() -> None:
    # left 0 fits right 0 and 1, left 1 only right 0: greedy 0->0 would leave 1 alone.
    ok = {(0, 0), (0, 1), (1, 0)}
    assert max_matching(2, 2, lambda i, j: (i, j) in ok) == [(0, 1), (1, 0)]


def test_pairing_maximises_pairs_before_field_agreement() -> None:
    ministry = "Kementerian Dalam Negeri"
    otda = "Kementerian Dalam Negeri Ditjen Otda Bina Keuangan"
    rich = {
        "kind": "studi_tiru",
        "start_date": "2019-02-25",
        "end_date": "2019-02-27",
        "topics": ["BUMDes"],
        "domains": ["village"],
        "agreement": True,
    }
    leader = {"level": "city", "branch": "legislative", "name": "Cik Ujang", "title": "Bupati"}
    g = [
        gold(party(LAHAT), party(None, level="national", institution=ministry)),
        gold(
            party(LAHAT, **leader, size=14), party(None, level="national", institution=otda), **rich
        ),
    ]
    p = [
        # Fits both gold hosts ("Kementerian Dalam Negeri" is contained in both) and
        # agrees with g[1] on all 17 fields, with g[0] on only 6 ...
        pred(
            party(LAHAT, **leader, size=14),
            party(None, level="national", institution=ministry),
            **rich,
        ),
        # ... while this one fits only g[1] and agrees with it on 5 fields. Agreement
        # alone would pick p0-g1 (17 > 6 + 5); the rule wants the two pairs.
        pred(
            party(LAHAT, level="province", branch="other"),
            party(None, level="other", institution="Ditjen Otda Bina Keuangan"),
            kind="other",
        ),
    ]
    assert pair_visits(p, g) == [(0, 0), (1, 1)]


def test_pairing_ties_are_broken_by_field_agreement() -> None:
    # Two delegations of the same regency to the same host: the executive and the DPRD.
    g = [
        gold(party(LAHAT, name="Cik Ujang", title="Bupati"), party(BWI)),
        gold(party(LAHAT, branch="legislative", name="Fitrah Ali", title="Ketua DPRD"), party(BWI)),
    ]
    p = [
        pred(party(LAHAT, branch="legislative", name="Fitrah Ali", title="Ketua DPRD"), party(BWI)),
        pred(party(LAHAT, name="Cik Ujang", title="Bupati"), party(BWI)),
    ]
    scored = score_article(True, p, True, g)
    assert scored.pairs == [(0, 1), (1, 0)]
    assert scored.disagreements == []


def test_regions_are_compared_after_normalisation() -> None:
    # LABELING.md's own example: "Kabupaten Ogan Komering Ulu Timur" for "OKU Timur".
    g = [gold(party("Kabupaten Ogan Komering Ulu Timur"), party("Kota Denpasar"))]
    p = [pred(party("Kabupaten OKU Timur"), party("kota denpasar"))]  # the second by casefold
    scored = score_article(True, p, True, g)
    assert scored.counts["visit"] == (1, 1, 1)
    assert scored.counts["visitor.region"] == (1, 1, 1)


def test_null_gold_region_is_decided_by_institution() -> None:
    g = [gold(party(LAHAT), party(None, level="national", institution="Kementerian Dalam Negeri"))]
    same = pred(party(LAHAT), party(None, level="national", institution="kementerian dalam negeri"))
    other = pred(party(LAHAT), party(None, level="national", institution="Kementerian Keuangan"))
    no_inst = pred(party(LAHAT), party(None, level="national"))
    assert pair_visits([same], g) == [(0, 0)]
    # {kementerian, keuangan} vs {kementerian, dalam, negeri}: Jaccard 1/4, no containment
    assert pair_visits([other], g) == []
    assert pair_visits([no_inst], g) == []


def test_gold_without_region_or_institution_pairs_with_a_null_region() -> None:
    g = [gold(party(LAHAT), party(None, level="other"))]
    assert pair_visits([pred(party(LAHAT), party(None, level="other"))], g) == [(0, 0)]
    assert pair_visits([pred(party(LAHAT), party("Kota Denpasar"))], g) == []


# --- 3. fields on a paired visit ----------------------------------------------------------


def test_paired_visit_field_counts() -> None:
    g = gold(
        party(LAHAT, name="Cik Ujang", title="Bupati", size=14),
        party(BWI, name="Abdullah Azwar Anas", title="Bupati"),
        kind="studi_tiru",
        start_date="2019-02-25",
        topics=["mal pelayanan publik", "pengelolaan BUMDes", "Smart Kampung"],
        domains=["public_service", "village", "digital"],
    )
    p = pred(
        party("kabupaten lahat", level="city", name="H. Cik Ujang, SH", title="bupati", size=15),
        party(BWI, branch="legislative", name="Anas", title="Wakil Bupati"),
        kind="studi_banding",
        start_date="2019-02-25",
        end_date="2019-02-27",
        topics=["Mal Pelayanan Publik Banyuwangi", "BUMDes", "pariwisata"],
        domains=["public_service", "tourism_culture"],
        agreement=True,
    )
    scored = score_article(True, [p], True, [g])
    expected = {
        "article": (1, 1, 1),
        "visit": (1, 1, 1),
        "visitor.region": (1, 1, 1),  # casefold-equal
        "host.region": (1, 1, 1),
        "visitor.level": (0, 1, 1),  # city vs regency: wrong, so FP and FN
        "host.level": (1, 1, 1),
        "visitor.branch": (1, 1, 1),
        "host.branch": (0, 1, 1),  # legislative vs executive
        "visitor.leader.name": (1, 1, 1),  # "H. ... , SH" stripped
        "host.leader.name": (0, 1, 1),  # "Anas": one token in common only
        "visitor.leader.title": (1, 1, 1),  # casefolded
        "host.leader.title": (0, 1, 1),  # Wakil Bupati is not Bupati
        "visitor.size": (0, 1, 1),  # 15 vs 14
        "kind": (0, 1, 1),
        "start_date": (1, 1, 1),
        "end_date": (0, 1, 0),  # value where gold is null: FP
        "topics": (2, 3, 3),  # Mal Pelayanan Publik (contains), BUMDes (contained)
        "domains": (1, 2, 3),  # public_service only
        "agreement": (0, 1, 1),
    }
    assert scored.counts == expected
    wrong = [f for f, c in expected.items() if c[0] != c[1] or c[0] != c[2]]
    assert sorted(d.field for d in scored.disagreements) == sorted(wrong)
    assert all((d.pred_visit, d.gold_visit) == (0, 0) for d in scored.disagreements)


def test_unpaired_visit_fields_count_as_predicted_and_missed() -> None:
    g = gold(
        party(LAHAT, name="Cik Ujang", title="Bupati", size=14),
        party(BWI, institution="Pemkab Banyuwangi"),
        start_date="2019-02-25",
        topics=["mal pelayanan publik"],
        domains=["public_service"],
    )
    p = pred(
        party("Kabupaten Pasangkayu", name="Agus Ambo Djiwa", title="Bupati"),
        party(BWI),
        kind="other",
        topics=["BUMDes", "keuangan desa"],
        domains=["village", "finance"],
    )
    scored = score_article(True, [p], True, [g])
    assert scored.pairs == []
    both = (0, 1, 1)  # predicted on the unpaired prediction, missed on the unpaired gold
    expected = {
        "article": (1, 1, 1),
        "visit": (0, 1, 1),
        "visitor.region": both,
        "host.region": both,
        "visitor.level": both,
        "host.level": both,
        "visitor.branch": both,
        "host.branch": both,
        "visitor.leader.name": both,
        "host.leader.name": (0, 0, 0),  # null on both sides
        "visitor.leader.title": both,
        "host.leader.title": (0, 0, 0),
        "visitor.size": (0, 0, 1),  # only gold has a size
        "kind": both,
        "start_date": (0, 0, 1),
        "end_date": (0, 0, 0),
        "topics": (0, 2, 1),
        "domains": (0, 2, 1),
        "agreement": both,  # never null: counts on every visit
    }
    assert scored.counts == expected


@pytest.mark.parametrize(
    ("name", "p", "g", "expected"),
    [
        ("visitor.level", "regency", "regency", (1, 1, 1)),
        ("visitor.level", "village", "regency", (0, 1, 1)),
        ("host.branch", "other", "executive", (0, 1, 1)),
        ("kind", "studi_tiru", "studi_tiru", (1, 1, 1)),
        ("visitor.size", 60, 60, (1, 1, 1)),
        ("visitor.size", 61, 60, (0, 1, 1)),
        ("start_date", "2019-02-25", "2019-02-25", (1, 1, 1)),
        ("start_date", "2019-02", "2019-02-25", (0, 1, 1)),  # wrong precision is wrong
        ("end_date", "--02-27", "--02-27", (1, 1, 1)),
        ("agreement", True, True, (1, 1, 1)),
        ("agreement", False, True, (0, 1, 1)),
        ("agreement", False, False, (1, 1, 1)),
    ],
)
def test_exact_fields(name: str, p: object, g: object, expected: tuple[int, int, int]) -> None:
    assert field_counts(name, p, g) == expected


@pytest.mark.parametrize("name", [f for f in FIELDS if f not in ("topics", "domains", "agreement")])
def test_null_handling_on_every_single_valued_field(name: str) -> None:
    value = 7 if name == "visitor.size" else "x"
    assert field_counts(name, None, None) == (0, 0, 0)  # correct: no FP, no FN
    assert field_counts(name, value, None) == (0, 1, 0)  # value where gold is null: FP
    assert field_counts(name, None, value) == (0, 0, 1)  # missed


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        ("Agus Ambo Djiwa", "Agus Ambo Djiwa", True),
        ("H. Agus Ambo Djiwa, SH", "Agus Ambo Djiwa", True),  # honorific and degree
        ("Drs. H. Syahrul M. Pasaribu, MM", "Syahrul M Pasaribu", True),  # punctuation
        ("AGUS AMBO DJIWA", "agus ambo djiwa", True),  # casefold
        ("Djiwa Agus Ambo", "Agus Ambo Djiwa", True),  # token sets, not order
        ("Agus Djiwa", "Agus Ambo Djiwa", True),  # contained, two tokens in common
        ("Agus", "Agus Ambo Djiwa", False),  # contained, one token in common
        ("Agus Ambo", "Agus Djiwa", False),  # two tokens each, no containment
        ("Ujang", "ujang", True),  # single-token names equal
        ("Ujang", "Cik", False),
    ],
)
def test_name_rule(a: str, b: str, match: bool) -> None:
    assert names_match(a, b) is match
    assert names_match(b, a) is match


def test_honorifics_and_degrees_do_not_match_on_their_own() -> None:
    assert field_counts("host.leader.name", "Dr. Cik Ujang", "Cik Ujang") == (1, 1, 1)
    assert not names_match("H. Rusli", "H. Ujang")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Wabup", "Wakil Bupati"),
        ("Wawali", "Wakil Wali Kota"),
        ("Walkot", "Wali Kota"),
        ("Sekdakab", "Sekda"),
        ("Sekdakot", "Sekda"),
        ("Kadis Kesehatan", "Kepala Dinas Kesehatan"),
        ("Plt Wabup", "Plt Wakil Bupati"),
        ("BUPATI", "bupati"),
        ("Wakil  Ketua DPRD", "wakil ketua dprd"),
    ],
)
def test_title_rule_expands_the_listed_abbreviations(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)
    assert field_counts("visitor.leader.title", a, b) == (1, 1, 1)


@pytest.mark.parametrize(("a", "b"), [("Wakil Bupati", "Bupati"), ("Sekda", "Kepala Bappeda")])
def test_title_rule_keeps_different_titles_apart(a: str, b: str) -> None:
    assert field_counts("host.leader.title", a, b) == (0, 1, 1)


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        ("Mal Pelayanan Publik", "mal pelayanan publik", True),
        ("BUMDes", "pengelolaan BUMDes", True),  # containment
        ("pengelolaan keuangan desa", "pengelolaan aset desa", True),  # Jaccard 2/4 = 0.5
        ("pengelolaan keuangan desa", "keuangan daerah", False),  # Jaccard 1/4
        ("Smart Kampung", "smart city", False),  # Jaccard 1/3
        ("", "BUMDes", False),
    ],
)
def test_topic_phrase_rule(a: str, b: str, match: bool) -> None:
    assert phrases_match(a, b) is match


def test_topics_are_matched_one_to_one() -> None:
    # Both predictions fit the one gold phrase, only one can take it.
    assert field_counts("topics", ["BUMDes", "pengelolaan BUMDes"], ["pengelolaan BUMDes"]) == (
        1,
        2,
        1,
    )
    # "desa" fits only "BUMDes desa"; a greedy pass giving that phrase to the first
    # prediction (which fits both) would leave one pair out.
    assert field_counts(
        "topics",
        ["pengelolaan BUMDes desa", "desa"],
        ["BUMDes desa", "pengelolaan BUMDes"],
    ) == (2, 2, 2)


def test_domains_are_exact_codes() -> None:
    assert field_counts("domains", ["village", "finance"], ["village", "public_service"]) == (
        1,
        2,
        2,
    )
    assert field_counts("domains", [], ["village"]) == (0, 0, 1)
    assert field_counts("domains", ["village"], []) == (0, 1, 0)


def test_every_metric_is_counted_on_every_article() -> None:
    scored = score_article(False, [], False, [])
    assert set(scored.counts) == set(METRICS)
    assert all(c == (0, 0, 0) for c in scored.counts.values())


def test_set_difference_lists_unmatched_items() -> None:
    extra, missed = scorers.set_difference(
        "topics", ["BUMDes", "pariwisata"], ["pengelolaan BUMDes", "Smart Kampung"]
    )
    assert (extra, missed) == (["pariwisata"], ["Smart Kampung"])
    assert scorers.set_difference("domains", ["village", "economy"], ["village", "finance"]) == (
        ["economy"],
        ["finance"],
    )


# --- the yardstick does not move with the extractor's normaliser ----------------------------


def _sabotage_normalisers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every shared normaliser return garbage, different on every call."""
    import visit_extract.normalize as normalize
    from visit_extract.normalize import people, regions

    calls = itertools.count()

    def garbage_text(*args: object, **kwargs: object) -> str:
        return f"garbage {next(calls)}"

    def garbage_region(*args: object, **kwargs: object) -> SimpleNamespace:
        return SimpleNamespace(name=garbage_text(), code="00", level="regency", province=None)

    for module in (normalize, people, regions):
        for name in ("normalize_country", "clean_name", "normalize_title"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, garbage_text)
        if hasattr(module, "normalize_region"):
            monkeypatch.setattr(module, "normalize_region", garbage_region)
    region_key.cache_clear()
    keys.name_tokens.cache_clear()


def _as_written(visit: GoldVisit) -> GoldVisit:
    """The gold visit as another annotator or an extractor might write it: regions in
    capitals with odd spacing, names with honorifics and degrees, titles abbreviated."""
    body = visit.model_dump()
    for side in ("visitor", "host"):
        party_ = body[side]
        if party_["region"]:
            party_["region"] = "  ".join(party_["region"].upper().split())
        leader = party_["leader"]
        if leader and leader["name"]:
            leader["name"] = f"Drs. H. {leader['name']}, M.Si."
        if leader and leader["title"]:
            leader["title"] = leader["title"].replace("Wakil Bupati", "Wabup")
    return GoldVisit.model_validate(body)


def _gold_vs_written_gold(path: Path) -> dict[str, tuple[int, int, int]]:
    dataset = load_dataset(path, require_gold=True)
    totals = dict.fromkeys(METRICS, (0, 0, 0))
    for label in dataset.gold.values():
        written = [_as_written(v) for v in label.visits]
        scored = score_article(label.is_study_visit, written, label.is_study_visit, label.visits)
        for name, c in scored.counts.items():
            totals[name] = scorers.add(totals[name], c)
    return totals


def test_gold_scores_perfectly_against_itself_whatever_the_normaliser_does(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: Path
) -> None:
    before = _gold_vs_written_gold(seeds_dir)
    _sabotage_normalisers(monkeypatch)
    after = _gold_vs_written_gold(seeds_dir)
    assert after == before
    # Every field is 1.0: all predictions correct, all gold found.
    assert all(c[0] == c[1] == c[2] for c in after.values())
    assert after["visit"][0] > 0 and after["visitor.leader.name"][0] > 0


def test_the_scorer_does_not_import_the_normaliser_or_a_backend() -> None:
    code = (
        "import sys, json; import visit_extract.eval.scorers as s; "
        "s.region_key('Kota Denpasar'); s.name_tokens('H. Agus'); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('visit_extract'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = json.loads(out)
    assert "visit_extract.eval.keys" in loaded  # the probe did load the scorer's keys
    assert not [
        m for m in loaded if m.startswith(("visit_extract.normalize", "visit_extract.backends"))
    ]
