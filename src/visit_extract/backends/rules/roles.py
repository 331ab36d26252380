"""Role scoring: how strongly the text casts each region as host or as visitor.

Two kinds of evidence add up per region:

* the visit events (:mod:`~visit_extract.backends.rules.events`): each cue's
  destination scores as host, its delegation as visitor ("X studi banding ke Y", "Y
  menerima kunjungan X", "X diterima Bupati Y");
* markers around a single mention that name no counterpart: "rombongan|peserta|
  kunjungan kerja (dari) X", "dipimpin ... X", "X ... melakukan|berkunjung|mengikuti",
  heads of region listed together ("Mereka adalah Bupati A, Bupati B ...") for the
  visitor; "bertempat di ... X" and a dateline ("BANYUWANGI -") for the host.

The stage also finds the actors and the events and leaves them in the context.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from visit_extract.backends.rules.actors import find_actors
from visit_extract.backends.rules.context import Context, Role, Span
from visit_extract.backends.rules.events import find_events
from visit_extract.backends.rules.mentions import Mention
from visit_extract.normalize.lexicon import HEAD_TITLES, alternation

_I = re.IGNORECASE

_VISITOR_BEFORE = re.compile(
    r"\b(?:rombongan|delegasi|tamu|kunjungan(?:\s+kerja)?|kunker|kunja|studi\s+\w+|peserta)"
    r"\s+(?:\([^)]*\)\s+)?(?:dari\s+)?(?:[\w.()-]+,?\s+){0,5}$",
    _I,
)
_FROM_BEFORE = re.compile(r"\b(?:dari|asal)\s+(?:[\w.()-]+\s+){0,4}$", _I)
_GROUP_WORD = re.compile(r"rombongan|delegasi|tamu|kunjungan|kunker|peserta", _I)
_VISITOR_AFTER = re.compile(
    r"^[^.\n]{0,140}?\b(?:melakukan|melaksanakan|menggelar|berkunjung|mengunjungi|belajar|"
    r"mengikuti|menghadiri|"
    r"datang|bertolak|berangkat|memboyong|membawa|timba\s+ilmu|menimba|mempelajari|"
    r"studi\s+\w+|kunjungan|kunker|kunja)\b",
    _I,
)
_LEAD_BEFORE = re.compile(r"\bdipimpin\s+(?:langsung\s+)?(?:oleh\s+)?(?:[\w.()-]+\s+){0,3}$", _I)
_LIST_CUE = re.compile(
    r"\b(?:mereka\s+adalah|yakni|yaitu|di\s*antaranya|antara\s+lain|ada\s+(?:pula|juga))\b", _I
)
_TITLED = re.compile(
    r"\b(?:" + alternation(HEAD_TITLES) + r"|wakil\s+\w+|dprd|pemkab|pemkot|pemprov)\s*$", _I
)
_HELD_AT = re.compile(
    r"\b(?:bertempat|berlangsung|digelar|dilaksanakan)\s+di\s+(?:[\w.()-]+\s+){0,5}$", _I
)
# "studi banding ke [Pemkab] X": X is the object of the visit, not the one making it
_OBJECT_BEFORE = re.compile(r"\b(?:ke|di)\s+(?:\S+\s*)?$", _I)
_OBJECT_NEAR = re.compile(r"\b(?:ke|di)\s+(?:\S+\s+){0,3}$", _I)
# "kunjungan itu diterima Bupati X": X receives
_RECEIVED_BEFORE = re.compile(r"\b(?:diterima|disambut)\s+(?:\S+\s+){0,5}$", _I)
_DESTINATION_WORD = re.compile(r"\b(?:ke|di|menuju)\b", _I)
# "delegasi lainnya ...", "sebelumnya ada dari X", "pernah juga dari X", "tamu dari
# berbagai daerah seperti X", "ikut pula pejabat dari X": others, earlier ones,
# examples, those travelling along (LABELING: passing mentions)
_IN_PASSING = re.compile(r"\b(?:lainnya|sebelumnya|pernah|seperti|misalnya|ikut|turut)\b", _I)
_DATELINE_AFTER = re.compile(r"^\s*[,(]?\s*(?:\([^)]*\)\s*)?[-–—:,]")


def score_roles(ctx: Context) -> None:
    """Stage: fill ``ctx.actors``, ``ctx.events`` and ``ctx.roles`` (the host and
    visitor scores of every region that can be a party).

    Args:
        ctx: a context from :func:`~visit_extract.backends.rules.context.read_article`.
    """
    ctx.actors = find_actors(ctx.text, ctx.mentions, ctx.skip)
    # only the mentions that can be parties: not "Desa Tegal Sari", not a ministry's seat
    mentions = [a.mention for a in ctx.actors if a.mention is not None]
    starts = [a for a, _ in ctx.sents]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        inside = i >= 0 and m.start < ctx.sents[i][1]
        span = ctx.sents[i] if inside else (max(0, m.start - 200), m.start + 200)
        if inside:
            by_sentence.setdefault(i, []).append(m)
        _score_mention(ctx, m, span)
    for i, named in by_sentence.items():
        _listed_heads(ctx, named, ctx.sents[i])
    ctx.events = find_events(ctx, ctx.actors)
    _add_events(ctx)


def _score_mention(ctx: Context, m: Mention, sentence: Span) -> None:
    """The markers around one mention, added to its region's role."""
    text = ctx.text
    sa, sb = sentence
    role = ctx.roles.setdefault(m.region.code, Role(m.region))
    role.count += 1
    role.mentions.append(m)
    before = text[max(sa, m.prefix_start - 140) : m.prefix_start]
    after = text[m.end : min(sb, m.end + 160)]
    h = v = 0.0
    if _HELD_AT.search(before):
        h += 2.0
    # "delegasi lainnya terdiri dari ...": others who came along, in passing
    in_passing = _IN_PASSING.search(text, max(sa, m.prefix_start - 60), m.prefix_start)
    if _LEAD_BEFORE.search(before):
        v += 3.0
    elif not in_passing and (
        _delegation_word(before)
        or (_FROM_BEFORE.search(before) and _GROUP_WORD.search(text, sa, m.start))
    ):
        v += 2.0
    if not h and not _OBJECT_NEAR.search(before) and _VISITOR_AFTER.search(after):
        v += 1.5
    # datelines ("BANYUWANGI –") place the story at the host, mostly
    if (
        m.start - sa < 3
        and _DATELINE_AFTER.match(after)
        and (text[m.start : m.end].isupper() or m.start < 40)
    ):
        h += 0.7
    if h > role.host or (h and role.host_mention is None):
        role.host_mention = m
    if v > role.visitor or (v and role.visitor_mention is None):
        role.visitor_mention = m
    role.host += h
    role.visitor += v


