"""Details of a visit: its kind, whether an agreement was signed, delegation sizes.

* kind: the LABELING.md term the article uses (studi tiru > studi banding > kunjungan
  kerja > other), outside "Baca juga" passages;
* agreement: a sentence reporting an MoU or cooperation agreement signed, not planned;
* size: "bersama 30 orang rombongannya", assigned to the delegation named in its
  sentence or last before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

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

_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "tiga belas": 13, "empat belas": 14, "lima belas": 15, "dua puluh": 20,
}  # fmt: skip
_NUM = r"(\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_SIZE = re.compile(
    r"(?:\b(sebanyak|total|sekitar|berjumlah|bersama|membawa|mengajak|diikuti|beranggotakan|"
    r"didampingi|ditemani|rombongan|mengikutsertakan)\s+(?:\w+\s+){0,2}?)?\b"
    + _NUM
    + r"\s+(?:orang|personil|personel|peserta|anggota|pejabat|aparatur|jajaran(?:nya)?|"
    r"staf(?:nya)?|pegawai)\b",
    _I,
)


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

    A number belongs to the delegation whose leader or region is named in its sentence
    ("Wayan datang bersama 60 orang rombongannya"), else to the one named last before it.
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
    for m in _SIZE.finditer(text):
        if in_spans(m.start(), ctx.skip):
            continue
        raw = m.group(2).lower()
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
        if not n or n < 2:
            continue
        prio = 2 if m.group(1) else 1
        sa, sb = ctx.sentence_of(m.start())
        sentence = text[sa : m.start()]
        owner = None
        for code, toks in leader_names.items():
            if any(re.search(r"\b" + re.escape(t) + r"\b", sentence) for t in toks):
                owner = code
                break
        if owner is None:
            owner = _nearest(visitor_mentions, m.start(), sa, sb)
        if owner is None:
            best_pos = -1
            for code, ms in visitor_mentions.items():
                # the last mention before the number (a binary search, not a scan)
                before = starting_within(ms, m.start() - 599, m.start() - 1)
                if before and best_pos < before[-1].start:
                    best_pos, owner = before[-1].start, code
        if owner is None and len(visitor_mentions) == 1:
            owner = next(iter(visitor_mentions))
        if owner is None:
            continue
        prev = out.get(owner)
        if prev is None or prio > prev[3]:
            out[owner] = (n, m.start(), m.end(), prio)
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def _nearest(by_code: dict[str, list[Mention]], pos: int, sa: int, sb: int) -> str | None:
    """The code of the mention in ``[sa, sb)`` nearest to ``pos``; the earlier code, and
    the earlier mention, on a tie. Only each code's two neighbours of ``pos`` can be it."""
    best: tuple[int, str] | None = None
    for code, ms in by_code.items():
        i = bisect_left(ms, pos, key=lambda vm: vm.start)
        for vm in ms[max(0, i - 1) : i + 1]:
            if sa <= vm.start < sb and (best is None or abs(vm.start - pos) < best[0]):
                best = (abs(vm.start - pos), code)
    return best[1] if best else None
