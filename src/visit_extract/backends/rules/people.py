"""People in an article: officials with their titles, for the leader stage.

Works on the original text and returns spans into it. Two shapes are read: the title
first ("Bupati Gianyar I Made Sutama", "Kepala Dinas Kesehatan Kota X, Budi") and the
name first ("Budi Santoso, Kepala Dinas Kesehatan", "Rina Wati selaku Sekda"). Names
are read by :mod:`.names` (a name must look like one) and titles by :mod:`.titles`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from visit_extract.backends.rules.mentions import Mention
from visit_extract.backends.rules.names import name_before, read_name
from visit_extract.backends.rules.titles import title_at, title_starts, unit_end
from visit_extract.backends.rules.villages import (
    HEAD_OF_PLACE,
    SUBDISTRICT,
    Villages,
    head_of_place,
)
from visit_extract.normalize import normalize_title
from visit_extract.normalize.gazetteer import Region

_I = re.IGNORECASE

# Words before a place name that start the place, not an office ("Pemerintahan" may be
# a unit's word: "Asisten Pemerintahan Kota X").
_PLACE_PREFIXES = frozenset(
    "kabupaten kab kota provinsi prov propinsi pemkab pemkot pemprov pemda pemerintah".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\s,]+")
#: The words that give a named person's office: "selaku", "yang juga", "yang merupakan",
#: "yang (kini) menjabat (sebagai)".
AS_OFFICE = (
    r"(?:selaku|sebagai|sekaligus|yang\s+(?:juga|kini|saat\s+ini|sekarang)?\s*"
    r"(?:menjabat(?:\s+sebagai)?|merupakan)|yang\s+juga)"
)
# Where a name may end and its title follow: "Budi, Bupati X", "Budi selaku ..."
# (each starts with a space, a tab, a comma or a bracket: the look-ahead spares the
# alternatives everywhere else)
_NAME_FIRST = re.compile(
    r"(?=[ \t,(])(?:[ \t]*,[ \t]*|[ \t]+(?=" + AS_OFFICE + r"\b)|[ \t]*\([ \t]*(?=[A-Z]))"
)
# "Budi (Kadis Pariwisata)": a title in brackets after the name closes them
_CLOSE = re.compile(r"[ \t]*\)")
_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,15}\)[ \t]*)?")
_SECRETARIAT = re.compile(
    r"[ \t]+(?:Setda|Setkab|Setdakab|Setdakot|Setdaprov|Setwan|Sekretariat\s+(?:Daerah|DPRD))\b"
)
_COMMA_GAP = re.compile(r"[ \t]*,[ \t]*")
_PAREN_AFTER = re.compile(r"[ \t]*\([^()\n]{1,15}\)")
_AT_UNIT = re.compile(
    r"[ \t]+(?:di|pada)(?=[ \t]+(?:Bagian|Dinas|Badan|Sekretariat|Setda|Biro|Kantor)\b)"
)
# "<title> <region> ini": the person just quoted ("kata Budi")
_THIS = re.compile(r"[ \t]+(?:ini|tersebut)\b")
_SPEAKER = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|papar|terang|tegas|imbuh|sebut)(?:nya)?[ \t]+(?=[A-Z])"
)
_IN_DISTRICT = re.compile(r"[ \t]+(?:Kecamatan|Kec\.)[ \t]+[A-Z][\w'’-]*")
# A field of duty after the region: "Staf Ahli Bupati Tegal Bidang Ekonomi"
_FIELD_AFTER = re.compile(r"[ \t]+([Bb]idang)\b")
# A title whose last field comes after the name ("Asisten Pemerintahan Budi dan Kesra"):
# the heads named by their fields, a field word after "dan", and no name after it.
_FIELD_HEAD = re.compile(r"(?:(?:Plt|Plh|Pjs?) )?(?:Asisten|Staf Ahli|Kepala Bidang) ")
_SPLIT_BY_NAME = re.compile(r"[ \t]+dan[ \t]+(?!Sekretariat|Dinas|Badan|Bagian|Kantor)[A-Z][a-z]+")
_AFTER_SPLIT = re.compile(r"[ \t]+[A-Z]")
_SELAKU = re.compile(r"[ \t]*,?[ \t]*" + AS_OFFICE + r"[ \t]+", _I)


@dataclass(frozen=True)
class Person:
    """An official named in the text.

    Attributes:
        name: cleaned name ("Agus Ambo Djiwa").
        title: normalised short title ("Bupati") or None.
        region: the region named with the title ("Bupati Banyuwangi"), if any.
        start: offset of the title (or name) in the text.
        end: offset just past the name (or past the title, name first).
        name_start: offset of the name.
    """

    name: str
    title: str | None
    region: Region | None
    start: int
    end: int
    name_start: int


class _Places:
    """Region mentions indexed by where they (or their prefix words) start."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.at: dict[int, Mention] = {}
        stops: set[int] = set()
        for m in mentions:
            for w in _WORD.finditer(text, m.prefix_start, m.start):
                self.at.setdefault(w.start(), m)
                if w.group().lower().rstrip(".") in _PLACE_PREFIXES:
                    stops.add(w.start())
            self.at.setdefault(m.start, m)
            stops.add(m.start)
        #: where a unit's name must end: a place or its "Kabupaten", "Pemkot"...
        self.stops = frozenset(stops)
        self.starts = sorted(m.start for m in mentions)
        self.by_start = {m.start: m for m in mentions}
        self.spans = sorted((m.prefix_start, m.end) for m in mentions)

    def inside(self, a: int, b: int) -> Mention | None:
        """The last mention whose name starts in ``[a, b)``."""
        i = bisect_left(self.starts, b) - 1
        if i >= 0 and self.starts[i] >= a:
            return self.by_start[self.starts[i]]
        return None


