"""``visit-extract batch`` and ``visit-extract export`` end to end (scripted backend)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from batchhelpers import read_rows
from fakebackends import ScriptedBackend

from visit_extract.cli import main
from visit_extract.extract import register_backend


@pytest.fixture(autouse=True)
def _scripted() -> None:
    register_backend("scripted-cli", lambda s: ScriptedBackend(s, study=frozenset({"c1", "c2"})))


def _dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["article_id", "content", "tanggal"])
        for i in range(6):
            w.writerow([f"c{i}", f"teks {i}", "2019-02-26"])
        w.writerow(["c9", "", ""])
    return path


def test_batch_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump = _dump(tmp_path)
    out = tmp_path / "r.jsonl"
    args = ["batch", str(dump), "-o", str(out), "--backend", "scripted-cli", "--no-prefilter"]
    args += ["--map", "id=article_id,text=content,published=tanggal", "--no-progress"]
    assert main(args) == 0
    rows = read_rows(out)
    assert sorted(r["id"] for r in rows) == [f"c{i}" for i in range(6)] + ["c9"]
    err = capsys.readouterr().err
    assert "articles processed" in err and "EmptyArticleError" in err

    assert main(args) == 2  # output exists: told to use --resume or --overwrite
    assert "--resume" in capsys.readouterr().err
    assert main([*args, "--resume"]) == 0
    assert len(read_rows(out)) == 7

    edges = tmp_path / "edges.csv"
    export = ["export", str(out), "--articles", str(dump), "--map", "id=article_id,text=content"]
    code = main([*export, "--edges", str(edges), "--graphml", str(tmp_path / "g.graphml")])
    assert code == 0
    with edges.open(encoding="utf-8") as fh:
        (edge,) = list(csv.DictReader(fh))
    assert edge["articles"] == "2" and edge["article_ids"] == "c1; c2"
    assert "2 visits in 2 events" in capsys.readouterr().err


def test_export_needs_a_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text(json.dumps({"id": "x", "skipped": "prefilter", "score": 0}) + "\n")
    assert main(["export", str(out)]) == 2
    assert "--csv" in capsys.readouterr().err


def test_batch_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["batch", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "o.jsonl")])
    assert code == 2 and "does not exist" in capsys.readouterr().err


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_dump_rows_as_real_dumps_write_them_are_extracted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = _jsonl(
        tmp_path / "d.jsonl",
        [
            {"id": 1000, "text": "teks satu", "published": ""},
            {"id": 1001, "text": "teks dua", "published": "2019-02-26 12:30:00"},
            {"id": 1002, "text": "teks tiga", "published": "2019-02-26T12:30:00+07:00"},
        ],
    )
    out = tmp_path / "r.jsonl"
    args = ["batch", str(dump), "-o", str(out), "--backend", "scripted-cli", "--no-progress"]
    assert main(args) == 0
    rows = read_rows(out)
    assert sorted(r["id"] for r in rows) == ["1000", "1001", "1002"]
    assert not any("error" in r for r in rows)


def test_a_run_in_which_no_article_succeeded_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = _jsonl(tmp_path / "d.jsonl", [{"id": "e1", "text": ""}, {"id": "e2", "text": "  "}])
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(dump), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "no article was extracted" in err and "EmptyArticleError" in err
    assert len(read_rows(out)) == 2  # the error rows are the run's record


def test_a_mapped_column_the_dump_lacks_is_one_line_exit_2_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = _jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": "teks"}])
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(dump), "-o", str(out), "--map", "text=body", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'body'" in err and "Traceback" not in err
    assert not out.exists()


def test_a_dump_with_a_duplicate_id_gives_output_the_eval_can_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = Path(__file__).resolve().parents[2] / "evals" / "seeds"
    lines = (seeds / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join([*lines, lines[0]]) + "\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(dump), "-o", str(out), "--no-progress"]) == 0
    ids = [r["id"] for r in read_rows(out)]
    assert len(ids) == len(lines) + 1 == len(set(ids))
    first = json.loads(lines[0])["id"]
    assert f"{first}#2" in ids
    assert main(["eval", str(seeds), "--predictions", str(out), "-q", "--bootstrap", "0"]) == 0


def test_resume_with_another_backend_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = _jsonl(tmp_path / "d.jsonl", [{"id": f"m{i}", "text": f"teks {i}"} for i in range(3)])
    out = tmp_path / "r.jsonl"
    base = ["batch", str(dump), "-o", str(out), "--no-progress"]
    assert main(base) == 0
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]), encoding="utf-8")  # as if killed after two rows
    capsys.readouterr()
    register_backend("scripted-class", ScriptedBackend)  # a class: it declares its name
    other = [*base, "--resume", "--backend", "scripted-class"]
    assert main(other) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rules" in err and "--force" in err
    assert main([*other, "--force"]) == 0
    assert len(read_rows(out)) == 3


def _one_line(code: int, capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.startswith("visit-extract: error")]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def _unwritable(tmp_path: Path) -> list[Path]:
    """Folders nothing can be written to, even by root: under a file, and in /proc."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    return [blocker / "sub", Path("/proc/no-such-dir")]


