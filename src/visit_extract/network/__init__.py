"""The diffusion network: who learns from whom, as tables, a summary and a page.

Study visits are how Indonesian regions copy each other's programmes; this package
turns extracted visits (batch output) or hand labels (gold files) into that network:

* :func:`build_network`: read the files, resolve every region to its Kemendagri code
  and merge reports of one visit by several outlets into one event.
* :mod:`~visit_extract.network.tables` and :mod:`~visit_extract.network.programmes`:
  edges, nodes, per-year, per-domain, programme and adopter tables as rows.
* :func:`format_summary`: top models and learners, busy years and domains, chains.
* :func:`write_html`: one self-contained interactive page.
* :func:`write_geo`: a CSV keyed by Kemendagri codes for GIS joins.
* :func:`network`: all the tables as pandas data frames (``pip install
  'visit-extract[network]'``).
"""

from __future__ import annotations

from visit_extract.network.build import Event, Network, Report, build_from_visits, build_network
from visit_extract.network.frames import NetworkFrames, frames_of, network
from visit_extract.network.geo import geo_rows, write_geo
from visit_extract.network.page import render_html, write_html
from visit_extract.network.places import Place, resolve_place
from visit_extract.network.programmes import programme_of
from visit_extract.network.summary import Chain, chains, format_summary
from visit_extract.network.tables import TABLES, write_tables

__all__ = [
    "TABLES",
    "Chain",
    "Event",
    "Network",
    "NetworkFrames",
    "Place",
    "Report",
    "build_from_visits",
    "build_network",
    "chains",
    "format_summary",
    "frames_of",
    "geo_rows",
    "network",
    "programme_of",
    "render_html",
    "resolve_place",
    "write_geo",
    "write_html",
    "write_tables",
]
