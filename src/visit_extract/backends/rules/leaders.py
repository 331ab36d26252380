"""Leaders: who heads each delegation and who receives it.

A delegation's head is the person "dipimpin [oleh] <title> <name>" names, a stand-in
("yang diwakili <title> <name>"), someone who came "bersama rombongan", or else its
most senior official (a head of region, Sekda or DPRD leader). The host's leader is
its most senior receiver ("diterima [oleh] <title> <name>", "<title> <name> menyambut").
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.context import Context, Role, Side
from visit_extract.backends.rules.mentions import Mention, starting_within
from visit_extract.backends.rules.people import TITLE, Person, read_name, title_rank
from visit_extract.normalize import normalize_title

_I = re.IGNORECASE
# Longer than any region mention or titled name: how far before a window the ones that
# end inside it may start.
_LONGEST = 400


def find_leaders(ctx: Context) -> None:
    """Stage: the leader of the host side and of every visitor side, with evidence.

    Args:
        ctx: a context whose sides are open (:func:`~visit_extract.backends.rules.
            parties.open_sides`).
    """
    if ctx.host is not None:
        _set(ctx, ctx.host, _received_by(ctx.text, ctx.host.role, ctx.people))
    for side in ctx.sides.values():
        _set(ctx, side, _delegation_head(ctx, side))


def _set(ctx: Context, side: Side, person: Person | None) -> None:
    if person is not None:
        side.leader = person
        side.evidence.append(ctx.evidence(f"{side.prefix}.leader", person.start, person.end))


def _delegation_head(ctx: Context, side: Side) -> Person | None:
    led = _led_by(ctx.text, side.role, ctx.people, ctx.mentions)
    if led is not None:
        return led
    # without "dipimpin", only a head of region, Sekda or DPRD leader stands for the
    # delegation; a spokesperson quoted in the story does not
    code = side.role.region.code
    own = [p for p in ctx.people if p.region is not None and p.region.code == code]
    senior = [p for p in own if title_rank(p.title) >= 7]
    pool = [p for p in senior if ("DPRD" in (p.title or "")) == side.legislative] or senior
    if pool:
        return max(pool, key=lambda p: (title_rank(p.title), -p.start))
    return None


def _led_by(text: str, role: Role, people: list[Person], mentions: list[Mention]) -> Person | None:
    """The delegation head: "dipimpin (langsung) [oleh] <title> <name> [selaku <title>]".

    With several delegations, a "dipimpin" belongs to the region named last before it.
    """
    for m in re.finditer(
        r"\b(?:dipimpin|dikomandoi|diketuai)\s+(?:langsung\s+)?(?:oleh\s+)?", text, _I
    ):
        near = starting_within(mentions, m.start() - 250 - _LONGEST, m.start())
        before = [x for x in near if x.end <= m.start() and m.start() - x.end < 250]
        if before and not any(x.region.code == role.region.code for x in before[-2:]):
            continue
        for p in starting_within(people, m.end(), m.end() + 2):
            if p.region is None or p.region.code == role.region.code:
                return p
        got = read_name(text, m.end())
        if got:
            name, a, b = got
            title = None
            sel = re.compile(r"\s*,?\s*(?:selaku|sebagai)\s+(" + TITLE + ")", _I).match(text, b)
            if sel:
                title = normalize_title(sel.group(1))
                b = sel.end()
            return Person(name, title, None, a, b, a)
    for m in re.finditer(
        r"\b(?:selaku|sebagai)\s+(?:pimpinan|ketua|pemimpin)\s+rombongan", text, _I
    ):
        close = starting_within(people, m.start() - 40 - _LONGEST, m.start())
        cands = [p for p in close if p.end <= m.start() and m.start() - p.end < 40]
        if cands:
            return cands[-1]
    ours = [p for p in people if p.region is None or p.region.code == role.region.code]
    # "Bupati X yang diwakili Asisten II Setda X <name>": the stand-in leads
    for m in _REPRESENTED.finditer(text):
        for p in starting_within(ours, m.end(), m.end() + 2):
            return p
    # "<title> <name> yang tiba bersama sejumlah pejabat", "<name> beserta rombongan"
    for p in ours:
        if _WITH_GROUP.match(text, p.end):
            return p
    return None


_REPRESENTED = re.compile(r"\b(?:yang\s+)?di\s?wakili\s+(?:oleh\s+)?", _I)
_WITH_GROUP = re.compile(
    r"[\s,]*(?:yang\s+)?(?:(?:datang|hadir|tiba|berkunjung)\s+)?(?:bersama|beserta)\s+"
    r"(?:rombongan|jajaran|sejumlah|beberapa|para|\d+|puluhan|belasan)",
    _I,
)


def _received_by(text: str, role: Role, people: list[Person]) -> Person | None:
    """The host's most senior receiver: "diterima [langsung] [oleh] <title> <name>"."""
    best: Person | None = None
    for m in re.finditer(
        r"\b(?:diterima|disambut|menerima|menyambut|sambut)\s+(?:hangat\s+|baik\s+)?"
        r"(?:langsung\s+)?(?:oleh\s+)?",
        text,
        _I,
    ):
        for p in starting_within(people, m.end(), m.end() + 3):
            if p.region is None or p.region.code == role.region.code:
                if best is None or title_rank(p.title) > title_rank(best.title):
                    best = p
                break
    if best is not None:
        return best
    # "<title> <host> <name> menerima/menyambut ..."
    for p in people:
        if p.region is not None and p.region.code == role.region.code:
            tail = text[p.end : p.end + 60]
            if re.match(
                r"^[\s,]*(?:\w+\s+){0,3}?(?:menerima|menyambut|sambut|didampingi)\b", tail, _I
            ):
                return p
    return None
