"""Export batch results: one row per visit (CSV, Parquet) and the network of visitor
region → host region (edge-list CSV, GraphML), with reports of one visit by several
outlets merged into one event (:mod:`visit_extract.batch.dedupe`)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from visit_extract.batch.dedupe import VisitRecord, assign_events
from visit_extract.batch.visits import RowCounts, add_article_metadata, read_visit_records
from visit_extract.errors import DatasetError, InputError, OutputError
from visit_extract.io import describe_os_error, prepare_output

#: Columns of the visit table, in order.
VISIT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_articles",
    "article_id",
    "visit_index",
    "outlet",
    "published",
    "url",
    "title",
    "visitor_region",
    "visitor_level",
    "visitor_branch",
    "visitor_institution",
    "visitor_leader_name",
    "visitor_leader_title",
    "visitor_size",
    "host_region",
    "host_level",
    "host_branch",
    "host_institution",
    "host_leader_name",
    "host_leader_title",
    "kind",
    "start_date",
    "end_date",
    "topics",
    "domains",
    "agreement",
    "backend",
    "model",
)
_LIST_COLUMNS = ("event_articles", "topics", "domains")
#: Characters XML 1.0 does not allow, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class ExportReport:
    """What an export read and wrote."""

    extractions: int = 0
    errors: int = 0
    skipped: int = 0
    duplicate_rows: int = 0
    visits: int = 0
    events: int = 0
    multi_source_events: int = 0
    edges: int = 0
    visits_off_network: int = 0
    written: dict[str, Path] = field(default_factory=dict)

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [
            f"read {self.extractions:,} extractions ({self.errors:,} error rows and "
            f"{self.skipped:,} skipped rows ignored)",
            f"{self.visits:,} visits in {self.events:,} events "
            f"({self.multi_source_events:,} reported by more than one article)",
        ]
        if self.duplicate_rows:
            lines.append(
                f"{self.duplicate_rows:,} duplicate rows of ids read before were left out "
                "(resuming the batch once repairs the file)"
            )
        if self.edges or "edges" in self.written or "graphml" in self.written:
            lines.append(
                f"{self.edges:,} visitor→host region pairs; {self.visits_off_network:,} "
                "visits left out of the network (visitor or host unknown)"
            )
        lines += [f"wrote {kind}: {path}" for kind, path in self.written.items()]
        return "\n".join(lines)


def load_records(
    results: str | Path,
    *,
    articles: str | Path | Sequence[str | Path] | None = None,
    articles_format: str | None = None,
    columns: str | Mapping[str, str] | None = None,
    report: ExportReport | None = None,
) -> list[VisitRecord]:
    """The visits of a results file, with article metadata when ``articles`` (one input,
    or the several inputs of one run) is given.

    Only the visits are kept in memory; the (possibly large) article input is streamed
    and only the metadata of articles with visits is kept. One row per id counts (its
    first extraction, else its first row): the others are duplicates, of a file two runs
    wrote at once, whose visits must not count twice.
    """
    report = report if report is not None else ExportReport()
    counts = RowCounts()
    seen: dict[str, str] = {}
    records = read_visit_records(results, counts, seen)
    report.extractions += counts.extractions
    report.errors += counts.errors
    report.skipped += counts.skipped
    report.duplicate_rows += counts.duplicates
    if articles is not None:
        sources = [articles] if isinstance(articles, (str, Path)) else list(articles)
        for source in sources:
            add_article_metadata(records, source, fmt=articles_format, columns=columns)
    if not seen:
        raise DatasetError(
            "holds no result rows; give the output of visit-extract batch", path=str(results)
        )
    report.visits = len(records)
    return records


def visit_row(rec: VisitRecord) -> dict[str, Any]:
    """One visit as a flat row (lists stay lists; CSV joins them with ``; ``)."""
    v = rec.visit
    row: dict[str, Any] = {
        "event_id": rec.event_id,
        "event_articles": list(rec.event_articles),
        "article_id": rec.article_id,
        "visit_index": rec.index,
        "outlet": rec.outlet,
        "published": rec.published.isoformat() if rec.published else None,
        "url": rec.url,
        "title": rec.title,
        "kind": v.kind,
        "start_date": v.start_date,
        "end_date": v.end_date,
        "topics": list(v.topics),
        "domains": list(v.domains),
        "agreement": v.agreement,
        "backend": rec.backend,
        "model": rec.model,
    }
    for role, party in (("visitor", v.visitor), ("host", v.host)):
        row[f"{role}_region"] = party.region
        row[f"{role}_level"] = party.level
        row[f"{role}_branch"] = party.branch
        row[f"{role}_institution"] = party.institution
        row[f"{role}_leader_name"] = party.leader.name if party.leader else None
        row[f"{role}_leader_title"] = party.leader.title if party.leader else None
        row[f"{role}_size"] = party.size
    return {col: row.get(col) for col in VISIT_COLUMNS}


def write_visits_csv(records: Iterable[VisitRecord], path: str | Path) -> None:
    """Write the visit table as CSV (UTF-8, list cells joined with ``; ``)."""
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=VISIT_COLUMNS)
        writer.writeheader()
        for rec in records:
            row = visit_row(rec)
            for col in _LIST_COLUMNS:
                row[col] = "; ".join(row[col])
            writer.writerow(row)


def write_visits_parquet(records: Iterable[VisitRecord], path: str | Path) -> None:
    """Write the visit table as Parquet (list columns as ``list<string>``).

    Raises:
        InputError: pyarrow is not installed.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(
            "writing Parquet needs pyarrow: pip install 'visit-extract[parquet]', "
            "or export --csv instead"
        ) from None
    rows = [visit_row(rec) for rec in records]
    types = {
        "visit_index": pa.int32(),
        "visitor_size": pa.int32(),
        "host_size": pa.int32(),
        "agreement": pa.bool_(),
        **{col: pa.list_(pa.string()) for col in _LIST_COLUMNS},
    }
    schema = pa.schema([(col, types.get(col, pa.string())) for col in VISIT_COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))


