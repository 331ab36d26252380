"""A local fake of the providers' batch-job APIs, with fault injection.

It implements the documented endpoints and shapes of

* the OpenAI Batch API: ``POST /v1/files`` (multipart, ``purpose=batch``), ``GET
  /v1/files`` (list), ``GET /v1/files/{id}/content``, ``POST /v1/batches``, ``GET
  /v1/batches/{id}``, ``GET /v1/batches`` (list, newest first), ``POST
  /v1/batches/{id}/cancel``; output lines ``{"id", "custom_id", "response":
  {"status_code", "request_id", "body"}, "error"}``, failures in the error file
  (``error.code`` ``batch_expired`` / ``batch_cancelled``, or a non-200 response);
* Anthropic's Message Batches: ``POST /v1/messages/batches``, ``GET
  /v1/messages/batches/{id}``, ``GET /v1/messages/batches`` (list), ``POST
  .../cancel``, ``GET .../results`` (``{"custom_id", "result": {"type": "succeeded",
  "message"} | {"type": "errored", "error"} | {"type": "canceled"} | {"type":
  "expired"}}``);
* and the live endpoints both providers' reasks go to (``POST /v1/chat/completions``,
  ``POST /v1/messages``).

Answers are a minimal valid instance of the tool schema each request sends (or a
fixed answer), as tool calls; usage counts a repeated prefix as cached (OpenAI:
automatically, from 1,024 tokens, in steps of 128; Anthropic: up to a ``cache_control``
block, written the first time and read after). Faults: a slow job, a job that expires
part done, per-request errors (server errors, refusals), schema-invalid answers, 5xx on
status polls, and a delay between creating a job and answering the creation (to kill a
client while it waits). ``GET /_stats`` returns the counters, including requests
submitted more than once. Standard library only; ``python tests/jobs/fakejobs.py``
runs it on its own and prints its URL.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import mmap
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

if __name__ == "__main__":  # run as a script: the fake chat server sits in tests/batch
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))

from fakeserver import (
    LoopbackServer,
    ServerProcess,
    chat_completion,
    invalid_instance,
    minimal_instance,
    serve,
)


@dataclass(frozen=True)
class JobFaults:
    """What the fake does besides answering correctly.

    Attributes:
        job_s: seconds from a job's creation to its end (a slow job; changing it
            changes the jobs already running).
        expire_at: the job expires when this share of it is done (0.5: half done).
        rate_error: share of requests that fail with a server error (worth retrying).
        rate_refused: share refused as invalid requests (not worth retrying).
        rate_invalid: share of answers in jobs whose tool arguments break the schema (a
            reask in a job is answered right).
        live_rate_invalid: the same for live requests (reasks).
        poll_500_every: every Nth status poll answers 500.
        create_delay_s: a job is created, then its creation is answered this late.
        upload_delay_s: a file is stored, then its upload is answered this late.
        answer: tool arguments (a JSON object) for every answer, instead of the
            schema's minimal instance.
        fail_jobs: OpenAI jobs fail validation as a whole (status ``failed``).
        live_latency_s: delay before answering a live request.
        seed: seed of the fault draws (per request body, so repeatable).
    """

    job_s: float = 0.0
    expire_at: float | None = None
    rate_error: float = 0.0
    rate_refused: float = 0.0
    rate_invalid: float = 0.0
    live_rate_invalid: float = 0.0
    poll_500_every: int = 0
    create_delay_s: float = 0.0
    upload_delay_s: float = 0.0
    answer: str | None = None
    fail_jobs: bool = False
    live_latency_s: float = 0.0
    seed: int = 0


def _digest(body: Any) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _now_iso(t: float) -> str:
    return datetime.fromtimestamp(t, tz=timezone.utc).isoformat().replace("+00:00", "Z")


def _draw(seed: int, key: str) -> float:
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


class FakeJobServer(LoopbackServer):
    """The fake on 127.0.0.1 in a background thread; a context manager.

    Attributes:
        url: the OpenAI base URL (``http://127.0.0.1:<port>/v1``).
        root: the same server for Anthropic (``http://127.0.0.1:<port>``).
        stats: counters (``requests_submitted``, ``duplicate_custom_ids``,
            ``duplicate_bodies``, ``batches_created``, ``files_uploaded``, ``polls``,
            ``polls_500``, ``live_requests``...).
    """

    def __init__(self, faults: JobFaults | None = None, *, port: int = 0) -> None:
        self.faults = faults or JobFaults()
        self.stats: Counter[str] = Counter()
        self.lock = threading.RLock()
        self.dir = Path(tempfile.mkdtemp(prefix="fakejobs-"))
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.custom_ids: Counter[str] = Counter()
        self.bodies: Counter[str] = Counter()
        self.prefixes: set[str] = set()
        #: Raw bodies of live requests, as they arrived (to compare with job bodies).
        self.live_bodies: list[bytes] = []
        self._seq = 0
        super().__init__(_handler(self), port)

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return self.root + "/v1"

    def set_faults(self, **changes: Any) -> None:
        with self.lock:
            self.faults = replace(self.faults, **changes)

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def new_id(self, prefix: str) -> str:
        with self.lock:
            self._seq += 1
            return f"{prefix}{self._seq:06d}{random.getrandbits(24):06x}"

    def snapshot(self) -> dict[str, int]:
        with self.lock:
            out = dict(self.stats)
            out["duplicate_custom_ids"] = sum(1 for n in self.custom_ids.values() if n > 1)
            out["duplicate_bodies"] = sum(1 for n in self.bodies.values() if n > 1)
            out["distinct_custom_ids"] = len(self.custom_ids)
            return out

    # -- answers ---------------------------------------------------------------------------

    def arguments(self, schema: dict[str, Any], key: str, rate_invalid: float) -> Any:
        if _draw(self.faults.seed, "invalid:" + key) < rate_invalid:
            return invalid_instance(schema)
        if self.faults.answer is not None:
            return json.loads(self.faults.answer)
        return minimal_instance(schema)

    def openai_answer(
        self, request: dict[str, Any], key: str, rate_invalid: float, *, fix_reasks: bool = False
    ) -> dict[str, Any]:
        tools = request.get("tools") or []
        function = tools[0].get("function", {}) if tools else {}
        if fix_reasks and len(request.get("messages") or []) > 2:
            rate_invalid = 0.0
        args = json.dumps(self.arguments(function.get("parameters") or {}, key, rate_invalid))
        messages = request.get("messages") or []
        prefix = json.dumps(tools) + (
            str(messages[0].get("content"))
            if messages and messages[0].get("role") == "system"
            else ""
        )
        prompt = len(json.dumps(request)) // 4
        prefix_tokens = len(prefix) // 4
        cached = 0
        with self.lock:
            digest = hashlib.sha256(prefix.encode()).hexdigest()
            if digest in self.prefixes and prefix_tokens >= 1024:
                cached = prefix_tokens // 128 * 128
            self.prefixes.add(digest)
        return chat_completion(
            args,
            tool=function.get("name", "tool"),
            tokens=(prompt, max(1, len(args) // 4)),
            cached_tokens=cached,
            model=request.get("model", "fake"),
            completion_id="chatcmpl-" + key[-12:],
            call_id="call_" + key[-8:],
        )

    def anthropic_answer(
        self, params: dict[str, Any], key: str, rate_invalid: float, *, fix_reasks: bool = False
    ) -> dict[str, Any]:
        tools = params.get("tools") or []
        tool = tools[0] if tools else {}
        if fix_reasks and len(params.get("messages") or []) > 1:
            rate_invalid = 0.0
        args = self.arguments(tool.get("input_schema") or {}, key, rate_invalid)
        system = params.get("system")
        marked = isinstance(system, list) and any(
            isinstance(b, dict) and b.get("cache_control") for b in system
        )
        total = len(json.dumps(params)) // 4
        read = write = 0
        if marked:
            prefix = json.dumps(tools) + json.dumps(system)
            prefix_tokens = len(prefix) // 4
            with self.lock:
                digest = hashlib.sha256(prefix.encode()).hexdigest()
                if digest in self.prefixes:
                    read = prefix_tokens
                else:
                    write = prefix_tokens
                self.prefixes.add(digest)
        return {
            "id": "msg_" + key[-12:],
            "type": "message",
            "role": "assistant",
            "model": params.get("model", "fake"),
            "content": [
                {
                    "type": "tool_use",
                    "id": "toolu_" + key[-8:],
                    "name": tool.get("name", "tool"),
                    "input": args,
                }
            ],
            "stop_reason": "tool_use",
            "stop_sequence": None,
            "usage": {
                "input_tokens": max(0, total - read - write),
                "output_tokens": max(1, len(json.dumps(args)) // 4),
                "cache_creation_input_tokens": write,
                "cache_read_input_tokens": read,
            },
        }

    # -- jobs ----------------------------------------------------------------------------------

    def register(self, batch: dict[str, Any], elements: Any) -> None:
        """Count the requests of a new job (the submission) and start it."""
        n = 0
        with self.lock:
            for cid, body in elements:
                n += 1
                self.custom_ids[cid] += 1
                self.bodies[
                    hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
                ] += 1
            self.stats["requests_submitted"] += n
            self.stats["batches_created"] += 1
            batch["n"] = n
            batch["created"] = time.time()
            batch["status"] = "in_progress"
            self.batches[batch["id"]] = batch
        threading.Thread(target=self._run, args=(batch,), daemon=True).start()

    def _run(self, batch: dict[str, Any]) -> None:
        # The job time is read on every turn: a test may shorten it while jobs run.
        while time.time() < batch["created"] + self.faults.job_s and not batch.get("cancel_at"):
            time.sleep(0.02)
        share = 1.0
        ending = "completed"
        if batch.get("cancel_at"):
            elapsed = batch["cancel_at"] - batch["created"]
            share = min(1.0, elapsed / self.faults.job_s) if self.faults.job_s else 1.0
            ending = "cancelled"
        elif self.faults.expire_at is not None:
            share, ending = self.faults.expire_at, "expired"
        with self.lock:
            batch["status"] = "finalizing"
            if self.faults.fail_jobs and batch["kind"] == "openai":
                batch["status"] = "failed"
                message = "model: the model fake-missing does not exist"
                batch["errors"] = {"object": "list", "data": [{"line": 1, "message": message}]}
                batch["counts"] = {}
                return
        try:
            _finish(self, batch, int(batch["n"] * share), ending)
        except Exception as exc:  # pragma: no cover - a fake bug must show, not hang
            with self.lock:
                batch["status"] = "failed"
                batch["errors"] = {"object": "list", "data": [{"message": repr(exc)}]}


def _elements_openai(path: Path) -> Any:
    with path.open("rb") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                yield row["custom_id"], row["body"]


def _elements_anthropic(path: Path) -> Any:
    with path.open("rb") as fh:
        head = fh.read(16)
        fh.seek(0)
        if head.startswith(b'{"requests":[\n'):
            fh.readline()
            for line in fh:
                line = line.strip().rstrip(b",")
                if line and line != b"]}":
                    row = json.loads(line)
                    yield row["custom_id"], row["params"]
            return
        for row in json.load(fh)["requests"]:
            yield row["custom_id"], row["params"]


def _finish(server: FakeJobServer, batch: dict[str, Any], processed: int, ending: str) -> None:
    """Write a job's results (requests after ``processed`` end as ``ending``)."""
    f = server.faults
    anthropic = batch["kind"] == "anthropic"
    out_path = server.dir / f"{batch['id']}.out"
    err_path = server.dir / f"{batch['id']}.err"
    counts: Counter[str] = Counter()
    elements = (
        _elements_anthropic(batch["input"]) if anthropic else _elements_openai(batch["input"])
    )
    with out_path.open("w", encoding="utf-8") as out, err_path.open("w", encoding="utf-8") as err:
        drawing = f.rate_error or f.rate_refused or f.rate_invalid
        for index, (cid, body) in enumerate(elements):
            key = f"{batch['id']}:{cid}"
            # Faults are drawn per request body: the same request (an article submitted
            # again) draws the same fault, whatever job and custom id it comes under.
            draw_key = _digest(body) if drawing else key
            draw = _draw(f.seed, "error:" + draw_key)
            if index >= processed:
                kind = "expired" if ending == "expired" else "canceled"
            elif draw < f.rate_error:
                kind = "error"
            elif draw < f.rate_error + f.rate_refused:
                kind = "refused"
            else:
                kind = "ok"
            counts[kind] += 1
            if anthropic:
                result: dict[str, Any]
                if kind == "ok":
                    result = {
                        "type": "succeeded",
                        "message": server.anthropic_answer(
                            body, draw_key, f.rate_invalid, fix_reasks=True
                        ),
                    }
                elif kind in ("expired", "canceled"):
                    result = {"type": kind}
                else:
                    etype = "api_error" if kind == "error" else "invalid_request_error"
                    result = {
                        "type": "errored",
                        "error": {
                            "type": "error",
                            "error": {"type": etype, "message": f"fake {etype}"},
                        },
                    }
                out.write(json.dumps({"custom_id": cid, "result": result}) + "\n")
                continue
            row: dict[str, Any] = {
                "id": "batch_req_" + key[-10:],
                "custom_id": cid,
                "response": None,
                "error": None,
            }
            if kind == "ok":
                answer = server.openai_answer(body, draw_key, f.rate_invalid, fix_reasks=True)
                row["response"] = {"status_code": 200, "request_id": "req_" + cid, "body": answer}
                out.write(json.dumps(row) + "\n")
                continue
            if kind in ("expired", "canceled"):
                code = "batch_expired" if kind == "expired" else "batch_cancelled"
                row["error"] = {"code": code, "message": f"request not run: {code}"}
            else:
                status = 500 if kind == "error" else 400
                etype = "server_error" if kind == "error" else "invalid_request_error"
                row["response"] = {
                    "status_code": status,
                    "request_id": "req_" + cid,
                    "body": {"error": {"message": f"fake {etype}", "type": etype}},
                }
            err.write(json.dumps(row) + "\n")
    with server.lock:
        batch["counts"] = dict(counts)
        batch["ended"] = time.time()
        if anthropic:
            batch["status"] = "ended"
            batch["results"] = out_path
            return
        for path, key in ((out_path, "output_file_id"), (err_path, "error_file_id")):
            if path.stat().st_size:
                file_id = server.new_id("file-")
                server.files[file_id] = {
                    "id": file_id,
                    "path": path,
                    "filename": path.name,
                    "purpose": "batch_output",
                    "bytes": path.stat().st_size,
                    "created_at": int(time.time()),
                }
                batch[key] = file_id
        batch["status"] = ending


def _openai_batch(batch: dict[str, Any]) -> dict[str, Any]:
    counts = batch.get("counts") or {}
    done = batch["status"] in ("completed", "expired", "cancelled", "failed")
    failed = sum(n for k, n in counts.items() if k != "ok") if done else 0
    completed = counts.get("ok", 0) if done else 0
    if not done and batch["status"] == "in_progress" and batch.get("job_s"):
        completed = min(
            batch["n"], int(batch["n"] * (time.time() - batch["created"]) / batch["job_s"])
        )
    return {
        "id": batch["id"],
        "object": "batch",
        "endpoint": batch["endpoint"],
        "errors": batch.get("errors"),
        "input_file_id": batch["input_file_id"],
        "completion_window": "24h",
        "status": batch["status"],
        "output_file_id": batch.get("output_file_id"),
        "error_file_id": batch.get("error_file_id"),
        "created_at": int(batch["created"]),
        "expires_at": int(batch["created"]) + 86400,
        "request_counts": {"total": batch["n"], "completed": completed, "failed": failed},
        "metadata": batch.get("metadata"),
    }


def _anthropic_batch(batch: dict[str, Any], root: str) -> dict[str, Any]:
    ended = batch["status"] == "ended"
    counts = batch.get("counts") or {}
    if ended:
        request_counts = {
            "processing": 0,
            "succeeded": counts.get("ok", 0),
            "errored": counts.get("error", 0) + counts.get("refused", 0),
            "canceled": counts.get("canceled", 0),
            "expired": counts.get("expired", 0),
        }
    else:
        request_counts = {
            "processing": batch["n"],
            "succeeded": 0,
            "errored": 0,
            "canceled": 0,
            "expired": 0,
        }
    return {
        "id": batch["id"],
        "type": "message_batch",
        "processing_status": "ended"
        if ended
        else ("canceling" if batch.get("cancel_at") else "in_progress"),
        "request_counts": request_counts,
        "created_at": _now_iso(batch["created"]),
        "expires_at": _now_iso(batch["created"] + 86400),
        "ended_at": _now_iso(batch["ended"]) if ended else None,
        "cancel_initiated_at": _now_iso(batch["cancel_at"]) if batch.get("cancel_at") else None,
        "archived_at": None,
        "results_url": f"{root}/v1/messages/batches/{batch['id']}/results" if ended else None,
    }


def _read_body(handler: BaseHTTPRequestHandler, dest: Path) -> int:
    length = int(handler.headers.get("Content-Length") or 0)
    left = length
    with dest.open("wb") as fh:
        while left:
            chunk = handler.rfile.read(min(left, 1 << 20))
            if not chunk:
                break
            fh.write(chunk)
            left -= len(chunk)
    return length


def _multipart_file(raw: Path, content_type: str, dest: Path) -> tuple[str, dict[str, str]]:
    """Copy the file part of a multipart body to ``dest``; the file name and the fields."""
    boundary = content_type.split("boundary=", 1)[1].strip('"').encode()
    fields_: dict[str, str] = {}
    filename = "upload.jsonl"
    with raw.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        pos = data.find(b"--" + boundary)
        while pos >= 0:
            start = pos + len(boundary) + 2
            if data[start : start + 2] == b"--":
                break
            head_end = data.find(b"\r\n\r\n", start)
            headers = data[start:head_end].decode("utf-8", "replace")
            nxt = data.find(b"\r\n--" + boundary, head_end)
            content_start = head_end + 4
            name = headers.split('name="', 1)[1].split('"', 1)[0] if 'name="' in headers else ""
            if 'filename="' in headers:
                filename = headers.split('filename="', 1)[1].split('"', 1)[0]
                with dest.open("wb") as out:
                    for i in range(content_start, nxt, 1 << 20):
                        out.write(data[i : min(nxt, i + (1 << 20))])
            else:
                fields_[name] = data[content_start:nxt].decode()
            pos = nxt + 2
    return filename, fields_


def _handler(server: FakeJobServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _json(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _file(self, path: Path) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(path.stat().st_size))
            self.end_headers()
            with path.open("rb") as fh:
                shutil.copyfileobj(fh, self.wfile, 1 << 20)
            with server.lock:
                server.stats["results_downloaded"] += 1

        def _error(self, status: int, message: str, kind: str = "invalid_request_error") -> None:
            if self._anthropic():
                self._json(status, {"type": "error", "error": {"type": kind, "message": message}})
            else:
                self._json(status, {"error": {"message": message, "type": kind}})

        def _anthropic(self) -> bool:
            return "/v1/messages" in self.path

        def _authorised(self) -> bool:
            if self.path.startswith("/_"):
                return True
            # Anthropic documents x-api-key; its newer SDKs send a bearer token. Any key
            # but "bad-key" is accepted.
            auth = self.headers.get("Authorization", "")
            key = auth[7:] if auth.startswith("Bearer ") else ""
            if self._anthropic() and not key:
                key = self.headers.get("x-api-key", "")
            ok = bool(key) and key != "bad-key"
            if not ok:
                self._error(401, "missing API key", "authentication_error")
            return ok

        def do_GET(self) -> None:
            if not self._authorised():
                return
            url = urlparse(self.path)
            parts = [p for p in url.path.split("/") if p]
            query = {k: v[-1] for k, v in parse_qs(url.query).items()}
            if parts == ["_stats"]:
                return self._json(200, server.snapshot())
            if parts[:2] == ["v1", "files"]:
                return self._get_files(parts[2:], query)
            if parts[:2] == ["v1", "batches"] or parts[:3] == ["v1", "messages", "batches"]:
                return self._get_batches(parts[3:] if self._anthropic() else parts[2:], query)
            self._error(404, f"no route {url.path}")

        def _get_files(self, rest: list[str], query: dict[str, str]) -> None:
            with server.lock:
                files = [
                    f
                    for f in server.files.values()
                    if f["purpose"] == query.get("purpose", f["purpose"])
                ]
            if not rest:
                files.sort(key=lambda f: f["id"], reverse=True)
                return self._json(
                    200,
                    {"object": "list", "data": [_file_obj(f) for f in files], "has_more": False},
                )
            item = server.files.get(rest[0])
            if item is None:
                return self._error(404, f"no file {rest[0]}")
            if rest[1:] == ["content"]:
                return self._file(item["path"])
            return self._json(200, _file_obj(item))

        def _get_batches(self, rest: list[str], query: dict[str, str]) -> None:
            anthropic = self._anthropic()
            kind = "anthropic" if anthropic else "openai"
            with server.lock:
                if not rest:
                    items = sorted(
                        (b for b in server.batches.values() if b["kind"] == kind),
                        key=lambda b: b["id"],
                        reverse=True,
                    )
                    after = query.get("after_id" if anthropic else "after")
                    if after:
                        ids = [b["id"] for b in items]
                        items = items[ids.index(after) + 1 :] if after in ids else []
                    limit = int(query.get("limit") or 20)
                    page, more = items[:limit], len(items) > limit
                    data = [
                        _anthropic_batch(b, server.root) if anthropic else _openai_batch(b)
                        for b in page
                    ]
                    body: dict[str, Any] = {"data": data, "has_more": more}
                    body.update(
                        {
                            "first_id": data[0]["id"] if data else None,
                            "last_id": data[-1]["id"] if data else None,
                        }
                    )
                    if not anthropic:
                        body["object"] = "list"
                    return self._json(200, body)
                batch = server.batches.get(rest[0])
                if batch is None:
                    return self._error(404, f"no batch {rest[0]}", "not_found_error")
                if rest[1:] == ["results"]:
                    if batch["status"] != "ended":
                        return self._error(400, "batch has not ended")
                    path = batch["results"]
                else:
                    path = None
                    server.stats["polls"] += 1
                    every = server.faults.poll_500_every
                    if every and server.stats["polls"] % every == 0:
                        server.stats["polls_500"] += 1
                        return self._error(500, "fake poll failure", "api_error")
                    body = (
                        _anthropic_batch(batch, server.root) if anthropic else _openai_batch(batch)
                    )
            if path is not None:
                return self._file(path)
            self._json(200, body)

        def do_POST(self) -> None:
            if not self._authorised():
                return
            url = urlparse(self.path)
            parts = [p for p in url.path.split("/") if p]
            raw = server.dir / f"req-{threading.get_ident()}-{time.monotonic_ns()}"
            _read_body(self, raw)
            try:
                self._post(parts, raw)
            finally:
                raw.unlink(missing_ok=True)

        def _post(self, parts: list[str], raw: Path) -> None:
            # A file or job object, made or looked up (None: not found) by the branches.
            item: dict[str, Any] | None
            batch: dict[str, Any] | None
            if parts == ["_faults"]:
                server.set_faults(**json.loads(raw.read_bytes()))
                return self._json(200, asdict(server.faults))
            if parts == ["v1", "files"]:
                file_id = server.new_id("file-")
                dest = server.dir / file_id
                filename, form = _multipart_file(raw, self.headers.get("Content-Type", ""), dest)
                item = {
                    "id": file_id,
                    "path": dest,
                    "filename": filename,
                    "purpose": form.get("purpose", ""),
                    "bytes": dest.stat().st_size,
                    "created_at": int(time.time()),
                }
                with server.lock:
                    server.files[file_id] = item
                    server.stats["files_uploaded"] += 1
                time.sleep(server.faults.upload_delay_s)
                return self._json(200, _file_obj(item))
            if parts == ["v1", "batches"]:
                request = json.loads(raw.read_bytes())
                item = server.files.get(request.get("input_file_id", ""))
                if item is None or item["purpose"] != "batch":
                    return self._error(400, "input_file_id is not a batch file")
                batch = {
                    "id": server.new_id("batch_"),
                    "kind": "openai",
                    "input": item["path"],
                    "input_file_id": item["id"],
                    "endpoint": request.get("endpoint"),
                    "metadata": request.get("metadata"),
                    "job_s": server.faults.job_s,
                }
                server.register(batch, _elements_openai(item["path"]))
                time.sleep(server.faults.create_delay_s)
                return self._json(200, _openai_batch(batch))
            if parts == ["v1", "messages", "batches"]:
                stored = server.dir / server.new_id("body-")
                shutil.copyfile(raw, stored)
                batch = {"id": server.new_id("msgbatch_"), "kind": "anthropic", "input": stored}
                server.register(batch, _elements_anthropic(stored))
                time.sleep(server.faults.create_delay_s)
                return self._json(200, _anthropic_batch(batch, server.root))
            if len(parts) in (4, 5) and parts[-1] == "cancel":
                batch = server.batches.get(parts[-2])
                if batch is None:
                    return self._error(404, f"no batch {parts[-2]}", "not_found_error")
                with server.lock:
                    if batch["status"] in ("in_progress", "validating"):
                        batch["cancel_at"] = time.time()
                        if batch["kind"] == "openai":
                            batch["status"] = "cancelling"
                    server.stats["cancels"] += 1
                    body = (
                        _anthropic_batch(batch, server.root)
                        if batch["kind"] == "anthropic"
                        else _openai_batch(batch)
                    )
                return self._json(200, body)
            if parts in (["v1", "chat", "completions"], ["v1", "messages"]):
                data = raw.read_bytes()
                request = json.loads(data)
                with server.lock:
                    server.live_bodies.append(data)
                    server.stats["live_requests"] += 1
                    key = f"live{server.stats['live_requests']}"
                rate = server.faults.live_rate_invalid
                time.sleep(server.faults.live_latency_s)
                if parts[-1] == "messages":
                    return self._json(200, server.anthropic_answer(request, key, rate))
                return self._json(200, server.openai_answer(request, key, rate))
            self._error(404, f"no route /{'/'.join(parts)}")

    return Handler


def _file_obj(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "object": "file",
        "bytes": item["bytes"],
        "created_at": item["created_at"],
        "filename": item["filename"],
        "purpose": item["purpose"],
        "status": "processed",
    }


class JobServerProcess(ServerProcess):
    """:class:`FakeJobServer` in a child process (so its CPU is not the client's); the
    child is stopped as :class:`fakeserver.ServerProcess` stops its own."""

    def __init__(self, faults: JobFaults | None = None) -> None:
        args = [sys.executable, __file__, "--faults", json.dumps(asdict(faults or JobFaults()))]
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent)}
        self._spawn(args, "fake job server", env)
        self.root = self.url[: -len("/v1")]

    @property
    def stats(self) -> Counter[str]:
        return Counter(self._get(self.root + "/_stats", timeout=10))

    def stop(self) -> None:
        # SIGTERM first: the child then deletes its stored job files (gigabytes in a
        # benchmark) before it exits.
        self._proc.terminate()
        try:
            self._proc.wait(timeout=30)
        except Exception:
            super().stop()


def main() -> None:  # pragma: no cover - manual use and JobServerProcess
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--faults", default="{}", help="JobFaults as JSON")
    for f in fields(JobFaults):
        parser.add_argument("--" + f.name.replace("_", "-"), dest=f.name)
    args = parser.parse_args()
    values = json.loads(args.faults)
    for f in fields(JobFaults):
        raw = getattr(args, f.name)
        if raw is not None:
            values[f.name] = raw if f.name == "answer" else json.loads(raw)
    serve(FakeJobServer(JobFaults(**values), port=args.port).start())


if __name__ == "__main__":  # pragma: no cover
    main()
