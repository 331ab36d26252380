"""``visit-extract network``: summary on stdout, tables, page and GIS table on disk."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from network.sample import write_batch, write_gold_set
from visit_extract.cli import main


def test_network_command_writes_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, dump = write_batch(tmp_path)
    code = main(
        ["network", str(out), "--articles", str(dump), "--out", str(tmp_path / "t"),
         "--html", str(tmp_path / "n.html"), "--geo", str(tmp_path / "g.csv"), "--top", "2"]
    )  # fmt: skip
    assert code == 0
    text = capsys.readouterr().out
    assert "1. Kota Bukittinggi (13.75): visited 3 times by 2 regions" in text
    assert "  3. " not in text.split("Top learners")[1].split("Busiest")[0]  # --top 2
    assert f"wrote page: {tmp_path / 'n.html'}" in text
    assert "(1 foreign or unresolved places have no code)" in text
    for name in ("events", "edges", "nodes", "years", "domains", "programmes", "adopters"):
        assert (tmp_path / "t" / f"{name}.csv").is_file()
    with (tmp_path / "t" / "edges.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 6
    assert (tmp_path / "g.csv").read_text(encoding="utf-8").startswith("kode,kode_digits")
    assert (tmp_path / "n.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_network_command_reads_gold_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_gold_set(tmp_path / "set")
    assert main(["network", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "read 3 articles with 3 reported visits" in text
    assert "2 visits after merging" in text and "1 reported visits left out" in text


def test_network_command_user_mistake_is_an_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["network", str(tmp_path / "missing.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("visit-extract: error:") and "does not exist" in err
    assert "Traceback" not in err
