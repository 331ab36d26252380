"""Date mentions: every date an article gives that may be a visit's, resolved.

:func:`dates_in` reads them all once, in text order, each with what the choice of the
visit's dates needs to know (:class:`Found`): whether its sentence is about the visit,
whether it is vague, closes a trip, lies after publication, or dates a statement.
Left out on the way: "Baca juga" passages, header and byline stamps, the dates of
other events (a launch, an award, an inspection, an earlier visit), days still to
come, weekdays of a habit, and the day someone spoke when the text shows it was away
from the visit. :mod:`~visit_extract.backends.rules.dates` chooses among them; the
written forms themselves are :mod:`~visit_extract.backends.rules.date_forms`'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import NamedTuple

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.date_forms import (
    AND_NEXT,
    DASH_END,
    DATE_RE,
    END_RE,
    END_WEEKDAY,
)
from visit_extract.backends.rules.mentions import in_spans, starting_within
from visit_extract.normalize import resolve_date
from visit_extract.normalize.lexicon import MONTH_PATTERN, WEEKDAY_PATTERN

_I = re.IGNORECASE
_MONTHS = MONTH_PATTERN + r"\.?"
_WEEKDAY = WEEKDAY_PATTERN

_EVERY_BEFORE = re.compile(r"\b(?:setiap|tiap|saban|per)\s+(?:hari\s+)?$", _I)
_EVERY_AFTER = re.compile(r"\s+(?:saja|sekalipun|pun)\b", _I)
# "minggu" is also "week": "selama dua minggu", "minggu depan", "akhir minggu ini"
_WEEK_BEFORE = re.compile(
    r"\b(?:se|satu|dua|tiga|empat|lima|enam|beberapa|\d+|selama|dalam|awal|akhir|"
    r"pertengahan)\s+$",
    _I,
)
_WEEK_AFTER = re.compile(
    r"\s+(?:ini|depan|pertama|kedua|ketiga|keempat|terakhir|berikutnya|sebelumnya)\b", _I
)
_HAS_WEEKDAY = re.compile(r"\b" + _WEEKDAY + r"\b", _I)
_WEEKDAY_RE = re.compile(r"\(?" + _WEEKDAY + r"\b", _I)
_OTHER_EVENT = re.compile(
    r"\b(dilaunching|diluncurkan|diresmikan|launching|peluncuran|dicanangkan|dibentuk|"
    r"didirikan|diraih|meraih|penghargaan|sejak|dilantik|pelantikan|pemilu|pilkada|"
    r"pencoblosan|"
    # a rule passed, an incident: "Perda itu disahkan pada ...", "gempa terjadi Selasa (2/3)"
    r"disahkan|ditetapkan|diundangkan|diterbitkan|terjadi|"
    # "kunjungan serupa pernah dilakukan pada ...": an earlier visit, not this one
    r"pernah|"
    # an inspection is never the study visit (LABELING.md), whoever made it
    r"sidak|inspeksi\s+mendadak)\b[^.]*$",
    _I,
)
_IN_PERIOD = re.compile(
    r"\b(?:hingga|sampai|sejak|sepanjang|selama|s\.?d\.?|s/d|antara)\s+(?:\S+\s+)?$", _I
)
_TODAY = re.compile(r"hari|pagi|siang|sore|tadi", _I)
# A plan in the words before a date: "kunjungan balasan dijadwalkan pada 20 April".
# Only read without a publication date: with one, a day still to come shows the plan,
# and a plan for a day already past was most likely carried out.
_PLAN = re.compile(
    r"\b(?:berencana|direncanakan|rencananya|dijadwalkan|terjadwal|diagendakan)\b[^.\n]*$",
    _I,
)
_TO_COME = re.compile(r"\s*(?:mendatang|yang\s+akan\s+datang)\b", _I)
# Who said it, right before the date: '..." kata Bupati X kepada wartawan, Rabu (7/5)'.
# The attribution runs to the date without a full stop ("Kompas.com" keeps its dot).
_SAID = re.compile(
    r"\b(?:kata|ujar|ucap|ungkap|jelas|terang|tutur|papar|tegas|sebut|imbuh|tambah|urai|"
    r"seloroh|sindir|pungkas|ulas|tandas|mengatakan|menjelaskan|menyampaikan|"
    r"mengungkapkan|menuturkan|menegaskan|menerangkan|memaparkan)(?:nya)?\b"
    r"(?:[^\n\"“”.]|\.(?=\S)){0,160}$",
    _I,
)
# The attribution after a closing quote, up to the day it dates: '," kata X, Kamis (5/3)'.
_SAID_ON = re.compile(
    r"\s*,?\s*(?:kata|ujar|ucap|ungkap|jelas|terang|tutur|papar|tegas|sebut|imbuh|tambah|"
    r"pungkas|tandas)(?:nya)?\b(?:[^\n\"“”.]|\.(?=\S)){0,160}?\b("
    + _WEEKDAY
    + r"\s*,?\s*\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|\d{1,2}\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?)",
    _I,
)
# Speakers from outside the visit, who comment on it later.
_COMMENTATOR = re.compile(
    r"\b(?:pengamat|pakar|peneliti|aktivis|akademisi|koordinator|direktur\s+eksekutif|"
    r"ketua\s+(?:forum|lsm|lembaga|aliansi|perkumpulan|ormas)|lsm|ormas)\b",
    _I,
)
# Kemendagri code of DKI Jakarta, where ministries and national bodies are
_JAKARTA = "31"
# "di <place>" (up to three words between: "di gedung DPRD Kota X")
_AT = re.compile(r"\bdi\s+(?:[\w.]+\s+){0,3}$", _I)
# A visit told as past without its day; its later statements are not visit days.
_VAGUE_PAST = re.compile(
    r"\b(?:beberapa\s+(?:waktu|hari|pekan|minggu|bulan)\s+(?:yang\s+)?lalu|"
    r"belum\s+lama\s+ini|baru-baru\s+ini|tempo\s+hari)\b",
    _I,
)
_VISIT_WORD = re.compile(
    r"\b(?:stud[iy]|kunjungan|kunker|berkunjung|mengunjungi|rombongan|belajar|kaji|lawatan)",
    _I,
)
# The visit pointed back to: "kunjungan itu", "studi banding tersebut", "kunker ini".
_THIS_VISIT = re.compile(
    r"\b(?:kunjungan(?:\s+kerja)?|kunker|lawatan|stud[iy]\s+(?:banding|tiru))\s+"
    r"(?:itu|tersebut|ini)\b",
    _I,
)
# The end of a trip before its last day: "pulang Sabtu (10/5)", "kembali ke Indonesia
# pada 19 Juni", "menyudahi lawatannya ... pada 18 Desember".
_TRIP_END = re.compile(
    r"\b(?:pulang|kembali\s+ke\s+(?:tanah\s+air|daerah|indonesia|(?P<home>(?-i:[A-Z])\w+))|"
    r"menyudahi|mengakhiri|berakhir|selesai)\b[^.\n]*$",
    _I,
)
_DATE_CUE = re.compile(
    # every cue starts a word: the look-ahead spares the alternatives at word ends
    r"\b(?=\w)(?:stud[iy]|kunjungan|kunker|kunja|berkunjung|mengunjungi|datang|tiba|diterima|"
    r"disambut|menerima|menyambut|sambut|rombongan|belajar|benchmarking|dipimpin|kaji|"
    r"penandatanganan|menandatangani|bertolak|berangkat|mempelajari|hadir|workshop|"
    r"pertemuan|audiensi|konsultasi|anjangsana|melaksanakan|melakukan|melihat|kegiatan|"
    r"acara|bertempat|dihelat|digelar|berlangsung|ruang|aula|pendopo|"
    # going somewhere to learn, staying there
    r"menimba|berguru|bertandang|menyambangi|bertamu|berkonsultasi|lawatan|kedatangan|"
    r"berada|selama\s+(?:\w+\s+)?hari)",
    _I,
)
# A header line is short; longer lines are prose, whatever their whitespace.
_LONG_LINE = 1000
_HEADER_LINE = re.compile(
    r"\b(?:WIB|WITA|WIT)\b|\d{1,2}[:.]\d{2}|^\W*" + _WEEKDAY + r"\b,|"
    r"^\W*(?:diterbitkan|dipublikasikan|diposting|diunggah|diperbarui|posted|published|updated?)\b|"
    # a byline: "Penulis: A | Editor: B | 10/05/2023"
    r"\b(?:penulis|editor|reporter|pewarta|redaksi|oleh)\b",
    _I,
)
# what may stand beside a date on a line of its own ("Rabu 10 Mei 2023", "(10/5/2023)")
_ALONE = re.compile(r"[\W_]*(?:" + _WEEKDAY + r")?[\W_]*", _I)
_STAMP_END = re.compile(r"[\s)|\-–—]*")
# a line that breaks off mid-sentence: after a comma or a lower-case word
_MID_SENTENCE = re.compile(r"(?:,|(?<![\w-])[a-z]+)[ \t]*\n?$")


class Found(NamedTuple):
    """A date the text gives, resolved, with what the choice of the visit's dates needs."""

    a: int  # where it stands
    b: int
    start: str | None
    end: str | None
    cue: bool  # in a sentence about the visit
    # a month or a year only ("pekan lalu"), or a day without its year ("--03-02"), which
    # never dates the visit from away from its words
    vague: bool
    closes: bool  # a trip's last day ("pulang Sabtu (10/5)")
    planned: bool  # after publication: a plan, or the last day of a visit under way
    said: bool = False  # the day someone spoke ('..., kata X, Kamis (11/5)')
    weekday: bool = False  # written with its weekday, as news dates its own events


