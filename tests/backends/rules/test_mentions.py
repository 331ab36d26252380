"""Region mentions and people found in running text, with offsets."""

from __future__ import annotations

import pytest

from visit_extract.backends.rules.mentions import find_regions, ignored_spans, sentences
from visit_extract.backends.rules.people import find_people


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[m.prefix_start : m.end], m.region.name) for m in find_regions(text)]


def test_prefixes_and_pairs_resolved_in_text() -> None:
    text = "Rombongan Pemkot Malang diterima Bupati Malang. Kab. Bogor dan kota Bogor juga hadir."
    names = [name for _, name in _names(text)]
    assert names == ["Kota Malang", "Kabupaten Malang", "Kabupaten Bogor", "Kota Bogor"]


def test_bare_pair_follows_how_the_article_prefixes_it() -> None:
    text = "Pemkot Blitar menggelar studi banding. Rombongan Blitar tiba pukul 10.00."
    assert [name for _, name in _names(text)] == ["Kota Blitar", "Kota Blitar"]


def test_abbreviation_inside_a_name_and_typo_after_prefix() -> None:
    text = (
        "Pemerintah Kabupaten Ogan Komering Ulu (OKU) Timur datang. "
        "Wakil Bupati Kabupaten Jenepontto ikut."
    )
    assert [name for _, name in _names(text)] == [
        "Kabupaten Ogan Komering Ulu Timur",
        "Kabupaten Jeneponto",
    ]


def test_a_first_letter_misspelt_after_a_prefix() -> None:
    # "qeneponto" begins no gazetteer key: only the typo reading may find it
    text = "Rombongan Bupati Qeneponto tiba; Kabupaten Wonosobp menyambut."
    assert [name for _, name in _names(text)] == [
        "Kabupaten Jeneponto",
        "Kabupaten Wonosobo",
    ]


def test_a_capitalised_word_that_begins_no_name_is_skipped() -> None:
    text = "Zulkarnain dan Xaverius berangkat ke Banyuwangi dari Sleman."
    assert [name for _, name in _names(text)] == ["Kabupaten Banyuwangi", "Kabupaten Sleman"]


def test_a_two_word_name_misspelt_after_its_prefix() -> None:
    text = "Rombongan tiba di Kabupaten Menggarai Barat, lalu ke Kabupaten Kuara Tebo."
    assert [name for _, name in _names(text)] == [
        "Kabupaten Manggarai Barat",
        "Kabupaten Tebo",
    ]


def test_a_regency_seat_names_its_regency() -> None:
    text = "SAMPIT - Bupati Muara Tebo bertemu pejabat dari Sengkang."
    assert [name for _, name in _names(text)] == [
        "Kabupaten Kotawaringin Timur",
        "Kabupaten Tebo",
        "Kabupaten Wajo",
    ]


def test_locating_province_is_a_qualifier() -> None:
    text = "Bupati Pemalang, Jawa Tengah, datang ke Banyuwangi."
    mentions = find_regions(text)
    assert [(m.region.name, m.qualifier) for m in mentions] == [
        ("Kabupaten Pemalang", False),
        ("Provinsi Jawa Tengah", True),
        ("Kabupaten Banyuwangi", False),
    ]


@pytest.mark.parametrize(
    "head",
    ["Gubernur Jawa Tengah", "Wakil Gubernur Jawa Tengah", "Pemprov Jawa Tengah"],
)
def test_a_province_named_with_its_head_after_a_dateline_is_no_qualifier(head: str) -> None:
    text = f"BLORA - {head} berkunjung ke Kabupaten Blora."
    assert [(m.region.name, m.qualifier) for m in find_regions(text)] == [
        ("Kabupaten Blora", False),
        ("Provinsi Jawa Tengah", False),
        ("Kabupaten Blora", False),
    ]
    # the bare name or "Provinsi" after a place still only locates it
    for located in ("BLORA, Jawa Tengah - Bupati", "BLORA Provinsi Jawa Tengah - Bupati"):
        mentions = find_regions(f"{located} berkunjung ke Kota Solo.")
        assert [m.qualifier for m in mentions][:2] == [False, True]


def test_common_words_are_not_places() -> None:
    # "batu" is a stone and "Kota Batu" a city; "Puncak" needs its prefix too
    assert _names("Mereka mendaki batu besar menuju Puncak gunung.") == []
    assert _names("Wali Kota Batu hadir.")[0][1] == "Kota Batu"


def test_offsets_and_ignored_lines() -> None:
    text = "Isi berita.\nBaca juga: Bupati Garut ke Banyuwangi\nPenutup."
    (span,) = ignored_spans(text)
    assert text[span[0] : span[1]].startswith("Baca juga")
    other = "Satu dua. Tiga empat.,Lima enam"
    assert [other[a:b] for a, b in sentences(other)] == [
        "Satu dua.",
        "Tiga empat.",
        "Lima enam",
    ]


def test_people_with_titles_regions_and_degrees() -> None:
    text = (
        "Rombongan diterima Wakil Bupati Gianyar I Made Wirata Sudana. "
        "Hadir pula Kepala Dinas Pariwisata Kota Makassar, Andi Saputra, serta "
        "Sekda Kabupaten Pekalongan Dra. Hj. Siti Rahmawati, MM."
    )
    people = find_people(text, find_regions(text))
    got = [(p.name, p.title, p.region.name if p.region else None) for p in people]
    assert got == [
        ("I Made Wirata Sudana", "Wakil Bupati", "Kabupaten Gianyar"),
        ("Andi Saputra", "Kepala Dinas Pariwisata", "Kota Makassar"),
        ("Siti Rahmawati", "Sekda", "Kabupaten Pekalongan"),
    ]


def test_assek_is_a_title() -> None:
    text = "Rombongan diterima Assek III Rudi Hartawan bersama sejumlah kepala OPD."
    people = find_people(text, find_regions(text))
    assert [(p.name, p.title) for p in people] == [("Rudi Hartawan", "Asisten III Sekda")]


def test_a_full_stop_after_an_abbreviation_ends_no_sentence() -> None:
    text = "Plt. Bupati Klaten H. M. Yusuf tiba di Gianyar. Dr. Budi menyambut. Rapat usai."
    got = [text[a:b] for a, b in sentences(text)]
    assert got == [
        "Plt. Bupati Klaten H. M. Yusuf tiba di Gianyar.",
        "Dr. Budi menyambut.",
        "Rapat usai.",
    ]


def test_all_of_a_region_after_se() -> None:
    text = "Kades se-Kabupaten Pati dan camat se-Kota Malang hadir."
    assert _names(text) == [("Kabupaten Pati", "Kabupaten Pati"), ("Kota Malang", "Kota Malang")]
