"""Quote grounding: find where a model's "verbatim" quote sits in the article.

Models quote loosely: straight for curly quotes, different case, collapsed spaces, an
ellipsis for an elided middle, now and then a dropped or doubled letter. Grounding is
done here, in plain string code — never by building a regular expression from model
output (a quote like ``"Rp 1,5 (miliar)"`` is not a pattern) — in three bounded steps:

1. exact match after normalisation (case, whitespace, quote marks and dashes folded);
2. for a quote with an ellipsis, each part in order within a short distance;
3. a bounded fuzzy alignment around anchor hits (difflib), accepted only when at
   least :data:`MIN_FUZZY_SCORE` of the quote's characters align.

A quote that none of these place is ungrounded; the LLM backend sends it back to the
model as a validation error.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

#: Share of a quote's characters that must align for a fuzzy match.
MIN_FUZZY_SCORE = 0.9
#: Quotes shorter than this (normalised) must match exactly: fuzzy matching short
#: strings finds things that are not there.
MIN_FUZZY_CHARS = 24
#: Longest quote accepted; evidence is a phrase or a sentence, not a paragraph.
MAX_QUOTE_CHARS = 600
#: Most anchor hits examined per anchor, bounding fuzzy work on repetitive text.
MAX_CANDIDATES = 25
#: Longest gap allowed between the parts of an elided ("a ... b") quote.
MAX_ELISION_GAP = 400

_FOLD = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`\u00b4", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}
_STRIP = " \t\n\"'.,;:!?-"
#: Zero-width characters, ignored on both sides (prompting uses one to defuse tags).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass(frozen=True)
class Span:
    """A located quote: ``text[start:end]``, and how it was found."""

    start: int
    end: int
    method: str  # "exact", "elided" or "fuzzy"
    score: float = 1.0


_INVISIBLE_RE = re.compile("[" + "".join(sorted(_INVISIBLE)) + "]")
#: A run of non-whitespace; ``\s`` is exactly ``str.isspace`` for str patterns.
_TOKEN = re.compile(r"\S+")
#: The folds of ASCII characters (the backtick), applied to whole ASCII words.
_ASCII_FOLD = str.maketrans({k: v for k, v in _FOLD.items() if k.isascii()})


def _fold_char(ch: str) -> str:
    folded = _FOLD.get(ch)
    if folded is None:
        low = ch.lower()
        folded = low if len(low) == 1 else ch
    return folded


def _normalise(text: str) -> tuple[str, list[int]]:
    """Fold case, quotes, dashes and whitespace; return the folded text and, per
    folded character, the index of the character it came from."""
    if _INVISIBLE_RE.search(text):
        return _normalise_chars(text)
    # Word by word rather than character by character: an ASCII word folds with one
    # lower() and its offsets are a range, which keeps building a Grounder for an
    # article well under a millisecond. Only non-ASCII words go character by character.
    parts: list[str] = []
    index: list[int] = []
    prev_end = -1
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if prev_end >= 0:
            parts.append(" ")  # a whitespace run maps to its first character
            index.append(prev_end)
        prev_end = end
        word = match.group()
        if word.isascii():
            parts.append(word.lower().translate(_ASCII_FOLD))
            index.extend(range(start, end))
            continue
        for offset, ch in enumerate(word):
            folded = _fold_char(ch)
            parts.append(folded)
            index.extend([start + offset] * len(folded))
    return "".join(parts), index


def _normalise_chars(text: str) -> tuple[str, list[int]]:
    """:func:`_normalise` one character at a time (texts with invisible characters)."""
    out: list[str] = []
    index: list[int] = []
    prev_space = True  # drops leading whitespace
    for i, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if not prev_space:
                out.append(" ")
                index.append(i)
                prev_space = True
            continue
        prev_space = False
        for fch in _fold_char(ch):
            out.append(fch)
            index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def normalise_quote(quote: str) -> str:
    """The folded form of a quote, with surrounding quote marks and punctuation removed."""
    return _normalise(quote)[0].strip(_STRIP)


class Grounder:
    """Locates quotes in one text; build it once per article and reuse it.

    The folded text is built on the first :meth:`locate`, so a Grounder that is never
    asked (an answer without quotes, a cache hit without visits) costs nothing.
    """

    def __init__(self, text: str):
        self.text = text
        self._folded: tuple[str, list[int]] | None = None

    @property
    def _norm(self) -> str:
        return self._fold()[0]

    @property
    def _index(self) -> list[int]:
        return self._fold()[1]

    def _fold(self) -> tuple[str, list[int]]:
        # Racing threads may both fold; each assigns a complete, equal tuple.
        folded = self._folded
        if folded is None:
            folded = self._folded = _normalise(self.text)
        return folded

    def _to_text(self, nstart: int, nend: int) -> tuple[int, int]:
        return self._index[nstart], self._index[nend - 1] + 1

    def locate(self, quote: str) -> Span | None:
        """Where ``quote`` occurs in the text, or None.

        Args:
            quote: the model's quote.

        Returns:
            The span in the text given to the constructor, or None when the quote is
            empty, too long, or not found by any of the three steps.
        """
        q = normalise_quote(quote)
        if not q or len(q) > MAX_QUOTE_CHARS:
            return None
        pos = self._norm.find(q)
        if pos >= 0:
            return Span(*self._to_text(pos, pos + len(q)), method="exact")
        if "..." in q:
            span = self._locate_elided(q)
            if span is not None:
                return span
        return self._locate_fuzzy(q)

    def _locate_elided(self, q: str) -> Span | None:
        parts = [p.strip(_STRIP) for p in q.split("...")]
        parts = [p for p in parts if p]
        if not parts:
            return None
        # Try each occurrence of the first part; the rest must follow in order.
        start = self._norm.find(parts[0])
        tried = 0
        while start >= 0 and tried < MAX_CANDIDATES:
            tried += 1
            end = start + len(parts[0])
            ok = True
            for part in parts[1:]:
                nxt = self._norm.find(part, end, end + MAX_ELISION_GAP + len(part))
                if nxt < 0:
                    ok = False
                    break
                end = nxt + len(part)
            if ok:
                return Span(*self._to_text(start, end), method="elided")
            start = self._norm.find(parts[0], start + 1)
        return None

    def _locate_fuzzy(self, q: str) -> Span | None:
        m = len(q)
        if m < MIN_FUZZY_CHARS:
            return None
        size = 8
        anchors = {0: q[:size], m // 2 - size // 2: q[m // 2 - size // 2 : m // 2 + size // 2]}
        anchors[m - size] = q[-size:]
        slack = max(4, m // 8)
        starts: set[int] = set()
        for offset, anchor in anchors.items():
            hit = self._norm.find(anchor)
            count = 0
            while hit >= 0 and count < MAX_CANDIDATES:
                starts.add(max(0, hit - offset))
                count += 1
                hit = self._norm.find(anchor, hit + 1)
        best: Span | None = None
        for s in sorted(starts):
            lo = max(0, s - slack)
            window = self._norm[lo : s + m + slack]
            matcher = difflib.SequenceMatcher(None, q, window, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size]
            if not blocks:
                continue
            matched = sum(b.size for b in blocks)
            score = matched / m
            wstart = lo + blocks[0].b
            wend = lo + blocks[-1].b + blocks[-1].size
            if score < MIN_FUZZY_SCORE or not 0.8 * m <= wend - wstart <= 1.25 * m:
                continue
            if best is None or score > best.score:
                best = Span(*self._to_text(wstart, wend), method="fuzzy", score=score)
        return best


def locate_quote(quote: str, text: str) -> Span | None:
    """One-off :meth:`Grounder.locate` (build a :class:`Grounder` to reuse the text)."""
    return Grounder(text).locate(quote)


__all__ = [
    "MAX_QUOTE_CHARS",
    "MIN_FUZZY_SCORE",
    "Grounder",
    "Span",
    "locate_quote",
    "normalise_quote",
]
