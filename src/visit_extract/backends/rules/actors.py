"""Actors: the parties an article names, whether a region, a country or a national body.

* a region: every :class:`~visit_extract.backends.rules.mentions.Mention` that can be a
  party (key: its Kemendagri code);
* a foreign country, or a city abroad standing for it ("Tokyo" is Japan), when the
  rules know its English name (key ``"foreign:Japan"``); an unknown country is no actor,
  so its visit keeps an unknown host rather than a wrong one;
* a national body: a ministry, the DPR or DPD, a national agency or its training centre
  (key ``"national:<name>"``, region null, LABELING.md "Decided hard cases").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from visit_extract.backends.rules.mentions import Mention, in_spans
from visit_extract.normalize import normalize_country
from visit_extract.normalize.gazetteer import key
from visit_extract.normalize.lexicon import alternation
from visit_extract.normalize.regions import COUNTRY_NAMES
from visit_extract.schema import Branch, Party

_FOREIGN_CITIES = {
    **dict.fromkeys(
        ["tokyo", "osaka", "kyoto", "fukuoka", "nagoya", "yokohama", "sapporo", "kobe",
         "hiroshima"], "Japan"),
    **dict.fromkeys(
        ["seoul", "busan", "incheon", "daejeon", "daegu", "gwangju", "suwon", "jeju"],
        "South Korea"),
    **dict.fromkeys(
        ["beijing", "shanghai", "guangzhou", "shenzhen", "hangzhou", "xiamen"], "China"),
    **dict.fromkeys(["kuala lumpur", "penang", "johor bahru", "putrajaya", "kuching"],
                    "Malaysia"),
    **dict.fromkeys(["bangkok", "chiang mai", "phuket"], "Thailand"),
    **dict.fromkeys(["amsterdam", "den haag", "rotterdam", "utrecht"], "Netherlands"),
    **dict.fromkeys(["berlin", "munich", "muenchen", "frankfurt", "hamburg"], "Germany"),
    **dict.fromkeys(["sydney", "melbourne", "perth", "brisbane", "adelaide", "canberra"],
                    "Australia"),
    **dict.fromkeys(["london", "manchester"], "United Kingdom"),
    **dict.fromkeys(["paris", "lyon"], "France"),
    **dict.fromkeys(["washington", "new york"], "United States"),
    **dict.fromkeys(["auckland", "wellington"], "New Zealand"),
    **dict.fromkeys(["istanbul", "ankara"], "Turkey"),
    **dict.fromkeys(["dubai", "abu dhabi"], "United Arab Emirates"),
    "taipei": "Taiwan", "hanoi": "Vietnam", "ho chi minh": "Vietnam", "manila": "Philippines",
    "davao": "Philippines", "kairo": "Egypt", "riyadh": "Saudi Arabia",
}  # fmt: skip
#: Country and city names as a regex source (longest first), for patterns that look for
#: a destination abroad; match them case-blind and keep only capitalised ones.
COUNTRY_WORDS = alternation([*COUNTRY_NAMES, *_FOREIGN_CITIES])
# The same names by lookup key, and the first words that may start one: a scan over
# capitalised words finds them much faster than the alternation.
_FOREIGN_KEYS: dict[str, str] = {
    **{key(n): c for n, c in _FOREIGN_CITIES.items()},
    **{key(n): c for n in COUNTRY_NAMES if (c := normalize_country(n)) is not None},
}
_FOREIGN_FIRST = frozenset(n.split()[0] for n in [*COUNTRY_NAMES, *_FOREIGN_CITIES])
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]*")
# "Desa Tegal Harum", "Jalan Malang", "Pasar Badung": a region's name inside the name of
# a village, a street or a site (a site toured is part of its host's visit)
_PLACE_BEFORE = re.compile(
    r"\b(?:Desa|Kelurahan|Kecamatan|Dusun|Kampung|Jalan|Jl\.?|Pasar|Terminal|Bandara|"
    r"Stasiun|Pelabuhan|Hotel|Pantai|Danau|Gunung|Museum|Candi|Taman|Pura|Masjid|Bendungan|"
    r"Waduk)\s+$"
)
_EXPLICIT_PREFIX = re.compile(r"(?:Kabupaten|Kab\.?|Kota|Provinsi|Pemkab|Pemkot|Pemprov)\b", re.I)
# "Badan Diklat Kejaksaan RI - Jakarta", "Kemendagri di Jakarta": a national body's seat
_SEAT_GAP = re.compile(
    r"\s*[-–—,(]\s*|\s+di\s+|\s+(?:Regional|Perwakilan|Wilayah|Kampus|Cabang)\s+"
)

# National bodies as news names them -> (the name a party carries, its branch).
_NATIONAL: list[tuple[str, str, Branch]] = [
    (r"Kementerian\s+Dalam\s+Negeri|Kemendagri", "Kementerian Dalam Negeri", "executive"),
    (
        r"Kementerian\s+(?:Pendayagunaan\s+)?Aparatur\s+Negara(?:\s+dan\s+Reformasi\s+Birokrasi)?|"
        r"Kemen\s?PAN[\s-]*RB|Kemenpan(?:[\s-]*RB)?",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "executive",
    ),
    (r"Kementerian\s+Keuangan|Kemenkeu", "Kementerian Keuangan", "executive"),
    (r"Kementerian\s+Kesehatan|Kemenkes", "Kementerian Kesehatan", "executive"),
    (
        r"Kementerian\s+Desa(?:[\s,]+(?:Pembangunan|Daerah|Tertinggal|dan|Transmigrasi))*|"
        r"Kemendes(?:a)?(?:\s*PDTT)?",
        "Kementerian Desa",
        "executive",
    ),
    (r"Bappenas|Kementerian\s+PPN", "Bappenas", "executive"),
    (r"Lembaga\s+Administrasi\s+Negara|\bLAN\s+RI", "Lembaga Administrasi Negara", "executive"),
    (
        r"(?:Direktorat\s+Jenderal|Ditjen)\s+[A-Z][\w-]*(?:\s+(?:dan\s+)?[A-Z][\w-]*){0,3}",
        "",
        "executive",
    ),
    (r"Kementerian\s+[A-Z][\w-]*(?:\s+(?:dan\s+)?[A-Z][\w-]*){0,4}", "", "executive"),
    # "Kemenhub", "KemenPUPR", "Kemendikbudristek", "Kemenko PMK": a ministry's short name
    (
        r"Kem(?:en)?(?:hub|sos|ag|dikbud(?:ristek)?|diknas|dikdasmen|kumham|kominfo|komdigi|"
        r"parekraf|par|tan|perin|dag|kop(?:\s?UKM)?|pora|aker|naker|han|lu|ristek|hut|"
        r"\s?(?:PUPR|PPPA|ESDM|LHK|BUMN|ATR(?:/BPN)?)|ko\s+[A-Z]\w+)\b|KLHK",
        "",
        "executive",
    ),
    (r"Badan\s+Kepegawaian\s+Negara|BKN(?:\s+RI)?", "Badan Kepegawaian Negara", "executive"),
    (r"Badan\s+Pemeriksa\s+Keuangan|BPK\s+RI", "Badan Pemeriksa Keuangan", "other"),
    (
        r"Badan\s+Pengawasan\s+Keuangan\s+dan\s+Pembangunan|BPKP",
        "Badan Pengawasan Keuangan dan Pembangunan",
        "executive",
    ),
    (r"Komisi\s+Pemberantasan\s+Korupsi|KPK", "Komisi Pemberantasan Korupsi", "other"),
    (r"Ombudsman\s+(?:RI|Republik\s+Indonesia)", "Ombudsman RI", "other"),
    (r"Arsip\s+Nasional(?:\s+Republik\s+Indonesia)?|ANRI", "Arsip Nasional RI", "executive"),
    (r"Lembaga\s+Kebijakan\s+Pengadaan\s+Barang/Jasa\s+Pemerintah|LKPP", "LKPP", "executive"),
    (r"Badan\s+Nasional\s+Penanggulangan\s+Bencana|BNPB", "BNPB", "executive"),
    # training cohorts of national institutions on their study trips
    (r"Lembaga\s+Ketahanan\s+Nasional|Lemhannas(?:\s+RI)?", "Lemhannas RI", "executive"),
    (r"(?:Sespim(?:men|ti|ma)?|Lemdiklat)(?:\s+Polri)?", "Polri", "other"),
    (r"Sesko(?:ad|al|au|\s+TNI)", "TNI", "other"),
    (
        r"(?:Sekretariat\s+Jenderal\s+(?:dan\s+Badan\s+Keahlian\s+)?)?"
        r"(?:Komisi\s+[IVX]+\s+)?DPR[\s-]*RI|Komisi\s+[IVX]+\s+DPR\b(?!D)",
        "DPR RI",
        "legislative",
    ),
    (r"(?:Komite\s+[IVX]+\s+)?DPD[\s-]*RI", "DPD RI", "legislative"),
    (r"(?:(?:Sekretariat\s+Jenderal|Setjen)\s+)?MPR[\s-]*RI", "MPR RI", "legislative"),
    (
        r"Badan\s+(?:Pendidikan\s+dan\s+Pelatihan|Diklat)\s+Kejaksaan(?:\s+RI)?|"
        r"Kejaksaan\s+(?:Agung|RI)",
        "Kejaksaan RI",
        "other",
    ),
]
_NATIONAL_START = re.compile(
    r"\b(?:Kementerian|Kemen|Kemn|KLHK|Bappenas|Lembaga|LAN|Direktorat|Ditjen|Sekretariat|"
    r"Komisi|Komite|DPR|DPD|MPR|Setjen|Badan|Kejaksaan|BKN|BPK|KPK|Ombudsman|Arsip|ANRI|LKPP|BNPB|"
    r"Lemhannas|Sespim|Lemdiklat|Sesko)"
)
_NATIONAL_RE = re.compile("|".join(f"(?P<n{i}>{p})" for i, (p, _, _) in enumerate(_NATIONAL)))
# "Kementerian Pertanian Thailand", "Kementerian Komunikasi dan Multimedia Negara
# Malaysia": the words a ministry's name may put between it and its country
_COUNTRY_OF_BODY = re.compile(r"[ \t]*(?:(?:Negara|Republik|Kerajaan)[ \t]+)?")


def _foreign_names(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, country)`` of every capitalised country or city abroad in ``text``,
    the longest name at each place ("Korea Selatan", not "Korea")."""
    out: list[tuple[int, int, str]] = []
    end = 0
    for wm in _CAPITALISED.finditer(text):
        if wm.start() < end or wm.group().lower() not in _FOREIGN_FIRST:
            continue
        words = _WORDS_AHEAD.match(text, wm.start())
        assert words is not None
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", words.group())]
        for n in range(len(spans), 0, -1):
            b = wm.start() + spans[n - 1][1]
            country = _FOREIGN_KEYS.get(key(text[wm.start() : b]))
            if country is not None:
                out.append((wm.start(), b, country))
                end = b
                break
    return out


