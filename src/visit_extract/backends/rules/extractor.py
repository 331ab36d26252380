"""Rules extractor: fills the whole LABELING.md schema from one article.

Steps, all on the original text so that evidence offsets need no re-alignment:

1. regions named in the text (:func:`~visit_extract.backends.rules.mentions.find_regions`),
   minus "Baca juga" passages and provinces that only locate a place;
2. a role score per region from the words around each mention: host cues ("studi
   banding ke X", "diterima Bupati X", "X menerima kunjungan"), visitor cues
   ("rombongan Pemkab X", "kunjungan kerja dari DPRD X", "X ... berkunjung ke");
3. one visit per visiting region and the host (a foreign country or a ministry when
   the delegation went abroad or to Jakarta's ministries);
4. the party details (level, branch, institution, leader, size), then kind, dates,
   topics, domains and agreement, each with an :class:`Evidence` quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from visit_extract.backends.rules.mentions import (
    Mention,
    find_regions,
    ignored_spans,
    in_spans,
    sentences,
)
from visit_extract.backends.rules.people import TITLE, Person, find_people, read_name, title_rank
from visit_extract.normalize import normalize_country, normalize_title, resolve_date
from visit_extract.normalize.gazetteer import Region, gazetteer, key
from visit_extract.schema import Evidence, Leader, Party, Visit

_I = re.IGNORECASE

_VISIT_WORDS = (
    r"(?:stud[iy]\s*(?:banding|tiru|komparasi|komparatif|perbandingan|terap|eksplorasi)|"
    r"kaji\s*(?:banding|tiru)|benchmarking|kunjungan(?:\s+kerja)?|kunker|kunja|berkunjung|"
    r"mengunjungi|belajar|berguru|datang|tiba|bertolak|berangkat|menyambangi|bertandang|"
    r"pergi|terbang|melawat|menuju|mendatangi|"
    r"timba\s+ilmu|menimba\s+ilmu|anjangsana|konsultasi|rujukan|jujugan|destinasi)"
)
# "... studi banding ke [Pemerintah Kabupaten] X": the words after "ke" may name the
# host's institution before its region.
_HOST_BEFORE = re.compile(
    _VISIT_WORDS + r"\b[^.\n]{0,70}?\b(?:ke|di|kepada|menuju)\s+(?:[\w.()-]+\s+){0,4}$", _I
)
_RECEIVE_BEFORE = re.compile(
    r"\b(?:diterima|disambut)\s+(?:[\w.()-]+\s+){0,5}$|"
    r"\b(?:bertempat|berlangsung|digelar|dilaksanakan)\s+di\s+(?:[\w.()-]+\s+){0,5}$",
    _I,
)
# "menyambut [kunjungan] Walikota Palopo": the object of a welcome is the visitor.
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
    r"\b(?:bupati|wali\s*kota|walikota|gubernur|wakil\s+\w+|dprd|pemkab|pemkot|pemprov)\s*$", _I
)

_NATIONAL_HOST = re.compile(
    r"\b(?:ke|di)\s+((?:Kantor\s+)?(?:Kementerian|Kemendagri|Kemenpan(?:-?RB)?|KemenPAN-RB|"
    r"Bappenas|Ditjen|Direktorat\s+Jenderal|Kemendes(?:a)?|Kemenkeu|Kemenkes|LAN|BPK\s+RI|KPK)"
    r"(?:\s+[A-Z][\w,-]*){0,6})"
)
_FOREIGN_CITIES = {
    "tokyo": "Japan", "osaka": "Japan", "kyoto": "Japan", "seoul": "South Korea",
    "busan": "South Korea", "beijing": "China", "shanghai": "China", "guangzhou": "China",
    "kuala lumpur": "Malaysia", "penang": "Malaysia", "bangkok": "Thailand",
    "amsterdam": "Netherlands", "den haag": "Netherlands", "rotterdam": "Netherlands",
    "berlin": "Germany", "munich": "Germany", "sydney": "Australia", "melbourne": "Australia",
    "perth": "Australia", "london": "United Kingdom", "paris": "France",
    "washington": "United States", "new york": "United States", "taipei": "Taiwan",
    "hanoi": "Vietnam", "manila": "Philippines", "istanbul": "Turkey",
    "dubai": "United Arab Emirates",
}  # fmt: skip
_COUNTRY_WORDS = (
    r"Jepang|Korea\s+Selatan|Korsel|Tiongkok|China|Cina|Malaysia|Singapura|Thailand|Belanda|"
    r"Jerman|Australia|Amerika\s+Serikat|Inggris|Perancis|Prancis|Swiss|Selandia\s+Baru|"
    r"India|Vietnam|Filipina|Taiwan|Turki|Arab\s+Saudi|Austria|Belgia|Denmark|Swedia|"
    r"Norwegia|Finlandia|Italia|Spanyol|Kanada|Rusia|Timor\s+Leste|Brunei(?:\s+Darussalam)?|"
    r"Korea|Tokyo|Osaka|Kyoto|Seoul|Busan|Beijing|Shanghai|Guangzhou|Kuala\s+Lumpur|Penang|"
    r"Bangkok|Amsterdam|Den\s+Haag|Rotterdam|Berlin|Sydney|Melbourne|Perth|London|Paris|"
    r"Taipei|Hanoi|Manila|Istanbul|Dubai"
)
_FOREIGN_HOST = re.compile(
    _VISIT_WORDS
    + r"\b[^.\n]{0,80}?\b(?:ke|di)\s+(?:negara\s+|negeri\s+)?(?:[\w-]+\s+){0,3}?("
    + _COUNTRY_WORDS
    + r")\b",
    _I,
)
_FOREIGN_HOST2 = re.compile(
    r"\b(?:digelar|diselenggarakan|oleh)\s+(?:Pemerintah|pemerintah)\s+(" + _COUNTRY_WORDS + r")\b"
)

_VILLAGE = re.compile(
    r"\b(?:desa|kelurahan|kalurahan|kampung|nagari|gampong|pekon|kepala\s+desa|kades|perbekel|"
    r"pemdes|pkk\s+desa|bumdes)\b",
    _I,
)
# "PKK Desa Dangin Puri Kauh, Denpasar", "kepala desa se-Kecamatan X, Kabupaten Y"
_VILLAGE_BEFORE = re.compile(
    r"(?:\b(?:Desa|Kelurahan|Kalurahan|Kampung|Nagari|Gampong|Pekon|Pemdes)\s+[A-Z][^.;]{0,30}|"
    r"\b(?:[Kk]epala\s+[Dd]esa|[Kk]ades|[Pp]erbekel)\s+se-?[^.;]{0,40})[,\s]*$"
)
_DPRD = re.compile(r"\b(?:DPRD|DPRK|Komisi\s+[IVX\dA-E]+|Banmus|Pansus|Sekwan|Setwan|Dewan)\b")
_EXEC = re.compile(
    r"\b(?:Pemkab|Pemkot|Pemprov|Pemda|Pemerintah|Bupati|Wabup|Wali\s*kota|Walikota|Wawali|"
    r"Gubernur|Sekda|Setda|Dinas|Dispar\w*|Bappeda|OPD|SKPD|Asisten|Inspektorat|TKPK|"
    r"Diklatpim)\b",
    _I,
)

# --- kind
_KIND_TIRU = re.compile(r"\b(?:stud[iy]\s*tiru|kaji\s*tiru)\b", _I)
_KIND_BANDING = re.compile(
    r"\b(?:stud[iy]\s*banding|comparative\s+study|benchmarking|stud[iy]\s*(?:komparasi|komparatif|"
    r"perbandingan)|kaji\s*banding)\b",
    _I,
)
_KIND_KUNKER = re.compile(r"\b(?:kunjungan\s+kerja|kunker|kunja)\b", _I)

# --- dates
_MONTHS = (
    r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"november|nopember|desember|jan|feb|mar|apr|jun|jul|agu|agt|ags|sep|sept|okt|nov|des)\.?"
)
_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)"
_DASH = r"\s*(?:-|–|—|s\.?d\.?|s/d|sampai(?:\s+dengan)?|hingga|dan)\s*"
_DATE_RE = re.compile(
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|"
    r"(?:\b"
    + _WEEKDAY
    + r"\s*(?:-\s*"
    + _WEEKDAY
    + r"\s*)?,?\s*)?\(?\s*\d{1,2}(?:"
    + _DASH
    + r"\d{1,2})?\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\)?(?![\d/])|"
    r"(?:\b"
    + _WEEKDAY
    + r"\s*,?\s*)?\b\d{1,2}(?:\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?)?"
    + _DASH
    + r"\d{1,2}\s+"
    + _MONTHS
    + r"(?:\s+\d{4})?\b|"
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\b\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?\b|"
    r"(?:\b" + _WEEKDAY + r"\s*,?\s*)?\b\d{1,2}-\d{1,2}-\d{4}\b|"
    r"\b" + _WEEKDAY + r"\b(?:\s+(?:lalu|kemarin))?|\bkemarin\b",
    _I,
)
_END_RE = re.compile(
    r"\s*(?:\w+\s+){0,3}?(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s+(?:hari\s+)?"
    r"(?:" + _WEEKDAY + r"\s*,?\s*)?(\(?\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)?|"
    r"\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?)",
    _I,
)
_OTHER_EVENT = re.compile(
    r"\b(?:dilaunching|diluncurkan|diresmikan|launching|peluncuran|dicanangkan|dibentuk|"
    r"didirikan|diraih|meraih|penghargaan|sejak|"
    # an inspection is never the study visit (LABELING.md), whoever made it
    r"sidak|inspeksi\s+mendadak)\b[^.]*$",
    _I,
)
_END_ANY = re.compile(
    r"\b(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s+(?:hari\s+)?(?:" + _WEEKDAY + r"\s*,?\s*)?"
    r"(\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?)",
    _I,
)
_DATE_CUE = re.compile(
    r"\b(?:stud[iy]|kunjungan|kunker|kunja|berkunjung|mengunjungi|datang|tiba|diterima|"
    r"disambut|menerima|menyambut|sambut|rombongan|belajar|benchmarking|dipimpin|kaji|"
    r"penandatanganan|menandatangani|bertolak|berangkat|mempelajari|hadir|workshop|"
    r"pertemuan|audiensi|konsultasi|anjangsana|melaksanakan|melakukan|melihat|kegiatan|"
    r"acara|bertempat|dihelat|digelar|berlangsung|ruang|aula|pendopo)",
    _I,
)
_HEADER_LINE = re.compile(r"\b(?:WIB|WITA|WIT)\b|\d{1,2}[:.]\d{2}|^\W*" + _WEEKDAY + r"\b,", _I)

# --- topics
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
    "kunjungan", "kerja", "studi banding", "studi tiru", "kunjungan kerja", "silaturahmi",
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

# --- size
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


@dataclass
class _Role:
    region: Region
    host: float = 0.0
    visitor: float = 0.0
    count: int = 0
    mentions: list[Mention] = field(default_factory=list)
    listed: float = 0.0
    host_mention: Mention | None = None
    visitor_mention: Mention | None = None


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return max(0, pos - 200), pos + 200


_INSPECTION = re.compile(r"\b(?:sidak|inspeksi)\b", _I)


def _score_roles(
    text: str, mentions: list[Mention], sents: list[tuple[int, int]]
) -> dict[str, _Role]:
    roles: dict[str, _Role] = {}
    for m in mentions:
        role = roles.setdefault(m.region.code, _Role(m.region))
        role.count += 1
        role.mentions.append(m)
        sa, sb = _sentence_of(sents, m.start)
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
        inside = [m for m in mentions if sa <= m.start < sb]
        titled = [m for m in inside if _TITLED.search(text[max(sa, m.prefix_start - 30) : m.start])]
        if len({m.region.code for m in titled}) >= 2:
            bonus = 2.0 if _LIST_CUE.search(text[sa:sb]) else 0.8
            for m in titled:
                role = roles[m.region.code]
                role.listed = max(role.listed, bonus)
                if role.visitor_mention is None:
                    role.visitor_mention = m
    return roles


def _kind(text: str) -> tuple[str, re.Match[str] | None]:
    for kind, pattern in (
        ("studi_tiru", _KIND_TIRU),
        ("studi_banding", _KIND_BANDING),
        ("kunjungan_kerja", _KIND_KUNKER),
    ):
        m = pattern.search(text)
        if m:
            return kind, m
    return "other", None


def _dates(
    text: str, sents: list[tuple[int, int]], skip: list[tuple[int, int]], published: date | None
) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The visit's dates: the first date in a sentence about the visit."""
    found: list[tuple[int, int, str | None, str | None, bool]] = []
    for m in _DATE_RE.finditer(text):
        if in_spans(m.start(), skip):
            continue
        line_a = text.rfind("\n", 0, m.start()) + 1
        line_b = text.find("\n", m.end())
        line = text[line_a : line_b if line_b >= 0 else len(text)]
        # a header date ("Kamis, 3 Maret 2022, 09:15 WIB") is the publication's
        if len(line.strip()) < 70 and _HEADER_LINE.search(line) and not _DATE_CUE.search(line):
            continue
        # the date of another event: "program yang dilaunching menteri, Selasa (31/5)"
        if _OTHER_EVENT.search(text, max(0, m.start() - 80), m.start()):
            continue
        # "10-05-2017 <headline>": a publication stamp opening a line
        if m.start() == line_a and re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}", m.group()):
            continue
        sa, sb = _sentence_of(sents, m.start())
        cue = bool(_DATE_CUE.search(text, sa, sb))
        expr = m.group()
        end_m = _END_RE.match(text, m.end())
        if end_m:
            expr = expr + " hingga " + end_m.group(1)
        start, end = resolve_date(expr, published)
        if start is None and end is None:
            continue
        # a bare weekday counts only next to the visit's own words
        if not cue and not re.search(r"\d", expr):
            continue
        found.append((m.start(), end_m.end() if end_m else m.end(), start, end, cue))
    if not found:
        return None, None, None
    # the first date in a sentence about the visit, else the first full date
    first = next((f for f in found if f[4]), found[0])
    found = [f for f in found if f[0] >= first[0]]
    a, b, start, end, _ = first
    if start is None:
        return None, None, None
    # A later range that starts on the same day gives the last day ("Selasa (10/2/2026)
    # ... Selama dua hari, 10–11 Februari 2026").
    if end is None:
        for _, _, s2, e2, _ in found[1:]:
            if e2 and s2 and s2[-5:] == start[-5:]:
                end = e2
                break
    # "Mereka berada di Banyuwangi selama tiga hari hingga Rabu (27/2)" later on
    if end is None:
        for em in _END_ANY.finditer(text, b, b + 1500):
            if in_spans(em.start(), skip):
                continue
            _, e2 = resolve_date("hingga " + em.group(1), published)
            if e2 and len(e2) == len(start) and _days_after(start, e2):
                end = e2
                break
    # Without a publication date, a year written elsewhere for the same day completes
    # "--05-03" ("Rabu (3/5)" ... "Rabu (3/5/2017) malam").
    if start.startswith("--"):
        for _, _, s2, _, _ in found[1:]:
            if s2 and len(s2) == 10 and s2[4:] == start[1:]:
                year = s2[:4]
                start = year + start[1:]
                if end and end.startswith("--"):
                    end = year + end[1:]
                break
    return start, end, (a, b)


