"""Topics and domains: what the delegation came to learn, and its LABELING.md domains.

A topic is a short noun phrase in the article's words after a purpose cue: a learning
verb ("belajar", "mempelajari", "menimba ilmu", "studi banding", "guna melihat") or a
word that names a subject ("terkait", "tentang", "mengenai", "mulai dari", "kerja sama
dalam"). The run of words after the cue ends at the first clause boundary
(punctuation, a function word, a verb, a number, a possessive, an attribution such as
"kata X") and is split into items at commas and "dan", "serta", "hingga". Each item
loses its leading and trailing filler ("hingga", "bagaimana", "itu", "-nya") and is
kept only when it still reads as a programme: not filler alone ("berbagai program
inovatif"), no pronoun, no verb in front, no person, place, date or government, no
capitalised name that names no policy area, and a single word only when it names one.
Domains come from :mod:`~visit_extract.backends.rules.domains`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.domains import domains_of, domains_of_phrase
from visit_extract.backends.rules.mentions import in_spans
from visit_extract.normalize.gazetteer import gazetteer, key
from visit_extract.normalize.lexicon import KIND_TERMS, LEARNING_TERMS, MONTHS, WEEKDAYS
from visit_extract.normalize.regions import normalize_country

_I = re.IGNORECASE


def _wordset(words: str) -> frozenset[str]:
    """The set of the space-separated ``words`` (long word lists read best as text)."""
    return frozenset(words.split())


#: At most this many topics an article.
MAX_TOPICS = 10
#: Longest topic, in words.
MAX_WORDS = 7

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
    r"\b(?:(?:" + _LEARN + r")(?:\s+(?:lebih|banyak|jauh|dalam|dekat|secara|langsung|"
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
# A list item marker at the start of a line: "a.", "2)", "-", "•".
_MARKER = re.compile(r"\n[ \t]*(?:[a-z]|\d{1,2})[.)][ \t]+|\n[ \t]*[-•*][ \t]+", _I)
_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[\w’'/-]+|[^\w\s]")
# Words that end a topic phrase: clause words, prepositions, modals and attributions.
_STOP_WORDS = _wordset(
    """di ke yang dari kepada agar supaya untuk sehingga karena oleh pada bersama dengan
    sebagai selama saat ketika sebab namun tetapi tapi bagi sesuai selain bahwa jika
    kalau apabila sudah telah akan sedang bisa dapat harus perlu ingin mau adalah
    merupakan ialah sangat cukup paling masih belum tidak bukan kini nanti kemudian lalu
    setelah sebelum sedangkan sementara terhadap atas tanpa juga pun agar guna demi
    kata ujar ungkap jelas tutur imbuh tambah ucap papar terang sebut lanjut tegas
    katanya ujarnya ungkapnya jelasnya tuturnya imbuhnya tambahnya ucapnya paparnya
    terangnya sebutnya lanjutnya tegasnya selaku yakni yaitu misalnya dalam lewat
    sebagaimana sering selalu kerap jarang biasanya hanya cuma bahkan pernah
    berkunjung berjalan berhasil bertemu berada berlangsung bertujuan berharap
    bersama-sama berupa tersebut itu ini ada kan apa kira-kira waktu jadi bakal nomor no"""
)
# Words that split a run of topics into its items.
_SPLIT_WORDS = _wordset(
    """dan serta hingga sampai maupun atau termasuk seperti sekaligus tentang mengenai
    seputar terkait perihal soal khususnya terutama utamanya"""
)
_SPLIT_PAIRS = frozenset({"mulai dari", "di antaranya", "antara lain", "di bidang"})
# Words and phrases that lead an item without belonging to it.
_LEAD_WORDS = _wordset(
    """hingga sampai juga pula bagaimana bagaiman bagimana cara tentang mengenai soal
    terkait seputar perihal lebih banyak hal hal-hal berbagai beragam sejumlah beberapa
    upaya langkah langkah-langkah masalah persoalan mulai khususnya terutama utamanya
    sekaligus serta dan atau para pun secara dalam seperti antara lain termasuk
    berbagai macam aneka the baik bidang pemaparan paparan presentasi penjelasan praktik
    praktek rahasia kunci resep sukses kesuksesan keberhasilan contoh best practice"""
)
_TRAIL_WORDS = _wordset(
    """itu ini tersebut saja pun dll dsb lainnya lain sendiri masing-masing dan serta
    atau yang dengan dalam untuk secara lebih sangat"""
)
# Words that make an item no topic wherever they stand.
_NEVER = _wordset(
    """saya aku kami kita mereka ia dia beliau pihaknya kamu anda kalian kunjungan
    rombongan delegasi kunker kunjungannya rombongannya peserta"""
)
# Offices and officials that open a list of the people who came, not of topics.
_OFFICES = re.compile(
    r"(?:dinas|badan|bagian|biro|kantor|sekretariat|kepala|komisi|camat|lurah|kades|"
    r"anggota|pejabat|staf|perwakilan|unsur|jajaran|pimpinan|kabag|kadis|kasubag|opd|skpd)\b",
    _I,
)
# Governments named inside an item: "kebijakan Pemkab X" is the host's, not a programme
# (while "kinerja pemerintah" may be one).
_BODIES = _wordset("pemkab pemkot pemprov pemda pemerintah")
# First words of institutions, sites and groups of people: no programme.
_NOT_FIRST = _wordset(
    """ini itu hal seluruh semua kepala kantor gedung balai pendopo aula lokasi kecamatan
    hotel ruang ruangan objek obyek pantai komisi dinas badan bagian sekretariat
    sekretaris dprd dewan kabupaten kota provinsi anggota pejabat tim jajaran kali
    daerah wilayah tengah apa siapa mana sini sana situ satu dua tiga empat lima enam
    tujuh delapan sembilan sepuluh sebelas belajar bupati wakil gubernur walikota wali
    menteri presiden panglima ketua camat lurah sekda direktur"""
)
# Words that say nothing about which programme: an item made of them alone ("berbagai
# program inovatif", "kondisi terkini pengelolaan", "strategi pembangunan") is filler.
_GENERIC = _wordset(
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
# Lowercase nouns that look like verbs with a me- or di- prefix.
_ME_DI_NOUNS = (
    "media", "medis", "metode", "mekanisme", "menengah", "merah", "mental", "menteri",
    "mesin", "meja", "menu", "merek", "melati", "metro", "meeting", "member", "memori",
    "meter", "megah", "digital", "dinas", "diklat", "disabilitas", "diskusi", "dinamika",
    "distribusi", "diversifikasi", "dialog", "dimensi", "direktorat", "disiplin",
    "diploma", "dividen",
)  # fmt: skip
_ME_DI_NOUN = re.compile(r"(?:" + "|".join(_ME_DI_NOUNS) + r")(?:isasi|nya)?", _I)
_VERB = re.compile(r"(?:me|di)[a-z]{3,}", _I)
# ber- words that describe a noun ("berbasis", "berkelanjutan") rather than act.
_BER_ADJECTIVES = (
    "berbasis", "berprestasi", "berkelanjutan", "berdaya", "berkualitas", "berbudaya",
    "berwawasan", "berintegritas", "berkeadilan", "bermartabat", "bersih", "beras",
    "berita", "berkas", "bersama", "berbagai", "beragam", "berikut", "bersejarah",
)  # fmt: skip
_NOT_NYA = _wordset("hanya punya tanya kenya sanya bunya")
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
        items = _list_lines(text, end) or _items(text, end)
        if items and _OFFICES.match(text, items[0][0]):
            continue  # a list of offices ("mulai dari dinas X, Y dan Z") names the delegation
        for a, b in items:
            phrase = text[a:b]
            if not _is_topic(phrase, names):
                continue
            toks = frozenset(_WORDS.findall(phrase.casefold()))
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


def _list_lines(text: str, start: int) -> list[tuple[int, int]]:
    """The items of a list set out one a line after a cue ("meliputi:" then "a. X").

    A line short enough to be one topic stays whole ("Pengembangan Kota Cerdas dan
    E-Government"); a longer one is split like a sentence.
    """
    spans: list[tuple[int, int]] = []
    pos = start
    for _ in range(12):
        m = _MARKER.match(text, pos)
        if m is None:
            break
        eol = text.find("\n", m.end())
        eol = len(text) if eol < 0 else eol
        line = [(t.group(), m.end() + t.start(), m.end() + t.end())
                for t in _TOKEN.finditer(text[m.end() : eol])]  # fmt: skip
        while line and not line[-1][0][0].isalnum():
            line = line[:-1]
        n_words = sum(1 for w, _, _ in line if w[0].isalnum())
        whole = _clean(line) if n_words <= MAX_WORDS else None
        if whole is not None and not any(_DIGIT.search(w) for w, _, _ in line):
            spans.append(whole)
        else:
            spans.extend(_items(text, m.end(), eol))
        pos = eol
    return spans


def _items(text: str, start: int, stop: int | None = None) -> list[tuple[int, int]]:
    """The cleaned item spans of the topic run that starts at ``start`` (ends by ``stop``)."""
    window = text[start : start + 240 if stop is None else min(stop, start + 240)]
    toks = [(t.group(), start + t.start(), start + t.end()) for t in _TOKEN.finditer(window)]
    items: list[list[tuple[str, int, int]]] = [[]]
    ended = False
    commas = 0
    i = 0
    while i < len(toks):
        word = toks[i][0]
        low = word.casefold()
        pair = low + " " + toks[i + 1][0].casefold() if i + 1 < len(toks) else low
        if pair in _SPLIT_PAIRS:
            items.append([])
            i += 2
            continue
        if word == "(":
            close = _closing(toks, i)
            if close is not None and items[-1]:
                if close == i + 2:
                    _join_abbreviated(items, toks[i + 1][0])
                items[-1].extend(toks[i : close + 1])  # "pelayanan terpadu (PTSP)"
                i = close + 1
                continue
        if not (word[0].isalnum() or word[0] == "_"):
            if word == ",":
                items.append([])
                commas += 1
                i += 1
                continue
            ended = True
            break
        if low in _ON and any(_RULE.fullmatch(w.casefold()) for w, _, _ in items[-1]):
            items[-1].append(toks[i])  # a regulation's subject follows it
            i += 1
            continue
        if low in _SPLIT_WORDS:
            items.append([])
            i += 1
            continue
        possessive = low.endswith("nya") and len(low) > 5 and low not in _NOT_NYA
        if (_is_verb(word) or low in _AUX) and _how_subject(items[-1]):
            items[-1] = []  # "bagaimana Pemkab X mengelola sampah": the topic is the object
            i += 1
            while i < len(toks) and _is_verb(toks[i][0]):
                i += 1
            continue
        if _is_verb(word) and not any(items):
            i += 1  # a second verb of the cue ("untuk melihat dan mempelajari X")
            continue
        if low in _STOP_WORDS and commas and items[-1]:
            resume = _next_item(toks, i)
            if resume is not None:
                items.append([])  # "X yang sakit, Y, hingga Z": the list goes on
                i = resume
                continue
        if (
            low in _STOP_WORDS
            or _is_verb(word)
            or _DIGIT.search(word)
            or (possessive and low[:-3] in _STOP_WORDS)  # "adanya"
        ):
            ended = True
            break
        items[-1].append(toks[i])
        i += 1
        if possessive:
            ended = True  # a possessive closes the noun phrase ("pola perizinannya")
            break
    if not ended and start + len(window) >= len(text):
        items = items[:-1]  # the text was cut off mid-phrase
    spans = []
    for item in items:
        span = _clean(item)
        if span is not None:
            spans.append(span)
    return spans


_BRACKET = re.compile(r"\([^()]*\)")
_ON = frozenset({"tentang", "mengenai"})
# A regulation keeps its subject: "Perda tentang Lembaga Adat" is one topic.
_RULE = re.compile(
    r"peraturan|perda|ran?perda|raperda|qanun|undang-undang|uu|perbup|perwali|pergub|"
    r"perdes|permendagri|perpres|pp|rancangan|regulasi"
)


def _join_abbreviated(items: list[list[tuple[str, int, int]]], short: str) -> None:
    """Join the last items when a bracketed acronym abbreviates words of both.

    "pejabat pengelola informasi dan dokumentasi (PPID)" was split at "dan"; the
    initials of its last words spell PPID, so the items are one name again.
    """
    if not (3 <= len(short) <= 8 and short.isalpha() and short.isupper()):
        return
    for k in range(2, min(4, len(items)) + 1):
        words = [w for item in items[-k:] for w, _, _ in item]
        tail = len(words) - len(short)
        if tail < 0:
            continue
        # the initials spell the acronym and reach back past the last item
        if len(items[-1]) < len(short) and "".join(w[0] for w in words[tail:]).upper() == short:
            joined = [t for item in items[-k:] for t in item]
            del items[-k:]
            items.append(joined)
            return


_HOW = frozenset({"bagaimana", "bagaiman", "bagimana", "gimana", "cara"})
# Words a "how" clause may put between its subject and its verb ("bisa mengelola").
_AUX = frozenset({"bisa", "dapat", "mampu", "berhasil", "berupaya", "sukses", "terus"})
_SUBJECT_WORDS = _BODIES | frozenset({"daerah", "daerahnya", "mereka", "kita", "kami", "pemda"})


def _how_subject(item: list[tuple[str, int, int]]) -> bool:
    """Whether an item is "bagaimana" (or "cara") with at most a short subject after it.

    Such an item stands before the verb whose object is the topic: "bagaimana
    Kabupaten X mengelola sampah", "cara mereka menata pasar".
    """
    words = [w for w, _, _ in item]
    k = 0
    while k < len(words) and words[k].casefold() in _HOW:
        k += 1
    subject = words[k:]
    return (
        k > 0
        and len(subject) <= 3
        and all(w[:1].isupper() or w.casefold() in _SUBJECT_WORDS for w in subject)
    )


#: Most words a relative clause or an adjunct may add to an item of a list.
CLAUSE_WORDS = 5


def _next_item(toks: list[tuple[str, int, int]], i: int) -> int | None:
    """Where a comma list resumes after a short clause that ends its item, if it does.

    In "A, B yang sakit, C hingga D" the clause "yang sakit" ends B, and the list
    goes on after the comma: the index of C. None when no comma follows within
    :data:`CLAUSE_WORDS` plain words, or when a verb or a stop word comes after it.
    """
    for j in range(i + 1, min(i + CLAUSE_WORDS + 2, len(toks))):
        word = toks[j][0]
        if word == ",":
            if j + 1 >= len(toks):
                return None
            nxt = toks[j + 1][0]
            low = nxt.casefold()
            if not nxt[0].isalnum() or _is_verb(nxt) or low in _STOP_WORDS:
                return None
            return j + 1
        if not word[0].isalnum() or _DIGIT.search(word) or _is_verb(word):
            return None
    return None


def _closing(toks: list[tuple[str, int, int]], i: int) -> int | None:
    """The index of the ")" that closes a short bracket opened at ``toks[i]``."""
    for j in range(i + 1, min(i + 8, len(toks))):
        if toks[j][0] == ")":
            return j if j > i + 1 else None
        if not toks[j][0][0].isalnum() and toks[j][0] not in "/-&":
            return None
    return None


def _clean(item: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """The span of an item without its leading and trailing filler words."""
    while item and item[0][0].casefold() in _LEAD_WORDS:
        item = item[1:]
    while item and item[-1][0].casefold() in _TRAIL_WORDS:
        item = item[:-1]
    if not item:
        return None
    a, b = item[0][1], item[-1][2]
    last = item[-1][0].casefold()
    if last.endswith("nya") and len(last) > 5 and last not in _NOT_NYA:
        b -= 3
    return a, b


def _is_verb(word: str) -> bool:
    """Whether a word reads as a verb: me-, di- or ber- ("menuturkan", "dikelola", "berangkat")."""
    low = word.casefold()
    if low.startswith("ber") and len(low) > 5:
        return not low.startswith(_BER_ADJECTIVES)
    return bool(_VERB.fullmatch(low)) and not _ME_DI_NOUN.fullmatch(low)


def _is_topic(phrase: str, names: set[str] | frozenset[str]) -> bool:
    """Whether a cleaned item reads as a programme a delegation could come to learn."""
    words = phrase.split()
    low = phrase.casefold()
    lows = [w.casefold() for w in words]
    # a bracketed short form repeats the words before it: it does not lengthen the phrase
    n_words = len(_BRACKET.sub(" ", phrase).split())
    if not words or n_words > MAX_WORDS or len(phrase) < 3:
        return False
    if all(w in _GENERIC for w in _WORDS.findall(low)):
        return False
    if lows[0] in _NOT_FIRST or _is_verb(words[0]) or lows[0].startswith("antar"):
        return False
    if any(w in _NEVER or w in _CAL_WORDS for w in lows) or any(
        w.casefold() in _BODIES and w[:1].isupper() for w in words
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
