"""Village and district heads (backends/rules/villages.py): the place is no name, invented
texts."""

from __future__ import annotations

import pytest

from .support import people_of


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Kepala Desa Ponggok, Junaedi, menyambut tamu.", ("Junaedi", "Kepala Desa", None)),
        ("Camat Ngawen Kabupaten Blora, Suharno, hadir.", ("Suharno", "Camat", "Kabupaten Blora")),
        ("Lurah Sukajadi, Kota Bandung, Asep Saepudin hadir.",
         ("Asep Saepudin", "Lurah", "Kota Bandung")),
        ("Perbekel Desa Dauh Puri, I Wayan Sudana, hadir.",
         ("I Wayan Sudana", "Kepala Desa", None)),
        ("Kades Sukamaju, Kecamatan Cikole, Dedi Mulyadi hadir.",
         ("Dedi Mulyadi", "Kepala Desa", None)),
        # without a place, the name follows the title
        ("Kepala Desa Junaedi menyambut tamu.", ("Junaedi", "Kepala Desa", None)),
        ("Camat Suharno, Lurah Asep dan warga hadir.", ("Suharno", "Camat", None)),
    ],
)  # fmt: skip
def test_a_village_or_district_head_named_after_the_place(
    text: str, person: tuple[str, str, str | None]
) -> None:
    assert people_of(text)[0] == person


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the article names the village elsewhere: its words are no part of the name
        ("Warga Desa Sidomulyo senang. Kepala Desa Sidomulyo Budi Santoso hadir.", "Budi Santoso"),
        ("Kecamatan Pulau Hiri luas. Camat Pulau Hiri Rustam Malang hadir.", "Rustam Malang"),
        # a Balinese name opens with "I"
        ("Kepala Desa Kutuh I Wayan Purba hadir.", "I Wayan Purba"),
        # named nowhere else, the words are read as the name
        ("Kepala Desa Budi Santoso hadir.", "Budi Santoso"),
    ],
)
def test_a_village_head_named_after_the_village_without_a_comma(text: str, name: str) -> None:
    assert [n for n, _, _ in people_of(text)] == [name]


def test_a_village_head_of_whom_only_the_village_is_named() -> None:
    assert people_of("Warga Desa Kaduela senang. Kepala Desa Kaduela hadir.") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a place name that reads as a noun ("-an") stops no name after it
        ("Perbekel Pemecutan, I Ketut Suarda, hadir.", ("I Ketut Suarda", "Kepala Desa", None)),
        ("Kepala Desa Kerobokan I Ketut Suarda hadir.", ("I Ketut Suarda", "Kepala Desa", None)),
        # the village word first, then the place and the name
        ("Perbekel Desa Sidakarya I Ketut Suarda hadir.",
         ("I Ketut Suarda", "Kepala Desa", None)),
    ],
)  # fmt: skip
def test_a_place_that_reads_as_a_noun(text: str, person: tuple[str, str, str | None]) -> None:
    assert people_of(text) == [person]


def test_a_place_alone_gives_no_name() -> None:
    # two place words and no Balinese name after them: no head named
    assert people_of("Kepala Desa Pemecutan Kaja hadir.") == []
