"""What a run imports: the offline rules path never loads the LLM stack.

``extract_visit`` is covered in ``test_extract.py``; these are the batch and eval entry
points, which sit above the backends and might reach for one directly. The static side
of the layering is checked by ``lint-imports`` (contracts in pyproject.toml).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

LLM_STACK = ("instructor", "openai", "anthropic")

RUNS = {
    "extract_many": (
        "from visit_extract import Settings, extract_many\n"
        "articles = [{{'id': 'a1', 'text': 'Bupati Sigi studi banding ke Kota Madiun.'}}]\n"
        "list(extract_many(articles, settings=Settings(backend='rules', prefilter=True)))\n"
    ),
    "evaluate": (
        "from visit_extract import Settings, evaluate\n"
        "evaluate({seeds!r}, settings=Settings(backend='rules', use_cache=False), n_boot=0)\n"
    ),
}


@pytest.mark.parametrize("entry", sorted(RUNS))
def test_a_rules_run_never_imports_the_llm_stack(entry: str, seeds_dir: Path) -> None:
    code = (
        "import json, sys\n"
        + RUNS[entry].format(seeds=str(seeds_dir))
        + f"print(json.dumps(sorted(m for m in {LLM_STACK!r} if m in sys.modules)))\n"
        # the probe did run the rules backend
        + "print('visit_extract.backends.rules.backend' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert json.loads(out[-2]) == []
    assert out[-1] == "True"
