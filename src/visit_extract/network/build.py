"""The network: reported visits merged into events between places.

An *event* is one visit, however many outlets reported it: the reports that
:func:`visit_extract.batch.dedupe.assign_events` gives one ``event_id`` become one
:class:`Event`, and every count in the tables, summary and page counts events, so a
visit told by three outlets weighs one, not three.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from visit_extract.batch.dedupe import assign_events, date_interval
from visit_extract.network.places import Place
from visit_extract.network.programmes import programmes_of
from visit_extract.network.records import ReadReport, Reported, read_visits


@dataclass
class Report:
    """One article's report of an event.

    Attributes:
        article_id: the article.
        date: the visit's date as this article gives it (else its publication date).
        quotes: ``(field, quote)`` evidence of the extraction (none in gold labels).
        note: the annotator's note on the article (gold labels only).
    """

    article_id: str
    date: str | None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    quotes: list[tuple[str, str]] = field(default_factory=list)
    note: str | None = None


@dataclass
class Event:
    """One visit: a delegation from ``visitor`` learning from ``host``.

    Attributes:
        id: the dedupe ``event_id``.
        date: the most precise date its reports give (the earliest of those).
        first_day: first day it may have taken place; None when its date is unknown.
        last_day: last day it may have taken place.
        visitor_level: the visiting party's level (LABELING.md: "village", "regency"...).
        host_level: the host party's level.
        programmes: its topics under their canonical programme names.
    """

    id: str
    visitor: Place
    host: Place
    date: str | None
    first_day: dt.date | None
    last_day: dt.date | None
    kinds: list[str]
    topics: list[str]
    domains: list[str]
    programmes: list[str]
    agreement: bool
    visitor_level: str | None
    host_level: str | None
    visitor_institution: str | None
    host_institution: str | None
    reports: list[Report]

    @property
    def year(self) -> int | None:
        """The year it took place in, when known."""
        return self.first_day.year if self.first_day else None

    @property
    def article_ids(self) -> list[str]:
        """The articles reporting it, sorted."""
        return sorted({r.article_id for r in self.reports})


@dataclass
class Network:
    """Events between places, and what was read to build them.

    Attributes:
        events: every event whose visitor and host places are known, in date order
            (undated events last).
        places: the places those events connect, by key.
        off_network: reported visits left out because the visitor's or host's region
            is unknown (a ministry, an unnamed region).
        read: counts of what the inputs held.
    """

    events: list[Event]
    places: dict[str, Place]
    off_network: int = 0
    read: ReadReport = field(default_factory=ReadReport)


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    """Values in first-seen order, casefolded duplicates dropped."""
    seen: dict[str, str] = {}
    for values in lists:
        for value in values:
            seen.setdefault(" ".join(value.casefold().split()), value)
    return list(seen.values())


def _event(event_id: str, members: list[Reported]) -> Event:
    members.sort(key=lambda m: (m.record.article_id, m.record.index))
    labels = [m.record.date_label for m in members if m.record.date_label]
    # The most precise date wins ("2019-03-05" over "2019-03"), then the earliest.
    best = min(labels, key=lambda d: (-len(d), d)) if labels else None
    days = [d for m in members if (d := date_interval(m.record.visit, m.record.published))]
    visits = [m.record.visit for m in members]
    topics = _union(v.topics for v in visits)
    reports = [
        Report(
            article_id=m.record.article_id,
            date=m.record.date_label,
            outlet=m.record.outlet,
            url=m.record.url,
            title=m.record.title,
            published=m.record.published.isoformat() if m.record.published else None,
            quotes=[(e.field, e.quote) for e in m.record.visit.evidence],
            note=m.note,
        )
        for m in members
    ]
    visitor, host = members[0].visitor, members[0].host
    assert visitor is not None and host is not None  # off-network visits never get here
    return Event(
        id=event_id,
        visitor=visitor,
        host=host,
        date=best,
        first_day=min(d[0] for d in days) if days else None,
        last_day=max(d[1] for d in days) if days else None,
        kinds=_union([v.kind] for v in visits),
        topics=topics,
        domains=_union(v.domains for v in visits),
        programmes=programmes_of(topics),
        agreement=any(v.agreement for v in visits),
        visitor_level=_first(v.visitor.level for v in visits),
        host_level=_first(v.host.level for v in visits),
        visitor_institution=_first(v.visitor.institution for v in visits),
        host_institution=_first(v.host.institution for v in visits),
        reports=reports,
    )


def build_from_visits(
    visits: list[Reported], *, window_days: int = 7, read: ReadReport | None = None
) -> Network:
    """Merge reported visits into events (see :func:`build_network`)."""
    assign_events([v.record for v in visits], window_days=window_days)
    groups: dict[str, list[Reported]] = {}
    off = 0
    for item in visits:
        if item.visitor is None or item.host is None:
            off += 1
            continue
        groups.setdefault(item.record.event_id, []).append(item)
    events = [_event(event_id, members) for event_id, members in groups.items()]
    events.sort(key=lambda e: (e.first_day or dt.date.max, e.date or "", e.id))
    places: dict[str, Place] = {}
    for event in events:
        places.setdefault(event.visitor.key, event.visitor)
        places.setdefault(event.host.key, event.host)
    return Network(events, places, off, read if read is not None else ReadReport())


def build_network(
    inputs: Iterable[str | Path],
    *,
    articles: Iterable[str | Path] = (),
    articles_format: str | None = None,
    columns: str | Mapping[str, str] | None = None,
    window_days: int = 7,
) -> Network:
    """Read batch output or gold labels and build the visitor → host network.

    Args:
        inputs: batch output files, ``gold.jsonl`` files or eval-set folders.
        articles: the batch input file(s), for outlet, url, title and publication
            date (which also place undated visits in time and help the dedupe).
        articles_format: the format of ``articles`` when the name does not tell.
        columns: the column mapping of ``articles``, as for ``visit-extract batch``.
        window_days: reports of one visitor → host pair whose dates lie this many
            days apart are one event.

    Returns:
        The :class:`Network`.

    Raises:
        InputError: a missing or malformed input (the message names file and line).
    """
    read = ReadReport()
    visits = read_visits(
        inputs, articles=articles, articles_format=articles_format, columns=columns, report=read
    )
    return build_from_visits(visits, window_days=window_days, read=read)


__all__ = ["Event", "Network", "Report", "build_from_visits", "build_network"]
