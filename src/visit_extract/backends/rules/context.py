"""The state the rules stages hand on to each other while reading one article.

:func:`read_article` fills what every later stage needs (ignored passages, region
mentions, sentences, people); each stage then adds its own findings to the same
:class:`Context`. The stages run in the order of
:func:`~visit_extract.backends.rules.extractor.extract_visits` and read only what
earlier stages wrote, so any stage can be tested on a context built from invented text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from visit_extract.backends.rules.actors import Actor, Event
from visit_extract.backends.rules.mentions import (
    Mention,
    find_regions,
    ignored_spans,
    in_spans,
    sentences,
)
from visit_extract.backends.rules.people import Person, find_people
from visit_extract.normalize.gazetteer import Region
from visit_extract.schema import Evidence, Party

#: A ``(start, end)`` character span of the article text.
Span = tuple[int, int]
#: How far either side of a position its sentence reaches at most (news sentences run to
#: a few hundred characters; a longer one is a scrape that lost its full stops).
SENTENCE_REACH = 1500


@dataclass
class Role:
    """How strongly the text casts one region as host and as visitor.

    Attributes:
        region: the region.
        host: summed host cues around its mentions.
        visitor: summed visitor cues.
        count: how many times the text names it.
        mentions: those mentions, in text order.
        listed: bonus for a head of region named in an enumeration of heads.
        host_mention: the mention with the strongest host cue.
        visitor_mention: the mention with the strongest visitor cue.
    """

    region: Region
    host: float = 0.0
    visitor: float = 0.0
    count: int = 0
    mentions: list[Mention] = field(default_factory=list)
    listed: float = 0.0
    host_mention: Mention | None = None
    visitor_mention: Mention | None = None


@dataclass
class Side:
    """One party of the visits while it is being filled in.

    Attributes:
        role: the region's role scores.
        prefix: evidence field prefix, ``"visitor"`` or ``"host"``.
        cue: the mention the party is read from (its strongest cue).
        legislative: whether the words at the cue name a DPRD.
        village: whether the cue names a village of the region.
        leader: the delegation head (visitor) or most senior receiver (host).
        party: the finished party, once :mod:`~visit_extract.backends.rules.parties`
            has built it.
        evidence: region and leader quotes, in that order.
    """

    role: Role
    prefix: str
    cue: Mention
    legislative: bool
    village: bool
    leader: Person | None = None
    party: Party | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Outsider:
    """A party that is no Indonesian region: a country abroad or a national body.

    Attributes:
        actor: where the text names it.
        prefix: evidence field prefix, ``"visitor"`` or ``"host"``.
        party: the party.
        evidence: the quote that names it.
    """

    actor: Actor
    prefix: str
    party: Party
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Context:
    """Everything found so far in one article.

    Attributes:
        text: the original article text (all spans point into it).
        published: the publication date, for years and weekdays.
        skip: "Baca juga" passages, whose content is another story's.
        all_mentions: every region mention, locating provinces included.
        mentions: the mentions that can be parties (no qualifiers, none in ``skip``).
        sents: sentence spans.
        people: officials named with a title.
        actors: every party the text names (regions, countries, national bodies).
        events: the visit cues with the visitors and hosts their sentences name.
        roles: role scores by region code.
        host_role: the host region's role, when the host is a region.
        host_party: the host when it is a foreign country or a ministry.
        host_evidence: the quote that names that foreign or national host.
        visitors: the visiting regions' roles, one visit each.
        host: the host side, when the host is a region.
        sides: the visitor sides by region code, in ``visitors`` order.
        host_roles: every region host, the main one (``host_role``) first.
        hosts: the region host sides by region code (``host`` among them).
        outsiders: countries and national bodies that visit or host, by actor key.
        pairs: every visit as ``(visitor key, host key)``: keys of ``sides`` or
            ``outsiders``, and of ``hosts`` or ``outsiders``.
        kind: the visit kind code.
        kind_span: where the kind term stands.
        start_date: first day (LABELING.md form).
        end_date: last day.
        date_span: where the start date stands.
        leg_dates: ``(start, end, span)`` of the visits the text dates apart from the
            rest, by ``(visitor key, host key)``; the others take the dates above.
        topics: topic phrases with their spans.
        domains: domain codes of the topics.
        visit_topics: ``(topics, domains)`` of a visit whose delegation has topics of
            its own, by ``(visitor key, host key)``; the others take the two above.
        agreement_span: the sentence reporting a signed agreement.
        sizes: delegation sizes by visitor region code: ``(size, start, end)``.
    """

    text: str
    published: date | None
    skip: list[Span]
    all_mentions: list[Mention]
    mentions: list[Mention]
    sents: list[Span]
    people: list[Person]
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)
    host_role: Role | None = None
    host_party: Party | None = None
    host_evidence: list[Evidence] = field(default_factory=list)
    visitors: list[Role] = field(default_factory=list)
    host: Side | None = None
    sides: dict[str, Side] = field(default_factory=dict)
    host_roles: list[Role] = field(default_factory=list)
    hosts: dict[str, Side] = field(default_factory=dict)
    outsiders: dict[str, Outsider] = field(default_factory=dict)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    kind: str = "other"
    kind_span: Span | None = None
    start_date: str | None = None
    end_date: str | None = None
    date_span: Span | None = None
    leg_dates: dict[tuple[str, str], tuple[str | None, str | None, Span | None]] = field(
        default_factory=dict
    )
    topics: list[tuple[str, int, int]] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    visit_topics: dict[tuple[str, str], tuple[list[tuple[str, int, int]], list[str]]] = field(
        default_factory=dict
    )
    agreement_span: Span | None = None
    sizes: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def evidence(self, fieldname: str, a: int, b: int) -> Evidence:
        """An :class:`Evidence` quoting ``text[a:b]`` for ``fieldname``."""
        return Evidence(field=fieldname, quote=self.text[a:b], start=a, end=b)

    def sentence_of(self, pos: int) -> Span:
        """The sentence around ``pos``; 200 characters either side when none holds it.

        Stages ask once per match and read the whole sentence, so both the lookup (a
        binary search) and the answer are bounded: of a run-on "sentence" (a scrape
        without full stops) only the :data:`SENTENCE_REACH` characters either side of
        ``pos`` count, and every stage stays linear in the text.
        """
        i = bisect_right(self.sents, pos, key=_span_start) - 1
        if i >= 0 and pos < self.sents[i][1]:
            a, b = self.sents[i]
            return max(a, pos - SENTENCE_REACH), min(b, pos + SENTENCE_REACH)
        return max(0, pos - 200), pos + 200

    def masked(self) -> str:
        """The text with the ``skip`` passages blanked out, offsets unchanged."""
        if not self.skip:
            return self.text
        chars = list(self.text)
        for a, b in self.skip:
            for i in range(a, min(b, len(chars))):
                chars[i] = " "
        return "".join(chars)


def _span_start(span: Span) -> int:
    return span[0]


# "Baca juga:" alone on its line, its headline on the next: that line is a teaser too
_BARE_READ_ALSO = re.compile(r"[^:\n]*[:\-]\s*")
_TEASER_LINE = re.compile(r"\n[ \t]*([^\n]{10,150})(?=\n|$)")


def _with_teasers(text: str, skip: list[Span]) -> list[Span]:
    """``skip`` with the headline lines that a bare "Baca juga:" line announces.

    A scraper often puts the linked headline on the line after the label; a headline
    is short and ends without a full stop (the next paragraph of the story does not).
    """
    out: list[Span] = []
    for a, b in skip:
        out.append((a, b))
        if not _BARE_READ_ALSO.fullmatch(text, a, b):
            continue
        m = _TEASER_LINE.match(text, b)
        if m and not m.group(1).rstrip().endswith((".", '"', "”")):
            out.append((m.start(1), m.end(1)))
    return out


def read_article(text: str, published: date | None) -> Context:
    """The first stage: passages to ignore, region mentions, sentences and people.

    Args:
        text: the original article text.
        published: publication date, if known.

    Returns:
        A context for the later stages.
    """
    skip = _with_teasers(text, ignored_spans(text))
    all_mentions = find_regions(text)
    mentions = [m for m in all_mentions if not m.qualifier and not in_spans(m.start, skip)]
    return Context(
        text=text,
        published=published,
        skip=skip,
        all_mentions=all_mentions,
        mentions=mentions,
        sents=sentences(text),
        people=find_people(text, all_mentions),
    )
