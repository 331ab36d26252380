"""Small helpers shared by the batch tests."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from visit_extract.schema import Article


def make_articles(n: int, prefix: str = "a") -> list[Article]:
    """``n`` short articles with ids ``<prefix>000``..."""
    return [
        Article(id=f"{prefix}{i:03d}", text=f"Berita nomor {i} tentang kunjungan kerja.")
        for i in range(n)
    ]


def write_jsonl(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSONL file (JSON values: Any, as the tests index and compare them)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class Clock:
    """A clock that moves only when a test sets ``now``."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now