def find_people(text: str, mentions: list[Mention]) -> list[Person]:
    """Officials named as "<title> [<region>] <name>" or "<name>, <title> [<region>]".

    Args:
        text: the article text.
        mentions: the region mentions of :func:`find_regions` (qualifiers included).

    Returns:
        People in text order.
    """
    places = _Places(text, mentions)
    stops = places.stops
    villages: Villages | None = None
    people: list[Person] = []
    taken_to = -1
    for pos in title_starts(text):
        if pos < taken_to:
            continue
        got = title_at(text, pos, stops)
        if got is None:
            continue
        title, tend = got
        region, after = _region_after(text, pos, tend, places)
        at = _AT_UNIT.match(text, after)
        if at:  # "Kasubag Umum di Bagian Umum Setda Klaten Budi": the unit's place
            region, after = _region_after(text, pos, unit_end(text, at.end(), stops), places)
        if not text[pos].isupper() and region is None:
            continue  # "asisten pelatih": a lower-case title needs its region
        if region is not None and text[after - 1] == ".":
            continue  # "... kata Bupati Klaten." ends the sentence
        rest = _FIELD_AFTER.match(text, after) if region is not None else None
        if rest:  # "Staf Ahli Bupati Tegal Bidang Ekonomi": the title goes on past the region
            field_end = unit_end(text, rest.end(), stops)
            title = normalize_title(f"{title} {text[rest.start(1) : field_end]}")
            after = field_end
        name = read_name(text, after)
        if HEAD_OF_PLACE.fullmatch(title):
            villages = villages or Villages(text)
            name, region = head_of_place(text, after, name, region, places.at, villages)
        if name is None and _THIS.match(text, after):
            # "..., kata Budi. Kepala Dinas Sosial Klaten ini menambahkan": the speaker
            spoken = _last_speaker(text, pos)
            if spoken is not None:
                people.append(Person(spoken[0], title or None, region, *spoken[1:], spoken[1]))
            continue
        if name is None or name[1] in places.at:
            continue  # no name, or a place: "Bupati Sigi, Sulteng"
        split = _SPLIT_BY_NAME.match(text, name[2]) if _FIELD_HEAD.match(title) else None
        field_end = unit_end(text, name[2], stops) if split else name[2]
        if field_end > name[2] and not _AFTER_SPLIT.match(text, field_end):
            # "Asisten Pemerintahan Budi dan Kesra": the title's last field after the name
            title = normalize_title(title + text[name[2] : field_end])
        people.append(Person(name[0], title or None, region, pos, name[2], name[1]))
        taken_to = name[2]
    people.extend(_names_first(text, places, stops, people))
    people.sort(key=lambda p: p.start)
    return people


def _last_speaker(text: str, pos: int) -> tuple[str, int, int] | None:
    """The last person quoted by name ("kata Budi") in the 300 characters before ``pos``."""
    last = None
    for m in _SPEAKER.finditer(text, max(0, pos - 300), pos):
        last = m
    return read_name(text, last.end()) if last is not None else None


