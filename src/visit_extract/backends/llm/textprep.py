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
      | (?:simak|lihat|tonton)\s+juga\s*:.* | (?:simak|lihat|tonton)\s+video\b.*
      | simak\s+(?:berita|breaking\s+news|update|informasi|artikel)\b.*
          \b(?:google\s+news|whatsapp|telegram|saluran|channel|ponsel|aplikasi)\b.*
      | baca\s+berita\s+tanpa\s+iklan\b.*
      | advertisement | scroll\s+to\s+continue(?:\s+with\s+content)?
      | end\s+of\s+content | no\s+more\s+pages\s+to\s+load
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


# --- inline boilerplate ---------------------------------------------------------------------
# Scrapers also leave boilerplate *inside* a paragraph: some join paragraphs with "," or
# runs of spaces instead of line breaks, others drop the line break before a "Baca juga"
# link. Only spans whose start and end are both certain are removed; when the end of
# a related-article headline cannot be told from the sentence that follows it, only
# the label goes and the words stay (losing article text is worse than keeping a
# headline the prompt tells the model to ignore).

_LINK_HINT = re.compile(r"(?:baca|lihat|simak|tonton)\s*(?:juga|pula)", re.IGNORECASE)
#: A related-article link in brackets: "(Baca juga: Headline)", "[Baca juga: ...](ids)".
_BRACKETED = re.compile(
    r"""[(\[]\s*(?:baca|lihat|simak|tonton)\s*(?:juga|pula)\b[^()\[\]\n]{0,250}[)\]]
        (?:\([^()\n]{0,200}\))?""",
    re.IGNORECASE | re.VERBOSE,
)
#: "Baca juga:" where a paragraph starts: line start, after the end of a sentence or a
#: quote, after a "," paragraph joiner (no space), or after a run of spaces. "baca
#: juga" inside a sentence ("Saya baca juga laporannya", "kata dia, lihat juga:") is
#: not a label.
_LABEL = re.compile(
    r"""(?:^|(?<=[.!?"\u201d\u2019')\],;])|(?<=[.!?"\u201d\u2019')\]]\ )|(?<=\ \ ))
        (?:(?:baca\s*(?:juga|pula)|(?:lihat|simak|tonton)\ +juga)\s*:
          |baca\s*(?:juga|pula)(?=\s*(?:[,;]|$)))""",
    re.IGNORECASE | re.VERBOSE,
)
#: Where a headline after a label certainly ends: the line end, a "," joined straight
#: to the next paragraph, a run of spaces, or a next paragraph glued on without a
#: space ("...Kian PadatGelaran KSI..." or "...Dolar ASMenurutnya...").
_HEADLINE_END = re.compile(
    r"""$|,(?=[^\s,])|\ {2,}
      |(?<=[a-z0-9.!?)])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z]{2})""",
    re.VERBOSE,
)
#: A sentence boundary: a "headline" containing one has swallowed article text.
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019')]*\s+[\"\u201c\u2018'(]*[A-Z]")
_MAX_HEADLINE = 250
#: Boilerplate closing an article (its last line, or the last paragraph of comma- or
#: space-joined text): a byline, a "loading..." widget, a hashtag slogan
#: ("#Tagline with Outlet").
_TRAILER = re.compile(
    r"""(?:^|(?<=,)|(?<=\ \ ))
        (?:(?:penulis|editor|pewarta|reporter|redaktur|penyunting)\ ?:\ ?[^,:\n]{1,60}
          |loading\.\.\.
          |\#[^\W_]+(?:\ with\ [^\W_]+)?)
        [\s,]*$""",
    re.IGNORECASE | re.VERBOSE,
)


_TRAILER_WINDOW = 200


def _inline_spans(line: str, *, last: bool) -> list[tuple[int, int]]:
    """Spans of ``line`` that are inline boilerplate, sorted and disjoint.

    A closing byline or slogan is looked for only on the ``last`` line: "Editor: ..."
    under a headline is where some sites put it, and it is left alone there.
    """
    spans: list[tuple[int, int]] = []
    low = line.lower()
    # Cheap substring tests first: most lines have no link label at all.
    if ("juga" in low or "pula" in low) and _LINK_HINT.search(line):
        spans = [m.span() for m in _BRACKETED.finditer(line)]
        labels = list(_LABEL.finditer(line))
    else:
        labels = []
    for m in labels:
        if any(a <= m.start() < b for a, b in spans):
            continue
        start, end = m.span()
        rest = line[end : end + _MAX_HEADLINE + 1]
        skip = len(rest) - len(rest.lstrip(" "))
        stop = _HEADLINE_END.search(rest, skip)
        if stop is not None and stop.start() <= _MAX_HEADLINE:
            headline = rest[skip : stop.start()].rstrip()
            # A headline has words, and no sentence inside it or ending it.
            if (
                any(c.isalnum() for c in headline)
                and not headline.endswith(".")
                and not _SENTENCE_BREAK.search(headline)
            ):
                end += stop.start()
        spans.append((start, end))
    # A closing byline or widget is short: only the line's tail is searched.
    trailer = _TRAILER.search(line, max(0, len(line) - _TRAILER_WINDOW)) if last else None
    if trailer is not None:
        spans.append(trailer.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        elif b > a:
            merged.append((a, b))
    return merged


# --- the prepared text --------------------------------------------------------------------


@dataclass(frozen=True)
class PreparedText:
    """An article's text as sent to the model, with a map back to the original.

    Attributes:
        text: the prepared text.
        original: the text it was prepared from.
        dropped_duplicates: paragraphs dropped because they repeated an earlier one.
        dropped_boilerplate: paragraphs dropped as boilerplate.
        removed_inline: paragraphs kept with inline boilerplate cut out of them.
        repaired: mojibake sequences repaired.
        truncated_from: the prepared length before :meth:`truncate`, if it truncated.
    """

    text: str
    original: str
    dropped_duplicates: int = 0
    dropped_boilerplate: int = 0
    repaired: int = 0
    removed_inline: int = 0
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
            removed_inline=self.removed_inline,
            truncated_from=len(self.text),
            _starts=self._starts[:cut],
            _ends=self._ends[:cut],
        )


