"""A local OpenAI-compatible chat-completions server with fault injection.

It answers ``POST /v1/chat/completions`` the way a provider does in instructor's TOOLS
mode: ``choices[0].message.tool_calls[0].function.arguments`` holds a JSON object. The
object is a minimal valid instance of the JSON schema the request itself sends in
``tools[0].function.parameters`` (required fields filled, optional ones left out), so
the server works for whatever response model the client asks for.

Faults, each at a set rate: latency, 429 with ``Retry-After``, 500, hangs, malformed
JSON arguments and schema-invalid arguments; and a requests-per-minute limit enforced
with 429s. Only the standard library is used, so tests and benchmarks can both load
it. Run it on its own with ``python tests/batch/fakeserver.py --latency 0.2``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, fields, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar


@dataclass(frozen=True)
class Faults:
    """What the server does besides answering correctly.

    Attributes:
        latency_s: delay before every answer (faults included).
        rate_429: share of requests answered 429 with ``Retry-After: retry_after_s``.
        retry_after_s: the Retry-After of injected 429s.
        rate_500: share answered 500.
        rate_hang: share that get no answer for ``hang_s`` seconds.
        hang_s: how long a hang lasts (then the connection is closed unanswered).
        rate_malformed: share whose tool arguments are not valid JSON.
        rate_invalid: share whose tool arguments are JSON that breaks the schema.
        rpm: requests per minute the server accepts (a token bucket holding one
            second's worth); excess requests get 429 with the time until the next slot.
        stall_after: when set, every request after this many gets no answer for
            ``hang_s`` seconds: the run is then certainly still going when a test
            interrupts it, however slowly the test itself gets scheduled.
        seed: seed of the fault draws.
    """

    latency_s: float = 0.0
    rate_429: float = 0.0
    retry_after_s: float = 0.2
    rate_500: float = 0.0
    rate_hang: float = 0.0
    hang_s: float = 60.0
    rate_malformed: float = 0.0
    rate_invalid: float = 0.0
    rpm: float | None = None
    stall_after: int | None = None
    seed: int = 0


# --- a minimal instance of a JSON schema --------------------------------------------------


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/"):
            return {}
        node: Any = root
        for part in ref[2:].split("/"):
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def minimal_instance(schema: dict[str, Any], root: dict[str, Any] | None = None) -> Any:
    """The smallest value valid under ``schema``: required properties only, empty
    arrays, ``false``, ``""``, the lowest allowed number, the first enum member, and
    ``null`` wherever null is allowed."""
    root = schema if root is None else root
    schema = _resolve(schema, root)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [_resolve(o, root) for o in schema[key]]
            for option in options:
                if option.get("type") == "null":
                    return None
            return minimal_instance(options[0], root)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(_resolve(part, root))
        return minimal_instance(merged, root)
    kind = schema.get("type")
    if isinstance(kind, list):
        if "null" in kind:
            return None
        kind = kind[0]
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {
            name: minimal_instance(props.get(name, {}), root) for name in schema.get("required", [])
        }
    if kind == "array":
        item = schema.get("items", {})
        return [minimal_instance(item, root) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        return "x" * schema.get("minLength", 0)
    if kind == "integer":
        low = schema.get("minimum", schema.get("exclusiveMinimum", -1) + 1)
        return math.ceil(low)
    if kind == "number":
        return float(schema.get("minimum", 0.0))
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return None


def invalid_instance(schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON object that breaks ``schema``: every required field gets a value of the
    wrong type (a list of a list), or an unknown key when nothing is required."""
    required = _resolve(schema, schema).get("required", [])
    if not required:
        return {"is_study_visit": [[]], "__unexpected__": [[]]}
    return {name: [[]] for name in required}


# --- the server -----------------------------------------------------------------------------


class _Bucket:
    """Token bucket for the server-side requests-per-minute limit."""

    def __init__(self, rpm: float) -> None:
        self.rate = rpm / 60.0
        self.capacity = max(1.0, self.rate)
        self.level = self.capacity
        self.stamp = time.monotonic()

    def take(self) -> float:
        """0 if a request may pass now, else the seconds until one may."""
        now = time.monotonic()
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.level >= 1.0:
            self.level -= 1.0
            return 0.0
        return (1.0 - self.level) / self.rate


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # hung requests must not block shutdown

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout, cancelled article) closes its connection
        # while an answer is being written; that is expected, not worth a traceback.
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


