"""RulesBackend and the rules extractor end to end, on texts written for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from visit_extract import extract_visit
from visit_extract.backends.rules.backend import CONFIDENT, THRESHOLD, RulesBackend
from visit_extract.config import Settings
from visit_extract.schema import Article

TWO_DELEGATIONS = (
    "BANYUWANGI - Bupati Sigi, Sulteng, Mohamad Irwan dan Bupati Lahat, Sumsel, Bursah "
    "Zarnubi, berkunjung ke Banyuwangi, Senin (25/2). Mereka datang untuk belajar tentang "
    "pelayanan publik dan pengelolaan BUMDes.\n"
    "Irwan datang bersama 45 orang rombongannya. Mereka berada di Banyuwangi hingga Rabu (27/2).\n"
    "Rombongan diterima Wakil Bupati Banyuwangi Sugirah di Pendopo."
)
DPRD_VISIT = (
    "TENGGARONG - DPRD Kutai Kartanegara menerima kunjungan kerja Komisi II DPRD Kabupaten "
    "Gresik, Selasa (4/6/2024). Rombongan dipimpin langsung Ketua Komisi II DPRD Gresik "
    "H. Ahmad Nurhamim, SH. Mereka ingin mempelajari pengelolaan pajak daerah. Rombongan "
    "disambut Wakil Ketua DPRD Kukar Siswo Cahyono."
)


def test_two_delegations_one_host() -> None:
    result = RulesBackend(Settings()).extract(
        Article(id="t", text=TWO_DELEGATIONS, published=date(2019, 2, 26))
    )
    assert result.backend == "rules" and result.is_study_visit
    assert result.score is not None and result.score >= 0.5
    pairs = sorted((v.visitor.region, v.host.region) for v in result.visits)
    assert pairs == [
        ("Kabupaten Lahat", "Kabupaten Banyuwangi"),
        ("Kabupaten Sigi", "Kabupaten Banyuwangi"),
    ]
    sigi = next(v for v in result.visits if v.visitor.region == "Kabupaten Sigi")
    assert sigi.visitor.leader is not None and sigi.visitor.leader.name == "Mohamad Irwan"
    assert sigi.visitor.leader.title == "Bupati"
    assert sigi.start_date == "2019-02-25"
    assert sigi.host.leader is not None and sigi.host.leader.title == "Wakil Bupati"
    assert "public_service" in sigi.domains


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://berita.example.id/read/2019/02/26/1030/bupati-belajar", "2019-02-25"),
        # a year and month alone do not date the article: the day keeps no year
        ("https://berita.example.id/2019/02/bupati-belajar.html", "--02-25"),
    ],
)
def test_a_dated_url_stands_in_for_a_missing_publication_date(url: str, expected: str) -> None:
    result = RulesBackend(Settings()).extract(Article(id="t", text=TWO_DELEGATIONS, url=url))
    assert {v.start_date for v in result.visits} == {expected}


def test_dprd_visit_is_legislative_with_leader_and_receiver() -> None:
    result = RulesBackend(Settings()).extract(Article(id="t", text=DPRD_VISIT))
    assert result.is_study_visit and len(result.visits) == 1
    visit = result.visits[0]
    assert visit.visitor.region == "Kabupaten Gresik"
    assert visit.host.region == "Kabupaten Kutai Kartanegara"
    assert (visit.visitor.branch, visit.host.branch) == ("legislative", "legislative")
    assert visit.visitor.leader is not None
    assert visit.visitor.leader.name == "Ahmad Nurhamim"
    assert visit.kind == "kunjungan_kerja"
    assert visit.start_date == "2024-06-04"
    assert visit.host.leader is not None and visit.host.leader.name == "Siswo Cahyono"


@pytest.mark.parametrize("text", [TWO_DELEGATIONS, DPRD_VISIT])
def test_evidence_offsets_point_into_the_original_text(text: str) -> None:
    result = RulesBackend(Settings()).extract(Article(id="t", text=text))
    assert result.visits
    for visit in result.visits:
        assert visit.evidence
        for ev in visit.evidence:
            assert ev.start is not None and ev.end is not None
            assert text[ev.start : ev.end] == ev.quote


def test_irrelevant_article_has_no_visits() -> None:
    result = RulesBackend(Settings()).extract(
        Article(id="t", text="Harga cabai di Pasar Induk naik tajam menjelang akhir pekan.")
    )
    assert not result.is_study_visit and result.visits == []


def test_extract_visit_without_model_runs_rules() -> None:
    result = extract_visit(TWO_DELEGATIONS, published="2019-02-26")
    assert result.backend == "rules" and result.is_study_visit


def test_seed_regions(seeds_dir: Path) -> None:
    """Every labelled seed visit's visitor and host regions are found."""
    gold = {json.loads(line)["id"]: json.loads(line) for line in (seeds_dir / "gold.jsonl").open()}
    backend = RulesBackend(Settings())
    for line in (seeds_dir / "articles.jsonl").open():
        article = Article(**json.loads(line))
        expected = {
            (v["visitor"]["region"], v["host"]["region"]) for v in gold[article.id]["visits"]
        }
        got = {(v.visitor.region, v.host.region) for v in backend.extract(article).visits}
        assert expected <= got, article.id


