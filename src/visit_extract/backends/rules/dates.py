"""Dates: the day (or days) of the visit, out of all the dates an article gives.

The first date in a sentence about the visit wins, skipping a header's publication
stamp and the dates of other events (a launch, an award, an inspection); a range, a
later "hingga <day>" or a later range from the same day gives the last day.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.mentions import in_spans
from visit_extract.normalize import resolve_date
from visit_extract.normalize.lexicon import MONTH_PATTERN, WEEKDAY_PATTERN

_I = re.IGNORECASE

_MONTHS = MONTH_PATTERN + r"\.?"
_WEEKDAY = WEEKDAY_PATTERN
_DASH = r"\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan)\s*"
_DATE_RE = re.compile(
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|"
    r"(?:\b"
    + _WEEKDAY
    + r"\s*(?:-\s*"
    + _WEEKDAY
    + r"\s*)?,?\s*)?\(?\s*\d{1,2}(?:"
    + _DASH
    + r"\d{1,2})?\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\)?(?![\d/])|"
    r"(?:\b"
    + _WEEKDAY
    + r"\s*,?\s*)?\b\d{1,2}(?:\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?)?"
    + _DASH
    + r"\d{1,2}\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?\b|"
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\b\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?\b|"
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\b\d{1,2}-\d{1,2}-\d{4}\b|"
    r"\b" + _WEEKDAY + r"\b(?:\s+(?:lalu|kemarin))?|\bkemarin\b",
    _I,
)
# "hingga [hari] [Rabu,] <date>": the last day of a visit
_UNTIL = (
    r"(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s+(?:hari\s+)?(?:" + _WEEKDAY + r"\s*,?\s*)?"
)
_DAY_MONTH = r"\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?"
_END_RE = re.compile(
    r"\s*(?:\w+\s+){0,3}?"
    + _UNTIL
    + r"(\(?\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)?|"
    + _DAY_MONTH
    + ")",
    _I,
)
_OTHER_EVENT = re.compile(
    r"\b(?:dilaunching|diluncurkan|diresmikan|launching|peluncuran|dicanangkan|dibentuk|"
    r"didirikan|diraih|meraih|penghargaan|sejak|"
    # an inspection is never the study visit (LABELING.md), whoever made it
    r"sidak|inspeksi\s+mendadak)\b[^.]*$",
    _I,
)
_END_ANY = re.compile(
    r"\b" + _UNTIL + r"(\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|" + _DAY_MONTH + ")", _I
)
_DATE_CUE = re.compile(
    r"\b(?:stud[iy]|kunjungan|kunker|kunja|berkunjung|mengunjungi|datang|tiba|diterima|"
    r"disambut|menerima|menyambut|sambut|rombongan|belajar|benchmarking|dipimpin|kaji|"
    r"penandatanganan|menandatangani|bertolak|berangkat|mempelajari|hadir|workshop|"
    r"pertemuan|audiensi|konsultasi|anjangsana|melaksanakan|melakukan|melihat|kegiatan|"
    r"acara|bertempat|dihelat|digelar|berlangsung|ruang|aula|pendopo)",
    _I,
)
# A header line is short; longer lines are prose, whatever their whitespace.
_LONG_LINE = 1000
_HEADER_LINE = re.compile(r"\b(?:WIB|WITA|WIT)\b|\d{1,2}[:.]\d{2}|^\W*" + _WEEKDAY + r"\b,", _I)


def find_dates(ctx: Context) -> None:
    """Stage: ``ctx.start_date``, ``ctx.end_date`` and where the start date stands."""
    ctx.start_date, ctx.end_date, ctx.date_span = visit_dates(ctx)


def visit_dates(ctx: Context) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The visit's dates: the first date in a sentence about the visit.

    Args:
        ctx: the article's context.

    Returns:
        ``(start, end, span of the start date)``, all None when no date qualifies.
    """
    text, skip, published = ctx.text, ctx.skip, ctx.published
    # Positions found once, then looked up per date by binary search: a scan of the
    # line or sentence per date would be quadratic in a text without line breaks.
    newlines = [m.start() for m in re.finditer("\n", text)]
    cues = [m.span() for m in _DATE_CUE.finditer(text)]
    found: list[tuple[int, int, str | None, str | None, bool]] = []
    for m in _DATE_RE.finditer(text):
        if in_spans(m.start(), skip):
            continue
        i = bisect_left(newlines, m.start())
        line_a = newlines[i - 1] + 1 if i else 0
        j = bisect_left(newlines, m.end())
        line_b = newlines[j] if j < len(newlines) else len(text)
        # a header date ("Kamis, 3 Maret 2022, 09:15 WIB") is the publication's
        if line_b - line_a < _LONG_LINE:
            line = text[line_a:line_b]
            if len(line.strip()) < 70 and _HEADER_LINE.search(line) and not _DATE_CUE.search(line):
                continue
        # the date of another event: "program yang dilaunching menteri, Selasa (31/5)"
        if _OTHER_EVENT.search(text, max(0, m.start() - 80), m.start()):
            continue
        # "10-05-2017 <headline>": a publication stamp opening a line
        if m.start() == line_a and re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}", m.group()):
            continue
        sa, sb = ctx.sentence_of(m.start())
        k = bisect_left(cues, (sa, sa))
        cue = k < len(cues) and cues[k][1] <= sb
        expr = m.group()
        end_m = _END_RE.match(text, m.end())
        if end_m:
            expr = expr + " hingga " + end_m.group(1)
        start, end = resolve_date(expr, published)
        if start is None and end is None:
            continue
        # a bare weekday counts only next to the visit's own words
        if not cue and not re.search(r"\d", expr):
            continue
        found.append((m.start(), end_m.end() if end_m else m.end(), start, end, cue))
    if not found:
        return None, None, None
    # the first date in a sentence about the visit, else the first full date
    first = next((f for f in found if f[4]), found[0])
    found = [f for f in found if f[0] >= first[0]]
    a, b, start, end, _ = first
    if start is None:
        return None, None, None
    # A later range that starts on the same day gives the last day ("Rabu (4/9/2024) ...
    # rangkaian acara 4–6 September 2024").
    if end is None:
        for _, _, s2, e2, _ in found[1:]:
            if e2 and s2 and s2[-5:] == start[-5:]:
                end = e2
                break
    # "Mereka berada di Banyuwangi selama tiga hari hingga Rabu (27/2)" later on
    if end is None:
        for em in _END_ANY.finditer(text, b, b + 1500):
            if in_spans(em.start(), skip):
                continue
            _, e2 = resolve_date("hingga " + em.group(1), published)
            if e2 and len(e2) == len(start) and _days_after(start, e2):
                end = e2
                break
    # Without a publication date, a year written elsewhere for the same day completes
    # "--05-03" ("Rabu (3/5)" ... "Rabu (3/5/2017) malam").
    if start.startswith("--"):
        for _, _, s2, _, _ in found[1:]:
            if s2 and len(s2) == 10 and s2[4:] == start[1:]:
                year = s2[:4]
                start = year + start[1:]
                if end and end.startswith("--"):
                    end = year + end[1:]
                break
    return start, end, (a, b)


def _days_after(start: str, end: str) -> bool:
    """Whether ``end`` is 1 to 14 days after ``start`` (both YYYY-MM-DD or both --MM-DD)."""
    try:
        if start.startswith("--"):
            a, b = (
                date(2000, int(start[2:4]), int(start[5:7])),
                date(2000, int(end[2:4]), int(end[5:7])),
            )
        else:
            a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return False
    return 1 <= (b - a).days <= 14
