"""Titles: the positions news gives officials, read at a place in the text.

A title is a head ("Bupati", "Kepala Dinas", "Asisten", "Staf Ahli Bupati") and, for
the heads of a unit, the unit's words ("Kepala Dinas Pemberdayaan Masyarakat dan
Desa", "Kepala Bidang (Kabid) PMD"). Unit words come from a closed vocabulary so that
the title stops where the person's name begins: "Kepala Dinas Kesehatan Budi" is the
Kepala Dinas Kesehatan named Budi.
"""

from __future__ import annotations

import re

from visit_extract.normalize import normalize_title
from visit_extract.normalize.lexicon import (
    ACTING_TITLES,
    HEAD_TITLES,
    OFFICE_HEAD_ABBREVIATIONS,
    SECRETARY_TITLES,
    alternation,
)
from visit_extract.normalize.offices import AGENCIES, AGENCY_WORD, MINISTERS

_I = re.IGNORECASE

#: Words of the names of government units (the secretariat that holds a unit, "Setda",
#: names the region, not the unit) ("Dinas Pemberdayaan Masyarakat dan Desa",
#: "Bagian Organisasi", "Asisten Bidang Administrasi Umum"), lower case. A capitalised
#: word outside this list ends a unit's name, and no person's name holds one of them.
UNIT_WORDS = frozenset(
    "administrasi adum agama air akuntansi anggaran angkutan aparatur arsip aset badan "  # noqa: SIM905
    "bagian balai bangsa bangunan barang belanja bencana berencana bidang bina budaya "
    "cipta daerah damkar dana data daya desa dewan diklat direktorat ditjen dukungan "
    "ekbang ekobang ekonomi energi evaluasi fasilitasi gedung hewan hidup holtikultura "
    "hortikultura hubungan hukum humas industri informasi informatika infrastruktur "
    "inovasi inspektorat irigasi jalan jasa jembatan kapasitas kawasan keagamaan "
    "kearsipan kebakaran kebersihan kebudayaan kecamatan kedaruratan kehutanan kekayaan "
    "kelautan kelembagaan keluarga kelurahan kemasyarakatan kemiskinan kepegawaian "
    "kepemudaan kependudukan kerajinan kerja kerjasama kesatuan kesbangpol kesehatan "
    "kesejahteraan kesra ketahanan ketenagakerjaan ketertiban keuangan kewilayahan "
    "kinerja kominfo komunikasi koperasi kreatif layanan lingkungan lintas manusia "
    "marga masyarakat menengah mikro milik mineral modal nasional olahraga operasional "
    "organisasi ortala otonomi pajak pangan pariwisata pasar pekerjaan pelaksana "
    "pelaporan pelatihan pelayanan pemadam pemakaman pembangunan pembantu pemberdayaan "
    "pemdes pemerintahan pemuda pemukiman penanaman penanggulangan pencatatan "
    "pendapatan pendidikan penduduk penelitian penerangan pengadaan pengairan "
    "pengawasan pengelolaan pengembangan pengendalian penunjang penyelamatan perangkat "
    "peraturan perbatasan perbendaharaan perdagangan perekonomian perempuan perencanaan "
    "perhubungan perikanan perimbangan perindustrian perizinan perkebunan perkim "
    "perlengkapan perlindungan permukiman perpustakaan persandian persidangan "
    "pertamanan pertambangan pertanahan pertanian perumahan perundang "
    "perundang-undangan peternakan pimpinan pintu politik prasarana produk program "
    "prokopim protokol publik pusat rakyat risalah riset ruang rumah sama sanitasi "
    "sarana satu sekretariat seni sinkronisasi sipil sosial statistik sumber sumberdaya "
    "tanah tanaman tangga tapem tata teknis teknologi tenaga terpadu transmigrasi tugas "
    "umum undangan urusan usaha verifikasi wilayah anak teknik tingkat narkotika karier "
    "regional meteorologi klimatologi geofisika tinggi utilisasi varietas rekreasi tangkap "
    "sanggar sampah cagar makro ombudsman nakertrans teritorial polisi pamong praja resor "
    "sektor hasil hak internal intelijen lahan agro agribisnis berkebutuhan adat "
    "asuransi otoritas hutan produksi edukasi humpro korps alumni ops litbang iklim keamanan "
    "seksi otda bangda adwil keuda polpum asasi tertinggal reformasi birokrasi "
    # the offices of public works, finance, health, social affairs and the like
    "penataan kecil pengelola retribusi catatan destinasi aplikasi penyakit mutasi promosi "
    "rehabilitasi rekonstruksi fakir miskin budidaya logistik investasi metrologi industrial "
    "produktivitas laksana naker"
    # the fields of the Sekda's assistants in one word ("Asisten Pemkesra")
    " pemkesra perekbang ekbangkesra adpem admum kesos".split()
)
# Nouns made with pe(N)-/per-/ke- ... -an name offices, not people: "Kesekretariatan".
_NOUN = re.compile(r"Pe[mnlr][a-z]{4,}an|Ke[a-z]{5,}an", _I)
# Offices named by initials with numbers: "DP3A", "P3AP2KB" (no name has a digit)
_NUMBERED_UNIT = re.compile(r"(?=[A-Z0-9]*\d)(?=(?:[0-9]*[A-Z]){2})[A-Z][A-Z0-9]{2,11}")
# Unit abbreviations of two letters that are no initials of a name.
_SHORT_UNITS = frozenset({"KB", "PU", "PP", "PM", "PA", "SDA", "SDM", "LH", "TU", "SP"})

