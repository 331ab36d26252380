"""Programmes: topics under one name per programme, and who adopted each one when.

Topics are free phrases in the article's words, so one programme comes in many
spellings ("smart city", "implementasi kota cerdas", "penerapan Smart City"). The
rules in ``data/programmes.tsv`` give the common programmes one canonical name; any
other topic keeps its own words without the process words that lead so many topics
("pengembangan", "pengelolaan", "penerapan"...), so "pengelolaan irigasi tetes" and
"pengembangan irigasi tetes" are still one programme.

An *adopter* of a programme is a region whose delegation went to learn it; the
adopters table lists them in the order of their first such visit.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from visit_extract.network.build import Event, Network

#: Columns of :func:`programme_rows`.
PROGRAMME_COLUMNS: tuple[str, ...] = (
    "programme",
    "events",
    "adopters",
    "models",
    "first_date",
    "last_date",
    "top_models",
    "variants",
)
#: Columns of :func:`adopter_rows`.
ADOPTER_COLUMNS: tuple[str, ...] = (
    "programme",
    "order",
    "adopter",
    "adopter_code",
    "first_date",
    "learned_from",
    "learned_from_code",
    "events",
    "event_id",
)

#: Words that say what was done with a programme, not which programme it is.
_LEADING = re.compile(
    r"^(?:(?:program|programs|pengembangan|pengelolaan|penataan|peningkatan|implementasi|"
    r"penerapan|pelaksanaan|penyelenggaraan|optimalisasi|penguatan|strategi|manajemen|"
    r"tata\s+kelola|sistem|inovasi|konsep|pola|mekanisme|development|management|"
    r"implementation)\s+)+",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    text = resources.files("visit_extract.network").joinpath("data").joinpath("programmes.tsv")
    rules: list[tuple[str, re.Pattern[str]]] = []
    for line in text.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, pattern = line.partition("\t")
            rules.append((name.strip(), re.compile(pattern.strip())))
    return tuple(rules)


def programme_of(topic: str) -> str | None:
    """The canonical programme name of one topic.

    Args:
        topic: a topic phrase as extracted ("implementasi kota cerdas").

    Returns:
        The rule's canonical name ("Smart City"), else the topic without its leading
        process words and parentheses, first letter upper-cased; None for an empty
        topic.
    """
    text = " ".join(topic.split())
    folded = text.casefold()
    for name, pattern in _rules():
        if pattern.search(folded):
            return name
    bare = _LEADING.sub("", _PAREN.sub("", text)).strip(" ,.;:-") or text.strip(" ,.;:-")
    if not bare:
        return None
    return bare[0].upper() + bare[1:].lower()


def programmes_of(topics: list[str]) -> list[str]:
    """The distinct programmes of a visit's topics, in topic order."""
    out: dict[str, None] = {}
    for topic in topics:
        name = programme_of(topic)
        if name:
            out.setdefault(name)
    return list(out)


def _counted(counter: Counter[str], top: int) -> str:
    return "; ".join(f"{name} ({n})" for name, n in counter.most_common(top))


def _by_programme(net: Network) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = {}
    for event in net.events:  # already in date order
        for name in event.programmes:
            grouped.setdefault(name, []).append(event)
    return grouped


def programme_rows(net: Network, *, top: int = 3) -> list[dict[str, Any]]:
    """One row per programme, most events first.

    ``variants`` lists the topic phrases filed under it, most frequent first.
    """
    rows: list[dict[str, Any]] = []
    for name, events in _by_programme(net).items():
        variants: Counter[str] = Counter()
        for event in events:
            variants.update(t.casefold() for t in event.topics if programme_of(t) == name)
        dates = sorted(e.date for e in events if e.date and not e.date.startswith("--"))
        rows.append(
            {
                "programme": name,
                "events": len(events),
                "adopters": len({e.visitor.key for e in events}),
                "models": len({e.host.key for e in events}),
                "first_date": dates[0] if dates else "",
                "last_date": dates[-1] if dates else "",
                "top_models": _counted(Counter(e.host.name for e in events), top),
                "variants": "; ".join(v for v, _ in variants.most_common()),
            }
        )
    rows.sort(key=lambda r: (-r["events"], -r["adopters"], r["programme"]))
    return rows


def adopter_rows(net: Network) -> list[dict[str, Any]]:
    """For each programme, its adopters in the order of their first visit to learn it.

    An adopter whose visits have no known date comes after the dated ones. ``events``
    counts all its visits for the programme; ``learned_from`` and ``event_id`` are
    those of the first.
    """
    rows: list[dict[str, Any]] = []
    order = {r["programme"]: i for i, r in enumerate(programme_rows(net))}
    for name, events in sorted(_by_programme(net).items(), key=lambda kv: order[kv[0]]):
        first: dict[str, Event] = {}
        counts: Counter[str] = Counter()
        for event in events:
            first.setdefault(event.visitor.key, event)
            counts[event.visitor.key] += 1
        for rank, (key, event) in enumerate(first.items(), start=1):
            rows.append(
                {
                    "programme": name,
                    "order": rank,
                    "adopter": event.visitor.name,
                    "adopter_code": event.visitor.code or "",
                    "first_date": event.date or "",
                    "learned_from": event.host.name,
                    "learned_from_code": event.host.code or "",
                    "events": counts[key],
                    "event_id": event.id,
                }
            )
    return rows


__all__ = [
    "ADOPTER_COLUMNS",
    "PROGRAMME_COLUMNS",
    "adopter_rows",
    "programme_of",
    "programme_rows",
    "programmes_of",
]
