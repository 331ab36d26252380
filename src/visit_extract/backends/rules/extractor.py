"""Rules extractor: fills the whole LABELING.md schema from one article.

A pipeline of stages over one :class:`~visit_extract.backends.rules.context.Context`,
all on the original text so that evidence offsets need no re-alignment:

1. :func:`~.context.read_article`: "Baca juga" passages, region mentions (minus
   provinces that only locate a place), sentences, people;
2. :func:`~.roles.score_roles`: the actors (regions, countries, national bodies), the
   visit events (each cue read as who went where) and a host and a visitor score per
   region;
3. :func:`~.pairing.pair_parties`: the hosts (regions, countries, ministries) and the
   delegations, paired: one visit per delegation and host;
4. :func:`~.parties.open_sides`, :func:`~.leaders.find_leaders`,
   :func:`~.parties.build_parties`: each party's leader, level, branch, institution;
5. :func:`~.dates.find_dates`, :func:`~.topics.find_topics`,
   :func:`~.details.find_details`: dates, topics and domains, kind, agreement, sizes;

and :func:`extract_visits` assembles one :class:`Visit` per pair, each value with an
:class:`Evidence` quote.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from visit_extract.backends.rules.context import Context, read_article
from visit_extract.backends.rules.dates import find_dates
from visit_extract.backends.rules.details import find_details
from visit_extract.backends.rules.leaders import find_leaders
from visit_extract.backends.rules.pairing import pair_parties
from visit_extract.backends.rules.parties import build_parties, open_sides
from visit_extract.backends.rules.roles import score_roles
from visit_extract.backends.rules.topics import find_topics
from visit_extract.schema import Evidence, Party, Visit

#: The stages after pairing, in order; each reads only what the ones before it wrote.
STAGES: tuple[Callable[[Context], None], ...] = (
    open_sides,
    find_leaders,
    build_parties,
    find_dates,
    find_topics,
    find_details,
)


def extract_visits(text: str, published: date | None) -> list[Visit]:
    """Every visit the article reports, as far as the rules can tell.

    Args:
        text: the original article text.
        published: publication date, for dates without a year and bare weekdays.

    Returns:
        One :class:`Visit` per visiting delegation and host; empty when no visiting
        region or host can be found.
    """
    ctx = read_pairs(text, published)
    return finish(ctx) if ctx is not None else []


def read_pairs(text: str, published: date | None) -> Context | None:
    """The article read up to pairing: enough to tell who visited whom.

    Args:
        text: the original article text.
        published: publication date, for dates without a year and bare weekdays.

    Returns:
        The context with its pairs; None when no visiting party and host are found.
    """
    ctx = read_article(text, published)
    score_roles(ctx)
    return ctx if pair_parties(ctx) else None


def finish(ctx: Context) -> list[Visit]:
    """The visits of a context :func:`read_pairs` paired, after the stages that fill
    their fields.

    Args:
        ctx: a paired context.

    Returns:
        One :class:`Visit` per pair of ``ctx.pairs``.
    """
    for stage in STAGES:
        stage(ctx)
    return assemble(ctx)


def assemble(ctx: Context) -> list[Visit]:
    """The visits of a context all of whose stages have run.

    Args:
        ctx: the finished context.

    Returns:
        One visit per pair of ``ctx.pairs``, in that order.
    """
    article_dates = (ctx.start_date, ctx.end_date, ctx.date_span)
    visits: list[Visit] = []
    for v_key, h_key in ctx.pairs:
        # a leg the text dates on its own carries its own dates, the others the article's
        start, end, span = ctx.leg_dates.get((v_key, h_key), article_dates)
        topics, domains = ctx.visit_topics.get((v_key, h_key), (ctx.topics, ctx.domains))
        shared = _shared_evidence(ctx, start, span, topics)
        party, ev = _party_of(ctx, v_key, visitor=True)
        host_party, host_ev = _party_of(ctx, h_key, visitor=False)
        size = ctx.sizes.get(v_key)
        if size is not None:
            party = party.model_copy(update={"size": size[0]})
            ev.append(ctx.evidence("visitor.size", size[1], size[2]))
        visits.append(
            Visit(
                visitor=party,
                host=host_party,
                kind=ctx.kind,  # type: ignore[arg-type]
                start_date=start,
                end_date=end,
                topics=[t for t, _, _ in topics],
                domains=domains,  # type: ignore[arg-type]
                agreement=ctx.agreement_span is not None,
                evidence=ev + [e.model_copy() for e in host_ev] + [e.model_copy() for e in shared],
            )
        )
    return visits


def _party_of(ctx: Context, key: str, visitor: bool) -> tuple[Party, list[Evidence]]:
    """The finished party under ``key`` with a copy of its evidence."""
    side = (ctx.sides if visitor else ctx.hosts).get(key)
    if side is not None:
        assert side.party is not None, "assemble() needs build_parties() to have run"
        return side.party, list(side.evidence)
    outsider = ctx.outsiders[key]
    return outsider.party, list(outsider.evidence)


def _shared_evidence(
    ctx: Context,
    start: str | None,
    date_span: tuple[int, int] | None,
    topics: list[tuple[str, int, int]],
) -> list[Evidence]:
    """Quotes for the values every visit of the article shares, with one visit's start
    date and topics."""
    ev: list[Evidence] = []
    if ctx.kind_span is not None:
        ev.append(ctx.evidence("kind", *ctx.kind_span))
    if date_span is not None and start is not None:
        ev.append(ctx.evidence("start_date", *date_span))
    for i, (_, a, b) in enumerate(topics):
        ev.append(ctx.evidence(f"topics[{i}]", a, b))
    if ctx.agreement_span is not None:
        ev.append(ctx.evidence("agreement", *ctx.agreement_span))
    return ev
