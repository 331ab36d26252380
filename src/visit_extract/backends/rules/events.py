"""Visit events: each visit cue in its sentence, read as who went where.

An :class:`Event` is one cue with the parties its sentence gives it:

* going: "<visitor> melakukan studi banding ke <host>", "kunjungan kerja <visitor> ke
  <host>", "<visitor> mengunjungi <host>"; a destination may list several hosts ("ke A
  dan B", "ke tiga negara, yaitu A, B dan C");
* receiving: "<host> menerima kunjungan [kerja] [dari] <visitor>", "<host> kedatangan
  rombongan <visitor>", "<host> menjadi tujuan studi tiru <visitor>";
* received: "<visitor> diterima [oleh] <title> <host>";
* a delegation without a destination in its sentence: "Mereka berasal dari A, B dan C",
  "rombongan dari A dan B", "<visitor> dipimpin <leader>" (a host-side release names
  its guests so, one sentence after the welcome).

The parties are :class:`~visit_extract.backends.rules.actors.Actor` s (regions, foreign
countries, national bodies). A visitor the sentence does not name ("Rombongan ini
diterima Bupati X") stays empty: pairing fills it with the article's main delegation.
Every step looks only at a bounded window around its cue, so the stage is linear in
the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from visit_extract.backends.rules.actors import Actor, Event
from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.mentions import in_spans
from visit_extract.normalize.lexicon import LEARNING_TERMS, STUDY_TERMS, WORK_VISIT_TERMS

_I = re.IGNORECASE

#: Words that move a delegation somewhere: the head of a "... ke X" phrase.
VISIT_WORDS = (
    "(?:" + STUDY_TERMS + "|" + WORK_VISIT_TERMS + "|" + LEARNING_TERMS + "|"
    r"kunjungan|berkunjung|mengunjungi|belajar|datang|tiba|bertolak|berangkat|menyambangi|"
    r"bertandang|pergi|terbang|melawat|lawatan|menuju|mendatangi|(?:ber)?konsultasi|rujukan|"
    r"jujugan|bergeser|singgah|mampir|meluncur|visitasi|"
    r"destinasi|studi\s+lapangan|study\s+(?:visit|tour)|muhibah)"
)
# "<visit word> ... ke|di|menuju <destination>"; "mengunjungi <destination>" needs no
# preposition. Sidak and inspections are no visits to learn; "pulang/kembali ke" is home.
_GOING = re.compile(
    # both forms start a word: the look-ahead spares their alternatives at word ends
    r"\b(?=\w)(?:"
    # "kunjungannya ke X", "kedatangan kami ke X": a possessive or a pronoun may follow
    r"\b(?P<cue>" + VISIT_WORDS + r"|kedatangan)(?:nya)?\b"
    r"(?P<gap>(?:(?!\b(?:untuk|guna|agar|supaya|demi|diterapkan|pulang|kembali)\b)[^.;\n]){0,100}?)"
    r"\b(?P<prep>ke|di(?!\s+(?:lingkungan|bawah|antara|tengah|sela|sana|sini|mana)\b)|menuju)\s+|"
    r"\b(?P<tcue>mengunjungi|menyambangi|mendatangi|menyinggahi|"
    # "belajar (banyak) dari X", "berguru kepada X": learning from X is going to X
    r"(?:belajar|(?:menimba|timba|mencuri)\s+ilmu|berguru)\s+(?:\w+\s+){0,2}?"
    r"(?:dari|kepada|pada)|"
    # "berkonsultasi dengan Kementerian X": consulting a body is going to it (LABELING)
    r"(?:ber)?konsultasi\s+(?:langsung\s+)?(?:dengan|kepada))\s+(?:langsung\s+)?)",
    _I,
)
_TRANSITIVE = re.compile(r"mengunjungi|menyambangi|mendatangi", _I)
_NOT_GOING = re.compile(r"\b(?:sidak|inspeksi|pulang|kembali|balik|memantau|monitoring)\b", _I)
# "rencana studi banding ... ke X": a plan is no visit (LABELING: done or under way)
_PLANNED = re.compile(
    r"\b(?:rencana(?:nya)?|berencana|direncanakan|merencanakan)\s+(?:\S+\s+){0,2}$", _I
)
# "<host> menerima kunjungan (kerja) (dari) <visitor>", "<host> kedatangan rombongan <v>"
_RECEIVING = re.compile(
    r"\b(?:menerima|terima|kedatangan|menyambut|sambut|didatangi|dikunjungi|mendapat(?:kan)?|"
    r"(?:men)?jadi(?:kan)?)\s+(?:\w+\s+){0,3}?"
    r"(?:kunjungan|rombongan|tamu|delegasi|kunker|kunja|kedatangan|peserta|studi|"
    r"tujuan|jujugan|destinasi|rujukan|objek|lokasi|sasaran)\b",
    _I,
)
# "<host> menyambut (hangat) Wali Kota <visitor>", "<host> dikunjungi (oleh) <visitor>":
# the object of a welcome, the agent of a visit is the visitor
_WELCOMING = re.compile(
    r"\b(?:menerima|menyambut|sambut|(?:di(?:kunjungi|datangi))(?:\s+oleh)?)\s+"
    r"(?:(?:hangat|baik|langsung|secara|rombongan|delegasi)\s+)*",
    _I,
)
# "<visitor> diterima (langsung) (oleh) <title> <host>"
_RECEIVED = re.compile(
    r"\b(?:diterima|disambut)\s+(?:hangat\s+|baik\s+)?(?:secara\s+\w+\s+)?(?:langsung\s+)?"
    r"(?:oleh\s+)?",
    _I,
)
# "..., sedangkan Komisi C ke Kabupaten Y": one more destination of the same cue
_CONTINUE = re.compile(
    r"\s*,?\s*(?:sedangkan|dan|serta|lalu|kemudian|selanjutnya|sementara)\s+"
    r"(?:[\w.]+\s+){0,6}?(?:ke|menuju)\s+",
    _I,
)
# Where a destination phrase ends: a clause word, a date, a stop.
_NP_END = re.compile(
    r"[.;!?\n]|\s(?:untuk|guna|dalam|pada|sejak|selama|mulai|terkait|tentang|yang|dengan|"
    r"dilakukan|dilaksanakan|digelar|"
    r"bersama|beserta|sekaligus|karena|agar|demi|sebagai|setelah|sebelum|usai|lalu|"
    r"kemudian|hingga|sampai|baru|belum|beberapa|kemarin|tadi|dan\s+(?!ke\b|[A-Z]|"
    r"kabupaten|kota|provinsi|pemkab|pemkot|pemprov|dprd)\w+|serta\s+(?![A-Z])\w+)\b|"
    r"\s\(?(?:Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu)\b|\d{1,2}/\d|"
    r",\s*(?!(?:khususnya|terutama|tepatnya|yakni|yaitu|antara|di\s*antaranya|meliputi|"
    r"dan|serta|masing)\b)[a-z]",
)
_NP_SPAN = 140
# "... dilakukan (oleh) <visitor>" after the destination: a passive visit
_PASSIVE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:yang\s+)?di(?:lakukan|laksanakan|gelar|ikuti)\s+(?:oleh\s+)?",
    _I,
)
# "JAKARTA – ...": a dateline names where the story was filed, never a subject
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]*\)\s*)?[-–—]\s")
# "Mereka berasal dari A, B dan C", "rombongan kedua dari A": the delegations the
# following list names
_FROM_LIST = re.compile(
    r"\b(?:berasal|asal|datang|rombongan|delegasi|tamu|utusan|peserta)"
    r"\s+(?:\w+\s+){0,2}?dari\s+|"
    # "Rombongan DPRD Kabupaten A tiba ...", "delegasi Komisi II DPRD A": the group's own
    # name follows (capitalised words only, so no verb stands between)
    r"\b(?:rombongan|delegasi|tim)\s+(?:(?:pertama|kedua|ketiga|lain(?:nya)?)\s+)?"
    r"(?=(?-i:(?:[A-Z][\w.]*\s+){0,3}(?:Pemkab|Pemkot|Pemprov|Pemda|DPRD|Pemerintah|Kabupaten|"
    r"Kota|Provinsi|Bupati|Wali|Gubernur|Wakil|Sekda|Dinas))\b)",
    _I,
)
# "seperti (halnya) Kabupaten A yang dipimpin ...": an example, not a delegation
_EXAMPLE_BEFORE = re.compile(r"\b(?:seperti|misalnya|contohnya)\b(?:\s+\w+){0,2}\s*$", _I)
# "40 kepala desa di Kabupaten A studi banding ...": people of a region, not a place
_RESIDENTS_AT = re.compile(
    r"\b(?:kepala\s+desa|kades|perangkat\s+desa|lurah|camat|pejabat|ASN|pegawai)\s+di\s+$", _I
)
# "sering menerima ...", "kerap kali dikunjungi ...": a habit, no visit of its own
_HABIT = re.compile(r"\b(?:sering|kerap|acap|rutin)\b", _I)
_EXAMPLES_BEFORE = re.compile(
    r"\b(?:berbagai|banyak|sejumlah)\s+(?:daerah|kabupaten|kota|provinsi)\b[^.;]*?"
    r"\b(?:seperti|antara\s+lain|di\s*antaranya|termasuk)\b",
    _I,
)
# "<actor> dipimpin <leader>", "<actor>, yang diketuai ...": a delegation with its head
_LED_AFTER = re.compile(r"\s*,?\s*(?:yang\s+)?(?:dipimpin|diketuai|dikomandoi)\b", _I)
# a welcome later in the clause makes the led party the host ("Pemkab A yang dipimpin
# Wakil Bupati menerima ..."); "diterima <title> A" before it makes it one
_HOSTING_AFTER = re.compile(
    r"[^.;\n]{0,160}?\b(?:menerima|menyambut|kedatangan|didatangi|dikunjungi)\b", _I
)
_RECEIVED_BY = re.compile(r"\b(?:diterima|disambut|oleh)\s+(?:\S+\s+){0,4}$", _I)
_LOCATED = re.compile(r"\bdi\b", _I)
# Words before an actor that make it a place where something happens, not a party.
# "Setelah dari Kabupaten A, rombongan ...": the stop before, not the subject.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:di|ke|menuju|pada|asal\s+daerah|"
    r"(?:setelah|usai|seusai|sesudah|selepas|sepulang)\s+(?:\w+\s+)?dari)\s+(?:\S+\s+){0,3}$",
    _I,
)
# Visitors after a receiving cue: at most this far, and not past "diterima" or a stop.
_VISITOR_SPAN = 170
_SUBJECT_SPAN = 260
_HOST_SPAN = 90


class _Index:
    """Actors by position, for bounded window look-ups."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.starts = [a.start for a in actors]

    def any_within(self, a: int, b: int) -> bool:
        """Whether an actor starts in ``[a, b)``."""
        i = bisect_left(self.starts, a)
        return i < len(self.starts) and self.starts[i] < b

    def within(self, a: int, b: int) -> list[Actor]:
        """The actors starting in ``[a, b)``."""
        out = []
        i = bisect_left(self.starts, a)
        while i < len(self.actors) and self.starts[i] < b:
            out.append(self.actors[i])
            i += 1
        return out


