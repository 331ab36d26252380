"""The patterns of the relevance score that speak for the report of a study visit,
compiled once (those against it: :mod:`visit_extract.backends.rules.relevance_against`).

Kept apart from :mod:`visit_extract.backends.rules.relevance` so that the score reads as
a list of features and weights. Repetitions are bounded ("up to four words") and the
``*_BEFORE`` patterns are searched only in the few dozen characters before a visit
statement, so every search stays linear in the article.
"""

from __future__ import annotations

import re

from visit_extract.normalize.lexicon import (
    HEAD_TITLES,
    LEARNING_TERMS,
    LEARNING_TRIP_TERMS,
    MONTH_PATTERN,
    PLAIN_WEEKDAY_PATTERN,
    REGION_OFFICIAL_ABBREVIATIONS,
    STUDY_TERMS,
    WORK_VISIT_TERMS,
    alternation,
)

_I = re.IGNORECASE

#: Countries and the foreign cities news names as a destination.
FOREIGN_PLACES = (
    r"(?:luar\s+negeri|mancanegara|eropa|jepang|korea(?:\s+selatan)?|korsel|tiongkok|china|"
    r"cina|malaysia|singapura|thailand|belanda|jerman|australia|amerika(?:\s+serikat)?|"
    r"inggris|perancis|prancis|swiss|selandia\s+baru|india|vietnam|filipina|taiwan|turki|"
    r"arab\s+saudi|austria|belgia|denmark|swedia|norwegia|finlandia|italia|spanyol|kanada|"
    r"rusia|uni\s+emirat\s+arab|qatar|mesir|brunei|tokyo|osaka|kyoto|yokohama|kitakyushu|"
    r"seoul|busan|daejeon|beijing|shanghai|guangzhou|hangzhou|kuala\s+lumpur|penang|bangkok|"
    r"amsterdam|den\s+haag|rotterdam|berlin|munich|muenchen|frankfurt|brussel|paris|london|"
    r"wina|roma|kopenhagen|stockholm|oslo|helsinki|jenewa|zurich|sydney|melbourne|perth|"
    r"canberra|washington|new\s+york|taipei|hanoi|manila|istanbul|ankara|dubai|abu\s+dhabi|"
    r"pakistan|bangladesh|sri\s+lanka|nepal|myanmar|laos|kamboja|timor\s+leste|papua\s+nugini|"
    r"mongolia|iran|uzbekistan|kazakhstan|nigeria|kenya|rwanda|ethiopia|maroko|tunisia|fiji)"
)

#: A destination abroad: "ke Jepang", "di negeri Belanda", and a city or region named with
#: its country ("ke Gwangju, Korea Selatan", "di Den Haag, Belanda"), which news writes
#: for any foreign place that needs introducing.
_ABROAD = (
    r"\b(?:ke|di)\s+(?:(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){0,2},\s+)?"
    r"(?:negara\s+|negeri\s+)?" + FOREIGN_PLACES + r"\b"
)

# --- the gate and the names of a visit -------------------------------------------------

#: One search decides whether an article deserves a closer look.
GATE = re.compile(
    STUDY_TERMS + "|" + WORK_VISIT_TERMS + "|" + LEARNING_TERMS + "|" + LEARNING_TRIP_TERMS + "|"
    r"belajar|konsultasi|pelajari|kunjungan|berkunjung|mengunjungi|lawatan|melawat|kedatangan|"
    r"bertandang|sambangi|menyambangi|mendatangi|rombongan|delegasi|menerima\s+tamu|replikasi|adopsi|meniru|mencontoh|"
    r"menggali",
    _I,
)
#: Substrings one of which every gated article contains (checked before ``GATE``).
GATE_WORDS = (
    "stud", "kaji", "compar", "benchmark", "unjung", "kunker", "kunja", "belajar", "pelajari",
    "ilmu", "berguru", "ngangsu", "sharing", "anjangsana", "konsultasi", "lawat", "kedatangan",
    "tandang", "sambang", "nyambang", "mendatangi", "rombongan", "delegasi", "tamu",
    "replikasi", "adopsi", "meniru", "mencontoh", "menggali",
)  # fmt: skip
STRONG = re.compile(STUDY_TERMS + "|" + LEARNING_TERMS + "|" + LEARNING_TRIP_TERMS, _I)
KUNKER = re.compile(r"\b" + WORK_VISIT_TERMS + r"\b", _I)
VISIT = re.compile(
    r"\b(?:rombongan|berkunjung|mengunjungi|dikunjungi|kunjungan|kedatangan|didatangi|"
    r"menyambangi|mendatangi|"
    r"diterima|disambut|menerima\s+kunjungan|menyambut|tiba\s+di|datang\s+ke|bertandang|"
    r"bertolak\s+ke|bertemu|audiensi|melawat)\b",
    _I,
)
RECEIVED = re.compile(
    r"\b(?:diterima|disambut|menerima\s+(?:\w+\s+){0,2}?kunjungan|menyambut|kedatangan|"
    r"tiba\s+di|dipimpin|berkunjung\s+ke|mengunjungi|melakukan\s+(?:\w+\s+){0,2}?(?:studi|"
    r"study|kunjungan|benchmarking|kaji)|menggelar\s+studi)\b",
    _I,
)

