"""``visit-extract eval`` and ``visit-extract eval compare`` through :func:`cli.main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visit_extract.cli import main
from visit_extract.config import Settings
from visit_extract.errors import EmptyArticleError
from visit_extract.eval import METRICS
from visit_extract.extract import register_backend
from visit_extract.schema import Article, VisitExtraction

from .helpers import register_refusing
from .test_runner import gold_rows, perturbed_rows, write_rows


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_scores_gold_predictions_and_writes_run_and_report(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preds = write_rows(tmp_path / "gold.jsonl", gold_rows(seeds_dir))
    out, html = tmp_path / "run.json", tmp_path / "report.html"
    code, stdout, stderr = _run(
        [
            "eval",
            str(seeds_dir),
            "--predictions",
            str(preds),
            "--out",
            str(out),
            "--html",
            str(html),
            "--min",
            "visit=1",
            "--min",
            "topics=1",
            "-q",
        ],
        capsys,
    )
    assert code == 0, stderr
    table = {line.split()[0]: line.split() for line in stdout.splitlines()[1:]}
    assert list(table) == list(METRICS)
    assert all(row[1:4] == ["1.000"] * 3 for row in table.values())
    assert table["visit"][-3:] == ["5", "5", "5"]
    run = json.loads(out.read_text(encoding="utf-8"))
    assert set(run["metrics"]) == set(METRICS)
    for metric in run["metrics"].values():
        assert set(metric) == {"precision", "recall", "f1", "ci95", "counts"}
        assert len(metric["ci95"]) == 2 and len(metric["counts"]) == 3
    assert "texts" not in run  # article texts stay out of the run file
    assert len(run["articles"]) == 5 and run["source"] == "predictions"
    side = tmp_path / "run.articles.jsonl"
    assert len(side.read_text(encoding="utf-8").splitlines()) == 5
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_min_below_threshold_exits_1_and_says_which(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preds = write_rows(tmp_path / "p.jsonl", perturbed_rows(seeds_dir))
    code, _, stderr = _run(
        [
            "eval",
            str(seeds_dir),
            "--predictions",
            str(preds),
            "-q",
            "--min",
            "visit=0.9",
            "--min",
            "article=0.8",
            "--min",
            "domains=0.95",
        ],
        capsys,
    )
    assert code == 1
    failed = [line for line in stderr.splitlines() if line.startswith("FAILED")]
    # visit F1 0.8; domains P 1, R 10/12 -> F1 0.909; article 0.889 passes 0.8
    assert failed == [
        "FAILED visit: F1 0.800 is below the minimum 0.900",
        "FAILED domains: F1 0.909 is below the minimum 0.950",
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--min", "visitor.institution=0.5"], "unknown field(s) visitor.institution"),
        (["--min", "visit=1.5"], "not FIELD=F1"),
        (["--min", "visit"], "not FIELD=F1"),
    ],
)
def test_bad_min_is_a_clean_error(
    seeds_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    preds = write_rows(tmp_path / "p.jsonl", gold_rows(seeds_dir))
    code, _, stderr = _run(
        ["eval", str(seeds_dir), "--predictions", str(preds), "-q", *extra], capsys
    )
    assert code == 2
    assert message in stderr and "Traceback" not in stderr


def test_malformed_dataset_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "articles.jsonl").write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(
        '{"id": "a", "is_study_visit": false, "visits": []}\n{"id": "a", "is_st\n',
        encoding="utf-8",
    )
    code, _, stderr = _run(["eval", str(tmp_path), "--backend", "rules", "-q"], capsys)
    assert code == 2
    assert f"{tmp_path / 'gold.jsonl'}:2: invalid JSON" in stderr
    assert "Traceback" not in stderr


def test_runs_a_backend_through_the_normal_path(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = {r["id"]: r for r in gold_rows(seeds_dir)}
    seen: list[Settings] = []

    class Backend:
        name = "eval-cli-fake"

        def __init__(self, settings: Settings) -> None:
            seen.append(settings)

        def extract(self, article: Article) -> VisitExtraction:
            return VisitExtraction.model_validate(answers[article.id] | {"backend": self.name})

    register_backend("eval-cli-fake", Backend)
    out = tmp_path / "run.json"
    code, _, stderr = _run(
        [
            "eval",
            str(seeds_dir),
            "--backend",
            "eval-cli-fake",
            "--model",
            "m1",
            "--no-cache",
            "--out",
            str(out),
            "-q",
            "--min",
            "visit=1",
        ],
        capsys,
    )
    assert code == 0, stderr
    assert seen[0].backend == "eval-cli-fake" and seen[0].model == "m1"
    assert not seen[0].use_cache
    run = json.loads(out.read_text(encoding="utf-8"))
    assert (run["backend"], run["model"], run["source"]) == ("eval-cli-fake", "m1", "extract")


def test_compare_prints_deltas(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = []
    for name, rows in (("a", gold_rows(seeds_dir)), ("b", perturbed_rows(seeds_dir))):
        preds = write_rows(tmp_path / f"{name}.jsonl", rows)
        runs.append(tmp_path / f"{name}.json")
        assert (
            main(
                ["eval", str(seeds_dir), "--predictions", str(preds), "--out", str(runs[-1]), "-q"]
            )
            == 0
        )
    capsys.readouterr()
    code, stdout, _ = _run(
        ["eval", "compare", str(runs[0]), str(runs[1]), "--bootstrap", "200"], capsys
    )
    assert code == 0
    table = {line.split()[0]: line.split() for line in stdout.splitlines() if line[:1].isalpha()}
    assert table["visit"][1:4] == ["1.000", "0.800", "-0.200"]
    assert table["host.region"][3].startswith("-")
    assert "paired bootstrap over 5 shared articles" in stdout
    assert table["host.level"][-1] in {"noise", "WORSE"}
    # seed-002 is unchanged; the four perturbed articles have more errors in B
    assert "articles better in B: 0\n" in stdout
    assert "articles worse in B: 4 (seed-000, seed-001, seed-003, seed-004)" in stdout


def test_compare_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = _run(["eval", "compare", str(tmp_path / "x.json")], capsys)
    assert code == 2 and "two run files" in stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"metrics": 1}', encoding="utf-8")
    code, _, stderr = _run(["eval", "compare", str(bad), str(bad)], capsys)
    assert code == 2 and "not an eval run file" in stderr


def test_interrupted_run_keeps_what_it_scored(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = {r["id"]: r for r in gold_rows(seeds_dir)}

    class Interrupted:
        name = "eval-interrupted"

        def __init__(self, settings: Settings) -> None:
            self.calls = 0

        def extract(self, article: Article) -> VisitExtraction:
            self.calls += 1
            if self.calls == 3:
                raise KeyboardInterrupt
            return VisitExtraction.model_validate(answers[article.id] | {"backend": self.name})

    register_backend("eval-interrupted", Interrupted)
    out = tmp_path / "run.json"
    code, _, stderr = _run(
        [
            "eval",
            str(seeds_dir),
            "--backend",
            "eval-interrupted",
            "--out",
            str(out),
            "-q",
            "--concurrency",
            "1",
        ],
        capsys,
    )
    assert code == 130 and not out.exists()
    side = tmp_path / "run.articles.jsonl"
    assert [json.loads(x)["id"] for x in side.read_text().splitlines()] == ["seed-000", "seed-001"]
    assert f"--predictions {side}" in stderr
    # The kept records score again, the missing articles as errors.
    code, stdout, _ = _run(
        ["eval", str(seeds_dir), "--predictions", str(side), "-q", "--bootstrap", "0"], capsys
    )
    assert code == 0
    visit = next(line.split() for line in stdout.splitlines() if line.startswith("visit "))
    assert visit[-3:] == ["3", "3", "5"]


def test_diffs_lists_field_disagreements(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preds = write_rows(tmp_path / "p.jsonl", perturbed_rows(seeds_dir))
    code, stdout, _ = _run(
        ["eval", str(seeds_dir), "--predictions", str(preds), "-q", "--diffs"], capsys
    )
    assert code == 0
    diffs = stdout.split("\n\n", 1)[1].splitlines()
    assert (
        "seed-001  visit  gold#2  gold=Kabupaten Lahat -> Kabupaten Banyuwangi  predicted=null"
        in diffs
    )
    assert "seed-004  domains  gold#1/pred#1  missed=['agriculture']  extra=[]" in diffs
    assert "seed-004  agreement  gold#1/pred#1  gold=True  predicted=False" in diffs
    assert "seed-000  visitor.size  gold#1/pred#1  gold=null  predicted=5" in diffs
    assert not any(line.startswith("seed-002") for line in diffs)
    code, stdout, _ = _run(
        ["eval", str(seeds_dir), "--predictions", str(preds), "-q", "--diffs", "1"], capsys
    )
    ids = {line.split()[0] for line in stdout.split("\n\n", 1)[1].splitlines()}
    assert len(ids) == 1


def test_help_lists_every_scored_field(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    listed = text.split("scored fields (for --min): ", 1)[1]
    assert [f.strip() for f in listed.split(",")] == list(METRICS)


@pytest.mark.parametrize("flag", ["--out", "--html"])
def test_a_run_or_report_into_a_folder_that_cannot_exist_is_refused_before_the_run(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    for target in (blocker / "run.json", Path("/proc/no-such-dir/run.json")):
        code, stdout, stderr = _run(
            ["eval", str(seeds_dir), "--backend", "rules", "-q", flag, str(target)], capsys
        )
        assert code == 2 and stdout == "", stderr  # refused before scoring anything
        assert stderr.count("\n") == 1 and str(target) in stderr and "Traceback" not in stderr


def test_a_misspelt_min_field_is_refused_before_anything_is_extracted(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []

    class Counting:
        name = "counting"

        def __init__(self, settings: Settings) -> None:
            pass

        def extract(self, article: Article) -> VisitExtraction:
            calls.append(article.id)
            return VisitExtraction(is_study_visit=False, backend=self.name)

    register_backend("counting", Counting)
    code, stdout, stderr = _run(
        ["eval", str(seeds_dir), "--backend", "counting", "-q", "--min", "visti=0.5"], capsys
    )
    assert code == 2 and calls == [] and stdout == ""
    assert stderr.count("\n") == 1 and "did you mean visit?" in stderr


def test_predictions_that_match_no_article_are_an_error(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{"id": f"other-{i}", "is_study_visit": False, "visits": []} for i in range(3)]
    preds = write_rows(tmp_path / "p.jsonl", rows)
    code, stdout, stderr = _run(["eval", str(seeds_dir), "--predictions", str(preds), "-q"], capsys)
    assert code == 2 and stdout == ""
    assert stderr.count("\n") == 1 and "none of the 3 predictions" in stderr
    assert "'other-0'" in stderr and str(preds) in stderr


def test_eval_takes_batchs_spellings_of_output_and_quiet(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preds = write_rows(tmp_path / "p.jsonl", gold_rows(seeds_dir))
    for flags in (["-o", str(tmp_path / "a.json")], ["--output", str(tmp_path / "b.json")]):
        code, _, err = _run(
            ["eval", str(seeds_dir), "--predictions", str(preds), "--no-progress", *flags],
            capsys,
        )
        assert code == 0, err
    assert (tmp_path / "a.json").is_file() and (tmp_path / "b.json").is_file()


def test_compare_help_is_compares_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["eval", "compare", "--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert out.startswith("usage: visit-extract eval compare") and "A.json" in out
    assert "--predictions" not in out


def test_a_run_in_which_every_article_failed_exits_1(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register_refusing("eval-broken", EmptyArticleError("refused on purpose"))
    code, _, stderr = _run(["eval", str(seeds_dir), "--backend", "eval-broken", "-q"], capsys)
    assert code == 1 and "no article was extracted" in stderr
