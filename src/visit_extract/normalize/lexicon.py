"""The words Indonesian news uses for dates, study visits and officials, in one place.

Every reader of these words takes them from here, so that a spelling added once is
understood everywhere: the date resolver (:mod:`visit_extract.normalize.dates`), the
title normaliser (:mod:`visit_extract.normalize.people`), the level hints of
:mod:`visit_extract.normalize.regions`, the rules backend (relevance, roles, dates,
kind, people) and the LLM backend's answer checks and post-processing.

The eval scorer keeps its own short list (:mod:`visit_extract.eval.scorers`), so that a
change here cannot move the yardstick.

The ``*_PATTERN`` and ``*_TERMS`` strings are regex sources (no capturing groups, no
flags) for callers to combine into their own expressions, compiled with
:data:`re.IGNORECASE`; :data:`KIND_TERMS` is compiled already.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "ACTING_TITLES",
    "HEAD_TITLES",
    "KIND_ORDER",
    "KIND_TERMS",
    "LEARNING_TERMS",
    "LEARNING_TRIP_TERMS",
    "MONTHS",
    "MONTH_PATTERN",
    "OFFICE_HEAD_ABBREVIATIONS",
    "PLAIN_WEEKDAY_PATTERN",
    "REGION_OFFICIAL_ABBREVIATIONS",
    "SECRETARY_TITLES",
    "STUDY_TERMS",
    "TITLE_ABBREVIATIONS",
    "WEEKDAYS",
    "WEEKDAY_PATTERN",
    "WORK_VISIT_TERMS",
    "alternation",
    "kind_of",
    "weekday_number",
]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that no word hides a longer one.

    Args:
        words: an iterable of literal words (spaces become ``\\s+``).

    Returns:
        ``(?:w1|w2|...)``.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) + ")"


# --- months ---------------------------------------------------------------------------

#: Every spelling of a month news uses -> its number: Indonesian and English names, the
#: old spellings still in print (Pebruari, Nopember), common misspellings (Febuari) and
#: the abbreviations of datelines and tables (Agt, Ags, Agst, Agus, Sept, Okt, Des...).
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "febuari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "december": 12, "dec": 12,
}  # fmt: skip
#: Any key of :data:`MONTHS` (match case-insensitively; an abbreviation may end in ".").
MONTH_PATTERN = alternation(MONTHS)

# --- weekdays -------------------------------------------------------------------------

#: Weekday names -> ``date.weekday()`` numbers (Monday is 0); "Ahad" is Sunday too.
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jumaat": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
}  # fmt: skip
# Friday is written "Jumat", "Jum'at" and "Jum’at" (a typographic apostrophe).
_FRIDAY = r"jum['’]?at|jumaat"
#: Any weekday name.
WEEKDAY_PATTERN = r"(?:senin|selasa|rabu|kamis|" + _FRIDAY + r"|sabtu|minggu|ahad)"
#: The weekdays that are no other common word: "minggu" is also "week" ("dua minggu",
#: "minggu depan"), so a search for *some* weekday in a text leaves it out.
PLAIN_WEEKDAY_PATTERN = r"(?:senin|selasa|rabu|kamis|" + _FRIDAY + r"|sabtu)"


def weekday_number(word: str) -> int | None:
    """The ``date.weekday()`` number of a weekday name in any spelling, else None."""
    return WEEKDAYS.get(word.lower().replace("'", "").replace("’", ""))


# --- study visits -----------------------------------------------------------------------

#: The LABELING.md ``kind`` codes, highest precedence first.
KIND_ORDER = ("studi_tiru", "studi_banding", "kunjungan_kerja")
_KIND_SOURCES = {
    "studi_tiru": r"stud[iy][\s-]*tiru|kaji[\s-]*tiru",
    "studi_banding": (
        r"stud[iy][\s-]*(?:banding|komparasi|komparatif|perbandingan)|kaji[\s-]*banding|"
        r"compara?tive\s*stud(?:y|ies)|komparati[fv]\s*stud[iy]|benchmark\w*"
    ),
    "kunjungan_kerja": r"kunjungan[\s-]*kerja|kunker|kunja",
}
#: The terms that decide each kind (LABELING.md "kind"), whole words; "-nya" may follow
#: ("kunjungan kerjanya") but no other word ("kunjungan kerjasama" is no working visit).
KIND_TERMS: dict[str, re.Pattern[str]] = {
    kind: re.compile(r"\b(?:" + source + r")(?:nya)?\b", re.IGNORECASE)
    for kind, source in _KIND_SOURCES.items()
}
#: Names of a visit made to learn, beyond the kinds: "studi terap", "studi eksplorasi".
STUDY_TERMS = (
    r"(?:stud[iy][\s-]*(?:banding|tiru|komparasi|komparatif|perbandingan|terap|eksplorasi)|"
    r"kaji[\s-]*(?:banding|tiru)|compara?tive\s*stud(?:y|ies)|komparati[fv]\s*stud[iy]|"
    r"benchmark\w*)"
)
#: Names of a working visit.
WORK_VISIT_TERMS = r"(?:kunjungan[\s-]*kerja|kunker|kunja)"
#: Idioms for going somewhere to learn ("menimba ilmu ke ...", "ngangsu kaweruh").
LEARNING_TERMS = (
    r"(?:(?:menimba|timba)\s+ilmu|berguru|ngangsu\s+kaweruh|mencuri\s+ilmu|city\s+sharing|"
    r"anjangsana)"
)
#: Other names of a trip made to learn: "studi lapangan", "kunjungan belajar", "lawatan
#: studi", "observasi ke". Students, researchers and sports teams use them too, so they
#: say less about the visitor than :data:`STUDY_TERMS` do. ("Kunjungan lapangan" and
#: "visitasi" are left out: ministers inspect and award juries assess under those names.)
LEARNING_TRIP_TERMS = (
    r"(?:stud[iy][\s-]*lapangan|kunjungan[\s-]*(?:belajar|edukatif|edukasi|studi)|"
    r"lawatan[\s-]*(?:studi|kerja)|study\s+(?:tour|visit)|observasi(?:[\s-]*lapangan)?\s+ke)"
)


def kind_of(text: str) -> tuple[str, re.Match[str] | None]:
    """The LABELING.md kind a text's wording gives, with the term that decides it.

    Args:
        text: an article, or a quote from one.

    Returns:
        ``(kind, match)``: the highest-precedence kind whose term occurs (its first
        occurrence), else ``("other", None)``.
    """
    for kind in KIND_ORDER:
        m = KIND_TERMS[kind].search(text)
        if m:
            return kind, m
    return "other", None


# --- titles -----------------------------------------------------------------------------

#: Acting-office prefixes as written -> their short form ("Plt. Bupati", "Penjabat Wali Kota").
ACTING_TITLES: dict[str, str] = {
    "plt": "Plt", "pelaksana tugas": "Plt", "pj": "Pj", "penjabat": "Pj", "pjs": "Pjs",
    "penjabat sementara": "Pjs", "plh": "Plh", "pelaksana harian": "Plh",
}  # fmt: skip
#: Heads of region and their deputies as written, abbreviations included -> the region
#: level the title implies ("Wabup Klaten" is the regency, "Walkot Magelang" the city).
HEAD_TITLES: dict[str, str] = {
    "bupati": "regency", "wakil bupati": "regency", "wabup": "regency",
    "wali kota": "city", "walikota": "city", "walkot": "city", "wakil wali kota": "city",
    "wakil walikota": "city", "wawali": "city", "wawalikota": "city", "wawalkot": "city",
    "gubernur": "province", "wakil gubernur": "province", "wagub": "province",
}  # fmt: skip
#: Regional secretaries whose abbreviation names the level; a bare "Sekda" names none.
SECRETARY_TITLES: dict[str, str] = {
    "sekdakab": "regency", "sekkab": "regency", "sekdakot": "city", "sekkot": "city",
    "sekdaprov": "province",
}  # fmt: skip
#: Heads of an office, abbreviated: "Kadis Pariwisata" is the Kepala Dinas Pariwisata.
OFFICE_HEAD_ABBREVIATIONS: dict[str, str] = {
    "kadis": "Kepala Dinas", "kaban": "Kepala Badan", "kabag": "Kepala Bagian",
    "kabid": "Kepala Bidang",
}  # fmt: skip
#: Titles news abbreviates to one word -> the short title (LABELING.md: "Wabup" ->
#: "Wakil Bupati", "Sekdakab" -> "Sekda", "Kadis" -> "Kepala Dinas").
TITLE_ABBREVIATIONS: dict[str, str] = {
    "wabup": "Wakil Bupati", "walkot": "Wali Kota", "wawali": "Wakil Wali Kota",
    "wawalikota": "Wakil Wali Kota", "wawalkot": "Wakil Wali Kota", "wagub": "Wakil Gubernur",
    "sekda": "Sekda", **dict.fromkeys(SECRETARY_TITLES, "Sekda"), "sekwan": "Sekretaris DPRD",
    **OFFICE_HEAD_ABBREVIATIONS, "kades": "Kepala Desa",
}  # fmt: skip
#: Abbreviations that name a regional-government official wherever they stand (a
#: relevance cue). Kaban, Kabag and Kabid are left out: police and companies use them too.
REGION_OFFICIAL_ABBREVIATIONS: tuple[str, ...] = tuple(
    a for a in TITLE_ABBREVIATIONS if a == "kadis" or a not in OFFICE_HEAD_ABBREVIATIONS
)
