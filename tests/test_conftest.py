"""The shared-data guard of conftest.py: skip without ../shared, fail in CI."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


def _root_conftest() -> ModuleType:
    # Loaded by path: pytest loads conftest files as plugins, not as modules to import.
    path = Path(__file__).with_name("conftest.py")
    spec = importlib.util.spec_from_file_location("root_conftest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


require_shared = _root_conftest().require_shared


@pytest.mark.parametrize("ci", ["", "false", "1"])
def test_missing_shared_data_skips_outside_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="absent here"):
        require_shared(tmp_path / "shared" / "corpus" / "dev")


@pytest.mark.parametrize("ci", ["true", "TRUE"])
def test_missing_shared_data_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"CI=true, where \.\./shared must be present"):
        require_shared(tmp_path / "shared" / "corpus" / "dev")


def test_present_shared_data_is_returned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    assert require_shared(tmp_path) == tmp_path


def test_tests_using_shared_fixtures_are_marked_shared() -> None:
    class Item:
        def __init__(self, fixtures: tuple[str, ...]) -> None:
            self.fixturenames = fixtures
            self.marks: list[str] = []

        def add_marker(self, mark: pytest.MarkDecorator) -> None:
            self.marks.append(mark.name)

    items = [Item(("tmp_path", "dev_dir")), Item(("dump_dir",)), Item(("seeds_dir",))]
    _root_conftest().pytest_collection_modifyitems(items)
    assert [i.marks for i in items] == [["shared"], ["shared"], []]
