"""People: names without honorifics and degrees, titles in their short form."""

from __future__ import annotations

import re
from functools import lru_cache

from visit_extract.normalize.gazetteer import gazetteer, key
from visit_extract.normalize.lexicon import ACTING_TITLES, TITLE_ABBREVIATIONS, alternation
from visit_extract.normalize.offices import short_offices

__all__ = ["clean_name", "normalize_title"]

# Honorifics before a name and academic/professional degrees after it, compared on
# their key (lower case, no dots): "Hj." and "HJ" are the same.
_HONORIFICS = {
    "h", "hj", "hm", "hc", "drs", "dra", "dr", "ir", "prof", "kh", "ust", "ustadz", "ustaz",
    "drg", "dokter", "tuan", "nyonya", "ny", "bapak", "pak", "ibu", "bu", "sdr", "saudara",
    "kiai", "kyai", "habib", "rm", "mr", "mrs", "ms", "letkol", "kolonel", "brigjen",
    "mayjen", "irjen", "kombes", "akbp", "profesor",
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
        if key(tok) in _HONORIFICS:
            split.append(tok)  # "H.M." is "HM"
        elif i < 2 and len(pieces) > 1 and key(pieces[0]) in _HONORIFICS:
            split.extend(pieces)
        else:
            split.append(tok)
    tokens = split
    while tokens and key(tokens[0]) in _HONORIFICS and len(tokens) > 1:
        tokens.pop(0)
    # A degree is dotted or not in title case ("S.Sos", "MM", "MSi"); "Se" may be a name.
    while len(tokens) > 1:
        if key(tokens[-1]) in _DEGREES and ("." in tokens[-1] or not tokens[-1].istitle()):
            tokens.pop()
        elif (
            len(tokens) > 2
            and len(key(tokens[-2])) == 1
            and key(tokens[-2] + tokens[-1]) in _DEGREES
        ):
            del tokens[-2:]  # a degree written apart: "Alfian S Sos", "Budi S Pd"
        else:
            break
    out = []
    for tok in tokens:
        tok = tok.strip(".;:\"'()")
        if tok:
            out.append(tok)
    return " ".join(out)


# Titles written out, as a whole title -> the short title; with the lexicon's
# abbreviations, looked up on their key ("Wakil  Bupati", "WAKILBUPATI").
_WHOLE_TITLES: dict[str, str] = {
    "bupati": "Bupati", "wakil bupati": "Wakil Bupati", "walikota": "Wali Kota",
    "wakil walikota": "Wakil Wali Kota", "gubernur": "Gubernur",
    "wakil gubernur": "Wakil Gubernur", "sekretaris daerah": "Sekda",
    "kepala desa": "Kepala Desa", "perbekel": "Kepala Desa", "lurah": "Lurah", "camat": "Camat",
    "sekretaris dprd": "Sekretaris DPRD", "ketua dprd": "Ketua DPRD",
    "wakil ketua dprd": "Wakil Ketua DPRD", "waka dprd": "Wakil Ketua DPRD",
}  # fmt: skip
_TITLE_ABBREV = {key(w): t for w, t in {**_WHOLE_TITLES, **TITLE_ABBREVIATIONS}.items()}
# Inside a longer title: "Plt. Kadis Pariwisata", "Pj Sekdakab".
_ACTING = re.compile(r"\b(" + alternation(ACTING_TITLES) + r")\.?(?=\s|$)", re.IGNORECASE)
_ABBREVIATED = re.compile(r"\b(" + alternation(TITLE_ABBREVIATIONS) + r")\b", re.IGNORECASE)
_TITLE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), r)
    for p, r in [
        (r"\bwali\s*kota\b|\bwalikota\b", "Wali Kota"),
        (r"\bsekretaris\s+daerah\b", "Sekda"),
        # "Sekretaris Kota Tomohon", "Sekretaris Kabupaten Aceh Besar" (Sekkot, Sekkab)
        (r"^((?:(?:Plt|Plh|Pjs?)\s+)?)sekretaris\s+(?=(?:kabupaten|kota|provinsi)\b)", r"\1Sekda "),
        (r"\bass?ek\s+([ivx]+|\d)\b", r"Asisten \1 Sekda"),  # Asisten Sekda
        (r"\bkadin\b(?=\s+\w)", "Kepala Dinas"),
        (r"\bwaka\b(?=\s+dprd)", "Wakil Ketua"),
        (r"\bketua\s+dprd\b", "Ketua DPRD"),
        # the council and its bodies spelt out: "Ketua Panitia Khusus II Dewan Perwakilan
        # Rakyat Daerah" is the "Ketua Pansus II DPRD"
        (r"\bdewan\s+perwakilan\s+rakyat\s+daerah\b", "DPRD"),
        (r"\bdewan\s+perwakilan\s+rakyat\b", "DPR"),
        (r"\bpanitia\s+khusus\b", "Pansus"),
        (r"\bbadan\s+musyawarah\b", "Banmus"),
        (r"\bbadan\s+anggaran\b", "Banggar"),
        (r"\bbadan\s+pembentukan\s+(?:peraturan\s+daerah|perda)\b", "Bapemperda"),
        # the national houses are the Republic's: "Wakil Ketua DPR RI" is the "Wakil Ketua DPR"
        (r"\b(DPR|DPD|MPR)\s+RI\b", r"\1"),
    ]
]
# Where the region starts inside a title: "Bupati Banyuwangi", "Kepala Dinas
# Pariwisata Kota Makassar", "Wakil Ketua DPRD Kukar".
_TITLE_REGION = re.compile(
    r"(?<!wali)\s+(?:kabupaten|kab\.?|kota|provinsi|prov\.?|pemkab|pemkot|pemprov|pemerintah)"
    r"(?:\s|$).*$",
    re.IGNORECASE,
)
# The secretariat or the ministry an official serves in, after the title: "Asisten II
# Setda", "Dirjen Bina Keuangan Daerah Kemendagri" (like the region, no part of it).
_TITLE_OFFICE = re.compile(
    r"\s+(?:Setda|Setdakab|Setdakot|Setdaprov|Setkab|Setkot|Sekretariat\s+Daerah|"
    r"Kemen[a-z]+(?:[\s-]*[A-Z]{2,})?|Kementerian\s.*|Ditjen\s.*)(?:\s+RI)?$",
    re.IGNORECASE,
)
# The heads of a village or a district, named with their place: "Kepala Desa Sukamaju"
_HEAD_OF_PLACE = re.compile(
    r"^((?:(?:Plt|Plh|Pjs?)\s+)?(?:Kepala\s+(?:Desa|Kampung|Gampong|Pekon|Lembang)|Perbekel|"
    r"Kades|Lurah|Camat|Wali\s+Nagari|[GK]euchik|Sekretaris\s+(?:Desa|Camat)|Sekdes|Sekcam))"
    r"\s.*$",
    re.IGNORECASE,
)
# The region between an adviser's head and field: "Staf Ahli Bupati Klaten Bidang Ekonomi"
_ADVISER_REGION = re.compile(
    r"^(.*?\bStaf\s+Ahli\s+(?:Bupati|Wali\s*Kota|Gubernur))(?:\s+[A-Z][\w'-]*){1,3}"
    r"(?=\s+Bidang\b)",
)
# "Sekwan DPRD" spelt out says "DPRD" twice; "RI" after a national post is the Republic
_TWICE = re.compile(r"\b(DPRD)\s+DPRD\b")
_REPUBLIC = re.compile(r"\s+RI$")
_HEAD_ONLY = re.compile(r"(?:^\S+|\b(?:Kepala|Kantor|Biro|Bagian|Sekretaris))$", re.IGNORECASE)
_SMALL = {"dan", "serta", "dari", "untuk", "urusan", "atas", "di"}


