"""Record ``recorded_smollm2_eval_seeds.yaml``: a whole ``visit-extract eval`` run of
the LLM backend over ``evals/seeds`` against a real local llama.cpp server.

Not a test. Start the server as described in ``tests/backends/llm/record_smollm2.py`` (port
8765), then run ``python tests/eval/record_smollm2_eval.py``. It prints the CLI's table
and writes the run next to the cassette's name in /tmp. The 135M model's answers are
poor: the cassette lets ``tests/eval/test_cli_eval_llm.py`` replay a real model run
through the eval command offline; it measures nothing about accuracy. Re-record after
any change to the prompt files, the response model or the arguments below.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # run as a script: make tests/ importable
    sys.path.insert(0, str(HERE.parent))

from backends.llm.support import make_vcr  # noqa: E402
from visit_extract.cli import main as cli_main  # noqa: E402

ROOT = HERE.parents[1]
CASSETTE = "recorded_smollm2_eval_seeds.yaml"

#: The command the cassette was recorded with; the replay test must pass the same
#: model arguments or the request bodies no longer match.
MODEL_ARGS = [
    "--backend", "llm",
    "--model", "smollm2",
    "--base-url", "http://127.0.0.1:8765/v1",
    "--api-key", "none",
    "--temperature", "0",
    "--max-output-tokens", "600",
    "--max-retries", "1",
    "--no-cache",
    "--concurrency", "1",
]  # fmt: skip


RUN_ARGS = [
    "--timeout", "900",
    "--out", "/tmp/recorded_smollm2_eval_seeds.json",
    "--html", "/tmp/recorded_smollm2_eval_seeds.html",
    "-q",
]  # fmt: skip


def main() -> int:
    with make_vcr(record_mode="all").use_cassette(CASSETTE):
        return cli_main(["eval", str(ROOT / "evals" / "seeds"), *MODEL_ARGS, *RUN_ARGS])


if __name__ == "__main__":
    sys.exit(main())