def find_events(ctx: Context, actors: list[Actor]) -> list[Event]:
    """Every visit event of the article, in text order.

    Args:
        ctx: the article's context (sentences, skipped passages).
        actors: the parties named in the text, in text order.

    Returns:
        The events; hosts and visitors of one event never share a key.
    """
    text = ctx.masked()
    index = _Index(actors)
    events: list[Event] = []
    for sa, sb in ctx.sents:
        # a sentence that names no party holds no event (most hold none)
        if not index.any_within(sa, sb) or in_spans(sa, ctx.skip):
            continue
        sentence = text[sa:sb]
        found = _going(text, sa, sb, sentence, index) + _receiving(text, sa, sb, sentence, index)
        # a delegation the sentence already sends somewhere needs no event of its own
        sent = {v.key for e in found for v in e.visitors}
        for e in _delegations(text, sa, sb, sentence, index):
            e.visitors = [v for v in e.visitors if v.key not in sent]
            if e.visitors:
                found.append(e)
        events.extend(found)
    events.sort(key=lambda e: e.start)
    for e in events:
        e.visitors = list({v.key: v for v in reversed(e.visitors)}.values())[::-1]
    return [e for e in events if e.hosts or e.visitors]


def _going(text: str, sa: int, sb: int, sentence: str, index: _Index) -> list[Event]:
    out: list[Event] = []
    clause_start = sa
    for m in _GOING.finditer(sentence):
        cue_start = sa + m.start()
        if m.group("tcue"):
            cue_end = sa + m.end("tcue")
            np_start = sa + m.end()
        else:
            if _NOT_GOING.search(m.group("gap")) or _NOT_GOING.search(
                text[max(sa, cue_start - 25) : cue_start]
            ):
                continue
            cue_end = sa + m.end("cue")
            np_start = sa + m.end()
        if _PLANNED.search(text, max(sa, cue_start - 40), cue_start):
            continue
        hosts = destination(text, np_start, sb, index)
        if not m.group("tcue") and _TRANSITIVE.fullmatch(m.group("cue")):
            # "menyambangi <host> di Jakarta": the object, not the place after "di"
            direct = destination(text, cue_end + 1, sb, index)
            if direct and direct[0].start < np_start:
                hosts, np_start = direct, cue_end + 1
        if not hosts:
            continue
        np_end = hosts[-1].end
        # "kunjungan kerja DPRD X ke Y": the agent stands between the cue and "ke"
        agents = [
            a
            for a in index.within(cue_end, np_start)
            if not _LOCATIVE_BEFORE.search(text[max(sa, a.start - 30) : a.start])
        ]
        passive = _PASSIVE.match(text, np_end, min(sb, np_end + 60))
        if passive:
            # "Konsultasi ke <host> dilakukan (oleh) <visitor>": the agent comes after
            agents = agents or following(text, passive.end(), min(sb, passive.end() + 90), index)
        visitors = agents or subjects(
            text, max(clause_start, cue_start - _SUBJECT_SPAN), cue_start, index
        )
        keys = {h.key for h in hosts}
        out.append(Event(cue_start, [v for v in visitors if v.key not in keys], hosts))
        for _ in range(3):
            cm = _CONTINUE.match(text, np_end, sb)
            more = destination(text, cm.end(), sb, index) if cm else []
            if cm is None or not more:
                break
            own = index.within(cm.start(), more[0].start)
            keys = {h.key for h in more}
            out.append(Event(cm.start(), [v for v in own or visitors if v.key not in keys], more))
            np_end = more[-1].end
        clause_start = np_end
    return out


