"""People in an article: officials with their titles, for the leader stage.

Works on the original text and returns spans into it. Two shapes are read: the title
first ("Bupati Gianyar I Made Sutama", "Kepala Dinas Kesehatan Kota X, Budi") and the
name first ("Budi Santoso, Kepala Dinas Kesehatan", "Rina Wati selaku Sekda"). Names
are cleaned with :func:`~visit_extract.normalize.clean_name`, titles with
:func:`~visit_extract.normalize.normalize_title` (see :mod:`.titles`), and a name
must look like one: capitalised words, none of them a title, unit, month or weekday.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from visit_extract.backends.rules.mentions import Mention
from visit_extract.backends.rules.titles import is_unit_word, title_at, title_starts, unit_end
from visit_extract.normalize import clean_name
from visit_extract.normalize.gazetteer import Region
from visit_extract.normalize.lexicon import MONTHS, WEEKDAYS

_I = re.IGNORECASE

#: A name token: capitalised word, initial ("M.", "FB"), honorific ("H.", "Hj.", "Drs.").
_NAME_TOKEN = re.compile(r"(?:[A-Z][A-Za-z'’`-]*\.?|[A-Z]{1,3}\.)")
# Lower-case honorifics before a name: "dr. Budi", "drg. Rina".
_LOWER_HONORIFIC = re.compile(r"(?:(?:dr|drg|ir|hj?|prof)\.[ \t]*)+")
# Military and police ranks before a name ("Letjen TNI", "Kombes Pol.", "AKBP").
_RANKS = re.compile(
    r"(?:(?:Letjen|Mayjen|Brigjen|Jenderal|Jendral|Laksamana|Laksma|Laksda|Marsekal|Marsma|"
    r"Marsda|Kolonel|Letkol|Mayor|Kapten|Lettu|Letda|Kombes|Kompol|AKBP|AKP|Iptu|Ipda|Aiptu|"
    r"Aipda|Bripka|Brigpol|Briptu|Bripda|Irjen|Komjen|Serka|Sertu|Serda|Pelda|Peltu|"
    r"Brigadir(?:[ \t]+Jenderal)?|Inspektur[ \t]+Jenderal|Komisaris[ \t]+(?:Besar|Jenderal))\.?"
    r"(?:[ \t]+\(Purn\.?\))?(?:[ \t]+(?:TNI|Pol|Polisi)\.?)?(?:[ \t]+\(Purn\.?\))?[ \t]+)+"
)
_DEGREE_TAIL = re.compile(r"(?:\s*,\s*(?:[A-Z][A-Za-z]{0,5}\.?(?:\s?[A-Za-z]{1,6}\.?){0,2}))+")
# Month names that are no given names ("Juni", "Juli", "Agus" are).
_MONTH_WORDS = frozenset(
    w.capitalize()
    for w, n in MONTHS.items()
    if len(w) >= 5 and n not in (6, 7) and w not in ("april", "agust")
)
#: Capitalised words that start something other than a name.
_NOT_NAME = (
    frozenset(
        "Kabupaten Kota Provinsi Pemkab Pemkot Pemprov Pemda Pemerintah DPRD Dinas Badan Bagian "  # noqa: SIM905
        "Sekretariat Setda Kantor Di Dan Yang Pada Dalam Untuk Saat Ketika Selasa Senin Rabu "
        "Kamis Jumat Sabtu Minggu Beserta Bersama Didampingi Serta Para Rombongan Jajaran Tim "
        "Selaku Ini Itu Juga Kepala Wakil Ketua Sekda Bupati Gubernur Asisten Staf Komisi Forum "
        "Kasubag Kabag Camat Dari Ke Menurut Kata Ujar Turut Hadir Sementara Adapun Usai Desa "
        "Kecamatan Kelurahan Jawa Sumatera Sulawesi Kalimantan Papua Bali Setempat Terkait "
        "Mereka Kami Kita Ia Dia Beliau Pak Bu Bapak Ibu The Of OPD SKPD ASN Sebelumnya Informasi "
        "Jepang Indonesia Republik Negara Pemerintahan Kemudian Namun Selain Sedangkan Hal "
        "Bahkan Menurutnya Dikatakan Disampaikan Dijelaskan Kunjungan Kegiatan Acara Pimpin Study "
        "Studi Belajar Kunjungi Terima Sambut Hadiri Sebagai Nomor Pribadi Pribadinya Pelatih "
        "Kompleks Bank Wali Walikota Sekretaris Direktur Menteri Presiden Anggota Fraksi Partai "
        "Ketuanya Kepalanya Lembaga Kementerian Universitas Polres Polda Kodim Kodam Kejaksaan "
        "Pengadilan Puskesmas Rumah Sakit RSUD Sekolah Gedung Ruang Aula Pendopo Balai Hotel "
        "Tinjau Teken Gelar Lakukan Pelajari Timba Ada Tak Tidak Selamat Mewakili Diwakili "
        "Utama Eksekutif PT Tbk Perum Persero Operasi Bisnis Marketing Institute Internasional "
        "Nasional Besar Divisi Pusat Ditjen Subdit Deputi Negeri Luar Strategi TNI Polri".split()
    )
    | {w.capitalize() for w in WEEKDAYS}
    | _MONTH_WORDS
)
# Words before a place name that start the place, not an office ("Pemerintahan" may be
# a unit's word: "Asisten Pemerintahan Kota X").
_PLACE_PREFIXES = frozenset(
    "kabupaten kab kota provinsi prov propinsi pemkab pemkot pemprov pemda pemerintah".split()  # noqa: SIM905
)
# One-word titles of police, prosecutors, the military and offices: no names.
_TITLE_WORDS = frozenset(
    "Kasipidum Kasipidsus Kasintel Kasat Kasatreskrim Kasatlantas Kapolres Kapolsek Kapolda "  # noqa: SIM905
    "Kapolri Wakapolres Wakapolda Kajari Kajati Kabag Kabid Kadis Kaban Kasubag Kasubbag Kasi "
    "Kasie Dandim Danrem Danlanal Pangdam Sekjen Dirut Dirjen Kanit Kalapas Karutan Sekdis".split()
)
_PARTICLES = frozenset({"bin", "binti", "van", "de", "da", "al"})
# A word before "selaku"/"," that ends what came before a name: "kata", "Menurut".
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w'’`-]*\.?|bin|binti)(?:[ \t]+(?:[A-Z][\w'’`-]*\.?|bin|binti)){0,6})$"
)
_WORD = re.compile(r"[^\s,]+")
_DEGREE_AT_END = re.compile(r"\s*,\s*([A-Za-z][A-Za-z.]{0,8})\s*$")
_NAME_FIRST = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?=(?:selaku|sebagai|sekaligus)\b)")
_GAP = re.compile(r"[ \t]*(?:\([^()\n]{1,15}\)[ \t]*)?")
_SECRETARIAT = re.compile(
    r"[ \t]+(?:Setda|Setkab|Setdakab|Setdakot|Setdaprov|Setwan|Sekretariat\s+(?:Daerah|DPRD))\b"
)
_COMMA_GAP = re.compile(r"[ \t]*,[ \t]*")
_PAREN_AFTER = re.compile(r"[ \t]*\([^()\n]{1,15}\)")
_AT_UNIT = re.compile(
    r"[ \t]+(?:di|pada)(?=[ \t]+(?:Bagian|Dinas|Badan|Sekretariat|Setda|Biro|Kantor)\b)"
)
# Words written with a full stop that do not end a sentence: titles of address and the
# abbreviated first names of Muhammad, Achmad, Abdul ("Moch. Saleh").
_DOTTED = frozenset(
    {"Drs", "Dra", "Prof", "Moch", "Mochd", "Mochm", "Achm", "Ahmd", "Muhd", "Mohd"}
)
_LEAD_IN = re.compile(r"[\s,:–—-]*(?:oleh\s+|yakni\s+|yaitu\s+)?")
_LOWER_WORD = re.compile(r"[a-z]+")
_SPACE = re.compile(r"\s+")
_BLANK = re.compile(r"[ \t]+")
_ROMAN = re.compile(r"[IVX]+")
_THIS = re.compile(r"[ \t]+(?:ini|tersebut)\b")
_SPEAKER = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|papar|terang|tegas|imbuh|sebut)(?:nya)?[ \t]+(?=[A-Z])"
)
_SELAKU = re.compile(r"[ \t]*,?[ \t]*(?:selaku|sebagai|yang\s+juga|sekaligus)[ \t]+", _I)


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


def _bad_token(bare: str) -> bool:
    """A word no name holds: a title or stop word, a unit's word, an acronym."""
    return (
        bare in _NOT_NAME
        or bare in _TITLE_WORDS
        or is_unit_word(bare)
        or bare.lower().startswith("se-")
    )


