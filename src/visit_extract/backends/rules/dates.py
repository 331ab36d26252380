"""Dates: the day (or days) of the visit, out of all the dates an article gives.

The first exact date in a sentence about the visit wins; a vaguer one there ("pekan
lalu", "akhir Maret 2020") only when no exact one is given. Skipped: a header's or a
posting's publication stamp, the dates of other events (a launch, an award, an
inspection, an inauguration), days still to come, and the day someone spoke when the
text shows it was away from the visit (a commentator, another region, a visit told as
past). A range, a later "hingga <day>", a later range from the same day, or the day the
trip ended ("pulang Sabtu (10/5)") gives the last day.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import NamedTuple

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.mentions import in_spans, starting_within
from visit_extract.normalize import resolve_date
from visit_extract.normalize.lexicon import MONTH_PATTERN, WEEKDAY_PATTERN

_I = re.IGNORECASE

_MONTHS = MONTH_PATTERN + r"\.?"
_WEEKDAY = WEEKDAY_PATTERN
_DASH = r"\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan)\s*"
_DATE_RE = re.compile(
    # every date starts at a word or a bracket: the look-ahead spares the alternatives
    # below at every space and punctuation mark (a third of the time on news text)
    r"(?=[\w(])(?:"
    # "Sabtu-Minggu (29/2-1/3)": a range across two months
    r"(?:\b"
    + _WEEKDAY
    + r"\s*(?:-\s*"
    + _WEEKDAY
    + r"\s*)?,?\s*)?\(?\s*\d{1,2}\s*/\s*\d{1,2}\s*[-–—]\s*\d{1,2}\s*/\s*\d{1,2}"
    r"(?:\s*/\s*\d{2,4})?\s*\)?(?![\d/])|"
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|"
    r"(?:\b"
    + _WEEKDAY
    + r"\s*(?:-\s*"
    + _WEEKDAY
    + r"\s*)?,?\s*)?\(?\s*\d{1,2}(?:"
    + _DASH
    + r"\d{1,2})?\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\)?(?![\d/])|"
    # "Selasa-Rabu, 9-10 Mei 2023": a range of weekdays before a range of days
    r"(?:\b"
    + _WEEKDAY
    + r"\s*(?:[-–]\s*"
    + _WEEKDAY
    + r"\s*)?,?\s*)?\b\d{1,2}(?:\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?)?"
    + _DASH
    + r"\d{1,2}\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?\b|"
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\b\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?\b|"
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\b\d{1,2}-\d{1,2}-\d{4}\b|"
    # a month ("akhir Maret 2020"), last week or month ("pekan lalu", "Minggu lalu";
    # "hari Minggu lalu" is a Sunday)
    r"\b(?=\w+\.?\s+(?:tahun\s+)?\d{4}\b|(?:awal|pertengahan|akhir)\s)"
    r"(?:(?:awal|pertengahan|akhir)\s+)?" + _MONTHS + r"\s+(?:tahun\s+)?\d{4}\b|"
    r"(?<!hari\s)\b(?:se)?(?:minggu|pekan|bulan)\s+(?:yang\s+)?lalu\b|"
    r"\b" + _WEEKDAY + r"\b(?:\s+(?:(?:pekan|minggu)\s+)?lalu|\s+kemarin)?|\bkemarin\b)",
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
# "Senin (2/3) - Rabu (4/3)": a dash straight after a date, then the last day
_DASH_END = re.compile(
    r"\s*[-–—]\s*(?:"
    + _WEEKDAY
    + r"\s*,?\s*)?(\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|"
    + _DAY_MONTH
    + r")",
    _I,
)
# "... dan Jumat (12/5)": a second day right after a date
_AND_NEXT = re.compile(
    r"\s*dan\s+(?:" + _WEEKDAY + r"\s*,?\s*)?(\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\))",
    _I,
)
_EVERY_BEFORE = re.compile(r"\b(?:setiap|tiap|saban|per)\s+(?:hari\s+)?$", _I)
_EVERY_AFTER = re.compile(r"\s+(?:saja|sekalipun|pun)\b", _I)
_HAS_WEEKDAY = re.compile(r"\b" + _WEEKDAY + r"\b", _I)
_WEEKDAY_RE = re.compile(r"\(?" + _WEEKDAY + r"\b", _I)
_OTHER_EVENT = re.compile(
    r"\b(dilaunching|diluncurkan|diresmikan|launching|peluncuran|dicanangkan|dibentuk|"
    r"didirikan|diraih|meraih|penghargaan|sejak|dilantik|pelantikan|pemilu|pilkada|"
    r"pencoblosan|"
    # "kunjungan serupa pernah dilakukan pada ...": an earlier visit, not this one
    r"pernah|"
    # an inspection is never the study visit (LABELING.md), whoever made it
    r"sidak|inspeksi\s+mendadak)\b[^.]*$",
    _I,
)
_IN_PERIOD = re.compile(
    r"\b(?:hingga|sampai|sejak|sepanjang|selama|s\.?d\.?|s/d|antara)\s+(?:\S+\s+)?$", _I
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
# The end of a trip before its last day: "pulang Sabtu (10/5)", "kembali ke Indonesia
# pada 19 Juni", "menyudahi lawatannya ... pada 18 Desember".
_TRIP_END = re.compile(
    r"\b(?:pulang|kembali\s+ke\s+(?:tanah\s+air|daerah|indonesia|(?P<home>(?-i:[A-Z])\w+))|"
    r"menyudahi|mengakhiri|berakhir)\b[^.\n]*$",
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


def find_dates(ctx: Context) -> None:
    """Stage: ``ctx.start_date``, ``ctx.end_date``, where the start date stands, and
    ``ctx.leg_dates`` for the visits dated apart from the rest."""
    every = _dates_of(ctx)
    ctx.start_date, ctx.end_date, ctx.date_span = visit_dates(ctx, every)
    ctx.leg_dates = leg_dates(ctx, every)


def leg_dates(ctx: Context, every: list[_Found] | None = None) -> dict[tuple[str, str], Dated]:
    """The dates of the visits that the text dates on their own.

    A visit (a leg of a tour, or one of several delegations) is dated apart when a
    sentence that sends only its delegation to only its host gives a date ("Senin (8/5)
    rombongan ke A. ... Rabu (10/5) rombongan bergeser ke B"); the date nearest the
    visit's cue wins. Every other visit keeps the article's dates (LABELING: legs not
    dated separately share the whole tour's dates).

    Args:
        ctx: a context whose pairs are found.
        every: the article's dates, when already read.

    Returns:
        ``(start, end, span)`` by ``(visitor key, host key)``, only for visits dated apart.
    """
    if len(ctx.pairs) < 2:
        return {}
    found = [
        f for f in (_dates_of(ctx) if every is None else every) if not f.closes and not f.planned
    ]
    main = ctx.pairs[0][0]
    # the sentences of each pair's events; a sentence that names several pairs is shared
    cues: dict[tuple[str, str], list[tuple[int, tuple[int, int]]]] = {}
    owners: dict[tuple[int, int], set[tuple[str, str]]] = {}
    pairs = set(ctx.pairs)
    by_visitor: dict[str, list[tuple[str, str]]] = {}
    for pair in ctx.pairs:
        by_visitor.setdefault(pair[0], []).append(pair)
    for e in ctx.events:
        span = ctx.sentence_of(e.start)
        if e.hosts:
            senders = [v.key for v in e.visitors] or [main]
            mine = [(v, h.key) for v in senders for h in e.hosts if (v, h.key) in pairs]
        else:
            mine = [p for v in e.visitors for p in by_visitor.get(v.key, [])]
        for pair in mine:
            cues.setdefault(pair, []).append((e.start, span))
            owners.setdefault(span, set()).add(pair)
    out: dict[tuple[str, str], Dated] = {}
    for pair, spans in cues.items():
        near: tuple[int, _Found] | None = None
        for cue, span in spans:
            if len(owners[span]) > 1:
                continue
            lo = bisect_left(found, span[0], key=_position)
            for f in found[lo : bisect_left(found, span[1], key=_position)]:
                if f.start is not None and (near is None or abs(f.a - cue) < near[0]):
                    near = (abs(f.a - cue), f)
        if near is not None:
            f = near[1]
            out[pair] = (f.start, f.end, (f.a, f.b))
    # dated apart only when the legs disagree; one shared date is the article's anyway
    if len({d[0] for d in out.values()}) < 2 and all(d[0] == ctx.start_date for d in out.values()):
        return {}
    return out


class _Found(NamedTuple):
    """A date the text gives, resolved."""

    a: int  # where it stands
    b: int
    start: str | None
    end: str | None
    cue: bool  # in a sentence about the visit
    vague: bool  # a month or a year only ("pekan lalu")
    closes: bool  # a trip's last day ("pulang Sabtu (10/5)")
    planned: bool  # after publication: a plan, or the last day of a visit under way
    said: bool = False  # the day someone spoke ('..., kata X, Kamis (11/5)')
    weekday: bool = False  # written with its weekday, as news dates its own events


#: A visit's ``(start, end, span of the start date)``.
Dated = tuple[str | None, str | None, tuple[int, int] | None]


def visit_dates(ctx: Context, every: list[_Found] | None = None) -> Dated:
    """The visit's dates: the first date in a sentence about the visit.

    Args:
        ctx: the article's context.
        every: the article's dates, when already read.

    Returns:
        ``(start, end, span of the start date)``, all None when no date qualifies.
    """
    if every is None:
        every = _dates_of(ctx)
    # the first exact date in a sentence about the visit, else a vaguer one there
    # ("pekan lalu"), else the first exact date anywhere
    # (a trip's last day, "pulang Sabtu (10/5)", is never its first, nor a day to come)
    starts = [f for f in every if not f.closes and not f.planned]
    # (away from the visit's words, only a day written with its weekday: "Senin, 31
    # Desember 2022" is news, a bare "31 Desember 2022" a fact of the background)
    first = next(
        (f for f in starts if f.cue and not f.vague),
        next(
            (f for f in starts if f.cue),
            next((f for f in starts if not f.vague and f.weekday), None),
        ),
    )
    # "... studi banding ke A pekan lalu. '...,' kata X, Kamis (11/5)": the day X spoke
    # is not the visit's when the visit was dated, vaguely, before it (unless the text
    # dates something of the trip on that day too: "Rabu (7/5) berangkat")
    if first is not None and first.said:
        earlier = next((f for f in starts if f.cue and f.vague and f.a < first.a), None)
        same_day = any(
            f.cue and not f.said and f.start == first.start for f in starts if f is not first
        )
        if earlier is not None and not same_day:
            first = earlier
    if first is None or first.start is None:
        return None, None, None
    text, skip, published = ctx.text, ctx.skip, ctx.published
    later = [f for f in every if f.a > first.a]
    start, end = first.start, first.end
    # A later range that starts on the same day gives the last day ("Rabu (4/9/2024) ...
    # rangkaian acara 4–6 September 2024").
    if end is None:
        end = next((f.end for f in later if f.end and f.start and f.start[-5:] == start[-5:]), None)
    # "Mereka berada di Banyuwangi selama tiga hari hingga Rabu (27/2)" later on
    if end is None:
        for em in _END_ANY.finditer(text, first.b, first.b + 1500):
            if in_spans(em.start(), skip):
                continue
            _, e2 = resolve_date("hingga " + em.group(1), published)
            if e2 and len(e2) == len(start) and _days_after(start, e2):
                end = e2
                break
    # "... pulang Sabtu (10/5)", "menyudahi lawatannya ... pada 18 Desember", before or after
    if end is None:
        end = next(
            (
                f.start
                for f in every
                if f.closes
                and f.start
                and len(f.start) == len(start)
                and _days_after(start, f.start)
            ),
            None,
        )
    # Without a publication date, a year written elsewhere for the same day completes
    # "--05-03" ("Rabu (3/5)" ... "Rabu (3/5/2017) malam").
    if start.startswith("--"):
        for f in later:
            if f.start and len(f.start) == 10 and f.start[4:] == start[1:]:
                year = f.start[:4]
                start = year + start[1:]
                if end and end.startswith("--"):
                    end = year + end[1:]
                break
    return start, end, (first.a, first.b)


def _dates_of(ctx: Context) -> list[_Found]:
    """Every date the text gives that may be the visit's, in text order.

    Left out: "Baca juga" passages, header and publication stamps, dates of other
    events, bare weekdays away from the visit's words, and the day someone spoke when
    the text shows it is not a day of the visit (:func:`_said_elsewhere`).
    """
    text, skip, published = ctx.text, ctx.skip, ctx.published
    # Positions found once, then looked up per date by binary search: a scan of the
    # line or sentence per date would be quadratic in a text without line breaks.
    newlines = [m.start() for m in re.finditer("\n", text)]
    cues = [m.span() for m in _DATE_CUE.finditer(text)]
    told_as_past = _told_as_past(ctx)
    found: list[_Found] = []
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
            # a date alone on its line is a stamp: a byline's, a caption's, a page's; not
            # the end of a sentence a scraper broke ("... ke Kota A,\nRabu (10/5).")
            if (
                _ALONE.fullmatch(text, line_a, m.start())
                and _STAMP_END.fullmatch(text, m.end(), line_b)
                and not _MID_SENTENCE.search(text, max(0, line_a - 30), line_a)
            ):
                continue
        expr = m.group()
        end_m = _END_RE.match(text, m.end()) or _DASH_END.match(text, m.end())
        if end_m:
            expr = expr + " hingga " + end_m.group(1)
        start, end = resolve_date(expr, published)
        if start is None and end is None:
            continue
        # "Kamis (11/5) dan Jumat (12/5)": two days in a row are the visit's first and last
        and_m = None if end_m or end else _AND_NEXT.match(text, m.end())
        if and_m and start:
            nxt, _ = resolve_date(and_m.group(1), published)
            if nxt and len(nxt) == len(start) and _days_after(start, nxt, most=2):
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
        ):
            continue
        said = _SAID.search(text, max(sa, m.start() - 200), m.start())
        if said is not None and _said_elsewhere(ctx, m.start(), said, told_as_past):
            continue
        vague = start is not None and len(start) in (4, 7)
        # "sepanjang Januari hingga awal Juli 2019": a period, no month of one visit
        if vague and _IN_PERIOD.search(text, max(0, m.start() - 30), m.start()):
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
        found.append(
            _Found(
                m.start(),
                end_m.end() if end_m else m.end(),
                start,
                end,
                cue,
                vague,
                closes,
                _after(start, published),
                said is not None,
                _HAS_WEEKDAY.search(m.group()) is not None,
            )
        )
    return found


def _position(f: _Found) -> int:
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

    The sentence must name a visit and one of its parties: another, older visit told
    in passing says nothing of this one's statements.
    """
    parties = set(ctx.sides)
    if ctx.host is not None:
        parties.add(ctx.host.role.region.code)
    for m in _VAGUE_PAST.finditer(ctx.text):
        if in_spans(m.start(), ctx.skip):
            continue
        sa, sb = ctx.sentence_of(m.start())
        if _VISIT_WORD.search(ctx.text, sa, sb) and any(
            x.region.code in parties for x in starting_within(ctx.all_mentions, sa, sb - 1)
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


def _days_after(start: str, end: str, most: int = 14) -> bool:
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
