"""Topics and domains: what the delegation came to learn, and its LABELING.md domains.

A topic is a short noun phrase in the article's words after a purpose cue: a learning
verb ("belajar", "mempelajari", "menimba ilmu", "studi banding", "guna melihat") or a
word that names a subject ("terkait", "tentang", "mengenai", "mulai dari", "kerja sama
dalam", "masukan dalam"), or the scope of a cooperation ("kerja sama ... di antaranya
bidang X"). The run of words after the cue is split into its items by
:mod:`~visit_extract.backends.rules.topic_runs`; an item is kept only when it still
reads as a programme: not filler alone ("berbagai program
inovatif"), no pronoun, no verb in front, no person, place, date or government, no
capitalised name that names no policy area, and a single word only when it names one.
Domains come from :mod:`~visit_extract.backends.rules.domains`. With several
delegations, a topic whose sentence names one of them is that delegation's only.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.domains import domains_of, domains_of_phrase
from visit_extract.backends.rules.mentions import in_spans
from visit_extract.backends.rules.topic_runs import (
    BODIES,
    BRACKET,
    MAX_WORDS,
    WORDS,
    is_verb,
    list_lines,
    run_items,
    wordset,
)
from visit_extract.normalize.gazetteer import gazetteer, key
from visit_extract.normalize.lexicon import KIND_TERMS, LEARNING_TERMS, MONTHS, WEEKDAYS
from visit_extract.normalize.regions import normalize_country

_I = re.IGNORECASE


#: At most this many topics an article.
MAX_TOPICS = 10

_LEARN = (
    r"belajar|mempelajari|pembelajaran|mendalami|menggali|memahami|meniru|"
    r"mencontoh|mereplikasi|mengamati|menimba\s+ilmu|berguru|sharing|berbagi|"
    r"(?:ber|saling\s+)tukar|berdiskusi|diskusi|konsultasi|berkonsultasi|terinspirasi|"
    r"stud[iy]\s+(?:banding|tiru|komparasi|komparatif|lapangan)|kaji\s+(?:banding|tiru)|"
    r"benchmarking|" + LEARNING_TERMS + r"|"
    # verbs that name a learning purpose only after a purpose word ("guna melihat X")
    r"(?:untuk|guna|ingin|hendak)\s+(?:melihat|mengetahui|mengadopsi|menyaksikan)"
)
_ABOUT = (
    r"tentang|mengenai|terkait(?:\s+dengan)?|seputar|perihal|dalam\s+hal|"
    r"khususnya|utamanya|terutama|fokus(?:\s+utama)?\s+pada|bertema|mulai\s+dari"
)
# A learning verb, the words that may stand between it and its object ("lebih banyak",
# "informasi"), and an optional subject word; or a subject word on its own; or the
# subject of a cooperation ("kerja sama dalam bidang X").
_CUE = re.compile(
    # every cue starts a word: the look-ahead spares the alternatives at word ends
    r"\b(?=\w)(?:(?:" + _LEARN + r")(?:\s+(?:lebih|banyak|jauh|dalam|dekat|secara|langsung|"
    r"informasi|ilmu|pengalaman|pikiran|hal|dari\s+dekat|untuk)\b)*(?:\s+(?:"
    + _ABOUT
    + r"|terhadap|soal))?|"
    r"(?:" + _ABOUT + r")|(?:masukan|referensi|rujukan|acuan|pemahaman|wawasan|gambaran|inspirasi)"
    r"(?:\s+(?:dalam|untuk|bagi|soal))?|"
    r"(?:be)?kerja\s*sama\s+(?:dalam(?:\s+hal)?|di\s+bidang|bidang))[\"”’']?\s+",
    _I,
)
# The scope of a cooperation or agreement, listed after it in the same sentence or at
# the start of the next: "kerja sama ... dalam berbagai bidang. Di antaranya bidang X,
# Y", "ruang lingkup kesepakatan meliputi: a. X b. Y".
_AGREED = re.compile(
    r"\b(?:(?:be)?kerja\s*sama|kesepakatan|kesepahaman|perjanjian|mou|ruang\s+lingkup)\b", _I
)
_LISTED = re.compile(
    r"\b(?:di\s*antaranya|antara\s+lain|meliputi|mencakup|yakni|yaitu)\b"
    r"(?:\s+(?:di\s+|dalam\s+)?bidang\b)?\s*:?[ \t]*",
    _I,
)
#: How far back from a list word its cooperation may be named.
SCOPE_REACH = 200
# Words that make an item no topic wherever they stand.
_NEVER = wordset(
    """saya aku kami kita mereka ia dia beliau pihaknya kamu anda kalian kunjungan
    rombongan delegasi kunker kunjungannya rombongannya peserta"""
)
# Offices and officials that open a list of the people who came, not of topics.
_OFFICES = re.compile(
    r"(?:dinas|badan|bagian|biro|kantor|sekretariat|kepala|komisi|camat|lurah|kades|"
    r"anggota|pejabat|staf|perwakilan|unsur|jajaran|pimpinan|kabag|kadis|kasubag|opd|skpd)\b",
    _I,
)
# First words of institutions, sites and groups of people: no programme.
_NOT_FIRST = wordset(
    """ini itu hal seluruh semua kepala kantor gedung balai pendopo aula lokasi kecamatan
    hotel ruang ruangan objek obyek pantai komisi dinas badan bagian sekretariat
    sekretaris dprd dewan kabupaten kota provinsi anggota pejabat tim jajaran kali
    daerah wilayah tengah apa siapa mana sini sana situ satu dua tiga empat lima enam
    tujuh delapan sembilan sepuluh sebelas belajar bupati wakil gubernur walikota wali
    menteri presiden panglima ketua camat lurah sekda direktur"""
)
# Words that say nothing about which programme: an item made of them alone ("berbagai
# program inovatif", "kondisi terkini pengelolaan", "strategi pembangunan") is filler.
_GENERIC = wordset(
    """banyak berbagai hal hal-hal program programnya inovasi inovasi-inovasi inovatif
    kegiatan unggulan strategis prioritas lainnya lain-lain baru terbaik positif daerah
    pembangunan pengembangan pengelolaan potensi kebijakan kemajuan keberhasilan
    prestasi kondisi terkini praktik baik sistem pola strategi mekanisme proses cara
    model konsep upaya langkah penerapan implementasi pelaksanaan penyelenggaraan
    tata kelola manajemen masyarakat setempat sektor bidang hasil hasil-hasil produk
    kawasan wilayah lokal kerja sama kerjasama kolaborasi kolaboratif pendekatan
    integratif sinergi sinergitas informasi pengalaman ilmu pengetahuan rencana
    kunjungan lapangan silaturahmi diskusi sharing studi tujuan maksud profil
    perkembangan pelayanan layanan masalah persoalan peningkatan penguatan
    optimalisasi umum dll sebagainya tersebut"""
)
_CAL_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# A pe-an or ke-an noun names an activity ("penyusunan", "kebersihan"): a phrase that
# names no policy area needs one to read as a programme.
_NOMINAL = re.compile(r"(?:pe|ke)\w{3,}an", _I)


def find_topics(ctx: Context) -> None:
    """Stage: ``ctx.topics`` with their spans, and ``ctx.domains``."""
    names = {key(w) for p in ctx.people for w in p.name.split() if len(w) > 2}
    repeats: list[tuple[int, int]] = []
    ctx.topics = topic_spans(ctx.text, ctx.skip, names, repeats)
    ctx.domains = domains_of([t for t, _, _ in ctx.topics])
    visitors = {v for v, _ in ctx.pairs}
    if len(visitors) < 2 or not ctx.topics:
        return
    starts = [actor.start for actor in ctx.actors]
    owners = [{_owner(ctx, starts, a, visitors)} for _, a, _ in ctx.topics]
    for k, a in repeats:
        owners[k].add(_owner(ctx, starts, a, visitors))
    if all(None in o for o in owners):
        return
    for pair in ctx.pairs:
        mine = [t for t, o in zip(ctx.topics, owners, strict=True) if o & {None, pair[0]}]
        ctx.visit_topics[pair] = (mine, domains_of([t for t, _, _ in mine]))


def _owner(ctx: Context, starts: list[int], pos: int, visitors: set[str]) -> str | None:
    """The one delegation the sentence at ``pos`` names, or None (all delegations').

    With two delegations at one host, "Delegation A came to learn X. B asked about Y"
    gives X to A and Y to B.
    """
    s, e = ctx.sentence_of(pos)
    named = {
        actor.key
        for actor in ctx.actors[bisect_right(starts, s - 1) : bisect_right(starts, e)]
        if actor.key in visitors
    }
    return named.pop() if len(named) == 1 else None


def topic_spans(
    text: str,
    skip: list[tuple[int, int]],
    names: set[str] | frozenset[str] = frozenset(),
    repeats: list[tuple[int, int]] | None = None,
) -> list[tuple[str, int, int]]:
    """Up to :data:`MAX_TOPICS` topic phrases with their spans, in text order.

    Args:
        text: the article text.
        skip: spans to ignore ("Baca juga" lines).
        names: :func:`~visit_extract.normalize.gazetteer.key` forms of the words of
            the people named in the text; an item with one of them is no topic.
        repeats: when given, receives ``(index of the topic kept, start)`` for each
            later mention of a topic already kept.

    Returns:
        ``(phrase, start, end)`` with ``text[start:end] == phrase``.
    """
    out: list[tuple[str, int, int]] = []
    seen: list[frozenset[str]] = []
    cues = sorted(
        {(m.start(), m.end()) for m in _CUE.finditer(text)} | set(_scope_cues(text)),
        key=lambda c: c[1],
    )
    for start, end in cues:
        if in_spans(start, skip):
            continue
        items = list_lines(text, end) or run_items(text, end)
        if items and _OFFICES.match(text, items[0][0]):
            continue  # a list of offices ("mulai dari dinas X, Y dan Z") names the delegation
        for a, b in items:
            phrase = text[a:b]
            if not _is_topic(phrase, names):
                continue
            toks = frozenset(WORDS.findall(phrase.casefold()))
            same = [
                k
                for k, t in enumerate(seen)
                if toks <= t or toks >= t or 2 * len(toks & t) >= len(toks | t)
            ]
            if same:
                if repeats is not None:
                    repeats.append((same[0], a))
                continue  # the same topic again, in other words
            seen.append(toks)
            out.append((phrase, a, b))
            if len(out) >= MAX_TOPICS:
                return out
    return out


def _scope_cues(text: str) -> list[tuple[int, int]]:
    """Spans of list words ("di antaranya", "meliputi") that list a cooperation's fields.

    The cooperation must be named shortly before, in the same sentence or the one
    before ("Kerja sama itu luas. Di antaranya bidang X").
    """
    agreed = [m.end() for m in _AGREED.finditer(text)]
    cues = []
    for m in _LISTED.finditer(text):
        k = bisect_right(agreed, m.start()) - 1
        if k < 0 or m.start() - agreed[k] > SCOPE_REACH:
            continue
        between = text[agreed[k] : m.start()]
        if "\n" not in between.strip() and between.count(".") <= 1:
            cues.append((m.start(), m.end()))
    return cues


def _is_topic(phrase: str, names: set[str] | frozenset[str]) -> bool:
    """Whether a cleaned item reads as a programme a delegation could come to learn."""
    words = phrase.split()
    low = phrase.casefold()
    lows = [w.casefold() for w in words]
    # a bracketed short form repeats the words before it: it does not lengthen the phrase
    n_words = len(BRACKET.sub(" ", phrase).split())
    if not words or n_words > MAX_WORDS or len(phrase) < 3:
        return False
    if all(w in _GENERIC for w in WORDS.findall(low)):
        return False
    if lows[0] in _NOT_FIRST or is_verb(words[0]) or lows[0].startswith("antar"):
        return False
    if any(w in _NEVER or w in _CAL_WORDS for w in lows) or any(
        w.casefold() in BODIES and w[:1].isupper() for w in words
    ):
        return False
    if any(term.search(low) for term in KIND_TERMS.values()):
        return False  # the visit's own name ("studi banding") is no topic of it
    gaz = gazetteer()
    if any(
        w[:1].isupper() and (key(w) in gaz.by_base or key(w) in names or normalize_country(w))
        for w in words
    ):
        return False  # a place or a person
    if len(words) == 1:
        # one word is a topic when it names an area outright ("pariwisata", "SAKIP"),
        # not when it only may ("pemerintahan", "promosi")
        return bool(domains_of_phrase(phrase, weak=False))
    named = bool(domains_of_phrase(phrase))
    if named:
        return True
    if all(w[:1].isupper() for w in words):
        # a capitalised name that names no policy area is a site, body or person,
        # unless an acronym in it names the programme
        return any(sum(c.isupper() for c in w) >= 2 for w in words)
    return any(_NOMINAL.fullmatch(w) for w in lows)
