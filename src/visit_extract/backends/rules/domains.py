"""Domains: the LABELING.md policy areas of a visit's topics, read from their keywords.

Each code has *strong* keywords, which name the area outright ("sampah", "UMKM"), and
may have *weak* ones, which name it only when nothing more specific does: "tata kelola
sampah" is about waste, "tata kelola pemerintahan" about governance; "data
kependudukan" is about population records, "integrasi data" about digital systems.
A topic that names no area at all is ``other``.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# (code, strong keywords, weak keywords); regex sources, matched case-insensitively
# anywhere in a topic phrase.
_LEXICON: list[tuple[str, str, str]] = [
    ("public_service",
     r"pelayanan|layanan|mal\s+pelayanan|\bmpp\b|perizinan|perijinan|\bptsp\b|satu\s+pintu|"
     r"adminduk|kependudukan|pengaduan|\bppid\b|informasi\s+(?:dan\s+)?dokumentasi|"
     r"keterbukaan\s+informasi|informasi\s+publik|\bspm\b|standar\s+pelayanan|\bpaten\b|"
     r"dukcapil|\be-?ktp\b|akta\s+kelahiran",
     r""),
    ("village",
     r"\bdesa\b|pedesaan|perdesaan|kelurahan|bumdes|dana\s+desa|perbekel|kampung|kalurahan|"
     r"pemberdayaan\s+masyarakat|\bkades\b|\bpmd\b",
     r""),
    ("finance",
     r"keuangan|anggaran|penganggaran|pajak|retribusi|\bpad\b|pendapatan|\baset\b|apbd|"
     r"budgeting|audit|\bwtp\b|\blhp\b|\bbpk\b|pemeriksaan\s+keuangan|hasil\s+pemeriksaan|"
     r"perjalanan\s+dinas|bapenda|\bbphtb\b|\bpbb\b|pendapatan\s+daerah",
     r""),
    ("digital",
     r"smart|digital|e-?government|\bspbe\b|aplikasi|online|daring|elektronik|"
     r"command\s+center|dashboard|e-?voting|e-?budgeting|teknologi\s+informasi|\bit\b|"
     r"cerdas|\bsistem\s+informasi|siber|website|internet",
     r"\bdata\b"),
    ("social",
     r"kemiskinan|bantuan\s+sosial|bansos|disabilitas|sosial|miskin|penyandang|lansia|"
     r"kesejahteraan\s+sosial|\bpkh\b|zakat|baznas",
     r""),
    ("health",
     r"kesehatan|stunting|rumah\s+sakit|puskesmas|posyandu|\bbpjs\b|gizi|sakit|\brsud\b|"
     r"imunisasi|sanitasi\s+total",
     r""),
    ("education",
     r"pendidikan|sekolah|beasiswa|\bguru\b|madrasah|\bpaud\b|literasi|perpustakaan",
     r""),
    ("tourism_culture",
     r"wisata|pariwisata|budaya(?!\s+(?:kerja|organisasi|birokrasi))|festival|\bseni\b|\bevent\b|kebudayaan|heritage|geopark|"
     r"atraksi|destinasi|cagar|museum|kuliner|homestay|kesenian|pokdarwis",
     r""),
    ("economy",
     r"umkm|\bukm\b|investasi|penanaman\s+modal|perdagangan|industri|koperasi|\bpasar\b|"
     r"ekonomi(?!\s+sirkul)|\bbumd\b|usaha|ketenagakerjaan|tenaga\s+kerja|perusahaan|"
     r"tambang|pertambangan|ekspor|bank(?!\s+sampah)|kredit|ekraf|kewirausahaan|kerajinan|dekranasda|"
     r"\bcsr\b",
     r"promosi|daya\s+saing|potensi\s+daerah"),
    ("agriculture",
     r"pertanian|perkebunan|kopi|sawit|perikanan|\bikan\b|peternakan|pangan|petani|"
     r"kelautan|nelayan|penyuluh|\bbpp\b|gapoktan|simluhtan|tanaman|\bsapi\b|ternak|"
     r"budidaya|hortikultura|\bpadi\b|kakao|cengkeh",
     r""),
    ("infrastructure",
     r"\bjalan\b|tata\s+ruang|penataan\s+ruang|perumahan|permukiman|transportasi|"
     r"air\s+bersih|air\s+minum|\bpdam\b|spam\b|infrastruktur|tata\s+kota|penataan\s+kota|"
     r"\btol\b|jembatan|drainase|irigasi|alun-alun|perhubungan|angkutan|terminal",
     r""),
    ("environment",
     r"sampah|kebersihan|lingkungan|\brth\b|ruang\s+terbuka\s+hijau|adipura|limbah|"
     r"daur\s+ulang|ekonomi\s+sirkul|plastik|\btps\b|\btpa\b|penghijauan|iklim|kompos",
     r""),
    ("protection",
     r"perlindungan\s+(?:perempuan\s+dan\s+)?anak|perempuan|\bkla\b|layak\s+anak|"
     r"kekerasan|ramah\s+anak|pemberdayaan\s+perempuan",
     r""),
    ("governance",
     r"birokrasi|budaya\s+(?:kerja|organisasi)|kepegawaian|\basn\b|inovasi\s+daerah|perencanaan|\barsip|kearsipan|"
     r"peraturan|\bperda\b|\bran?perda\b|\bqanun\b|regulasi|\bbkd\b|bkpsdm|tata\s+tertib|\btatib\b|zona\s+integritas|"
     r"\bsakip\b|\blkpj\b|akuntabilitas|korupsi|legislasi|lembaga\s+adat|kelembagaan|"
     r"\bbanmus\b|program\s+kerja|pengawasan|\bforkopimda\b|\bskpd\b|\bopd\b|kinerja|"
     r"proyek\s+perubahan|reformasi|sumber\s+daya\s+manusia|\bsdm\b|aparatur|"
     r"musrenbang|\brpjmd\b|\brkpd\b|"
     r"kerja\s*sama\s+(?:antar\s*)?daerah|city\s+sharing|\bdprd\b|pemilu|pilkada",
     r"tata\s+kelola|pemerintahan|inovasi|manajemen|rancangan\s+pembangunan|"
     r"rencana\s+pembangunan"),
    ("security_disaster",
     r"bencana|ketertiban|trantib|tramtib|satpol|pemadam|kebakaran|ketentraman|"
     r"ketenteraman|perlindungan\s+masyarakat|\blinmas\b|\bbpbd\b|mitigasi",
     r""),
    # areas the closed list has no code for, named so that their topics are kept
    ("other",
     r"olahraga|kepemudaan|\bpemuda\b|kebangsaan|pembauran|kerukunan|keagamaan|\bkesbang",
     r""),
]  # fmt: skip

_STRONG = [(code, re.compile(strong, _I)) for code, strong, _ in _LEXICON]
_WEAK = [(code, re.compile(weak, _I)) for code, _, weak in _LEXICON if weak]


def domains_of_phrase(phrase: str, *, weak: bool = True) -> list[str]:
    """The domain codes one topic phrase names; empty when it names none.

    Args:
        phrase: a topic phrase.
        weak: whether weak keywords count when no strong one is named.

    Returns:
        The codes of its strong keywords, else of its weak ones, in the closed list's
        order.
    """
    codes = [code for code, pattern in _STRONG if pattern.search(phrase)]
    if not codes and weak:
        codes = [code for code, pattern in _WEAK if pattern.search(phrase)]
    return codes


def domains_of(phrases: list[str]) -> list[str]:
    """Domain codes of the topic phrases, in topic order; ``other`` for a topic naming none.

    Args:
        phrases: the topic phrases of a visit.

    Returns:
        Distinct codes, the first topic's first.
    """
    codes: list[str] = []
    for phrase in phrases:
        for code in domains_of_phrase(phrase):
            if code not in codes:
                codes.append(code)
    if phrases and not codes:
        codes.append("other")
    return codes
