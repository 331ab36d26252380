"""``visit-extract batch`` with ``--workers``, ``--engine dask``, globs, ``--part-size``
and the exports written after the run; and visit-extract without Dask installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from batchhelpers import write_jsonl
from scalehelpers import normalized_rows, reference

from visit_extract.batch import run_dask
from visit_extract.cli import main
from visit_extract.errors import ConfigError

ROWS = [
    "Rombongan DPRD Kabupaten Sleman melakukan studi banding ke Kota Surabaya pada Senin.",
    "Pemkab Bantul menerima kunjungan kerja Pemkot Blitar untuk belajar pengelolaan sampah.",
    "Harga cabai di pasar naik menjelang akhir pekan.",
]


def _dumps(tmp_path: Path) -> Path:
    folder = tmp_path / "dump"
    folder.mkdir()
    for f in range(3):
        write_jsonl(
            folder / f"part{f}.jsonl",
            [{"id": f"f{f}-{i:03d}", "text": ROWS[i % 3]} for i in range(40)],
        )
    return folder


def _args(*extra: str) -> list[str]:
    return ["batch", *extra, "--backend", "rules", "--no-cache", "--no-progress"]


def test_workers_run_a_quoted_glob_into_one_output_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _dumps(tmp_path)
    out, visits = tmp_path / "out.jsonl", tmp_path / "visits.csv"
    pattern = str(folder / "*.jsonl")
    code = main(
        _args(pattern, "-o", str(out), "--workers", "2", "--part-size", "1k", "--csv", str(visits))
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "articles processed" in err and "wrote visits csv" in err
    assert normalized_rows(out) == reference(sorted(folder.glob("*.jsonl")), tmp_path)
    assert len(visits.read_text(encoding="utf-8").splitlines()) > 1


def test_engine_dask_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = _dumps(tmp_path)
    out = tmp_path / "out.jsonl"
    code = main(
        _args(str(folder / "*.jsonl"), "-o", str(out), "--engine", "dask", "--workers", "1")
    )
    assert code == 0
    assert normalized_rows(out) == reference(sorted(folder.glob("*.jsonl")), tmp_path)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "sizes a local cluster"),
        (["--scheduler", "tcp://127.0.0.1:1", "--engine", "local"], "--engine dask"),
        (["--part-size", "1M"], "--part-size cuts the input"),
        (["--workers", "2", "--dry-run"], "--dry-run runs on one process"),
    ],
)
def test_option_mistakes_are_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": ROWS[0]}])
    assert main(_args(str(source), "-o", str(tmp_path / "o.jsonl"), *extra)) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("bad", [["--part-size", "x"], ["--workers", "0"]])
def test_bad_values_are_refused_by_the_parser(tmp_path: Path, bad: list[str]) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": ROWS[0]}])
    with pytest.raises(SystemExit):
        main(_args(str(source), "-o", str(tmp_path / "o.jsonl"), "--workers", "2", *bad))


def test_without_dask_the_engine_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delitem(sys.modules, "visit_extract.batch.cluster", raising=False)
    with pytest.raises(ConfigError, match=r"visit-extract\[dask\]"):
        run_dask("dump.jsonl", "out.jsonl")


def test_importing_visit_extract_does_not_import_dask() -> None:
    code = (
        "import sys, visit_extract, visit_extract.batch, visit_extract.cli.batch;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
