"""The job manifest of a provider batch run: a folder that holds everything needed to
finish the run later, from it alone.

::

    DIR/manifest.json           the run: model and settings, prompt version, output file
    DIR/lock                    held (flock) by the process working on the run
    DIR/jobs/<name>/job.json    one job: its state, the provider's ids, its last status
    DIR/jobs/<name>/articles.jsonl   its articles (id, text, date), each with its custom_id
    DIR/jobs/<name>/requests.*  the job file while it is being submitted
    DIR/jobs/<name>/results/    the job's results, downloaded
    DIR/jobs/<name>/collected.jsonl  per article: the tokens its answer cost

Every record is replaced atomically (written beside, flushed, renamed), and a job's
state only moves forward: ``building`` (its files are being written; discarded on
resume), ``built``, ``submitted`` (the provider has it: ``provider`` holds its id),
``ended``, ``downloaded``, ``collected``. The provider modules write their own steps
into ``provider`` before and after each call, so a process killed anywhere resumes
without submitting a job twice.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from visit_extract.errors import InputError

FORMAT = 1
#: Job states, in the order a job goes through them.
STATES = ("building", "built", "submitted", "ended", "downloaded", "collected")


def write_json(path: Path, value: Any) -> None:
    """Replace ``path`` with ``value`` as JSON, atomically and durably."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(value, fh, ensure_ascii=False, indent=1, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _sync_dir(path.parent)


def _sync_dir(directory: Path) -> None:
    # The rename is durable only once the directory entry is; not every OS allows it.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_json(path: Path) -> Any:
    """The JSON in ``path``.

    Raises:
        InputError: the file is missing or not JSON.
    """
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except ValueError as exc:
        raise InputError(f"{path} is not valid JSON ({exc}); the manifest is damaged") from None


@dataclass
class JobRecord:
    """One job of the run, as saved in ``jobs/<name>/job.json``.

    Attributes:
        directory: the job's folder.
        data: the saved record (``name``, ``round``, ``state``, ``requests``, ``bytes``,
            ``provider``, ``status``, ``parent``...).
    """

    directory: Path
    data: dict[str, Any]

    @property
    def name(self) -> str:
        """The job's name (unique within the run)."""
        return str(self.data["name"])

    @property
    def state(self) -> str:
        """Where the job is (one of :data:`STATES`)."""
        return str(self.data["state"])

    @property
    def round(self) -> int:
        """1 for jobs of the input; 2, 3... for resubmissions and batch reasks."""
        return int(self.data.get("round", 1))

    @property
    def provider(self) -> dict[str, Any]:
        """The provider module's own record (file and job ids, steps started)."""
        record: dict[str, Any] = self.data.setdefault("provider", {})
        return record

    @property
    def batch_id(self) -> str | None:
        """The provider's id of the job, once submitted."""
        value = self.provider.get("batch_id")
        return str(value) if value else None

    @property
    def articles_path(self) -> Path:
        """The job's articles."""
        return self.directory / "articles.jsonl"

    @property
    def results_dir(self) -> Path:
        """Where the job's results are downloaded."""
        return self.directory / "results"

    @property
    def log_path(self) -> Path:
        """The per-article token log written while collecting."""
        return self.directory / "collected.jsonl"

    def requests_path(self, suffix: str) -> Path:
        """The job file handed to the provider."""
        return self.directory / f"requests{suffix}"

    def save(self) -> None:
        """Write the record (atomically)."""
        write_json(self.directory / "job.json", self.data)

    def advance(self, state: str, **changes: Any) -> None:
        """Move to ``state`` (never back) with ``changes``, and save."""
        if STATES.index(state) < STATES.index(self.state):
            raise ValueError(f"job {self.name} cannot go from {self.state} back to {state}")
        self.data.update(changes, state=state)
        self.save()

    def article_ids(self) -> Iterator[str]:
        """The ids of the job's articles."""
        with self.articles_path.open("rb") as fh:
            for line in fh:
                if line.strip():
                    yield str(json.loads(line)["id"])