# "Plt.", "Penjabat", and the "Pejabat (Pj)" news writes for Penjabat
_ACT = (
    r"(?:(?:"
    + alternation(ACTING_TITLES)
    + r"|Pejabat(?=\s*\(Pj))(?:\.\s*|\s+|(?=\())(?:\((?:Pj|Plt|Plh)\.?\)\s*)?)?"
)
# "Plt.Bupati": scrapers drop the space after the acting mark's full stop
_GLUED_ACT = re.compile(r"^(" + alternation(ACTING_TITLES) + r")\.(?=\S)", _I)
_ROMAN = r"(?:[IVX]+|\d)"
# the council by its initials, or spelt out ("Dewan Perwakilan Rakyat Daerah (DPRD)")
_HOUSE = (
    r"(?:DPRD|DPRK|DPRA|DPR\s+RI|DPR|DPD\s+RI|DPD|"
    r"Dewan\s+Perwakilan\s+Rakyat(?:\s+Daerah)?(?:\s*\((?:DPRD?|DPRK)\))?)"
)
# the council's bodies, by their short names or spelt out
_COUNCIL_BODY = (
    r"(?:Pansus|Bapemperda|Banggar|Banmus|Panitia\s+Khusus|Badan\s+(?:Musyawarah|Anggaran|"
    r"Pembentukan\s+(?:Peraturan\s+Daerah|Perda)))(?:\s*\((?:Pansus|Banmus|Banggar|Bapemperda)\))?"
)
# Heads of a unit: the unit's words follow ("Kepala Dinas" + "Kesehatan").
_UNIT_HEADS = (
    r"Kepala\s+(?:Dinas|Badan|Bagian|Bidang|Kantor|Biro|UPTD|UPT|Seksi|Sub\s*Bagian|Subbag|"
    r"Sub\s*Direktorat|Pusat|Balai|Unit|Satuan|Lembaga)|"
    r"(?:" + "|".join(OFFICE_HEAD_ABBREVIATIONS) + r"|Kasubb?ag|Kasubb?id|Kasubdit|Kasie?|Sekdis|"
    r"Sekban)(?=\s+\S)|"
    r"Staf{1,2}\s+Ahli(?:\s+(?:Bupati|Wali\s?kota|Gubernur))?|Asisten\s+Bidang|"
    r"Asisten\s+" + _ROMAN + r"(?:\s+Sekda)?(?=\W|$)|"
    r"Sekretaris\s+(?:Dinas|Badan|Inspektorat)|"
    r"Sekretaris(?=\s+(?:Bapp?e|Dis|Din|Kesbang|Satpol|BKD|BPBD|BKPSDM|BPKAD|DPMPTSP))|"
    r"Direktur(?:\s+(?:Jenderal|Utama))?|Dirjen|Deputi|Menteri(?=\s+[A-Z])|"
    r"(?:Sekretaris\s+Jenderal|Sekjen)(?=\s+\S)|"
    # "Kadinkes", "Kadispar": the head of an agency written in one word
    r"Ka(?:" + "|".join(AGENCIES) + r")|"
    r"Kepala(?=\s+[A-Z])|Asisten(?=\s+[A-Z])"
)
_HEADS = (
    r"Wakil\s+Ketua\s+(?:" + _ROMAN + r"\s+)?" + _HOUSE + r"|"
    r"Wakil\s+Ketua\s+Komisi\s+(?:" + _ROMAN + r"|[A-E])(?:\s+" + _HOUSE + r")?|"
    r"Ketua\s+Komisi\s+(?:" + _ROMAN + r"|[A-E])(?:\s+" + _HOUSE + r")?|"
    r"(?:Wakil\s+)?Ketua\s+" + _COUNCIL_BODY + r"(?:\s+" + _ROMAN + r")?(?:\s+DPRD)?|"
    r"Ketua\s+" + _HOUSE + r"|Waka\s+DPRD|Sekwan|"
    r"Sekretaris\s+(?:DPRD|Dewan\s+Perwakilan\s+Rakyat\s+Daerah(?:\s*\(DPRD\))?)|"
    r"(?:Wakil\s+)?Ketua\s+(?:Tim\s+Penggerak|TP)\.?\s+PKK|"
    + alternation(HEAD_TITLES)
    + r"|Sek(?:re|er)t[ae]ris\s+Daerah|"
    + alternation(["sekda", *SECRETARY_TITLES])
    + r"|As{1,2}ek\s+"
    + _ROMAN
    + r"\b|Menteri\s+(?:Dalam|Luar)\s+Negeri|"
    + alternation(MINISTERS)
    + r"|"
    r"(?:Duta\s+Besar|Dubes|Konsul\s+Jenderal|Konjen)(?:\s+(?:RI|Indonesia))?"
    r"(?:\s+(?:untuk|di)\s+[A-Z][\w-]*(?:\s+(?:Selatan|Utara|Serikat|Baru|Raya))?)?|"
    r"Inspektur(?!\s+(?:Jenderal|Jendral|Polisi|Satu|Dua))(?:\s+(?:" + _ROMAN + r"|Daerah))?|"
    r"Kepala\s+Desa|Kades|Perbekel|Lurah|Camat|Sekretaris\s+Camat|Sekcam|Sekdes|"
    r"Sekretaris\s+Desa|Kasatpol\s+PP|Sekretaris\s+Dewan|"
    # "Sekretaris Kabupaten Aceh Besar", "Sekretaris Kota Tomohon": the Sekda
    r"Sekretaris\s+(?:Kabupaten|Kota|Provinsi)(?=\s+[A-Z])|"
    # the heads of villages outside Java: a kampung, gampong, pekon, lembang, nagari
    r"Kepala\s+(?:Kampung|Gampong|Pekon|Lembang)|Wali\s+Nagari|[GK]euchik"
)
#: A title's head as news writes it (no unit words; :func:`read_title` adds them).
TITLE = _ACT + r"(?:" + _HEADS + r"|" + _UNIT_HEADS + r")(?:\b|(?<=\)))"
_TITLE_RE = re.compile(TITLE, _I)
_FIRST_WORD = re.compile(
    # every title starts a word: the look-ahead spares the alternatives at word ends
    r"\b(?=\w)(?:Plt|Plh|Pjs?|Pelaksana|Penjabat|Pejabat|Wakil|Ketua|Waka|Sek[a-z]*|Bupati|Wali|"
    r"Walkot|Wa[a-z]+|Gubernur|Asisten|As{1,2}ek|Inspektur|Kepala|Kades|Perbekel|Lurah|Camat|"
    r"Kadi[a-z]*|Kaban|Kabag|Kabid|Kasub{1,2}(?:ag|id)|Kasubdit|Kasie?|Kasatpol|Staf{1,2}|Direktur|"
    r"Dirjen|Deputi|Men[a-z]+|Duta|Dubes|Konsul|Konjen|[GK]euchik)\b",
    _I,
)
_UNIT_HEAD_RE = re.compile(_ACT + r"(?:" + _UNIT_HEADS + r")\b", _I)
# the next word of a unit: "dan Desa", ", Pemuda" ("Pariwisata, Pemuda dan Olahraga"), "(PMD)"
_UNIT_TOKEN = re.compile(
    r"(?:[ \t]+(?:(?:dan|serta|&)[ \t]+)?|,[ \t]*)([A-Za-z][\w-]*)|[ \t]*(\([^()\n]{1,25}\))"
)
_AND_FIELD = re.compile(r"[ \t]+(?:dan|&)[ \t]+([A-Za-z][\w-]*)")
# "Anak Agung" opens a Balinese name, while "Perlindungan Anak" ends a unit's
_ANAK_AGUNG = re.compile(r"Anak\s+Agung\b")
# The words of a ministry's name that are no unit's words elsewhere
_HOME_AFFAIRS = re.compile(r"[ \t]+(?:Dalam|Luar)[ \t]+Negeri\b(?:[ \t]+RI\b)?")
# Heads that are no title without their unit ("Kepala Budi", "Kabid Joko").
_NEEDS_UNIT = re.compile(
    r"\b(?:Kepala|Kadis|Kaban|Kabag|Kabid|Kasubb?ag|Kasubb?id|Kasubdit|Kasie?|Sekdis|Sekban|"
    r"Deputi|Dirjen|Bidang|Direktur|Jenderal|Utama|Menteri|Sekretaris|Sekjen)$",
    _I,
)


