"""Helpers of the provider batch job tests: invented dumps and settings for the fake."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from fakejobs import FakeJobServer

from visit_extract.config import Settings

MODELS = {"openai": "openai/gpt-4o-mini", "anthropic": "anthropic/claude-3-5-haiku-latest"}

#: Invented reports: a regency delegation learning from a city (passes the pre-filter).
RELEVANT = (
    "Rombongan DPRD Kabupaten Sukamaju nomor {i} melakukan studi banding ke Kota Harapan "
    "untuk belajar pengelolaan pasar tradisional."
)
#: Invented news that is no study visit (stopped by the pre-filter).
IRRELEVANT = "Harga cabai rawit di pasar induk naik lagi minggu ini, kata pedagang nomor {i}."


def write_dump(path: Path, n: int, *, irrelevant_every: int = 0) -> list[str]:
    """A JSONL dump of ``n`` invented articles; the ids."""
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            article_id = f"art-{i:04d}"
            ids.append(article_id)
            bad = irrelevant_every and i % irrelevant_every == 0
            text = (IRRELEVANT if bad else RELEVANT).format(i=i)
            fh.write(json.dumps({"id": article_id, "text": text, "published": "2024-03-04"}) + "\n")
    return ids


def job_settings(fake: FakeJobServer, provider: str, tmp_path: Path, **kw: Any) -> Settings:
    """Settings that reach the fake, with an answer cache in ``tmp_path``."""
    return Settings(
        model=MODELS[provider],
        base_url=fake.url if provider == "openai" else fake.root,
        api_key="test-key",
        cache_dir=tmp_path / "cache",
        transport_max_wait_s=0.01,
        transport_total_s=10.0,
        **kw,
    )


def rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a results file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def row_ids(path: Path) -> Counter[str]:
    """How many rows each id has."""
    return Counter(str(r["id"]) for r in rows(path))


def kind(row: dict[str, Any]) -> str:
    """``ok``, ``skipped`` or ``error:<type>``."""
    if "error" in row:
        return "error:" + str(row["error"]["type"])
    return "skipped" if "skipped" in row else "ok"