def test_size_end_date_and_other_events() -> None:
    text = (
        "Bupati Sigi Mohamad Irwan dan Bupati Lahat Bursah Zarnubi studi banding ke "
        "Banyuwangi, Senin (25/2). Mereka ingin belajar tentang Smart Kampung yang "
        "diluncurkan menteri, Selasa (31/1).\n"
        "Irwan datang bersama 45 orang rombongannya. Bursah ditemani 12 jajarannya.\n"
        "Mereka berada di Banyuwangi selama tiga hari hingga Rabu (27/2)."
    )
    result = RulesBackend(Settings()).extract(Article(id="t", text=text))
    by_region = {v.visitor.region: v for v in result.visits}
    assert by_region["Kabupaten Sigi"].visitor.size == 45
    assert by_region["Kabupaten Lahat"].visitor.size == 12
    assert {(v.start_date, v.end_date) for v in result.visits} == {("--02-25", "--02-27")}


def test_foreign_host() -> None:
    text = (
        "Wakil Bupati Bantul Joko Purnomo melakukan kunjungan kerja ke Jepang guna "
        "mempelajari pengelolaan sampah, Senin (26/1/2026). Rombongan diterima pejabat "
        "kota Osaka."
    )
    result = RulesBackend(Settings()).extract(Article(id="t", text=text))
    assert result.is_study_visit
    (visit,) = result.visits
    assert (visit.visitor.region, visit.host.region, visit.host.level) == (
        "Kabupaten Bantul",
        "Japan",
        "foreign",
    )
    assert "environment" in visit.domains


# Invented: the head of region is represented, and the leader is only said to have
# come "bersama" the others; neither article says "dipimpin".
REPRESENTED = (
    "GIANYAR - Pemerintah Kota Salatiga mengadakan studi tiru ke Kabupaten Gianyar, Kamis "
    "(21/3). Wali Kota Salatiga yang diwakili Inspektur Kota Salatiga Drs. H. Bambang "
    "Wijaya, MM mendalami layanan aduan warga. Rombongan diterima Bupati Gianyar Made "
    "Wirawan di balai pertemuan."
)
CAME_WITH = (
    "MAGELANG - Pemprov Kalimantan Selatan melakukan studi banding ke Kota Magelang, Senin "
    "(11/11), untuk belajar penataan kawasan kuliner. Asisten II Pemprov Kalsel Rahmat "
    "Hidayat yang tiba bersama sejumlah pejabat disambut Sekda Magelang Dwi Suryanto."
)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [(REPRESENTED, "Bambang Wijaya", "Inspektur"), (CAME_WITH, "Rahmat Hidayat", "Asisten II")],
    ids=["diwakili", "datang-bersama"],
)
def test_delegation_head_without_dipimpin(text: str, name: str, title: str) -> None:
    result = RulesBackend(Settings()).extract(Article(id="t", text=text))
    assert len(result.visits) == 1
    leader = result.visits[0].visitor.leader
    assert leader is not None and (leader.name, leader.title) == (name, title)


