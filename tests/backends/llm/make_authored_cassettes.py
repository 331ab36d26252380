"""Write the ``authored_*.yaml`` cassettes: scripted responses, not a real model.

Not a test. Each scenario runs the real LLM backend against a scripted loopback server
(:class:`support.ScriptedServer`) while vcr records, so the request bodies are exactly
what the client sends and the responses are exactly the scripted ones. A header comment
marks every file as an authored fixture. Re-run after any change to the prompt files,
the response model or tests/backends/llm/support.AUTHORED:
``python tests/backends/llm/make_authored_cassettes.py``.

``authored_anthropic_*.yaml`` are made the same way through the real anthropic SDK
(Messages API shapes: ``tool_use`` blocks, ``input_tokens``/``output_tokens``, Anthropic
error bodies); ``python tests/backends/llm/make_authored_cassettes.py anthropic_ok`` makes one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[2]
# Run as a script: tests/ holds support.py's package, tests/batch the fake server's helpers.
for _path in (TESTS, TESTS / "batch"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from backends.llm.support import (  # noqa: E402
    ANTHROPIC,
    AUTHORED,
    CASSETTES,
    FAST_RETRY,
    INJECTION_ANSWER,
    INJECTION_ARTICLE,
    SCRIPTED_ANSWER,
    SCRIPTED_ARTICLE,
    ScriptedServer,
    Step,
    completion,
    make_vcr,
    with_bad_quote,
)
from visit_extract import Settings  # noqa: E402
from visit_extract.backends.llm import LLMBackend  # noqa: E402
from visit_extract.errors import VisitExtractError  # noqa: E402
from visit_extract.io import to_article  # noqa: E402

OK: Step = (200, {}, completion(json.dumps(SCRIPTED_ANSWER)))
BAD_QUOTE: Step = (200, {}, completion(json.dumps(with_bad_quote(SCRIPTED_ANSWER))))
_bad_enum = json.loads(json.dumps(SCRIPTED_ANSWER))
_bad_enum["visits"][0]["visitor"]["level"] = "kabupaten"
_bad_enum["visits"][0]["domains"] = ["markets"]
BAD_ENUM: Step = (200, {}, completion(json.dumps(_bad_enum)))
MALFORMED: Step = (200, {}, completion('{"is_study_visit": true, "visits": [{"visitor": '))
RATE_LIMITED = {
    "error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}
}

SCENARIOS: dict[str, tuple[str, list[Step], dict[str, Any]]] = {
    "429_then_ok": (
        "429 with retry-after-ms, 429 with Retry-After, then a valid answer",
        [
            (429, {"retry-after-ms": "15"}, RATE_LIMITED),
            (429, {"retry-after": "1"}, RATE_LIMITED),
            OK,
        ],
        {},
    ),
    "429_exhausted": (
        "429 on every attempt (3 attempts)",
        [(429, {"retry-after": "0"}, RATE_LIMITED)] * 3,
        {"transport_attempts": 3},
    ),
    "500_then_ok": (
        "500, 503, then a valid answer",
        [
            (500, {}, {"error": {"message": "internal error"}}),
            (503, {}, {"error": {"message": "overloaded"}}),
            OK,
        ],
        {},
    ),
    "401": (
        "401 invalid key: must not be retried",
        [
            (
                401,
                {},
                {"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}},
            )
        ],
        {},
    ),
    "malformed_then_ok": ("a truncated JSON answer, then a valid one", [MALFORMED, OK], {}),
    "bad_enum_then_ok": ("values outside the enums, then a valid answer", [BAD_ENUM, OK], {}),
    "hallucinated_quote_then_ok": (
        "a topic quote that is not in the article, then a valid answer",
        [BAD_QUOTE, OK],
        {},
    ),
    "invalid_twice": ("a hallucinated quote twice (max_retries=1)", [BAD_QUOTE, BAD_QUOTE], {}),
    "injection": (
        "an article with injected instructions; a valid answer that ignores them",
        [(200, {}, completion(json.dumps(INJECTION_ANSWER)))],
        {"article": INJECTION_ARTICLE},
    ),
}


# --- Anthropic Messages API ---------------------------------------------------------------

ANTHROPIC_PORT = 8799


def message(
    answer: dict[str, Any], *, tokens: tuple[int, int] = (900, 120), stop: str = "tool_use"
) -> dict[str, Any]:
    """An Anthropic Messages API response whose single tool_use block carries ``answer``."""
    return {
        "id": "msg_authored",
        "type": "message",
        "role": "assistant",
        "model": "claude-scripted",
        "content": [
            {"type": "tool_use", "id": "toolu_authored", "name": "LLMAnswer", "input": answer}
        ],
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": {"input_tokens": tokens[0], "output_tokens": tokens[1]},
    }


def anthropic_error(kind: str, text: str) -> dict[str, Any]:
    """An Anthropic error body."""
    return {"type": "error", "error": {"type": kind, "message": text}}


A_OK: Step = (200, {}, message(SCRIPTED_ANSWER))
A_BAD_QUOTE: Step = (200, {}, message(with_bad_quote(SCRIPTED_ANSWER), tokens=(880, 110)))

ANTHROPIC_SCENARIOS: dict[str, tuple[str, list[Step], dict[str, Any]]] = {
    "anthropic_ok": ("a valid tool_use answer", [A_OK], {}),
    "anthropic_hallucinated_quote_then_ok": (
        "a topic quote that is not in the article, then a valid answer",
        [A_BAD_QUOTE, A_OK],
        {},
    ),
    "anthropic_invalid_twice": (
        "a hallucinated quote twice (max_retries=1)",
        [A_BAD_QUOTE, A_BAD_QUOTE],
        {},
    ),
    "anthropic_429_then_ok": (
        "429 rate_limit_error with retry-after, 529 overloaded_error, then a valid answer",
        [
            (429, {"retry-after": "1"}, anthropic_error("rate_limit_error", "Rate limit hit")),
            (529, {}, anthropic_error("overloaded_error", "Overloaded")),
            A_OK,
        ],
        {},
    ),
    "anthropic_401": (
        "401 authentication_error: must not be retried",
        [(401, {}, anthropic_error("authentication_error", "invalid x-api-key"))],
        {},
    ),
    "anthropic_prompt_too_long": (
        "400 invalid_request_error for a prompt over the context window",
        [
            (
                400,
                {},
                anthropic_error(
                    "invalid_request_error", "prompt is too long: 212345 tokens > 200000 maximum"
                ),
            )
        ],
        {},
    ),
    "anthropic_max_tokens": (
        "an answer cut off at max_tokens (stop_reason max_tokens)",
        [(200, {}, message({"is_study_visit": True}, tokens=(900, 800), stop="max_tokens"))],
        {},
    ),
}


def main(names: list[str]) -> int:
    recorder = make_vcr(record_mode="all")
    # AUTHORED and FAST_RETRY share no key: the OpenAI scenarios get the same settings
    # as before the Anthropic ones were added.
    scenarios = {
        **{n: (w, s, {**AUTHORED, **e}) for n, (w, s, e) in SCENARIOS.items()},
        **{
            n: (w, s, {**ANTHROPIC, "base_url": f"http://127.0.0.1:{ANTHROPIC_PORT}", **e})
            for n, (w, s, e) in ANTHROPIC_SCENARIOS.items()
        },
    }
    for name, (what, script, extra) in scenarios.items():
        if names and name not in names:
            continue
        extra = dict(extra)
        article = to_article(extra.pop("article", SCRIPTED_ARTICLE), max_chars=100_000)
        settings = Settings(use_cache=False, **{**FAST_RETRY, **extra})
        backend = LLMBackend(settings)
        path = CASSETTES / f"authored_{name}.yaml"
        with ScriptedServer(script, port=8799).running(), recorder.use_cassette(path.name):
            try:
                result = backend.extract(article)
                outcome = f"ok visits={len(result.visits)}"
            except VisitExtractError as exc:
                outcome = f"{type(exc).__name__}"
        body = path.read_text(encoding="utf-8")
        header = (
            "# AUTHORED FIXTURE (not a recording of a real model): scripted responses for\n"
            f"# scenario '{name}': {what}.\n"
            "# Request bodies are the client's real requests; made by\n"
            "# tests/backends/llm/make_authored_cassettes.py against a loopback scripted server.\n"
        )
        if name.startswith("anthropic_"):
            header += (
                "# Sent by the real anthropic SDK; the responses imitate the Messages API\n"
                "# (no Claude model produced them).\n"
            )
        path.write_text(header + body, encoding="utf-8")
        print(f"{name}: {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