_S = TypeVar("_S", bound="LoopbackServer")


class LoopbackServer:
    """An HTTP server on 127.0.0.1, served from a daemon thread; a context manager that
    starts and stops it (the fakes of the chat and job APIs are ones).

    Args:
        handler: the request handler class.
        port: the port (0: any free one).
    """

    def __init__(self, handler: type[BaseHTTPRequestHandler], port: int = 0) -> None:
        self._httpd = _QuietServer(("127.0.0.1", port), handler)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def start(self: _S) -> _S:
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self: _S) -> _S:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class FakeServer(LoopbackServer):
    """The server, on 127.0.0.1 in a background thread. Use as a context manager.

    Attributes:
        url: the OpenAI base URL (``http://127.0.0.1:<port>/v1``).
        stats: counts of requests and of each outcome (``ok``, ``429``, ``500``,
            ``hang``, ``malformed``, ``invalid``, ``rate_limited``).
        arrivals: the ``time.monotonic()`` at which each request arrived (also served
            as ``GET /v1/arrivals``), to measure the rate clients send at.
    """

    def __init__(self, faults: Faults | None = None, *, port: int = 0) -> None:
        self.faults = faults or Faults()
        self.stats: Counter[str] = Counter()
        self.arrivals: list[float] = []
        self._lock = threading.Lock()
        self._rng = random.Random(self.faults.seed)
        self._bucket = _Bucket(self.faults.rpm) if self.faults.rpm else None
        super().__init__(self._handler_class(), port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def set_faults(self, **changes: Any) -> None:
        """Change the faults while the server runs."""
        with self._lock:
            self.faults = replace(self.faults, **changes)
            self._bucket = _Bucket(self.faults.rpm) if self.faults.rpm else None

    def _decide(self) -> tuple[str, float]:
        """Draw the outcome of one request: (outcome, retry-after seconds)."""
        with self._lock:
            self.stats["requests"] += 1
            self.arrivals.append(time.monotonic())
            f = self.faults
            if f.stall_after is not None and self.stats["requests"] > f.stall_after:
                self.stats["stalled"] += 1
                return "hang", 0.0
            if self._bucket is not None:
                wait = self._bucket.take()
                if wait > 0:
                    self.stats["rate_limited"] += 1
                    return "rate_limited", wait
            draw = self._rng.random()
            for outcome, rate in (
                ("429", f.rate_429),
                ("500", f.rate_500),
                ("hang", f.rate_hang),
                ("malformed", f.rate_malformed),
                ("invalid", f.rate_invalid),
            ):
                if draw < rate:
                    self.stats[outcome] += 1
                    return outcome, f.retry_after_s
                draw -= rate
            self.stats["ok"] += 1
            return "ok", 0.0

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real clients expect
            # Headers and body go out in two writes; with Nagle's algorithm the body
            # waits for the client's delayed ACK (~40 ms) on every request.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/stats"):
                    with server._lock:
                        self._send(200, dict(server.stats))
                elif self.path.rstrip("/").endswith("/arrivals"):
                    with server._lock:
                        self._send(200, list(server.arrivals))
                elif self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(
                        404, {"error": {"message": "not found", "type": "invalid_request_error"}}
                    )
                    return
                try:
                    request = json.loads(raw)
                except json.JSONDecodeError:
                    self._send(
                        400,
                        {"error": {"message": "body is not JSON", "type": "invalid_request_error"}},
                    )
                    return
                outcome, wait = server._decide()
                latency = server.faults.latency_s
                if latency:
                    time.sleep(latency)
                if outcome in ("429", "rate_limited"):
                    self._send(
                        429,
                        {
                            "error": {
                                "message": "Rate limit reached",
                                "type": "requests",
                                "code": "rate_limit_exceeded",
                            }
                        },
                        {
                            "Retry-After": str(max(1, math.ceil(wait))),
                            "retry-after-ms": str(max(1, int(wait * 1000))),
                        },
                    )
                    return
                if outcome == "500":
                    self._send(
                        500, {"error": {"message": "internal error", "type": "server_error"}}
                    )
                    return
                if outcome == "hang":
                    time.sleep(server.faults.hang_s)
                    self.close_connection = True
                    return
                self._send(200, _completion(request, outcome))

        return Handler


def chat_completion(
    arguments: str,
    *,
    tool: str | None,
    tokens: tuple[int, int],
    cached_tokens: int | None = None,
    model: str = "fake",
    completion_id: str = "chatcmpl-fake",
    call_id: str = "call_0",
    created: int | None = None,
) -> dict[str, Any]:
    """An OpenAI chat completion whose answer is ``arguments``: the arguments of its one
    tool call to ``tool`` (instructor's TOOLS mode), or the message text when ``tool`` is
    None.

    Args:
        arguments: the answer (JSON text, or not, to test a malformed one).
        tool: the called function's name; None: a plain text answer.
        tokens: ``(prompt, completion)`` tokens of the usage.
        cached_tokens: prompt tokens read from the provider's cache (``None``: the usage
            has no ``prompt_tokens_details``).
        model: the answering model.
        completion_id: the completion's id.
        call_id: the tool call's id.
        created: its Unix time (default: now).
    """
    prompt, out = tokens
    message: dict[str, Any]
    if tool is None:
        message, finish = {"role": "assistant", "content": arguments}, "stop"
    else:
        call = {
            "id": call_id,
            "type": "function",
            "function": {"name": tool, "arguments": arguments},
        }
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
        finish = "tool_calls"
    usage: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": out,
        "total_tokens": prompt + out,
    }
    if cached_tokens is not None:
        usage["prompt_tokens_details"] = {"cached_tokens": cached_tokens}
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()) if created is None else created,
        "model": model,
        "choices": [{"index": 0, "finish_reason": finish, "message": message}],
        "usage": usage,
    }


