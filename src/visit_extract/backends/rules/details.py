"""Details of a visit: its kind, whether an agreement was signed, delegation sizes.

* kind: the LABELING.md term the article uses (studi tiru > studi banding > kunjungan
  kerja > other), outside "Baca juga" passages;
* agreement: a sentence reporting an MoU or cooperation agreement signed, not planned;
* size: "bersama 30 orang rombongannya", assigned to the delegation named in its
  sentence or last before it.
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.context import Context, Side, Span
from visit_extract.backends.rules.mentions import Mention, in_spans, starting_within
from visit_extract.normalize.lexicon import kind_of

_I = re.IGNORECASE

_AGREEMENT = re.compile(
    r"\b(?:mou|nota\s+kesepahaman|memorandum\s+of\s+understanding|perjanjian\s+kerja\s*sama|"
    r"\bpks\b|kesepakatan\s+bersama)\b",
    _I,
)
_SIGN = re.compile(
    r"\b(?:menandatangani|penandatanganan|penandatangan|ditandatangani|teken|meneken|"
    r"tandatangani|diteken)\b|\b(?:melakukan|melaksanakan)\s+(?:[\w()]+\s+){0,5}?dan\s+mou\b",
    _I,
)
_NOT_YET = re.compile(r"\b(?:akan|rencana|berencana|segera|ke\s*depan|nantinya)\b", _I)

_DIGITS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
}  # fmt: skip
_UNIT = "(?:" + "|".join(_DIGITS) + ")"
# Numbers written out: "sepuluh", "sebelas", "dua belas", "enam puluh (lima)",
# "seratus (dua puluh)", "dua ratus".
_BELOW_100 = (
    _UNIT + r"\s+puluh(?:\s+" + _UNIT + r")?|sepuluh|sebelas|" + _UNIT + r"\s+belas|" + _UNIT
)
_WORDNUM = (
    r"(?:(?:seratus|" + _UNIT + r"\s+ratus)(?:\s+(?:" + _BELOW_100 + r"))?|" + _BELOW_100 + r")"
)
_NUM = r"(\d{1,4}|" + _WORDNUM + r")"
_SIZE = re.compile(
    # every count starts a word: the look-ahead spares the alternatives at word ends
    r"\b(?=\w)(?:\b(sebanyak|total|sekitar|berjumlah|bersama|membawa|mengajak|diikuti|di\s+ikuti|"
    r"beranggotakan|didampingi|ditemani|rombongan|mengikutsertakan)\s+(?:\w+\s+){0,2}?)?\b"
    + _NUM
    + r"\s+(?:orang|personil|personel|peserta|anggota|pejabat|aparatur|jajaran(?:nya)?|"
    r"staf(?:nya)?|pegawai|"
    # people counted by their office: "diikuti 22 kepala desa", "membawa 20 ASN"
    r"kepala\s+(?:desa|opd|skpd|dinas|bidang|seksi|sekolah|puskesmas)|kades|perbekel|"
    r"perangkat(?:\s+desa)?|camat|lurah|asn|pns|kader|pengurus|perwakilan)\b",
    _I,
)
# A count followed by another group counts only part of the delegation: no size
# (LABELING.md). The group is uncounted or counted apart ("40 kepala desa dan beberapa
# perangkat desa", "10 anggota dan 5 staf"), or another office joined right to the
# counted one ("14 camat dan kepala dinas": the number may count the camat alone).
_PART = re.compile(
    r"[\s,]*(?:[\w-]+,?\s+){0,3}?(?:dan|serta|beserta|ditambah|plus)\s+(?:beberapa|sejumlah|"
    r"sebagian|para|puluhan|belasan|\d{1,4}\s+\w+|" + _WORDNUM + r"\s+\w+)\b|"
    r"\s+(?:dan|serta)\s+(?:kepala|camat|lurah|kades|pejabat|staf|perangkat|sekretaris|"
    r"asisten|pegawai|asn|pns|kader|pengurus|ketua)\b",
    _I,
)
# A reception before the number in its sentence makes the number the host's people
# ("disambut Wakil Bupati bersama dua orang staf ahli"), unless the visitors come after
# it ("menerima kunjungan 30 orang anggota DPRD").
_RECEIVED = re.compile(
    r"\b(?:disambut|diterima|menerima|menyambut)\b(?!.*\b(?:kunjungan|"
    r"rombongan|delegasi|kedatangan)\b)",
    _I | re.DOTALL,
)


def number_of(words: str) -> int | None:
    """The value of a number in digits or Indonesian words ("enam puluh lima" is 65).

    Args:
        words: digits, or a written number up to the hundreds.

    Returns:
        The number, or None when ``words`` is no number.
    """
    low = " ".join(words.lower().split())
    if low.isdigit():
        return int(low)
    total = 0
    group = 0
    for word in low.split():
        if word in _DIGITS:
            group += _DIGITS[word]
        elif word == "sepuluh":
            group += 10
        elif word == "sebelas":
            group += 11
        elif word == "seratus":
            total += 100
        elif word == "belas":
            group += 10
        elif word == "puluh":
            group *= 10
        elif word == "ratus":
            total += group * 100
            group = 0
        else:
            return None
    return total + group or None


def find_details(ctx: Context) -> None:
    """Stage: ``ctx.kind``, ``ctx.agreement_span`` and ``ctx.sizes``."""
    ctx.kind, kind_m = kind_of(ctx.masked())
    ctx.kind_span = kind_m.span() if kind_m is not None else None
    ctx.agreement_span = _agreement(ctx)
    ctx.sizes = _size(ctx, ctx.sides)


def _agreement(ctx: Context) -> Span | None:
    """The first sentence that reports an agreement signed (not planned)."""
    text = ctx.text
    for m in _AGREEMENT.finditer(text):
        if in_spans(m.start(), ctx.skip):
            continue
        sa, sb = ctx.sentence_of(m.start())
        sentence = text[sa:sb]
        if _SIGN.search(sentence) and not _NOT_YET.search(sentence):
            return sa, sb
    return None


def _size(ctx: Context, sides: dict[str, Side]) -> dict[str, tuple[int, int, int]]:
    """Delegation sizes by visitor region code: (size, start, end).

    A number belongs to the delegation whose leader or region is named last before it
    in its sentence ("Wayan datang bersama 60 orang rombongannya"), else to the region
    named next in the sentence, else to the one named last before it. A number after a
    reception ("disambut ... dan dua orang staf ahli") counts the host's people.
    """
    text = ctx.text
    visitor_mentions: dict[str, list[Mention]] = {
        code: side.role.mentions for code, side in sides.items()
    }
    leader_names = {
        code: [t for t in side.leader.name.split() if len(t) >= 3]
        for code, side in sides.items()
        if side.leader is not None
    }
    out: dict[str, tuple[int, int, int, int]] = {}
    part_end = -1
    for m in _SIZE.finditer(text):
        if in_spans(m.start(), ctx.skip) or m.start() < part_end:
            continue
        n = number_of(m.group(2))
        if not n or n < 2:
            continue
        part = _PART.match(text, m.end(), min(len(text), m.end() + 80))
        if part is not None:
            part_end = part.end()  # the group after it is a part too
            continue
        prio = 2 if m.group(1) else 1
        sa, sb = ctx.sentence_of(m.start())
        before = text[sa : m.start()]
        if _RECEIVED.search(before):
            continue  # the receiving side's people
        owner = _owner(before, sa, leader_names, visitor_mentions)
        if owner is None:
            # "Sebanyak 40 orang aparatur Pemkot X ...": the region after the number
            after = [
                (vm.start, code)
                for code, ms in visitor_mentions.items()
                for vm in ms
                if m.start() <= vm.start < sb
            ]
            owner = min(after)[1] if after else None
        if owner is None:
            best_pos = -1
            for code, ms in visitor_mentions.items():
                # the last mention before the number (a binary search, not a scan)
                earlier = starting_within(ms, m.start() - 599, m.start() - 1)
                if earlier and best_pos < earlier[-1].start:
                    best_pos, owner = earlier[-1].start, code
        if owner is None and len(visitor_mentions) == 1:
            owner = next(iter(visitor_mentions))
        if owner is None:
            continue
        prev = out.get(owner)
        if prev is None or prio > prev[3]:
            out[owner] = (n, m.start(), m.end(), prio)
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def _owner(
    before: str,
    offset: int,
    leader_names: dict[str, list[str]],
    visitor_mentions: dict[str, list[Mention]],
) -> str | None:
    """The delegation named last before a number in its sentence, by leader or region.

    Args:
        before: the sentence up to the number.
        offset: where ``before`` starts in the text.
        leader_names: each delegation's leader name tokens.
        visitor_mentions: each delegation's region mentions.

    Returns:
        Its region code, or None when the sentence names none before the number.
    """
    best, owner = -1, None
    for code, toks in leader_names.items():
        for t in toks:
            for hit in re.finditer(r"\b" + re.escape(t) + r"\b", before):
                if hit.start() > best:
                    best, owner = hit.start(), code
    end = offset + len(before)
    for code, ms in visitor_mentions.items():
        for vm in ms:
            if offset <= vm.start < end and vm.start - offset > best:
                best, owner = vm.start - offset, code
    return owner
