"""Role scoring (backends/rules/roles.py) on texts written for these tests."""

from __future__ import annotations

from visit_extract.backends.rules.context import Context, read_article
from visit_extract.backends.rules.roles import score_roles


def _scored(text: str) -> Context:
    ctx = read_article(text, None)
    score_roles(ctx)
    return ctx


def _scores(text: str) -> dict[str, tuple[float, float]]:
    return {r.region.name: (r.host, r.visitor) for r in _scored(text).roles.values()}


def test_destination_and_delegation_cues() -> None:
    scores = _scores(
        "Rombongan Pemkab Klaten melakukan studi banding ke Kabupaten Gianyar, Rabu (4/9)."
    )
    klaten, gianyar = scores["Kabupaten Klaten"], scores["Kabupaten Gianyar"]
    assert gianyar[0] >= 2.0
    assert klaten[1] > 0 and klaten[0] == 0


def test_receiving_and_welcoming() -> None:
    scores = _scores(
        "Bupati Gianyar menyambut Wali Kota Salatiga di balai desa. Kunjungan itu "
        "diterima Sekda Kabupaten Gianyar."
    )
    assert scores["Kabupaten Gianyar"][0] > scores["Kabupaten Gianyar"][1]
    assert scores["Kota Salatiga"][1] > scores["Kota Salatiga"][0]


def test_led_by_is_the_strongest_visitor_cue() -> None:
    ctx = _scored(
        "Tim dari Kota Salatiga dipimpin Wakil Wali Kota Salatiga Rudi Hartawan tiba di "
        "Kabupaten Gianyar."
    )
    roles = {r.region.name: r for r in ctx.roles.values()}
    salatiga = roles["Kota Salatiga"]
    assert salatiga.visitor >= 3.0
    assert salatiga.visitor_mention is not None
    assert ctx.text[salatiga.visitor_mention.start :].startswith("Salatiga Rudi")


def test_an_inspection_does_not_make_a_host() -> None:
    scores = _scores("Staf Pemkot Salatiga menggelar sidak ke kantor pelayanan di Kota Magelang.")
    assert scores["Kota Magelang"] == (0.0, 0.0)


def test_heads_of_region_listed_together() -> None:
    ctx = _scored(
        "Mereka adalah Bupati Klaten Sri Wahyuni dan Bupati Boyolali Agus Santoso, yang "
        "datang ke Kota Magelang."
    )
    listed = {r.region.name: r.listed for r in ctx.roles.values()}
    assert listed == {"Kabupaten Klaten": 2.0, "Kabupaten Boyolali": 2.0, "Kota Magelang": 0.0}


def test_a_dateline_leans_host() -> None:
    scores = _scores("GIANYAR - Pemkot Salatiga belajar pengelolaan sampah.")
    assert scores["Kabupaten Gianyar"][0] == 0.7


def test_examples_and_those_travelling_along_get_no_delegation_bonus() -> None:
    scores = _scores(
        "Pemkab Gianyar menerima tamu dari berbagai daerah seperti Kabupaten Klaten. Dalam "
        "rombongan itu ikut pula pejabat dari Kota Salatiga."
    )
    assert scores["Kabupaten Klaten"][1] < 2.0
    assert scores["Kota Salatiga"][1] < 2.0
    assert _scores("Rombongan tamu dari Kota Salatiga tiba.")["Kota Salatiga"][1] >= 2.0


def test_a_delegation_word_reaches_past_a_district_and_its_comma() -> None:
    scores = _scores("Siang itu rombongan camat Wedi, Kabupaten Klaten, makan bersama warga.")
    assert scores["Kabupaten Klaten"][1] >= 2.0
