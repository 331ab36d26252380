"""Boilerplate: whole lines, and inline spans (related-article links, closing
bylines) cut out where their end is certain. Examples are invented."""

from __future__ import annotations

import itertools

import pytest

from visit_extract.backends.llm.textprep import PreparedText, is_boilerplate, prepare_text
from visit_extract.backends.llm.textprep.boilerplate import inline_spans


def assert_maps_back(prepared: PreparedText) -> None:
    """Every prepared character comes from the same character of the original."""
    for i, ch in enumerate(prepared.text):
        if ch in "\n ":
            continue
        start, end = prepared.to_original(i, i + 1)
        assert prepared.original[start:end] == ch, (i, ch, prepared.original[start:end])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Baca juga: Wali Kota tinjau pasar", True),
        ("BACA JUGA:Disdukcapil buka layanan", True),
        ("COPYRIGHT © ANTARA News Bali 2023", True),
        ("Isi komentar sepenuhnya adalah tanggung jawab pengguna", True),
        ("Komentar berbeda dilontarkan Ketua DPRD dalam rapat itu.", False),
        ("Bagikan pengalaman desa kepada rombongan tamu dari luar daerah itu.", False),
    ],
)
def test_boilerplate_lines(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Baca berita tanpa iklan. Gabung Contoh.com+",
        "Advertisement",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Simak berita lainnya di Google News",
        "End of content",
    ],
)
def test_more_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in brackets, anywhere in a paragraph
        (
            "Rombongan tiba di Kota Batu. (Baca juga: Wali Kota Resmikan Pasar) Mereka belajar.",
            "Rombongan tiba di Kota Batu. Mereka belajar.",
        ),
        # paragraphs joined with "," by the scraper: the headline ends at ",X"
        (
            "Rombongan tiba.,Baca juga: Harga Cabai Naik, Warga Resah,Mereka belajar BUMDes.",
            "Rombongan tiba., ,Mereka belajar BUMDes.",
        ),
        # paragraphs joined with runs of spaces
        (
            "Rombongan tiba.    Baca Juga : Harga Cabai Naik    Mereka belajar BUMDes.",
            "Rombongan tiba. Mereka belajar BUMDes.",
        ),
        # the next paragraph glued on without a space
        (
            "Rombongan tiba. Baca juga: Harga Cabai Naik di PasarMereka belajar BUMDes.",
            "Rombongan tiba. Mereka belajar BUMDes.",
        ),
        # at the end of the line
        ("Rombongan tiba.Baca juga: Harga Cabai Naik", "Rombongan tiba."),
        # a label whose link text the scraper dropped
        ("Rombongan tiba.,,Baca juga:,,Mereka belajar.", "Rombongan tiba.,, ,,Mereka belajar."),
        # a link widget in brackets
        (
            "Kulit perlu dirawat,[bacajuga:Baca Juga](123 456),Sel kulit berganti.",
            "Kulit perlu dirawat, ,Sel kulit berganti.",
        ),
    ],
)
def test_inline_related_article_links_are_removed(text: str, expected: str) -> None:
    prepared = prepare_text(text)
    assert prepared.text == expected
    assert prepared.removed_inline == 1
    assert_maps_back(prepared)


def test_a_headline_whose_end_is_uncertain_keeps_its_words() -> None:
    # single spaces on both sides: the headline cannot be told from the next sentence,
    # so only the label goes and no article word is lost
    text = "Kata dia. Baca juga: Bupati resmikan pasar baru Sementara itu warga datang."
    prepared = prepare_text(text)
    assert prepared.text == "Kata dia. Bupati resmikan pasar baru Sementara itu warga datang."
    assert_maps_back(prepared)


def test_a_headline_that_would_swallow_a_sentence_keeps_its_words() -> None:
    text = "Kata dia. Baca juga: Bupati datang. Rombongan belajar di PasarKemudian pulang."
    prepared = prepare_text(text)
    assert "Bupati datang. Rombongan belajar di Pasar" in prepared.text
    assert "Baca juga" not in prepared.text


@pytest.mark.parametrize(
    "text",
    [
        "Saya baca juga: laporan itu sebelum rapat.",  # inside a sentence
        "Kepala dinas meminta warga menyimak pengumuman itu.",
        "Simak penjelasan lengkapnya berikut ini: dinas membuka layanan baru.",
        "Ia menyebut wakil rakyat (baca: anggota DPRD) perlu belajar ke daerah lain.",
        "Lihat juga bagaimana desa itu mengelola sampah, kata Camat.",
        "Kata Camat, lihat juga: desa itu mengelola sampah sendiri.",
        "Editor: Budi Santoso\nRombongan Pemkab A tiba di Kota B.",  # top byline stays
        "Rombongan membahas aplikasi WhatsApp untuk layanan warga.",
        "Penulis: Ani menulis buku tentang desa itu.\nBuku itu dibahas rombongan.",
    ],
)
def test_content_that_looks_like_boilerplate_is_kept(text: str) -> None:
    assert prepare_text(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rombongan tiba di Kota B.,Penulis: Ani Rahma,,", "Rombongan tiba di Kota B.,"),
        ("Rombongan tiba di Kota B.\nEditor: Budi Santoso", "Rombongan tiba di Kota B."),
        ("Rombongan tiba di Kota B.,,,loading...", "Rombongan tiba di Kota B.,,,"),
        ("Rombongan tiba di Kota B.,#BelajarBersama with Contoh", "Rombongan tiba di Kota B.,"),
    ],
)
def test_closing_bylines_and_widgets_are_removed(text: str, expected: str) -> None:
    prepared = prepare_text(text)
    assert prepared.text == expected
    assert_maps_back(prepared)


def test_a_link_line_with_a_second_glued_headline_is_dropped_whole() -> None:
    text = (
        "Rombongan tiba.\nBaca Juga:Harga Cabai Naik; Warga ResahPasar Baru Dibuka\nMereka belajar."
    )
    prepared = prepare_text(text)
    assert prepared.text == "Rombongan tiba.\nMereka belajar."
    assert prepared.dropped_boilerplate == 1


def test_inline_spans_are_sorted_disjoint_and_the_trailer_only_on_the_last_line() -> None:
    line = "Warga datang. (Baca juga: Pasar Baru) Camat hadir.,Editor: Ani"
    spans = inline_spans(line, last=True)
    assert [line[a:b] for a, b in spans] == ["(Baca juga: Pasar Baru)", "Editor: Ani"]
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    assert [line[a:b] for a, b in inline_spans(line, last=False)] == ["(Baca juga: Pasar Baru)"]
    assert inline_spans("Rombongan belajar tata kelola pasar.", last=True) == []
