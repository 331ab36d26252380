"""Role scoring: how strongly the words around each region mention cast it as host
or as visitor.

Host cues: "studi banding ke X", "diterima Bupati X", "X menerima kunjungan", a dateline.
Visitor cues: "rombongan Pemkab X", "kunjungan kerja dari DPRD X", "dipimpin ... X",
"X ... berkunjung ke", and heads of region listed together ("Mereka adalah Bupati A,
Bupati B ...").
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.context import Context, Role
from visit_extract.backends.rules.mentions import starting_within
from visit_extract.normalize.lexicon import (
    HEAD_TITLES,
    LEARNING_TERMS,
    STUDY_TERMS,
    WORK_VISIT_TERMS,
    alternation,
)

_I = re.IGNORECASE

#: Words that move a delegation, as the head of a "... ke X" phrase.
VISIT_WORDS = (
    "(?:" + STUDY_TERMS + "|" + WORK_VISIT_TERMS + "|" + LEARNING_TERMS + "|"
    r"kunjungan|berkunjung|mengunjungi|belajar|datang|tiba|bertolak|berangkat|menyambangi|"
    r"bertandang|pergi|terbang|melawat|menuju|mendatangi|konsultasi|rujukan|jujugan|"
    r"destinasi)"
)
# "... studi banding ke [Pemerintah Kabupaten] X": the words after "ke" may name the
# host's institution before its region.
_HOST_BEFORE = re.compile(
    VISIT_WORDS + r"\b[^.\n]{0,70}?\b(?:ke|di|kepada|menuju)\s+(?:[\w.()-]+\s+){0,4}$", _I
)
_RECEIVE_BEFORE = re.compile(
    r"\b(?:diterima|disambut)\s+(?:[\w.()-]+\s+){0,5}$|"
    r"\b(?:bertempat|berlangsung|digelar|dilaksanakan)\s+di\s+(?:[\w.()-]+\s+){0,5}$",
    _I,
)
# "menyambut [kunjungan] Wali Kota X": the object of a welcome is the visitor.
_WELCOMED_BEFORE = re.compile(
    r"\b(?:menerima|menyambut|sambut|kedatangan)\s+(?:hangat\s+|baik\s+)?(?:[\w.()-]+\s+){0,5}$",
    _I,
)
_HOST_AFTER = re.compile(
    r"^[^.\n]{0,90}?\b(?:menerima|menyambut|sambut|kedatangan|didatangi|dikunjungi|"
    r"menjadi\s+(?:tujuan|jujugan|rujukan|objek|destinasi)|jadi\s+(?:jujugan|destinasi|rujukan))\b",
    _I,
)
_VISITOR_BEFORE = re.compile(
    r"\b(?:rombongan|delegasi|tamu|kunjungan(?:\s+kerja)?|kunker|kunja|studi\s+\w+|peserta)"
    r"\s+(?:\([^)]*\)\s+)?(?:dari\s+)?(?:[\w.()-]+\s+){0,5}$",
    _I,
)
_FROM_BEFORE = re.compile(r"\b(?:dari|asal)\s+(?:[\w.()-]+\s+){0,4}$", _I)
_VISITOR_AFTER = re.compile(
    r"^[^.\n]{0,140}?\b(?:melakukan|melaksanakan|menggelar|berkunjung|mengunjungi|belajar|"
    r"mengikuti|menghadiri|"
    r"datang|bertolak|berangkat|memboyong|membawa|timba\s+ilmu|menimba|mempelajari|"
    r"studi\s+\w+|kunjungan|kunker|kunja)\b",
    _I,
)
_LEAD_BEFORE = re.compile(r"\bdipimpin\s+(?:langsung\s+)?(?:oleh\s+)?(?:[\w.()-]+\s+){0,3}$", _I)
_LIST_CUE = re.compile(
    r"\b(?:mereka\s+adalah|yakni|yaitu|di\s*antaranya|antara\s+lain|ada\s+(?:pula|juga))\b", _I
)
_TITLED = re.compile(
    r"\b(?:" + alternation(HEAD_TITLES) + r"|wakil\s+\w+|dprd|pemkab|pemkot|pemprov)\s*$", _I
)
_INSPECTION = re.compile(r"\b(?:sidak|inspeksi)\b", _I)


def score_roles(ctx: Context) -> None:
    """Stage: fill ``ctx.roles`` with the host and visitor scores of every region.

    Args:
        ctx: a context from :func:`~visit_extract.backends.rules.context.read_article`.
    """
    text, mentions, sents = ctx.text, ctx.mentions, ctx.sents
    roles = ctx.roles
    for m in mentions:
        role = roles.setdefault(m.region.code, Role(m.region))
        role.count += 1
        role.mentions.append(m)
        sa, sb = ctx.sentence_of(m.start)
        before = text[max(sa, m.prefix_start - 140) : m.prefix_start]
        after = text[m.end : min(sb, m.end + 160)]
        h = v = 0.0
        # "sidak ke kantor pelayanan di Kota X": an inspection's object is no host
        if _HOST_BEFORE.search(before) and not _INSPECTION.search(before):
            h += 2.0
        if _RECEIVE_BEFORE.search(before):
            h += 2.0
        if _HOST_AFTER.search(after):
            h += 2.0
        if _WELCOMED_BEFORE.search(before) and not _RECEIVE_BEFORE.search(before):
            v += 2.0
        # "delegasi lainnya terdiri dari ...": others who came along, in passing
        in_passing = re.search(r"\blainnya\b", text[max(sa, m.prefix_start - 60) : m.prefix_start])
        if _LEAD_BEFORE.search(before):
            v += 3.0
        elif not in_passing and (
            (_VISITOR_BEFORE.search(before) and not re.search(r"\b(?:ke|di)\s+\S+\s*$", before))
            or (
                _FROM_BEFORE.search(before)
                and re.search(
                    r"rombongan|delegasi|tamu|kunjungan|kunker|peserta", text[sa : m.start], _I
                )
            )
        ):
            v += 2.0
        object_of_visit = re.search(r"\b(?:ke|di)\s+(?:\S+\s+){0,3}$", before)
        if (
            not h
            and not object_of_visit
            and _VISITOR_AFTER.search(after)
            and not _HOST_AFTER.search(after)
        ):
            v += 1.5
        # datelines ("BANYUWANGI –") place the story at the host, mostly
        if (
            m.start - sa < 3
            and re.match(r"^\s*[,(]?\s*(?:\([^)]*\)\s*)?[-–—:,]", after)
            and (text[m.start : m.end].isupper() or m.start < 40)
        ):
            h += 0.7
        if h > role.host or (h and role.host_mention is None):
            role.host_mention = m
        if v > role.visitor or (v and role.visitor_mention is None):
            role.visitor_mention = m
        role.host += h
        role.visitor += v
    # Enumerations of heads of region ("Mereka adalah Bupati A – ..., Bupati B – ...")
    for sa, sb in sents:
        inside = starting_within(mentions, sa, sb - 1)
        titled = [m for m in inside if _TITLED.search(text[max(sa, m.prefix_start - 30) : m.start])]
        if len({m.region.code for m in titled}) >= 2:
            bonus = 2.0 if _LIST_CUE.search(text[sa:sb]) else 0.8
            for m in titled:
                role = roles[m.region.code]
                role.listed = max(role.listed, bonus)
                if role.visitor_mention is None:
                    role.visitor_mention = m
