"""Relevance filter: does an article report a study visit by an Indonesian public body?

A hand-weighted logistic score over a few dozen precompiled patterns, calibrated so
that 0.5 is the decision point (``is_study_visit``). It looks for:

* the visit terms of LABELING.md (studi banding/tiru, kaji banding/tiru, comparative
  study, benchmarking, kunjungan kerja, kunker, belajar ke, timba ilmu...);
* a regional-government or DPRD actor (Pemkab, Bupati, DPRD, Sekda, OPD...);
* a visit that happened (rombongan, diterima, disambut, berkunjung ke...);

and it discounts the hard negatives of the dump and the guide: presidential and
ministerial inspections, DPR/DPD (national) trips, companies' "studi banding",
student trips, plans and cancellations, explainers and opinion, foreign delegations,
leisure tours. Articles without any visit term are rejected after one regex search,
which keeps the filter fast on a large dump.
"""

from __future__ import annotations

import math
import re

from visit_extract.backends.rules.mentions import ignored_spans
from visit_extract.normalize.lexicon import (
    HEAD_TITLES,
    LEARNING_TERMS,
    MONTH_PATTERN,
    PLAIN_WEEKDAY_PATTERN,
    REGION_OFFICIAL_ABBREVIATIONS,
    STUDY_TERMS,
    WORK_VISIT_TERMS,
    alternation,
)

_I = re.IGNORECASE

