"""Dates: Indonesian date expressions -> the LABELING.md date forms."""

from __future__ import annotations

import re
from datetime import date, timedelta

from visit_extract.normalize.lexicon import (
    MONTH_PATTERN,
    MONTHS,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    weekday_number,
)

__all__ = ["MONTHS", "WEEKDAYS", "published_from_url", "resolve_date"]

_DASH = r"\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|sd)\s*"

_RE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_RE_DASHED = re.compile(r"(?<![\d/-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d/])")
_RE_NUM_RANGE = re.compile(
    r"(?<![\d/])(\d{1,2})" + _DASH + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"
)
# "14 Maret", "14-16 Maret 2019", and a list of days: "14, 15 dan 16 Maret"
_RE_WORD_DATE = re.compile(
    r"(?<!\d)(\d{1,2})(?:\s*,\s*(?P<listed>\d{1,2})){0,6}"
    r"(?:\s*,?\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan)\s*(\d{1,2}))?"
    r"\s+(" + MONTH_PATTERN + r")\.?(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
)
# the month first, English-style: "Maret 14, 2019", "March 14, 2019"
_RE_MONTH_DAY = re.compile(r"\b(" + MONTH_PATTERN + r")\.?\s+(\d{1,2}),\s*(\d{4})\b", re.IGNORECASE)
# "Maret lalu", "bulan Maret lalu": the last such month up to publication
_RE_LAST_MONTH = re.compile(
    r"\b(" + MONTH_PATTERN + r")\.?\s+(?:yang\s+)?(?:lalu|kemarin)\b", re.IGNORECASE
)
# earlier the same day: "pagi tadi", "tadi siang"
_RE_EARLIER_TODAY = re.compile(
    r"\b(?:(?:pagi|siang|sore)\s+tadi|tadi\s+(?:pagi|siang|sore))\b", re.IGNORECASE
)
_RE_WORD_RANGE = re.compile(
    r"(?<!\d)(\d{1,2})\s+("
    + MONTH_PATTERN
    + r")\.?(?:\s+(\d{4}))?"
    + _DASH
    + r"(\d{1,2})\s+("
    + MONTH_PATTERN
    + r")\.?(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
)
_RE_MONTH_YEAR = re.compile(r"\b(" + MONTH_PATTERN + r")\.?\s+(\d{4})\b", re.IGNORECASE)
_RE_YEAR = re.compile(r"\b(?:tahun\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
_RE_WEEKDAY = re.compile(
    r"\b(" + WEEKDAY_PATTERN + r")\b(\s+(?:lalu|kemarin))?(\s+(?:pekan|minggu)\s+lalu)?",
    re.IGNORECASE,
)
# "29/2-1/3": a range across two months, written with both months ("2/3/2020 - 4/3/2020":
# and the year on both days)
_RE_NUM_SPAN = re.compile(
    r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?\s*[-–—]\s*(\d{1,2})/(\d{1,2})"
    r"(?:/(\d{4}|\d{2}))?(?![\d/])"
)
_RE_END = re.compile(r"\b(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\b", re.IGNORECASE)
# "7/6/ 2022", "7 / 6": spaces a writer left around the slashes of a numeric date
_RE_SLASH_GAP = re.compile(r"(?<=\d)\s*/\s*(?=\d)")
# a year written out: four digits, or two after a day/month ("9/2/21")
_RE_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\d/\d{1,2}/\d{2}\b")
# "pekan lalu", "Minggu lalu" (last week), "bulan lalu" or "kemarin"; "dua minggu lalu" is no week
# the text pins down, and "hari Minggu lalu" is a Sunday
_RE_LAST = re.compile(
    r"(?<!hari )\b(?:se|(satu|dua|tiga|empat|beberapa|\d+)\s+)?(minggu|pekan|bulan)\s+"
    r"(?:yang\s+)?(?:lalu|kemarin)\b",
    re.IGNORECASE,
)
# "Kamis dua pekan lalu", "Senin beberapa minggu lalu": a weekday some weeks back
_RE_WEEKS_AGO = re.compile(
    r"\s+(?:dua|tiga|empat|beberapa|\d+)\s+(?:pekan|minggu)\s+(?:yang\s+)?lalu\b", re.IGNORECASE
)
# a URL path that dates the article: /2018/07/12/ or /2018-07-12/
_RE_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_.]|\D)")


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _fmt(day: int, month: int, year: int | None, published: date | None) -> str | None:
    """ISO form of a day, filling a missing year from ``published``.

    A year later than the one after publication is a typo ("20/2/3025" in a 2025
    article) and is read as missing.
    """
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is not None and published is not None and year > published.year + 1:
        year = None
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
    target = weekday_number(name)
    if target is None:
        return None
    delta = (published.weekday() - target) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return (published - timedelta(days=delta)).isoformat()