#: Characters the fast path cannot copy as they are: everything non-ASCII (mojibake,
#: no-break spaces, combining marks...) and the ASCII controls that become spaces.
_SPECIAL = re.compile(r"[\t\r\f\v]|[^\x00-\x7f]")
_WORD = re.compile(r"[^ ]+")


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


def _normalise_chars(text: str) -> tuple[str, array[int], array[int], int]:
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


def _words(line: str, offset: int, removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of ``line`` outside the ``removed`` spans, as [start, end) + offset."""
    words: list[tuple[int, int]] = []
    cursor = 0
    for a, b in [*removed, (len(line), len(line))]:
        words.extend(
            (offset + m.start(), offset + m.end()) for m in _WORD.finditer(line, cursor, a)
        )
        cursor = b
    return words


def _copy_offsets(
    words: list[tuple[int, int]],
    starts: array[int],
    ends: array[int],
    out_starts: array[int],
    out_ends: array[int],
) -> None:
    """Append the offsets of ``words`` joined by single spaces."""
    previous = -1
    for a, b in words:
        if previous >= 0:
            # A collapsed run of spaces maps to the character after the previous word
            # (the run's first space, or the start of a removed span).
            out_starts.append(starts[previous])
            out_ends.append(ends[previous])
        out_starts.extend(starts[a:b])
        out_ends.extend(ends[a:b])
        previous = b


def prepare_text(text: str) -> PreparedText:
    """Prepare an article's text for prompting.

    Steps, in order: mojibake repair ("¬†" and "Â " to a space, "â€œ" to "“"...);
    NFC composition; no-break/typographic spaces to plain spaces and line ends to
    ``\\n``; per line, inline boilerplate removed ("(Baca juga: ...)", a "Baca juga:"
    label and its headline where the headline's end is certain, a closing byline or
    "loading..." in comma-joined text), whitespace collapsed and trimmed; blank lines,
    boilerplate lines ("Baca juga: ...", "Kirim Komentar", "© 2021 ...", share
    widgets, "Editor: ...") and exact repeats of an earlier line dropped. Kept lines
    are joined with ``\\n``.

    Args:
        text: the article text as scraped.

    Returns:
        The prepared text and its offset map (:meth:`PreparedText.to_original`).
    """
    chars, starts, ends, repaired = _normalise_chars(text)
    parts: list[str] = []
    out_starts = array("q")
    out_ends = array("q")
    seen: set[str] = set()
    duplicates = boilerplate = inline = 0
    line_start = 0
    total = len(chars)
    last_line = chars.rfind("\n", 0, len(chars.rstrip())) + 1
    while line_start <= total:
        line_end = chars.find("\n", line_start)
        if line_end < 0:
            line_end = total
        raw = chars[line_start:line_end]
        words: list[tuple[int, int]] | None = None
        if raw and "  " not in raw and raw[0] != " " and raw[-1] != " ":
            line = raw  # already collapsed: one slice of offsets, no word loop
        else:
            words = _words(raw, line_start, [])
            line = " ".join(chars[a:b] for a, b in words)
        # A whole boilerplate line goes first: cutting inline boilerplate out of it
        # could leave a fragment (a second glued-on headline) that no longer looks it.
        if not line or is_boilerplate(line):
            boilerplate += bool(line)
            line_start = line_end + 1
            continue
        removed = _inline_spans(raw, last=line_start == last_line)
        if removed:
            words = _words(raw, line_start, removed)
            line = " ".join(chars[a:b] for a, b in words)
        if not line:  # nothing but inline boilerplate
            boilerplate += 1
        else:
            if line in seen:
                duplicates += 1
            else:
                seen.add(line)
                inline += bool(removed)
                if parts:
                    # The separator maps to the end of the previous kept line.
                    parts.append("\n")
                    out_starts.append(out_ends[-1])
                    out_ends.append(out_ends[-1])
                parts.append(line)
                if words is None:
                    out_starts.extend(starts[line_start:line_end])
                    out_ends.extend(ends[line_start:line_end])
                else:
                    _copy_offsets(words, starts, ends, out_starts, out_ends)
        line_start = line_end + 1
    return PreparedText(
        text="".join(parts),
        original=text,
        dropped_duplicates=duplicates,
        dropped_boilerplate=boilerplate,
        repaired=repaired,
        removed_inline=inline,
        _starts=out_starts,
        _ends=out_ends,
    )


__all__ = ["PreparedText", "is_boilerplate", "prepare_text"]
