"""The run of words after a topic cue, split into its items (see :mod:`.topics`).

The run ends at the first clause boundary (punctuation, a function word, a verb, a
number, a possessive, an attribution such as "kata X") and is split into items at
commas and "dan", "serta", "hingga"; a list set out one item a line is read line by
line. Names that hold a split word stay whole (an acronym spelled by the words before
it, a regulation and its subject), a comma list goes on past a short clause that ends
one item, and "bagaimana X me-VERB Y" gives Y. Each item loses its leading and
trailing filler.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: Longest topic, in words.
MAX_WORDS = 7


def wordset(words: str) -> frozenset[str]:
    """The set of the space-separated ``words`` (long word lists read best as text)."""
    return frozenset(words.split())


# A list item marker at the start of a line: "a.", "2)", "-", "•".
_MARKER = re.compile(r"\n[ \t]*(?:[a-z]|\d{1,2})[.)][ \t]+|\n[ \t]*[-•*][ \t]+", _I)
WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[\w’'/-]+|[^\w\s]")
# Words that end a topic phrase: clause words, prepositions, modals and attributions.
_STOP_WORDS = wordset(
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
_SPLIT_WORDS = wordset(
    """dan serta hingga sampai maupun atau termasuk seperti sekaligus tentang mengenai
    seputar terkait perihal soal khususnya terutama utamanya"""
)
_SPLIT_PAIRS = frozenset({"mulai dari", "di antaranya", "antara lain", "di bidang"})
# Words and phrases that lead an item without belonging to it.
_LEAD_WORDS = wordset(
    """hingga sampai juga pula bagaimana bagaiman bagimana cara tentang mengenai soal
    terkait seputar perihal lebih banyak hal hal-hal berbagai beragam sejumlah beberapa
    upaya langkah langkah-langkah masalah persoalan mulai khususnya terutama utamanya
    sekaligus serta dan atau para pun secara dalam seperti antara lain termasuk
    berbagai macam aneka the baik bidang pemaparan paparan presentasi penjelasan praktik
    praktek rahasia kunci resep sukses kesuksesan keberhasilan contoh best practice"""
)
_TRAIL_WORDS = wordset(
    """itu ini tersebut saja pun dll dsb lainnya lain sendiri masing-masing dan serta
    atau yang dengan dalam untuk secara lebih sangat"""
)
# Governments named inside an item: "kebijakan Pemkab X" is the host's, not a programme
# (while "kinerja pemerintah" may be one).
BODIES = wordset("pemkab pemkot pemprov pemda pemerintah")
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
_NOT_NYA = wordset("hanya punya tanya kenya sanya bunya")


def list_lines(text: str, start: int) -> list[tuple[int, int]]:
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
            spans.extend(run_items(text, m.end(), eol))
        pos = eol
    return spans


def run_items(text: str, start: int, stop: int | None = None) -> list[tuple[int, int]]:
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
        if word in _CLOSERS:
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
        if (is_verb(word) or low in _AUX) and _how_subject(items[-1]):
            items[-1] = []  # "bagaimana Pemkab X mengelola sampah": the topic is the object
            i += 1
            while i < len(toks) and is_verb(toks[i][0]):
                i += 1
            continue
        if is_verb(word) and not any(items):
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
            or is_verb(word)
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


BRACKET = re.compile(r"\([^()]*\)")
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
_SUBJECT_WORDS = BODIES | frozenset({"daerah", "daerahnya", "mereka", "kita", "kami", "pemda"})


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
            if not nxt[0].isalnum() or is_verb(nxt) or low in _STOP_WORDS:
                return None
            return j + 1
        if not word[0].isalnum() or _DIGIT.search(word) or is_verb(word):
            return None
    return None


_CLOSERS = {"(": ")", "[": "]"}


def _closing(toks: list[tuple[str, int, int]], i: int) -> int | None:
    """The index of the ")" (or "]") that closes a short bracket opened at ``toks[i]``."""
    for j in range(i + 1, min(i + 8, len(toks))):
        if toks[j][0] == _CLOSERS[toks[i][0]]:
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


def is_verb(word: str) -> bool:
    """Whether a word reads as a verb: me-, di- or ber- ("menuturkan", "dikelola", "berangkat")."""
    low = word.casefold()
    if low.startswith("ber") and len(low) > 5:
        return not low.startswith(_BER_ADJECTIVES)
    return bool(_VERB.fullmatch(low)) and not _ME_DI_NOUN.fullmatch(low)