#: One search decides whether an article deserves a closer look.
_GATE = re.compile(
    STUDY_TERMS + "|" + WORK_VISIT_TERMS + "|" + LEARNING_TERMS + "|"
    r"belajar|konsultasi|pelajari|kunjungan|berkunjung|mengunjungi",
    _I,
)
#: Substrings one of which every gated article contains (checked before ``_GATE``).
_GATE_WORDS = (
    "stud", "kaji", "compar", "benchmark", "unjung", "kunker", "kunja", "belajar", "pelajari",
    "ilmu", "berguru", "ngangsu", "sharing", "anjangsana", "konsultasi",
)  # fmt: skip
_STRONG = re.compile(STUDY_TERMS + "|" + LEARNING_TERMS, _I)
_KUNKER = re.compile(r"\b" + WORK_VISIT_TERMS + r"\b", _I)
_LEARN = re.compile(
    r"\bbelajar\s+(?:ke|dari|di|tentang|mengenai|soal|banyak|langsung|bagaimana|pengelolaan|"
    r"pelayanan|inovasi|penerapan)\b|\bmempelajari\b|\bmenggali\s+informasi\b|\bkonsultasi\b|"
    r"\bsharing\b|berbagi\s+(?:pengalaman|ilmu|informasi)|\breplikasi\b|\bmengadopsi\b|"
    r"\bmeniru\b|\brujukan\b|\bpercontohan\b|\b(?:ter)?inspirasi\b|\b(?:guna|untuk)\s+melihat\b|"
    r"\bmemahami\b|\bmenggali\b|\bingin\s+tahu\b|\bmelihat\s+(?:langsung|dari\s+dekat)\b|"
    r"\bmencari\s+(?:tahu|referensi|masukan|contoh|inspirasi)\b|\bmasukan\b|\bbelajar\b|"
    r"\bmengetahui\b",
    _I,
)
_GOV = re.compile(
    r"\b(?:pemkab|pemkot|pemprov|pemda|pemdes|dprd|"
    + alternation(HEAD_TITLES)
    + "|"
    + alternation(REGION_OFFICIAL_ABBREVIATIONS)
    + r"|kepala\s+desa|perbekel|camat|opd|"
    r"skpd|kepala\s+dinas|bappeda|setda|setkab|pemerintah\s+(?:kabupaten|kota|provinsi|"
    r"daerah|desa)|sekretariat\s+(?:daerah|dprd|dewan)|asisten\s+(?:[ivx\d]+|pemerintahan|"
    r"ekonomi|administrasi)|dinas\s+\w+|tkpk|diklatpim|forkopimda)\b",
    _I,
)
_VISIT = re.compile(
    r"\b(?:rombongan|berkunjung|mengunjungi|dikunjungi|kunjungan|kedatangan|didatangi|"
    r"diterima|disambut|menerima\s+kunjungan|menyambut|tiba\s+di|datang\s+ke|bertandang|"
    r"bertolak\s+ke|bertemu|audiensi|melawat)\b",
    _I,
)
_FRAME_VISIT = re.compile(
    r"kunjungan|\bkunker\b|\bkunja\b|berkunjung|mengunjungi|rombongan|bertolak\s+ke|"
    r"menyambangi|bertandang|\bdatang\s+(?:ke|untuk)\b|menyerbu|"
    # "belajar pengelolaan pasar ke Kabupaten Banyuwangi": learning at a named place
    r"\bbelajar\s+(?:[\w-]+\s+){0,4}?ke\s+(?-i:[A-Z])",
    _I,
)
# A visit from one institution to another: "kunjungan kerja ke DPRD Kukar",
# "menerima kunjungan kerja dari DPRD Kabupaten Bondowoso".
_INST = (
    r"(?:DPRD|Pemkab|Pemkot|Pemprov|Pemda|Pemerintah\s+(?:Kabupaten|Kota|Provinsi|Daerah)|"
    r"Setda|Sekretariat|Command\s+Center|Pusat\s+Pemerintahan|Balai\s*kota|Dinas|Bupati|"
    r"Wali\s*kota|Gubernur|rombongan)"
)
_INST_VISIT = re.compile(
    r"(?:kunjungan(?:\s+kerja)?|kunker|berkunjung|mengunjungi)\s+(?:\([^)]*\)\s+)?"
    r"(?:[\w.,-]+\s+){0,6}?(?:ke|di)\s+(?:kantor\s+|gedung\s+)?" + _INST + r"|"
    r"menerima\s+(?:[\w-]+\s+){0,3}?kunjungan\s+(?:kerja\s+)?(?:\([^)]*\)\s+)?"
    r"(?:[\w-]+\s+){0,3}?dari\s+(?:[\w-]+\s+){0,3}?" + _INST,
    _I,
)
_DATE_HINT = re.compile(
    r"\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|\b" + PLAIN_WEEKDAY_PATTERN + r"\b|"
    r"\b\d{1,2}\s*(?:-|–|hingga|sampai)?\s*\d{0,2}\s+" + MONTH_PATTERN + r"\b|"
    r"\b(?:belum\s+lama\s+ini|baru-baru\s+ini|kemarin)\b",
    _I,
)
# A visit statement, and the future/plan words that may precede it.
_VISIT_STATEMENT = re.compile(
    STUDY_TERMS + r"|\b" + WORK_VISIT_TERMS + r"\b|"
    r"berkunjung|mengunjungi|belajar\s+ke|bertolak\s+ke|berangkat\s+ke",
    _I,
)
_FUTURE_BEFORE = re.compile(
    r"\b(?:akan|berencana|rencana(?:nya)?|dijadwalkan|direncanakan|bakal|hendak|ingin|"
    r"mengusulkan|diusulkan|dianggarkan|batal|membatalkan|program)\b[^.]{0,40}$",
    _I,
)
# --- negatives
_NATIONAL = re.compile(
    r"\b(?:presiden|jokowi|prabowo|wapres|wakil\s+presiden|menteri|menko|mendagri|mendes|"
    r"menpan|panglima|kapolri|kapolda|kasad|pangdam|dubes|duta\s+besar)\b",
    _I,
)
_INSPECT = re.compile(
    r"\b(?:meninjau|tinjau|peninjauan|inspeksi|sidak|memantau|pantau|meresmikan|peresmian|"
    r"groundbreaking|penyerahan\s+bantuan|menyerahkan\s+bantuan|kampanye|blusukan|"
    r"mengecek|pengecekan|apel|supervisi)\b",
    _I,
)
_DPR = re.compile(r"\bDPR(?:\s*-?\s*RI)?\b(?!D)|\bDPD\s*RI\b|\bMPR\b|\bSenayan\b")
_ABROAD = re.compile(
    r"\b(?:luar\s+negeri|mancanegara|belanda|swiss|jerman|inggris|amerika|perancis|prancis|"
    r"jepang|korea|tiongkok|china|australia|london|eropa|rusia|turki|arab\s+saudi|"
    r"denmark|swedia|norwegia|finlandia|selandia\s+baru|kanada)\b",
    _I,
)
_COMPANY = re.compile(
    r"\b(?:PT|BUMN|persero|PLN|Pertamina|Waskita|Telkom|perusahaan|korporasi|karyawan|"
    r"direksi|direktur\s+utama|dirut)\b"
)
_STUDENT = re.compile(
    r"\b(?:siswa|pelajar|mahasiswa|mahasiswi|sekolah|SMAN?|SMPN?|SMKN?|kampus|field\s*trip|"
    r"kunjungan\s+(?:edukatif|edukasi|industri|belajar)|KKN|dosen|universitas|university|"
    r"santri|taruna|peneliti|tim\s+riset|riset)\b",
    _I,
)
_PLANNED = re.compile(
    r"\b(?:akan|berencana|rencana(?:nya)?|dijadwalkan|direncanakan|bakal|hendak|"
    r"mengusulkan|diusulkan|dianggarkan)\s+(?:\w+\s+){0,3}?"
    r"(?:melakukan|melaksanakan|menggelar|berkunjung|mengunjungi|studi|study|kunjungan|"
    r"kunker|belajar|berangkat|ke)\b|\b(?:pekan|minggu|bulan|tahun)\s+depan\b",
    _I,
)
_CANCEL = re.compile(
    r"\b(?:batal|dibatalkan|membatalkan|ditunda|menunda|urung|mengalihkan|dialihkan)\b", _I
)
_EXPLAIN = re.compile(
    r"\b(?:pendahuluan|artikel\s+ini|opini|kolom|tajuk|efektivitas|menurut\s+(?:saya|penulis)|"
    r"kita\s+sering|secara\s+umum|definisi|konsep|manfaat\s+studi|sering\s+(?:melakukan\s+)?"
    r"(?:studi|kunjungan)|dinilai\s+(?:hanya|sia-sia)|pemborosan|hura-hura|menghamburkan|"
    r"ganti\s+istilah|kritik|mengkritik|dikritik|sorotan|disorot)\b",
    _I,
)
_FOREIGN_VISITOR = re.compile(
    r"\b(?:delegasi|rombongan|pejabat|tamu|wali\s*kota|walikota)\s+(?:dari\s+|asal\s+)?"
    r"(?:\w+\s+){0,3}?(?:pakistan|malaysia|singapura|jepang|korea|tiongkok|china|thailand|"
    r"vietnam|filipina|timor\s+leste|australia|belanda|jerman|amerika|india|afrika|"
    r"luar\s+negeri|negara\s+\w+|asing|mancanegara|sarawak)\b",
    _I,
)
_LEISURE = re.compile(
    r"\b(?:berlibur|liburan|jalan-jalan|rekreasi|refreshing|melepas\s+penat|tour|agrowisata|"
    r"wisatawan|paket\s+wisata|travel)\b",
    _I,
)
_RECEIVED = re.compile(
    r"\b(?:diterima|disambut|menerima\s+(?:\w+\s+){0,2}?kunjungan|menyambut|kedatangan|"
    r"tiba\s+di|dipimpin|berkunjung\s+ke|mengunjungi|melakukan\s+(?:\w+\s+){0,2}?(?:studi|"
    r"study|kunjungan|benchmarking|kaji)|menggelar\s+studi)\b",
    _I,
)
_AGGREGATE = re.compile(
    r"\b(?:\d+|puluhan|ratusan)\s+(?:instansi|daerah|"
    r"kabupaten/kota|kabupaten\s+dan\s+kota|pemda|pemerintah\s+daerah|kementerian/lembaga)\b",
    _I,
)
_SISTER = re.compile(r"\b(?:sister\s+city|apeksi|apkasi|rakernas|munas|musrenbang)\b", _I)