def _names_first(
    text: str, places: _Places, stops: frozenset[int], found: list[Person]
) -> list[Person]:
    """ "Sutrisno, Bupati Pemalang" and "Rina Wati selaku Kepala Dinas Sosial"."""
    spans = sorted([(p.start, p.end) for p in found] + places.spans)
    starts = [a for a, _ in spans]
    titled = {p.start for p in found}
    reach: list[int] = []  # reach[i]: the furthest end of spans[0..i]
    for _, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)
    out: list[Person] = []
    for m in _NAME_FIRST.finditer(text):
        sel = _SELAKU.match(text, m.start())
        tpos = sel.end() if sel else m.end()
        got = title_at(text, tpos, stops)
        if got is None or tpos in titled:
            # not "Budi, Bupati X Joko": a list of people named title first
            continue
        # after a bare comma a lower-case title needs its region, as title first does:
        # "kata Budi, kepala dinas sosial Klaten" (not "Budi, asisten pelatih")
        lower = not (sel or text[tpos].isupper())
        before = name_before(text, m.start())
        if before is None:
            continue
        name, start = before
        i = bisect_left(starts, m.start())
        if (i and reach[i - 1] > start) or bisect_left(starts, start) < i:
            continue  # inside a name read title first, or a region's name
        title, tend = got
        region, end = _region_after(text, tpos, tend, places)
        if lower and region is None:
            continue
        if "(" in m.group() and not _CLOSE.match(text, end):
            continue  # "Budi (Kadis Sosial dan warga)": not only a title in the brackets
        out.append(Person(name, title or None, region, start, end, start))
    return out


def _region_after(text: str, start: int, tend: int, places: _Places) -> tuple[Region | None, int]:
    """The region named with a title and where it ends: "Bupati Kabupaten Jeneponto",
    "Sekda Halmahera Selatan (Halsel) Provinsi Maluku Utara (Malut),"."""
    region: Region | None = None
    pos = tend
    inner = places.inside(start, tend)
    if inner is not None and not inner.qualifier:
        # the title swallowed the region: "Wakil Bupati Gianyar" is one mention
        region = inner.region
        pos = max(pos, inner.end)
    for _ in range(4):
        sec = _SECRETARIAT.match(text, pos)
        if sec:  # "Kabag Umum Setda Budi": the secretariat that holds the unit
            pos = sec.end()
        sub = SUBDISTRICT.match(text, pos) or _IN_DISTRICT.match(text, pos)
        if sub:  # "Kasi Pemerintahan Kecamatan Ngawen Budi": the district of the unit
            pos = sub.end()
        gap = _GAP.match(text, pos)
        nxt = places.at.get(gap.end() if gap else pos)
        if nxt is None:
            # a locating province after a comma: "Bupati Sigi, Sulteng, <name>"
            comma = _COMMA_GAP.match(text, pos)
            nxt = places.at.get(comma.end()) if comma else None
            if nxt is None or not nxt.qualifier:
                break
        if nxt.end <= pos:
            break
        # the first region names the office; a province after it only locates it
        region = region or nxt.region
        pos = nxt.end
        paren = _PAREN_AFTER.match(text, pos)
        if paren:
            pos = paren.end()
    return region, pos


def same_person(people: list[Person], name: str) -> Person | None:
    """The person a short name refers back to: "Herwin" after "Bupati Herwin Yatim".

    Args:
        people: people found in the article.
        name: a name as read at a cue.

    Returns:
        The first person whose name holds every word of ``name``, preferring one
        with a title; None when nobody does.
    """
    words = set(name.lower().split())
    matches = [p for p in people if words <= set(p.name.lower().split())]
    titled = [p for p in matches if p.title]
    if titled:
        return titled[0]
    return matches[0] if matches else None


_RANK = [
    ("Gubernur", 10),
    ("Wali Kota", 10),
    ("Bupati", 10),
    ("Wakil Gubernur", 9),
    ("Wakil Wali Kota", 9),
    ("Wakil Bupati", 9),
    ("Ketua DPRD", 8),
    ("Sekda", 7),
    ("Wakil Ketua", 6),
    ("Ketua Komisi", 5),
    ("Direktur", 5),
    ("Asisten", 4),
    ("Inspektur", 4),
    ("Staf Ahli", 4),
    ("Kepala", 3),
]


def title_rank(title: str | None) -> int:
    """Seniority of a title, for choosing a delegation's head (higher is more senior)."""
    if not title:
        return 0
    bare = re.sub(r"^(?:Plt|Pj|Pjs)\s+", "", title)
    for prefix, rank in _RANK:
        if bare.startswith(prefix):
            return rank
    return 1