# --- purposes --------------------------------------------------------------------------

#: Any stated purpose of learning, the vague ones included ("mengetahui", "masukan").
LEARN = re.compile(
    r"\bbelajar\s+(?:ke|dari|di|tentang|mengenai|soal|banyak|langsung|bagaimana|pengelolaan|"
    r"pelayanan|inovasi|penerapan)\b|\bmempelajari\b|\bmenggali\s+informasi\b|"
    r"\b(?:ber)?konsultasi\b|\bsh[ae]ring\b|berbagi\s+(?:pengalaman|ilmu|informasi)|\b(?:me)?replikasi\b|"
    r"\bmengadopsi\b|\bmeniru\b|\brujukan\b|\bpercontohan\b|\b(?:ter)?inspirasi\b|"
    r"\b(?:guna|untuk)\s+melihat\b|\bmemahami\b|\bmenggali\b|\bingin\s+tahu\b|"
    r"\bmelihat\s+(?:langsung|dari\s+dekat)\b|\bmencari\s+(?:tahu|referensi|masukan|contoh|"
    r"inspirasi)\b|\bmasukan\b|\bbelajar\b|\bmengetahui\b|\b(?:men|di)jajaki\b|"
    r"\bpenjajakan\b|\b(?:studi|kajian)\s+kelayakan\b|\bfeasibility\s+study\b|"
    r"\bbertukar\s+(?:pengalaman|informasi|pikiran)\b|\b(?:menandatangani|meneken|teken|"
    r"penandatangan(?:an)?)\s+(?:[\w-]+\s+){0,2}?(?:mou|nota\s+kesepahaman|perjanjian\s+kerja\s*sama|"
    r"kesepakatan\s+bersama)\b",
    _I,
)
#: The purposes that make a trip a study visit: to learn, study, copy, consult, share
#: experience, see how another body does something, or set up cooperation.
LEARN_STRONG = re.compile(
    r"\bbelajar\b|\bmempelajari\b|\bstudi\b|\bsh[ae]ring\b|berbagi\s+(?:pengalaman|ilmu)|"
    r"\breplikasi\b|\bmereplikasi\b|\bmengadopsi\b|\bmeniru\b|\bmencontoh\b|"
    r"\b(?:ter|meng)?inspirasi\b|\bmemahami\b|\bmendalami\b|\bpraktik\s+(?:baik|terbaik)\b|"
    r"\bbest\s+practices?\b|\b(?:ber)?konsultasi\b|\bbertukar\s+(?:pikiran|pengalaman|informasi)\b|"
    r"\bmenimba\b|\bberguru\b|"
    r"\b(?:menggali|gali|menyerap|serap)\s+(?:informasi|ilmu|pengalaman|praktik|praktek|"
    r"pengetahuan|inovasi)\b|"
    # to see how another body does it, not how a project stands
    r"\b(?:melihat|mengetahui|mengenal|menyaksikan)\s+(?:langsung\s+|dari\s+dekat\s+|"
    r"lebih\s+(?:dekat|jauh|dalam)\s+(?:tentang\s+|soal\s+|mengenai\s+)?)?(?:inovasi|penerapan|"
    r"keberhasilan|kesuksesan|rahasia|cara|bagaimana|sistem|strategi|kiat|resep)\b|"
    r"\b(?:menjalin|merintis|memperkuat)\s+kerja\s*sama\b|\b(?:men|di)jajaki\b|\bpenjajakan\b|"
    # a trip to judge whether a programme or a purchase would work at home
    r"\b(?:studi|kajian)\s+kelayakan\b|\bfeasibility\s+study\b|"
    r"\b(?:menandatangani|meneken|teken|penandatangan(?:an)?)\s+(?:[\w-]+\s+){0,2}?(?:mou|"
    r"nota\s+kesepahaman|perjanjian\s+kerja\s*sama|kesepakatan\s+bersama)\b",
    _I,
)

