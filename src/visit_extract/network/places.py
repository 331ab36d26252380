"""The nodes of the network: a party's region resolved to one place.

A region can reach us written in many ways ("Kabupaten Tapanuli Selatan", "Tapsel",
"Pemkab Tapanuli Selatan"): an LLM answer, an older output file or a hand label may
not carry the official name. Every spelling the gazetteer knows becomes the same
place, keyed by its Kemendagri code, so one region is one node. A foreign party is a
place keyed by its country; a name neither knows stays a place of its own (level
``unknown``) rather than being dropped, so nothing the extractor found disappears.
"""

from __future__ import annotations

from dataclasses import dataclass

from visit_extract.normalize import normalize_country, normalize_region

#: Levels a place can have, in the order the page lists them.
PLACE_LEVELS: tuple[str, ...] = ("province", "regency", "city", "foreign", "unknown")


@dataclass(frozen=True)
class Place:
    """A node of the network.

    Attributes:
        key: the node id: the Kemendagri code ("35.10"), ``foreign:<Country>`` or
            ``name:<name as written>``.
        name: official name ("Kabupaten Banyuwangi"), a country's English name, or the
            name as written when neither the gazetteer nor the country list knows it.
        code: Kemendagri code, None for foreign and unknown places.
        level: "province", "regency", "city", "foreign" or "unknown".
        province: official name of the province a regency or city belongs to.
    """

    key: str
    name: str
    code: str | None
    level: str
    province: str | None

    @property
    def short(self) -> str:
        """A label for the drawing: "Kab. Banyuwangi", "Kota Malang", "Prov. Bali"."""
        for long, short in (("Kabupaten ", "Kab. "), ("Provinsi ", "Prov. ")):
            if self.name.startswith(long):
                return short + self.name[len(long) :]
        return self.name


def resolve_place(region: str | None, level: str | None = None) -> Place | None:
    """The place a party's region names.

    Args:
        region: the region as the extraction or label gives it.
        level: the party's level (LABELING.md); ``foreign`` sends the name to the
            country list first.

    Returns:
        The place, or None when ``region`` is empty (a ministry, an unknown region).
    """
    if region is None or not region.strip():
        return None
    text = " ".join(region.split())
    if level != "foreign":
        found = normalize_region(text)
        if found is not None:
            return Place(found.code, found.name, found.code, found.level, found.province)
    country = normalize_country(text)
    if country is not None or level == "foreign":
        name = country or text
        return Place(f"foreign:{name}", name, None, "foreign", None)
    return Place(f"name:{text.casefold()}", text, None, "unknown", None)


__all__ = ["PLACE_LEVELS", "Place", "resolve_place"]
