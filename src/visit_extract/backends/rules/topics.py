"""Topics and domains: what the delegation came to learn, and its LABELING.md domains.

Topics are the noun phrases after a learning cue ("belajar tentang X", "terkait X dan
Y"), cut at the first function word, split at commas and "dan", without places, sites
and filler ("banyak hal"). Domains come from keywords in those phrases.
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.mentions import in_spans
from visit_extract.normalize.gazetteer import gazetteer, key
from visit_extract.normalize.lexicon import KIND_TERMS

_I = re.IGNORECASE

_TOPIC_CUE = re.compile(
    r"\b(?:(?:belajar|mempelajari|studi\s+\w+|kaji\s+\w+|benchmarking|kunjungan(?:\s+kerja)?|"
    r"sharing|berbagi|berdiskusi|diskusi|konsultasi|melihat(?:\s+langsung)?|mengetahui|"
    r"memahami|menggali(?:\s+informasi)?|mendalami|mengadopsi|meniru|terinspirasi)"
    r"\s+(?:(?:lebih\s+)?(?:banyak\s+)?(?:tentang|mengenai|soal|terkait|seputar|perihal|"
    r"dalam\s+hal|di\s+bidang|bidang|program|pola|sistem|cara|bagaimana|penerapan|"
    r"implementasi|pengelolaan|pengembangan|inovasi|praktik)\b)|"
    r"\b(?:terkait|tentang|mengenai|khususnya|utamanya|terutama(?:\s+tentang)?|"
    r"seputar|fokus(?:\s+utama)?\s+pada|mulai\s+dari|meliputi|dalam\s+rangka|perihal)\b)\s*",
    _I,
)
_TOPIC_STOP = re.compile(
    r"[.;:!?\"“”()\n]|\s(?:di|ke|yang|dari|kepada|agar|supaya|untuk|sehingga|karena|"
    r"oleh|pada|bersama|dengan|sebagai|selama|saat|ketika|kata|ujar|ungkap|jelas|"
    r"tutur|katanya|ujarnya|sebab|namun|tetapi|bagi|sesuai|selain)\s",
    _I,
)
_TOPIC_SPLIT = re.compile(r"\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta|hingga|maupun)\s+", _I)
_FILLER = {
    "banyak hal", "berbagai hal", "hal", "berbagai inovasi", "inovasi", "program", "lainnya",
    "hal tersebut", "dll", "sebagainya", "lain-lain", "itu", "ini", "tersebut", "daerah",
    "kunjungan", "kerja", "silaturahmi",
}  # fmt: skip

_DOMAINS: list[tuple[str, re.Pattern[str]]] = [
    (code, re.compile(p, _I))
    for code, p in [
        ("public_service", r"pelayanan|layanan|mal\s+pelayanan|\bmpp\b|perizinan|perijinan|"
         r"ptsp|satu\s+pintu|adminduk|kependudukan|pengaduan"),
        ("village", r"\bdesa\b|kelurahan|bumdes|dana\s+desa|perbekel|kampung|kalurahan|\bpkk\b"),
        ("finance", r"keuangan|anggaran|pajak|retribusi|\bpad\b|pendapatan|aset|apbd|budgeting|"
         r"audit|\bwtp\b"),
        ("digital", r"smart|digital|e-?government|\bspbe\b|aplikasi|online|elektronik|"
         r"command\s+center|dashboard|\bdata\b|e-?voting|teknologi\s+informasi|\bit\b"),
        ("social", r"kemiskinan|bantuan\s+sosial|bansos|disabilitas|sosial|miskin"),
        ("health", r"kesehatan|stunting|rumah\s+sakit|puskesmas|posyandu|bpjs|gizi|sakit"),
        ("education", r"pendidikan|sekolah|beasiswa|\bguru\b"),
        ("tourism_culture", r"wisata|pariwisata|budaya|festival|\bseni\b|\bevent\b|kebudayaan|"
         r"heritage|geopark|atraksi"),
        ("economy", r"umkm|investasi|perdagangan|industri|koperasi|\bpasar\b|ekonomi|bumd|usaha|"
         r"ketenagakerjaan|tenaga\s+kerja|perusahaan"),
        ("agriculture", r"pertanian|perkebunan|kopi|sawit|perikanan|\bikan\b|peternakan|pangan|"
         r"petani"),
        ("infrastructure", r"\bjalan\b|tata\s+ruang|penataan\s+ruang|perumahan|transportasi|"
         r"air\s+bersih|pdam|infrastruktur|tata\s+kota|penataan\s+kota"),
        ("environment", r"sampah|kebersihan|lingkungan|\brth\b|ruang\s+terbuka\s+hijau|adipura|"
         r"limbah|daur\s+ulang"),
        ("protection", r"perlindungan\s+anak|perempuan|\bkla\b|layak\s+anak|kekerasan"),
        ("governance", r"birokrasi|kepegawaian|\basn\b|inovasi\s+daerah|perencanaan|arsip|"
         r"peraturan|perda|tata\s+tertib|tatib|zona\s+integritas|sakip|lkpj|pemerintahan|"
         r"tata\s+kelola|akuntabilitas|korupsi|legislasi|lembaga\s+adat|desa\s+adat"),
        ("security_disaster", r"bencana|ketertiban|trantib|tramtib|satpol|pemadam|kebakaran|"
         r"ketentraman"),
    ]
]  # fmt: skip


def find_topics(ctx: Context) -> None:
    """Stage: ``ctx.topics`` with their spans, and ``ctx.domains``."""
    ctx.topics = topic_spans(ctx.text, ctx.skip)
    ctx.domains = domains_of([t for t, _, _ in ctx.topics])


_TOPIC_LEAD = re.compile(r"^.*?\b(?:terkait|tentang|mengenai|soal|seputar|perihal)\s+", _I)
_TOPIC_PLACE = re.compile(
    r"\b(?:Kabupaten|Kota|Provinsi|Pemkab|Pemkot|Pemprov|Indonesia)\b|"
    r"^[A-Z][a-z]+\s+(?:mengembangkan|menerapkan|mengelola|mempromosikan)\b"
)


def topic_spans(text: str, skip: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Up to eight topic phrases with their spans, in text order."""
    out: list[tuple[str, int, int]] = []
    seen: set[frozenset[str]] = set()
    gaz = gazetteer()
    for m in _TOPIC_CUE.finditer(text):
        if in_spans(m.start(), skip):
            continue
        start = m.end()
        if text[start : start + 1] in ",.;:)":
            continue  # "kepala SKPD terkait, serta ...": an adjective, not a topic cue
        window = text[start : start + 220]
        stop = _TOPIC_STOP.search(window)
        chunk = window[: stop.start()] if stop else window
        pos = start
        parts = _TOPIC_SPLIT.split(chunk)
        if stop is None and start + len(window) >= len(text):
            parts = parts[:-1]  # the text was cut off mid-phrase
        for part in parts:
            # a cue inside the phrase ("studi komparasi terkait X"): keep what follows it
            lead = _TOPIC_LEAD.match(part)
            if lead:
                part = part[lead.end() :]
            p0 = text.find(part, pos, start + len(chunk) + 1) if part else -1
            phrase = part.strip(" ,-–")
            words = phrase.split()
            # sites, places and possessives are not programmes
            if (
                not words
                or _TOPIC_PLACE.search(phrase)
                or (len(words) == 1 and phrase.lower().endswith("nya"))
                or re.search(r"\d", phrase)
                or any(w[:1].isupper() and key(w) in gaz.by_base for w in words)
            ):
                continue
            if not words or len(words) > 7:
                continue
            low = phrase.lower()
            # the visit's own name ("studi banding", "kunker") is no topic of it
            if (
                low in _FILLER
                or len(phrase) < 3
                or not re.search(r"[a-zA-Z]{3}", phrase)
                or any(term.fullmatch(low) for term in KIND_TERMS.values())
            ):
                continue
            if re.match(
                r"(?:dengan|untuk|agar|yang|ini|itu|kami|kita|mereka|para|hal|seluruh|semua|"
                r"sejumlah|beberapa|kepala|kantor|gedung|balai|pendopo|aula|lokasi|desa|"
                r"kecamatan|kelurahan|jalan|hotel|ruang)\b",
                low,
            ):
                continue
            toks = frozenset(low.split())
            if toks in seen or any(toks > t or toks < t for t in seen):
                continue
            seen.add(toks)
            if p0 >= 0:
                pos = p0 + len(part)
                out.append((phrase, p0, p0 + len(part)))
            if len(out) >= 8:
                return out
    return out


def domains_of(phrases: list[str]) -> list[str]:
    """Domain codes of the topic phrases; ``other`` when none applies."""
    codes: list[str] = []
    for phrase in phrases:
        for code, pattern in _DOMAINS:
            if pattern.search(phrase) and code not in codes:
                codes.append(code)
    if phrases and not codes:
        codes.append("other")
    return codes
