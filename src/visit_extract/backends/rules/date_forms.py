"""Date forms: the regular expressions that find dates as Indonesian news writes them.

Weekdays with their days ("Senin (2/3)", "Senin sore, 2 Maret 2020"), ranges ("2-4
Maret", "Senin s/d Rabu tanggal 2 s/d 4 Maret", "29/2-1/3"), months, last week or month,
today and yesterday; and the forms that give a date's last day right after it ("hingga
Rabu (4/3)", "- Rabu (4/3)", "hingga Sabtu", "dan Jumat (6/3)"). What each date means
for the visit is :mod:`~visit_extract.backends.rules.date_mentions`' business.

The patterns use bounded repeats only, and one look-ahead spares the alternatives at
every space: dates are where catastrophic backtracking bit this project before
(tests/backends/rules/test_linear_time.py watches the whole pipeline).
"""

from __future__ import annotations

import re

from visit_extract.normalize.lexicon import MONTH_PATTERN, WEEKDAY_PATTERN

_I = re.IGNORECASE

_MONTHS = MONTH_PATTERN + r"\.?"
_WEEKDAY = WEEKDAY_PATTERN
_DASH = r"\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan)\s*"
# what joins two weekdays before their days: "Senin-Rabu", "Senin hingga Rabu (2-4/3)"
_PAIR = r"(?:[-–]|hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|dan)"
# a list of days before the last: "14, 15 dan 16 Maret"
_LISTED = r"(?:\s*,\s*\d{1,2}){0,6},?"
# what may stand between a weekday and its date: a time of day ("Senin sore (2/3)",
# "Jumat malam, 6 Maret"), "lalu", "kemarin", "pekan lalu" ("Sabtu lalu (29/2)"), "tanggal"
_WD_GAP = (
    r"(?:\s+(?:pagi|siang|sore|malam|petang|dini\s+hari|lalu|kemarin|(?:pekan|minggu)\s+lalu))?"
    r"\s*,?\s*(?:(?:hari\s+)?(?:tanggal|tgl\.?)\s*)?"
)
# a weekday with what may follow it before its date
_WD = r"\b" + _WEEKDAY + _WD_GAP
# a weekday, or two joined ("Senin-Rabu", "Senin s/d Rabu"), before the day(s)
_WD_SPAN = r"(?:\b" + _WEEKDAY + r"\s*(?:" + _PAIR + r"\s*" + _WEEKDAY + r"\s*)?" + _WD_GAP + r")?"
# a day word that another date right after it makes redundant ("kemarin (18/3)")
_NO_DATE_NEXT = r"(?!\s*,?\s*(?:" + _WEEKDAY + r"\b|\(?\s*\d))"
#: Every written date that may be a visit's, weekday and range included.
DATE_RE = re.compile(
    # every date starts at a bracket, a digit or the first letter of a word (each
    # alternative below that starts with a letter starts with \b): the look-ahead spares
    # them at every space, punctuation mark and letter inside a word
    r"(?=[(\d]|\b\w)(?:"
    # "Sabtu-Minggu (29/2-1/3)", "2/3/2020 - 4/3/2020": a range written in numbers
    + _WD_SPAN
    + r"\(?\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*[-–—]\s*\d{1,2}\s*/\s*\d{1,2}"
    r"(?:\s*/\s*\d{2,4})?\s*\)?(?![\d/])|"
    r"(?:"
    + _WD
    + r")?\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|"
    + _WD_SPAN
    + r"\(?\s*\d{1,2}(?:"
    + _DASH
    + r"\d{1,2})?\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\)?(?![\d/])|"
    # "Selasa-Rabu, 9-10 Mei 2023": a range of weekdays before a range of days
    + _WD_SPAN
    + r"\b\d{1,2}(?:\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?|"
    + _LISTED
    + r")"
    + _DASH
    + r"\d{1,2}\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?\b|"
    # ("Senin (2 Maret 2020)": the weekday's bracket around a day in words)
    r"(?:"
    + _WD
    + r"(?:\(\s*)?)?\b\d{1,2}(?:\s*,\s*\d{1,2}){0,6}\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?\b|"
    r"(?:" + _WD + r")?\b\d{1,2}-\d{1,2}-\d{4}\b|"
    # a month ("akhir Maret 2020", "Maret lalu"), a day with its month first ("Maret 14,
    # 2019"); one look-ahead spares the month names at every other word
    r"\b(?=\w+\.?\s+(?:(?:tahun\s+)?\d{4}\b|\d{1,2},|(?:yang\s+)?(?:lalu|kemarin)\b)|"
    r"(?:awal|pertengahan|akhir|bulan)\s)"
    r"(?:(?:awal|pertengahan|akhir)\s+)?(?:bulan\s+)?"
    + _MONTHS
    + r"\s+(?:(?:tahun\s+)?\d{4}|\d{1,2},\s*\d{4}|(?:yang\s+)?(?:lalu|kemarin))\b|"
    # last week or month ("pekan lalu", "bulan kemarin", "Minggu lalu"; "hari Minggu lalu"
    # is a Sunday) (with its count: "dua pekan lalu" is no week the text pins down)
    r"(?<!hari\s)\b(?:(?:satu|dua|tiga|empat|beberapa|\d+)\s+)?(?:se)?(?:minggu|pekan|bulan)"
    r"\s+(?:yang\s+)?(?:lalu|kemarin)\b|"
    # today: "hari ini", "pagi tadi", "tadi siang"
    r"\b(?:hari\s+ini|(?:pagi|siang|sore)\s+tadi|tadi\s+(?:pagi|siang|sore))\b"
    + _NO_DATE_NEXT
    + "|"
    # ("Kamis dua pekan lalu" is no day the text pins down)
    r"\b" + _WEEKDAY + r"\b(?!\s+(?:dua|tiga|empat|beberapa|\d+)\s+(?:pekan|minggu)\b)"
    # ("tahun kemarin" is last year, no day)
    r"(?:\s+(?:(?:pekan|minggu)\s+)?lalu|\s+kemarin)?|(?<!tahun\s)\bkemarin\b)",
    _I,
)
# "hingga [hari] [Rabu,] <date>": the last day of a visit
_UNTIL = (
    r"(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s+(?:hari\s+)?(?:" + _WEEKDAY + r"\s*,?\s*)?"
)
_DAY_MONTH = r"\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?"
#: Right after a date: its last day (group 1).
END_RE = re.compile(
    r"\s*(?:\w+\s+){0,3}?"
    + _UNTIL
    + r"(\(?\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)?|"
    + _DAY_MONTH
    + ")",
    _I,
)
# "Senin (2/3) - Rabu (4/3)": a dash straight after a date, then the last day
DASH_END = re.compile(
    r"\s*[-–—]\s*(?:"
    + _WEEKDAY
    + r"\s*,?\s*)?(\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|"
    + _DAY_MONTH
    + r")",
    _I,
)
# "Kamis (14/3) hingga Sabtu": a last day named by its weekday alone
END_WEEKDAY = re.compile(
    r"\s*(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|[-–])\s*(?:hari\s+)?("
    + _WEEKDAY
    + r")\b"
    + _NO_DATE_NEXT,
    _I,
)
# "... dan Jumat (12/5)": a second day right after a date
AND_NEXT = re.compile(
    r"\s*dan\s+(?:" + _WEEKDAY + r"\s*,?\s*)?(\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\))",
    _I,
)
#: "hingga [Rabu] <date>" anywhere: the last day of a visit, read after its first day.
END_ANY = re.compile(
    r"\b" + _UNTIL + r"(\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|" + _DAY_MONTH + ")", _I
)
