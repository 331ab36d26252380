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