def _receiving(text: str, sa: int, sb: int, sentence: str, index: _Index) -> list[Event]:
    out: list[Event] = []
    for m in _RECEIVING.finditer(sentence):
        cue_start, cue_end = sa + m.start(), sa + m.end()
        hosts = subjects(text, max(sa, cue_start - _SUBJECT_SPAN), cue_start, index)[-1:]
        stop = _RECEIVED.search(text, cue_end, min(sb, cue_end + _VISITOR_SPAN))
        end = stop.start() if stop else min(sb, cue_end + _VISITOR_SPAN)
        visitors = following(text, cue_end, end, index)
        keys = {h.key for h in hosts}
        visitors = [v for v in visitors if v.key not in keys]
        # "sering menerima tamu dari berbagai daerah, seperti A dan B": examples of a
        # habit, no visit of their own (LABELING: passing mentions)
        if visitors and (
            _HABIT.search(text, max(sa, cue_start - 25), cue_start)
            or _EXAMPLES_BEFORE.search(text, cue_end, visitors[0].start)
            or _EXAMPLE_BEFORE.search(text, max(cue_end, visitors[0].start - 30), visitors[0].start)
        ):
            visitors = []
        if hosts or visitors:
            out.append(Event(cue_start, visitors, hosts))
    seen = {e.start for e in out}
    for m in _WELCOMING.finditer(sentence):
        cue_start, cue_end = sa + m.start(), sa + m.end()
        if cue_start in seen:
            continue
        guests = index.within(cue_end, cue_end + 1)
        if not guests:
            continue
        hosts = subjects(text, max(sa, cue_start - _SUBJECT_SPAN), cue_start, index)[-1:]
        hosts = [h for h in hosts if h.key != guests[0].key]
        out.append(Event(cue_start, guests[:1], hosts))
    for m in _RECEIVED.finditer(sentence):
        cue_start, cue_end = sa + m.start(), sa + m.end()
        hosts = index.within(cue_end, min(sb, cue_end + _HOST_SPAN))[:1]
        if not hosts:
            continue
        visitors = subjects(text, max(sa, cue_start - _SUBJECT_SPAN), cue_start, index)
        out.append(Event(cue_start, [v for v in visitors if v.key != hosts[0].key], hosts))
    return out


