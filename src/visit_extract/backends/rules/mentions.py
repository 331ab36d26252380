"""Finding places, sentences and ignorable passages in an article, with offsets.

Everything here works on the original article text so that every span can become an
:class:`~visit_extract.schema.Evidence` quote without re-alignment.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from visit_extract.normalize import normalize_region, region_hint
from visit_extract.normalize.gazetteer import Region, gazetteer, key
from visit_extract.normalize.lexicon import HEAD_TITLES, SECRETARY_TITLES

# Lines or brackets that only point to other stories ("Baca juga: ...",
# "[Baca: ...]"); a visit named there is not this article's visit.
_IGNORED = re.compile(
    r"(?im)^[ \t•\-]*(?:baca\s+juga|baca|lihat\s+juga|simak\s+juga|berita\s+terkait|"
    r"artikel\s+terkait)\s*[:\-].*$|\[\s*baca[^\]]*\]"
)
# Sentence ends: full stop, ! or ?, line breaks, and the ".," that the CLICK-ID scraper
# left between paragraphs.
_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?(?:\s+|,(?=\S))(?=[\"“‘A-Z0-9(])|\n+")

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*\.?")
# Abbreviations written with a full stop before a title or a name
_WORD_BEFORE_DOT = re.compile(r"(?<![\w.])([A-Za-z]+)\.$")
_ABBREVIATIONS = frozenset(
    "Plt Plh Pj Pjs H Hj HM Drs Dra Dr dr drg Ir Prof Moh Moch Muh Mhd Ust KH Jl No Kab Kec "  # noqa: SIM905
    "Kel Prov Ds Sdr Bpk".split()
)
_GAP = re.compile(r"[ \t-]{1,3}")
# The words that name a region's own government or its kind: "Pemkab X", "Kota X".
_EXPLICIT = frozenset(
    key(w)
    for w in [
        "pemkab",
        "pemkot",
        "pemprov",
        "kabupaten",
        "kab",
        "kota",
        "provinsi",
        "prov",
        "propinsi",
    ]
)
# Words that may stand before a place name and belong to its mention: those, the other
# institutions, and the one-word titles of heads of region and secretaries ("Walkot X").
_PREFIX_WORDS = _EXPLICIT | frozenset(
    key(w)
    for w in [
        "pemerintah",
        "pemerintahan",
        "pemda",
        "dprd",
        "dprk",
        "wali",
        "sekda",
        "administrasi",
        "wakil",
        "setda",
        "setkab",
        "setwan",
        *(w for w in {**HEAD_TITLES, **SECRETARY_TITLES} if " " not in w),
    ]
)
_EXPLICIT_OR_HEAD = _EXPLICIT | frozenset({"bupati", "walikota", "pemda", "dprd"})
# "Ogan Komering Ulu (OKU) Timur": an abbreviation inside the name
_PAREN_TAIL = r"\([A-Z]{2,8}\)[ \t]+(Timur|Barat|Selatan|Utara|Tengah|Daya|Raya)\b"
_PAREN_NAME = re.compile(r"\b([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3})[ \t]*" + _PAREN_TAIL)
# its tail alone, found fast from the bracket: most articles have none, and then the
# name before it need not be tried at every capitalised word
_HAS_PAREN_TAIL = re.compile(_PAREN_TAIL)
# Bare names that are also common words or person names; matched only after a
# prefix ("Kota Batu", "Kabupaten Puncak", "Bupati Bima").
_WEAK = frozenset(
    key(w)
    for w in [
        "batu",
        "puncak",
        "toba",
        "buru",
        "banjar",
        "malaka",
        "kapuas",
        "landak",
        "agam",
        "bone",
        "pati",
        "sigi",
        "muna",
        "lingga",
        "tala",
        "tuba",
        "mitra",
        "basel",
        "matra",
        "palas",
        "psp",
        "kaur",
        "metro",
        "bima",
        "kuningan",
        "paser",
        "lebak",
        "batang",
        "sabang",
        "bangka",
        "belitung",
        "karo",
        "belu",
        "ende",
        "buol",
        "tebo",
        "bungo",
        "mesuji",
        "kota",
    ]
)


@dataclass(frozen=True)
class Mention:
    """One place named in the text.

    Attributes:
        start: offset of the place name (after any prefix) in the original text.
        end: offset just past the name.
        prefix_start: offset where prefix words ("Pemkab", "Bupati") begin; equals
            ``start`` when there are none.
        region: the resolved Kemendagri region.
        hint: level implied by the prefix ("regency", "city", "province") or None.
        qualifier: True for a province that only locates the place before it
            ("Kabupaten Pemalang, Jawa Tengah").
    """

    start: int
    end: int
    prefix_start: int
    region: Region
    hint: str | None
    qualifier: bool = False


def ignored_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "Baca juga" lines and "[Baca: ...]" brackets."""
    return [(m.start(), m.end()) for m in _IGNORED.finditer(text)]


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls inside one of ``spans`` (sorted, not overlapping).

    A binary search, so that a check per match stays linear in the text overall.
    """
    i = bisect_right(spans, pos, key=_span_start) - 1
    return i >= 0 and pos < spans[i][1]


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_L = TypeVar("_L", bound=_Located)


def starting_within(items: Sequence[_L], lo: int, hi: int) -> Sequence[_L]:
    """The items (sorted by ``start``) that start at ``lo`` to ``hi`` inclusive, in order.

    A binary search: a stage that looks for the mentions or people near each of its
    matches must not scan them all every time, which is quadratic in the text.
    """
    return items[bisect_left(items, lo, key=_start_of) : bisect_right(items, hi, key=_start_of)]


def _start_of(item: _Located) -> int:
    return item.start


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of the original text, empty ones dropped."""
    spans = []
    last = 0
    for m in _SENT_END.finditer(text):
        word = _WORD_BEFORE_DOT.search(text, max(0, m.start() - 8), m.start())
        if word and (word.group(1) in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue  # "Plt. Bupati", "H. M. Yusuf": the full stop ends no sentence
        if m.start() > last:
            spans.append((last, m.start()))
        last = m.end()
    if last < len(text):
        spans.append((last, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def find_regions(text: str) -> list[Mention]:
    """Every province, regency or city named in ``text``, in order.

    Names must be capitalised ("Banyuwangi", "BANYUWANGI") unless an explicit prefix
    precedes them ("pemerintah kota bandung"); names that are also common words need
    a prefix. Kabupaten/Kota pairs are resolved by their prefix, else by how the same
    name is prefixed elsewhere in the article, else by the sentence around them.

    Args:
        text: the original article text.

    Returns:
        The mentions, with offsets into ``text``.
    """
    gaz = gazetteer()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    raw: list[tuple[int, int, int, str, str | None, list[str]]] = []
    n_words = len(words)
    # "se-Kabupaten Pati" (all of a regency): the prefix without its "se-"
    words = [(a + 3, b, w[3:]) if w[:3].lower() == "se-" else (a, b, w) for a, b, w in words]
    wkeys = [key(w) for _, _, w in words]

    def joins(i: int) -> bool:
        """Whether word i joins word i+1 into one name: only spaces or a hyphen between."""
        return (
            i + 1 < n_words
            and not words[i][2].endswith(".")
            and _GAP.fullmatch(text, words[i][1], words[i + 1][0]) is not None
        )

    i = 0
    while i < n_words:
        s, _, w = words[i]
        # names are capitalised unless a prefix word precedes them
        if not w[:1].isupper() and not (i and wkeys[i - 1] in _PREFIX_WORDS):
            i += 1
            continue
        best = None
        k = ""
        starts_name = wkeys[i] in gaz.key_prefixes
        may_be_misspelt = bool(i) and wkeys[i - 1] in _EXPLICIT_OR_HEAD and w[:1].isupper()
        if not starts_name and not may_be_misspelt:
            # most capitalised words begin no name: skip joining the words after them
            i += 1
            continue
        limit = 1
        while limit < gaz.max_tokens and i + limit - 1 < n_words and joins(i + limit - 1):
            limit += 1
        limit = min(limit, n_words - i)
        for n in range(limit if starts_name else 0, 0, -1):
            k = "".join(wkeys[i : i + n])
            if k in gaz.all_keys:
                best = (n, k)
                break
        if best is None and may_be_misspelt:
            # a misspelt name after "Kabupaten"/"Bupati": "Kabupaten Joneponto",
            # "Kabupaten Menggarai Barat" (the longest name that fits)
            for n in range(min(limit, 3), 0, -1):
                fixed = gaz.fuzzy("".join(wkeys[i : i + n]))
                if fixed is not None:
                    best = (n, fixed)
                    break
        if best is None:
            i += 1
            continue
        n, k = best
        end = words[i + n - 1][1]
        if text[end - 1] == "." and not text[s:end].isupper():
            end -= 1
        # prefix words before the name
        j = i
        while j > 0 and wkeys[j - 1] in _PREFIX_WORDS and words[j][0] - words[j - 1][1] <= 3:
            j -= 1
        prefix_words = [words[t][2] for t in range(j, i)]
        explicit = any(key(p) in _EXPLICIT for p in prefix_words) or (
            bool(prefix_words) and key(prefix_words[-1]) not in ("wakil", "administrasi")
        )
        capital = w[:1].isupper()
        if not capital and not explicit:
            i += 1
            continue
        if k in _WEAK and not explicit:
            i += 1
            continue
        prefix_start = words[j][0] if j < i else s
        hint = region_hint(" ".join(prefix_words)) if prefix_words else None
        raw.append((s, end, prefix_start, k, hint, prefix_words))
        i += n
    # the names with an abbreviation inside replace what was read of them, all at once
    # (the spans do not overlap), so that many of them stay linear in the text
    at_start = {r[0]: r for r in raw}
    whole: list[tuple[int, int, int, str, str | None, list[str]]] = []
    for pm in _PAREN_NAME.finditer(text) if _HAS_PAREN_TAIL.search(text) else ():
        tokens = pm.group(1).split()
        for t in range(len(tokens)):
            k = key(" ".join(tokens[t:]) + pm.group(2))
            if k in gaz.all_keys:
                a = pm.start(1) + pm.group(1).index(tokens[t]) if t else pm.start(1)
                pfx = at_start.get(a)
                whole.append((a, pm.end(2), pfx[2] if pfx else a, k, pfx[4] if pfx else None, []))
                break
    if whole:
        ends = [w[1] for w in whole]

        def covered(r: tuple[int, int, int, str, str | None, list[str]]) -> bool:
            i = bisect_left(whole, r[1], key=lambda w: w[0]) - 1
            return i >= 0 and ends[i] > r[0]

        raw = sorted([r for r in raw if not covered(r)] + whole, key=lambda r: r[0])
    # Document-level level votes for each bare name: "Pemkot Malang" anywhere in the
    # article makes a later bare "Malang" the city.
    votes: dict[str, dict[str, int]] = {}
    for _, _, _, k, hint, _ in raw:
        if hint:
            votes.setdefault(k, {}).setdefault(hint, 0)
            votes[k][hint] += 1
    out: list[Mention] = []
    for s, end, prefix_start, k, hint, _prefix_words in raw:
        name = text[s:end] if key(text[s:end]) == k else k  # k: a typo fixed
        level = hint
        if level is None and k in gaz.ambiguous and k in votes:
            level = max(votes[k].items(), key=lambda kv: kv[1])[0]
        mention = {"regency": "Kabupaten ", "city": "Kota ", "province": "Provinsi "}.get(
            level or "", ""
        ) + name
        lo = max(0, s - 200)
        region = normalize_region(mention, text[lo : end + 200])
        if region is None:
            continue
        out.append(Mention(s, end, prefix_start, region, hint))
    # A province right after a place only locates it: "Pemalang, Jawa Tengah",
    # "Pasangkayu Provinsi Sulawesi Barat", "Pandeglang Banten –"; one named with its
    # head or government is a party ("BLORA – Gubernur Jawa Tengah ...").
    final: list[Mention] = []
    for idx, m in enumerate(out):
        if idx > 0 and m.region.level == "province":
            prev = out[idx - 1]
            between = text[prev.end : m.prefix_start]
            if (
                prev.region.level != "province"
                and len(between) <= 4
                and re.fullmatch(r"[\s,(\-–]*", between)
                and prev.region.province == m.region.name
                and re.fullmatch(
                    r"(?:Provinsi|Propinsi|Prov\.?)?\s*", text[m.prefix_start : m.start]
                )
            ):
                m = Mention(m.start, m.end, m.prefix_start, m.region, m.hint, qualifier=True)
        final.append(m)
    return final