def is_unit_word(word: str) -> bool:
    """Whether ``word`` belongs to a government unit's name ("Organisasi", "PMD", "Dinkes")."""
    bare = word.strip(".,")
    if bare.lower() in UNIT_WORDS or AGENCY_WORD.fullmatch(bare) or _NOUN.fullmatch(bare):
        return True
    return (
        bare in _SHORT_UNITS
        or (len(bare) >= 3 and bare.isupper() and bare.isalpha())
        or (_NUMBERED_UNIT.fullmatch(bare) is not None)
    )


def title_at(text: str, pos: int, stops: frozenset[int] = frozenset()) -> tuple[str, int] | None:
    """The title that starts exactly at ``pos``, with its unit words.

    Args:
        text: the article text.
        pos: where the title may start.
        stops: offsets where a region name starts: the unit ends there.

    Returns:
        ``(normalised title, end)`` or None when no title starts at ``pos``.
    """
    m = _TITLE_RE.match(text, pos)
    if m is None:
        return None
    end = m.end()
    unit = _UNIT_HEAD_RE.match(text, pos)
    if unit is not None and unit.end() == end:
        end = unit_end(text, end, stops)
        if end == m.end() and _NEEDS_UNIT.search(m.group()):
            return None  # "Kepala Budi", "Kabid Joko": no unit, no title
        abroad = _HOME_AFFAIRS.match(text, end)
        if abroad is not None and text[:end].endswith("Kementerian"):
            end = abroad.end()  # "Kementerian Dalam Negeri": no name starts at "Dalam"
    return normalize_title(_GLUED_ACT.sub(r"\1. ", text[pos:end])), end


