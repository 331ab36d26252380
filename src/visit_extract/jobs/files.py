"""The files of one provider batch job: its articles and the job file, written as the
job fills up, and read back (by custom id) when its results come in.

Each line of ``articles.jsonl`` is one request: the article (id, text, date, title),
its ``cid`` (custom id), the hash of the request body submitted for it, and for a
second batch round the earlier requests with the provider's answers (``replies``),
which collecting replays before the new answer. The job file is the provider's format
(:attr:`JobAPI.head`, elements joined by :attr:`JobAPI.sep`, :attr:`JobAPI.tail`);
both are flushed to disk before the job is marked ``built``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from visit_extract.backends.llm.jobs import Exchange, JobAPI, Request
from visit_extract.jobs.manifest import JobRecord, Manifest
from visit_extract.schema import Article


@dataclass(frozen=True)
class ArticleRecord:
    """One request of a job and the article it is for.

    Attributes:
        cid: the custom id it was submitted under.
        article: the article.
        sha256: the hash of the request body submitted.
        replies: earlier requests of the article in batch jobs, with their answers.
    """

    cid: str
    article: Article
    sha256: str
    replies: tuple[Exchange, ...] = field(default_factory=tuple)

    def to_json(self) -> bytes:
        """The record as one JSONL line."""
        a = self.article
        row: dict[str, Any] = {
            "cid": self.cid,
            "id": a.id,
            "sha256": self.sha256,
            "text": a.text,
            "published": a.published.isoformat() if a.published else None,
            "title": a.title,
            "url": a.url,
            "outlet": a.outlet,
        }
        if self.replies:
            row["replies"] = [
                {"sha256": r.sha256, "response": r.response.decode("utf-8")} for r in self.replies
            ]
        return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, line: bytes) -> ArticleRecord:
        """Read a line written by :meth:`to_json`."""
        row = json.loads(line)
        published = row.get("published")
        article = Article(
            id=row["id"],
            text=row["text"],
            published=date.fromisoformat(published) if published else None,
            title=row.get("title"),
            url=row.get("url"),
            outlet=row.get("outlet"),
        )
        replies = tuple(
            Exchange(r["sha256"], r["response"].encode("utf-8")) for r in row.get("replies") or ()
        )
        return cls(row["cid"], article, row["sha256"], replies)


class JobWriter:
    """Fills a job in state ``building`` until the provider's limits are reached.

    Args:
        job: the job (its folder exists).
        api: the provider's job API (file format and limits).
        suffix: the job file's extension.
    """

    def __init__(self, job: JobRecord, api: JobAPI, suffix: str):
        self.job = job
        self.api = api
        self.count = 0
        self.size = len(api.head) + len(api.tail)
        self._requests: IO[bytes] = job.requests_path(suffix).open("wb")
        self._articles: IO[bytes] = job.articles_path.open("wb")
        self._requests.write(api.head)

    def custom_id(self) -> str:
        """The custom id the next request gets (unique across the run's jobs)."""
        return f"{self.job.name}-{self.count:06d}"

    def add(self, record: ArticleRecord, request: Request) -> bool:
        """Append one request; False (nothing written) when it would break a limit.

        An empty job takes any request, so one larger than a whole job is written
        (and refused by the provider) rather than looping forever.
        """
        element = self.api.element(record.cid, request.body)
        extra = len(element) + (len(self.api.sep) if self.count else 0)
        limits = self.api.limits
        if self.count and (
            self.count + 1 > limits.max_requests or self.size + extra > limits.max_bytes
        ):
            return False
        if self.count:
            self._requests.write(self.api.sep)
        self._requests.write(element)
        self._articles.write(record.to_json())
        self.count += 1
        self.size += extra
        return True

    def finish(self) -> JobRecord:
        """Close the files durably and mark the job ``built``."""
        self._requests.write(self.api.tail)
        for fh in (self._requests, self._articles):
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        self.job.advance("built", requests=self.count, bytes=self.size)
        return self.job

    def abandon(self) -> None:
        """Close the files; the job stays ``building`` and is discarded on repair."""
        for fh in (self._requests, self._articles):
            fh.close()


class JobPacker:
    """Packs requests into consecutive jobs of one round, closing each one when full.

    Args:
        manifest: the run's manifest (where the jobs are made).
        api: the provider's job API (file format and limits).
        suffix: the job file's extension.
        round_: the round of the jobs made.
        parent: the job whose collection makes these (a follow-up round).
        on_full: called with each job as it is closed (``built``).
    """

    def __init__(
        self,
        manifest: Manifest,
        api: JobAPI,
        suffix: str,
        *,
        round_: int = 1,
        parent: str | None = None,
        on_full: Callable[[JobRecord], None] | None = None,
    ):
        self.manifest = manifest
        self.api = api
        self.suffix = suffix
        self.round = round_
        self.parent = parent
        self.on_full = on_full
        self.writer: JobWriter | None = None
        self.names: list[str] = []

    def add(self, article: Article, request: Request, replies: tuple[Exchange, ...] = ()) -> None:
        """Add one request, in a new job when the current one is full."""
        for _ in range(2):
            if self.writer is None:
                job = self.manifest.new_job(self.round, parent=self.parent)
                self.writer = JobWriter(job, self.api, self.suffix)
            record = ArticleRecord(self.writer.custom_id(), article, request.sha256, replies)
            if self.writer.add(record, request):
                return
            self.close()
        raise AssertionError("an empty job refused a request")  # pragma: no cover

    def close(self) -> None:
        """Close the current job, if it holds any request."""
        writer, self.writer = self.writer, None
        if writer is None:
            return
        if not writer.count:
            writer.abandon()
            return
        job = writer.finish()
        self.names.append(job.name)
        if self.on_full is not None:
            self.on_full(job)

    def abandon(self) -> None:
        """Leave the current job unfinished (discarded on repair)."""
        if self.writer is not None:
            self.writer.abandon()


class RecordReader:
    """Random access to a job's records by custom id (only the offsets are held).

    Args:
        job: a built job.
    """

    def __init__(self, job: JobRecord):
        self.offsets: dict[str, int] = {}
        self._fh = job.articles_path.open("rb")
        offset = 0
        for line in self._fh:
            if line.strip():
                self.offsets[_cid(line)] = offset
            offset += len(line)

    def get(self, cid: str) -> ArticleRecord | None:
        """The record submitted under ``cid`` (None: not a request of this job)."""
        offset = self.offsets.get(cid)
        if offset is None:
            return None
        self._fh.seek(offset)
        return ArticleRecord.from_json(self._fh.readline())

    def __iter__(self) -> Iterator[str]:
        return iter(self.offsets)

    def close(self) -> None:
        """Close the file."""
        self._fh.close()


def _cid(line: bytes) -> str:
    # Every record starts with its cid: read it without parsing the article text.
    if line.startswith(b'{"cid": "'):
        end = line.find(b'"', 9)
        if end > 9:
            return line[9:end].decode()
    return str(json.loads(line)["cid"])


__all__ = ["ArticleRecord", "JobPacker", "JobWriter", "RecordReader"]