def _count(pattern: re.Pattern[str], text: str, cap: int) -> int:
    n = 0
    for _ in pattern.finditer(text):
        n += 1
        if n >= cap:
            break
    return n


def _strip_ignored(text: str) -> str:
    spans = ignored_spans(text)
    if not spans:
        return text
    parts = []
    last = 0
    for a, b in spans:
        parts.append(text[last:a])
        last = b
    parts.append(text[last:])
    return " ".join(parts)


def relevance_features(text: str, title: str | None = None) -> dict[str, float]:
    """The counts the score is made of (for inspection and tuning).

    Args:
        text: the article text.
        title: its headline, if known.

    Returns:
        Feature name -> value; empty when the article has no visit term at all.
    """
    full = f"{title}\n{text}" if title else text
    # Plain substring tests reject most of a dump far faster than any regex.
    low = full.lower()
    if not any(w in low for w in _GATE_WORDS) or _GATE.search(full) is None:
        return {}
    body = _strip_ignored(full)
    strong = _count(_STRONG, body, 4)
    frame = 0
    if strong == 0:
        # Without a study-visit term, a visit must come with a learning purpose
        # nearby ("kunjungan kerja ... untuk mempelajari", "mengunjungi ... guna melihat").
        for m in _FRAME_VISIT.finditer(body):
            if _LEARN.search(body, max(0, m.start() - 150), m.end() + 200):
                frame += 1
                if frame >= 3:
                    break
        frame += _count(_INST_VISIT, body, 2)
        if frame == 0:
            return {}
    head = body[:1500]
    done = planned = 0
    first_planned = 0
    # Headlines seldom carry "akan", so lines repeating the title are skipped here.
    title_key = title.strip().lower() if title else None
    for m in _VISIT_STATEMENT.finditer(body):
        if title_key:
            a = body.rfind("\n", 0, m.start()) + 1
            b = body.find("\n", m.end())
            if body[a : b if b >= 0 else len(body)].strip().lower() == title_key:
                continue
        if _FUTURE_BEFORE.search(body[max(0, m.start() - 60) : m.start()]):
            planned += 1
            if done == 0 and planned == 1:
                first_planned = 1
        else:
            done += 1
        if done + planned >= 8:
            break
    return {
        "done": done,
        "planned_stmt": planned,
        "first_planned": first_planned,
        "abroad": _count(_ABROAD, body, 3),
        "strong": strong,
        "frame": frame,
        "strong_head": _count(_STRONG, head, 2),
        "kunker": _count(_KUNKER, body, 4),
        "learn": _count(_LEARN, body, 5),
        "gov": _count(_GOV, body, 10),
        "gov_head": _count(_GOV, head, 4),
        "visit": _count(_VISIT, body, 6),
        "date": _count(_DATE_HINT, body, 2),
        "national": _count(_NATIONAL, body, 6),
        "inspect": _count(_INSPECT, body, 4),
        "dpr": _count(_DPR, body, 4),
        "company": _count(_COMPANY, body, 6),
        "student": _count(_STUDENT, body, 6),
        "planned": _count(_PLANNED, body, 4),
        "cancel": _count(_CANCEL, body, 3),
        "explain": _count(_EXPLAIN, body, 4),
        "foreign_visitor": _count(_FOREIGN_VISITOR, body, 3),
        "leisure": _count(_LEISURE, body, 4),
        "sister": _count(_SISTER, body, 3),
        "received": _count(_RECEIVED, body, 4),
        "aggregate": _count(_AGGREGATE, body, 3),
    }


