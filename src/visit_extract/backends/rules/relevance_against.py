"""The patterns of the relevance score that speak against the report of a study visit.

Other kinds of trips (inspections, oversight, courtesy calls, students and community
groups, foreign delegations, party work, holidays, plans, cancellations) and pieces
*about* visits (explainers, criticism, habits, tallies, headlines on visits as a topic).
The patterns that speak for a report are in
:mod:`visit_extract.backends.rules.relevance_cues`; both stay linear in the article
(bounded repetitions only).
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.relevance_cues import CEREMONY_NOUNS, FOREIGN_PLACES
from visit_extract.normalize.lexicon import STUDY_TERMS, WORK_VISIT_TERMS

_I = re.IGNORECASE

# --- other kinds of trips --------------------------------------------------------------

NATIONAL = re.compile(
    r"\b(?:presiden|jokowi|prabowo|wapres|wakil\s+presiden|menteri|menko|mendagri|mendes|"
    r"menpan|panglima|kapolri|kapolda|kasad|pangdam|dubes|duta\s+besar)\b",
    _I,
)
INSPECT = re.compile(
    r"\b(?:meninjau|tinjau|peninjauan|inspeksi|sidak|memantau|pantau|meresmikan|peresmian|"
    r"groundbreaking|penyerahan\s+bantuan|menyerahkan\s+bantuan|kampanye|blusukan|"
    r"mengecek|pengecekan|apel|supervisi)\b",
    _I,
)
#: A guest at a ceremony: "menghadiri peringatan hari jadi", "memenuhi undangan
#: pelantikan", "hadir dalam upacara"; an award received, a games or a fair opened.
CEREMONY = re.compile(
    r"\b(?:menghadiri|hadir\s+(?:dalam|pada|di)|memenuhi\s+undangan|diundang\s+(?:dalam|"
    r"pada|ke|untuk))\s+(?:[\w-]+\s+){0,3}?" + CEREMONY_NOUNS + r"\b|"
    r"\b(?:menerima|menerimakan)\s+(?:[\w-]+\s+){0,2}?(?:penghargaan|anugerah|piagam|trofi|"
    r"plakat)\b|"
    r"\bmembuka\s+(?:secara\s+resmi\s+)?(?:[\w-]+\s+){0,2}?(?:turnamen|kejuaraan|lomba|"
    r"festival|pameran|expo|bazar|jambore|MTQ|porseni|porda|pekan\s+olahraga)\b",
    _I,
)
#: Supervision, recess and courtesy calls: trips that are not made to learn.
OVERSIGHT = re.compile(
    r"\b(?:pengawasan|mengawasi|monitoring|memonitor|monev|supervisi|reses|"
    r"(?:menyerap|serap|menjaring|jaring|menampung|tampung)\s+aspirasi|konstituen|dapil|"
    r"kunjungan\s+kehormatan|courtesy\s+call)\b",
    _I,
)
#: Courtesy calls and coordination: a visit to introduce oneself, pay respects or "build
#: synergy", which LABELING.md does not count unless the visitors come to learn.
COURTESY = re.compile(
    r"\b(?:silaturahmi|silaturahim|bersilaturahmi|bersilaturahim|kunjungan\s+kehormatan|"
    r"courtesy\s+call|(?:ber)?audiensi|beraudiensi|ramah[\s-]+tamah|memperkenalkan\s+diri|"
    r"(?:mempererat|memperkuat|meningkatkan|menguatkan|membangun)\s+sinergi(?:tas)?|"
    r"bersinergi)\b",
    _I,
)
#: Coordination between bodies ("berkoordinasi soal jalan perbatasan", "rakor"): the
#: purpose of a working visit that does not come to learn.
COORDINATION = re.compile(r"\b(?:(?:ber)?koordinasi|mengoordinasikan|rakor)\b", _I)
#: A political party's own trip ("DPD Partai X", "kader partai"); "kader" alone is also
#: the PKK's and the posyandu's.
PARTY = re.compile(r"\b(?:partai|DPP|DPW|DPC|kader\s+partai|simpatisan|caleg|pemenangan)\b", _I)
DPR = re.compile(r"\bDPR(?:\s*-?\s*RI)?\b(?!D)|\bDPD\s*RI\b|\bMPR\b|\bSenayan\b")
COMPANY = re.compile(
    r"\b(?:PT|BUMN|persero|PLN|Pertamina|Waskita|Telkom|perusahaan|korporasi|karyawan|"
    r"direksi|direktur\s+utama|dirut)\b"
)
STUDENT = re.compile(
    r"\b(?:siswa|pelajar|mahasiswa|mahasiswi|sekolah|SMAN?|SMPN?|SMKN?|kampus|field\s*trip|"
    r"kunjungan\s+industri|KKN|dosen|universitas|university|santri|taruna|peneliti|"
    r"tim\s+riset|riset)\b",
    _I,
)
#: Students as the travellers ("ratusan siswa SMA ... melakukan kunjungan"), or as the
#: ones "menimba ilmu" at a place (they study there, no delegation travels).
STUDENT_VISITOR = re.compile(
    r"\b(?:siswa|siswi|pelajar|mahasiswa|santri|murid|peserta\s+didik|anak\s+muda|"
    r"generasi\s+muda|perantau)\b[^.]{0,150}?"
    r"\b(?:melakukan|mengikuti|menggelar|berkunjung|mengunjungi|tiba|datang|belajar\s+ke|"
    r"diterima|disambut|(?:menimba|timba)\s+ilmu|kuliah|bersekolah)\b",
    _I,
)
#: A community group as the travellers ("Pokdarwis Desa X studi banding ke", "30 petani
#: melakukan kunjungan"): farmers, traders, youth and faith groups are no public
#: institution (LABELING.md). Read with the words before it: a group that comes with a
#: government ("Kepala Desa bersama kelompok tani") is part of its delegation.
COMMUNITY_VISITOR = re.compile(
    r"\b(?:kelompok\s+(?:tani|wanita\s+tani|nelayan|ternak|sadar\s+wisata|usaha|seni)|"
    r"gapoktan|poktan|pokdarwis|karang\s+taruna|koperasi|petani|nelayan|peternak|pedagang|"
    r"perajin|pengrajin|pelaku\s+(?:usaha|umkm|wisata)|komunitas|relawan|jemaah|jamaah|"
    r"pengurus\s+(?:masjid|mui|nu|pcnu|muhammadiyah|koni|kadin|iwapi|hipmi))\b[^.]{0,120}?"
    r"\b(?:melakukan|mengikuti|menggelar|berkunjung|mengunjungi|stud[iy]\s+(?:banding|tiru)|"
    r"belajar\s+ke|tiba\s+di|datang\s+ke)\b",
    _I,
)
# The words between a group and a country may not send the group abroad ("rombongan
# Pemkab Bantul ke Jepang", "kembali dari Jepang") or name it Indonesian.
_NOT_FOREIGN_GROUP = (
    r"(?:(?!(?:ke|di|menuju|untuk|diterima|disambut|bertemu|menemui|mengunjungi|kembali|"
    r"pulang|tiba|bertolak|berangkat|terbang|belajar|selama|saat|setelah|usai|pemkab|pemkot|"
    r"pemprov|pemda|dprd|kabupaten)\b)[\w()-]+,?\s+)"
)
_COUNTRY = r"\(?(?:negara\s+|negeri\s+)?(?:" + FOREIGN_PLACES + r"|afrika|sarawak|sabah)\b"
#: A foreign delegation ("delegasi Pakistan", "rombongan tamu dari Vietnam", "pejabat asal
#: Jepang"), but not a host abroad ("diterima pejabat kota Osaka"); an official is foreign
#: only when said to come "dari" or "asal" a country ("Wali Kota Daejeon" may be the host).
FOREIGN_VISITOR = re.compile(
    r"(?<!diterima\s)(?<!disambut\s)(?<!bertemu\s)(?<!menemui\s)(?<!dengan\s)(?<!oleh\s)"
    r"(?<!didampingi\s)\b(?:delegasi|rombongan|tamu|peserta|mahasiswa)\s+"
    + _NOT_FOREIGN_GROUP
    + r"{0,4}?(?:dari\s+|asal\s+)?(?:"
    + _COUNTRY
    + r"|asing\b)|"
    r"\b(?:pejabat|wali\s*kota|walikota|gubernur|menteri|pemerintah)\s+"
    + _NOT_FOREIGN_GROUP
    + r"{0,3}?(?:dari|asal)\s+"
    + _COUNTRY
    + r"|"
    # a foreign body named with its country, making the trip ("pejabat Kementerian
    # Administrasi Negara Timor Leste melakukan studi banding"); not a host abroad that
    # only "mengundang" or "menerima"
    r"\b(?:pejabat|kementerian|pemerintah|parlemen)\s+(?:(?-i:[A-Z])[\w-]*\s+){0,5}?"
    + _COUNTRY
    + r",?\s+(?:[\w-]+\s+){0,2}?(?:melakukan|berkunjung|mengunjungi|tiba|datang|bertandang|"
    r"belajar)\b|"
    # an international organisation's team ("Tim UNICEF mengunjungi")
    r"\b(?:tim|delegasi|rombongan|perwakilan|pejabat|utusan|misi)\s+(?:dari\s+)?(?:UNICEF|UNDP|"
    r"USAID|JICA|KOICA|GIZ|Bank\s+Dunia|World\s+Bank|UNESCO|UNFPA|UNHCR|UN\s+Women|FAO|PBB|"
    r"ILO|IOM|ADB|Uni\s+Eropa)\b|"
    # a trip "to Indonesia": the writer stands abroad
    r"\b(?:tiba|berkunjung|datang|kunjungan|lawatan)\b[^.\n]{0,60}?"
    r"(?:\bke\s+Indonesia|,\s*Indonesia)\b",
    _I,
)
#: A holiday: words of leisure, not of tourism (a delegation may study "wisatawan" and
#: "paket wisata").
LEISURE = re.compile(
    r"\b(?:berlibur|liburan|jalan-jalan|rekreasi|refreshing|melepas\s+penat|tour|plesir|"
    r"pelesiran|tamasya|piknik|darmawisata)\b",
    _I,
)
#: A headline of a holiday, not of a study trip ("Melepas Penat, PKK Berlibur ke ...").
HOLIDAY = re.compile(
    r"\b(?:berlibur|liburan|jalan-jalan|rekreasi|refreshing|melepas\s+penat|plesiran|tamasya|"
    r"piknik|darmawisata)\b",
    _I,
)
PLANNED = re.compile(
    r"\b(?:akan|berencana|rencana(?:nya)?|dijadwalkan|direncanakan|bakal|hendak|"
    r"mengusulkan|diusulkan|dianggarkan)\s+(?:\w+\s+){0,3}?"
    r"(?:melakukan|melaksanakan|menggelar|berkunjung|mengunjungi|studi|study|kunjungan|"
    r"kunker|belajar|berangkat|ke)\b|\b(?:pekan|minggu|bulan|tahun)\s+depan\b",
    _I,
)
CANCEL = re.compile(
    r"\b(?:batal|dibatalkan|membatalkan|ditunda|menunda|urung|mengalihkan|dialihkan)\b", _I
)
SISTER = re.compile(r"\b(?:sister\s+city|apeksi|apkasi|rakernas|munas|musrenbang)\b", _I)

# --- pieces about visits ---------------------------------------------------------------

#: The words of explainers, opinion and criticism of visits (not of anything else: a
#: delegation may study a "konsep" or "efektivitas pelayanan").
EXPLAIN = re.compile(
    r"\b(?:pendahuluan|artikel\s+ini|opini|kolom|tajuk|menurut\s+(?:saya|penulis)|"
    r"kita\s+sering|definisi|apa\s+itu|manfaat\s+(?:studi|kunjungan|kunker)|"
    r"(?:efektivitas|efektifitas|konsep)\s+(?:studi|kunjungan|kunker)|"
    r"sering\s+(?:melakukan\s+)?(?:studi|kunjungan)|dinilai\s+(?:hanya|sia-sia)|"
    r"pemborosan|hura-hura|menghamburkan|ganti\s+istilah|kritikan|mengkritik|dikritik|"
    r"mengkritisi|dikritisi|sorotan|disorot|menyoroti)\b",
    _I,
)
#: Habits of visiting, the mark of pieces about visits in general ("doyan kunker",
#: "studi banding sudah menjadi tabiat"). Plain "sering" and "kerap" are left out: hosts
#: say they are "kerap menjadi tujuan studi banding" in the report of a visit.
HABIT = re.compile(
    r"\b(?:tabiat|doyan|hobi|gemar|kebiasaan|rajin\w*|langganan)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:" + STUDY_TERMS + "|" + WORK_VISIT_TERMS + r"|stud[iy]|kunjungan|"
    r"plesir|pelesiran|berkunjung|bepergian|ke\s+luar\s+(?:kota|daerah|negeri))\b|"
    r"\b(?:" + STUDY_TERMS + "|" + WORK_VISIT_TERMS + r")\s+(?:[\w-]+\s+){0,3}?"
    r"(?:tabiat|kebiasaan|hobi|langganan|tradisi)\b",
    _I,
)
#: A count of visiting institutions ("38 instansi", "puluhan daerah").
AGGREGATE = re.compile(
    r"\b(?:\d+|puluhan|ratusan)\s+(?:instansi|daerah|"
    r"kabupaten/kota|kabupaten\s+dan\s+kota|pemda|pemerintah\s+daerah|kementerian/lembaga)\b|"
    r"\b(?:\d{2,}|puluhan|ratusan)\s+(?:rombongan|delegasi)\b",
    _I,
)
#: A headline about visits as a topic ("Anggaran Studi Banding Habis", "Daftar Studi
#: Banding Anggota Dewan", "Studi Banding DPRD: Apa Manfaatnya?").
TOPIC_HEADLINE = re.compile(
    r"\b(?:anggaran|biaya|dana|daftar|deretan|efektivitas|efektifitas|manfaat|istilah|"
    r"evaluasi|moratorium|larangan|pembatasan|polemik|tradisi|budaya|etika|aturan|regulasi|"
    r"pedoman|tips|menyoal|sorotan|tabiat|kebiasaan|mengkritisi|menggugat)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:" + STUDY_TERMS + "|" + WORK_VISIT_TERMS + r"|perjalanan\s+dinas)\b|"
    r"\b(?:" + STUDY_TERMS + "|" + WORK_VISIT_TERMS + r")\b[^\n]{0,40}(?::\s*(?:apa|mengapa|"
    r"kenapa|bagaimana)\b|\?)",
    _I,
)
