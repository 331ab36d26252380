"""The JSON disk cache and its CLI."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from visit_extract.backends.llm.cache import ResultCache, cache_dir, cache_key
from visit_extract.cli import main
from visit_extract.config import Settings
from visit_extract.errors import VisitExtractWarning

BASE: dict[str, Any] = {
    "provider": "openai",
    "base_url": None,
    "model": "gpt-4o-mini",
    "prompt_version": "p1",
    "schema_version": "1",
    "text": "Bupati studi banding.",
    "published": date(2020, 1, 1),
    "sampling": {"temperature": 0.0, "max_tokens": 2048},
}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("provider", "ollama"),
        ("base_url", "http://127.0.0.1:8000/v1"),
        ("model", "gpt-4o"),
        ("prompt_version", "p2"),
        ("schema_version", "2"),
        ("text", "Bupati studi tiru."),
        ("published", None),
        ("sampling", {"temperature": 0.2, "max_tokens": 2048}),
    ],
)
def test_every_input_changes_the_key(field: str, value: Any) -> None:
    assert cache_key(**{**BASE, field: value}) != cache_key(**BASE)


def test_entries_are_json_not_pickle(tmp_path: Path) -> None:
    with ResultCache(tmp_path) as cache:
        cache.set("k", {"answer": {"is_study_visit": False}, "usage": {}})
        assert cache.get("k") is not None and cache.get("missing") is None
    rows = (
        sqlite3.connect(tmp_path / "cache.db").execute("SELECT mode, value FROM Cache").fetchall()
    )
    assert rows and all(mode != 4 for mode, _ in rows)  # diskcache MODE_PICKLE == 4


def test_cli_stats_and_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with ResultCache(tmp_path) as cache:
        cache.set("a", {"answer": {}})
        cache.set("b", {"answer": {}})
    assert main(["cache", "stats", "--cache-dir", str(tmp_path)]) == 0
    assert '"entries": 2' in capsys.readouterr().out
    assert main(["cache", "clear", "--cache-dir", str(tmp_path)]) == 0
    assert "removed 2" in capsys.readouterr().out
    with ResultCache(tmp_path) as cache:
        assert cache.stats()["entries"] == 0


def test_cache_dir_accepts_a_string(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path / "c"))  # type: ignore[arg-type]
    assert cache_dir(settings) == tmp_path / "c"


def _fill(directory: Path, n: int = 300) -> None:
    with ResultCache(directory) as cache:
        for i in range(n):
            cache.set(f"k{i}", {"answer": {"note": f"jawaban nomor {i} " * 20}})


def _cut(directory: Path, size: int = 5000) -> None:
    """What a full disk or a killed copy leaves: the database cut short."""
    with (directory / "cache.db").open("r+b") as fh:
        fh.truncate(size)


def _set_aside(parent: Path) -> list[Path]:
    return sorted(p for p in parent.iterdir() if p.name.startswith("llm.corrupt-"))


def test_a_cut_database_is_moved_aside_with_a_warning_and_rebuilt(tmp_path: Path) -> None:
    directory = tmp_path / "llm"
    _fill(directory)
    _cut(directory)
    with pytest.warns(VisitExtractWarning, match="corrupt") as caught:
        cache = ResultCache(directory)
    with cache:
        assert cache.stats()["entries"] == 0
        cache.set("k", {"answer": {}})
        assert cache.get("k") is not None
    (aside,) = _set_aside(tmp_path)
    assert (aside / "cache.db").stat().st_size == 5000  # kept for inspection, untouched
    assert str(aside) in str(caught[0].message)


def test_corruption_found_mid_run_is_a_miss_then_an_empty_cache(tmp_path: Path) -> None:
    directory = tmp_path / "llm"
    _fill(directory)
    size = (directory / "cache.db").stat().st_size
    with (directory / "cache.db").open("r+b") as fh:  # a bad page, the header intact
        fh.seek(size // 2)
        fh.write(b"\xff" * 8192)
    with ResultCache(directory) as cache, pytest.warns(VisitExtractWarning, match="corrupt"):
        answers = [cache.get(f"k{i}") for i in range(300)]
        assert any(a is None for a in answers)
        cache.set("fresh", {"answer": {}})
        assert cache.get("fresh") is not None
    assert len(_set_aside(tmp_path)) == 1


@pytest.mark.parametrize("action", ["stats", "clear"])
def test_cli_cache_commands_repair_a_corrupt_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], action: str
) -> None:
    directory = tmp_path / "llm"
    _fill(directory, n=20)
    _cut(directory)
    assert main(["cache", action, "--cache-dir", str(directory)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("visit-extract: warning: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert len(_set_aside(tmp_path)) == 1


def test_cli_stats_does_not_create_the_cache_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = tmp_path / "never-used"
    assert main(["cache", "stats", "--cache-dir", str(directory)]) == 0
    assert '"entries": 0' in capsys.readouterr().out
    assert main(["cache", "clear", "--cache-dir", str(directory)]) == 0
    assert "removed 0" in capsys.readouterr().out
    assert not directory.exists()