def dates_in(ctx: Context) -> list[Found]:
    """Every date the text gives that may be the visit's, in text order.

    Left out: "Baca juga" passages, header and publication stamps, dates of other
    events, bare weekdays away from the visit's words, and the day someone spoke when
    the text shows it is not a day of the visit (:func:`_said_elsewhere`).

    Args:
        ctx: the article's context (its hosts and delegations found when called from
            the dates stage, which helps tell a trip home from one to the host).

    Returns:
        The dates, each resolved against ``ctx.published``.
    """
    text, skip, published = ctx.text, ctx.skip, ctx.published
    # Positions found once, then looked up per date by binary search: a scan of the
    # line or sentence per date would be quadratic in a text without line breaks.
    newlines = [m.start() for m in re.finditer("\n", text)]
    cues = [m.span() for m in _DATE_CUE.finditer(text)]
    told_as_past = _told_as_past(ctx)
    found: list[Found] = []
    for m in DATE_RE.finditer(text):
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
            # a date alone on its line is a stamp: a byline's, a caption's, a page's; not
            # the end of a sentence a scraper broke ("... ke Kota A,\nRabu (10/5).")
            if (
                _ALONE.fullmatch(text, line_a, m.start())
                and _STAMP_END.fullmatch(text, m.end(), line_b)
                and not _MID_SENTENCE.search(text, max(0, line_a - 30), line_a)
            ):
                continue
        expr = m.group()
        end_m = (
            END_RE.match(text, m.end())
            or DASH_END.match(text, m.end())
            or END_WEEKDAY.match(text, m.end())
        )
        if end_m:
            expr = expr + " hingga " + end_m.group(1)
        start, end = resolve_date(expr, published)
        # '"Kemarin kami ke pasar," kata X, Kamis (5/3)': the day before X spoke
        if expr.lower() == "kemarin" and _in_quote(text, max(line_a, m.start() - 300), m.start()):
            start = _day_before_said(text, m.end(), published) or start
        if start is None and end is None:
            continue
        # "Kamis (11/5) dan Jumat (12/5)": two days in a row are the visit's first and last
        and_m = None if end_m or end else AND_NEXT.match(text, m.end())
        if and_m and start:
            nxt, _ = resolve_date(and_m.group(1), published)
            if nxt and len(nxt) == len(start) and days_after(start, nxt, most=2):
                end_m, end = and_m, nxt
        # the date of another event: "program yang dilaunching menteri, Selasa (31/5)";
        # but "sejak 25 hingga 31 Januari" is a span of days, no founding date
        other = _OTHER_EVENT.search(text, max(0, m.start() - 80), m.start())
        # "sejak Senin (8/5)": a weekday dates the start of something under way, a visit
        # as much as anything; a founding date goes without one ("sejak 12 Maret 2010")
        since = other is not None and other.group(1).lower() == "sejak"
        if other and not (since and (end is not None or _WEEKDAY_RE.match(m.group()))):
            continue
        # "9 November mendatang": a plan, not a visit done or under way (LABELING.md)
        if _TO_COME.match(text, end_m.end() if end_m else m.end()):
            continue
        # "10-05-2017 <headline>": a publication stamp opening a line
        stamp = re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}", m.group())
        if stamp and not text[line_a : m.start()].strip():
            continue
        sa, sb = ctx.sentence_of(m.start())
        k = bisect_left(cues, (sa, sa))
        cue = k < len(cues) and cues[k][1] <= sb
        # a bare weekday or "pekan lalu" counts only next to the visit's own words, and
        # a weekday of a habit ("setiap Kamis", "hanya hari Rabu saja") never
        if not re.search(r"\d", expr) and (
            not cue
            or _EVERY_BEFORE.search(text, max(0, m.start() - 20), m.start())
            or _EVERY_AFTER.match(text, m.end())
            or (expr.lower() == "minggu" and _is_week(text, m.start(), m.end()))
        ):
            continue
        said = _SAID.search(text, max(sa, m.start() - 200), m.start())
        if said is not None and _said_elsewhere(ctx, m.start(), said, told_as_past):
            continue
        # "hingga hari ini" is a period up to today, not a day of it; and "hari ini" in a
        # quote is the day of speaking, often the day before publication
        if _TODAY.match(expr) and (
            _IN_PERIOD.search(text, max(0, m.start() - 30), m.start())
            or _in_quote(text, max(line_a, m.start() - 300), m.start())
        ):
            continue
        vague = start is not None and len(start) in (4, 7)
        # "sepanjang Januari hingga awal Juli 2019": a period, no month of one visit (a
        # day without its year, "--03-02", is no period: "sejak Senin (2/3)")
        if (
            vague
            and not (start or "").startswith("--")
            and _IN_PERIOD.search(text, max(0, m.start() - 30), m.start())
        ):
            continue
        trip_end = _TRIP_END.search(text, max(sa, m.start() - 160), m.start())
        # "kembali ke Klaten" closes the trip only when Klaten is where a delegation is
        # from ("kembali ke Gianyar" may be a second visit to the host)
        closes = trip_end is not None and (
            trip_end.group("home") is None
            or any(
                x.region.code in ctx.sides
                for x in starting_within(
                    ctx.all_mentions, trip_end.start("home"), trip_end.start("home")
                )
            )
        )
        planned = _after(start, published) or (
            published is None
            and _PLAN.search(text, max(sa, m.start() - 120), m.start()) is not None
        )
        found.append(
            Found(
                m.start(),
                end_m.end() if end_m else m.end(),
                start,
                end,
                cue,
                vague,
                closes,
                planned,
                said is not None,
                _HAS_WEEKDAY.search(m.group()) is not None,
            )
        )
    return found


