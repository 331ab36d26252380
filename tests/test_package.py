"""The package surface the README promises: top-level entry points and its first example."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import visit_extract
from visit_extract.batch import extract_many
from visit_extract.eval import evaluate

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves() -> None:
    missing = [name for name in visit_extract.__all__ if not hasattr(visit_extract, name)]
    assert missing == []


def test_one_entry_point_per_job_at_the_top() -> None:
    assert visit_extract.extract_many is extract_many
    assert visit_extract.evaluate is evaluate
    assert callable(visit_extract.extract_visit)


def test_readme_python_example_runs_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it from Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None, "README lost its 'Use it from Python' example"
    for var in ("VISIT_EXTRACT_MODEL", "VISIT_EXTRACT_BACKEND", "VISIT_EXTRACT_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.group(1), "README.md", "exec"), {})
    printed = out.getvalue()
    # examples/article.txt reports delegations visiting Banyuwangi; no key is needed.
    assert printed.splitlines()[0] == "True rules"
    assert "-> Kabupaten Banyuwangi" in printed