def unit_end(text: str, pos: int, stops: frozenset[int]) -> int:
    """Where the unit words from ``pos`` end ("Dinas" + " Kesehatan dan Sosial").

    Args:
        text: the article text.
        pos: just past a unit head.
        stops: offsets where a region name starts.

    Returns:
        The offset past the last unit word (``pos`` when none follows).
    """
    end = pos
    while True:
        t = _UNIT_TOKEN.match(text, end)
        if t is None:
            return end
        if t.group(2):  # "(Kabid)", "(BKD)"
            end = t.end()
            continue
        word = t.group(1)
        if t.start(1) in stops or _ANAK_AGUNG.match(text, t.start(1)):
            return end
        if not is_unit_word(word) and not _misspelt_field(text, word, t.end()):
            return end
        if word.lower() in ("kecamatan", "kelurahan"):
            nxt = _UNIT_TOKEN.match(text, t.end())
            place = nxt.group(1) if nxt else None
            if place and place[0].isupper() and not is_unit_word(place):
                return end  # "Kasi Pemerintahan Kecamatan Ngawen": the district is a place
        end = t.end()


def _misspelt_field(text: str, word: str, end: int) -> bool:
    """ "Pemerintah" written for the field "Pemerintahan" before another field: "Asisten
    Pemerintah dan Kesra" (not "Pemerintah Kabupaten X", the government of a region)."""
    if word.lower() != "pemerintah":
        return False
    nxt = _AND_FIELD.match(text, end)
    return nxt is not None and is_unit_word(nxt.group(1))


def title_starts(text: str) -> list[int]:
    """Offsets where a title may start, in text order (see :func:`title_at`)."""
    # the full title pattern is tried only where one of its first words stands, and
    # not inside a title already found ("Bupati" in "Wakil Bupati")
    out: list[int] = []
    end = 0
    for w in _FIRST_WORD.finditer(text):
        if w.start() < end:
            continue
        m = _TITLE_RE.match(text, w.start())
        if m is not None:
            out.append(m.start())
            end = m.end()
    return out
