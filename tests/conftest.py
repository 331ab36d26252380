"""Shared fixtures. Tests never touch the network; what needs ../shared is skipped
(with the reason) when the project is used without it, except in CI (``CI=true``),
where a missing ../shared fails those tests: CI always has it, so its absence is a
broken setup, not a reason to pass."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The fake servers and helpers of the batch and job tests are plain modules (tests/batch,
# tests/jobs); the CLI and LLM job tests use them too.
for _helpers in (ROOT / "tests" / "batch", ROOT / "tests" / "jobs"):
    if str(_helpers) not in sys.path:
        sys.path.insert(0, str(_helpers))
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "evals" / "seeds"
DEV = SHARED / "corpus" / "dev"
DUMP = SHARED / "corpus" / "dump"


def in_ci() -> bool:
    """Whether this run is CI's (``CI=true``, as CI sets it)."""
    return os.environ.get("CI", "").strip().lower() == "true"


def require_shared(path: Path) -> Path:
    """Skip the calling test when ``path`` (under ../shared) is absent; fail it in CI."""
    if not path.exists():
        reason = f"needs {path} (the project's ../shared data), which is absent here"
        if in_ci():
            pytest.fail(f"{reason}; CI=true, where ../shared must be present", pytrace=False)
        pytest.skip(reason)
    return path


_SHARED_FIXTURES = frozenset({"dev_dir", "dump_dir"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses ../shared ``shared``, so ``-m "not shared"`` works."""
    for item in items:
        if _SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.shared)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``shared`` by hand is skipped (failed in CI) without ../shared."""
    if item.get_closest_marker("shared") is not None:
        require_shared(SHARED)


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
