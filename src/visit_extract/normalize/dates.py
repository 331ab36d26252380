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

__all__ = ["MONTHS", "WEEKDAYS", "resolve_date"]

_DASH = r"\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|sd)\s*"

_RE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_RE_DASHED = re.compile(r"(?<![\d/-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d/])")
_RE_NUM_RANGE = re.compile(
    r"(?<![\d/])(\d{1,2})" + _DASH + r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"
)
_RE_WORD_DATE = re.compile(
    r"(?<!\d)(\d{1,2})(?:\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan)\s*(\d{1,2}))?"
    r"\s+(" + MONTH_PATTERN + r")\.?(?:\s+(\d{4}))?\b",
    re.IGNORECASE,
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
_RE_WEEKDAY = re.compile(r"\b(" + WEEKDAY_PATTERN + r")\b(\s+(?:lalu|kemarin))?", re.IGNORECASE)
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