# Invented: the date of an earlier inspection comes first; the visit's own is a range
# spelt with "Nopember".
AFTER_INSPECTION = (
    "Pemkot Salatiga melakukan studi banding ke Pemkab Gianyar. Langkah itu menjawab "
    "teguran Menteri PAN-RB yang melakukan sidak ke loket perizinan di Kota Salatiga "
    "(6/10'15), supaya Pemkot menimba pengalaman dari daerah lain.\n"
    "Berlangsung empat hari (17-20 Nopember 2015), rombongan mendalami layanan izin "
    "usaha daring."
)


def test_an_inspection_date_is_not_the_visits() -> None:
    result = RulesBackend(Settings()).extract(
        Article(id="t", text=AFTER_INSPECTION, published=date(2015, 11, 19))
    )
    visit = result.visits[0]
    assert (visit.visitor.region, visit.host.region) == ("Kota Salatiga", "Kabupaten Gianyar")
    assert (visit.start_date, visit.end_date) == ("2015-11-17", "2015-11-20")


# Invented: visits whose host and visitor the rules cannot place (no region is named).
UNPLACED_SURE = (
    "Rombongan Komisi B DPRD melakukan studi banding, Kamis (7/3). Mereka ingin belajar "
    "pengelolaan pasar tradisional dan disambut pejabat setempat. Studi banding itu diikuti "
    "kepala dinas perdagangan, camat dan lurah. Rombongan juga mengunjungi pasar induk untuk "
    "mempelajari sistem retribusi."
)
UNPLACED_UNSURE = (
    "Rombongan Komisi B DPRD melakukan studi banding ke sebuah kota di Jawa, Kamis (7/3). "
    "Mereka ingin belajar pengelolaan pasar dan disambut sekretaris daerah setempat."
)


def test_a_relevant_article_without_a_visit_is_a_study_visit_only_when_the_score_is_sure() -> None:
    backend = RulesBackend(Settings())
    sure = backend.extract(Article(id="t", text=UNPLACED_SURE))
    assert sure.score is not None and sure.score >= CONFIDENT
    assert sure.is_study_visit and sure.visits == [] and sure.warnings
    unsure = backend.extract(Article(id="t", text=UNPLACED_UNSURE))
    assert unsure.score is not None and THRESHOLD <= unsure.score < CONFIDENT
    assert not unsure.is_study_visit and unsure.visits == []
    assert "reported as no study visit" in unsure.warnings[0]


# Invented: a scrape whose no-break spaces and curly quotes came through as Mac Roman
# mojibake ("¬†", "‚Äú"), as in the dump's tempo articles.
MOJIBAKE = (
    "SLEMAN - Rombongan Pemerintah Kabupaten Sigi melakukan studi¬†banding ke Kabupaten "
    "Sleman, Kamis (14/3/2019). Rombongan dipimpin Wakil Bupati Sigi Samuel Yansen dan "
    "disambut Sekda Sleman di ruang rapat. ‚ÄúKami ingin belajar tentang bank sampah,‚Äù "
    "kata Samuel."
)


def test_the_rules_read_repaired_mojibake_and_quote_the_original() -> None:
    result = RulesBackend(Settings()).extract(Article(id="t", text=MOJIBAKE))
    (visit,) = result.visits
    assert visit.kind == "studi_banding"  # "studi¬†banding" is the term, repaired
    assert visit.topics == ["bank sampah"]
    for ev in visit.evidence:
        assert ev.start is not None and ev.end is not None
        assert MOJIBAKE[ev.start : ev.end] == ev.quote
    assert next(ev.quote for ev in visit.evidence if ev.field == "kind") == "studi¬†banding"