def test_batch_into_a_folder_that_cannot_exist_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = _jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": "teks"}])
    for folder in _unwritable(tmp_path):
        out = folder / "out.jsonl"
        line = _one_line(main(["batch", str(dump), "-o", str(out), "--no-progress"]), capsys)
        assert str(out) in line


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_batch_onto_a_full_disk_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = _jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": "teks"}])
    line = _one_line(main(["batch", str(dump), "-o", "/dev/full", "--no-progress"]), capsys)
    assert "No space left on device" in line


@pytest.mark.parametrize("target", ["--csv", "--parquet", "--edges", "--graphml"])
def test_export_into_a_folder_that_cannot_exist_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    results = _jsonl(tmp_path / "r.jsonl", [{"id": "x", "skipped": "prefilter", "score": 0}])
    for folder in _unwritable(tmp_path):
        line = _one_line(main(["export", str(results), target, str(folder / "v")]), capsys)
        assert str(folder / "v") in line


def test_export_of_an_article_file_says_it_wants_batch_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = Path(__file__).resolve().parents[2] / "evals" / "seeds" / "articles.jsonl"
    line = _one_line(main(["export", str(seeds), "--csv", str(tmp_path / "v.csv")]), capsys)
    assert "article" in line and "visit-extract batch" in line
    assert not (tmp_path / "v.csv").exists()


def test_export_of_an_eval_run_file_is_refused_not_an_empty_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = Path(__file__).resolve().parents[2] / "evals" / "seeds"
    run = tmp_path / "run.json"
    assert main(["eval", str(seeds), "-q", "--bootstrap", "0", "--out", str(run)]) == 0
    capsys.readouterr()
    line = _one_line(main(["export", str(run), "--csv", str(tmp_path / "v.csv")]), capsys)
    assert f"{run}:1:" in line and "visit-extract batch" in line
    assert not (tmp_path / "v.csv").exists()


def test_export_of_an_empty_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "r.jsonl"
    empty.write_text("", encoding="utf-8")
    line = _one_line(main(["export", str(empty), "--csv", str(tmp_path / "v.csv")]), capsys)
    assert "no result rows" in line


def test_batch_takes_several_inputs_and_globs_and_either_spelling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for part in ("a", "b", "c"):
        _jsonl(
            tmp_path / f"part-{part}.jsonl", [{"id": f"{part}{i}", "text": "t"} for i in range(2)]
        )
    out = tmp_path / "r.jsonl"
    pattern = str(tmp_path / "part-[ab].jsonl")  # quoted: the command expands it
    args = ["batch", pattern, str(tmp_path / "part-c.jsonl"), "--out", str(out), "-q"]
    assert main([*args, "--backend", "scripted-cli"]) == 0
    assert sorted(r["id"] for r in read_rows(out)) == ["a0", "a1", "b0", "b1", "c0", "c1"]
    assert "articles processed" in capsys.readouterr().err
    code = main(["batch", str(tmp_path / "none-*.jsonl"), "-o", str(tmp_path / "x.jsonl")])
    assert code == 2 and "matches no file" in capsys.readouterr().err


def test_the_progress_bar_shows_the_counts_of_the_moment_it_is_drawn(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from visit_extract.batch import BatchResult, BatchStats
    from visit_extract.batch.progress import ProgressBar
    from visit_extract.schema import VisitExtraction

    stats = BatchStats()
    bar = ProgressBar(True, 1000, stats)
    for i in range(863):  # faster than any refresh interval
        done = VisitExtraction(is_study_visit=False, backend="t")
        stats.add(BatchResult(id=f"p{i}", extraction=done))
        bar.update()
    bar._bar.refresh()
    drawn = capsys.readouterr().err.split("\r")[-1]
    bar.close()
    assert "863/1000" in drawn and "ok=863" in drawn
