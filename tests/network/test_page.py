"""The HTML page as text: self-contained, escaped, carrying the data it draws."""

from __future__ import annotations

import json
import re
from pathlib import Path

from visit_extract.network import build_network
from visit_extract.network.page import page_data, render_html

from .sample import extraction, party, visit, write_batch, write_jsonl

HOSTILE_TITLE = "</script><script>window.pwned=1</script><img src=x onerror=alert(1)>"


def hostile_batch(folder: Path) -> tuple[Path, Path]:
    """A visit whose article has a script in its title and a javascript: URL."""
    row = extraction(
        "h1",
        visit(
            party("Kota Solok", "city"),
            party("Kota Padang", "city"),
            "2020-01-02",
            ["<b>tebal</b>"],
            ["other"],
            quote='"><script>window.pwned=2</script>',
        ),
    )
    article = {
        "id": "h1",
        "url": "javascript:window.pwned=3",
        "outlet": "<i>x</i>",
        "title": HOSTILE_TITLE,
        "published": "2020-01-03",
        "text": "teks",
    }
    return write_jsonl(folder / "h.jsonl", [row]), write_jsonl(folder / "ha.jsonl", [article])


def _data_block(page: str) -> object:
    m = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', page, re.S)
    assert m is not None
    return json.loads(m.group(1))


def test_page_is_self_contained(tmp_path: Path) -> None:
    out, dump = write_batch(tmp_path)
    net = build_network([out], articles=[dump])
    page = render_html(net, title="Uji jaringan")
    assert "default-src 'none'" in page  # the browser may fetch nothing
    assert not re.search(r"<(?:script|img|link|iframe)[^>]*\s(?:src|href)=", page)
    assert page.count("<script") == 3  # data, Cytoscape.js, the page script
    assert "Copyright (c) 2016-2026, The Cytoscape Consortium" in page  # MIT notice kept
    assert _data_block(page) == json.loads(json.dumps(page_data(net)))
    for table in ("t-nodes", "t-edges", "t-years", "t-domains", "t-programmes", "t-adopters"):
        assert f"id='{table}'" in page
    assert "<td>Kota Bukittinggi</td><td>13.75</td>" in page
    assert "<title>Uji jaringan</title>" in page


def test_page_data_describes_every_event(tmp_path: Path) -> None:
    out, dump = write_batch(tmp_path)
    data = page_data(build_network([out], articles=[dump]))
    assert len(data["places"]) == 7 and len(data["events"]) == 7
    assert data["years"] == [2018, 2022]
    assert data["domains"][0] == "digital"
    assert data["levels"] == ["city", "foreign", "regency"]
    merged = next(e for e in data["events"] if len(e["reports"]) == 3)
    assert [r["id"] for r in merged["reports"]] == ["a1", "a2", "a3"]
    assert merged["reports"][0]["quotes"] == [
        ["host.region", "rombongan belajar memilah sampah di Bukittinggi"]
    ]


def test_article_strings_never_become_markup(tmp_path: Path) -> None:
    out, dump = hostile_batch(tmp_path)
    page = render_html(build_network([out], articles=[dump]))
    assert page.count("<script") == 3 and page.count("</script>") == 3
    assert "<img" not in page and "<b>tebal</b>" not in page
    assert "\\u003c/script\\u003e" in page  # the title inside the JSON block
