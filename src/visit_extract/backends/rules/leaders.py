"""Leaders: who heads each delegation and who receives it (LABELING.md "leader").

A delegation's head is the person the text says leads it ("dipimpin [langsung] [oleh]
<person>", "diketuai", "ketua rombongan <person>", "<person> selaku ketua rombongan",
"<person> memimpin rombongan"), the stand-in of its absent head ("Wali Kota X yang
diwakili <person>", "<person> mewakili Bupati X"), someone who came "bersama
rombongan", or else its most senior official (a head of region, Sekda or DPRD leader),
or the head of an office of its region (an agency's delegation is led by its head). Press
and secretariat staff quoted in the story do not lead it: without any of these, no
leader.

The host's leader is the most senior official who received them: the first person
after "diterima / disambut / dijamu [langsung] [oleh]", a person who "menerima" or
"menyambut" them, the stand-in of the host's head, or else the host's own most senior
official the article names. Receivers of a foreign or national host are read the same
way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from visit_extract.backends.rules.context import Context, Side
from visit_extract.backends.rules.mentions import Mention
from visit_extract.backends.rules.people import (
    Person,
    read_name,
    same_person,
    title_rank,
)
from visit_extract.backends.rules.titles import title_at
from visit_extract.schema import Leader

_I = re.IGNORECASE

_MANNER = (
    r"(?:(?:langsung|secara\s+langsung|secara\s+resmi|resmi|hangat|dengan\s+hangat|baik|"
    r"dengan\s+baik|pula|juga)\s+)*"
)
# "dipimpin langsung oleh", "diketuai", "dipimpin ketuanya,"
_LED = re.compile(
    r"\b(?:dipimpin|dikomandoi|diketuai|dikoordinir|dinakhodai)\s+" + _MANNER + r"(?:oleh\s+)?"
    r"(?:(?:ketua|kepala|pimpinan|pemimpin)nya[\s,]+)?",
    _I,
)
# "ketua rombongan, <person>", "pimpinan delegasi Pemkab X, <person>"
_HEAD_OF_GROUP = re.compile(r"\b(?:ketua|pimpinan|pemimpin|kepala)\s+(?:rombongan|delegasi)\b", _I)
_GROUP_TAIL = re.compile(r"(?:\s+(?!yang\b)[\w-]+){0,4}?\s*[,:]\s*|\s+")
# "<person> selaku ketua rombongan", "<person>, Bupati X sekaligus ketua rombongan"
_AS_HEAD = re.compile(r"[\s,]*(?:selaku|sebagai|sekaligus|yang\s+juga|yang\s+menjadi)\s*$", _I)
# "<person> yang memimpin langsung rombongan"
_LEADS = re.compile(
    r"[\s,]*(?:yang\s+)?(?:ber(?:tindak|peran)\s+)?memimpin\s+(?:langsung\s+)?"
    r"(?:rombongan|delegasi|kunjungan|tim|peserta|studi|kegiatan)",
    _I,
)
_WITH_GROUP = re.compile(
    r"[\s,]*(?:yang\s+)?(?:(?:datang|hadir|tiba|berkunjung)\s+)?(?:bersama|beserta)\s+"
    r"(?:rombongan|jajaran|sejumlah|beberapa|para|\d+|puluhan|belasan)",
    _I,
)
_TRAVELS = re.compile(
    r"[\s,]*(?:yang\s+)?(?:datang|tiba|berkunjung|bertandang|melakukan\s+(?:kunjungan|studi))\b",
    _I,
)
# "rombongan Bupati X", "menerima kunjungan kerja Wakil Bupati X <name>"
_GROUP_OF = re.compile(
    r"\b(?:rombongan|kunjungan(?:\s+kerja)?|kedatangan)\s+(?:dari\s+)?(?=[A-Z])", _I
)
# "diterima langsung oleh", "disambut hangat", "diterima di aula oleh"; a list may come first:
# "disambut jajaran Pemkab X yang terdiri dari <person>, <person>"
_RECEIVED = re.compile(
    r"\b(?:diterima|di\s+terima|disambut|dijamu)\s+"
    + _MANNER
    + r"(?:(?:di|dalam|pada)\s[^.;\n]{0,60}?\soleh\s+|oleh\s+)?"
    r"(?:jajaran\s+[^.;]{0,60}?\s(?:yang\s+)?(?:terdiri\s+(?:dari|atas)|yakni|yaitu|antara\s+lain)"
    r"[\s:]+)?",
    _I,
)
# "<person> [didampingi ...] menerima / menyambut ..."
_RECEIVES = re.compile(
    r"[\s,]*(?:\w+\s+){0,3}?(?:saat\s+|ketika\s+|yang\s+)?"
    r"(?:menerima|menyambut|sambut|menjamu|didampingi)\b",
    _I,
)
_COMMISSION = re.compile(r"\bKomisi\s+(?:[IVX]+|\d|[A-E])\b")
# Heads of an office who lead their office's delegation, and the staff who only speak.
_AGENCY_HEAD = re.compile(r"(?:Plt |Pj )?(?:Kepala (?!Bagian|Biro|Sub|Seksi|Kantor)|Camat\b)")
_STAFF = re.compile(
    r"Humas|Protokol|Sekretariat|Kesekretariatan|Persidangan|Umum|Keuangan|Hukum|Tata Usaha|"
    r"Bagian|Biro"
)
_AS = re.compile(r"[\s,]*(?:selaku|sebagai)?\s*", _I)
_FOREIGN_PLACE = re.compile(
    r"[ \t]+(?:(?:Provinsi|Prefektur|Kota|Negara\s+Bagian|Distrik)[ \t]+)?"
    r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}[ \t]*,[ \t]*"
)
# "<title X> yang diwakili <person>", "Pemkab X melalui <person>"; "<person> mewakili <title X>"
_REPRESENTED = re.compile(r"[\s,]*(?:(?:yang\s+)?di\s?wakili\s+(?:oleh\s+)?|melalui\s+)", _I)
_REPRESENTS = re.compile(r"[\s,]*(?:hadir\s+|yang\s+)?mewakili\s+", _I)


@dataclass
class _Found:
    """People of the article, indexed for the cues."""

    people: list[Person]
    mentions: list[Mention]
    starts: list[int] = field(default_factory=list)
    absent: dict[int, Person] = field(default_factory=dict)  # represented -> stand-in

    def __post_init__(self) -> None:
        self.starts = [p.start for p in self.people]
        self._ends = [m.end for m in self.mentions]
        self._prefixes = [m.prefix_start for m in self.mentions]

    def regions_before(self, pos: int, reach: int, n: int) -> list[str]:
        """The codes of the last ``n`` regions named within ``reach`` before ``pos``."""
        i = bisect_right(self._ends, pos)
        out = [m.region.code for m in self.mentions[max(0, i - n) : i] if pos - m.end < reach]
        return out

    def region_after(self, pos: int, reach: int) -> str | None:
        """The code of the first region named within ``reach`` after ``pos``."""
        i = bisect_left(self._prefixes, pos)
        if i < len(self.mentions) and self.mentions[i].start - pos <= reach:
            return self.mentions[i].region.code
        return None


def find_leaders(ctx: Context) -> None:
    """Stage: the leader of the host side and of every visitor side, with evidence.

    Args:
        ctx: a context whose sides are open (:func:`~visit_extract.backends.rules.
            parties.open_sides`).
    """
    found = _Found(ctx.people, ctx.mentions)
    stand_ins = _stand_ins(ctx, found)
    host_code = ctx.host.role.region.code if ctx.host is not None else None
    guests = set(ctx.sides)
    if ctx.host is not None or ctx.host_party is not None:
        host = _receiver(ctx, found, host_code, guests, stand_ins)
        host = _fullest(found, host) if host is not None else None
        if ctx.host is not None:
            _set(ctx, ctx.host, host)
        elif host is not None and ctx.host_party is not None:
            ctx.host_party = ctx.host_party.model_copy(
                update={"leader": Leader(name=host.name, title=host.title)}
            )
            ctx.host_evidence.append(ctx.evidence("host.leader", host.start, host.end))
    taken = {id(ctx.host.leader)} if ctx.host is not None and ctx.host.leader else set()
    for code, side in ctx.sides.items():
        head = _delegation_head(ctx, found, side, host_code, stand_ins.get(code))
        if head is not None and id(head) not in taken:
            _set(ctx, side, _fullest(found, head))


def _fullest(found: _Found, p: Person) -> Person:
    """The person with the fullest title the article gives them: "Plt Bupati" for a
    leader also called "Bupati", "Asisten Pemerintahan dan Kesra" for "Asisten"."""
    title = p.title or ""
    best = title
    for q in found.people:
        t = q.title or ""
        if (
            q.name == p.name
            and len(t) > len(best)
            and (not title or t.endswith(" " + title) or t.startswith(title + " "))
        ):
            best = t
    return p if best == title else replace(p, title=best)


def _set(ctx: Context, side: Side, person: Person | None) -> None:
    if person is not None:
        side.leader = person
        side.evidence.append(ctx.evidence(f"{side.prefix}.leader", person.start, person.end))


def _region_code(found: _Found, p: Person) -> str | None:
    """The region of a person, from another mention of the same name if need be."""
    if p.region is not None:
        return p.region.code
    other = same_person([q for q in found.people if q.region is not None], p.name)
    return other.region.code if other is not None and other.region is not None else None


def _person_at(ctx: Context, found: _Found, pos: int) -> Person | None:
    """The person named at ``pos``: a found one, or a bare name read there."""
    i = bisect_left(found.starts, pos)
    if i < len(found.starts) and found.starts[i] - pos <= 3:
        p = found.people[i]
        return found.absent.get(p.start, p)
    got = read_name(ctx.text, pos)
    if got is None:
        return None
    name, a, b = got
    known = same_person(found.people, name)
    sel = _AS.match(ctx.text, b)
    title = title_at(ctx.text, sel.end()) if sel else None
    if title is not None:
        return Person(name, title[0] or None, known.region if known else None, a, title[1], a)
    if known is not None:
        return Person(known.name, known.title, known.region, a, b, a)
    return Person(name, None, None, a, b, a)


def _person_before(found: _Found, pos: int, reach: int = 40) -> Person | None:
    """The person whose name (or title, name first) ends within ``reach`` before ``pos``."""
    i = bisect_left(found.starts, pos) - 1
    while i >= 0 and pos - found.people[i].start < 250:
        p = found.people[i]
        if p.end <= pos and pos - p.end <= reach:
            return p
        i -= 1
    return None


def _ours(found: _Found, p: Person, code: str | None, others: set[str]) -> bool:
    """Whether ``p`` may speak for the party of region ``code`` (None: not a region)."""
    own = _region_code(found, p)
    if own is None:
        return True
    return own == code if code is not None else own not in others


def _stand_ins(ctx: Context, found: _Found) -> dict[str | None, Person]:
    """Stand-ins by the region whose absent head they represent.

    "Wali Kota X yang diwakili <person>", "<person> mewakili Bupati X": the stand-in
    receives or leads in place of the head, who did not come (and so leads nobody).
    """
    text = ctx.text
    out: dict[str | None, Person] = {}
    for m in _REPRESENTED.finditer(text):
        head = _person_before(found, m.start(), 3)
        code = (
            _region_code(found, head)
            if head
            else next(iter(found.regions_before(m.start(), 26, 1)), None)
        )
        sub = _person_at(ctx, found, m.end())
        if sub is None:
            continue
        if head is not None:
            found.absent[head.start] = sub
        out.setdefault(code if code is not None else _region_code(found, sub), sub)
    for m in _REPRESENTS.finditer(text):
        sub = _person_before(found, m.start(), 3)
        if sub is None:
            continue
        head = _person_at(ctx, found, m.end())
        code = _region_code(found, head) if head else found.region_after(m.end(), 25)
        if head is not None and head.start in found.starts:
            found.absent[head.start] = sub
        out.setdefault(code if code is not None else _region_code(found, sub), sub)
    return out


def _delegation_head(
    ctx: Context, found: _Found, side: Side, host_code: str | None, stand_in: Person | None
) -> Person | None:
    code = side.role.region.code
    others = {host_code} if host_code else set()
    others |= {c for c in ctx.sides if c != code}

    def ours(p: Person | None) -> bool:
        return p is not None and _ours(found, p, code, others)

    led = _led_by(ctx, found, code, ours)
    if led is not None:
        return led
    if stand_in is not None and ours(stand_in):
        return stand_in
    for m in _GROUP_OF.finditer(ctx.text):
        p = _person_at(ctx, found, m.end())
        if p is not None and p.region is not None and p.region.code == code:
            return p
    for p in found.people:
        if _WITH_GROUP.match(ctx.text, p.end) and ours(p) and p.start not in found.absent:
            return p
    # "Asisten II Setda X Budi berkunjung ke ...": an official of the region who travels
    for p in found.people:
        if (
            p.region is not None
            and p.region.code == code
            and _TRAVELS.match(ctx.text, p.end)
            and p.start not in found.absent
        ):
            return p
    # without a cue, only a head of region, Sekda or DPRD leader stands for the
    # delegation; a spokesperson quoted in the story does not
    own = [
        p
        for p in found.people
        if p.region is not None and p.region.code == code and p.start not in found.absent
    ]
    # a DPRD delegation's own chair or commission chair stands for it too
    floor = 5 if side.legislative else 7
    senior = [
        p
        for p in own
        if title_rank(p.title) >= 7 or (title_rank(p.title) >= floor and "DPRD" in (p.title or ""))
    ]
    pool = [p for p in senior if ("DPRD" in (p.title or "")) == side.legislative] or senior
    if any(
        _COMMISSION.search(ctx.text, max(0, m.prefix_start - 30), m.start)
        for m in side.role.mentions
    ):
        # a commission travels without the DPRD's chair, who may still be quoted
        pool = [p for p in pool if "Komisi" in (p.title or "") or "DPRD" not in (p.title or "")]
    if pool:
        return max(pool, key=lambda p: (title_rank(p.title), -p.start))
    # an agency's delegation: its head, when the article names one of the region's
    # heads of an office (not its press or secretariat staff, who speak for others)
    heads = [
        p for p in own if _AGENCY_HEAD.match(p.title or "") and not _STAFF.search(p.title or "")
    ]
    if heads and not side.legislative:
        return max(heads, key=lambda p: (title_rank(p.title), -p.start))
    return None


def _led_by(
    ctx: Context, found: _Found, code: str, ours: Callable[[Person | None], bool]
) -> Person | None:
    """The head the text names as leading: "dipimpin", "ketua rombongan", "memimpin".

    With several delegations, a "dipimpin" belongs to the region named last before it.
    """
    text = ctx.text
    for m in _LED.finditer(text):
        p = _person_at(ctx, found, m.end())
        if p is None or not ours(p):
            continue
        before = found.regions_before(m.start(), 250, 2)
        if p.region is None and before and code not in before:
            continue
        return p
    for m in _HEAD_OF_GROUP.finditer(text):
        p = _person_before(found, m.start(), 40)
        if p is not None and _AS_HEAD.search(text, p.end, m.start()) is None:
            p = None
        if p is None:
            tail = _GROUP_TAIL.match(text, m.end())
            p = _person_at(ctx, found, tail.end()) if tail else None
        if p is not None and ours(p):
            return p
    for p in found.people:
        if _LEADS.match(text, p.end) and ours(p):
            return p
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


def _receiver(
    ctx: Context,
    found: _Found,
    code: str | None,
    guests: set[str],
    stand_ins: dict[str | None, Person],
) -> Person | None:
    """The host's most senior receiver (``code`` None: a foreign or national host)."""

    def ours(p: Person | None) -> bool:
        return p is not None and _ours(found, p, code, guests)

    best: Person | None = None
    for m in _RECEIVED.finditer(ctx.text):
        p = _person_at(ctx, found, m.end())
        if code is None:
            p = _abroad(ctx.text, m.end()) or p
        if (p is not None and ours(p)) and (
            best is None or title_rank(p.title) > title_rank(best.title)
        ):
            best = p
    if best is not None:
        return best
    for p in found.people:
        if _RECEIVES.match(ctx.text, p.end) and ours(p) and p.start not in found.absent:
            return p
    sub = stand_ins.get(code) if code is not None else None
    if sub is not None and ours(sub):
        return sub
    if code is None:
        return None
    own = [
        p
        for p in found.people
        if p.region is not None and p.region.code == code and p.start not in found.absent
    ]
    if own:
        return max(own, key=lambda p: (title_rank(p.title), -p.start))
    return None