@dataclass
class Edge:
    """All events from one visitor region to one host region."""

    source: str
    target: str
    events: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    topics: dict[str, None] = field(default_factory=dict)  # ordered set
    domains: dict[str, None] = field(default_factory=dict)
    source_level: str | None = None
    target_level: str | None = None

    def row(self) -> dict[str, Any]:
        dates = sorted(self.dates)
        return {
            "source": self.source,
            "target": self.target,
            "events": len(self.events),
            "articles": len(self.articles),
            "first_date": dates[0] if dates else "",
            "last_date": dates[-1] if dates else "",
            "dates": "; ".join(dates),
            "topics": "; ".join(self.topics),
            "domains": "; ".join(self.domains),
            "article_ids": "; ".join(sorted(self.articles)),
            "event_ids": "; ".join(sorted(self.events)),
        }


EDGE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "events",
    "articles",
    "first_date",
    "last_date",
    "dates",
    "topics",
    "domains",
    "article_ids",
    "event_ids",
)


def build_edges(records: Iterable[VisitRecord]) -> tuple[list[Edge], int]:
    """Aggregate visits into visitor region → host region edges.

    Returns:
        The edges (largest first) and how many visits had no visitor or host region.
    """
    edges: dict[tuple[str, str], Edge] = {}
    off = 0
    for rec in records:
        source, target = rec.visit.visitor.region, rec.visit.host.region
        if not source or not target:
            off += 1
            continue
        edge = edges.setdefault((source, target), Edge(source, target))
        edge.events.add(rec.event_id)
        edge.articles.add(rec.article_id)
        if rec.date_label:
            edge.dates.add(rec.date_label)
        edge.topics.update(dict.fromkeys(rec.visit.topics))
        edge.domains.update(dict.fromkeys(rec.visit.domains))
        edge.source_level = edge.source_level or rec.visit.visitor.level
        edge.target_level = edge.target_level or rec.visit.host.level
    ordered = sorted(edges.values(), key=lambda e: (-len(e.events), e.source, e.target))
    return ordered, off


def write_edges_csv(edges: Iterable[Edge], path: str | Path) -> None:
    """Write the edge list as CSV."""
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=EDGE_COLUMNS)
        writer.writeheader()
        for edge in edges:
            writer.writerow(edge.row())


def _xml(value: object) -> str:
    return escape(_XML_INVALID.sub("", str(value)))