# --- actors ----------------------------------------------------------------------------

#: Regional governments, their heads, agencies and DPRD; villages and the PKK.
GOV = re.compile(
    r"\b(?:pemkab|pemkot|pemprov|pemda|pemdes|dprd|"
    + alternation(HEAD_TITLES)
    + "|"
    + alternation(REGION_OFFICIAL_ABBREVIATIONS)
    + r"|kepala\s+desa|perbekel|camat|opd|"
    r"skpd|kepala\s+dinas|bappeda|setda|setkab|pemerintah\s+(?:kabupaten|kota|provinsi|"
    r"daerah|desa)|sekretariat\s+(?:daerah|dprd|dewan)|asisten\s+(?:[ivx\d]+|pemerintahan|"
    r"ekonomi|administrasi)|dinas\s+\w+|tkpk|diklatpim|forkopimda|pkk|lurah|pansus|"
    # regional agencies by their abbreviations
    r"disdukcapil|dukcapil|diskominfo\w*|dispar\w*|disbudpar|disperindag|disnaker\w*|dishub|"
    r"dispora|disdik\w*|dinkes|dinsos|dpmptsp|dpmd|disperm\w*des|bapenda|bpkad|bkpsdm|bpbd|"
    r"inspektorat|satpol\s*pp|kesbangpol|setwan|sekwan|rsud|bumdes)\b",
    _I,
)
#: National bodies, visitors like any other when they come to learn (LABELING.md).
NATIONAL_BODY = re.compile(
    r"\bDPR(?:\s*-?\s*RI)?\b(?!D)|\bDPD\s*-?\s*RI\b|\b(?:Kementerian|Kemen\w+|Badan\s+[A-Z]\w+|"
    r"Sekretariat\s+Jenderal|Setjen|Lembaga\s+Administrasi\s+Negara|Kejaksaan|Mahkamah)\b"
)

# --- trips -----------------------------------------------------------------------------

