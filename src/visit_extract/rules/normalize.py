"""Normalisers shared by the rules backend, the LLM post-processing and the scorer.

PLACEHOLDER SIGNATURES: the rules work (issue 3) replaces these bodies with the real
gazetteer, name, title and date logic; the signatures are the contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal


@dataclass(frozen=True)
class Region:
    """A Kemendagri region."""

    name: str  # "Kabupaten Banyuwangi", "Kota Denpasar", "Provinsi Bali"
    code: str  # "35.10"
    level: Literal["province", "regency", "city"]
    province: str | None  # "Provinsi Jawa Timur"; None for a province itself


def normalize_region(mention: str, context: str = "") -> Region | None:
    """Map a mention ("Pemkab OKU Timur", "Tapsel", "Kota Bandung") to its region."""
    raise NotImplementedError


def clean_name(name: str) -> str:
    """Strip honorifics and degrees: "H. Agus Ambo Djiwa, SH" -> "Agus Ambo Djiwa"."""
    raise NotImplementedError


def normalize_title(title: str) -> str:
    """Short Indonesian title: "Wabup" -> "Wakil Bupati", "Sekdakab" -> "Sekda"."""
    raise NotImplementedError


def resolve_date(expr: str, published: date | None) -> tuple[str | None, str | None]:
    """Resolve a date expression to LABELING.md forms: ``(start, end)``."""
    raise NotImplementedError