def _days_after(start: str, end: str) -> bool:
    """Whether ``end`` is 1 to 14 days after ``start`` (both YYYY-MM-DD or both --MM-DD)."""
    try:
        if start.startswith("--"):
            a, b = (
                date(2000, int(start[2:4]), int(start[5:7])),
                date(2000, int(end[2:4]), int(end[5:7])),
            )
        else:
            a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return False
    return 1 <= (b - a).days <= 14


_TOPIC_LEAD = re.compile(r"^.*?\b(?:terkait|tentang|mengenai|soal|seputar|perihal)\s+", _I)
_TOPIC_PLACE = re.compile(
    r"\b(?:Kabupaten|Kota|Provinsi|Pemkab|Pemkot|Pemprov|Indonesia)\b|"
    r"^[A-Z][a-z]+\s+(?:mengembangkan|menerapkan|mengelola|mempromosikan)\b"
)


def _topics(text: str, skip: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
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
            if low in _FILLER or len(phrase) < 3 or not re.search(r"[a-zA-Z]{3}", phrase):
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


def _domains(phrases: list[str]) -> list[str]:
    codes: list[str] = []
    for phrase in phrases:
        for code, pattern in _DOMAINS:
            if pattern.search(phrase) and code not in codes:
                codes.append(code)
    if phrases and not codes:
        codes.append("other")
    return codes


def _agreement(
    text: str, sents: list[tuple[int, int]], skip: list[tuple[int, int]]
) -> tuple[int, int] | None:
    for m in _AGREEMENT.finditer(text):
        if in_spans(m.start(), skip):
            continue
        sa, sb = _sentence_of(sents, m.start())
        sentence = text[sa:sb]
        if _SIGN.search(sentence) and not _NOT_YET.search(sentence):
            return sa, sb
    return None


def _ev(text: str, fieldname: str, a: int, b: int) -> Evidence:
    return Evidence(field=fieldname, quote=text[a:b], start=a, end=b)


@dataclass
class _PartyInfo:
    party: Party
    evidence: list[Evidence]


def _party_for(
    text: str,
    role: _Role,
    people: list[Person],
    mentions: list[Mention],
    as_visitor: bool,
    sents: list[tuple[int, int]],
    prefix: str,
) -> _PartyInfo:
    region = role.region
    ev: list[Evidence] = []
    cue = role.visitor_mention if as_visitor else role.host_mention
    cue = cue or role.mentions[0]
    ev.append(_ev(text, f"{prefix}.region", cue.prefix_start, cue.end))
    phrase = text[max(0, cue.prefix_start - 40) : cue.end]
    near = text[cue.prefix_start : cue.end]
    legislative = bool(_DPRD.search(near)) or bool(
        re.search(r"\b(?:DPRD|Komisi\s+[IVX\dA-E]+|Banmus)\s+(?:\w+\s+){0,2}$", phrase)
    )
    village = bool(_VILLAGE_BEFORE.search(text[max(0, cue.prefix_start - 45) : cue.prefix_start]))
    # the party's own people
    own = [p for p in people if p.region is not None and p.region.code == region.code]
    leader: Leader | None = None
    if as_visitor:
        led = _led_by(text, role, people, mentions)
        if led is not None:
            leader = Leader(name=led.name, title=led.title)
            ev.append(_ev(text, f"{prefix}.leader", led.start, led.end))
        elif own:
            # without "dipimpin", only a head of region, Sekda or DPRD leader stands for
            # the delegation; a spokesperson quoted in the story does not
            senior = [p for p in own if title_rank(p.title) >= 7]
            pool = [p for p in senior if ("DPRD" in (p.title or "")) == legislative] or senior
            if pool:
                best = max(pool, key=lambda p: (title_rank(p.title), -p.start))
                leader = Leader(name=best.name, title=best.title)
                ev.append(_ev(text, f"{prefix}.leader", best.start, best.end))
    else:
        rec = _received_by(text, role, people)
        if rec is not None:
            leader = Leader(name=rec.name, title=rec.title)
            ev.append(_ev(text, f"{prefix}.leader", rec.start, rec.end))
    if leader is not None and leader.title:
        if "DPRD" in leader.title or leader.title.startswith(("Ketua Komisi", "Sekretaris DPRD")):
            legislative = True
        elif title_rank(leader.title) >= 7:
            legislative = False
    if (
        leader is not None
        and legislative
        and leader.title
        and re.match(r"(?:Wakil\s+)?Ketua(?:\s+Komisi\s+\S+|\s+[IVX]+)?$", leader.title)
    ):
        leader = Leader(name=leader.name, title=leader.title + " DPRD")
    level = "village" if village else region.level
    if legislative:
        institution = f"DPRD {region.name}"
    elif village:
        vm = re.search(r"\b(?:Desa|Kelurahan|Kampung)\s+[A-Z][\w]*(?:\s+[A-Z][\w]*){0,3}", phrase)
        institution = vm.group() if vm else f"Desa di {region.name}"
    else:
        institution = f"Pemerintah {region.name}"
    party = Party(
        region=region.name,
        level=level,
        branch="legislative" if legislative else "executive",
        institution=institution,
        leader=leader,
    )
    return _PartyInfo(party, ev)


def _led_by(text: str, role: _Role, people: list[Person], mentions: list[Mention]) -> Person | None:
    """The delegation head: "dipimpin (langsung) [oleh] <title> <name> [selaku <title>]".

    With several delegations, a "dipimpin" belongs to the region named last before it.
    """
    for m in re.finditer(
        r"\b(?:dipimpin|dikomandoi|diketuai)\s+(?:langsung\s+)?(?:oleh\s+)?", text, _I
    ):
        before = [x for x in mentions if x.end <= m.start() and m.start() - x.end < 250]
        if before and not any(x.region.code == role.region.code for x in before[-2:]):
            continue
        for p in people:
            if m.end() <= p.start <= m.end() + 2 and (
                p.region is None or p.region.code == role.region.code
            ):
                return p
        got = read_name(text, m.end())
        if got:
            name, a, b = got
            title = None
            sel = re.compile(r"\s*,?\s*(?:selaku|sebagai)\s+(" + TITLE + ")", _I).match(text, b)
            if sel:
                title = normalize_title(sel.group(1))
                b = sel.end()
            return Person(name, title, None, a, b, a)
    for m in re.finditer(
        r"\b(?:selaku|sebagai)\s+(?:pimpinan|ketua|pemimpin)\s+rombongan", text, _I
    ):
        cands = [p for p in people if p.end <= m.start() and m.start() - p.end < 40]
        if cands:
            return cands[-1]
    ours = [p for p in people if p.region is None or p.region.code == role.region.code]
    # "Wali Kota Palopo yang diwakili Inspektur Kota Palopo <name>": the stand-in leads
    for m in _REPRESENTED.finditer(text):
        for p in ours:
            if m.end() <= p.start <= m.end() + 2:
                return p
    # "<title> <name> yang datang bersama beberapa kepala dinas", "<name> beserta rombongan"
    for p in ours:
        if _WITH_GROUP.match(text, p.end):
            return p
    return None


_REPRESENTED = re.compile(r"\b(?:yang\s+)?di\s?wakili\s+(?:oleh\s+)?", _I)
_WITH_GROUP = re.compile(
    r"[\s,]*(?:yang\s+)?(?:(?:datang|hadir|tiba|berkunjung)\s+)?(?:bersama|beserta)\s+"
    r"(?:rombongan|jajaran|sejumlah|beberapa|para|\d+|puluhan|belasan)",
    _I,
)


def _received_by(text: str, role: _Role, people: list[Person]) -> Person | None:
    """The host's most senior receiver: "diterima [langsung] [oleh] <title> <name>"."""
    best: Person | None = None
    for m in re.finditer(
        r"\b(?:diterima|disambut|menerima|menyambut|sambut)\s+(?:hangat\s+|baik\s+)?"
        r"(?:langsung\s+)?(?:oleh\s+)?",
        text,
        _I,
    ):
        for p in people:
            if m.end() <= p.start <= m.end() + 3 and (
                p.region is None or p.region.code == role.region.code
            ):
                if best is None or title_rank(p.title) > title_rank(best.title):
                    best = p
                break
    if best is not None:
        return best
    # "<title> <host> <name> menerima/menyambut ..."
    for p in people:
        if p.region is not None and p.region.code == role.region.code:
            tail = text[p.end : p.end + 60]
            if re.match(
                r"^[\s,]*(?:\w+\s+){0,3}?(?:menerima|menyambut|sambut|didampingi)\b", tail, _I
            ):
                return p
    return None


def _size(
    text: str,
    visitor_mentions: dict[str, list[Mention]],
    skip: list[tuple[int, int]],
    sents: list[tuple[int, int]],
    leader_names: dict[str, list[str]],
) -> dict[str, tuple[int, int, int]]:
    """Delegation sizes by visitor region code: (size, start, end).

    A number belongs to the delegation whose leader or region is named in its sentence
    ("Agus datang bersama 60 orang rombongannya"), else to the one named last before it.
    """
    out: dict[str, tuple[int, int, int, int]] = {}
    for m in _SIZE.finditer(text):
        if in_spans(m.start(), skip):
            continue
        raw = m.group(2).lower()
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
        if not n or n < 2:
            continue
        prio = 2 if m.group(1) else 1
        sa, sb = _sentence_of(sents, m.start())
        sentence = text[sa : m.start()]
        owner = None
        for code, toks in leader_names.items():
            if any(re.search(r"\b" + re.escape(t) + r"\b", sentence) for t in toks):
                owner = code
                break
        if owner is None:
            inside = [
                (vm.start, code)
                for code, ms in visitor_mentions.items()
                for vm in ms
                if sa <= vm.start < sb
            ]
            if inside:
                owner = min(inside, key=lambda x: abs(x[0] - m.start()))[1]
        if owner is None:
            best_pos = -1
            for code, ms in visitor_mentions.items():
                for vm in ms:
                    if best_pos < vm.start < m.start() and m.start() - vm.start < 600:
                        best_pos, owner = vm.start, code
        if owner is None and len(visitor_mentions) == 1:
            owner = next(iter(visitor_mentions))
        if owner is None:
            continue
        prev = out.get(owner)
        if prev is None or prio > prev[3]:
            out[owner] = (n, m.start(), m.end(), prio)
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def extract_visits(text: str, published: date | None) -> list[Visit]:
    """Every visit the article reports, as far as the rules can tell.

    Args:
        text: the original article text.
        published: publication date, for dates without a year and bare weekdays.

    Returns:
        One :class:`Visit` per visiting delegation and host; empty when no visiting
        region or host can be found.
    """
    skip = ignored_spans(text)
    all_mentions = find_regions(text)
    mentions = [m for m in all_mentions if not m.qualifier and not in_spans(m.start, skip)]
    sents = sentences(text)
    roles = _score_roles(text, mentions, sents)
    people = find_people(text, all_mentions)

    # --- host
    host_party: Party | None = None
    host_ev: list[Evidence] = []
    host_role: _Role | None = None
    fm = _FOREIGN_HOST.search(text) or _FOREIGN_HOST2.search(text)
    nm = _NATIONAL_HOST.search(text)
    ranked_hosts = sorted(roles.values(), key=lambda r: (r.host, r.count), reverse=True)
    if ranked_hosts and ranked_hosts[0].region.level == "province":
        # "studi banding ke Bali" after "pergi ke Denpasar": the city inside is the host
        inside = [
            r
            for r in ranked_hosts[1:]
            if r.host >= max(2.0, ranked_hosts[0].host / 2)
            and r.region.province == ranked_hosts[0].region.name
        ]
        if inside:
            ranked_hosts = [inside[0], *[r for r in ranked_hosts if r is not inside[0]]]
    if ranked_hosts and ranked_hosts[0].host >= 2.0:
        host_role = ranked_hosts[0]
    elif fm:
        word = fm.group(1)
        country = normalize_country(word) or _FOREIGN_CITIES.get(" ".join(word.lower().split()))
        if country:
            host_party = Party(
                region=country, level="foreign", branch="executive",
                institution=f"Pemerintah {word}",
            )  # fmt: skip
            host_ev.append(_ev(text, "host.region", fm.start(1), fm.end(1)))
    elif nm:
        host_party = Party(
            region=None, level="national", branch="executive", institution=nm.group(1)
        )
        host_ev.append(_ev(text, "host.region", nm.start(1), nm.end(1)))
    elif ranked_hosts and ranked_hosts[0].host > 0:
        host_role = ranked_hosts[0]
    # --- visitors
    # Heads of region listed together count as visitors only when no delegation stands
    # out on its own ("Mereka adalah Bupati A, Bupati B ..."), not when the list only
    # names who else attended ("Delegasi lainnya terdiri dari Wali Kota A, ...").
    lead = max((r.visitor for r in roles.values() if r is not host_role), default=0.0)
    for r in roles.values():
        if r.listed and lead < 3.0:
            r.visitor += r.listed
    candidates = [
        r for r in roles.values() if r is not host_role and r.visitor > 0 and r.visitor >= r.host
    ]
    candidates.sort(key=lambda r: (r.visitor, r.count), reverse=True)
    if host_role is None and host_party is None and len(candidates) >= 1:
        # no host cue at all: the most named region that is not the visitor
        others = [r for r in roles.values() if r is not candidates[0]]
        others.sort(key=lambda r: (r.count, r.host), reverse=True)
        if others and others[0].count >= 2:
            host_role = others[0]
            candidates = [r for r in candidates if r is not host_role]
    if host_role is not None and host_role.region.level == "province":
        # a province named as host while the visitor's regency lies inside it is the
        # visitor's own province ("Bupati Lahat, Sumsel"), not a host
        pass
    # A province is only a party when no regency or city inside it is named as one:
    # "Kota Denpasar, Bali" or "Kabupaten Joneponto Propinsi Sulawesi Selatan".
    named = [r for r in roles.values() if r.region.level != "province" and (r.visitor or r.host)]
    candidates = [
        r
        for r in candidates
        if r.region.level != "province"
        or not any(o.region.province == r.region.name for o in named)
    ]
    visitors: list[_Role] = []
    if candidates:
        visitors.append(candidates[0])
        for r in candidates[1:]:
            if r.visitor >= 2.0 and not _same_area(r.region, visitors[0].region):
                visitors.append(r)
    if not visitors and host_role is not None:
        others = [r for r in roles.values() if r is not host_role]
        others.sort(key=lambda r: (r.count, r.visitor), reverse=True)
        if others and others[0].count >= 2:
            visitors.append(others[0])
    if host_role is None and host_party is None:
        return []
    if host_role is not None:
        info = _party_for(text, host_role, people, mentions, False, sents, "host")
        host_party, host_ev = info.party, info.evidence
    assert host_party is not None
    if not visitors:
        return []

    kind, kind_m = _kind(_mask(text, skip))
    start, end, date_span = _dates(text, sents, skip, published)
    topic_spans = _topics(text, skip)
    topics = [t for t, _, _ in topic_spans]
    domains = _domains(topics)
    agreement_span = _agreement(text, sents, skip)
    infos = {
        r.region.code: _party_for(text, r, people, mentions, True, sents, "visitor")
        for r in visitors
    }
    names = {
        code: [t for t in info.party.leader.name.split() if len(t) >= 3]
        for code, info in infos.items()
        if info.party.leader is not None
    }
    sizes = _size(text, {r.region.code: r.mentions for r in visitors}, skip, sents, names)

    # A DPRD delegation visiting a region whose DPRD the article names is the guest of
    # that DPRD ("kunjungan kerja Komisi D DPRD DKI ke Bali ... anggota DPRD Bali").
    if (
        host_role is not None
        and host_party.branch == "executive"
        and host_party.leader is None
        and any(i.party.branch == "legislative" for i in infos.values())
    ):
        dprd = sum(1 for m in host_role.mentions if "DPRD" in text[m.prefix_start : m.start])
        exe = sum(1 for m in host_role.mentions if _EXEC.search(text[m.prefix_start : m.start]))
        if dprd > exe:
            host_party = host_party.model_copy(
                update={"branch": "legislative", "institution": f"DPRD {host_role.region.name}"}
            )
    visits: list[Visit] = []
    for r in visitors:
        info = infos[r.region.code]
        party = info.party
        ev = list(info.evidence) + [
            Evidence(field=e.field, quote=e.quote, start=e.start, end=e.end) for e in host_ev
        ]
        size = sizes.get(r.region.code)
        if size is not None:
            party = party.model_copy(update={"size": size[0]})
            ev.append(_ev(text, "visitor.size", size[1], size[2]))
        if kind_m is not None:
            ev.append(_ev(text, "kind", kind_m.start(), kind_m.end()))
        if date_span is not None and start is not None:
            ev.append(_ev(text, "start_date", date_span[0], date_span[1]))
        for i, (_, a, b) in enumerate(topic_spans):
            ev.append(_ev(text, f"topics[{i}]", a, b))
        if agreement_span is not None:
            ev.append(_ev(text, "agreement", agreement_span[0], agreement_span[1]))
        visits.append(
            Visit(
                visitor=party,
                host=host_party,
                kind=kind,  # type: ignore[arg-type]
                start_date=start,
                end_date=end,
                topics=topics,
                domains=domains,  # type: ignore[arg-type]
                agreement=agreement_span is not None,
                evidence=ev,
            )
        )
    return visits


def _same_area(a: Region, b: Region) -> bool:
    """A province and a regency inside it are one party's names, not two delegations."""
    return (a.level == "province" and b.province == a.name) or (
        b.level == "province" and a.province == b.name
    )


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            chars[i] = " "
    return "".join(chars)
