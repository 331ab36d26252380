"""The manifest folder: atomic records, one process at a time, states only forward,
and what a killed process left half made discarded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visit_extract.errors import InputError
from visit_extract.jobs.manifest import Manifest, read_json, write_json


def test_records_are_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    write_json(path, {"a": 1})
    write_json(path, {"a": 2})
    assert read_json(path) == {"a": 2}
    assert not list(tmp_path.glob("*.tmp"))
    path.write_text("{torn")
    with pytest.raises(InputError, match="damaged"):
        read_json(path)


def test_one_process_at_a_time(tmp_path: Path) -> None:
    with Manifest.create(tmp_path / "m", {"output": "o"}) as manifest:
        assert len(manifest.run) == 8
        with pytest.raises(InputError, match="another visit-extract process"):
            Manifest.open(tmp_path / "m")
    with Manifest.open(tmp_path / "m") as again:
        assert again.data["output"] == "o"
    with pytest.raises(InputError, match="already holds a run"):
        Manifest.create(tmp_path / "m", {})


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    Manifest.create(tmp_path / "m", {}).close()
    record = tmp_path / "m" / "manifest.json"
    record.write_text(json.dumps({**json.loads(record.read_text()), "format": 99}))
    with pytest.raises(InputError, match="format 99"):
        Manifest.open(tmp_path / "m")


def test_states_only_move_forward(tmp_path: Path) -> None:
    with Manifest.create(tmp_path / "m", {}) as manifest:
        job = manifest.new_job(1)
        job.advance("built", requests=3)
        job.advance("submitted")
        with pytest.raises(ValueError, match="back"):
            job.advance("built")
        (saved,) = manifest.jobs()
        assert saved.state == "submitted" and saved.data["requests"] == 3


def test_repair_discards_what_never_reached_the_provider(tmp_path: Path) -> None:
    with Manifest.create(tmp_path / "m", {}) as manifest:
        half = manifest.new_job(1)  # left "building" by a killed process
        parent = manifest.new_job(1)
        parent.provider["batch_id"] = "batch_1"
        parent.advance("downloaded")
        orphan = manifest.new_job(2, parent=parent.name)  # made while collecting the parent
        orphan.advance("built")
        kept = manifest.new_job(1)
        kept.advance("built")
        assert manifest.repair() == [half.name, orphan.name]
        assert [job.name for job in manifest.jobs()] == [parent.name, kept.name]
        # once the parent is collected, its follow-ups are kept
        child = manifest.new_job(2, parent=parent.name)
        child.advance("built")
        parent.advance("collected")
        assert manifest.repair() == []
        with pytest.raises(ValueError, match="submitted"):
            manifest.discard(parent)


def test_a_job_folder_a_killed_process_left_without_its_record_is_reused(
    tmp_path: Path,
) -> None:
    with Manifest.create(tmp_path / "m", {}) as manifest:
        first = manifest.new_job(1)
        (first.directory.parent / first.directory.name.replace("0001", "0002")).mkdir()
        second = manifest.new_job(1)
        assert second.directory.name.endswith("-r1-0002")
        assert [job.name for job in manifest.jobs()] == [first.name, second.name]
