"""Text preparation: repairs, de-duplication, boilerplate, and the offset map."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visit_extract.backends.llm.textprep import PreparedText, is_boilerplate, prepare_text

SEEDS = Path(__file__).resolve().parents[3] / "evals" / "seeds" / "articles.jsonl"


def test_mojibake_and_spaces_are_repaired() -> None:
    prepared = prepare_text(
        "Bupati\u00c2\u00a0Lahat ¬†datang, \u00e2\u20ac\u0153Kami belajar\u00e2\u20ac\x9d"
    )
    assert prepared.text == "Bupati Lahat datang, \u201cKami belajar\u201d"
    assert prepared.repaired == 4


def test_nfc_composition_keeps_offsets() -> None:
    original = "Cafe\u0301 desa"
    prepared = prepare_text(original)
    assert prepared.text == "Caf\u00e9 desa"
    start, end = prepared.to_original(0, 4)
    assert original[start:end] == "Cafe\u0301"


def test_duplicate_paragraphs_and_boilerplate_are_dropped() -> None:
    text = (
        "Rombongan Pemkab A studi banding ke Kota B.\n"
        "Baca juga: Bupati C resmikan pasar\n"
        "Mereka belajar BUMDes.\n"
        "Kirim Komentar\n"
        "Rombongan Pemkab A studi banding ke Kota B.\n"
        "Mereka belajar BUMDes.\n"
        "© 2021 Contoh Network. All Right Reserved\n"
    )
    prepared = prepare_text(text)
    assert prepared.text == "Rombongan Pemkab A studi banding ke Kota B.\nMereka belajar BUMDes."
    assert prepared.dropped_duplicates == 2 and prepared.dropped_boilerplate == 3


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


def test_seed_000_repeated_body_is_halved_and_every_char_maps_back() -> None:
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        prepared = prepare_text(row["text"])
        for i, ch in enumerate(prepared.text):
            start, end = prepared.to_original(i, i + 1)
            if ch != "\n":
                assert row["text"][start:end] in (ch, "\u00a0"), (row["id"], i)
        if row["id"] == "seed-000":
            assert prepared.dropped_duplicates >= 9
            assert len(prepared.text) < 0.55 * len(row["text"])


def test_truncate_cuts_at_a_paragraph_and_records_it() -> None:
    text = "".join(f"Paragraf nomor {i} berisi kalimat.\n" for i in range(50))
    prepared = prepare_text(text)
    cut = prepared.truncate(200)
    assert len(cut.text) <= 200 and cut.text.endswith("kalimat.")
    assert cut.truncated_from == len(prepared.text)
    assert prepared.truncate(10_000) is prepared
    start, end = cut.to_original(0, len(cut.text))
    assert text[start:end] == cut.text


def test_span_outside_text_is_rejected() -> None:
    with pytest.raises(ValueError):
        prepare_text("abc").to_original(0, 10)


# --- inline boilerplate (invented examples) ------------------------------------------------


def assert_maps_back(prepared: PreparedText) -> None:
    """Every prepared character comes from the same character of the original."""
    for i, ch in enumerate(prepared.text):
        if ch in "\n ":
            continue
        start, end = prepared.to_original(i, i + 1)
        assert prepared.original[start:end] == ch, (i, ch, prepared.original[start:end])


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


def test_a_link_line_with_a_second_glued_headline_is_dropped_whole() -> None:
    text = (
        "Rombongan tiba.\nBaca Juga:Harga Cabai Naik; Warga ResahPasar Baru Dibuka\nMereka belajar."
    )
    prepared = prepare_text(text)
    assert prepared.text == "Rombongan tiba.\nMereka belajar."
    assert prepared.dropped_boilerplate == 1


def test_offsets_survive_removals_mojibake_and_collapsed_spaces() -> None:
    text = (
        "Bupati\u00a0 tiba   (Baca juga: X Y)  di "
        "\u00e2\u20ac\u0153Kota\u00e2\u20ac\x9d B.Baca juga: Z"
    )
    prepared = prepare_text(text)
    assert prepared.text == "Bupati tiba di \u201cKota\u201d B."
    start, end = prepared.to_original(16, 20)
    assert text[start:end] == "Kota"
    start, end = prepared.to_original(0, len(prepared.text))
    assert text[start:end].startswith("Bupati") and text[start:end].endswith("B.")