def _delegations(text: str, sa: int, sb: int, sentence: str, index: _Index) -> list[Event]:
    """Delegations a sentence names without a destination: visitor-only events."""
    out: list[Event] = []
    for m in _FROM_LIST.finditer(sentence):
        a = sa + m.end()
        listed = following(text, a, min(sb, a + _VISITOR_SPAN), index)
        # the list must start right after "dari", not somewhere later in the clause; a
        # habit ("sering menerima rombongan dari ...") names no visit of its own
        if (
            listed
            and len(text[a : listed[0].start].split()) <= 2
            and not _HABIT.search(text, max(sa, sa + m.start() - 40), sa + m.start())
        ):
            out.append(Event(sa + m.start(), listed, []))
    for actor in index.within(sa, sb):
        if (
            _LED_AFTER.match(text, actor.end)
            and not _HOSTING_AFTER.match(text, actor.end, sb)
            and not _RECEIVED_BY.search(text, max(sa, actor.start - 40), actor.start)
            and not _LOCATIVE_BEFORE.search(text, max(sa, actor.start - 30), actor.start)
            and not _EXAMPLE_BEFORE.search(text, max(sa, actor.start - 30), actor.start)
        ):
            out.append(Event(actor.start, [actor], []))
    return out


def destination(text: str, start: int, limit: int, index: _Index) -> list[Actor]:
    """The hosts a destination phrase starting at ``start`` names, in order.

    The phrase runs to a clause word, a date or a stop ("ke Kabupaten Gianyar, Bali,
    untuk ..." names Gianyar; "ke Korea Selatan dan Jepang pada ..." names both). The
    first actor must stand within a few words of the preposition.
    """
    end = min(limit, start + _NP_SPAN)
    stop = _NP_END.search(text, start, end)
    if stop is not None:
        end = stop.start()
    found = index.within(start, end)
    if not found or len(text[start : found[0].start].split()) > 6:
        return []
    # "ke kantor Bupati A di Kabupaten B": after a first host, "di" only locates it
    located = _LOCATED.search(text, found[0].end, end)
    if located is not None:
        found = [a for a in found if a.start < located.start()]
    out: list[Actor] = []
    for a in found:
        if all(a.key != b.key for b in out):
            out.append(a)
    return out


