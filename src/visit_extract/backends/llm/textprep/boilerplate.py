"""Scraper boilerplate: whole lines ("Baca juga: ...", share widgets, copyright
footers) and spans inside a paragraph (bracketed links, labels and their headlines,
closing bylines).

Sending boilerplate to a model costs tokens and invites it to read a "Baca juga"
headline as a visit.
"""

from __future__ import annotations

import re

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


def inline_spans(line: str, *, last: bool) -> list[tuple[int, int]]:
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


__all__ = ["inline_spans", "is_boilerplate"]
