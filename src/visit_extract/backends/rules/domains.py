"""Domains: the LABELING.md policy areas of a visit's topics, read from their keywords.

Each code has *strong* keywords, which name the area outright ("sampah", "UMKM"), and
may have *weak* ones, which name it only when nothing more specific does: "tata kelola
sampah" is about waste, "tata kelola pemerintahan" about governance; "data
kependudukan" is about population records, "integrasi data" about digital systems.
A topic that names no area at all is ``other``.
"""

from __future__ import annotations

import re
from functools import lru_cache

_I = re.IGNORECASE

# (code, strong keywords, weak keywords); regex sources, matched case-insensitively
# anywhere in a topic phrase.
_LEXICON: list[tuple[str, str, str]] = [
    ("public_service",
     r"pelayanan|layanan|mal\s+pelayanan|\bmpp\b|perizinan|perijinan|\bptsp\b|satu\s+pintu|"
     r"adminduk|kependudukan|pengaduan|\bppid\b|informasi\s+(?:dan\s+)?dokumentasi|"
     r"keterbukaan\s+informasi|informasi\s+publik|\bspm\b|standar\s+pelayanan|\bpaten\b|"
     r"dukcapil|\be-?ktp\b|akta\s+kelahiran|catatan\s+sipil|pencatatan\s+sipil|"
     r"\bizin\b|\bimb\b|\bpbg\b|\bsamsat\b|kepuasan\s+masyarakat|ombudsman|\bsp4n\b|"
     r"\bdpmptsp\b|identitas\s+kependudukan",
     r""),
    ("village",
     r"\bdesa(?!in)|pedesaan|perdesaan|kelurahan|bumdes|dana\s+desa|perbekel|kampung|kalurahan|"
     r"pemberdayaan\s+masyarakat|\bkades\b|\bpmd\b|\bapbdes|siskeudes|\bnagari\b|"
     r"\bgampong\b|\bpekon\b|prodeskel|\bbumkal\b",
     r""),
    ("finance",
     r"keuangan|anggaran|penganggaran|pajak|retribusi|\bpad\b|pendapatan|\baset\b|apbd\b|"
     r"budgeting|audit|\bwtp\b|\blhp\b|\bbpk\b|pemeriksaan\s+keuangan|hasil\s+pemeriksaan|"
     r"perjalanan\s+dinas|bapenda|\bbphtb\b|\bpbb\b|pendapatan\s+daerah|fiskal|"
     r"akuntansi|perbendaharaan|\bbpkad\b|\bbkad\b|\bbpkd\b|\blkpd\b|\bsipd\b|"
     r"dana\s+(?:bagi\s+hasil|transfer|alokasi)|\bdbh\b|\bdak\b|\bdau\b|hibah|piutang|"
     r"barang\s+milik\s+daerah|penatausahaan|belanja\s+daerah|\bsilpa\b|cukai",
     r""),
    ("digital",
     r"smart|digital|e-?government|\bspbe\b|aplikasi|online|daring|elektronik|"
     r"command\s+center|dashboard|e-?voting|e-?budgeting|teknologi\s+informasi|\bit\b|"
     r"cerdas|\bsistem\s+informasi|siber|website|internet|\be-[a-z]{3,}|\bsatu\s+data|"
     r"big\s+data|\bcctv\b|\biot\b|kecerdasan\s+buatan|\bai\b|non-?tunai|cashless|"
     r"\bqris\b|\bkominfo|diskominfo|persandian|\bstatistik|call\s+center|\btik\b|"
     r"telekomunikasi|jaringan\s+(?:internet|komunikasi)|\bsiakad\b|\blpse\b",
     r"\bdata\b"),
    ("social",
     r"kemiskinan|bantuan\s+sosial|bansos|disabilitas|sosial|miskin|penyandang|lansia|"
     r"kesejahteraan\s+sosial|\bpkh\b|zakat|baznas|\bdtks\b|\bpmks\b|kesejahteraan\s+rakyat|"
     r"\bkesra\b|\bpanti\b|terlantar|gelandangan|pengemis|fakir|yatim|dhuafa|duafa|"
     r"rumah\s+tidak\s+layak|\brtlh\b|bedah\s+rumah|difabel",
     r""),
    ("health",
     r"kesehatan|stunting|rumah\s+sakit|puskesmas|posyandu|\bbpjs\b|gizi|sakit|\brsud\b|"
     r"imunisasi|sanitasi\s+total|\bdokter|\bbidan\b|\bperawat\b|\bobat|farmasi|\bklinik|"
     r"penyakit|\bjkn\b|jaminan\s+kesehatan|ibu\s+hamil|kematian\s+(?:ibu|bayi)|"
     r"\btbc?\b|\bhiv\b|\bdbd\b|malaria|vaksin|wabah|pandemi|covid|ambulan|\bpsc\b|"
     r"\bdinkes\b|germas|\bphbs\b|jamban|\bstbm\b|\bmbg\b|makan\s+bergizi",
     r""),
    ("education",
     r"pendidikan|sekolah|beasiswa|\bguru\b|madrasah|\bpaud\b|literasi|perpustakaan|"
     r"\bpelajar|\bsiswa|murid|mahasiswa|kampus|universitas|perguruan\s+tinggi|\bsmk\b|"
     r"\bsma\b|\bsmp\b|\bvokasi|kurikulum|pesantren|santri|wajib\s+belajar|buta\s+aksara|"
     r"pendidik\b|\bdisdik|\bdikbud\b|tenaga\s+pengajar",
     r""),
    ("tourism_culture",
     r"wisata|pariwisata|budaya(?!\s+(?:kerja|organisasi|birokrasi))|festival|\bseni\b|\bevent\b|kebudayaan|heritage|geopark|"
     r"atraksi|destinasi|cagar|museum|kuliner|homestay|kesenian|pokdarwis|candi|keraton|"
     r"kraton|\btari(?:an)?\b|batik|tenun|songket|sejarah|warisan|pusaka|sanggar|pertunjukan|"
     r"karnaval|carnival|\bparade\b|bahari|cenderamata|suvenir|souvenir|ekonomi\s+kreatif|"
     r"purbakala|\bdisparbud|\bdisbudpar",
     r""),
    ("economy",
     r"umkm|\bukm\b|investasi|penanaman\s+modal|perdagangan|industri|koperasi|\bpasar\b|"
     r"ekonomi(?!\s+sirkul)|\bbumd\b|usaha|ketenagakerjaan|tenaga\s+kerja|perusahaan|"
     r"tambang|pertambangan|ekspor|bank(?!\s+sampah)|\bkredit|ekraf|kewirausahaan|kerajinan|dekranasda|"
     r"\bcsr\b|\bikm\b|\bkur\b|wirausaha|pengusaha|\bbumn\b|perseroda|perumda|"
     r"perbankan|\bbpr\b|keuangan\s+mikro|\bmodal\b|impor|logistik|"
     r"kawasan\s+(?:industri|ekonomi)|\bkek\b|\bump?k\b|upah|\bblk\b|pencari\s+kerja|"
     r"lapangan\s+kerja|pengangguran|investor|inflasi|\btpid\b|komoditas|hilirisasi|"
     r"produk\s+unggulan|\bovop\b|\bsentra\b|\bkopdes\b|pertokoan|\bmall\b|swalayan",
     r"promosi|daya\s+saing|potensi\s+daerah"),
    ("agriculture",
     r"pertanian|perkebunan|\bkopi\b|sawit|perikanan|\bikan\b|peternakan|\bpangan|petani|"
     r"kelautan|nelayan|penyuluh|\bbpp\b|gapoktan|simluhtan|tanaman|\bsapi\b|ternak|"
     r"budidaya|hortikultura|holtikultura|\bpadi\b|kakao|cengkeh|\bberas\b|jagung|kedelai|"
     r"sayur|\bbibit|\bbenih|pupuk|sawah|\bpoktan\b|kelompok\s+tani|alsintan|"
     r"mekanisasi|\bkaret\b|kelapa|tembakau|\btebu\b|rumput\s+laut|tambak|\budang\b|"
     r"garam|keramba|unggas|\bayam\b|kambing|\bsusu\b|\bmadu\b|agribisnis|"
     r"agro(?!wisata)\w*|kesehatan\s+hewan|keswan|\bhewan\b|\bdistan\b|lumbung|"
     r"tanam\b|panen|\bkebun\b|perhutanan\s+sosial",
     r""),
    ("infrastructure",
     r"\bjalan\b|tata\s+ruang|penataan\s+ruang|perumahan|permukiman|transportasi|"
     r"air\s+bersih|air\s+minum|\bpdam\b|spam\b|infrastruktur|tata\s+kota|penataan\s+kota|"
     r"\btol\b|jembatan|drainase|irigasi|alun-alun|perhubungan|angkutan|terminal|"
     r"listrik|energi(?!\s+terbarukan)|\bpln\b|\bpju\b|penerangan\s+jalan|\btrem\b|"
     r"kereta|\blrt\b|\bmrt\b|\bbrt\b|\bbus\b|pelabuhan|bandara|bandar\s+udara|dermaga|"
     r"\bpupr\b|pekerjaan\s+umum|konstruksi|rumah\s+susun|rusunawa|\brusun\b|bendungan|"
     r"embung|sumber\s+daya\s+air|trotoar|pedestrian|\bparkir|lalu[\s-]+lintas|\batcs\b|"
     r"pertanahan|agraria|\brtrw\b|\brdtr\b|kumuh|perkotaan|sarana\s+(?:dan\s+)?prasarana|"
     r"sarpras|\bsanitasi\b(?!\s+total)",
     r""),
    ("environment",
     r"sampah|kebersihan|lingkungan|\brth\b|ruang\s+terbuka\s+hijau|adipura|limbah|"
     r"daur\s+ulang|ekonomi\s+sirkul|plastik|\btps\b|\btpa\b|penghijauan|iklim|kompos|"
     r"\bdlh\b|\btps3r\b|\btpst\b|polusi|pencemaran|kualitas\s+udara|\bemisi|karbon|"
     r"energi\s+terbarukan|mangrove|konservasi|reboisasi|\brhl\b|\bipal\b|kalpataru|"
     r"proklim|adiwiyata|hutan\s+kota|taman\s+kota",
     r""),
    ("protection",
     r"perlindungan\s+(?:perempuan\s+dan\s+)?anak|perempuan|\bkla\b|layak\s+anak|"
     r"kekerasan|ramah\s+anak|pemberdayaan\s+perempuan|gender|\bpug\b|\bdp3a|\bp2tp2a\b|"
     r"\bppa\b|perkawinan\s+(?:anak|dini)|pernikahan\s+dini|perdagangan\s+orang|"
     r"\btppo\b|\bkdrt\b|\bpuspaga\b|forum\s+anak|hak\s+anak",
     r""),
    ("governance",
     r"birokrasi|budaya\s+(?:kerja|organisasi)|kepegawaian|\basn\b|inovasi\s+daerah|perencanaan|\barsip|kearsipan|"
     r"peraturan|\bperda\b|\bran?perda\b|\bqanun\b|regulasi|\bbkd\b|bkpsdm|tata\s+tertib|\btatib\b|zona\s+integritas|"
     r"\bsakip\b|\blkpj\b|akuntabilitas|korupsi|legislasi|lembaga\s+adat|kelembagaan|"
     r"\bbanmus\b|program\s+kerja|pengawasan|\bforkopimda\b|\bskpd\b|\bopd\b|kinerja|"
     r"proyek\s+perubahan|reformasi|sumber\s+daya\s+manusia|\bsdm\b|aparatur|"
     r"musrenbang|\brpjmd\b|\brkpd\b|"
     r"kerja\s*sama\s+(?:antar\s*)?daerah|city\s+sharing|\bdprd\b|pemilu|pilkada|"
     r"\bpns\b|\bpppk\b|honorer|diklat|pengembangan\s+kompetensi|sistem\s+merit|"
     r"manajemen\s+talenta|jabatan\s+fungsional|\bsotk\b|perangkat\s+daerah|"
     r"tata\s+naskah|persuratan|\bbappeda|\brenstra\b|\brenja\b|\blakip\b|\blppd\b|"
     r"integritas|\bwbk\b|\bwbbm\b|\bkpk\b|gratifikasi|\bspip\b|inspektorat|\bapip\b|"
     r"\bra?peraturan|ranperda|raperda|propemperda|bapemperda|\bbanggar\b|\bbamus\b|"
     r"badan\s+kehormatan|kode\s+etik|alat\s+kelengkapan|pokok[\s-]+pikiran|\bpokir\b|"
     r"\breses\b|aspirasi|hak\s+angket|interpelasi|kedewanan|paripurna|\bkpu\b|bawaslu|"
     r"otonomi|pemekaran|batas\s+(?:daerah|wilayah)|keprotokolan|protokoler|kehumasan|"
     r"\bhumas\b|penelitian|\briset\b|\bbrida\b|\bbalitbang|\blitbang|monitoring\s+dan\s+evaluasi|"
     r"\bmonev\b|undang-undang|perundang-undangan|produk\s+hukum|\bperbup\b|\bperwali\b|"
     r"\bpergub\b",
     r"tata\s+kelola|pemerintahan|inovasi|manajemen|rancangan\s+pembangunan|"
     r"rencana\s+pembangunan"),
    ("security_disaster",
     r"bencana|ketertiban|trantib|tramtib|satpol|pemadam|kebakaran|ketentraman|"
     r"ketenteraman|perlindungan\s+masyarakat|\blinmas\b|\bbpbd\b|mitigasi|damkar|"
     r"keamanan|kamtibmas|banjir|longsor|gempa|tsunami|erupsi|kekeringan|karhutla|"
     r"evakuasi|tanggap\s+darurat|peringatan\s+dini|\bsar\b|basarnas|narkoba|\bbnn\b|"
     r"terorisme|radikalisme|konflik\s+sosial|penegakan\s+perda",
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
    return list(_codes(phrase, weak))


@lru_cache(maxsize=4096)
def _codes(phrase: str, weak: bool) -> tuple[str, ...]:
    """:func:`domains_of_phrase`, remembered: a phrase is read once to be kept as a topic
    and again for its visit's domains, against a long keyword list."""
    codes = tuple(code for code, pattern in _STRONG if pattern.search(phrase))
    if not codes and weak:
        codes = tuple(code for code, pattern in _WEAK if pattern.search(phrase))
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