def _completion(request: dict[str, Any], outcome: str) -> dict[str, Any]:
    tools = request.get("tools") or []
    function = (tools[0].get("function") or {}) if tools else {}
    schema = function.get("parameters") or {"type": "object"}
    if outcome == "malformed":
        arguments = '{"is_study_visit": fal'
    elif outcome == "invalid":
        arguments = json.dumps(invalid_instance(schema))
    else:
        arguments = json.dumps(minimal_instance(schema))
    prompt_tokens = max(1, len(json.dumps(request.get("messages", []), ensure_ascii=False)) // 4)
    return chat_completion(
        arguments,
        tool=function.get("name", "tool") if tools else None,
        tokens=(prompt_tokens, max(1, len(arguments) // 4)),
        model=request.get("model", "fake"),
        completion_id=f"chatcmpl-{random.getrandbits(40):x}",
    )


_P = TypeVar("_P", bound="ServerProcess")


class ServerProcess:
    """:class:`FakeServer` in a child process, so that its threads do not share the
    client's GIL (for benchmarks). Same ``url`` and ``stats`` as the in-process one."""

    def __init__(self, faults: Faults | None = None) -> None:
        import sys

        args = [sys.executable, __file__]
        for f in fields(Faults):
            value = getattr(faults or Faults(), f.name)
            if value is not None:
                args += [_flag(f.name), str(value)]
        self._spawn(args, "fake server")

    def _spawn(self, args: list[str], what: str, env: dict[str, str] | None = None) -> None:
        """Start the child (whose first line of output is its URL: :func:`serve`)."""
        import subprocess

        self._proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)
        assert self._proc.stdout is not None
        self.url = self._proc.stdout.readline().strip()
        if not self.url.startswith("http"):
            self._proc.kill()
            raise RuntimeError(f"{what} did not start")

    @staticmethod
    def _get(url: str, timeout: float = 5) -> Any:
        """The JSON a GET of ``url`` answers (the child's counters)."""
        import urllib.request

        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read())

    @property
    def stats(self) -> Counter[str]:
        return Counter(self._get(self.url + "/stats"))

    @property
    def arrivals(self) -> list[float]:
        return [float(t) for t in self._get(self.url + "/arrivals")]

    def stop(self) -> None:
        self._proc.kill()
        self._proc.wait()

    def __enter__(self: _P) -> _P:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def serve(server: Any) -> None:
    """The body of a fake server's own process: print its URL (the parent reads it
    from the first line) and serve until SIGTERM or Ctrl-C, then stop the server."""

    def terminate(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    print(server.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


def main() -> None:  # pragma: no cover - manual use
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    for f in fields(Faults):
        parser.add_argument(_flag(f.name), dest=f.name, type=float)
    args = parser.parse_args()
    values = {
        f.name: getattr(args, f.name) for f in fields(Faults) if getattr(args, f.name) is not None
    }
    if "seed" in values:
        values["seed"] = int(values["seed"])
    serve(FakeServer(Faults(**values), port=args.port).start())


if __name__ == "__main__":  # pragma: no cover
    main()
