"""Reports of an eval run: the text table printed by the CLI and a self-contained HTML page.

The HTML page has no external asset (inline CSS, no script, no font or image), so it
can be mailed or archived as one file. Every piece of text in it (article text, titles,
ids, predicted values) comes from outside and is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import pairwise
from typing import Any

from visit_extract.eval.results import ArticleRecord, EvalRun
from visit_extract.eval.scorers import (
    FIELDS,
    SET_FIELDS,
    AnyVisit,
    field_value,
    set_difference,
)
from visit_extract.schema import Evidence


def _fmt_ci(ci: Sequence[float]) -> str:
    return f"[{ci[0]:.2f}, {ci[1]:.2f}]"


def format_table(run: EvalRun) -> str:
    """The metrics as a fixed-width text table: field, P, R, F1, 95% CI, counts."""
    lines = [
        f"{'field':<22} {'P':>6} {'R':>6} {'F1':>6}  {'F1 95% CI':<14} "
        f"{'correct':>7} {'pred':>5} {'gold':>5}"
    ]
    for name, m in run.metrics.items():
        c, p, g = m.counts
        lines.append(
            f"{name:<22} {m.precision:>6.3f} {m.recall:>6.3f} {m.f1:>6.3f}  "
            f"{_fmt_ci(m.ci95):<14} {c:>7} {p:>5} {g:>5}"
        )
    return "\n".join(lines)


def format_summary(run: EvalRun) -> str:
    """One line saying what ran, on how many articles, with what errors and cost."""
    parts = [
        f"{len(run.articles)} articles",
        f"backend {run.backend or '?'}",
    ]
    if run.model:
        parts.append(f"model {run.model}")
    if run.prompt_version:
        parts.append(f"prompt {run.prompt_version}")
    parts.append(f"{run.n_errors} error(s)")
    if run.usage.total_tokens:
        parts.append(f"{run.usage.total_tokens:,} tokens")
    if run.cost_usd is not None:
        parts.append(f"~${run.cost_usd:.4f}")
    parts.append(f"{run.timings.get('total_s', 0.0):.1f} s")
    return ", ".join(parts)


def _short(value: Any, width: int = 60) -> str:
    text = "null" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_disagreements(run: EvalRun, *, limit: int | None = None) -> str:
    """The articles that differ from gold, one line per field-level disagreement.

    Args:
        run: a scored run.
        limit: show at most this many articles (most disagreements first).

    Returns:
        Text such as ``art-008  topics  gold#1/pred#1  gold=[...]  predicted=[...]``;
        empty when every article agrees with its gold label.
    """
    records = sorted(
        (r for r in run.articles if r.disagreements or r.error),
        key=lambda r: (not r.error, -len(r.disagreements), r.id),
    )
    if limit is not None:
        records = records[:limit]
    lines: list[str] = []
    for r in records:
        if r.error:
            lines.append(f"{r.id}  ERROR  {_short(r.error, 100)}")
        for d in r.disagreements:
            where = "/".join(
                f"{side}#{i + 1}"
                for side, i in (("gold", d.gold_visit), ("pred", d.pred_visit))
                if i is not None
            )
            if d.field in SET_FIELDS:
                extra, missed = set_difference(d.field, d.predicted or [], d.gold or [])
                detail = f"missed={_short(missed, 80)}  extra={_short(extra, 80)}"
            else:
                detail = f"gold={_short(d.gold)}  predicted={_short(d.predicted)}"
            lines.append(f"{r.id}  {d.field}  {where or '-'}  {detail}")
    return "\n".join(lines)


# --- HTML ---------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#1d1d1f;
background:#fff}
h1{font-size:1.5em;margin:0 0 .2em}h2{margin-top:1.5em}
.meta{color:#555}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #ccd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eef0f6}
#summary td.num{text-align:right;font-variant-numeric:tabular-nums}
td.low{background:#fde2e1}td.mid{background:#fff3cd}td.high{background:#dff3e3}
section.article{border:1px solid #ccd;border-radius:6px;margin:1em 0;padding:.2em .8em}
section.article.diff{border-left:6px solid #e0a800}
section.article.error{border-left:6px solid #c62828}
section.article.ok{border-left:6px solid #2e7d32}
summary{cursor:pointer;font-weight:600;padding:.4em 0}
.cols{display:flex;gap:1em;flex-wrap:wrap}
.text{flex:1 1 28em;white-space:pre-wrap;max-height:32em;overflow:auto;background:#fafafa;
border:1px solid #e3e3e8;padding:.6em;font-size:13px}
.visits{flex:1 1 30em}
mark{background:#ffe58a;border-radius:2px}
td.bad{background:#fde2e1;font-weight:600}
td.null{color:#999}
.unpaired th{background:#fde2e1}
.err{color:#c62828;font-weight:600}
.tag{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;background:#eee}
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _show(value: Any) -> str:
    """A field value as escaped HTML text ("—" for null, lists joined)."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return _e("; ".join(str(v) for v in value)) if value else "—"
    return _e(value)


