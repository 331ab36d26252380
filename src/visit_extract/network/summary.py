"""The terminal summary: models, learners, busy years and domains, and learning chains.

A *chain* is a line of learning through time: A visited B to learn, and B had
itself visited C before that. "Before" is certain only when B's visit ended before
A's began (:attr:`Event.last_day` < :attr:`Event.first_day`), so visits with no known
date, or whose dates overlap, never extend a chain; and a chain never passes through
the same region twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from visit_extract.network.build import Event, Network
from visit_extract.network.programmes import programme_rows
from visit_extract.network.tables import domain_rows, node_rows, year_rows


@dataclass(frozen=True)
class Chain:
    """A→B→C...: ``events[0]`` is the latest visit (A learning from B), each next one
    the earlier visit in which that host had learned from the next region."""

    events: tuple[Event, ...]

    @property
    def regions(self) -> list[str]:
        """The regions from the last learner back to the first model."""
        return [self.events[0].visitor.name] + [e.host.name for e in self.events]

    def describe(self) -> str:
        """``A ←(2019-03-05) B ←(2018-11-20) C``: who learned from whom, when."""
        parts = [self.events[0].visitor.name]
        for event in self.events:
            parts.append(f"←({event.date}) {event.host.name}")
        return " ".join(parts)


def chains(net: Network, *, limit: int = 5) -> list[Chain]:
    """The longest time-ordered learning chains (two visits or more), longest first.

    For every visit, the longest chain that ends with it is the visit plus the
    longest chain among the host's own earlier visits that does not come back to the
    visitor. Visits are taken in date order so each earlier chain is known when it
    is needed. A chain contained in a longer one that is listed is not listed again.

    Args:
        net: the network.
        limit: how many chains at most.

    Returns:
        Chains of at least two visits; ties are broken by the latest visit first.
    """
    dated = sorted(
        # A region learning from itself (a village from its own regency) is no link.
        (e for e in net.events if e.first_day and e.last_day and e.visitor.key != e.host.key),
        key=lambda e: (e.first_day, e.id),
    )
    by_visitor: dict[str, list[Event]] = {}
    best: dict[str, tuple[Event, ...]] = {}
    for event in dated:
        assert event.first_day is not None
        chain: tuple[Event, ...] = (event,)
        for earlier in by_visitor.get(event.host.key, []):
            assert earlier.last_day is not None
            if earlier.last_day >= event.first_day:
                continue
            tail = best[earlier.id]
            regions = {event.visitor.key, *(e.host.key for e in tail)}
            if len(tail) + 1 > len(chain) and len(regions) == len(tail) + 1:
                chain = (event, *tail)
        best[event.id] = chain
        by_visitor.setdefault(event.visitor.key, []).append(event)
    ordered = sorted(
        (c for c in best.values() if len(c) > 1),
        key=lambda c: (-len(c), -(c[0].first_day or dt.date.min).toordinal(), c[0].id),
    )
    picked: list[Chain] = []
    for candidate in ordered:
        ids = {e.id for e in candidate}
        if any(ids <= {e.id for e in chosen.events} for chosen in picked):
            continue
        picked.append(Chain(candidate))
        if len(picked) >= limit:
            break
    return picked


def _ranked(lines: list[str], title: str) -> list[str]:
    if not lines:
        return [f"{title}: none"]
    return [f"{title}:"] + [f"  {i}. {line}" for i, line in enumerate(lines, start=1)]


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _coded(name: str, code: str) -> str:
    return f"{name} ({code})" if code else name


def format_summary(net: Network, *, top: int = 5) -> str:
    """The summary printed by ``visit-extract network``.

    Args:
        net: the network.
        top: how many entries each ranking shows.
    """
    read = net.read
    pairs = {(e.visitor.key, e.host.key) for e in net.events}
    multi = sum(1 for e in net.events if len(e.article_ids) > 1)
    lines = [
        f"read {read.articles:,} articles with {read.visits:,} reported visits"
        + (
            f" ({read.errors:,} error and {read.skipped:,} skipped rows ignored)"
            if read.errors or read.skipped
            else ""
        ),
        f"{len(net.events):,} visits after merging reports of the same visit "
        f"({multi:,} reported by more than one article); {net.off_network:,} reported "
        "visits left out (visitor or host region unknown)",
        f"network: {len(net.places):,} regions, {len(pairs):,} visitor → host pairs",
    ]
    if read.duplicate_ids:
        lines.append(f"{read.duplicate_ids:,} article ids seen again in a later file were skipped")
    nodes = node_rows(net)
    models = [n for n in nodes if n["times_visited"]][:top]
    lines += _ranked(
        [
            f"{_coded(n['region'], n['code'])}: visited {_n(n['times_visited'], 'time')} by "
            f"{_n(n['taught'], 'region')}" + (f"; {n['top_domains']}" if n["top_domains"] else "")
            for n in models
        ],
        "Top model regions",
    )
    learners = sorted(
        (n for n in nodes if n["visits_made"]), key=lambda n: (-n["visits_made"], n["region"])
    )[:top]
    lines += _ranked(
        [
            f"{_coded(n['region'], n['code'])}: {_n(n['visits_made'], 'visit')} to "
            f"{_n(n['learned_from'], 'region')}"
            for n in learners
        ],
        "Top learners",
    )
    years = sorted(year_rows(net), key=lambda r: (-r["events"], r["year"]))[:top]
    undated = sum(1 for e in net.events if e.year is None)
    lines += _ranked(
        [f"{r['year']}: {_n(r['events'], 'visit')}; models {r['top_models']}" for r in years],
        f"Busiest years ({undated} visits without a known year)",
    )
    lines += _ranked(
        [
            f"{r['domain']}: {_n(r['events'], 'visit')}; models {r['top_models']}"
            for r in domain_rows(net)[:top]
        ],
        "Busiest domains",
    )
    lines += _ranked(
        [
            f"{r['programme']}: {_n(r['events'], 'visit')} by {_n(r['adopters'], 'region')}, "
            f"first {r['first_date'] or 'undated'}"
            for r in programme_rows(net)[:top]
        ],
        "Most sought programmes",
    )
    lines += _ranked(
        [f"{len(c.events)} visits: {c.describe()}" for c in chains(net, limit=top)],
        "Longest learning chains (A ←(date) B: A visited B to learn)",
    )
    return "\n".join(lines)


__all__ = ["Chain", "chains", "format_summary"]