def _is_week(text: str, a: int, b: int) -> bool:
    """Whether the "minggu" at ``text[a:b]`` is a week, not Sunday: written in lower case
    without "hari" before it (news capitalises its weekdays), counted, or "minggu ini"."""
    if text.startswith("minggu", a) and not text.endswith("hari ", max(0, a - 5), a):
        return True
    return bool(_WEEK_BEFORE.search(text, max(0, a - 20), a) or _WEEK_AFTER.match(text, b))


def _day_before_said(text: str, pos: int, published: date | None) -> str | None:
    """The day before the one dated by the attribution after the quote open at ``pos``
    (same form as that date: YYYY-MM-DD or --MM-DD), else None."""
    ends = [i for i in (text.find("”", pos, pos + 400), text.find('"', pos, pos + 400)) if i >= 0]
    said = _SAID_ON.match(text, min(ends) + 1) if ends else None
    day = resolve_date(said.group(1), published)[0] if said else None
    try:
        if day is not None and day.startswith("--"):
            before = date(2000, int(day[2:4]), int(day[5:7])) - timedelta(days=1)
            return before.strftime("--%m-%d")
        if day is not None and len(day) == 10:
            return (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    except ValueError:
        pass
    return None


def _in_quote(text: str, a: int, b: int) -> bool:
    """Whether a quotation opened in ``text[a:b]`` is still open at ``b``."""
    return text.count("“", a, b) > text.count("”", a, b) or text.count('"', a, b) % 2 == 1


def position(f: Found) -> int:
    """Where a date stands (a sort and search key)."""
    return f.a


def _said_elsewhere(ctx: Context, pos: int, said: re.Match[str], told_as_past: bool) -> bool:
    """Whether the date at ``pos`` is only the day someone spoke, away from the visit.

    "..., kata X kepada wartawan, Rabu (7/5)" dates a statement. It is a day of the visit
    unless the text shows otherwise: the speaker comments from outside ("pengamat",
    "Ketua LSM"), the statement was made in another region than the host's ("di
    Jayapura"), or the visit is told as past ("beberapa waktu lalu"). ``said`` is the
    attribution found right before the date.
    """
    text = ctx.text
    if told_as_past or _COMMENTATOR.search(text, said.start(), pos):
        return True
    if ctx.host is not None:
        host: str | None = ctx.host.role.region.code
    else:
        # a ministry or national body sits in Jakarta; a foreign host in no region
        national = ctx.host_party is not None and ctx.host_party.level == "national"
        host = _JAKARTA if national else None
    for mention in starting_within(ctx.all_mentions, said.start(), pos - 1):
        if not _same_place(mention.region.code, host) and _AT.search(
            text, max(said.start(), mention.prefix_start - 40), mention.prefix_start
        ):
            return True
    return False


def _same_place(code: str, host: str | None) -> bool:
    """Whether a region is the host's, a place inside it or the province around it."""
    if host is None:
        return False
    a, b = code.split("."), host.split(".")
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _told_as_past(ctx: Context) -> bool:
    """Whether the text tells the visit as past without a day ("beberapa waktu lalu").

    The sentence must name a visit and one of its parties, or point back to the visit
    ("kunjungan itu", "studi banding tersebut"): another, older visit told in passing
    says nothing of this one's statements.
    """
    parties = set(ctx.sides)
    if ctx.host is not None:
        parties.add(ctx.host.role.region.code)
    for m in _VAGUE_PAST.finditer(ctx.text):
        if in_spans(m.start(), ctx.skip):
            continue
        sa, sb = ctx.sentence_of(m.start())
        if _THIS_VISIT.search(ctx.text, sa, sb) or (
            _VISIT_WORD.search(ctx.text, sa, sb)
            and any(x.region.code in parties for x in starting_within(ctx.all_mentions, sa, sb - 1))
        ):
            return True
    return False


def _after(day: str | None, published: date | None) -> bool:
    """Whether ``day`` (any LABELING.md form) is known to fall after ``published``.

    A day of slack: a report filed late in the evening is often dated the next day.
    """
    if day is None or published is None or len(day) != 10 or day.startswith("--"):
        return False
    return date.fromisoformat(day) > published + timedelta(days=1)


def days_after(start: str, end: str, most: int = 14) -> bool:
    """Whether ``end`` is 1 to ``most`` days after ``start`` (both YYYY-MM-DD or both
    --MM-DD)."""
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
    return 1 <= (b - a).days <= most
