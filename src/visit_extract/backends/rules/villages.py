"""Village and district heads: "Kepala Desa Ponggok, Junaedi", "Camat Ngawen Kabupaten
Blora, Suharno", "Kepala Desa Kutuh I Wayan Purba".

News names the heads of a village or a district with their place first; the place is no
part of the name. It is told from the name by a comma or a region after it, by a
Balinese "I"/"Ni" that opens the name, or by the article naming the same words as a
village or district elsewhere ("Desa Sukamaju ... Kepala Desa Sukamaju Budi").
"""

from __future__ import annotations

import re

from visit_extract.backends.rules.mentions import Mention
from visit_extract.backends.rules.names import read_name
from visit_extract.normalize.gazetteer import Region

_COMMA_GAP = re.compile(r"[ \t]*,[ \t]*")
#: Heads of a village or a district, who are named with their place first.
HEAD_OF_PLACE = re.compile(
    r"(?:(?:Plt|Plh|Pjs?)\s+)?(?:Kepala (?:Desa|Kampung|Gampong|Pekon|Lembang)|Lurah|Camat|"
    r"Sekretaris (?:Desa|Camat)|Sekdes|Sekcam|Wali Nagari|[GK]euchik)"
)
_PLACE_WORD = re.compile(
    r"[ \t]+(?:Desa|Kelurahan|Kecamatan|Kampung|Nagari|Gampong|Pekon)(?=[ \t])"
)
# The place's name: up to three capitalised words before a comma or a region's prefix
_PLACE_NAME = re.compile(
    r"[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}?"
    r"(?=[ \t]*,|[ \t]+(?:Kabupaten|Kab\.|Kota|Kecamatan|Kec\.)[ \t])"
)
#: ", Kecamatan Ngawen," after a place or a unit: the district that locates it.
SUBDISTRICT = re.compile(
    r"[ \t]*,?[ \t]*(?:Kecamatan|Kec\.)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?(?=[ \t]*,)"
)
_VILLAGE = re.compile(
    # not the village in "Kepala Desa X": the words after it may be the head's name
    r"(?<![Kk]epala )\b(?:Desa|Kelurahan|Kecamatan|Kampung|Nagari|Gampong|Dusun|Kec\.|Kel\.)[ \t]+"
    r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
)
_BLANKS = re.compile(r"[ \t]+")
_PLACE_TOKEN = re.compile(r"[ \t]*[A-Z][\w'’-]*")


class Villages:
    """The villages and districts an article names ("Desa Sukamaju", "Kecamatan Ngawen"),
    by their first word: a village head's place is told from the name after it."""

    def __init__(self, text: str) -> None:
        self.named: dict[str, list[tuple[int, list[str]]]] = {}
        for m in _VILLAGE.finditer(text):
            words = m.group(1).split()
            self.named.setdefault(words[0], []).append((m.start(1), words))

    def place_words(self, tokens: list[str], start: int, end: int) -> int:
        """How many of the first ``tokens`` (read from ``start`` to ``end``) the article
        also names as a village or district somewhere else."""
        best = 0
        for at, words in self.named.get(tokens[0], []):
            if start <= at < end:
                continue
            k = 0
            while k < min(len(words), len(tokens)) and words[k] == tokens[k]:
                k += 1
            best = max(best, k)
        return best


def head_of_place(
    text: str,
    after: int,
    name: tuple[str, int, int] | None,
    region: Region | None,
    places: dict[int, Mention],
    villages: Villages,
) -> tuple[tuple[str, int, int] | None, Region | None]:
    """The name of a village or district head, who is named with the place first:
    "Kepala Desa Ponggok, Junaedi", "Camat Ngawen Kabupaten Blora, Suharno", "Perbekel
    Desa Dauh Puri, I Wayan Sudana", "Kepala Desa Kutuh I Wayan Purba".

    Args:
        text: the article text.
        after: where the title (and its region) ends.
        name: the name read there, if any: ``(name, start, end)``.
        region: the region read with the title.
        places: region mentions by the offset where they (or their prefix) start.
        villages: the villages and districts the article names.

    Returns:
        The head's name (None when only the place is named) and region.
    """
    if name is None:
        # no name read at the place: "Desa Sukamaju, Budi", "Penglipuran, I Wayan" (a
        # place name that reads as a noun), "Desa Sukamaju I Made Suta"
        place = _PLACE_WORD.match(text, after)
        at = place.end() if place else after
        placed = _named_after_place(text, at, places)
        if placed is not None:
            return placed[0], region or placed[1]
        word = _PLACE_TOKEN.match(text, at)
        name = read_name(text, at) if place else None
        if name is None and word is not None and read_name(text, at) is None:
            # the place alone stopped the name, and a Balinese name opens after it:
            # "Kepala Desa Penglipuran I Wayan Supat" (not "Kepala Desa Pemecutan Kaja")
            name = read_name(text, word.end())
            opens = name is not None and name[0].split()[0] in ("I", "Ni")
            return (name, region) if opens else (None, region)
        if name is None:
            return None, region
    placed = _named_after_place(text, name[1], places)
    if placed is not None:
        return placed[0], region or placed[1]
    tokens = name[0].split()
    # a Balinese name opens with "I" or "Ni": the words before it are the village
    cut = next((i for i, t in enumerate(tokens[1:-1], 1) if t in ("I", "Ni")), 0)
    # or the same words name a village or district elsewhere in the article
    cut = cut or villages.place_words(tokens, after - 12, name[2])
    if not cut:
        return name, region
    if cut >= len(tokens):
        return None, region  # "Kepala Desa Kaduela": only the place
    start = text.find(tokens[cut], name[1])
    return (" ".join(tokens[cut:]), start, name[2]), region


def _named_after_place(
    text: str, pos: int, places: dict[int, Mention]
) -> tuple[tuple[str, int, int], Region | None] | None:
    """The name after the place a village or district head is named with, and the
    region that locates the place: "Sukamaju, Kabupaten Ciamis, Dedi" at "Sukamaju"."""
    place = _PLACE_NAME.match(text, pos)
    if place is None or pos in places:
        return None
    i, region = place.end(), None
    for _ in range(2):  # ", Kecamatan X", ", Kabupaten Y"
        sub = SUBDISTRICT.match(text, i)
        if sub:
            i = sub.end()
            continue
        gap = _COMMA_GAP.match(text, i) or _BLANKS.match(text, i)
        nxt = places.get(gap.end()) if gap else None
        if nxt is None:
            break
        region = region or nxt.region
        i = nxt.end
    comma = _COMMA_GAP.match(text, i)
    if comma is None and i == place.end():
        return None
    got = read_name(text, comma.end() if comma else i)
    return (got, region) if got is not None else None
