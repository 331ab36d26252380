"""Relevance: does an article report a study visit by an Indonesian public body?

A hand-weighted logistic score, calibrated so that 0.5 is the decision point of
``is_study_visit``. Its features are counts of the patterns of
:mod:`~visit_extract.backends.rules.relevance_cues` and
:mod:`~visit_extract.backends.rules.relevance_against`, in three groups:

* evidence of a visit report: the visit terms of LABELING.md (studi banding/tiru, kaji
  banding, benchmarking, kunjungan kerja, studi lapangan, lawatan, belajar ke, menimba
  ilmu...), learning trips abroad or to a named place, regional or national actors, a
  learning purpose, and visit statements told as done with their day nearby;
* evidence of another kind of trip: inspections and supervision by a superior,
  students and community groups, foreign delegations, recess, party work, courtesy calls, plans,
  cancellations, holidays;
* evidence of a piece *about* visits rather than the report of one: explainers,
  criticism, habits ("doyan kunker"), tallies ("38 instansi sudah studi banding ke
  sini"), old records, negated or hypothetical visits, a headline with visits as its
  topic. A visit told as done with its day nearby makes a critical piece the report
  of that visit (LABELING.md, "Decided hard cases").

Each visit statement is read with the words before it (:func:`_standing`): planned
("akan studi banding"), generic (negated, habitual, conditional, a wish), told of a
crowd, of a host's fame, of the past, or done. Articles without any visit term are
rejected by substring tests and one regex search, which keeps the filter fast on a
large dump; every pattern is searched once over the text or in a bounded window.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Literal

from visit_extract.backends.rules import relevance_against as against
from visit_extract.backends.rules import relevance_cues as cue
from visit_extract.backends.rules.mentions import ignored_spans
from visit_extract.backends.rules.relevance_weights import logit, national_learning

Standing = Literal["planned", "generic", "crowd", "fame", "old", "done"]

#: How far (characters) before a visit statement its standing is read.
_BEFORE = 60
#: How far (characters) a date may stand from the visit statement it dates.
_ANCHOR_REACH = 250
#: How far (characters) around a visit word its learning purpose may stand.
_PURPOSE_BEFORE, _PURPOSE_AFTER = 150, 200
#: At most this many visit statements are read (the counts the score uses saturate).
_MAX_STATEMENTS = 16


def _count(pattern: re.Pattern[str], text: str, cap: int) -> int:
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n >= cap:
            break
    return n


def _years_before(text: str, start: int, end: int, cutoff: int) -> bool:
    """Whether the first dated year around a visit statement is ``cutoff`` or earlier."""
    for m in cue.YEAR.finditer(text, max(0, start - 150), end + 100):
        year = int(m.group(1)) + 2000 if m.group(1) else int(m.group(2))
        return year <= cutoff
    return False


def _standing(text: str, start: int, end: int, cutoff: int | None) -> Standing:
    """How the words before a visit statement present it."""
    before = text[max(0, start - _BEFORE) : start]
    if cue.FUTURE_BEFORE.search(before):
        return "planned"
    if cue.GENERIC_BEFORE.search(before):
        return "generic"
    if cue.CROWD_BEFORE.search(before):
        return "crowd"
    if cue.FAME_BEFORE.search(before):
        return "fame"
    if cue.PAST_BEFORE.search(before) or (cutoff and _years_before(text, start, end, cutoff)):
        return "old"
    # "studi banding ke Kota X pekan depan": the plan is told after the trip
    if cue.FUTURE_AFTER.match(text, end, end + 80) and not cue.LESSONS_BEFORE.search(before):
        return "planned"
    return "done"


def _statements(story: str, cutoff: int | None) -> dict[str, int]:
    """Visit statements (the visit terms) by standing, and whether the first of them
    that is not generic is planned."""
    counts = dict.fromkeys(("planned", "generic", "crowd", "fame", "old", "done"), 0)
    first_planned = 0
    for n, m in enumerate(cue.VISIT_STATEMENT.finditer(story)):
        if n >= _MAX_STATEMENTS:
            break
        standing = _standing(story, m.start(), m.end(), cutoff)
        if standing == "planned" and not counts["done"] and not counts["planned"]:
            first_planned = 1
        counts[standing] += 1
    return {
        "done": counts["done"],
        "planned_stmt": counts["planned"],
        "generic": counts["generic"],
        "old": counts["old"],
        "first_planned": first_planned,
    }


def _realised(story: str, cutoff: int | None) -> dict[str, int]:
    """Visits told as something a delegation did (:data:`cue.REALISED`): how many are
    done, how many of those have a date nearby, and how many were told of a crowd."""
    done = anchored = crowd = 0
    for m in cue.REALISED.finditer(story):
        standing = _standing(story, m.start(), m.end(), cutoff)
        if cue.CROWD_OBJECT.search(m.group()):
            standing = "crowd"
        crowd += standing == "crowd"
        if standing != "done":
            continue
        done += 1
        reach = (max(0, m.start() - _ANCHOR_REACH), m.end() + _ANCHOR_REACH)
        anchored += cue.ANCHOR.search(story, *reach) is not None
        if done >= 4:
            break
    inst = 0
    for m in cue.INST_VISIT.finditer(story):
        inst += _standing(story, m.start(), m.end(), cutoff) == "done"
        if inst >= 3:
            break
    return {"realised": done, "anchored": anchored, "crowd": crowd, "inst": inst}


def _community_visitors(body: str, cap: int = 2) -> int:
    """Community groups travelling without a government in front of them."""
    n = 0
    for m in against.COMMUNITY_VISITOR.finditer(body):
        if cue.GOV.search(body, max(0, m.start() - 80), m.start()) is None:
            n += 1
            if n >= cap:
                break
    return n


def _with_purpose(
    pattern: re.Pattern[str], text: str, cap: int, purpose: re.Pattern[str] = cue.LEARN
) -> int:
    """Matches of ``pattern`` with a learning ``purpose`` nearby."""
    n = 0
    for m in pattern.finditer(text):
        if purpose.search(text, max(0, m.start() - _PURPOSE_BEFORE), m.end() + _PURPOSE_AFTER):
            n += 1
            if n >= cap:
                break
    return n


def _without_title(body: str, title: str | None) -> str:
    """``body`` without the lines that repeat the headline."""
    key = title.strip().lower() if title else ""
    if not key or key not in body.lower():
        return body
    return "\n".join(line for line in body.split("\n") if line.strip().lower() != key)


def _headline(body: str, title: str | None) -> str:
    """The title, else the first line (at most 150 characters: it may be a paragraph)."""
    if title:
        return title
    end = body.find("\n")
    return body[: 150 if end < 0 else min(end, 150)]


def _strip_ignored(text: str) -> str:
    spans = ignored_spans(text)
    if not spans:
        return text
    parts = []
    last = 0
    for a, b in spans:
        parts.append(text[last:a])
        last = b
    parts.append(text[last:])
    return " ".join(parts)


def may_be_relevant(text: str, title: str | None = None) -> bool:
    """Whether the article holds any of the words every study visit report holds.

    Plain substring tests, so most of a dump is rejected before any regex runs; mojibake
    never hides one of these words (it mangles punctuation and spaces, not letters).

    Args:
        text: the article text.
        title: its headline, if known.
    """
    low = f"{title}\n{text}".lower() if title else text.lower()
    return any(w in low for w in cue.GATE_WORDS)


def relevance_features(
    text: str, title: str | None = None, published: date | None = None, *, paired: bool = False
) -> dict[str, float]:
    """The counts the score is made of (for inspection and tuning).

    Args:
        text: the article text.
        title: its headline, if known.
        published: its publication date, if known (tells an old trip from news).
        paired: whether the extractor found a visit between peers in it (see
            :func:`relevance_score`).

    Returns:
        Feature name -> value; empty when the article has no visit term at all.
    """
    return _features(text, title, published, need_actor=False, paired=paired)


def working_visit_only(text: str, title: str | None = None) -> bool:
    """Whether the article names a working visit ("kunjungan kerja", "kunker") but no
    study term, purpose of learning, learning trip or visit between institutions: the
    articles whose verdict :func:`relevance_score` leaves to the visit the extractor
    finds (``paired``).

    Args:
        text: the article text.
        title: its headline, if known.
    """
    feats = _working_visit_features(text, title)
    if feats is None:
        return False
    return not feats or not (feats.get("strong") or feats.get("learn_strong"))


def _working_visit_features(text: str, title: str | None) -> dict[str, float] | None:
    """The features of an article that names a working visit; None for one that does not
    (what :func:`working_visit_only` and :func:`working_visit_named` start from)."""
    full = f"{title}\n{text}" if title else text
    if not may_be_relevant(text, title) or cue.KUNKER.search(full) is None:
        return None
    return _features(text, title, None, need_actor=True)


def _features(
    text: str,
    title: str | None,
    published: date | None,
    *,
    need_actor: bool,
    paired: bool = False,
) -> dict[str, float]:
    """:func:`relevance_features`; with ``need_actor``, an article without a regional or
    national actor (scored 0.05 whatever else it says) stops at ``gov`` and
    ``national_body``, which saves most of the work on a dump."""
    full = f"{title}\n{text}" if title else text
    if not may_be_relevant(text, title) or cue.GATE.search(full) is None:
        return {}
    body = _strip_ignored(full)
    strong = _count(cue.STRONG, body, 4)
    trip = _with_purpose(cue.TRIP_FRAME, body, 3) + _count(cue.ABROAD_PROGRAM, body, 1)
    frame = 0
    if strong == 0:
        # Without a study-visit term, a visit must come with a learning purpose nearby
        # ("kunjungan kerja ... untuk mempelajari", "mengunjungi ... guna melihat"), be a
        # learning trip or abroad, or go from one institution to another.
        gate = trip + _with_purpose(cue.FRAME_VISIT, body, 3) + _count(cue.INST_VISIT, body, 2)
        # or be a working visit between peers, as the extractor found it
        gate += paired and cue.KUNKER.search(body) is not None
        if gate == 0:
            return {}
        # plain visit words weigh only with a purpose that says "learn"
        frame = _with_purpose(cue.FRAME_VISIT, body, 2, cue.LEARN_STRONG)
    if need_actor and cue.GOV.search(body) is None and cue.NATIONAL_BODY.search(body) is None:
        return {"gov": 0, "national_body": 0}
    head = body[:1500]
    # a trip dated to a year before last, or to last year in an article of the second
    # half of the year, is a record, not news
    cutoff = (published.year - (1 if published.month >= 7 else 2)) if published else None
    # Headlines are worded in the present even for plans ("Pemkab X Studi Banding ke Y"),
    # so the statements are read from the story without its headline lines.
    story = _without_title(body, title)
    headline = _headline(body, title)
    return {
        **_statements(story, cutoff),
        **_realised(story, cutoff),
        "topic_headline": 1 if against.TOPIC_HEADLINE.search(headline) else 0,
        "foreign_head": 1 if against.FOREIGN_VISITOR.search(headline) else 0,
        "leisure_head": 1 if against.HOLIDAY.search(headline) else 0,
        "habit": _count(against.HABIT, body, 4),
        "strong": strong,
        "frame": frame,
        "trip": trip,
        "strong_head": _count(cue.STRONG, head, 2),
        "kunker": _count(cue.KUNKER, body, 4),
        "learn": _count(cue.LEARN, body, 5),
        "learn_strong": _count(cue.LEARN_STRONG, story, 3),
        "gov": _count(cue.GOV, body, 10),
        "gov_head": _count(cue.GOV, head, 4),
        "visit": _count(cue.VISIT, body, 6),
        "date": _count(cue.DATE_HINT, body, 2),
        "national": _count(against.NATIONAL, body, 6),
        "inspect": _count(against.INSPECT, body, 4),
        "dpr": _count(against.DPR, body, 4),
        "company": _count(against.COMPANY, body, 6),
        "student": _count(against.STUDENT, body, 6),
        "student_visitor": _count(against.STUDENT_VISITOR, body, 2),
        "community_visitor": _community_visitors(body),
        "national_body": _count(cue.NATIONAL_BODY, body, 4),
        "oversight": _count(against.OVERSIGHT, body, 4),
        "courtesy": _count(against.COURTESY, body, 3),
        "ceremony": _count(against.CEREMONY, body, 2),
        "coordination": _count(against.COORDINATION, body, 2),
        "party": _count(against.PARTY, body, 4),
        "planned": _count(against.PLANNED, body, 4),
        "cancel": _count(against.CANCEL, body, 3),
        "explain": _count(against.EXPLAIN, body, 4),
        "foreign_visitor": _count(against.FOREIGN_VISITOR, body, 3),
        "leisure": _count(against.LEISURE, body, 4),
        "sister": _count(against.SISTER, body, 3),
        "received": _count(cue.RECEIVED, body, 4),
        "aggregate": _count(against.AGGREGATE, body, 3),
        "paired": 1 if paired else 0,
    }


def working_visit_named(text: str, title: str | None = None) -> bool:
    """Whether the article names its visit a working visit ("kunjungan kerja", "kunker")
    and by no study term or learning trip: the articles in which a superior's tour
    (:func:`relevance_score`, ``superior``) may pass for a visit to learn.

    Args:
        text: the article text.
        title: its headline, if known.
    """
    feats = _working_visit_features(text, title)
    return feats is not None and bool(feats) and not (feats.get("strong") or feats.get("trip"))


def relevance_score(
    text: str,
    title: str | None = None,
    published: date | None = None,
    *,
    paired: bool = False,
    superior: bool = False,
) -> float:
    """Probability-like score in [0, 1] that the article reports a study visit.

    0.5 is the decision point of the rules backend's ``is_study_visit`` (batch runs
    pre-filter with :mod:`visit_extract.batch.prefilter`, not with this score).

    Args:
        text: the article text, as scraped.
        title: its headline, if known.
        published: its publication date, if known.
        paired: whether the extractor found, in an article that names a working visit
            and nothing else of a study visit (:func:`working_visit_only`), a visit
            between peers: regional bodies of which neither is the other's superior.
            Host-side releases and many DPRD reports say no more than "kunjungan kerja"
            of a visit to learn; a superior's tour says the same, and the pair tells
            them apart.
        superior: whether every visit the extractor found in an article that names a
            working visit and no study term or trip (:func:`working_visit_named`) goes
            from a province to one of its own regencies or cities: a governor's tour,
            supervision by LABELING.md, even where a word of learning stands near it.

    Returns:
        The score; articles without any visit term score 0.01, those without a
        regional actor or a national body's learning trip 0.05.
    """
    feats = _features(text, title, published, need_actor=True, paired=paired)
    if not feats:
        return 0.01
    if feats["gov"] == 0 and not national_learning(feats):
        return 0.05
    return 1.0 / (1.0 + math.exp(-logit(feats) + (3.0 if superior else 0.0)))