def subjects(text: str, a: int, b: int, index: _Index) -> list[Actor]:
    """The subject of a verb at ``b``: the last actor of ``[a, b)`` and those joined to
    it by "dan", "bersama" or a comma ("Bupati A dan Bupati B berkunjung ...")."""
    return _listed(text, a, b, index, last=True)


def following(text: str, a: int, b: int, index: _Index) -> list[Actor]:
    """The first actor of ``[a, b)`` and those joined to it ("kunjungan DPRD A dan B")."""
    return _listed(text, a, b, index, last=False)


def _listed(text: str, a: int, b: int, index: _Index, last: bool) -> list[Actor]:
    """The last (or first) actor of ``[a, b)`` with the actors listed together with it;
    places after "di"/"ke" locate something and are left out."""
    found = [
        actor
        for actor in index.within(a, b)
        if actor.end <= b
        and (
            not _LOCATIVE_BEFORE.search(text[max(a, actor.start - 30) : actor.start])
            or _RESIDENTS_AT.search(text, max(a, actor.start - 40), actor.start)
        )
        and not (text[actor.start : actor.end].isupper() and _DATELINE_DASH.match(text, actor.end))
    ]
    if last:
        found.reverse()
    out = found[:1]
    for actor in found[1:]:
        left, right = (actor, out[-1]) if last else (out[-1], actor)
        if not joined(text[left.end : right.start]):
            break
        out.append(actor)
    return out[::-1] if last else out


_JOIN = re.compile(r"\b(?:dan|serta|beserta|bersama)\b", _I)
_NOT_JOIN = re.compile(
    r"[.;:!?\n]|\b(?:yang|di|ke|untuk|dalam|pada|dipimpin|oleh|dari|menerima|diterima)\b", _I
)


def joined(gap: str) -> bool:
    """Whether the words between two actors list them together ("A dan B", "A, B";
    not "A, <name>, B", where B starts a clause of its own)."""
    if not gap.strip(" ,"):
        return True
    return len(gap) <= 60 and bool(_JOIN.search(gap)) and not _NOT_JOIN.search(gap)
