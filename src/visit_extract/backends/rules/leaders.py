"""Leaders: who heads each delegation and who receives it (LABELING.md "leader").

A delegation's head is the person the text says leads it ("dipimpin [langsung] [oleh]
<person>", "diketuai", "ketua rombongan <person>", "<person> selaku ketua rombongan",
"<person> memimpin rombongan"), the stand-in of its absent head ("Wali Kota X yang
diwakili <person>", "<person> mewakili Bupati X"), someone who came "bersama
rombongan", or else its most senior official (a head of region, Sekda or DPRD leader of
its own branch), or the head of an office of its region (an agency's delegation is led
by its head; a village's by its village head). Press and secretariat staff quoted in the
story, and who sees the delegation off, do not lead it: without any of these, no leader.

Every party of the visits gets a search: region hosts and delegations (sides), and
countries and national bodies (outsiders). Who received them is read by
:mod:`.receivers`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace

from visit_extract.backends.rules.context import Context, Outsider, Side
from visit_extract.backends.rules.people import Person, title_rank
from visit_extract.backends.rules.receivers import MANNER, receiver, sentences_naming
from visit_extract.backends.rules.roster import Roster
from visit_extract.backends.rules.titles import title_at
from visit_extract.schema import Leader

_I = re.IGNORECASE
# "dipimpin langsung oleh", "diketuai", "dipimpin ketuanya,"
_LED = re.compile(
    r"\b(?:dipimpin|dikomandoi|diketuai|dikoordinir|dinakhodai)\s+" + MANNER + r"(?:oleh\s+)?"
    r"(?:(?P<own>ketua|kepala|pimpinan|pemimpin)nya[\s,]+)?",
    _I,
)
# A member who leads, named after what they are a member of: "anggota Komisi I DPRD X, "
_MEMBER = re.compile(r"(?:salah\s+(?:satu|seorang)\s+)?anggota\s[^,.;:\n]{2,60}?,\s*", _I)
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
    r"(?:rombongan|jajaran|sejumlah|beberapa|para|\d+|puluhan|belasan|anggota)",
    _I,
)
# "<person> didampingi <companions> tiba di ...": the head the companions came with
_ESCORTED = re.compile(
    r"[\s,]*(?:yang\s+)?didampingi\b(?:(?!menerima|menyambut|menjamu)[^.;\n]){0,120}?"
    r"\b(?:tiba|datang|berkunjung|bertandang|memimpin|melakukan\s+(?:kunjungan|studi))\b",
    _I,
)
# "<person> melepas rombongan", "<person> tidak ikut": no part of the delegation
_STAYS = re.compile(
    r"[\s,]*(?:\w+\s+){0,2}?(?:(?:saat|ketika|yang)\s+)?(?:melepas|melepaskan|memberangkatkan|"
    r"(?:tidak|tak|batal)\s+(?:ikut|turut|hadir|berangkat)|berhalangan)\b",
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
# The heads of a village or a district, and the village a delegation comes from
_VILLAGE_HEAD = re.compile(r"(?:(?:Plt|Plh|Pjs?) )?(?:Kepala Desa|Lurah|Camat)\b")
_VILLAGE_BEFORE = re.compile(
    r"\b(?:Desa|Kelurahan|Kampung|Nagari|Gampong|Pekon)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
)
_COMMISSION = re.compile(r"\bKomisi\s+(?:[IVX]+|\d|[A-E])\b")
# The body whose chair or head "ketuanya" / "kepalanya" names: the last one named before
_CHAIRED = re.compile(
    r"\b(?:(Komisi|Pansus)\s+([IVX]+|\d|[A-E])\b|(DPRD|DPRK)\b|(?:Tim\s+Penggerak|TP)\.?\s+(PKK)\b)"
)
_HEADED = re.compile(r"\b(?:Dinas|Badan|Bagian|Kantor|Bapp?e[a-z]+|Dis[a-z]{3,}|Din[a-z]{2,})\b")
_DESA = re.compile(r"\b(?:Desa|Pemdes)\b")
# The delegation named by what it is, just before "dipimpin": "rombongan", "kunjungan itu"
_GROUP_WORD = re.compile(
    r"\b(?:rombongan|delegasi|tim|komisi|kunjungan|kunker|studi\s+banding|studi\s+tiru)\b"
    r"[^.;\n]{0,25}$",
    _I,
)
# Heads of an office who lead their office's delegation, and the staff who only speak.
_AGENCY_HEAD = re.compile(
    r"(?:(?:Plt|Plh|Pj) )?(?:Kepala (?!Bagian|Biro|Sub|Seksi|Kantor)|Camat\b|Asisten\b|Staf Ahli\b|"
    r"Inspektur\b)"
)
_STAFF = re.compile(
    r"Humas|Protokol|Sekretariat|Kesekretariatan|Persidangan|Umum|Keuangan|Hukum|Tata Usaha|"
    r"Bagian|Biro"
)


def find_leaders(ctx: Context) -> None:
    """Stage: the leader of every host and of every delegation, with evidence.

    Region hosts and delegations are sides; a country abroad or a national body is an
    outsider, whose receiver (a mayor, an ambassador, a director) or head (a minister,
    a commission chair) is read the same way.

    Args:
        ctx: a context whose sides are open (:func:`~visit_extract.backends.rules.
            parties.open_sides`).
    """
    found = Roster(ctx.text, ctx.people, ctx.mentions)
    found.place([s.role.region for s in [*ctx.hosts.values(), *ctx.sides.values()]])
    main = ctx.host.role.region.code if ctx.host is not None else None
    guests = set(ctx.sides)
    regions = guests | set(ctx.hosts)
    taken: set[int] = set()
    # with several hosts, each one's receiver is read where the text names that host
    several = len({h for _, h in ctx.pairs}) > 1
    for code, side in ctx.hosts.items():
        near = sentences_naming(ctx, code) if several else None
        host = receiver(ctx, found, code, guests | (set(ctx.hosts) - {code}), near)
        if host is not None:
            host = found.fullest(host)
            _set(ctx, side, host)
            taken.add(host.start)
    main_outside = _main_outsider(ctx)
    for key, out in ctx.outsiders.items():
        if out.prefix != "host":
            continue
        near = sentences_naming(ctx, key) if several else None
        host = receiver(ctx, found, None, regions, near)
        if host is not None:
            host = found.fullest(host)
            _set_outsider(ctx, out, host, key == main_outside)
            taken.add(host.start)
    for side in ctx.sides.values():
        head = _delegation_head(ctx, found, side, main)
        if head is not None and head.start not in taken:
            _set(ctx, side, found.fullest(head))
    for key, out in ctx.outsiders.items():
        if out.prefix == "visitor":
            head = _national_head(ctx, found, key, regions)
            if head is not None and head.start not in taken:
                _set_outsider(ctx, out, found.fullest(head), False)


def _main_outsider(ctx: Context) -> str | None:
    """The key of the foreign or national main host, if any."""
    party = ctx.host_party
    if party is None:
        return None
    if party.level == "foreign":
        return f"foreign:{party.region}"
    return f"national:{party.institution}"


def _set(ctx: Context, side: Side, person: Person | None) -> None:
    if person is not None:
        side.leader = person
        side.evidence.append(ctx.evidence(f"{side.prefix}.leader", person.start, person.end))


def _set_outsider(ctx: Context, out: Outsider, person: Person, main_host: bool) -> None:
    """Give a country's or a national body's party its leader (the main foreign or
    national host is also ``ctx.host_party``)."""
    leader = Leader(name=person.name, title=person.title)
    out.party = out.party.model_copy(update={"leader": leader})
    out.evidence.append(ctx.evidence(f"{out.prefix}.leader", person.start, person.end))
    if main_host:
        ctx.host_party = out.party


def _delegation_head(
    ctx: Context, found: Roster, side: Side, host_code: str | None
) -> Person | None:
    code = side.role.region.code
    others = {host_code} if host_code else set()
    others |= {c for c in ctx.sides if c != code}

    def ours(p: Person | None) -> bool:
        return found.speaks_for(p, code, others)

    led = _led_by(ctx, found, code, ours)
    if led is not None:
        return led
    stand_in = found.stand_ins.get(code)
    if ours(stand_in):
        return stand_in
    for m in _GROUP_OF.finditer(ctx.text):
        p = found.at(m.end())
        if p is not None and p.region is not None and p.region.code == code:
            return p
    # who sends the delegation off or stays at home does not lead it
    home = {p.start for p in found.people if _STAYS.match(ctx.text, p.end)} | set(found.absent)
    for p in found.people:
        if _WITH_GROUP.match(ctx.text, p.end) and ours(p) and p.start not in home:
            return p
    for p in found.people:
        if _ESCORTED.match(ctx.text, p.end) and ours(p) and p.start not in home:
            return p
    # "Asisten II Setda X Budi berkunjung ke ...": an official of the region who travels
    for p in found.people:
        if (
            p.region is not None
            and p.region.code == code
            and _TRAVELS.match(ctx.text, p.end)
            and p.start not in home
        ):
            return p
    own = [p for p in found.own(code) if p.start not in home]
    if side.village:
        return _village_head(ctx, found, side, own, home)
    # without a cue, only a head of region, Sekda or DPRD leader stands for the
    # delegation; a spokesperson quoted in the story does not
    # a DPRD delegation's own chair or commission chair stands for it too
    floor = 5 if side.legislative else 7
    senior = [
        p
        for p in own
        if title_rank(p.title) >= 7 or (title_rank(p.title) >= floor and "DPRD" in (p.title or ""))
    ]
    # the council's people lead a DPRD delegation, the government's a government one
    pool = [p for p in senior if _of_council(p) == side.legislative]
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


def _village_head(
    ctx: Context, found: Roster, side: Side, own: list[Person], home: set[int]
) -> Person | None:
    """The head of a village delegation named without a cue: the head of the village
    the delegation comes from ("Kepala Desa Sukamaju, Budi"), else the district's Camat
    or the head of the region's village office; the Bupati who sees them off does not
    travel with them."""
    text = ctx.text
    cue = side.cue.prefix_start
    village = _VILLAGE_BEFORE.search(text, max(0, cue - 45), cue)
    if village is not None:
        for p in found.people:
            if (
                _VILLAGE_HEAD.match(p.title or "")
                and p.start not in home
                and village.group(1) in text[p.start : p.name_start]
            ):
                return p
    heads = [p for p in own if _VILLAGE_HEAD.match(p.title or "")] or [
        p for p in own if _AGENCY_HEAD.match(p.title or "") and not _STAFF.search(p.title or "")
    ]
    return min(heads, key=lambda p: p.start) if heads else None


def _of_council(p: Person) -> bool:
    """Whether the person sits in or serves the DPRD (its chair, a commission, its
    secretary)."""
    title = p.title or ""
    return "DPRD" in title or title.startswith(("Ketua Komisi", "Wakil Ketua Komisi"))


def _led_by(
    ctx: Context, found: Roster, code: str, ours: Callable[[Person | None], bool]
) -> Person | None:
    """The head the text names as leading: "dipimpin", "ketua rombongan", "memimpin".

    With several delegations, a "dipimpin" belongs to the region named last before it.
    """
    text = ctx.text
    for m in _LED.finditer(text):
        p = found.at(m.end())
        member = _MEMBER.match(text, m.end()) if p is None else None
        if member is not None:  # "dipimpin anggota Komisi I DPRD Klaten, <person>"
            p = found.at(member.end())
        if p is None or not ours(p):
            continue
        before = found.regions_before(m.start(), 250, 2)
        if (
            p.region is None
            and before
            and code not in before
            and not _ours_after_host(ctx, found, code, before, m.start())
        ):
            continue
        if p.title is None and m.group("own"):
            title = _head_of_body(text, m.start(), m.group("own").lower())
            p = replace(p, title=title) if title else p
        return p
    for m in _HEAD_OF_GROUP.finditer(text):
        p = found.before(m.start(), 40)
        if p is not None and _AS_HEAD.search(text, p.end, m.start()) is None:
            p = None
        role = _AS_HEAD.search(text, max(0, m.start() - 30), m.start()) if p is None else None
        if role is not None:  # "kata Budi Santoso selaku pimpinan rombongan"
            p = found.named_before(role.start())
        if p is None:
            tail = _GROUP_TAIL.match(text, m.end())
            p = found.at(tail.end()) if tail else None
        if p is not None and ours(p):
            return p
    for p in found.people:
        if _LEADS.match(text, p.end) and ours(p):
            return p
    return None


def _ours_after_host(ctx: Context, found: Roster, code: str, before: list[str], pos: int) -> bool:
    """Whether a "dipimpin" after the host's name still heads the one delegation: "Komisi
    III kunker ke DPRD Kota X. ... rombongan komisi yang dipimpin <person>" (the group is
    named between the host and the cue, and no other delegation is named before it)."""
    if set(before) & (set(ctx.sides) - {code}):
        return False
    # the group's word after the last region named: not "DPRD Kota X yang dipimpin"
    lo = max(pos - 40, found.region_end_before(pos))
    return _GROUP_WORD.search(ctx.text, lo, pos) is not None


def _head_of_body(text: str, pos: int, head: str) -> str | None:
    """The title of the chair ("ketuanya") or head ("kepalanya") of the body named last
    in the 250 characters before ``pos``: "Komisi II ... dipimpin ketuanya" is the
    "Ketua Komisi II", "Dinas Sosial ... dipimpin kepalanya" the "Kepala Dinas Sosial"."""
    lo = max(0, pos - 250)
    if head == "ketua":
        # a commission or PKK is the body that travels; a bare DPRD may be the host's
        bodies = list(_CHAIRED.finditer(text, lo, pos))
        own = [b for b in bodies if not b.group(3)] or bodies
        if not own:
            return None
        last = own[-1]
        if last.group(1) == "Pansus":  # (a commission's chair gets "DPRD" with its party)
            return f"Ketua Pansus {last.group(2)} DPRD"
        if last.group(1):
            return f"Ketua Komisi {last.group(2)}"
        return "Ketua DPRD" if last.group(3) else "Ketua TP PKK"
    if head != "kepala":
        return None
    unit = _last(_HEADED.finditer(text, lo, pos))
    desa = _last(_DESA.finditer(text, lo, pos))
    if desa is not None and (unit is None or desa.start() > unit.start()):
        return "Kepala Desa"
    if unit is None:
        return None
    got = title_at("Kepala " + text[unit.start() : min(pos, unit.start() + 90)], 0)
    return got[0] if got is not None and got[0] != "Kepala" else None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of ``matches`` (None when there is none)."""
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _national_head(ctx: Context, found: Roster, key: str, regions: set[str]) -> Person | None:
    """The head of a national body's delegation: the person a "dipimpin" (or "ketua
    rombongan", "memimpin") after the body's name gives, when no region's official."""

    def ours(p: Person | None) -> bool:
        return found.speaks_for(p, None, regions)

    spans = sentences_naming(ctx, key)
    starts = sorted(a.start for a in ctx.actors)
    mine = {a.start for a in ctx.actors if a.key == key}

    def led_here(pos: int) -> bool:
        # the body is the party named last before the cue, in the same sentence
        i = bisect_right(starts, pos) - 1
        return i >= 0 and starts[i] in mine and any(a <= pos < b for a, b in spans)

    for m in _LED.finditer(ctx.text):
        p = found.at(m.end())
        if p is not None and ours(p) and led_here(m.start()):
            return p
    for p in found.people:
        leads = _LEADS.match(ctx.text, p.end) or _WITH_GROUP.match(ctx.text, p.end)
        if leads and ours(p) and p.title is not None and any(a <= p.start < b for a, b in spans):
            return p
    return None
