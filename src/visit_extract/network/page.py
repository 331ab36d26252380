"""The network as one self-contained HTML page, opened from a file with no network.

The drawing is Cytoscape.js (MIT, vendored in ``static/`` with its licence and
inlined into the page); ``static/network.js`` only wires the filters, the sizes and
the visit lists to it. The data travels as one JSON block. Article text never
becomes markup: Python escapes every table cell and the page script builds the visit
lists with ``textContent``; links are made only from http(s) URLs. A
Content-Security-Policy forbids every fetch, so the page cannot load anything even
if a string slipped through.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from visit_extract.network.build import Event, Network
from visit_extract.network.places import PLACE_LEVELS
from visit_extract.network.programmes import programme_rows
from visit_extract.network.tables import TABLES

#: Cytoscape.js release vendored in ``static/cytoscape.min.js``.
CYTOSCAPE_VERSION = "3.34.4"

_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:"
)


@lru_cache(maxsize=4)
def _static(name: str) -> str:
    return (
        resources.files("visit_extract.network")
        .joinpath("static")
        .joinpath(name)
        .read_text("utf-8")
    )


def _script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _event_data(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "v": event.visitor.key,
        "h": event.host.key,
        "date": event.date,
        "year": event.year,
        "kinds": event.kinds,
        "domains": event.domains,
        "programmes": event.programmes,
        "topics": event.topics,
        "vl": event.visitor_level or "unknown",
        "hl": event.host_level or "unknown",
        "vi": event.visitor_institution,
        "hi": event.host_institution,
        "agreement": event.agreement,
        "reports": [
            {
                "id": r.article_id,
                "outlet": r.outlet,
                "url": r.url,
                "title": r.title,
                "published": r.published,
                "date": r.date,
                "quotes": [list(q) for q in r.quotes],
                "note": r.note,
            }
            for r in event.reports
        ],
    }


def page_data(net: Network) -> dict[str, Any]:
    """Everything the page script draws and lists, as plain JSON-able data."""
    domains: dict[str, int] = {}
    for event in net.events:
        for domain in event.domains:
            domains[domain] = domains.get(domain, 0) + 1
    levels = sorted(
        {e.visitor_level or "unknown" for e in net.events}
        | {e.host_level or "unknown" for e in net.events}
    )
    years = [e.year for e in net.events if e.year is not None]
    return {
        "places": [
            {
                "id": p.key,
                "name": p.name,
                "short": p.short,
                "code": p.code,
                "province": p.province,
                "level": p.level,
            }
            for p in net.places.values()
        ],
        "events": [_event_data(e) for e in net.events],
        "domains": sorted(domains, key=lambda d: (-domains[d], d)),
        "programmes": [r["programme"] for r in programme_rows(net)],
        "levels": levels,
        "placeLevels": [
            lv for lv in PLACE_LEVELS if any(p.level == lv for p in net.places.values())
        ],
        "years": [min(years), max(years)] if years else None,
    }


def _cell(value: Any) -> str:
    return "" if value is None else html.escape(str(value))


def _table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    table_id: str,
    title: str,
    *,
    open_: bool = False,
    limit: int | None = None,
) -> str:
    shown = rows if limit is None else rows[:limit]
    more = (
        "" if len(shown) == len(rows) else f" (first {len(shown)} of {len(rows)}; all in the CSV)"
    )
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>"
        for row in shown
    )
    return (
        f"<details class='table' id='{table_id}'{' open' if open_ else ''}>"
        f"<summary>{html.escape(title)} ({len(rows)}){more}</summary>"
        f"<div class='scroll'><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div></details>"
    )


#: The page's tables: name in TABLES, element id, heading, rows shown at most.
_PAGE_TABLES = (
    ("nodes", "t-nodes", "Regions", 500),
    ("edges", "t-edges", "Visitor → host pairs", 1000),
    ("years", "t-years", "Per year", None),
    ("domains", "t-domains", "Per domain", None),
    ("programmes", "t-programmes", "Programmes", 500),
    ("adopters", "t-adopters", "Adopters of each programme, in date order", 2000),
)
#: Columns the CSV tables have and the page leaves out, to keep the rows one line.
_PAGE_LEAVES_OUT = frozenset(
    {"visitor_province", "host_province", "topics", "event_ids", "learned_from", "taught",
     "adopter_code", "learned_from_code", "event_id"}
)  # fmt: skip


def _tables(net: Network) -> str:
    parts = []
    for name, table_id, title, limit in _PAGE_TABLES:
        columns, build = TABLES[name]
        shown = [c for c in columns if c not in _PAGE_LEAVES_OUT]
        parts.append(_table(build(net), shown, table_id, title, open_=name == "nodes", limit=limit))
    return "".join(parts)


def render_html(net: Network, *, title: str | None = None) -> str:
    """The page: filters, the drawing, the visit list of a clicked region or pair, and
    the tables.

    Args:
        net: the network.
        title: the page heading (default "Study-visit network").
    """
    title = title or "Study-visit network"
    read = net.read
    pairs = len({(e.visitor.key, e.host.key) for e in net.events})
    facts = (
        f"{len(net.events):,} visits between {len(net.places):,} regions ({pairs:,} visitor → "
        f"host pairs), from {read.articles:,} articles; reports of one visit by several "
        f"outlets count once; {net.off_network:,} reported visits without a known visitor "
        "or host region are not drawn."
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_static("network.css")}</style>
</head><body>
<header><h1>{html.escape(title)}</h1><p id="facts">{html.escape(facts)}</p></header>
<main>
<aside id="filters">
<h2>Filter</h2>
<label>Years <input type="number" id="year-from" aria-label="from year"> to
<input type="number" id="year-to" aria-label="to year"></label>
<label class="check"><input type="checkbox" id="undated" checked> visits without a year</label>
<label>Domain <select id="domain"><option value="">all domains</option></select></label>
<label>Programme <select id="programme"><option value="">all programmes</option></select></label>
<fieldset id="levels"><legend>Levels (visitor and host)</legend></fieldset>
<button type="button" id="reset">Show everything</button>
<p id="status" role="status"></p>
<div id="legend"></div>
<h2>Regions in view</h2>
<ol id="in-view"></ol>
</aside>
<section id="cy" aria-label="network drawing: node size is times visited, arrows point from
visitor to host"></section>
<aside id="details"><p class="hint">Click a region or an arrow to list its visits.</p></aside>
</main>
<section id="tables"><h2>Tables</h2>{_tables(net)}</section>
<footer>Made by visit-extract. Drawing: Cytoscape.js {CYTOSCAPE_VERSION} (MIT licence,
copyright The Cytoscape Consortium), included in this file.</footer>
<script type="application/json" id="network-data">{_script_json(page_data(net))}</script>
<script>{_static("cytoscape.min.js")}</script>
<script>{_static("network.js")}</script>
</body></html>
"""


def write_html(net: Network, path: str | Path, *, title: str | None = None) -> Path:
    """Write :func:`render_html` to ``path`` (UTF-8) and return the path."""
    out = Path(path)
    out.write_text(render_html(net, title=title), encoding="utf-8")
    return out


__all__ = ["CYTOSCAPE_VERSION", "page_data", "render_html", "write_html"]
