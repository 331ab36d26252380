"""Offices inside titles: the short forms LABELING.md titles give them.

An agency written in one word is spelt out ("Kepala Disdukcapil" is the "Kepala Dinas
Kependudukan dan Pencatatan Sipil"), a Badan goes by its short name ("Kepala Bappeda"),
the head of a part of an office is named without the office that holds the part
("Kepala Bidang Pemerintahan Desa Dinas PMD" is the "Kepala Bidang Pemerintahan Desa"),
an envoy by the post alone ("Duta Besar"). Used by :func:`~.people.normalize_title`, so
that the rules and a model's answers come out in the same form.
"""

from __future__ import annotations

import re

__all__ = ["AGENCIES", "AGENCY_WORD", "MINISTERS", "short_offices"]

_I = re.IGNORECASE

#: Agency abbreviations written as one word: "Disdukcapil", "Bappeda", "Dinkes".
AGENCY_WORD = re.compile(
    r"Dis(?:dukcapil|perm[a-z]*des|par[a-z]*|kominfo|dik[a-z]*|hub|sos|perindag|tan|nak[a-z]*|"
    r"pora[a-z]*|pupr|kes|perkim|pmd|kop[a-z]*|bud[a-z]*|pangan|ket[a-z]*|damkar|arpus[a-z]*|"
    r"lh|dag|perin|nakertrans|pertan|pusip|budpar)|Din(?:kes|sos|as|dik[a-z]*)|"
    r"Bapp?e[a-z]+|Bak(?:esbangpol|euda|orwil)|"
    r"Kesbang(?:pol)?|Inspektorat|Satpol|Bumdes|Dukcapil|Kemen[a-z]*|Kementerian",
    _I,
)
#: Agencies abbreviated in one word -> the unit as LABELING.md titles write it
# ("Kepala Disdukcapil" is the "Kepala Dinas Kependudukan dan Pencatatan Sipil").
AGENCIES = {
    "disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "dispermasdes": "Dinas Pemberdayaan Masyarakat dan Desa",
    "dispermades": "Dinas Pemberdayaan Masyarakat dan Desa",
    "dinkes": "Dinas Kesehatan",
    "dispar": "Dinas Pariwisata",
    "disparbud": "Dinas Pariwisata dan Kebudayaan",
    "diskominfo": "Dinas Komunikasi dan Informatika",
    "disdik": "Dinas Pendidikan",
    "disdikbud": "Dinas Pendidikan dan Kebudayaan",
    "dishub": "Dinas Perhubungan",
    "dinsos": "Dinas Sosial",
    "disperindag": "Dinas Perindustrian dan Perdagangan",
    "distan": "Dinas Pertanian",
    "disnaker": "Dinas Tenaga Kerja",
    "dispora": "Dinas Pemuda dan Olahraga",
    "dispertan": "Dinas Pertanian",
    "disdag": "Dinas Perdagangan",
    "disperin": "Dinas Perindustrian",
    "disperkim": "Dinas Perumahan dan Kawasan Permukiman",
    "disnakertrans": "Dinas Tenaga Kerja dan Transmigrasi",
    "disbudpar": "Dinas Kebudayaan dan Pariwisata",
    "dispusip": "Dinas Perpustakaan dan Kearsipan",
    "disparpora": "Dinas Pariwisata Pemuda dan Olahraga",
    "disporapar": "Dinas Pemuda Olahraga dan Pariwisata",
}
_KA_AGENCY = re.compile(r"\bKa(" + "|".join(AGENCIES) + r")\b", _I)
# Agencies news names by their initials, spelt out as the Dis- words above are
# ("Kepala DLH" is the "Kepala Dinas Lingkungan Hidup"): capitals only, so that a word
# of a name is never taken for one.
_DINAS_INITIALS = {
    "DLH": "Dinas Lingkungan Hidup",
    "DPMD": "Dinas Pemberdayaan Masyarakat dan Desa",
    "DPMPTSP": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "DPMPPTSP": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
}
_DINAS_INITIAL = re.compile(r"\b(" + "|".join(_DINAS_INITIALS) + r")\b")
#: Ministers news names in one word -> the title.
MINISTERS = {
    "mendagri": "Menteri Dalam Negeri",
    "menkeu": "Menteri Keuangan",
    "menkes": "Menteri Kesehatan",
    "menlu": "Menteri Luar Negeri",
    "menpar": "Menteri Pariwisata",
}
_MINISTER_WORD = re.compile(r"\b(" + "|".join(MINISTERS) + r")\b", _I)
# An envoy's post: "Duta Besar RI untuk Belanda" is the "Duta Besar".
_ENVOY = re.compile(r"^(?:Duta\s+Besar|Dubes|Konsul\s+Jenderal|Konjen)\b.*", _I)
_ENVOYS = {"duta": "Duta Besar", "dubes": "Duta Besar", "konsul": "Konsul Jenderal",
           "konjen": "Konsul Jenderal"}  # fmt: skip
