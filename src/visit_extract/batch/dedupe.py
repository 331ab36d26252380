"""Cross-outlet dedupe: the same visit reported by several articles becomes one event.

Two reported visits are the same event when they have the same visitor region and
host region (after casefolding), their branches do not contradict each other, they
come from different articles, and their dates are compatible: the intervals the dates
stand for (a day, a month, a year; the publication date when the visit has none) lie
at most ``window_days`` apart. Visits whose visitor or host region is unknown, or whose
date is unknown, are never merged: a wrong merge hides a visit, a missed one only
double-counts it.
"""

from __future__ import annotations

import calendar
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from visit_extract.schema import Visit


@dataclass
class VisitRecord:
    """One reported visit with the article it came from.

    ``event_id`` and ``event_articles`` are filled by :func:`assign_events`.
    """

    article_id: str
    index: int
    visit: Visit
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    backend: str | None = None
    model: str | None = None
    event_id: str = ""
    event_articles: tuple[str, ...] = field(default_factory=tuple)

    @property
    def date_label(self) -> str | None:
        """The visit's start date, else the article's publication date (ISO)."""
        if self.visit.start_date:
            return self.visit.start_date
        return self.published.isoformat() if self.published else None


def _bounds(value: str, published: date | None) -> tuple[date, date] | None:
    """The days a LABELING.md date form can stand for."""
    try:
        if value.startswith("--"):
            if published is None:
                return None
            day = date(published.year, int(value[2:4]), int(value[5:7]))
            if day > published:  # "--12-30" in an article of January is last year
                day = day.replace(year=day.year - 1)
            return day, day
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day
        year = int(value[:4])
        if len(value) == 7:
            month = int(value[5:7])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def date_interval(visit: Visit, published: date | None) -> tuple[date, date] | None:
    """The interval of days a visit took place in, as far as it is known.

    Uses ``start_date``/``end_date``; a visit without dates is placed on the
    publication day. None when nothing is known.
    """
    if visit.start_date:
        start = _bounds(visit.start_date, published)
        if start is None:
            return None
        end = _bounds(visit.end_date, published) if visit.end_date else None
        return start[0], max(start[1], end[1]) if end else start[1]
    if published is not None:
        return published, published
    return None


def _region_key(value: str | None) -> str | None:
    return " ".join(value.casefold().split()) if value else None


def _branches_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@dataclass
class _Event:
    lo: date
    hi: date
    members: list[VisitRecord]
    visitor_branch: str | None
    host_branch: str | None

    def accepts(self, rec: VisitRecord, lo: date, hi: date, window: timedelta) -> bool:
        if any(m.article_id == rec.article_id for m in self.members):
            return False  # one article's visits are distinct delegations by definition
        if not _branches_agree(self.visitor_branch, rec.visit.visitor.branch):
            return False
        if not _branches_agree(self.host_branch, rec.visit.host.branch):
            return False
        return lo - self.hi <= window and self.lo - hi <= window


def assign_events(records: list[VisitRecord], *, window_days: int = 7) -> int:
    """Give every record an ``event_id``; reports of one visit share it.

    ``event_articles`` lists the ids of all articles reporting the event (sorted).
    The ids are stable: a hash of the member visits, so the same results give the
    same ids on every export.

    Args:
        records: the visits, changed in place.
        window_days: how far apart compatible dates may be.

    Returns:
        The number of events.
    """
    window = timedelta(days=window_days)
    groups: dict[tuple[str, str], list[tuple[date, date, VisitRecord]]] = defaultdict(list)
    events: list[list[VisitRecord]] = []
    for rec in records:
        visitor = _region_key(rec.visit.visitor.region)
        host = _region_key(rec.visit.host.region)
        interval = date_interval(rec.visit, rec.published)
        if visitor is None or host is None or interval is None:
            events.append([rec])
        else:
            groups[(visitor, host)].append((*interval, rec))
    for group in groups.values():
        group.sort(key=lambda item: (item[0], item[1], item[2].article_id, item[2].index))
        open_events: list[_Event] = []
        for lo, hi, rec in group:
            for event in open_events:
                if event.accepts(rec, lo, hi, window):
                    event.members.append(rec)
                    event.lo, event.hi = min(event.lo, lo), max(event.hi, hi)
                    event.visitor_branch = event.visitor_branch or rec.visit.visitor.branch
                    event.host_branch = event.host_branch or rec.visit.host.branch
                    break
            else:
                open_events.append(
                    _Event(lo, hi, [rec], rec.visit.visitor.branch, rec.visit.host.branch)
                )
        events.extend(e.members for e in open_events)
    for members in events:
        keys = sorted(f"{m.article_id}#{m.index}" for m in members)
        event_id = "ev-" + hashlib.sha1("\n".join(keys).encode()).hexdigest()[:12]
        articles = tuple(sorted({m.article_id for m in members}))
        for m in members:
            m.event_id = event_id
            m.event_articles = articles
    return len(events)


__all__ = ["VisitRecord", "assign_events", "date_interval"]
