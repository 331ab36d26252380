"""Text preparation before prompting: repair, normalise and de-clutter an article while
keeping a map from every prepared character back to the original text.

Scraped articles carry mojibake (``"¬†"`` for a no-break space, ``"â€œ"`` for a curly
quote), irregular whitespace, duplicated bodies and boilerplate ("Baca juga:" headlines,
comment prompts, copyright footers, share widgets). Sending all that to a model costs
tokens and invites it to read a "Baca juga" headline as a visit. The prepared text is
what the model sees; evidence offsets are mapped back through :meth:`PreparedText.to_original`
so they still point into ``Article.text`` as scraped.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field

# --- character-level repairs --------------------------------------------------------------


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

# --- line-level boilerplate -----------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"""^(?:
        baca\s*(?:juga|pula)\b.*                          # related-article headlines
      | (?:simak|lihat|tonton)\s+(?:juga|video)\b.*
      | (?:berita|artikel)\s+terkait\b.*
      | berita\s+terkini | breaking\s+news:? | terpopuler
      | (?:kirim|tulis|beri|berikan)\s+(?:komentar|tanggapan)\b.*
      | komentar | isi\s+komentar\s+sepenuhnya\b.*
      | ikuti\s+kami\b.* | follow\s+us\b.*
      | dapatkan\s+(?:update|informasi|berita)\b.*
      | artikel\s+ini\s+telah\s+tayang\b.*
      | (?:bagikan|share)(?:\s+(?:artikel|berita|ini|ke|via)\b.*)?:?
      | facebook | twitter | whatsapp | telegram | line | linkedin | pinterest | email
      | (?:copy|salin)\s+link
      | (?:©|\(c\)|copyright|hak\s+cipta)\b.* | .*\ball\s+rights?\s+reserved\b.*
      | ,*\s*loading\.\.\.
      | halaman\s+(?:selanjutnya|berikutnya|\d+(?:\s+\d+)*)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Boilerplate lines are short; a longer line is content even if it starts like one.
_BOILERPLATE_MAX_CHARS = 250


def is_boilerplate(line: str) -> bool:
    """Whether a (normalised) line is scraper boilerplate rather than article content."""
    return len(line) <= _BOILERPLATE_MAX_CHARS and bool(_BOILERPLATE.match(line))


# --- the prepared text --------------------------------------------------------------------


@dataclass(frozen=True)
class PreparedText:
    """An article's text as sent to the model, with a map back to the original.

    Attributes:
        text: the prepared text.
        original: the text it was prepared from.
        dropped_duplicates: paragraphs dropped because they repeated an earlier one.
        dropped_boilerplate: paragraphs dropped as boilerplate.
        repaired: mojibake sequences repaired.
        truncated_from: the prepared length before :meth:`truncate`, if it truncated.
    """

    text: str
    original: str
    dropped_duplicates: int = 0
    dropped_boilerplate: int = 0
    repaired: int = 0
    truncated_from: int | None = None
    # Per prepared character, the original span it came from: [starts[i], ends[i]).
    _starts: array[int] = field(default_factory=lambda: array("q"), repr=False)
    _ends: array[int] = field(default_factory=lambda: array("q"), repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of :attr:`text` to a span of :attr:`original`.

        Args:
            start: offset into the prepared text.
            end: end offset (exclusive), ``start <= end <= len(text)``.

        Returns:
            ``(orig_start, orig_end)`` such that ``original[orig_start:orig_end]`` holds
            the characters the prepared span was made from.

        Raises:
            ValueError: the span is outside the prepared text.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside prepared text of {len(self.text)}")
        if start == end:
            pos = self._starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def truncate(self, max_chars: int) -> PreparedText:
        """A copy cut to at most ``max_chars``, at a paragraph (else word) boundary.

        Returns ``self`` when the text already fits; otherwise the copy records the
        length it was cut from in :attr:`truncated_from`, so callers can warn.
        """
        if len(self.text) <= max_chars:
            return self
        cut = self.text.rfind("\n", 0, max_chars + 1)
        if cut < max_chars // 2:  # no paragraph break in the second half: cut at a word
            cut = self.text.rfind(" ", 0, max_chars + 1)
        if cut < max_chars // 2:
            cut = max_chars
        return PreparedText(
            text=self.text[:cut],
            original=self.original,
            dropped_duplicates=self.dropped_duplicates,
            dropped_boilerplate=self.dropped_boilerplate,
            repaired=self.repaired,
            truncated_from=len(self.text),
            _starts=self._starts[:cut],
            _ends=self._ends[:cut],
        )


class _Builder:
    """Accumulates prepared characters with their original spans."""

    __slots__ = ("chars", "ends", "starts")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts = array("q")
        self.ends = array("q")

    def add(self, ch: str, start: int, end: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)


def _normalise_chars(text: str) -> tuple[_Builder, int]:
    """Repair mojibake, unify spaces and line ends, compose to NFC — with offsets."""
    out = _Builder()
    repaired = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _MOJIBAKE_FIRST:
            for size in range(min(_MOJIBAKE_MAX, n - i), 1, -1):
                replacement = _MOJIBAKE.get(text[i : i + size])
                if replacement is not None:
                    for rch in replacement:
                        out.add(rch, i, i + size)
                    repaired += 1
                    i += size
                    break
            else:
                out.add(ch, i, i + 1)
                i += 1
            continue
        if ch == "\r":
            size = 2 if text.startswith("\r\n", i) else 1
            out.add("\n", i, i + size)
            i += size
            continue
        if ch in _SPACES:
            out.add(" ", i, i + 1)
        elif ch in _DROP:
            pass
        elif unicodedata.combining(ch) and out.chars:
            # Compose with the previous character (e.g. "e" + U+0301 -> "é") so the
            # text is NFC without losing track of where each character came from.
            composed = unicodedata.normalize("NFC", out.chars[-1] + ch)
            if len(composed) == 1:
                out.chars[-1] = composed
                out.ends[-1] = i + 1
            else:
                out.add(ch, i, i + 1)
        else:
            out.add(ch, i, i + 1)
        i += 1
    return out, repaired


def prepare_text(text: str) -> PreparedText:
    """Prepare an article's text for prompting.

    Steps, in order: mojibake repair ("¬†" and "Â " to a space, "â€œ" to "“"...);
    NFC composition; no-break/typographic spaces to plain spaces and line ends to
    ``\\n``; per line, whitespace collapsed and trimmed; blank lines, boilerplate lines
    ("Baca juga: ...", "Kirim Komentar", "© 2021 ...", share widgets) and exact repeats
    of an earlier line dropped. Kept lines are joined with ``\\n``.

    Args:
        text: the article text as scraped.

    Returns:
        The prepared text and its offset map (:meth:`PreparedText.to_original`).
    """
    chars, repaired = _normalise_chars(text)
    out = _Builder()
    seen: set[str] = set()
    duplicates = boilerplate = 0
    line_start = 0
    total = len(chars.chars)
    while line_start <= total:
        line_end = line_start
        while line_end < total and chars.chars[line_end] != "\n":
            line_end += 1
        # Collapse whitespace within the line, remembering each kept char's index.
        kept: list[int] = []
        pending_space = -1
        for k in range(line_start, line_end):
            if chars.chars[k] == " ":
                if kept and pending_space < 0:
                    pending_space = k
                continue
            if pending_space >= 0:
                kept.append(pending_space)
                pending_space = -1
            kept.append(k)
        line = "".join(chars.chars[k] for k in kept)
        if line:
            if is_boilerplate(line):
                boilerplate += 1
            elif line in seen:
                duplicates += 1
            else:
                seen.add(line)
                if out.chars:
                    # The separator maps to the end of the previous kept line.
                    out.add("\n", out.ends[-1], out.ends[-1])
                for k in kept:
                    out.add(chars.chars[k], chars.starts[k], chars.ends[k])
        line_start = line_end + 1
    return PreparedText(
        text="".join(out.chars),
        original=text,
        dropped_duplicates=duplicates,
        dropped_boilerplate=boilerplate,
        repaired=repaired,
        _starts=out.starts,
        _ends=out.ends,
    )


__all__ = ["PreparedText", "is_boilerplate", "prepare_text"]
