"""Regions: a place as news names it -> the Kemendagri region; countries -> English names.

* :func:`normalize_region`: "Pemkab OKU Timur", "Tapsel", "Kota Bandung", "Sumsel" -> the
  :class:`~visit_extract.normalize.gazetteer.Region` (source list and aliases in
  :mod:`visit_extract.normalize.gazetteer`).
* :func:`normalize_country`: an Indonesian or English country name -> English name.
"""

from __future__ import annotations

import re

from visit_extract.normalize.gazetteer import Region, gazetteer, key
from visit_extract.normalize.lexicon import HEAD_TITLES, SECRETARY_TITLES, alternation

__all__ = ["COUNTRY_NAMES", "Region", "normalize_country", "normalize_region", "region_hint"]

# Words in front of a place name, and which level each one implies; the titles of a
# region's head, deputy and secretary come from the lexicon.
_LEVEL_WORDS: dict[str, str] = {
    **{key(w): level for w, level in {**HEAD_TITLES, **SECRETARY_TITLES}.items()},
    **dict.fromkeys(["pemkab", "kabupaten", "kab"], "regency"),
    **dict.fromkeys(["pemkot", "kota", "kotaadministrasi", "pemkota"], "city"),
    **dict.fromkeys(["pemprov", "provinsi", "prov", "propinsi", "pemerintahprovinsi"], "province"),
}
_HEADS = alternation(HEAD_TITLES)
_LEAD = re.compile(
    r"^(?:(?P<w>pemerintah(?:an)?|pemkab|pemkot|pemprov|pemda|pemdes|dprd|dprk|setda|setwan|"
    r"kabupaten\s+administrasi|kota\s+administrasi|kabupaten|kab|kota|provinsi|propinsi|prov|"
    + _HEADS
    + "|"
    + alternation(["sekda", *SECRETARY_TITLES])
    + r"|daerah)\b\.?[\s,]*)",
    re.IGNORECASE,
)
_REGENCY_CUE = re.compile(
    r"\b(?:pemkab|" + alternation(w for w, lv in HEAD_TITLES.items() if lv == "regency") + r")\b"
)
_CITY_CUE = re.compile(
    r"\b(?:pemkot|" + alternation(w for w, lv in HEAD_TITLES.items() if lv == "city") + r")\b"
)
_PAREN = re.compile(r"\s*\([^)]*\)")
_PROV_SPLIT = re.compile(r"(?:,|\s+)\s*(?:provinsi|prov\.?|propinsi)\s+", re.IGNORECASE)


def _hint_of(word: str) -> str | None:
    return _LEVEL_WORDS.get(key(word))


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
        r"\b(pemkab|kabupaten|kab\.?|pemkot|kota|pemprov|provinsi|" + _HEADS + r")\s+"
        r"(?:administrasi\s+)?" + name + r"\b",
        re.IGNORECASE,
    )
    for m in pattern.finditer(context):
        hint = _hint_of(m.group(1))
        if hint:
            votes[hint] += 3
    # Weaker, general cues: a regency's people are bupati, a city's wali kota.
    low = context.lower()
    votes["regency"] += len(_REGENCY_CUE.findall(low))
    votes["city"] += len(_CITY_CUE.findall(low))
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
    "polandia": "Poland", "ceko": "Czech Republic", "hungaria": "Hungary",
    "portugal": "Portugal", "yunani": "Greece", "irlandia": "Ireland",
    "islandia": "Iceland", "luksemburg": "Luxembourg", "skotlandia": "United Kingdom",
    "meksiko": "Mexico", "argentina": "Argentina", "chili": "Chile", "kolombia": "Colombia",
    "afrika selatan": "South Africa", "nigeria": "Nigeria", "ethiopia": "Ethiopia",
    "tanzania": "Tanzania", "iran": "Iran", "irak": "Iraq", "yordania": "Jordan",
    "kuwait": "Kuwait", "bahrain": "Bahrain", "oman": "Oman", "bangladesh": "Bangladesh",
    "sri lanka": "Sri Lanka", "nepal": "Nepal", "mongolia": "Mongolia",
    "papua nugini": "Papua New Guinea", "fiji": "Fiji", "uzbekistan": "Uzbekistan",
    "kazakhstan": "Kazakhstan", "korea utara": "North Korea",
}  # fmt: skip
_COUNTRY_KEYS = {key(k): v for k, v in _COUNTRIES.items()}
#: Every country name :func:`normalize_country` knows, as written (lower case).
COUNTRY_NAMES: tuple[str, ...] = tuple(_COUNTRIES)


def normalize_country(mention: str) -> str | None:
    """English name of a country named in Indonesian or English ("Jepang" -> "Japan").

    Args:
        mention: the country as written ("Korea Selatan", "negara Jepang").

    Returns:
        The English name, or None when the mention is not a known country.
    """
    text = re.sub(r"^(?:negara|negeri)\s+", "", mention.strip(), flags=re.IGNORECASE)
    return _COUNTRY_KEYS.get(key(text))
