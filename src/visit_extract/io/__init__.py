"""Reading articles: the checks every single article passes before extraction
(:mod:`.articles`), the JSON Lines loader shared by eval sets and dumps (:mod:`.jsonl`),
and the batch input readers for CSV, Parquet and ``.txt`` folders (:mod:`.readers`);
and where results go (:mod:`.outputs`)."""

from __future__ import annotations

from visit_extract.io.articles import check_text, to_article
from visit_extract.io.jsonl import (
    BadRow,
    iter_articles,
    iter_jsonl,
    iter_numbered_articles,
    json_problem,
    open_bytes,
    open_text,
    read_articles,
)
from visit_extract.io.outputs import describe_os_error, prepare_output
from visit_extract.io.readers import (
    INPUT_FORMATS,
    count_input_rows,
    detect_format,
    iter_csv_articles,
    iter_input,
    iter_parquet_articles,
    iter_txt_articles,
    parse_column_map,
)

__all__ = [
    "INPUT_FORMATS",
    "BadRow",
    "check_text",
    "count_input_rows",
    "describe_os_error",
    "detect_format",
    "iter_articles",
    "iter_csv_articles",
    "iter_input",
    "iter_jsonl",
    "iter_numbered_articles",
    "iter_parquet_articles",
    "iter_txt_articles",
    "json_problem",
    "open_bytes",
    "open_text",
    "parse_column_map",
    "prepare_output",
    "read_articles",
    "to_article",
]
