"""The prepared text: an article cleaned for the prompt, with a map from every prepared
character back to the original, and :func:`prepare_text`, which makes it."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from visit_extract.backends.llm.textprep.boilerplate import inline_spans, is_boilerplate
from visit_extract.normalize.chars import normalise_chars, original_span


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
        return original_span(self._starts, self._ends, len(self.original), start, end)

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


_WORD = re.compile(r"[^ ]+")


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
    chars, starts, ends, repaired = normalise_chars(text)
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
        removed = inline_spans(raw, last=line_start == last_line)
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


__all__ = ["PreparedText", "prepare_text"]