#: Plain visit words, which count only with a learning purpose nearby.
FRAME_VISIT = re.compile(
    r"kunjungan|\bkunker\b|\bkunja\b|berkunjung|mengunjungi|rombongan|bertolak\s+ke|"
    r"menyambangi|bertandang|\bdatang\s+(?:ke|untuk)\b|menyerbu|\bkedatangan(?:nya)?\s+ke\b|"
    r"\bkedatangan\s+(?:rombongan|delegasi|tamu)\b|\bdelegasi\b|\btamu\s+dari\b|"
    r"\bmenerima\s+tamu\b|\btiba\s+di\b",
    _I,
)
#: Trips whose wording says more than a plain visit word: a learning trip
#: ("lawatan", "belajar pengelolaan pasar ke Kabupaten X", "belajar ke empat negara"),
#: a trip abroad ("mengikuti workshop di Tokyo"), or a consultation at a named place
#: ("berkonsultasi ke Kementerian Dalam Negeri", LABELING.md: "consult").
TRIP_FRAME = re.compile(
    r"\blawatan\b|\bmelawat\b|\b(?:ber)?konsultasi\s+(?:[\w-]+\s+){0,3}?(?:ke|di)\s+(?-i:[A-Z])|"
    r"\bbelajar\s+(?:[\w-]+\s+){0,4}?ke\s+(?:(?-i:[A-Z])|(?:\w+\s+)?negara\b)|"
    r"\b(?:menggali|mengadopsi|meniru|mencontoh|mereplikasi)\s+(?:[\w-]+\s+){0,4}?(?:ke|di|dari)\s+"
    r"(?:Kabupaten|Kota|Provinsi|Pemkab|Pemkot|Pemprov|Pemerintah)\b|" + _ABROAD,
    _I,
)
#: The events a guest attends that are no programme to learn from: anniversaries,
#: swearing-ins, openings, fairs, receptions (LABELING.md: ceremonies).
CEREMONY_NOUNS = (
    r"(?:upacara|peringatan|hari\s+jadi|HUT|ulang\s+tahun|pelantikan|peresmian|pembukaan|"
    r"resepsi|festival|pameran|expo|karnaval|pawai|perayaan|halal\s*bihalal|puncak\s+acara|"
    r"acara\s+puncak|jamuan|gala\s+dinner|pernikahan|wisuda)"
)
#: A trip abroad to a programme of the host ("mengikuti workshop ... di Tokyo",
#: "memenuhi undangan ... ke Korea Selatan"), not to a ceremony ("menghadiri upacara
#: pembukaan pameran di Tokyo").
ABROAD_PROGRAM = re.compile(
    r"\b(?:mengikuti|menghadiri|memenuhi\s+undangan|diundang)\b"
    r"(?!\s+(?:[\w-]+\s+){0,3}?" + CEREMONY_NOUNS + r"\b)[^.\n]{0,120}?" + _ABROAD,
    _I,
)
_INST = (
    r"(?:DPRD|Pemkab|Pemkot|Pemprov|Pemda|Pemerintah\s+(?:Kabupaten|Kota|Provinsi|Daerah)|"
    r"Setda|Sekretariat|Command\s+Center|Pusat\s+Pemerintahan|Balai\s*kota|Dinas|Bupati|"
    r"Wali\s*kota|Gubernur|rombongan)"
)
#: A visit from one institution to another: "kunjungan kerja ke DPRD Kukar", "mengunjungi
#: Kantor DPRD Jatim", "menerima kunjungan kerja dari DPRD Kabupaten Bondowoso".
INST_VISIT = re.compile(
    r"(?:kunjungan(?:\s+kerja)?|kunker|berkunjung|mengunjungi)\s+(?:\([^)]*\)\s+)?"
    r"(?:[\w.,-]+\s+){0,6}?(?:ke|di)\s+(?:kantor\s+|gedung\s+)?" + _INST + r"|"
    r"(?:mengunjungi|menyambangi|mendatangi)\s+(?:kantor\s+|gedung\s+)?" + _INST + r"|"
    r"menerima\s+(?:[\w-]+\s+){0,3}?(?:kunjungan|tamu)\s+(?:kerja\s+)?(?:\([^)]*\)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:dari\s+)?(?:[\w-]+\s+){0,3}?" + _INST,
    _I,
)

# --- visit statements and what stands before them --------------------------------------

