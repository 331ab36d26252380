"""The stage context (backends/rules/context.py), on texts written for these tests."""

from __future__ import annotations

from visit_extract.backends.rules.context import read_article


def test_parties_leave_out_locating_provinces_and_read_also_lines() -> None:
    text = "Bupati Klaten, Jawa Tengah, hadir.\nBaca juga: Wali Kota Salatiga ke Gianyar\nUsai."
    ctx = read_article(text, None)
    assert [m.region.name for m in ctx.all_mentions] == [
        "Kabupaten Klaten",
        "Provinsi Jawa Tengah",
        "Kota Salatiga",
        "Kabupaten Gianyar",
    ]
    assert [m.region.name for m in ctx.mentions] == ["Kabupaten Klaten"]


def test_sentence_of_and_masked_keep_offsets() -> None:
    text = "Satu dua tiga. Empat lima.\nBaca juga: enam tujuh\nDelapan."
    ctx = read_article(text, None)
    assert ctx.sentence_of(text.index("lima")) == (15, 26)
    masked = ctx.masked()
    assert len(masked) == len(text) and "Baca" not in masked and masked.endswith("Delapan.")
    # past the last sentence, a window around the position stands in for it
    assert ctx.sentence_of(len(text) + 5) == (0, len(text) + 205)


def test_evidence_quotes_the_text() -> None:
    ctx = read_article("Pemkot Salatiga datang.", None)
    ev = ctx.evidence("visitor.region", 0, 15)
    assert (ev.field, ev.quote, ev.start, ev.end) == ("visitor.region", "Pemkot Salatiga", 0, 15)


def test_a_headline_under_a_bare_read_also_label_is_skipped_too() -> None:
    text = (
        "Rombongan tiba sore.\nBaca Juga:\nBupati Klaten Resmikan Jembatan Baru di Wedi\n"
        "Lihat juga -\nWali Kota Salatiga meninjau banjir di Kabupaten Gianyar.\nUsai."
    )
    ctx = read_article(text, None)
    assert [text[a:b] for a, b in ctx.skip] == [
        "Baca Juga:",
        "Bupati Klaten Resmikan Jembatan Baru di Wedi",
        "Lihat juga -",
    ]
    # a line that ends with a full stop is the story going on, not a headline
    assert [m.region.name for m in ctx.mentions] == ["Kota Salatiga", "Kabupaten Gianyar"]
