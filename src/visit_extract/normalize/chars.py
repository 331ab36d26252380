"""Character-level repairs with an offset map: mojibake, odd spaces and line ends,
zero-width characters, and NFC composition.

Scraped articles carry mojibake (``"¬†"`` for a no-break space, ``"â€œ"`` for a curly
quote) and typographic spaces; :func:`normalise_chars` repairs them and records, per
repaired character, the span of the original it came from. :func:`repair_text` wraps
that for readers that quote the original (the rules backend): the repaired text and a
map from its spans back to the original's.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass


def _mojibake_forms(char: str) -> set[str]:
    """How ``char`` looks when its UTF-8 bytes were decoded as cp1252 or Mac Roman."""
    raw = char.encode("utf-8")
    forms = set()
    # cp1252 leaves five bytes undefined; scrapers then fall back to latin-1 for them.
    forms.add(
        "".join(
            bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1")
            for b in raw
        )
    )
    forms.add(raw.decode("mac_roman"))
    forms.discard(char)
    return forms


def _build_mojibake_table() -> dict[str, str]:
    # Why these characters: they are the non-ASCII ones Indonesian news text actually
    # uses (typographic quotes and dashes, the no-break space, accented loan words).
    targets = {
        "\u00a0": " ",
        "\u201c": "\u201c",
        "\u201d": "\u201d",
        "\u2018": "\u2018",
        "\u2019": "\u2019",
        "\u2013": "\u2013",
        "\u2014": "\u2014",
        "\u2026": "\u2026",
        "\u2022": "\u2022",
        "\u00b0": "\u00b0",
        "\u00e9": "\u00e9",
        "\u00e8": "\u00e8",
        "\u00e0": "\u00e0",
        "\u00fc": "\u00fc",
        "\u00f6": "\u00f6",
        "\u00e4": "\u00e4",
        "\u00a9": "\u00a9",
    }
    table: dict[str, str] = {}
    for char, replacement in targets.items():
        for form in _mojibake_forms(char):
            if len(form) >= 2:  # a one-character "form" would hit legitimate text
                table[form] = replacement
    # A no-break space whose second byte was already turned into a plain space.
    table["\u00c2 "] = " "
    return table


_MOJIBAKE = _build_mojibake_table()
_MOJIBAKE_MAX = max(len(k) for k in _MOJIBAKE)
_MOJIBAKE_FIRST = frozenset(k[0] for k in _MOJIBAKE)

#: Characters turned into a plain space (no-break and typographic spaces, tabs).
_SPACES = frozenset(
    "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\f\v"
)
#: Characters dropped (zero-width, BOM, soft hyphen).
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

#: Characters the fast path cannot copy as they are: everything non-ASCII (mojibake,
#: no-break spaces, combining marks...) and the ASCII controls that become spaces.
_SPECIAL = re.compile(r"[\t\r\f\v]|[^\x00-\x7f]")


#: 0, 1, 2, ...: slices of it extend offset arrays at C speed (extending an array from
#: a range goes element by element, ~60 ns each). Grown by replacement, never in place,
#: so a thread holding the old one keeps a valid array.
_IDENTITY = array("q", range(1 << 16))


def _identity(n: int) -> array[int]:
    """An identity array with at least ``n + 1`` entries."""
    global _IDENTITY
    identity = _IDENTITY
    if len(identity) <= n:
        identity = _IDENTITY = array("q", range(max(n + 1, 2 * len(identity))))
    return identity


def normalise_chars(text: str) -> tuple[str, array[int], array[int], int]:
    """Repair mojibake, unify spaces and line ends, compose to NFC — with offsets.

    Returns the normalised text, per normalised character the original span
    ``[starts[i], ends[i])``, and the number of repairs. Runs of plain ASCII (most of
    an Indonesian article) are copied in one step; only special characters are
    looked at one by one.
    """
    parts: list[str] = []
    starts = array("q")
    ends = array("q")
    repaired = 0
    pos, n = 0, len(text)
    identity = _identity(n)
    last = ""  # the last character emitted, for combining marks

    def emit(chars: str, start: int, end: int) -> None:
        nonlocal last
        parts.append(chars)
        for _ in chars:
            starts.append(start)
            ends.append(end)
        last = chars[-1]

    while pos < n:
        match = _SPECIAL.search(text, pos)
        i = match.start() if match is not None else n
        if i > pos:
            parts.append(text[pos:i])
            starts.extend(identity[pos:i])
            ends.extend(identity[pos + 1 : i + 1])
            last = text[i - 1]
        if match is None:
            break
        ch = text[i]
        if ch in _MOJIBAKE_FIRST:
            for size in range(min(_MOJIBAKE_MAX, n - i), 1, -1):
                replacement = _MOJIBAKE.get(text[i : i + size])
                if replacement is not None:
                    emit(replacement, i, i + size)
                    repaired += 1
                    pos = i + size
                    break
            else:
                emit(ch, i, i + 1)
                pos = i + 1
            continue
        pos = i + 1
        if ch == "\r":
            if text.startswith("\r\n", i):
                pos = i + 2
            emit("\n", i, pos)
        elif ch in _SPACES:
            emit(" ", i, i + 1)
        elif ch in _DROP:
            pass
        elif unicodedata.combining(ch) and parts:
            # Compose with the previous character (e.g. "e" + U+0301 -> "é") so the
            # text is NFC without losing track of where each character came from.
            composed = unicodedata.normalize("NFC", last + ch)
            if len(composed) == 1:
                parts[-1] = parts[-1][:-1] + composed
                ends[-1] = i + 1
                last = composed
            else:
                emit(ch, i, i + 1)
        else:
            emit(ch, i, i + 1)
    return "".join(parts), starts, ends, repaired


@dataclass(frozen=True)
class RepairedText:
    """A text after :func:`normalise_chars`, with the map back to the original.

    Attributes:
        text: the repaired text.
        original: the text it was repaired from.
    """

    text: str
    original: str
    _starts: array[int]
    _ends: array[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of :attr:`text` to the span of :attr:`original`
        its characters were made from (an empty span maps to an empty span)."""
        return original_span(self._starts, self._ends, len(self.original), start, end)


def original_span(
    starts: array[int], ends: array[int], original_length: int, start: int, end: int
) -> tuple[int, int]:
    """The original span that the characters ``[start, end)`` of a mapped text came from.

    Args:
        starts: per mapped character, where its original span starts.
        ends: per mapped character, where its original span ends.
        original_length: the original text's length (an empty span at the end maps there).
        start: offset into the mapped text.
        end: end offset (exclusive), ``start <= end <= len(starts)``.

    Returns:
        ``(orig_start, orig_end)``.

    Raises:
        ValueError: the span is outside the mapped text.
    """
    length = len(starts)
    if not 0 <= start <= end <= length:
        raise ValueError(f"span [{start}, {end}) outside the mapped text of {length}")
    if start == end:
        pos = starts[start] if start < length else original_length
        return pos, pos
    return starts[start], ends[end - 1]


def repair_text(text: str) -> RepairedText | None:
    """The text with mojibake, odd spaces and line ends repaired, or None when the
    repair changes nothing (most articles: checking costs one scan of the text).

    Args:
        text: the text as scraped.

    Returns:
        The repaired text and its offset map, or None.
    """
    if text.isascii() and _SPECIAL.search(text) is None:
        return None
    fixed, starts, ends, _ = normalise_chars(text)
    if fixed == text:
        return None
    return RepairedText(fixed, text, starts, ends)


__all__ = ["RepairedText", "normalise_chars", "original_span", "repair_text"]