def _first_date(expr: str, published: date | None) -> tuple[str | None, str | None, int]:
    """The first date or range in ``expr``: (start, end, position), end may be None."""
    found: list[tuple[int, str | None, str | None]] = []
    m = _RE_NUM_SPAN.search(expr)
    if m:
        y2 = _year(m.group(5))
        m1, m2 = int(m.group(2)), int(m.group(4))
        y1 = y2 - 1 if y2 is not None and m1 > m2 else y2
        found.append(
            (
                m.start(),
                _fmt(int(m.group(1)), m1, y1, published),
                _fmt(int(m.group(3)), m2, y2, published),
            )
        )
    m = _RE_WORD_RANGE.search(expr)
    if m:
        y2 = _year(m.group(6))
        m1, m2 = MONTHS[m.group(2).lower()], MONTHS[m.group(5).lower()]
        # "28 Desember - 3 Januari 2019": the start is in the year before
        y1 = _year(m.group(3)) or (y2 - 1 if y2 is not None and m1 > m2 else y2)
        found.append(
            (
                m.start(),
                _fmt(int(m.group(1)), m1, y1, published),
                _fmt(int(m.group(4)), m2, y2, published),
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
        month = MONTHS[m.group(4).lower()]
        year = _year(m.group(5))
        start = _fmt(int(m.group(1)), month, year, published)
        last = m.group(3) or m.group("listed")
        end = _fmt(int(last), month, year, published) if last else None
        found.append((m.start(), start, end))
    m = _RE_MONTH_DAY.search(expr)
    if m:
        d = _fmt(int(m.group(2)), MONTHS[m.group(1).lower()], int(m.group(3)), published)
        found.append((m.start(), d, None))
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


def _with_year_of(start: str, last: str) -> str:
    """``start`` (written without a year) in the year of the range's ``last`` day: the
    year before when its month and day come later ("28 Desember hingga 3 Januari 2019")."""
    if len(last) != 10:
        return start
    year = int(last[:4])
    if start[-5:] > last[-5:]:
        year -= 1
    return f"{year}{start[-6:]}" if start.startswith("--") else f"{year}{start[4:]}"


def _as_weekday_says(expr: str, iso: str, published: date | None) -> str:
    """The date ``iso`` unless its weekday in ``expr`` and ``published`` show a typo.

    LABELING.md: a written date that contradicts its weekday is kept, unless it is a week
    or more away from publication while the same day number with that weekday falls in
    the publication's week ("Jumat (8/10/2019)" in an article of Friday 2019-11-08):
    then that day is meant.
    """
    if published is None or len(iso) != 10:
        return iso
    m = _RE_WEEKDAY.search(expr)
    if m is None or m.group(2):
        return iso
    target = weekday_number(m.group(1))
    written = date.fromisoformat(iso)
    if target is None or written.weekday() == target or abs((published - written).days) < 7:
        return iso
    for back in range(7):
        day = published - timedelta(days=back)
        if day.day == written.day and day.weekday() == target:
            return day.isoformat()
    return iso


def _weekday_after(start: str, name: str) -> str | None:
    """The first day named ``name`` after ``start`` (YYYY-MM-DD or --MM-DD), same form."""
    target = weekday_number(name)
    if target is None:
        return None
    try:
        day = date.fromisoformat(start)
    except ValueError:
        # without a year the weekday is unknown
        return None
    return (day + timedelta(days=(target - day.weekday() - 1) % 7 + 1)).isoformat()


def _weekday_last_week(name: str, published: date | None) -> str | None:
    target = weekday_number(name)
    if published is None or target is None:
        return None
    monday = published - timedelta(days=published.weekday() + 7)
    return (monday + timedelta(days=target)).isoformat()


def _last_period(m: re.Match[str], published: date | None) -> str | None:
    """Last week ("pekan lalu", "Minggu lalu") or last month at the precision they support.

    Last week is the calendar week before publication's: its month when the whole week
    lies in one month, else its year (LABELING.md: the precision the text supports).
    "dua minggu lalu", "beberapa pekan lalu" pin down nothing.
    """
    count = (m.group(1) or "").lower()
    if published is None or count not in ("", "satu"):
        return None
    if m.group(2).lower() == "bulan":
        last = published.replace(day=1) - timedelta(days=1)
        return f"{last.year}-{last.month:02d}"
    monday = published - timedelta(days=published.weekday() + 7)
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year}-{monday.month:02d}"
    return str(sunday.year) if monday.year == sunday.year else None


def published_from_url(url: str | None) -> date | None:
    """The publication date a URL path gives (``/2018/07/12/``), else None.

    Only a full date: a path with a year and month alone (``/2017/12/``) does not date
    the article (LABELING.md keeps its day-month dates without a year).

    Args:
        url: the article's address, if known.

    Returns:
        The date, or None when the path holds no valid full date.
    """
    if not url:
        return None
    m = _RE_URL_DATE.search(url)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def resolve_date(expr: str, published: date | None) -> tuple[str | None, str | None]:
    """Resolve a date expression to LABELING.md forms: ``(start, end)``.

    Understands "Senin (25/2)", "(13/1/2020)", "(9/2/21)", "25 Februari 2019",
    "25 Feb", "10–11 Februari 2026", "23-24/3", "Senin (25/2) hingga Rabu (27/2)",
    "hingga Rabu (27/2)" (an end date only), "Februari 2019", "tahun 2017", a bare
    weekday ("Senin": the last such day on or before ``published``), "Senin lalu"
    (strictly before), "kemarin", "hari ini", and "pekan lalu" / "bulan lalu" (a month
    or a year). A range written with its year at the end gives the start that year; a
    weekday that contradicts its date may correct it (see :func:`_as_weekday_says`).

    Args:
        expr: the expression, a short passage of text.
        published: the article's publication date; fills a missing year and resolves
            weekdays. Without it a day and month give ``--MM-DD`` and a bare weekday None.

    Returns:
        ``(start, end)``; ``end`` only when the expression gives a last day.
    """
    text = _RE_SLASH_GAP.sub("/", " ".join(expr.split()))
    if not text:
        return None, None
    # "hingga Rabu (27/2)": split off the end part first.
    end_m = _RE_END.search(text)
    if end_m:
        before, after = text[: end_m.start()], text[end_m.end() :]
        s1, e1, _ = _first_date(before, published)
        s2, e2, _ = _first_date(after, published)
        if s2 is not None and e1 is None:
            s2 = _as_weekday_says(after, s2, published)
            if s1 is None and not before.strip():
                return None, s2
            if s1 is not None:
                last = e2 or s2
                if not _RE_HAS_YEAR.search(before) and _RE_HAS_YEAR.search(after):
                    s1 = _with_year_of(s1, last)
                return _as_weekday_says(before, s1, published), last
        day_m = _RE_WEEKDAY.match(after.strip())
        if s2 is None and e1 is None and day_m:
            # "Kamis (14/3) hingga Sabtu", "Kamis hingga Sabtu": the first such weekday
            # after the first day
            first_m = None if s1 or re.search(r"\d", before) else _RE_WEEKDAY.search(before)
            if first_m and not first_m.group(3):
                s1 = _weekday(first_m.group(1), published, strictly_before=bool(first_m.group(2)))
            last_day = _weekday_after(s1, day_m.group(1)) if s1 else None
            if s1 is not None and last_day is not None:
                return _as_weekday_says(before, s1, published), last_day
    start, end, _ = _first_date(text, published)
    if start is not None:
        fixed = _as_weekday_says(text, start, published)
        if fixed != start and end is not None and len(end) == 10:
            # the same slip moved the range's last day ("Rabu-Kamis (16-17/10)")
            shift = date.fromisoformat(fixed) - date.fromisoformat(start)
            end = (date.fromisoformat(end) + shift).isoformat()
        start = fixed
        if end is not None and end == start:
            end = None
        return start, end
    low = text.lower()
    m = _RE_WEEKDAY.search(text)
    if m and m.group(3):
        # "Jumat pekan lalu": that weekday in the week before publication's
        return _weekday_last_week(m.group(1), published), None
    if m and _RE_WEEKS_AGO.match(text, m.end()):
        # "Kamis dua pekan lalu" is no Thursday of last week, and none the text pins down
        return None, None
    last_m = _RE_LAST.search(text)
    if last_m:
        return _last_period(last_m, published), None
    if published is not None:
        month_m = _RE_LAST_MONTH.search(text)
        if month_m:
            month = MONTHS[month_m.group(1).lower()]
            year = published.year - (month > published.month)
            return f"{year}-{month:02d}", None
        if re.search(r"\bkemarin\b", low) and not _RE_WEEKDAY.search(low):
            return (published - timedelta(days=1)).isoformat(), None
        if re.search(r"\bhari\s+ini\b", low) or _RE_EARLIER_TODAY.search(text):
            return published.isoformat(), None
    m = _RE_WEEKDAY.search(text)
    if m:
        return _weekday(m.group(1), published, strictly_before=bool(m.group(2))), None
    m = _RE_YEAR.search(text)
    if m:
        return m.group(1), None
    return None, None