def _names_a_country(text: str, start: int, end: int, abroad_starts: list[int]) -> bool:
    """Whether a country's (or a city abroad's) name ends the body's name at
    ``start:end`` or follows it right after ("Kementerian Pertanian Thailand")."""
    i = bisect_left(abroad_starts, start)
    if i == len(abroad_starts):
        return False
    first = abroad_starts[i]
    if first < end:
        return True
    gap = _COUNTRY_OF_BODY.match(text, end)
    return gap is not None and gap.end() == first


_WORDS_AHEAD = re.compile(r"[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}")


def foreign_city(word: str) -> str | None:
    """The country of a city abroad the rules know ("Tokyo" -> "Japan"), else None."""
    return _FOREIGN_CITIES.get(" ".join(word.lower().split()))


@dataclass(frozen=True)
class Actor:
    """A party named in the text.

    Attributes:
        key: the region code ("35.10"), ``"foreign:<country>"`` or ``"national:<name>"``.
        start: where its words begin (a mention's prefix included).
        end: just past them.
        mention: the region mention, for a region.
        party: the party itself, for a country or a national body.
    """

    key: str
    start: int
    end: int
    mention: Mention | None = None
    party: Party | None = None


@dataclass
class Event:
    """One visit cue with the parties its sentence names.

    Attributes:
        start: where the cue stands.
        visitors: the delegations that went (empty when the sentence does not say).
        hosts: where they went, in text order.
        weight: what the event adds to the role scores of its parties.
    """

    start: int
    visitors: list[Actor] = field(default_factory=list)
    hosts: list[Actor] = field(default_factory=list)
    weight: float = 2.0


