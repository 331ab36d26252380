"""Names: reading a person's name at a place in the text, and telling a name from other words.

A name is a run of capitalised words (with "bin", "binti" and other particles inside,
initials, and the honorifics and degrees :func:`~visit_extract.normalize.clean_name`
strips); it may not hold a title, a unit's word ("Organisasi", "Informatika"), a
month, a weekday, a rank or another word that starts something else. Balinese ("I
Gusti Agung ...", "Ni Made ..."), Bugis ("Andi ...", "La Ode ..."), Batak, Papuan and
one-word Javanese names read whole.
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.actors import foreign_city
from visit_extract.backends.rules.titles import is_unit_word
from visit_extract.normalize import clean_name, normalize_country
from visit_extract.normalize.lexicon import MONTHS, WEEKDAYS

#: A name token: capitalised word, initial ("M.", "FB"), honorific ("H.", "Hj.", "Drs.").
_NAME_TOKEN = re.compile(r"(?:[A-Z][A-Za-z'’`-]*\.?|[A-Z]{1,3}\.)")
# Lower-case honorifics before a name: "dr. Budi", "drg. Rina", and a physician's "dr"
# without its full stop ("dr Budi"), as news often writes it.
_LOWER_HONORIFIC = re.compile(r"(?:(?:dr|drg|ir|hj?|prof)\.[ \t]*|(?:dr|drg)[ \t]+(?=[A-Z]))+")
# Military and police ranks before a name ("Letjen TNI", "Kombes Pol.", "AKBP").
_RANKS = re.compile(
    r"(?:(?:Letjen|Mayjen|Brigjen|Jenderal|Jendral|Laksamana|Laksma|Laksda|Marsekal|Marsma|"
    r"Marsda|Kolonel|Letkol|Mayor|Kapten|Lettu|Letda|Kombes|Kompol|AKBP|AKP|Iptu|Ipda|Aiptu|"
    r"Aipda|Bripka|Brigpol|Briptu|Bripda|Irjen|Komjen|Serka|Sertu|Serda|Pelda|Peltu|"
    r"Brigadir(?:[ \t]+Jenderal)?|Inspektur[ \t]+Jenderal|Komisaris[ \t]+(?:Besar|Jenderal))\.?"
    r"(?:[ \t]+\(Purn\.?\))?(?:[ \t]+(?:TNI|Pol|Polisi)\.?)?(?:[ \t]+\(Purn\.?\))?[ \t]+)+"
)
_DEGREE_TAIL = re.compile(r"(?:\s*,\s*(?:[A-Z][A-Za-z]{0,5}\.?(?:\s?[A-Za-z]{1,6}\.?){0,2}))+")
# Month names that are no given names ("Juni", "Juli", "Agus" are).
_MONTH_WORDS = frozenset(
    w.capitalize()
    for w, n in MONTHS.items()
    if len(w) >= 5 and n not in (6, 7) and w not in ("april", "agust")
)
#: Capitalised words that start something other than a name.
_NOT_NAME = (
    frozenset(
        "Kabupaten Kota Provinsi Pemkab Pemkot Pemprov Pemda Pemerintah DPRD Dinas Badan Bagian "  # noqa: SIM905
        "Sekretariat Setda Kantor Di Dan Yang Pada Dalam Untuk Saat Ketika Selasa Senin Rabu "
        "Kamis Jumat Sabtu Minggu Beserta Bersama Didampingi Serta Para Rombongan Jajaran Tim "
        "Selaku Ini Itu Juga Kepala Wakil Ketua Sekda Bupati Gubernur Asisten Staf Komisi Forum "
        "Kasubag Kabag Camat Dari Ke Menurut Kata Ujar Turut Hadir Sementara Adapun Usai Desa "
        "Kecamatan Kelurahan Jawa Sumatera Sulawesi Kalimantan Papua Bali Setempat Terkait "
        "Mereka Kami Kita Ia Dia Beliau Pak Bu Bapak Ibu The Of OPD SKPD ASN Sebelumnya Informasi "
        "Jepang Indonesia Republik Pemerintahan Kemudian Namun Selain Sedangkan Hal "
        "Bahkan Menurutnya Dikatakan Disampaikan Dijelaskan Kunjungan Kegiatan Acara Pimpin Study "
        "Studi Belajar Kunjungi Terima Sambut Hadiri Sebagai Nomor Pribadi Pribadinya Pelatih "
        "Kompleks Bank Wali Walikota Sekretaris Direktur Menteri Presiden Anggota Fraksi Partai "
        "Ketuanya Kepalanya Lembaga Kementerian Universitas Polres Polda Kodim Kodam Kejaksaan "
        "Pengadilan Puskesmas Rumah Sakit RSUD Sekolah Gedung Ruang Aula Pendopo Balai Hotel "
        "Tinjau Teken Gelar Lakukan Pelajari Timba Ada Tak Tidak Selamat Mewakili Diwakili "
        "Utama Eksekutif PT Tbk Perum Persero Operasi Bisnis Marketing Institute Internasional "
        "Nasional Besar Divisi Pusat Ditjen Subdit Deputi Negeri Luar Strategi TNI Polri Lurah "
        "Perbekel Kades Sekdes Sekcam Sekwan Inspektur Duta Dubes Konsul Konjen Plt Plh Pj "
        "Panglima Wapres Menko CEO Rektor Dekan Komandan Jaksa Tengah Selatan Utara Bea Cukai "
        "Khusus "
        "Angkatan Darat Udara Istana Pers Kostrad Pengelola Pengatur Pengawas Pembina "
        "Perwakilan RI Saya Sebab Satuan Sekertaris Insya Insyaallah Anda Google Deputy Ajudan "
        "Babinsa Babinmas Bhabinkamtibmas Lantai Kab Kec Kel Prov Area Manager Menpan MenpanRB "
        "Menpar Menkes Menkeu Mendagri Menlu Menko Mendikbud Menpora Wantimpres No Koordinator "
        "Kompol AKBP AKP Iptu Ipda Kombes Brigjen Irjen Komjen Kolonel Letkol Ajun "
        "Komisaris Tetap Beri Minta Jadi Akan Bakal Harus Ingin Siap Dukung Resmi Buka Tutup Bahas "
        "Dorong Ajak Raih Terima Tiru Gali Pantau Serahkan Lantik Sebut Ungkap Apresiasi "
        "Soroti Temui Bertemu Jajaki Perkuat Arahan Virtual Secara Segera Sukses Gagal Berhasil "
        "Tegaskan Minta Klaim Usul Usulkan Kunjungan Kerja Kunker "
        # ministries in their short forms ("Kepala Biro Humas Kemkominfo, <name>")
        "Kemkominfo Kemkes Kemkeu Kemlu Kemdagri Kemhub Kemsos Kemnaker Kemdikbud Kemkumham "
        "Kemhan Kemristek Kemenpan Kemendes Kemendesa".split()
    )
    | {w.capitalize() for w in WEEKDAYS}
    | _MONTH_WORDS
)
# One-word titles of police, prosecutors, the military and offices: no names.
_TITLE_WORDS = frozenset(
    "Kasipidum Kasipidsus Kasintel Kasat Kasatreskrim Kasatlantas Kapolres Kapolsek Kapolda "  # noqa: SIM905
    "Kapolri Wakapolres Wakapolda Kajari Kajati Kabag Kabid Kadis Kaban Kasubag Kasubbag Kasi "
    "Kasie Dandim Danrem Danlanal Pangdam Sekjen Dirut Dirjen Kanit Kalapas Karutan Sekdis".split()
)
# Words that go on a name but do not start one: "Jaya Negara" is a name, "Negara" is not;
# "Duta Besar Kerajaan Arab Saudi" names no person
_NOT_FIRST = frozenset({"Negara", "Kerajaan"})
# Balinese names shortened to initials: I Gusti Ngurah (IGN), Ida Bagus (IB), Anak Agung (AA)
_BALINESE_INITIALS = re.compile(r"I(?:G|B)[A-Z]{0,3}|AA[A-Z]{0,2}")
_PARTICLES = frozenset({"bin", "binti", "van", "de", "da", "al"})
# The capitalised words (and particles) that end just before "selaku" or a comma.
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w'’`-]*\.?|bin|binti)(?:[ \t]+(?:[A-Z][\w'’`-]*\.?|bin|binti)){0,6})$"
)
_DEGREE_AT_END = re.compile(r"\s*,\s*([A-Za-z][A-Za-z.]{0,8})\s*$")
# Words written with a full stop that do not end a sentence: titles of address and the
# abbreviated first names of Muhammad, Achmad, Abdul ("Moch. Saleh").
_DOTTED = frozenset(
    {"Drs", "Dra", "Prof", "Moch", "Mochd", "Mochm", "Achm", "Ahmd", "Muhd", "Mohd"}
)
_ANAK_AGUNG = re.compile(r"Anak[ \t]+Agung\b")
_POST_OF = re.compile(r"([A-Z][A-Za-z]+)[ \t]+(?=[A-Z])")
_LEAD_IN = re.compile(r"[\s,:–—-]*(?:oleh\s+|yakni\s+|yaitu\s+)?")
_LOWER_WORD = re.compile(r"[a-z]+")
_SPACE = re.compile(r"\s+")
_BLANK = re.compile(r"[ \t]+")
_ROMAN = re.compile(r"[IVX]+")
_WORD = re.compile(r"[^\s,]+")


def _bad_token(bare: str) -> bool:
    """A word no name holds: a title or stop word, a unit's word, an acronym, a country,
    a news outlet."""
    if _BALINESE_INITIALS.fullmatch(bare):
        return False  # "IGN Jaya Negara", "AA Gede Agung": initials, no acronym
    return (
        bare in _NOT_NAME
        or _OUTLET.fullmatch(bare) is not None
        or bare in _TITLE_WORDS
        or is_unit_word(bare)
        or bare.lower().startswith("se-")
        or _VERB.fullmatch(bare) is not None
        or _abroad(bare)
    )


# News outlets, whom a press release is "diterima" by and a speaker "ditemui" by
# ("SINDOnews", "Antaranews"): no people
_OUTLET = re.compile(
    r"[A-Za-z]{3,}(?:news|News|NEWS)|Okezone|Liputan|Kompas|Tribun[a-z]*|Detik(?:com)?|Kumparan|"
    r"Republika|Jawapos|JawaPos|Antara"
)
# A web address: "Kompas.com", "Tribunjogja.com", "Suarasurabaya.net"
_SITE = re.compile(r"[A-Za-z0-9-]+\.(?:com|co\.id|id|net|org|tv)\b", re.IGNORECASE)
# Verbs news capitalises after a line break ("Menyampaikan", "Dikatakan"): no names.
_VERB = re.compile(r"(?:Me[mn]|Meng|Meny|Ber|Di|Ter)[a-z]{3,}kan")


def _abroad(word: str) -> bool:
    """A country ("Inggris", "Polandia"): the place of a foreign post. (Cities are not:
    "Paris" is also a given name.)"""
    return len(word) > 3 and normalize_country(word) is not None


def read_name(text: str, pos: int) -> tuple[str, int, int] | None:
    """Read a person's name starting at ``pos`` (after spaces, a comma or a dash).

    Args:
        text: the article text.
        pos: where the name may begin.

    Returns:
        ``(cleaned name, start, end)`` or None when no name starts there.
    """
    m = _LEAD_IN.match(text, pos)
    i = m.end() if m else pos
    low = _LOWER_HONORIFIC.match(text, i)
    start = i
    if low:
        i = low.end()
    rank = _RANKS.match(text, i)
    if rank:  # "Letjen TNI Budi", "Kombes Pol Rudi": the rank is no part of the name
        i = start = rank.end()
    post = _POST_OF.match(text, i)
    if post and (post.group(1) == "RI" or _abroad(post.group(1))):
        # "Menteri Luar Negeri Polandia Jan Nowak", "Menkes RI Nila": the post's country
        i = start = post.end()
    tokens: list[str] = []
    end = i
    while len(tokens) < 7:
        low = _LOWER_HONORIFIC.match(text, i) if tokens else None
        if low and clean_name(" ".join(tokens) + " Nama") == "Nama":
            i = low.end()  # "Dr. dr. Rina": only honorifics so far
        t = _NAME_TOKEN.match(text, i)
        if t is None:
            # "bin" and other particles inside a name
            p = _LOWER_WORD.match(text, i)
            if p and p.group() in _PARTICLES and tokens:
                nxt = _SPACE.match(text, p.end())
                if nxt and _NAME_TOKEN.match(text, nxt.end()):
                    tokens.append(p.group())
                    i = nxt.end()
                    continue
            break
        word = t.group()
        bare = word.rstrip(".")
        if _SITE.match(text, t.start()):
            break  # "ditemui Kompas.com": a web address, no name
        if bare == "Anak" and _ANAK_AGUNG.match(text, t.start()):
            tokens.append(word)
            end = t.end()
            i = _BLANK.match(text, end).end()  # type: ignore[union-attr]
            continue
        # "I" opens Balinese names ("I Made Sutama"); "II", "IV" are not names
        if not tokens and (
            _bad_token(bare)
            or bare in _NOT_FIRST
            or (len(bare) > 1 and _ROMAN.fullmatch(bare) is not None)
        ):
            return None
        # a name ends before a word in the stop list or an acronym ("UPTPK", "OPD")
        if tokens and _bad_token(bare):
            break
        tokens.append(word)
        end = t.end()
        if word.endswith(".") and len(bare) > 3 and bare not in _DOTTED:
            break  # a full stop after a word ends the sentence
        sp = _BLANK.match(text, end)
        if sp is None:
            if word.endswith(".") and _NAME_TOKEN.match(text, end):
                i = end  # "H.M.Hartopo", "Drs.H.Agus": honorifics and initials glued
                continue
            break
        i = sp.end()
    if not tokens:
        return None
    d = _DEGREE_TAIL.match(text, end)
    raw = text[start:end] + (d.group() if d else "")
    name = clean_name(raw)
    if not looks_like_name(name):
        return None
    return name, start, end


def looks_like_name(name: str) -> bool:
    """Whether a cleaned name reads as a person's: capitalised, no title or unit words.

    Args:
        name: a name after :func:`~visit_extract.normalize.clean_name`.
    """
    tokens = name.split()
    if not tokens or len(name) < 3 or (len(tokens) == 1 and foreign_city(name) is not None):
        return False  # "Wali Kota Busan.": a city abroad alone is no name
    if tokens[0] in _NOT_FIRST:
        return False
    if any(t[:1].islower() and t not in _PARTICLES for t in tokens):
        return False
    # "Anak Agung" opens a Balinese name though "Anak" ends a unit ("Perlindungan Anak")
    return not any(
        _bad_token(t) and not (t == "Anak" and tokens[i + 1 : i + 2] == ["Agung"])
        for i, t in enumerate(tokens)
    )


def name_before(text: str, pos: int) -> tuple[str, int] | None:
    """The name that ends just before ``pos``: "Budi Santoso, SE" before ", selaku ...".

    Args:
        text: the article text.
        pos: where the name (and its degrees) ends.

    Returns:
        ``(cleaned name, start)`` or None.
    """
    lo = max(0, pos - 120)
    window = text[lo:pos]
    # degrees after the name: "Budi Santoso, S.Sos., MM", "Wahono,SE"
    while True:
        d = _DEGREE_AT_END.search(window)
        if d is None or clean_name("Nama " + d.group(1)) != "Nama":
            break
        window = window[: d.start()]
    m = _NAME_BEFORE.search(window.rstrip(" \t"))
    if m is None:
        return None
    last = m.group(1).rsplit(None, 1)[-1]
    if last.endswith(".") and len(last) > 4 and last[:-1] not in _DOTTED:
        return None  # "... Andika Perkasa. ,Kepala Dinas": a sentence ended before the comma
    words = list(_WORD.finditer(window, m.start(1), m.end(1)))
    # the name starts after the last word that cannot be part of it ("Menurut", "Dinas")
    first = len(words)
    while first > 0:
        raw = words[first - 1].group()
        w = raw.rstrip(".")
        if _bad_token(w) or (len(w) > 1 and _ROMAN.fullmatch(w) is not None):
            break
        if first < len(words) and raw.endswith(".") and len(w) > 3 and w not in _DOTTED:
            break  # "... dipimpin Budi. Budi yang juga ...": the sentence before ends there
        first -= 1
    if first == len(words):
        return None
    a = words[first].start()
    name = clean_name(window[a : words[-1].end()])
    if not looks_like_name(name):
        return None
    return name, lo + a