def _delegation_word(before: str) -> bool:
    """Whether "rombongan|kunjungan kerja|peserta (dari) ..." makes the region after
    ``before`` the delegation: not when a "ke"/"di" between them makes it the
    destination ("studi tiru ke Kabupaten A dan <region>"), nor after "diterima"."""
    m = _VISITOR_BEFORE.search(before)
    return (
        m is not None
        and not _OBJECT_BEFORE.search(before)
        and not _DESTINATION_WORD.search(before, m.start())
        and not _RECEIVED_BEFORE.search(before)
    )


def _listed_heads(ctx: Context, inside: list[Mention], sentence: Span) -> None:
    """Heads of region named together in one sentence ("Mereka adalah Bupati A – ...,
    Bupati B – ..."): a listing bonus for each."""
    text = ctx.text
    sa, sb = sentence
    titled = [m for m in inside if _TITLED.search(text[max(sa, m.prefix_start - 30) : m.start])]
    if len({m.region.code for m in titled}) < 2:
        return
    bonus = 2.0 if _LIST_CUE.search(text, sa, sb) else 0.8
    for m in titled:
        role = ctx.roles[m.region.code]
        role.listed = max(role.listed, bonus)
        if role.visitor_mention is None:
            role.visitor_mention = m


def _add_events(ctx: Context) -> None:
    """Each event's hosts and visitors take its weight as host and visitor cues."""
    for e in ctx.events:
        for actors, as_host in ((e.hosts, True), (e.visitors, False)):
            for a in actors:
                role = ctx.roles.get(a.key)
                if role is None or a.mention is None:
                    continue
                if as_host:
                    if role.host_mention is None or e.weight > role.host:
                        role.host_mention = a.mention
                    role.host += e.weight
                else:
                    if role.visitor_mention is None:
                        role.visitor_mention = a.mention
                    role.visitor += e.weight
