"""The GIS table and the data frames."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from visit_extract.errors import InputError
from visit_extract.network import build_network, geo_rows, network, write_geo

from .sample import write_batch, write_gold_set


def test_geo_rows_are_keyed_by_kemendagri_code(tmp_path: Path) -> None:
    out, dump = write_batch(tmp_path)
    net = build_network([out], articles=[dump])
    path = tmp_path / "regions.csv"
    assert write_geo(net, path) == 1  # Japan has no code
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["kode"] for r in rows] == ["12.03", "13.71", "13.75", "34.02", "34.04", "35.78"]
    bukittinggi = rows[2]
    assert (bukittinggi["kode_digits"], bukittinggi["kode_provinsi"]) == ("1375", "13")
    assert bukittinggi["province"] == "Provinsi Sumatera Barat" and bukittinggi["level"] == "city"
    assert (bukittinggi["times_visited"], bukittinggi["visits_made"]) == ("3", "1")
    assert geo_rows(net)[0]["region"] == "Kabupaten Tapanuli Selatan"


def test_a_province_is_its_own_province(tmp_path: Path) -> None:
    folder = write_gold_set(tmp_path / "set")
    rows = geo_rows(build_network([folder]))
    assert [r["kode"] for r in rows] == ["34.02", "34.04", "35.78"]
    assert all(r["kode_provinsi"] == r["kode"][:2] for r in rows)


def test_network_returns_data_frames(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    out, dump = write_batch(tmp_path)
    frames = network(out, articles=dump)
    assert list(frames.edges.columns[:3]) == ["visitor", "visitor_code", "visitor_province"]
    assert frames.edges["events"].sum() == 7 and len(frames.edges) == 6
    assert frames.nodes.iloc[0]["region"] == "Kota Bukittinggi"
    assert list(frames.years["year"]) == [2018, 2019, 2020, 2021, 2022]
    assert frames.programmes.iloc[0]["programme"] == "Smart City"
    assert len(frames.adopters) == 6 and len(frames.events) == 7 and len(frames.domains) == 3
    assert "Top model regions:" in frames.summary()
    page = frames.to_html(tmp_path / "p.html", title="judul")
    assert "<title>judul</title>" in page.read_text(encoding="utf-8")


def test_network_without_pandas_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = write_batch(tmp_path)
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(InputError, match=r"visit-extract\[network\]"):
        network(out)
    with pytest.raises(InputError, match="at least one"):
        network()