class Manifest:
    """A run's folder, locked for the life of the object (``close()``).

    Args:
        directory: the manifest folder.
        data: the run record (``manifest.json``).
        lock: the open lock file.
    """

    def __init__(self, directory: Path, data: dict[str, Any], lock: IO[str]):
        self.directory = directory
        self.data = data
        self._lock: IO[str] | None = lock

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, directory: Path, data: dict[str, Any]) -> Manifest:
        """Start a new run in ``directory`` (created; must not hold a run yet)."""
        directory.mkdir(parents=True, exist_ok=True)
        lock = _lock(directory)
        if (directory / "manifest.json").exists():
            lock.close()
            raise InputError(f"{directory} already holds a run")
        record = {"format": FORMAT, "run": uuid.uuid4().hex[:8], "created": time.time(), **data}
        (directory / "jobs").mkdir(exist_ok=True)
        write_json(directory / "manifest.json", record)
        return cls(directory, record, lock)

    @classmethod
    def open(cls, directory: Path) -> Manifest:
        """Open the run in ``directory``.

        Raises:
            InputError: no run there, an unknown format, or another process holds it.
        """
        if not (directory / "manifest.json").is_file():
            raise InputError(
                f"{directory} holds no provider batch run (no manifest.json); give the "
                "folder `jobs submit` wrote (by default OUTPUT.jobs)"
            )
        lock = _lock(directory)
        data = read_json(directory / "manifest.json")
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            lock.close()
            raise InputError(
                f"{directory}/manifest.json is not a manifest this version can read "
                f"(format {data.get('format') if isinstance(data, dict) else '?'})"
            )
        return cls(directory, data, lock)

    def close(self) -> None:
        """Release the lock."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the run ---------------------------------------------------------------------------

    @property
    def run(self) -> str:
        """The run's short random id (part of every job and custom id)."""
        return str(self.data["run"])

    def save(self) -> None:
        """Write the run record."""
        write_json(self.directory / "manifest.json", self.data)

    # -- jobs ----------------------------------------------------------------------------------

    def jobs(self) -> list[JobRecord]:
        """Every job of the run, in creation order."""
        root = self.directory / "jobs"
        found = []
        for path in sorted(root.glob("*/job.json")):
            found.append(JobRecord(path.parent, read_json(path)))
        return found

    def new_job(self, round_: int, *, parent: str | None = None) -> JobRecord:
        """A new, empty job in state ``building``."""
        taken = {job.name for job in self.jobs()}
        seq = len(taken) + 1
        while f"{self.run}-r{round_}-{seq:04d}" in taken:
            seq += 1
        name = f"{self.run}-r{round_}-{seq:04d}"
        directory = self.directory / "jobs" / name
        # A process killed between this mkdir and the save below left the folder without
        # job.json: no job (jobs() skips it), so its name is free and the folder reused.
        directory.mkdir(parents=True, exist_ok=True)
        job = JobRecord(
            directory,
            {
                "name": name,
                "round": round_,
                "state": "building",
                "parent": parent,
                "created": time.time(),
            },
        )
        job.save()
        return job

    def discard(self, job: JobRecord) -> None:
        """Delete a job that was never submitted (its articles go back to be done again)."""
        if job.batch_id:
            raise ValueError(f"job {job.name} was submitted; it cannot be discarded")
        shutil.rmtree(job.directory)

    def repair(self) -> list[str]:
        """Discard what a killed process left half made; the names discarded.

        A job still ``building``, and a follow-up job whose parent was not yet marked
        collected (the parent is collected again and makes it anew), never reached the
        provider.
        """
        jobs = self.jobs()
        by_name = {job.name: job for job in jobs}
        dropped = []
        for job in jobs:
            parent = by_name.get(job.data.get("parent") or "")
            orphan = parent is not None and parent.state != "collected"
            if not job.batch_id and (job.state == "building" or orphan):
                self.discard(job)
                dropped.append(job.name)
        return dropped


def _lock(directory: Path) -> IO[str]:
    fh = (directory / "lock").open("a+", encoding="utf-8")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory lock
        return fh
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise InputError(
            f"another visit-extract process is working on {directory}; wait for it to "
            "finish (or stop it) and run the command again"
        ) from None
    return fh


__all__ = ["FORMAT", "STATES", "JobRecord", "Manifest", "read_json", "write_json"]
