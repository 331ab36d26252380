"""The batch pre-filter: which articles are worth sending to a model.

It is built for recall, not precision, and is separate from the rules backend's own
``is_study_visit`` decision: a model reads every article that passes and decides for
itself, so the filter's only job is to stop the articles that cannot be study-visit
reports. An article passes when a visit cue stands near a government actor:

* a study-visit term (studi banding/tiru/lapangan/komparasi, kaji banding, comparative
  study, benchmarking, kunjungan kerja/belajar, kunker, menimba ilmu, berguru, belajar
  ke...) within :data:`WINDOW` characters of a public body (Pemkab, DPRD, Bupati, Desa,
  Kementerian, PKK, Diklat...): score 0.95;
* a plain visit word (berkunjung, kunjungan, rombongan, delegasi, kedatangan...) or a
  trip abroad, with a learning purpose nearby (belajar, melihat langsung, sharing,
  inspirasi, guna memahami...) and a public body: score 0.75;
* a plain visit word near a public body, without a stated purpose: 0.3 (below the
  default threshold; ``--prefilter-threshold 0.3`` lets them through too);
* anything else: 0.01.

The scores are levels, not probabilities; ``benchmarks/bench_rules.py`` prints the
recall over labelled positives and the share of a dump passing at each level.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["DEFAULT_THRESHOLD", "WINDOW", "prefilter_score"]

#: Score at or above which an article goes to the model.
DEFAULT_THRESHOLD = 0.5
#: How far (characters) a cue may stand from the public body it belongs to.
WINDOW = 400

_I = re.IGNORECASE

# Plain substrings, one of which every passing article contains: most of a dump is
# rejected by these ``in`` tests before any regex runs.
_QUICK = (
    "stud", "kaji", "compar", "benchmark", "unjung", "kunker", "kunja", "ilmu", "guru",
    "kaweruh", "sharing", "anjangsana", "lawat", "belajar", "rombongan", "delegasi",
    "datang", "tandang", "sambang", "tiba ", "bertolak",
)  # fmt: skip

_STRONG = re.compile(
    r"\bstud[iy]\s*(?:banding|tiru|komparasi|komparatif|perbandingan|lapangan|terap|"
    r"eksplorasi|referensi|ke)\b|\bkaji\s*(?:banding|tiru)\b|\bcomparative\s+study|"
    r"\bbenchmark|\bkunjungan\s+(?:kerja|belajar|edukatif|edukasi|studi|lapangan|dinas)\b|"
    r"\bkunker\b|\bkunja\b|\b(?:menimba|timba|mencari|mencuri|berbagi|menambah)\s+ilmu\b|"
    r"\bberguru\b|\bngangsu\s+kaweruh\b|\bcity\s+sharing\b|\banjangsana\b|\blawatan\b|"
    r"\bbelajar\s+(?:ke|dari|di|langsung)\b|\bstudy\s+(?:tour|visit|banding|tiru)\b",
    _I,
)
_VISIT = re.compile(
    r"\bberkunjung\b|\bmengunjungi\b|\bkunjungan\b|\bbertandang\b|\bmenyambangi\b|"
    r"\brombongan\b|\bdelegasi\b|\bkedatangan\b|\bdikunjungi\b|\btiba\s+di\b|"
    r"\bbertolak\s+ke\b|\bdatang\s+ke\b",
    _I,
)
# Going abroad counts as a trip even when no visit word is used ("mengikuti workshop
# di Tokyo", "ke luar negeri").
_ABROAD = re.compile(
    r"\b(?:ke|di)\s+(?:luar\s+negeri|negara\s+\w+|negeri\s+\w+|Jepang|Korea|Tiongkok|China|"
    r"Cina|Malaysia|Singapura|Thailand|Belanda|Jerman|Australia|Amerika|Inggris|Perancis|"
    r"Prancis|Swiss|Selandia\s+Baru|India|Vietnam|Filipina|Taiwan|Turki|Arab\s+Saudi|"
    r"Austria|Belgia|Denmark|Swedia|Norwegia|Finlandia|Italia|Spanyol|Kanada|Eropa|"
    r"Tokyo|Osaka|Seoul|Beijing|Shanghai|Kuala\s+Lumpur|Bangkok|Amsterdam|Berlin|Sydney|"
    r"Melbourne|London|Paris)\b",
    _I,
)
_LEARN = re.compile(
    r"\bbelajar\b|\bmempelajari\b|\bpelajari\b|\bmelihat\s+(?:langsung|dari\s+dekat|secara)\b|"
    r"\b(?:guna|untuk|ingin|demi)\s+(?:melihat|memahami|mengetahui|menggali|mendalami|"
    r"mengadopsi|meniru|mencontoh)\b|\bsharing\b|\bberbagi\s+(?:pengalaman|informasi|"
    r"pengetahuan)\b|\b(?:ter)?inspirasi\b|\bmenginspirasi\b|\breplikasi\b|\bmereplikasi\b|"
    r"\bmengadopsi\b|\bmeniru\b|\bmencontoh\b|\breferensi\b|\bmencari\s+(?:tahu|contoh|"
    r"masukan)\b|\bkonsultasi\b|\bmenggali\b|\bbertukar\s+(?:pikiran|informasi|pengalaman)\b|"
    r"\bpercontohan\b|\brujukan\b|\bworkshop\b|\bpraktik\s+(?:baik|terbaik)\b|"
    r"\bbest\s+practices?\b|\bstudi\b",
    _I,
)
_GOV = re.compile(
    r"\b(?:pemkab|pemkot|pemprov|pemda|pemdes|pemerintah\s+(?:kabupaten|kota|provinsi|desa|"
    r"daerah|kab)|dprd?|dprk|dpd|bupati|wabup|wali\s*kota|walkot|wawali|gubernur|wagub|"
    r"sekda\w*|sekwan|setwan|setda\w*|sekretariat|kepala\s+(?:desa|dinas|daerah|badan|"
    r"bagian|kantor)|kades|perangkat\s+desa|perbekel|lurah|camat|dinas|kadis|bappeda|opd|"
    r"skpd|asn|pns|kementerian|kemen\w+|menteri|diklat\w*|pkk|bumdes|pansus|banmus|"
    r"bapemperda|inspektorat|satpol|legislator|anggota\s+dewan|wakil\s+rakyat|kabupaten|"
    r"provinsi|komisi\s+(?:[a-e]|[1-4]|i{1,3}|iv|v)\b)",
    _I,
)


def _near(positions: list[int], pos: int) -> bool:
    i = bisect.bisect_left(positions, pos - WINDOW)
    return i < len(positions) and positions[i] <= pos + WINDOW


def prefilter_score(text: str, title: str | None = None) -> float:
    """How worth a model's time an article is (a level, see the module docstring).

    Args:
        text: the article text, as scraped.
        title: its headline, if known.

    Returns:
        0.95, 0.75, 0.3 or 0.01; an article passes at or above the threshold
        (:data:`DEFAULT_THRESHOLD` unless the settings say otherwise).
    """
    full = f"{title}\n{text}" if title else text
    low = full.lower()
    if not any(w in low for w in _QUICK) and _ABROAD.search(full) is None:
        return 0.01
    gov = [m.start() for m in _GOV.finditer(full)]
    if not gov:
        return 0.01
    for m in _STRONG.finditer(full):
        if _near(gov, m.start()):
            return 0.95
    best = 0.01
    for pattern in (_VISIT, _ABROAD):
        for m in pattern.finditer(full):
            if not _near(gov, m.start()):
                continue
            if _LEARN.search(full, max(0, m.start() - WINDOW), m.end() + WINDOW):
                return 0.75
            best = 0.3
    return best
