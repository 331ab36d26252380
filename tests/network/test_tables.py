"""Tables, programmes and chains on the hand-made batch sample (known answers)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from visit_extract.network import Network, build_network, chains, format_summary, write_tables
from visit_extract.network.programmes import adopter_rows, programme_of, programme_rows
from visit_extract.network.tables import domain_rows, edge_rows, node_rows, year_rows

from .sample import BANTUL, TAPSEL, write_batch, write_jsonl


@pytest.fixture
def net(tmp_path: Path) -> Network:
    out, dump = write_batch(tmp_path)
    return build_network([out], articles=[dump])


def test_edges(net: Network) -> None:
    rows = edge_rows(net)
    assert [(r["visitor"], r["host"], r["events"]) for r in rows] == [
        ("Kota Padang", "Kota Bukittinggi", 2),
        ("Kabupaten Sleman", "Kabupaten Bantul", 1),
        ("Kabupaten Sleman", "Kota Surabaya", 1),
        ("Kabupaten Tapanuli Selatan", "Kota Bukittinggi", 1),
        ("Kota Bukittinggi", "Kabupaten Sleman", 1),
        ("Kota Surabaya", "Japan", 1),
    ]
    padang = rows[0]
    assert (padang["first_date"], padang["last_date"], padang["reports"]) == (
        "2021-09-01",
        "2022-02-01",
        2,
    )
    assert padang["programmes"] == "Smart City" and padang["visitor_code"] == "13.71"
    tapsel = rows[3]
    assert tapsel["reports"] == 3 and tapsel["article_ids"] == "a1; a2; a3"
    assert (tapsel["visitor_code"], tapsel["visitor_province"]) == (
        TAPSEL,
        "Provinsi Sumatera Utara",
    )
    assert tapsel["kinds"] == "studi_banding; kunjungan_kerja"
    assert rows[-1]["host_code"] == "" and rows[-1]["host_province"] == ""


def test_nodes(net: Network) -> None:
    rows = node_rows(net)
    assert [(r["region"], r["times_visited"], r["visits_made"]) for r in rows] == [
        ("Kota Bukittinggi", 3, 1),
        ("Kabupaten Sleman", 1, 2),
        ("Kota Surabaya", 1, 1),
        ("Japan", 1, 0),
        ("Kabupaten Bantul", 1, 0),
        ("Kota Padang", 0, 2),
        ("Kabupaten Tapanuli Selatan", 0, 1),
    ]
    bukittinggi = rows[0]
    assert bukittinggi["code"] == "13.75" and bukittinggi["level"] == "city"
    assert bukittinggi["province"] == "Provinsi Sumatera Barat"
    assert (bukittinggi["partners"], bukittinggi["learned_from"], bukittinggi["taught"]) == (
        3,
        1,
        2,
    )
    assert (bukittinggi["first_year"], bukittinggi["last_year"]) == (2020, 2022)
    assert bukittinggi["top_domains"] == "environment (2); digital (2)"
    assert rows[3]["level"] == "foreign" and rows[3]["code"] == ""


def test_years_and_domains(net: Network) -> None:
    years = year_rows(net)
    assert [(r["year"], r["events"], r["reports"], r["new_pairs"]) for r in years] == [
        (2018, 1, 1, 1),
        (2019, 1, 1, 1),
        (2020, 1, 1, 1),
        (2021, 2, 4, 2),
        (2022, 2, 2, 1),  # Padang -> Bukittinggi is not new in 2022
    ]
    domains = domain_rows(net)
    assert [(r["domain"], r["events"]) for r in domains] == [
        ("digital", 4),
        ("environment", 2),
        ("economy", 1),
    ]
    digital = domains[0]
    assert (
        digital["learners"],
        digital["models"],
        digital["first_year"],
        digital["last_year"],
    ) == (
        3,
        3,
        2018,
        2022,
    )
    assert digital["top_models"].startswith("Kota Bukittinggi (2)")


def test_programmes_and_adopters_in_date_order(net: Network) -> None:
    rows = programme_rows(net)
    assert [(r["programme"], r["events"], r["adopters"]) for r in rows] == [
        ("Smart City", 4, 3),
        ("Pengelolaan sampah", 2, 2),
        ("Pasar desa", 1, 1),
    ]
    assert rows[0]["variants"] == (
        "kota cerdas; implementasi kota cerdas; penerapan smart city; smart city"
    )
    keys = ("programme", "order", "adopter", "first_date", "learned_from", "events")
    adopters = [tuple(r[k] for k in keys) for r in adopter_rows(net)]
    assert adopters == [
        ("Smart City", 1, "Kota Surabaya", "2018-05-01", "Japan", 1),
        ("Smart City", 2, "Kabupaten Sleman", "2019-01-15", "Kota Surabaya", 1),
        ("Smart City", 3, "Kota Padang", "2021-09-01", "Kota Bukittinggi", 2),
        ("Pengelolaan sampah", 1, "Kota Bukittinggi", "2020-06-02", "Kabupaten Sleman", 1),
        (
            "Pengelolaan sampah",
            2,
            "Kabupaten Tapanuli Selatan",
            "2021-03-08",
            "Kota Bukittinggi",
            1,
        ),
        ("Pasar desa", 1, "Kabupaten Sleman", "2022-01-10", "Kabupaten Bantul", 1),
    ]


@pytest.mark.parametrize(
    ("topic", "programme"),
    [
        ("Mal Pelayanan Publik", "Mal Pelayanan Publik"),
        ("pelayanan publik terpadu", "Pelayanan publik"),
        ("pengembangan desa wisata", "Desa wisata"),
        ("promosi wisata bahari", "Pariwisata"),
        ("penerapan konsep smart regency", "Smart City"),
        ("Pengelolaan irigasi tetes (IRT)", "Irigasi tetes"),
        ("ekonomi sirkuler untuk kemasan", "Ekonomi sirkular"),
        ("  ", None),
    ],
)
def test_programme_names(topic: str, programme: str | None) -> None:
    assert programme_of(topic) == programme


def test_longest_chains_respect_time_order(net: Network) -> None:
    found = chains(net)
    assert [len(c.events) for c in found] == [4, 4, 4]
    assert found[-1].regions == [
        "Kabupaten Tapanuli Selatan",
        "Kota Bukittinggi",
        "Kabupaten Sleman",
        "Kota Surabaya",
        "Japan",
    ]
    # Sleman visited Bantul only after Bukittinggi had learned from Sleman
    assert all(BANTUL not in {e.host.key for e in c.events} for c in found)
    assert (
        found[-1]
        .describe()
        .startswith("Kabupaten Tapanuli Selatan ←(2021-03-08) Kota Bukittinggi ←(2020-06-02)")
    )


def test_a_back_and_forth_is_no_chain(tmp_path: Path) -> None:
    def row(aid: str, visitor: str, host: str, day: str) -> dict[str, object]:
        one = {"visitor": {"region": visitor}, "host": {"region": host}, "start_date": day}
        return {"id": aid, "is_study_visit": True, "backend": "rules", "visits": [one]}

    out = write_jsonl(tmp_path / "o.jsonl", [
        row("b1", "Kota Padang", "Kota Solok", "2017-01-01"),
        row("b2", "Kota Solok", "Kota Padang", "2018-01-01"),
        row("b3", "Kota Padang", "Kota Solok", "2019-01-01"),
        row("b4", "Kota Solok", "Kota Solok", "2016-01-01"),
    ])  # fmt: skip
    assert chains(build_network([out])) == []


def test_summary_names_models_learners_years_and_chains(net: Network) -> None:
    text = format_summary(net, top=3)
    assert "read 11 articles with 10 reported visits (1 error and 1 skipped rows ignored)" in text
    assert "7 visits after merging reports of the same visit (1 reported by more than one" in text
    assert "1. Kota Bukittinggi (13.75): visited 3 times by 2 regions" in text
    assert "2. Kota Padang (13.71): 2 visits to 1 region\n" in text
    assert "2021: 2 visits" in text and "1. digital: 4 visits" in text
    assert "1. Smart City: 4 visits by 3 regions, first 2018-05-01" in text
    assert "4 visits: Kabupaten Tapanuli Selatan ←(2021-03-08)" in text


def test_write_tables(net: Network, tmp_path: Path) -> None:
    written = write_tables(net, tmp_path / "tables")
    assert set(written) == {
        "events",
        "edges",
        "nodes",
        "years",
        "domains",
        "programmes",
        "adopters",
    }
    with written["events"].open(encoding="utf-8") as fh:
        events = list(csv.DictReader(fh))
    assert len(events) == 7 and events[0]["date"] == "2018-05-01"
    assert sum(int(e["reports"]) for e in events) == 9