def _drop_trailing_region(text: str) -> str:
    """The title without a region named at its end without prefix ("Bupati Banyuwangi",
    "DPRD Kukar")."""
    tokens = text.split()
    gaz = gazetteer()
    for n in range(min(len(tokens) - 1, gaz.max_tokens), 0, -1):
        tail = key(" ".join(tokens[-n:]))
        if tail in gaz.all_keys or tail in gaz.province_keys:
            return " ".join(tokens[:-n])
    return text


# An article names the same few people again and again ("Bupati X" in every other
# paragraph): three calls in four repeat an earlier title, and each costs some twenty
# substitutions. Bounded, so a long batch keeps its memory.
@lru_cache(maxsize=4096)
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
    text = " ".join(short_offices(" ".join(title.split())).replace(",", " ").split())
    if not text:
        return ""
    text = _HEAD_OF_PLACE.sub(r"\1", text)
    whole = _TITLE_ABBREV.get(key(text))
    if whole:
        return whole
    text = _ACTING.sub(lambda m: ACTING_TITLES[" ".join(m.group(1).lower().split())], text)
    text = _ABBREVIATED.sub(lambda m: TITLE_ABBREVIATIONS[m.group(1).lower()], text)
    for pattern, repl in _TITLE_WORDS:
        text = pattern.sub(repl, text)
    text = _ADVISER_REGION.sub(r"\1", _TWICE.sub(r"\1", text))
    text = _TITLE_REGION.sub("", text)
    # the secretariat may stand before the region ("Asisten III Setda Kebumen"): twice
    for _ in range(2):
        bare = _TITLE_OFFICE.sub("", text)
        if bare != text and not _HEAD_ONLY.search(bare):
            text = bare  # not "Kepala Kemenag": there the office is the unit
        text = _REPUBLIC.sub("", _drop_trailing_region(text))
    tokens = text.split()
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
