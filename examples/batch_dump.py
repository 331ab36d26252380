"""Batch extraction over an article dump, from Python.

    python examples/batch_dump.py ../shared/corpus/dump/inc2015_sample.jsonl runs/inc2015.jsonl
    python examples/batch_dump.py DUMP OUT --model openai/gpt-4o-mini --rpm 500

Without --model the offline rules backend runs (no key, no cost). With a model, the
rules relevance pre-filter decides which articles reach the LLM. Rerunning the same
command resumes: ids already in OUT are skipped. At the end the study-visit articles
are listed and the visits are exported with one event id per visit reported by
several outlets.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from visit_extract import Settings
from visit_extract.batch import read_results, run_batch
from visit_extract.batch.export import export_results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path, help="JSONL(.gz), CSV, Parquet or a .txt folder")
    parser.add_argument("out", type=Path, help="results JSONL (resumed when it exists)")
    parser.add_argument("--model", help="provider/model; default: the rules backend")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rpm", type=float, help="client-side requests per minute")
    args = parser.parse_args()

    # Settings.from_env picks up API keys and VISIT_EXTRACT_* variables.
    settings = Settings.from_env(
        model=args.model, concurrency=args.concurrency, requests_per_minute=args.rpm
    )
    stats = run_batch(
        args.dump, args.out, settings=settings, resume=args.out.exists(), progress=True
    )
    print(stats.summary())

    for result in read_results(args.out):
        if result.extraction is not None and result.extraction.is_study_visit:
            pairs = ", ".join(
                f"{v.visitor.region} -> {v.host.region}" for v in result.extraction.visits
            )
            print(f"{result.id}: {pairs}")

    report = export_results(
        args.out,
        articles=args.dump,
        csv=args.out.with_suffix(".visits.csv"),
        graphml=args.out.with_suffix(".graphml"),
    )
    print(report.summary())


if __name__ == "__main__":
    main()
