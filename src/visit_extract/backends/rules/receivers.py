"""Receivers: who received a delegation on the host's side (LABELING.md "leader").

The host's leader is the most senior official who received them: the most senior person
after "diterima / disambut / dijamu / ditemui [langsung] [oleh]", a person who "menerima"
or "menyambut" them, whom the guests "bertemu dengan", the stand-in of the host's head,
or else the host's own most senior official the article names. Receivers of a foreign
host may be named after a place no gazetteer knows ("Wali Kota Kawanishi, <name>").
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.names import read_name
from visit_extract.backends.rules.people import Person, title_rank
from visit_extract.backends.rules.roster import Roster
from visit_extract.backends.rules.titles import title_at

_I = re.IGNORECASE

#: How news says a thing was done in person or warmly: "langsung", "dengan hangat".
MANNER = (
    r"(?:(?:langsung|secara\s+langsung|secara\s+resmi|resmi|hangat|dengan\s+hangat|baik|"
    r"dengan\s+baik|pula|juga)\s+)*"
)

# "diterima langsung oleh", "disambut hangat", "diterima di aula oleh"; a list may come first:
# "disambut jajaran Pemkab X yang terdiri dari <person>, <person>"
_RECEIVED = re.compile(
    r"\b(?:diterima|di\s+terima|disambut|dijamu|ditemui)\s+"
    + MANNER
    + r"(?:(?:di|dalam|pada)\s[^.;\n]{0,60}?\soleh\s+|oleh\s+)?"
    r"(?:jajaran\s+[^.;]{0,60}?\s(?:yang\s+)?(?:terdiri\s+(?:dari|atas)|yakni|yaitu|antara\s+lain)"
    r"[\s:]+)?",
    _I,
)

# "dalam keterangan tertulis yang diterima <outlet>": a document received, not guests
_PAPER = re.compile(
    r"\b(?:siaran|keterangan|rilis|pernyataan|release|surat|pesan|laporan|undangan|informasi)\b"
    r"[^.;\n]{0,40}?\byang\s+$",
    _I,
)

# "rombongan bertemu langsung dengan <title> <person>": whom the guests met
_MET = re.compile(
    r"\b(?:bertemu|beraudiensi|berdialog|berdiskusi|audiensi)\s+" + MANNER + r"dengan\s+", _I
)

# "<person> [didampingi ...] menerima / menyambut ..." (a head with companions who does not
# receive anyone may lead the guests: "dipimpin Wakil Bupati Budi didampingi ...")
_RECEIVES = re.compile(
    r"[\s,]*(?:\w+\s+){0,3}?(?:saat\s+|ketika\s+|yang\s+)?(?:menerima|menyambut|sambut|menjamu)\b|"
    r"[\s,]*(?:yang\s+)?didampingi\b[^.;\n]{0,120}?\b(?:menerima|menyambut|menjamu)\b",
    _I,
)

_FOREIGN_PLACE = re.compile(
    r"[ \t]+(?:(?:Provinsi|Prefektur|Kota|Negara\s+Bagian|Distrik)[ \t]+)?"
    r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}[ \t]*,[ \t]*"
)


def sentences_naming(ctx: Context, key: str) -> list[tuple[int, int]]:
    """The sentences that name the actor ``key``: where a further host's receiver is.

    Args:
        ctx: the article's context, its actors found.
        key: a region code or an outsider's key.

    Returns:
        The sentence spans around each place the text names that party.
    """
    return [ctx.sentence_of(a.start) for a in ctx.actors if a.key == key]


def receiver(
    ctx: Context,
    found: Roster,
    code: str | None,
    guests: set[str],
    near: list[tuple[int, int]] | None = None,
) -> Person | None:
    """The host's most senior receiver (``code`` None: a foreign or national host).

    Args:
        ctx: the article's context.
        found: its people, indexed.
        code: the host region's code, or None for a country or a national body.
        guests: the region codes of the delegations (whose people receive nobody).
        near: for a host of a tour with several, the sentences that name it; only cues
            there (or its own officials) speak for it, so that one receiver does not
            greet every leg.

    Returns:
        The receiver, or None when the article names nobody who received them.
    """

    def ours(p: Person | None) -> bool:
        return found.speaks_for(p, code, guests)

    def here(pos: int, p: Person) -> bool:
        if near is None or (code is not None and found.region_of(p) == code):
            return True
        return any(a <= pos < b for a, b in near)

    best: Person | None = None
    for m in _RECEIVED.finditer(ctx.text):
        if _PAPER.search(ctx.text, max(0, m.start() - 70), m.start()):
            continue
        p = found.at(m.end())
        if code is None:
            p = _abroad(ctx.text, m.end()) or p
        if (p is not None and ours(p) and here(m.start(), p)) and (
            best is None or title_rank(p.title) > title_rank(best.title)
        ):
            best = p
    if best is not None:
        return best
    for p in found.people:
        if (
            _RECEIVES.match(ctx.text, p.end)
            and ours(p)
            and here(p.start, p)
            and p.start not in found.absent
        ):
            return p
    for m in _MET.finditer(ctx.text):
        p = found.at(m.end())
        if p is not None and p.title is not None and ours(p) and here(m.start(), p):
            return p
    if code is None:
        return None
    sub = found.stand_ins.get(code)
    if sub is not None and ours(sub):
        return sub
    own = found.own(code)
    if own:
        return max(own, key=lambda p: (title_rank(p.title), -p.start))
    return None


def _abroad(text: str, pos: int) -> Person | None:
    """A receiver abroad, named after a place no gazetteer knows: "Wali Kota Kawanishi,
    <name>", "Gubernur Provinsi Ehime, <name>"."""
    got = title_at(text, pos)
    if got is None or title_rank(got[0]) < 9:
        return None
    place = _FOREIGN_PLACE.match(text, got[1])
    name = read_name(text, place.end()) if place else None
    if name is None:
        return None
    return Person(name[0], got[0], None, pos, name[2], name[1])