def _band(f1: float) -> str:
    return "high" if f1 >= 0.8 else "mid" if f1 >= 0.5 else "low"


def _summary_table(run: EvalRun) -> str:
    rows = []
    for name, m in run.metrics.items():
        c, p, g = m.counts
        rows.append(
            f"<tr><td>{_e(name)}</td><td class='num'>{m.precision:.3f}</td>"
            f"<td class='num'>{m.recall:.3f}</td>"
            f"<td class='num {_band(m.f1)}'>{m.f1:.3f}</td>"
            f"<td class='num'>{_e(_fmt_ci(m.ci95))}</td>"
            f"<td class='num'>{c}</td><td class='num'>{p}</td><td class='num'>{g}</td></tr>"
        )
    return (
        "<table id='summary'><thead><tr><th>field</th><th>P</th><th>R</th><th>F1</th>"
        "<th>F1 95% CI</th><th>correct</th><th>predicted</th><th>gold</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """The text as escaped HTML with each ``(start, end, label)`` span in a ``<mark>``.

    Overlapping spans are cut at every boundary so marks never nest; spans outside the
    text or empty are ignored. The label (fields the span backs) is the mark's tooltip.
    """
    valid = [(s, e, lab) for s, e, lab in spans if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in valid), *(e for _, e, _ in valid)})
    out = []
    for lo, hi in pairwise(cuts):
        piece = _e(text[lo:hi])
        labels = sorted({lab for s, e, lab in valid if s <= lo and hi <= e})
        if labels:
            out.append(f"<mark title='{_e(', '.join(labels))}'>{piece}</mark>")
        else:
            out.append(piece)
    return "".join(out)


def _evidence_spans(record: ArticleRecord) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    if record.prediction is None:
        return spans
    for i, visit in enumerate(record.prediction.visits):
        ev: Evidence
        for ev in visit.evidence:
            if ev.start is not None and ev.end is not None:
                spans.append((ev.start, ev.end, f"visit {i + 1}: {ev.field}"))
    return spans


def _visit_table(
    gold: AnyVisit | None, pred: AnyVisit | None, bad: set[str], caption: str, unpaired: bool
) -> str:
    rows = []
    for name in ("visitor.institution", "host.institution", *FIELDS):
        g = _visit_value(gold, name)
        p = _visit_value(pred, name)
        cls = " class='bad'" if name in bad else ""
        gcls = " class='null'" if g is None else ""
        pcls = " class='bad'" if name in bad else (" class='null'" if p is None else "")
        rows.append(
            f"<tr><td{cls}>{_e(name)}</td><td{gcls}>{_show(g)}</td><td{pcls}>{_show(p)}</td></tr>"
        )
    klass = "visit unpaired" if unpaired else "visit"
    return (
        f"<table class='{klass}'><caption>{_e(caption)}</caption>"
        "<thead><tr><th>field</th><th>gold</th><th>predicted</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _visit_value(visit: AnyVisit | None, name: str) -> Any:
    if visit is None:
        return None
    if name.endswith(".institution"):
        return (visit.visitor if name.startswith("visitor") else visit.host).institution
    return field_value(visit, name)


def _article_section(index: int, record: ArticleRecord, text: str | None) -> str:
    gold_visits = record.gold.visits
    pred_visits = record.prediction.visits if record.prediction else []
    n_diff = len(record.disagreements)
    status = "error" if record.error else "diff" if n_diff else "ok"
    head = [
        f"<span class='tag'>{_e(record.dataset)}</span> <b>{_e(record.id)}</b>",
        _e(record.title) if record.title else "",
        f"<span class='tag'>{n_diff} disagreement(s)</span>",
    ]
    body = []
    if record.error:
        body.append(f"<p class='err'>error: {_e(record.error)}</p>")
    article_diff = any(d.field == "article" for d in record.disagreements)
    pred_is = record.prediction.is_study_visit if record.prediction else False
    cls = " class='bad'" if article_diff else ""
    body.append(
        "<table class='article-level'><tr><th></th><th>gold</th><th>predicted</th></tr>"
        f"<tr><td{cls}>is_study_visit</td><td>{_e(record.gold.is_study_visit)}</td>"
        f"<td{cls}>{_e(pred_is)}</td></tr></table>"
    )
    if record.gold.notes:
        body.append(f"<p class='meta'>gold notes: {_e(record.gold.notes)}</p>")
    tables = []
    for i, j in record.pairs:
        bad = {d.field for d in record.disagreements if d.pred_visit == i and d.gold_visit == j}
        tables.append(
            _visit_table(
                gold_visits[j], pred_visits[i], bad, f"gold #{j + 1} ↔ predicted #{i + 1}", False
            )
        )
    paired_g = {j for _, j in record.pairs}
    paired_p = {i for i, _ in record.pairs}
    all_fields = {"visitor.institution", "host.institution", *FIELDS}
    for j, visit in enumerate(gold_visits):
        if j not in paired_g:
            tables.append(_visit_table(visit, None, all_fields, f"gold #{j + 1}: missed", True))
    for i, pvisit in enumerate(pred_visits):
        if i not in paired_p:
            tables.append(
                _visit_table(None, pvisit, all_fields, f"predicted #{i + 1}: not in gold", True)
            )
    text_html = (
        highlight(text, _evidence_spans(record))
        if text is not None
        else "<i>(article text not available)</i>"
    )
    opened = " open" if status != "ok" else ""
    return (
        f"<section class='article {status}' id='article-{index}' data-status='{status}'>"
        f"<details{opened}><summary>{' · '.join(h for h in head if h)}</summary>"
        f"{''.join(body)}<div class='cols'><div class='text'>{text_html}</div>"
        f"<div class='visits'>{''.join(tables) or '<p>no visits</p>'}</div></div>"
        "</details></section>"
    )


def render_html(run: EvalRun, texts: dict[str, str] | None = None) -> str:
    """The run as one self-contained HTML page.

    Args:
        run: the scored run.
        texts: article texts by id, for the highlighted text; defaults to the texts the
            run carries in memory (a run loaded from RUN.json has none).

    Returns:
        The HTML document.
    """
    texts = texts if texts is not None else run.texts
    datasets = ", ".join(f"{d.name} ({d.labelled})" for d in run.datasets)
    sections = [
        _article_section(k, r, texts.get(r.id))
        for k, r in enumerate(
            sorted(run.articles, key=lambda r: (not r.error, -len(r.disagreements), r.id))
        )
    ]
    warnings = "".join(f"<li>{_e(w)}</li>" for w in run.warnings)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>visit-extract eval — {_e(datasets)}</title><style>{_CSS}</style></head><body>"
        "<h1>visit-extract eval</h1>"
        f"<p class='meta' id='run-meta'>{_e(format_summary(run))}<br>datasets: {_e(datasets)}"
        f" · created {_e(run.created)} · CI: {_e(run.bootstrap.get('n', 0))} bootstrap "
        f"resamples over articles, seed {_e(run.bootstrap.get('seed', 0))}</p>"
        + (f"<ul class='meta'>{warnings}</ul>" if warnings else "")
        + "<h2>Scores</h2>"
        + _summary_table(run)
        + f"<h2>Articles ({len(run.articles)}, most disagreements first)</h2>"
        + "".join(sections)
        + "</body></html>\n"
    )


__all__ = [
    "format_disagreements",
    "format_summary",
    "format_table",
    "highlight",
    "render_html",
]