def read_name(text: str, pos: int) -> tuple[str, int, int] | None:
    """Read a person's name starting at ``pos`` (after spaces, a comma or a dash).

    Args:
        text: the article text.
        pos: where the name may begin.

    Returns:
        ``(cleaned name, start, end)`` or None when no name starts there.
    """
    m = _LEAD_IN.match(text, pos)
    i = m.end() if m else pos
    low = _LOWER_HONORIFIC.match(text, i)
    start = i
    if low:
        i = low.end()
    rank = _RANKS.match(text, i)
    if rank:  # "Letjen TNI Budi", "Kombes Pol Rudi": the rank is no part of the name
        i = start = rank.end()
    tokens: list[str] = []
    end = i
    while len(tokens) < 7:
        low = _LOWER_HONORIFIC.match(text, i) if tokens else None
        if low and clean_name(" ".join(tokens) + " Nama") == "Nama":
            i = low.end()  # "Dr. dr. Rina": only honorifics so far
        t = _NAME_TOKEN.match(text, i)
        if t is None:
            # "bin" and other particles inside a name
            p = _LOWER_WORD.match(text, i)
            if p and p.group() in _PARTICLES and tokens:
                nxt = _SPACE.match(text, p.end())
                if nxt and _NAME_TOKEN.match(text, nxt.end()):
                    tokens.append(p.group())
                    i = nxt.end()
                    continue
            break
        word = t.group()
        bare = word.rstrip(".")
        # "I" opens Balinese names ("I Made Sutama"); "II", "IV" are not names
        if not tokens and (
            _bad_token(bare) or (len(bare) > 1 and _ROMAN.fullmatch(bare) is not None)
        ):
            return None
        # a name ends before a word in the stop list or an acronym ("UPTPK", "OPD")
        if tokens and _bad_token(bare):
            break
        tokens.append(word)
        end = t.end()
        if word.endswith(".") and len(bare) > 3 and bare not in _DOTTED:
            break  # a full stop after a word ends the sentence
        sp = _BLANK.match(text, end)
        if sp is None:
            break
        i = sp.end()
    if not tokens:
        return None
    d = _DEGREE_TAIL.match(text, end)
    raw = text[start:end] + (d.group() if d else "")
    name = clean_name(raw)
    if not looks_like_name(name):
        return None
    return name, start, end