def find_actors(text: str, mentions: list[Mention], skip: list[tuple[int, int]]) -> list[Actor]:
    """Every party the text names outside ``skip``, in text order.

    Args:
        text: the article text.
        mentions: its region mentions that can be parties.
        skip: passages to ignore ("Baca juga" lines).

    Returns:
        The actors, sorted by position; overlapping matches keep the region.
    """
    actors = [
        Actor(m.region.code, m.prefix_start, m.end, mention=m)
        for m in mentions
        # "Forum Kepala Desa Kabupaten X": no village is named "Kabupaten X"
        if _EXPLICIT_PREFIX.match(text, m.prefix_start, m.start)
        or not _PLACE_BEFORE.search(text, max(0, m.prefix_start - 14), m.prefix_start)
    ]
    taken = {p for m in mentions for p in (m.prefix_start, m.start)}
    abroad = _foreign_names(text)
    abroad_starts = [a for a, _, _ in abroad]
    for a, b, country in abroad:
        if a in taken or in_spans(a, skip):
            continue
        word = text[a:b]
        party = Party(
            region=country, level="foreign", branch="executive", institution=f"Pemerintah {word}"
        )
        actors.append(Actor(f"foreign:{country}", a, b, party=party))
    end = 0
    written: dict[str, bool] = {}
    # the full pattern is tried only where one of its first words stands
    for tm in _NATIONAL_START.finditer(text):
        nm = _NATIONAL_RE.match(text, tm.start()) if tm.start() >= end else None
        if nm is None or in_spans(nm.start(), skip):
            continue
        end = nm.end()
        if _names_a_country(text, nm.start(), nm.end(), abroad_starts):
            # a ministry of another country is a body of that country, whose name
            # stays an actor of its own (LABELING: a host abroad is level foreign)
            continue
        i = int((nm.lastgroup or "n0")[1:])
        _, name, branch = _NATIONAL[i]
        surface = " ".join(nm.group().split())
        name = name or surface
        # the institution as the article names it (LABELING): the full name where the
        # text writes it out, else the words at hand ("Kemendagri", "LAN RI")
        if name not in written:
            pattern = r"\s+".join(map(re.escape, name.split()))
            written[name] = re.search(pattern, text, re.IGNORECASE) is not None
        institution = name if written[name] else surface
        party = Party(region=None, level="national", branch=branch, institution=institution)
        actors.append(Actor(f"national:{name}", nm.start(), nm.end(), party=party))
    actors.sort(key=lambda a: (a.start, -a.end))
    # "Badan Diklat Kejaksaan RI - Jakarta": the seat of a national body is no party
    seats = {
        b.start
        for a, b in pairwise(actors)
        if a.key.startswith("national:")
        and b.mention is not None
        and _SEAT_GAP.fullmatch(text, a.end, b.start)
    }
    return [a for a in actors if a.start not in seats]
