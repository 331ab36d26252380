"""The keyword options of a batch run into a results file, declared once.

A run on one process (:func:`~visit_extract.batch.run_batch`,
:func:`~visit_extract.batch.arun_batch`) and a run cut into parts
(:func:`~visit_extract.batch.run_parallel`, :func:`~visit_extract.batch.run_dask`,
:func:`~visit_extract.batch.scaleout.run_parts`) take the same options. They are typed
here and the functions take them as ``**options: Unpack[...]``: a type checker checks
every name and type at the call, and the list and its defaults are written once instead
of in five signatures that drift apart.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

if sys.version_info >= (3, 11):
    from typing import Unpack
else:
    from typing_extensions import Unpack

if TYPE_CHECKING:
    from visit_extract.batch.intake import RelevanceFn
    from visit_extract.batch.ratelimit import SharedBudget
    from visit_extract.batch.stats import BatchStats
    from visit_extract.registry import ExtractionBackend


class RunOptions(TypedDict, total=False):
    """What every batch run into a results file takes (each optional).

    Keys:
        resume: continue a previous run into the same output (default False): the ids
            already there are skipped (a torn last line from a crash is dropped first).
        overwrite: discard what the output holds (default False).
        retry_errors: with ``resume``, do the articles with error rows again; their rows
            are replaced (default False).
        force: with ``resume``, continue an output that another backend or model wrote
            (refused otherwise: one file would mix two runs; default False).
        input_format: ``jsonl``, ``csv``, ``parquet`` or ``txt``; guessed from each
            name when None (the default).
        columns: article field → input column, e.g. ``"text=content,id=article_id"``.
        progress: show a progress bar on stderr (default False).
        stats: a :class:`~visit_extract.batch.BatchStats` to fill, readable even after
            an interrupt (default: a new one, returned).
        prefilter: override ``Settings.prefilter`` (default None: the settings decide).
    """

    resume: bool
    overwrite: bool
    retry_errors: bool
    force: bool
    input_format: str | None
    columns: str | dict[str, str] | None
    progress: bool
    stats: BatchStats | None
    prefilter: bool | None


class BatchOptions(RunOptions, total=False):
    """A run on one process: :class:`RunOptions` and what
    :func:`~visit_extract.batch.aextract_many` takes besides.

    Keys:
        relevance: the pre-filter's scoring function ``(text, title=None) -> float``.
        backend: a ready backend instance instead of the one the settings name.
        budget: a request and token budget shared with other processes of the run.
    """

    relevance: RelevanceFn | None
    backend: ExtractionBackend | None
    budget: SharedBudget | None


class PartsOptions(RunOptions, total=False):
    """A run cut into parts: :class:`RunOptions` and how the parts are cut and exported.

    Keys:
        part_bytes: the size of a part; by default about
            :data:`~visit_extract.batch.parts.PARTS_PER_SLOT` parts per worker slot.
        export: after the merge, write these exports over the whole run (keys of
            :func:`~visit_extract.batch.export.export_results`: ``csv``, ``parquet``,
            ``edges``, ``graphml``, ``window_days``).
    """

    part_bytes: int | None
    export: Mapping[str, Any] | None


def check_options(function: str, options: Mapping[str, object], declared: type) -> None:
    """Refuse a keyword that ``declared`` (one of the option types) does not have, as
    Python refuses an unknown keyword argument (``**options`` alone would accept it).

    Raises:
        TypeError: "run_batch() got an unexpected keyword argument 'resum'".
    """
    known: frozenset[str] = getattr(declared, "__optional_keys__", frozenset())
    for name in options:
        if name not in known:
            raise TypeError(f"{function}() got an unexpected keyword argument {name!r}")


__all__ = ["BatchOptions", "PartsOptions", "RunOptions", "Unpack", "check_options"]