#: A visit term; what stands before it says whether it happened.
VISIT_STATEMENT = re.compile(
    STUDY_TERMS + "|" + LEARNING_TRIP_TERMS + r"|\b" + WORK_VISIT_TERMS + r"\b|"
    r"berkunjung|mengunjungi|belajar\s+ke|bertolak\s+ke|berangkat\s+ke",
    _I,
)
#: A visit told as something a delegation did or is doing.
REALISED = re.compile(
    r"\b(?:melakukan|melaksanakan|menggelar|mengadakan|menjalani|mengikuti)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:" + STUDY_TERMS + "|" + LEARNING_TRIP_TERMS + "|" + WORK_VISIT_TERMS + r"|kunjungan|"
    r"lawatan|konsultasi|benchmark\w*)|"
    r"\b(?:" + STUDY_TERMS + "|" + WORK_VISIT_TERMS + "|" + LEARNING_TERMS + r"|kunjungan|"
    r"belajar|berkunjung|mengunjungi|bertandang|menyambangi|bertolak|tiba|datang|melawat|"
    r"(?:ber)?konsultasi)(?:\s+[\w-]+){0,6}?\s+(?:ke|di)\s+(?-i:[A-Z])|"
    # a place visited as the verb's object ("menyambangi Kabupaten Banyuwangi")
    r"\b(?:mengunjungi|menyambangi|mendatangi)\s+(?:Kabupaten|Kota|Provinsi|Desa|Kantor|"
    r"Pemkab|Pemkot|Pemprov|Pemerintah|DPRD|Balai\s*kota|Dinas)\b|"
    # a delegation sent or led somewhere ("memimpin delegasi Pemkot X ke Brisbane")
    r"\b(?:delegasi|rombongan)(?:\s+[\w-]+){0,5}?\s+ke\s+(?-i:[A-Z])|"
    # a host receiving someone, not a host ready "untuk menerima tamu."
    r"\b(?:menerima|menyambut|sambut)\s+(?:hangat\s+|baik\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:kunjungan|kedatangan|rombongan|delegasi|tamu)\b(?!\s*[.,;:\n])|"
    r"\bkedatangan\s+(?:rombongan|tamu|delegasi)|"
    r"\b(?:diterima|disambut)\b|\b(?:kembali|pulang)\s+dari\s+(?-i:[A-Z])|"
    + ABROAD_PROGRAM.pattern,
    _I,
)
_PLAN = (
    r"\b(?:akan|berencana|rencana(?:nya)?|dijadwalkan|direncanakan|bakal|hendak|ingin|"
    r"mengusulkan|diusulkan|dianggarkan|menganggarkan|mengagendakan|menjadwalkan|"
    r"merencanakan|berniat|batal|membatalkan|program)\s+"
)
#: Before a visit statement, a plan that governs it: "akan studi banding", "dijadwalkan
#: melakukan kunjungan kerja", "berencana mengirim 20 pejabat untuk studi banding";
#: not "akan menerapkan hasil studi banding" (the visit is done, its lessons are planned).
FUTURE_BEFORE = re.compile(
    _PLAN + r"(?:[\w-]+\s+){0,4}?(?:melakukan|melaksanakan|menggelar|mengadakan|mengikuti|"
    r"menjalani|untuk|kembali|segera|berangkat|bertolak|pergi|terbang)\s+$|"
    + _PLAN
    + r"$|"
    # people to be sent: "berencana mengirim 30 kepala desa belajar ke"
    + _PLAN
    + r"(?:[\w-]+\s+){0,2}?(?:mengirim|mengutus|memberangkatkan|mengajak|membawa)\s+"
    r"(?:[\w-]+\s+){0,5}?$",
    _I,
)
#: After a visit statement, in its own clause, the time to come that dates it: "studi
#: banding ke Kota X pekan depan", "kunjungan kerja ke Y pada bulan mendatang".
FUTURE_AFTER = re.compile(
    # not the lessons' time ("studi banding ke X akan diterapkan tahun depan") nor the
    # purpose's ("studi banding ke X untuk menyiapkan program tahun depan")
    r"(?:(?!diterapkan|menerapkan|ditindaklanjuti|dibahas|dilaporkan|dievaluasi|untuk|guna|"
    r"agar|supaya|demi|terkait)"
    r"[^.,;:\n]){0,70}?\b(?:(?:pekan|minggu|bulan|tahun)\s+(?:depan|mendatang)|"
    r"(?:dalam\s+)?waktu\s+dekat)\b",
    _I,
)
#: Before a visit statement, the words of its outcome ("hasil studi banding",
#: "sepulang studi banding"): the trip is done whatever is planned after it.
LESSONS_BEFORE = re.compile(
    r"\b(?:hasil|oleh-oleh|laporan|sepulang\w*|sekembali\w*|usai|setelah|pasca)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    _I,
)
#: Before a visit statement, words that make it no report of a trip: negation, habit,
#: condition, obligation, a wish ("tidak bisa lagi studi banding", "sering kunker",
#: "kalaupun harus ke", "berharap daerah lain bisa studi banding"), a budget or a term.
GENERIC_BEFORE = re.compile(
    r"\b(?:tidak|tak|belum|tanpa|bukan)\b(?!\s+(?:hanya|sekadar|sekedar|cuma|saja|lama))"
    r"[^.]{0,30}$|"
    r"\b(?:jika|kalau|bila|apabila|kalaupun|seandainya|sering|kerap|biasanya|selalu|doyan|"
    r"rajin\w*|hobi|gemar|tabiat|semacam)\b[^.]{0,30}$|"
    r"\b(?:perlu|harus|wajib|sebaiknya|seharusnya)\b[^.]{0,15}$|\b(?:bisa|dapat)\s+$|"
    r"\b(?:berharap|diharapkan|semoga|mengajak|mempersilakan|silakan|mengundang)\b[^.]{0,30}$|"
    # a policy on visits in general: "meminta bupati mengurangi studi banding"
    r"\b(?:mengurangi|membatasi|melarang|larangan|menghentikan|menyetop|moratorium|memangkas|"
    r"pembatasan|pengurangan)\b[^.]{0,30}$|"
    r"\b(?:anggaran|biaya|dana|istilah|konsep|definisi)\s+(?:untuk\s+)?$",
    _I,
)
#: Before a visit statement, a crowd for its subject ("38 instansi yang studi banding ke").
CROWD_BEFORE = re.compile(
    r"(?:\b(?:\d+|puluhan|ratusan|belasan|semua|seluruh|banyak|berbagai)\s+(?:instansi|daerah|"
    r"pemda|pemerintah\s+daerah|kabupaten/kota|kabupaten\s+dan\s+kota|kementerian|lembaga)|"
    # dozens of delegations ("menerima 180 rombongan"); two may be two visits
    r"\b(?:\d{2,}|puluhan|ratusan|belasan)\s+(?:rombongan|delegasi)|"
    r"\bsebagian\s+besar|\bkebanyakan)\b[^.]{0,50}$",
    _I,
)
#: Inside a host's statement, a crowd for its object ("menerima lebih dari 180
#: rombongan", "menyambut puluhan delegasi"): a tally of guests, not one delegation.
CROWD_OBJECT = re.compile(
    r"\b(?:\d{2,}|puluhan|ratusan|belasan|banyak|berbagai)\s+(?:rombongan|delegasi|tamu|"
    r"kunjungan|instansi|daerah)\b",
    _I,
)
#: Before a visit term, the noun of a host's fame, not of a trip ("menjadi destinasi
#: utama studi banding", "jadi kiblat studi tiru").
FAME_BEFORE = re.compile(
    r"\b(?:menjadi|jadi|sebagai)\s+(?:[\w-]+\s+)?(?:destinasi|tujuan|jujugan|rujukan|kiblat|"
    r"lokasi|objek|obyek)\s+(?:utama\s+|favorit\s+)?$",
    _I,
)
#: Before a visit statement, words that make it the background of another story: the
#: past ("Wali Kota saat itu", "pernah"), a return ("sepulang dari kunjungan kerja").
PAST_BEFORE = re.compile(
    r"\b(?:saat\s+itu|waktu\s+itu|kala\s+itu|dahulu|dulu|semasa|silam|pernah|sepulang\w*|"
    r"sekembali\w*|ketika\s+(?:masih\s+)?menjabat)\b[^.]{0,60}$",
    _I,
)
#: The year of a date ("(3/5/2015)", "Juni 2015", "pada 2015"), not of a regulation
#: ("Nomor 5 Tahun 2016"): group 1 is a two-digit year, group 2 a four-digit one.
YEAR = re.compile(
    r"\(\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{2})\s*\)|"
    r"(?:\(\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*|\b" + MONTH_PATTERN + r"\.?\s+|"
    r"(?<!\d\s)\b(?:tahun|pada|sejak)\s+)((?:19|20)\d{2})\b",
    _I,
)
DATE_HINT = re.compile(
    r"\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)|\b" + PLAIN_WEEKDAY_PATTERN + r"\b|"
    r"\b\d{1,2}\s*(?:-|–|hingga|sampai)?\s*\d{0,2}\s+" + MONTH_PATTERN + r"\b|"
    r"\b(?:belum\s+lama\s+ini|baru-baru\s+ini|kemarin)\b",
    _I,
)
#: What dates a visit statement nearby: a date, a weekday, a time of day, "pekan lalu".
ANCHOR = re.compile(
    DATE_HINT.pattern + r"|\bpukul\s+\d|\b(?:pekan|minggu)\s+lalu\b|"
    r"\b(?:pagi|siang|sore|malam)\s+tadi\b",
    _I,
)