def _logit(f: dict[str, float]) -> float:
    z = -4.4
    z += 1.2 * min(f["strong"], 2) + 0.5 * f["strong_head"]
    z += 0.7 * min(f["kunker"], 2)
    z += 0.35 * min(f["learn"], 5)
    z += 0.3 * min(f["gov"], 8) + 0.3 * min(f["gov_head"], 3)
    z += 0.2 * min(f["visit"], 5)
    z += 0.5 * min(f["received"], 3)
    z += 0.3 * min(f["done"], 3)
    # a report names the day; explainers and opinion pieces seldom do
    z += 1.2 if f["date"] else -0.8
    # hard negatives: national actors inspecting, DPR/DPD abroad, companies, students...
    z -= 0.35 * min(f["national"], 6) if f["gov"] < 4 else 0.15 * min(f["national"], 6)
    z -= 0.7 * min(f["inspect"], 4)
    z -= (0.9 if f["abroad"] else 0.2) * min(f["dpr"], 3)
    z -= 0.3 * min(f["company"], 5)
    z -= 0.45 * min(f["student"], 5)
    # a plan without any sign of a visit under way is not a visit
    if f["planned_stmt"] and not f["done"]:
        z -= 2.5
    z -= 6.0 * f["first_planned"]
    z -= 0.5 * min(f["planned"], 3)
    z -= 2.0 * min(f["cancel"], 2)
    z -= 2.0 * min(f["explain"], 3)
    z -= 2.5 * min(f["foreign_visitor"], 2)
    z -= 0.6 * min(f["leisure"], 3)
    z -= 0.8 * min(f["sister"], 2)
    z -= 2.5 * min(f["aggregate"], 2)
    return z


def relevance_score(text: str, title: str | None = None) -> float:
    """Probability-like score in [0, 1] that the article reports a study visit.

    0.5 is the decision point used for ``is_study_visit`` and as the default
    pre-filter threshold of batch runs.

    Args:
        text: the article text, as scraped.
        title: its headline, if known.

    Returns:
        The score; articles without any visit term score 0.01.
    """
    feats = relevance_features(text, title)
    if not feats:
        return 0.01
    if feats["gov"] == 0:
        return 0.05
    return 1.0 / (1.0 + math.exp(-_logit(feats)))