def looks_like_name(name: str) -> bool:
    """Whether a cleaned name reads as a person's: capitalised, no title or unit words.

    Args:
        name: a name after :func:`~visit_extract.normalize.clean_name`.
    """
    tokens = name.split()
    if not tokens or len(name) < 3:
        return False
    if any(t[:1].islower() and t not in _PARTICLES for t in tokens):
        return False
    return not any(_bad_token(t) for t in tokens)


def name_before(text: str, pos: int) -> tuple[str, int] | None:
    """The name that ends just before ``pos``: "Budi Santoso, SE" before ", selaku ...".

    Args:
        text: the article text.
        pos: where the name (and its degrees) ends.

    Returns:
        ``(cleaned name, start)`` or None.
    """
    lo = max(0, pos - 120)
    window = text[lo:pos]
    # degrees after the name: "Budi Santoso, S.Sos., MM", "Wahono,SE"
    while True:
        d = _DEGREE_AT_END.search(window)
        if d is None or clean_name("Nama " + d.group(1)) != "Nama":
            break
        window = window[: d.start()]
    m = _NAME_BEFORE.search(window.rstrip(" \t"))
    if m is None:
        return None
    words = list(_WORD.finditer(window, m.start(1), m.end(1)))
    # the name starts after the last word that cannot be part of it ("Menurut", "Dinas")
    first = len(words)
    while first > 0:
        w = words[first - 1].group().rstrip(".")
        if _bad_token(w) or (len(w) > 1 and _ROMAN.fullmatch(w) is not None):
            break
        first -= 1
    if first == len(words):
        return None
    a = words[first].start()
    name = clean_name(window[a : words[-1].end()])
    if not looks_like_name(name):
        return None
    return name, lo + a


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
        name = read_name(text, after)
        if name is None and _THIS.match(text, after):
            # "..., kata Budi. Kepala Dinas Sosial Klaten ini menambahkan": the speaker
            spoken = _last_speaker(text, pos)
            if spoken is not None:
                people.append(Person(spoken[0], title or None, region, *spoken[1:], spoken[1]))
            continue
        if name is None or name[1] in places.at:
            continue  # no name, or a place: "Bupati Sigi, Sulteng"
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
        if got is None or not (sel or text[tpos].isupper()) or tpos in titled:
            # after a bare comma only a capitalised title: "Budi, Bupati X"; and not
            # "Budi, Bupati X Joko": a list of people named title first
            continue
        before = name_before(text, m.start())
        if before is None:
            continue
        name, start = before
        i = bisect_left(starts, m.start())
        if (i and reach[i - 1] > start) or bisect_left(starts, start) < i:
            continue  # inside a name read title first, or a region's name
        title, tend = got
        region, end = _region_after(text, tpos, tend, places)
        out.append(Person(name, title or None, region, start, end, start))
    return out


def _region_after(text: str, start: int, tend: int, places: _Places) -> tuple[Region | None, int]:
    """The region named with a title and where it ends: "Bupati Kabupaten Jeneponto",
    "Sekda Halmahera Timur (Haltim) Provinsi Maluku Utara (Malut),"."""
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
