"""``--engine dask`` on a LocalCluster of two worker processes: the rows of one process
(JSONL, CSV and Parquet parts; seeds, dev and a dump slice), one request budget across
both workers, and a worker killed mid-part losing nothing."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from batchhelpers import write_jsonl
from fakebackends import ToolCallBackend
from fakeserver import FakeServer, Faults
from scalehelpers import (
    RULES,
    Fault,
    FaultyRules,
    llm_settings,
    normalized_rows,
    reference,
    repeated_seeds,
    result_ids,
    seed_rows,
    short_dump,
    slice_jsonl,
    window_rate,
)

from visit_extract.batch import BatchStats, run_dask
from visit_extract.batch.budget import REQUEST_BURST_S
from visit_extract.cli import main
from visit_extract.config import Settings
from visit_extract.registry import register_backend

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow
NO_FAULT = Fault("no-such-article", "/nonexistent/marker")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def _seed_inputs(tmp_path: Path, seeds_dir: Path) -> list[Path]:
    """The seeds as JSONL, CSV and Parquet, each repeated under new ids so that it is
    cut into several parts."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    articles = seed_rows(seeds_dir)
    paths = []
    for fmt in ("jsonl", "csv", "parquet"):
        many = [{**a, "id": f"{a['id']}-{fmt}-{k}"} for k in range(3) for a in articles]
        path = tmp_path / f"seeds.{fmt}"
        if fmt == "jsonl":
            write_jsonl(path, many)
        elif fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(many[0]))
                writer.writeheader()
                writer.writerows(many)
        else:
            pq.write_table(pa.Table.from_pylist(many), str(path), row_group_size=4)
        paths.append(path)
    return paths


def test_seeds_in_three_formats_give_the_rows_of_one_process(
    client: object, tmp_path: Path, seeds_dir: Path
) -> None:
    inputs = _seed_inputs(tmp_path, seeds_dir)
    out = tmp_path / "out.jsonl"
    stats = BatchStats()
    run_dask(inputs, out, scheduler=client, settings=RULES, part_bytes=16 << 10, stats=stats)
    assert normalized_rows(out) == reference(inputs, tmp_path)
    assert stats.done == 45


@pytest.mark.shared
def test_dev_and_a_dump_slice_give_the_rows_of_one_process(
    client: object, tmp_path: Path, dev_dir: Path, dump_dir: Path
) -> None:
    dump = slice_jsonl(dump_dir / "clickid_raw_2019.jsonl", tmp_path / "slice.jsonl", 1500)
    inputs = [dev_dir / "articles.jsonl", dump]
    out = tmp_path / "out.jsonl"
    run_dask(inputs, out, scheduler=client, settings=RULES, part_bytes=128 << 10)
    assert normalized_rows(out) == reference(inputs, tmp_path)


def test_the_cli_runs_on_a_scheduler_given_by_address(
    client: object, tmp_path: Path, seeds_dir: Path
) -> None:
    address = client.scheduler.address  # type: ignore[attr-defined]
    out = tmp_path / "out.jsonl"
    args = ["batch", str(seeds_dir / "articles.jsonl"), "-o", str(out), "--scheduler", address]
    assert main([*args, "--backend", "rules", "--no-cache", "--no-progress"]) == 0
    assert normalized_rows(out) == reference([seeds_dir / "articles.jsonl"], tmp_path)


def test_a_backend_registered_as_a_lambda_reaches_the_workers(
    client: object, tmp_path: Path, seeds_dir: Path
) -> None:
    register_backend("inline-rules", lambda settings: FaultyRules(settings, NO_FAULT))
    settings = Settings(backend="inline-rules", use_cache=False)
    source = seeds_dir / "articles.jsonl"
    out = tmp_path / "out.jsonl"
    run_dask(source, out, scheduler=client, settings=settings)
    assert normalized_rows(out) == reference([source], tmp_path, settings)


def test_two_workers_keep_to_one_request_budget(client: object, tmp_path: Path) -> None:
    register_backend("fakehttp", ToolCallBackend)
    # A modest rate, so that two client processes keep up with it on a busy machine.
    n, limit_per_s = 180, 15.0
    source = short_dump(tmp_path / "dump.jsonl", n)
    with FakeServer(Faults(latency_s=0.02)) as server:
        settings = llm_settings(server.url, limit_per_s)
        stats = run_dask(
            source, tmp_path / "out.jsonl", scheduler=client, settings=settings, part_bytes=1500
        )
        arrivals = list(server.arrivals)
    assert stats.ok == n
    upper, rate = window_rate(arrivals, skip_s=1.0, burst=limit_per_s * REQUEST_BURST_S)
    assert upper <= limit_per_s
    assert rate >= 0.9 * limit_per_s


def test_a_worker_killed_mid_part_loses_nothing(
    client: object, tmp_path: Path, seeds_dir: Path
) -> None:
    source = repeated_seeds(seeds_dir, tmp_path / "dump.jsonl")
    marker = tmp_path / "killed"
    register_backend("killer", Fault("seed-003-6", str(marker)))
    out = tmp_path / "out.jsonl"
    run_dask(
        source,
        out,
        scheduler=client,
        settings=Settings(backend="killer", use_cache=False),
        part_bytes=16 << 10,
    )
    assert marker.exists()  # a worker did die (its pid is in the marker)
    ids = result_ids(out)
    assert len(ids) == len(set(ids)) == 50
    assert normalized_rows(out) == reference([source], tmp_path)
