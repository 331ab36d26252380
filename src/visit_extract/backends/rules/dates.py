"""Dates: the day (or days) of the visit, out of all the dates an article gives.

The first exact date in a sentence about the visit wins; a vaguer one there ("pekan
lalu", "akhir Maret 2020") only when no exact one is given. Skipped: a header's or a
posting's publication stamp, the dates of other events (a launch, an award, an
inspection, an inauguration), days still to come, and the day someone spoke when the
text shows it was away from the visit (a commentator, another region, a visit told as
past). A range, a later "hingga <day>", a later range from the same day, or the day the
trip ended ("pulang Sabtu (10/5)") gives the last day. A visit the text dates on its own
(a leg of a tour, a delegation arriving another day) keeps its own dates.

The dates themselves are read by :mod:`~visit_extract.backends.rules.date_mentions`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.date_forms import END_ANY
from visit_extract.backends.rules.date_mentions import (
    Found,
    dates_in,
    days_after,
    position,
)
from visit_extract.backends.rules.mentions import in_spans
from visit_extract.normalize import resolve_date

# An event of its own whose days a visit may share only in part: "Munas MUI berlangsung
# 25-29 Agustus" is the congress's programme, not the one day a delegation opened it.
_EVENT = re.compile(
    r"\b(?:munas|musyawarah|kongres|konferensi|rakernas|rakornas|rakorwil|rakerda|"
    r"festival|pameran|expo|turnamen|kejuaraan|jambore|seminar|simposium|muktamar|"
    r"pekan\s+raya|porprov|porda|mtq)\b",
    re.IGNORECASE,
)
# the delegation or its trip in the range's own words ("mereka berkeliling")
_TRIP = re.compile(
    r"\b(?:mereka|rombongan|delegasi|kunjungan|kunker|stud[iy]|berkunjung|lawatan|"
    r"peserta)\b",
    re.IGNORECASE,
)


def find_dates(ctx: Context) -> None:
    """Stage: ``ctx.start_date``, ``ctx.end_date``, where the start date stands, and
    ``ctx.leg_dates`` for the visits dated apart from the rest."""
    every = dates_in(ctx)
    ctx.start_date, ctx.end_date, ctx.date_span = visit_dates(ctx, every)
    ctx.leg_dates = leg_dates(ctx, every)


def leg_dates(ctx: Context, every: list[Found] | None = None) -> dict[tuple[str, str], Dated]:
    """The dates of the visits that the text dates on their own.

    A visit (a leg of a tour, or one of several delegations) is dated apart when a
    sentence that sends only its delegation to only its host gives a date ("Senin (8/5)
    rombongan ke A. ... Rabu (10/5) rombongan bergeser ke B"); the date nearest the
    visit's cue wins. Every other visit keeps the article's dates (LABELING: legs not
    dated separately share the whole tour's dates).

    Args:
        ctx: a context whose pairs are found.
        every: the article's dates, when already read.

    Returns:
        ``(start, end, span)`` by ``(visitor key, host key)``, only for visits dated apart.
    """
    if len(ctx.pairs) < 2:
        return {}
    found = [
        f for f in (dates_in(ctx) if every is None else every) if not f.closes and not f.planned
    ]
    main = ctx.pairs[0][0]
    # the sentences of each pair's events; a sentence that names several pairs is shared
    cues: dict[tuple[str, str], list[tuple[int, tuple[int, int]]]] = {}
    owners: dict[tuple[int, int], set[tuple[str, str]]] = {}
    pairs = set(ctx.pairs)
    by_visitor: dict[str, list[tuple[str, str]]] = {}
    for pair in ctx.pairs:
        by_visitor.setdefault(pair[0], []).append(pair)
    for e in ctx.events:
        span = ctx.sentence_of(e.start)
        if e.hosts:
            senders = [v.key for v in e.visitors] or [main]
            mine = [(v, h.key) for v in senders for h in e.hosts if (v, h.key) in pairs]
        else:
            mine = [p for v in e.visitors for p in by_visitor.get(v.key, [])]
        for pair in mine:
            cues.setdefault(pair, []).append((e.start, span))
            owners.setdefault(span, set()).add(pair)
    out: dict[tuple[str, str], Dated] = {}
    for pair, spans in cues.items():
        near: tuple[int, Found] | None = None
        for cue, span in spans:
            if len(owners[span]) > 1:
                continue
            lo = bisect_left(found, span[0], key=position)
            for f in found[lo : bisect_left(found, span[1], key=position)]:
                if f.start is not None and (near is None or abs(f.a - cue) < near[0]):
                    near = (abs(f.a - cue), f)
        if near is not None:
            f = near[1]
            out[pair] = (f.start, f.end, (f.a, f.b))
    # dated apart only when the legs disagree; one shared date is the article's anyway
    if len({d[0] for d in out.values()}) < 2 and all(d[0] == ctx.start_date for d in out.values()):
        return {}
    return out


#: A visit's ``(start, end, span of the start date)``.
Dated = tuple[str | None, str | None, tuple[int, int] | None]


def visit_dates(ctx: Context, every: list[Found] | None = None) -> Dated:
    """The visit's dates: the first date in a sentence about the visit.

    Args:
        ctx: the article's context.
        every: the article's dates, when already read.

    Returns:
        ``(start, end, span of the start date)``, all None when no date qualifies.
    """
    if every is None:
        every = dates_in(ctx)
    # the first exact date in a sentence about the visit, else a vaguer one there
    # ("pekan lalu"), else the first exact date anywhere
    # (a trip's last day, "pulang Sabtu (10/5)", is never its first, nor a day to come)
    starts = [f for f in every if not f.closes and not f.planned]
    # (away from the visit's words, only a day written with its weekday: "Senin, 31
    # Desember 2022" is news, a bare "31 Desember 2022" a fact of the background)
    first = next(
        (f for f in starts if f.cue and not f.vague),
        next(
            (f for f in starts if f.cue),
            next((f for f in starts if not f.vague and f.weekday), None),
        ),
    )
    # "... studi banding ke A pekan lalu. '...,' kata X, Kamis (11/5)": the day X spoke
    # is not the visit's when the visit was dated, vaguely, before it (unless the text
    # dates something of the trip on that day too: "Rabu (7/5) berangkat")
    if first is not None and first.said:
        earlier = next((f for f in starts if f.cue and f.vague and f.a < first.a), None)
        same_day = any(
            f.cue and not f.said and f.start == first.start for f in starts if f is not first
        )
        if earlier is not None and not same_day:
            first = earlier
    if first is None or first.start is None:
        return None, None, None
    text, skip, published = ctx.text, ctx.skip, ctx.published
    later = [f for f in every if f.a > first.a]
    start, end = first.start, first.end
    # A later range that starts on the same day gives the last day ("Rabu (4/9/2024) ...
    # rangkaian acara 4–6 September 2024").
    # (not an event's own programme: "Festival X digelar 4-6 September")
    if end is None:
        end = next(
            (
                f.end
                for f in later
                if f.end
                and f.start
                and f.start[-5:] == start[-5:]
                and not _event_range(ctx, f.a, f.b)
            ),
            None,
        )
    # "Mereka berada di Banyuwangi selama tiga hari hingga Rabu (27/2)" later on
    if end is None:
        for em in END_ANY.finditer(text, first.b, first.b + 1500):
            if in_spans(em.start(), skip) or _event_range(ctx, em.start(), em.end()):
                continue
            _, e2 = resolve_date("hingga " + em.group(1), published)
            if e2 and len(e2) == len(start) and days_after(start, e2):
                end = e2
                break
    # "... pulang Sabtu (10/5)", "menyudahi lawatannya ... pada 18 Desember", before or after
    if end is None:
        end = next(
            (
                f.start
                for f in every
                if f.closes
                and f.start
                and len(f.start) == len(start)
                and days_after(start, f.start)
            ),
            None,
        )
    # Without a publication date, a year written elsewhere for the same day completes
    # "--05-03" ("Rabu (3/5)" ... "Rabu (3/5/2017) malam").
    if start.startswith("--"):
        for f in later:
            if f.start and len(f.start) == 10 and f.start[4:] == start[1:]:
                year = f.start[:4]
                start = year + start[1:]
                if end and end.startswith("--"):
                    end = year + end[1:]
                break
    return start, end, (first.a, first.b)


def _event_range(ctx: Context, a: int, b: int) -> bool:
    """Whether the days at ``text[a:b]`` date an event of its own rather than the trip:
    their sentence names the event before them, after any word for the delegation or
    its visit."""
    # (within 300 characters: a text without full stops is one long "sentence")
    sa = max(ctx.sentence_of(a)[0], a - 300)
    events = [m.end() for m in _EVENT.finditer(ctx.text, sa, a)]
    return bool(events) and not _TRIP.search(ctx.text, events[-1], b)
