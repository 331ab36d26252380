"""Shared fixtures. Tests never touch the network; what needs ../shared is skipped
(with the reason) when the project is used without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "evals" / "seeds"
DEV = SHARED / "corpus" / "dev"
DUMP = SHARED / "corpus" / "dump"


def require_shared(path: Path) -> Path:
    """Skip the calling test when ``path`` (under ../shared) is absent."""
    if not path.exists():
        pytest.skip(f"needs {path} (the project's ../shared data), which is absent here")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def dev_dir() -> Path:
    return require_shared(DEV)


@pytest.fixture
def dump_dir() -> Path:
    return require_shared(DUMP)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's keys, model or cache."""
    import os

    for var in list(os.environ):
        if var.startswith("VISIT_EXTRACT_") or var.endswith("_API_KEY"):
            monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("VISIT_EXTRACT_CACHE_DIR", str(tmp_path / "cache"))
