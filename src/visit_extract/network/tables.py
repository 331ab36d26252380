"""The network as tables: events, edges, nodes, and per-year and per-domain breakdowns.

Every table is a list of flat rows (``dict``) with a fixed column order, so the
CLI writes CSV without pandas and :func:`visit_extract.network.network` turns the
same rows into data frames. Counts are events (a visit reported by several outlets
counts once); ``reports`` columns count the articles.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from visit_extract.network.build import Event, Network
from visit_extract.network.programmes import (
    ADOPTER_COLUMNS,
    PROGRAMME_COLUMNS,
    adopter_rows,
    programme_rows,
)

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "date",
    "year",
    "visitor",
    "visitor_code",
    "visitor_level",
    "host",
    "host_code",
    "host_level",
    "kinds",
    "domains",
    "programmes",
    "topics",
    "agreement",
    "reports",
    "article_ids",
)
EDGE_COLUMNS: tuple[str, ...] = (
    "visitor",
    "visitor_code",
    "visitor_province",
    "host",
    "host_code",
    "host_province",
    "events",
    "reports",
    "first_date",
    "last_date",
    "kinds",
    "domains",
    "programmes",
    "topics",
    "article_ids",
    "event_ids",
)
NODE_COLUMNS: tuple[str, ...] = (
    "region",
    "code",
    "province",
    "level",
    "times_visited",
    "visits_made",
    "partners",
    "learned_from",
    "taught",
    "first_year",
    "last_year",
    "top_domains",
)
YEAR_COLUMNS: tuple[str, ...] = (
    "year",
    "events",
    "reports",
    "learners",
    "models",
    "new_pairs",
    "top_models",
    "top_domains",
)
DOMAIN_COLUMNS: tuple[str, ...] = (
    "domain",
    "events",
    "learners",
    "models",
    "first_year",
    "last_year",
    "top_models",
    "top_learners",
)


def _join(values: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _counted(counter: Counter[str], top: int) -> str:
    return "; ".join(f"{name} ({n})" for name, n in counter.most_common(top))


def _dated(events: Sequence[Event]) -> list[str]:
    """Dates that can be ordered (a day and month without a year cannot)."""
    return sorted(e.date for e in events if e.date and not e.date.startswith("--"))


def event_rows(net: Network) -> list[dict[str, Any]]:
    """One row per event, in date order."""
    return [
        {
            "event_id": e.id,
            "date": e.date or "",
            "year": e.year,
            "visitor": e.visitor.name,
            "visitor_code": e.visitor.code or "",
            "visitor_level": e.visitor_level or "",
            "host": e.host.name,
            "host_code": e.host.code or "",
            "host_level": e.host_level or "",
            "kinds": _join(e.kinds),
            "domains": _join(e.domains),
            "programmes": _join(e.programmes),
            "topics": _join(e.topics),
            "agreement": e.agreement,
            "reports": len(e.reports),
            "article_ids": _join(e.article_ids),
        }
        for e in net.events
    ]


def edge_events(net: Network) -> dict[tuple[str, str], list[Event]]:
    """The events of each visitor → host pair of place keys."""
    pairs: dict[tuple[str, str], list[Event]] = {}
    for event in net.events:
        pairs.setdefault((event.visitor.key, event.host.key), []).append(event)
    return pairs


def edge_rows(net: Network) -> list[dict[str, Any]]:
    """One row per visitor → host pair, most events first."""
    rows: list[dict[str, Any]] = []
    for events in edge_events(net).values():
        dates = _dated(events)
        v, h = events[0].visitor, events[0].host
        rows.append(
            {
                "visitor": v.name,
                "visitor_code": v.code or "",
                "visitor_province": v.province or "",
                "host": h.name,
                "host_code": h.code or "",
                "host_province": h.province or "",
                "events": len(events),
                "reports": len({a for e in events for a in e.article_ids}),
                "first_date": dates[0] if dates else "",
                "last_date": dates[-1] if dates else "",
                "kinds": _join(k for e in events for k in e.kinds),
                "domains": _join(d for e in events for d in e.domains),
                "programmes": _join(p for e in events for p in e.programmes),
                "topics": _join(t for e in events for t in e.topics),
                "article_ids": _join(sorted({a for e in events for a in e.article_ids})),
                "event_ids": _join(e.id for e in events),
            }
        )
    rows.sort(key=lambda r: (-r["events"], r["visitor"], r["host"]))
    return rows


def node_rows(net: Network, *, top: int = 3) -> list[dict[str, Any]]:
    """One row per place, most visited first.

    ``partners`` counts the distinct places it exchanged visits with (either way),
    ``learned_from`` the places it visited, ``taught`` the places that visited it;
    ``top_domains`` counts the domains of all its events, both ways.
    """
    hosted_by: dict[str, list[Event]] = {}
    made_by: dict[str, list[Event]] = {}
    for event in net.events:
        hosted_by.setdefault(event.host.key, []).append(event)
        made_by.setdefault(event.visitor.key, []).append(event)
    rows: list[dict[str, Any]] = []
    for key, place in net.places.items():
        hosted, made = hosted_by.get(key, []), made_by.get(key, [])
        years = sorted(e.year for e in hosted + made if e.year is not None)
        domains = Counter(d for e in hosted + made for d in e.domains)
        hosts = {e.host.key for e in made}
        visitors = {e.visitor.key for e in hosted}
        rows.append(
            {
                "region": place.name,
                "code": place.code or "",
                "province": place.province or "",
                "level": place.level,
                "times_visited": len(hosted),
                "visits_made": len(made),
                "partners": len((hosts | visitors) - {key}),
                "learned_from": len(hosts),
                "taught": len(visitors),
                "first_year": years[0] if years else None,
                "last_year": years[-1] if years else None,
                "top_domains": _counted(domains, top),
            }
        )
    rows.sort(key=lambda r: (-r["times_visited"], -r["visits_made"], r["region"]))
    return rows


def year_rows(net: Network, *, top: int = 3) -> list[dict[str, Any]]:
    """One row per year with dated events, in year order (undated events are left out).

    ``new_pairs`` counts the visitor → host pairs first seen that year.
    """
    by_year: dict[int, list[Event]] = {}
    for event in net.events:
        if event.year is not None:
            by_year.setdefault(event.year, []).append(event)
    seen: set[tuple[str, str]] = set()
    rows: list[dict[str, Any]] = []
    for year in sorted(by_year):
        events = by_year[year]
        pairs = {(e.visitor.key, e.host.key) for e in events}
        rows.append(
            {
                "year": year,
                "events": len(events),
                "reports": len({a for e in events for a in e.article_ids}),
                "learners": len({e.visitor.key for e in events}),
                "models": len({e.host.key for e in events}),
                "new_pairs": len(pairs - seen),
                "top_models": _counted(Counter(e.host.name for e in events), top),
                "top_domains": _counted(Counter(d for e in events for d in e.domains), top),
            }
        )
        seen |= pairs
    return rows


def domain_rows(net: Network, *, top: int = 3) -> list[dict[str, Any]]:
    """One row per policy domain, most events first (an event counts in each of its
    domains)."""
    by_domain: dict[str, list[Event]] = {}
    for event in net.events:
        for domain in event.domains:
            by_domain.setdefault(domain, []).append(event)
    rows: list[dict[str, Any]] = []
    for domain, events in by_domain.items():
        years = sorted(e.year for e in events if e.year is not None)
        rows.append(
            {
                "domain": domain,
                "events": len(events),
                "learners": len({e.visitor.key for e in events}),
                "models": len({e.host.key for e in events}),
                "first_year": years[0] if years else None,
                "last_year": years[-1] if years else None,
                "top_models": _counted(Counter(e.host.name for e in events), top),
                "top_learners": _counted(Counter(e.visitor.name for e in events), top),
            }
        )
    rows.sort(key=lambda r: (-r["events"], r["domain"]))
    return rows


#: Every table: name -> (columns, row builder).
TABLES = {
    "events": (EVENT_COLUMNS, event_rows),
    "edges": (EDGE_COLUMNS, edge_rows),
    "nodes": (NODE_COLUMNS, node_rows),
    "years": (YEAR_COLUMNS, year_rows),
    "domains": (DOMAIN_COLUMNS, domain_rows),
    "programmes": (PROGRAMME_COLUMNS, programme_rows),
    "adopters": (ADOPTER_COLUMNS, adopter_rows),
}


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], path: str | Path) -> None:
    """Write rows as UTF-8 CSV with a header (missing values as empty cells)."""
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" if row.get(c) is None else row[c] for c in columns})


def write_tables(net: Network, folder: str | Path) -> dict[str, Path]:
    """Write every table as ``<name>.csv`` into ``folder`` (created when missing).

    Returns:
        The path of each table written, by table name.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name, (columns, build) in TABLES.items():
        path = out / f"{name}.csv"
        write_csv(build(net), columns, path)
        written[name] = path
    return written


__all__ = [
    "DOMAIN_COLUMNS",
    "EDGE_COLUMNS",
    "EVENT_COLUMNS",
    "NODE_COLUMNS",
    "TABLES",
    "YEAR_COLUMNS",
    "domain_rows",
    "edge_events",
    "edge_rows",
    "event_rows",
    "node_rows",
    "write_csv",
    "write_tables",
    "year_rows",
]