def write_graphml(edges: Iterable[Edge], path: str | Path) -> None:
    """Write the network as GraphML (directed; one node per region, one edge per
    visitor→host pair with its event count as ``weight``). Readable by networkx,
    Gephi and igraph."""
    edges = list(edges)
    nodes: dict[str, str | None] = {}
    for edge in edges:
        for name, level in ((edge.source, edge.source_level), (edge.target, edge.target_level)):
            nodes[name] = nodes.get(name) or level
    node_ids = {name: f"n{i}" for i, name in enumerate(nodes)}
    edge_keys = [
        ("weight", "int", "events"),
        ("articles", "int", "articles"),
        ("first_date", "string", "first_date"),
        ("last_date", "string", "last_date"),
        ("dates", "string", "dates"),
        ("topics", "string", "topics"),
        ("domains", "string", "domains"),
        ("article_ids", "string", "article_ids"),
        ("event_ids", "string", "event_ids"),
    ]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="level" for="node" attr.name="level" attr.type="string"/>',
    ]
    out += [
        f'  <key id="{key}" for="edge" attr.name="{key}" attr.type="{kind}"/>'
        for key, kind, _ in edge_keys
    ]
    out.append('  <graph id="visits" edgedefault="directed">')
    for name, level in nodes.items():
        out.append(f"    <node id={quoteattr(node_ids[name])}>")
        out.append(f'      <data key="label">{_xml(name)}</data>')
        if level:
            out.append(f'      <data key="level">{_xml(level)}</data>')
        out.append("    </node>")
    for i, edge in enumerate(edges):
        row = edge.row()
        src, dst = quoteattr(node_ids[edge.source]), quoteattr(node_ids[edge.target])
        out.append(f'    <edge id="e{i}" source={src} target={dst}>')
        out += [f'      <data key="{key}">{_xml(row[col])}</data>' for key, _, col in edge_keys]
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    Path(path).write_text("\n".join(out), encoding="utf-8")


def export_results(
    results: str | Path,
    *,
    articles: str | Path | Sequence[str | Path] | None = None,
    articles_format: str | None = None,
    columns: str | Mapping[str, str] | None = None,
    window_days: int = 7,
    csv: str | Path | None = None,
    parquet: str | Path | None = None,
    edges: str | Path | None = None,
    graphml: str | Path | None = None,
) -> ExportReport:
    """Read a batch results file and write the requested tables and network.

    Args:
        results: the JSONL written by ``visit-extract batch`` / :func:`run_batch`.
        articles: the batch input (or inputs), for outlet, url, title and publication
            date.
        articles_format: its format when the name does not tell.
        columns: its column mapping (``"text=content,id=article_id"``).
        window_days: date tolerance for merging reports of one visit.
        csv: where to write the visit table as CSV.
        parquet: where to write the visit table as Parquet.
        edges: where to write the edge list CSV.
        graphml: where to write the GraphML network.

    Returns:
        Counts and the paths written.
    """
    targets = {"visits csv": csv, "visits parquet": parquet, "edges": edges, "graphml": graphml}
    for target in targets.values():
        if target:
            prepare_output(target)  # before reading: a typo costs no time
    report = ExportReport()
    records = load_records(
        results, articles=articles, articles_format=articles_format, columns=columns, report=report
    )
    report.events = assign_events(records, window_days=window_days)
    report.multi_source_events = len({r.event_id for r in records if len(r.event_articles) > 1})
    edge_list: list[Edge] = []
    if edges or graphml:
        edge_list, report.visits_off_network = build_edges(records)
        report.edges = len(edge_list)
    for kind, target in targets.items():
        if not target:
            continue
        try:
            if kind == "visits csv":
                write_visits_csv(records, target)
            elif kind == "visits parquet":
                write_visits_parquet(records, target)
            elif kind == "edges":
                write_edges_csv(edge_list, target)
            else:
                write_graphml(edge_list, target)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {describe_os_error(exc)}") from None
        report.written[kind] = Path(target)
    return report


__all__ = [
    "EDGE_COLUMNS",
    "VISIT_COLUMNS",
    "Edge",
    "ExportReport",
    "build_edges",
    "export_results",
    "load_records",
    "visit_row",
    "write_edges_csv",
    "write_graphml",
    "write_visits_csv",
    "write_visits_parquet",
]