_AGENCY_IN_TITLE = re.compile(r"\b(" + "|".join(AGENCIES) + r")\b", _I)
# A Badan goes by its short name, as in LABELING.md's "Kepala Bappeda": the one the text
# gives in brackets, or the usual one.
_BADAN_SHORT = re.compile(r"\bBadan\s[^()]*?\s*\(([A-Z][A-Za-z]{2,11})\)")
_BADANS = {
    "badan perencanaan pembangunan daerah": "Bappeda",
    "badan kepegawaian daerah": "BKD",
    "badan kepegawaian dan pengembangan sumber daya manusia": "BKPSDM",
    "badan pendapatan daerah": "Bapenda",
    "badan pengelolaan keuangan dan aset daerah": "BPKAD",
    "badan penanggulangan bencana daerah": "BPBD",
    "badan pengelola keuangan dan aset daerah": "BPKAD",
    "badan penelitian dan pengembangan daerah": "Balitbangda",
    "satuan polisi pamong praja": "Satpol PP",
}
_BADAN_IN_TITLE = re.compile(
    r"\b(" + "|".join(k.replace(" ", r"\s+") for k in _BADANS) + r")\b", _I
)
# Spellings of title words that news gets wrong often enough to matter.
_SPELLING = [
    (re.compile(r"\bStaff\b", _I), "Staf"),
    (re.compile(r"\bSekertaris\b", _I), "Sekretaris"),
    # the field "Pemerintahan" misspelt before another field: "Asisten Pemerintah dan Kesra"
    (re.compile(r"(?<=\s)Pemerintah(?=\s+(?:dan|&)\s)", _I), "Pemerintahan"),
    (re.compile(r"^Kasatpol\b", _I), "Kepala Satpol"),
    # "Kepala Kantor Dinas Koperasi": the head of the Dinas (a Kantor of its own stays)
    (re.compile(r"\bKepala\s+Kantor\s+(?=(?:Dinas|Badan)\b)", _I), "Kepala "),
    (re.compile(r"\bSekretaris\s+Dewan\b(?!\s+Perwakilan)", _I), "Sekretaris DPRD"),
    (
        re.compile(r"^(?:Pejabat|Penjabat|Pelaksana\s+(?:Tugas|Harian))\s*\((Pj|Plt|Plh)\.?\)", _I),
        r"\1",
    ),
]
_PAREN = re.compile(r"\s*\([^()]*\)")
# Heads of a part of an office ("Kepala Bidang", "Kasubag"), and the words that name the
# office that holds the part ("Dinas", "Setda", "Bappeda").
_SUB_UNIT_HEAD = re.compile(
    r"(?:(?:Plt|Plh|Pjs?)\.?\s+)?(?:Kepala\s+(?:Bidang|Seksi|Sub\s*Bagian|Subbag|Sub\s*Bidang|"
    r"Subbid|Bagian|UPTD?|Sub\s*Direktorat)|Kabid|Kasie?|Kasubb?ag|Kasubb?id|Kasubdit|Kabag|"
    r"Direktur(?!\s+(?:Jenderal|Utama)))\b",
    _I,
)
_PARENTS = frozenset(
    "Dinas Badan Bagian Biro Setda Setdakab Setdakot Setdaprov Sekretariat Kecamatan "  # noqa: SIM905
    "Kelurahan Ditjen Direktorat Kementerian Inspektorat Kantor RSUD".split()
)
# A Badan's or Dinas's acronym after the part's own words: "... Mutasi dan Promosi BKPSDM"
_PARENT_ACRONYM = re.compile(r"[BD][A-Z]{2,7}")
_WORD = re.compile(r"[^\s,]+")


def short_offices(title: str) -> str:
    """The offices in a title in their short form (the region is left to the caller).

    Args:
        title: a title as written ("Kepala Badan Perencanaan Pembangunan Daerah (Bappeda)").

    Returns:
        The title with its offices short ("Kepala Bappeda"); the post alone for an envoy.
    """
    raw = title
    for pattern, repl in _SPELLING:
        raw = pattern.sub(repl, raw)
    if _ENVOY.match(raw):  # "Dubes RI untuk Belanda": the post, not where
        return _ENVOYS[raw.split()[0].lower()]
    raw = _MINISTER_WORD.sub(lambda w: MINISTERS[w.group(1).lower()], raw)
    raw = _KA_AGENCY.sub(r"Kepala \1", raw)
    raw = _below_parent(raw)
    raw = _BADAN_SHORT.sub(r"\1", raw)
    raw = _BADAN_IN_TITLE.sub(lambda b: _BADANS[" ".join(b.group(1).lower().split())], raw)
    raw = _PAREN.sub("", raw)
    raw = _DINAS_INITIAL.sub(lambda d: _DINAS_INITIALS[d.group(1)], raw)
    return _AGENCY_IN_TITLE.sub(lambda a: AGENCIES[a.group(1).lower()], raw)


def _below_parent(title: str) -> str:
    """The title of the head of a part of an office without the office: "Kepala Bidang
    Pemerintahan Desa Dinas PMD" is the "Kepala Bidang Pemerintahan Desa", "Kasubag
    Perencanaan Bappeda" the "Kasubag Perencanaan"."""
    head = _SUB_UNIT_HEAD.match(title)
    if head is None:
        return title
    words = list(_WORD.finditer(title, head.end()))
    for w in words[1:]:
        word = w.group()
        if (
            word in _PARENTS
            or (AGENCY_WORD.fullmatch(word) and not word.startswith("Bumdes"))
            or _PARENT_ACRONYM.fullmatch(word)
        ):
            return title[: w.start()].rstrip(" ,")
    return title
