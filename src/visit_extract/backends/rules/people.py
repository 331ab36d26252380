"""People in an article: officials with their titles, delegation leaders, receivers.

Works on the original text and returns spans into it. Names are cleaned with
:func:`~visit_extract.normalize.clean_name` and titles with
:func:`~visit_extract.normalize.normalize_title`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from visit_extract.backends.rules.mentions import Mention, starting_within
from visit_extract.normalize import clean_name, normalize_title
from visit_extract.normalize.gazetteer import Region
from visit_extract.normalize.lexicon import (
    ACTING_TITLES,
    HEAD_TITLES,
    OFFICE_HEAD_ABBREVIATIONS,
    SECRETARY_TITLES,
    WEEKDAYS,
    alternation,
)

_I = re.IGNORECASE

#: Positions as news writes them, longest first where one is a prefix of another.
TITLE = (
    r"(?:" + alternation(ACTING_TITLES) + r"\.?\s+)?"
    r"(?:"
    r"Wakil\s+Ketua\s+(?:[IVX]+\s+)?DPRD|Ketua\s+Komisi\s+(?:[IVX]+|\d+|[A-E])\s+DPRD|"
    r"Ketua\s+Komisi\s+(?:[IVX]+|\d+|[A-E])|Ketua\s+DPRD|Waka\s+DPRD|Sekretaris\s+DPRD|Sekwan|"
    + alternation(HEAD_TITLES)
    + r"|Sekretaris\s+Daerah|"
    + alternation(["sekda", *SECRETARY_TITLES])
    + r"|Asisten\s+(?:[IVX]+|\d)(?:\s+Setda|\s+Sekda)?|As{1,2}ek\s+(?:[IVX]+|\d)\b|"
    r"Asisten\s+(?:Bidang\s+)?(?:Pemerintahan(?:\s+dan\s+Kesra)?|Ekobang|Ekonomi\s+dan\s+Pembangunan|"
    r"Administrasi\s+(?:Umum|dan\s+Kesra)|Perekonomian(?:\s+dan\s+Pembangunan)?|Kesra)|"
    r"Kepala\s+(?:Dinas|Badan|Bagian|Bidang|Kantor|Biro|UPT)(?:\s+[A-Z][\w-]*){1,5}|"
    r"Kepala\s+(?:Bappeda|BKD|BKPSDM|BPKAD|DPMD|Dispar|Disparbud|Diskominfo|Bapenda|Inspektorat)|"
    r"(?:" + "|".join(OFFICE_HEAD_ABBREVIATIONS) + r"|Kasubag)(?:\s+[A-Z][\w-]*){1,3}|"
    r"Inspektur(?:\s+(?:[IVX]+|Daerah))?|Asisten(?=\s+[A-Z])|"
    r"Kepala\s+Desa|Kades|Perbekel|Lurah|Camat|Staf\s+Ahli(?:\s+Bupati)?"
    r")\b"
)
_TITLE_RE = re.compile(TITLE, _I)
#: A name token: capitalised word, initial ("M.", "FB"), honorific ("H.", "Hj.", "Drs.").
_NAME_TOKEN = re.compile(r"(?:[A-Z][A-Za-z'’`-]*\.?|[A-Z]{1,3}\.)")
_DEGREE_TAIL = re.compile(r"(?:\s*,\s*(?:[A-Z][A-Za-z]{0,5}\.?(?:\s?[A-Za-z]{1,6}\.?){0,2}))+")
#: Capitalised words that start something other than a name.
_NOT_NAME = frozenset(
    "Kabupaten Kota Provinsi Pemkab Pemkot Pemprov Pemda Pemerintah DPRD Dinas Badan Bagian "  # noqa: SIM905
    "Sekretariat Setda Kantor Di Dan Yang Pada Dalam Untuk Saat Ketika Selasa Senin Rabu "
    "Kamis Jumat Sabtu Minggu Beserta Bersama Didampingi Serta Para Rombongan Jajaran Tim "
    "Selaku Ini Itu Juga Kepala Wakil Ketua Sekda Bupati Gubernur Asisten Staf Komisi Forum "
    "Kasubag Kabag Camat Dari Ke Menurut Kata Ujar Turut Hadir Sementara Adapun Usai Desa "
    "Kecamatan Kelurahan Jawa Sumatera Sulawesi Kalimantan Papua Bali Setempat Terkait "
    "Mereka Kami Kita Ia Dia Beliau Pak Bu Bapak Ibu The Of OPD SKPD ASN Sebelumnya Informasi "
    "Jepang Indonesia Republik Negara Pemerintahan Kemudian Namun Selain Sedangkan Hal "
    "Bahkan Menurutnya Dikatakan Disampaikan Dijelaskan Kunjungan Kegiatan Acara Pimpin Study "
    "Studi Belajar Kunjungi Terima Sambut Hadiri "
    "Tinjau Teken Gelar Lakukan Pelajari Timba Ada Tak Tidak Selamat".split()
) | {w.capitalize() for w in WEEKDAYS}
_PARTICLES = frozenset({"bin", "binti", "van", "de", "da", "al"})


@dataclass(frozen=True)
class Person:
    """An official named in the text.

    Attributes:
        name: cleaned name ("Agus Ambo Djiwa").
        title: normalised short title ("Bupati") or None.
        region: the region named with the title ("Bupati Banyuwangi"), if any.
        start: offset of the title (or name) in the text.
        end: offset just past the name.
        name_start: offset of the name.
    """

    name: str
    title: str | None
    region: Region | None
    start: int
    end: int
    name_start: int


def read_name(text: str, pos: int) -> tuple[str, int, int] | None:
    """Read a person's name starting at ``pos`` (after spaces, a comma or a dash).

    Args:
        text: the article text.
        pos: where the name may begin.

    Returns:
        ``(cleaned name, start, end)`` or None when no name starts there.
    """
    m = re.compile(r"[\s,:–—-]*(?:oleh\s+|yakni\s+|yaitu\s+)?").match(text, pos)
    i = m.end() if m else pos
    start = i
    tokens: list[str] = []
    end = i
    while len(tokens) < 7:
        t = _NAME_TOKEN.match(text, i)
        if t is None:
            # "bin" and other particles inside a name
            p = re.compile(r"[a-z]+").match(text, i)
            if p and p.group() in _PARTICLES and tokens:
                nxt = re.compile(r"\s+").match(text, p.end())
                if nxt and _NAME_TOKEN.match(text, nxt.end()):
                    tokens.append(p.group())
                    i = nxt.end()
                    continue
            break
        word = t.group()
        bare = word.rstrip(".")
        # "I" opens Balinese names ("I Made Sutama"); "II", "IV" are not names
        if not tokens and (
            bare in _NOT_NAME
            or (len(bare) > 1 and re.fullmatch(r"[IVX]+", bare))
            or bare.lower().startswith("se-")
        ):
            return None
        # a name ends before a word in the stop list or an acronym ("UPTPK", "OPD")
        if tokens and (bare in _NOT_NAME or (bare.isupper() and len(bare) >= 3)):
            break
        tokens.append(word)
        end = t.end()
        if word.endswith(".") and len(bare) > 3 and bare not in ("Drs", "Dra", "Prof"):
            break  # a full stop after a word ends the sentence
        sp = re.compile(r"[ \t]+").match(text, end)
        if sp is None:
            break
        i = sp.end()
    if not tokens:
        return None
    d = _DEGREE_TAIL.match(text, end)
    raw = text[start:end] + (d.group() if d else "")
    name = clean_name(raw)
    if not name or name.split()[0] in _NOT_NAME:
        return None
    return name, start, end


def find_people(text: str, mentions: list[Mention]) -> list[Person]:
    """Officials named as "<title> [<region>] <name>" or "<name>, <title> <region>".

    Args:
        text: the article text.
        mentions: the region mentions of :func:`find_regions` (qualifiers included).

    Returns:
        People in text order.
    """
    by_start = {m.prefix_start: m for m in mentions}
    by_start.update({m.start: m for m in mentions})
    qualifiers = [q for q in mentions if q.qualifier]
    people: list[Person] = []
    for tm in _TITLE_RE.finditer(text):
        pos = tm.end()
        region = None
        # Region right after the title, with its own prefix: "Bupati Kabupaten Jeneponto"
        gap = re.compile(r"[ \t]*").match(text, pos)
        p2 = gap.end() if gap else pos
        mention = by_start.get(p2) or _mention_at(mentions, p2)
        if mention is None:
            # the title swallowed the region: "Kepala Dinas Pariwisata Kota Makassar"
            inner = [
                m
                for m in starting_within(mentions, tm.start() + 1, tm.end() - 1)
                if not m.qualifier
            ]
            if inner:
                region = inner[-1].region
        if mention is not None:
            region = mention.region
            pos = mention.end
            # a locating province ("Bupati Pasangkayu Provinsi Sulawesi Barat")
            pos = _past_qualifiers(qualifiers, pos)
        got = read_name(text, pos)
        if got is None:
            continue
        name, ns, ne = got
        if len(name) < 3:
            continue
        people.append(Person(name, normalize_title(tm.group()), region, tm.start(), ne, ns))
    # "Sutrisno, Bupati Pemalang" / "Hartono, Ketua DPRD Murung Raya"; not inside a list
    # of "<title> <region> – <name>, <title> ..." whose names were read above
    taken = _Taken([(p.name_start, p.end) for p in people])
    for m in re.finditer(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?:selaku\s+)?", text):
        tm2 = _TITLE_RE.match(text, m.end())
        if tm2 is None or m.start() in taken:
            continue
        name = clean_name(m.group(1))
        if not name or name.split()[0] in _NOT_NAME:
            continue
        gap = re.compile(r"[ \t]*").match(text, tm2.end())
        p2 = gap.end() if gap else tm2.end()
        mention = by_start.get(p2)
        region = mention.region if mention else None
        people.append(
            Person(name, normalize_title(tm2.group()), region, m.start(), tm2.end(), m.start())
        )
    people.sort(key=lambda p: p.start)
    return people


def _mention_at(mentions: list[Mention], pos: int) -> Mention | None:
    """The mention whose prefix words cover ``pos`` ("DPRD Kabupaten Malaka" at "Kabupaten")."""
    for m in starting_within(mentions, pos, pos + 39):
        if m.prefix_start <= pos:
            return m
    return None


def _past_qualifiers(qualifiers: list[Mention], pos: int) -> int:
    """Where the text goes on after the locating provinces that follow ``pos``.

    Each qualifier (in text order) whose prefix starts 0 to 3 characters after the
    current position moves it to its end. Only the ones that start after ``pos`` can,
    so the walk begins there (a binary search) and stops as soon as none can.
    """
    i = bisect_left(qualifiers, pos, key=lambda q: q.start)
    while i < len(qualifiers):
        q = qualifiers[i]
        if 0 <= q.prefix_start - pos <= 3:
            pos = q.end
        elif q.prefix_start > pos + 3:
            break
        i += 1
    return pos


class _Taken:
    """Spans already read as names; ``pos in taken`` by binary search, not a scan."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        # the furthest end among the spans starting at or before each one
        self._reach: list[int] = []
        for _, b in spans:
            self._reach.append(max(b, self._reach[-1]) if self._reach else b)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._reach[i]


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
    ("Asisten", 4),
    ("Inspektur", 4),
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
