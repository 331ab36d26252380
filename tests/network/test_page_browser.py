"""The page in a real headless Chromium, opened from a file: drawn, filtered, clicked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from headless import chromium, png_pixels
from visit_extract.network import build_network, write_html

from .browser import Browser
from .sample import BUKITTINGGI, JAPAN, PADANG, SLEMAN, TAPSEL, write_batch
from .test_page import HOSTILE_TITLE, hostile_batch

pytestmark = pytest.mark.browser

READY = "document.body && document.body.dataset.ready === '1'"
#: Node fills (network.js COLOURS) as RGB.
REGENCY, CITY, FOREIGN = b"\x2e\x86\xc1", b"\x1e\x9e\x5a", b"\xe6\x7e\x22"


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    chromium()
    b = Browser(tmp_path / "profile")
    yield b
    b.close()


def _open_sample(browser: Browser, tmp_path: Path) -> None:
    out, dump = write_batch(tmp_path)
    page = write_html(build_network([out], articles=[dump]), tmp_path / "network.html")
    browser.open(page.as_uri(), READY)


def _colours_in_drawing(browser: Browser) -> dict[bytes, int]:
    box = browser.evaluate(
        "(function(){var r=document.getElementById('cy').getBoundingClientRect();"
        "return [r.left, r.top, r.right, r.bottom];})()"
    )
    left, top, right, bottom = (int(v) for v in box)
    browser.settle()
    width, bpp, rows = png_pixels(browser.screenshot())
    counts = {REGENCY: 0, CITY: 0, FOREIGN: 0}
    for line in rows[top + 2 : bottom - 2]:
        for x in range(left + 2, min(right, width) - 2):
            px = line[x * bpp : x * bpp + 3]
            if px in counts:
                counts[px] += 1
    return counts


def _in_view(browser: Browser) -> set[str]:
    """The regions the page lists as in view, checked against what Cytoscape draws.

    Cytoscape applies a class change to its styles on its next frame, so the drawing
    is given a moment to catch up with the list.
    """
    ids: list[str] = []
    drawn: list[str] = []
    for _ in range(50):
        browser.settle()
        ids = browser.evaluate(
            "Array.from(document.querySelectorAll('#in-view li')).map(li => li.dataset.id)"
        )
        drawn = browser.evaluate(
            "visitNetwork.cy.nodes().filter(n => n.visible()).map(n => n.id())"
        )
        if set(ids) == set(drawn):
            break
    assert set(ids) == set(drawn)  # the list tells what the drawing shows
    return set(ids)


def _status(browser: Browser) -> str:
    text: str = browser.evaluate("document.getElementById('status').textContent")
    return text


def _click_element(browser: Browser, selector: str) -> None:
    x, y = browser.evaluate(
        f"(function(){{var r=document.querySelector({selector!r}).getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2];})()"
    )
    browser.click(x, y)


def _click_graph(browser: Browser, expression: str) -> None:
    """Click where the drawing shows a node (renderedPosition) or edge (renderedMidpoint)."""
    x, y = browser.evaluate(
        "(function(){var cy=visitNetwork.cy;var p=" + expression + ";"
        "var r=cy.container().getBoundingClientRect();return [r.left+p.x, r.top+p.y];})()"
    )
    browser.click(x, y)


def _listed(browser: Browser) -> dict[str, Any]:
    result: dict[str, Any] = browser.evaluate(
        """(function(){var d=document.getElementById('details');return {
        picked: d.dataset.picked || null,
        heads: Array.from(d.querySelectorAll('h4')).map(h => h.textContent),
        dates: Array.from(d.querySelectorAll('li.visit > div > strong')).map(s => s.textContent),
        articles: Array.from(d.querySelectorAll('ul.reports > li')).map(li => li.dataset.article),
        quotes: Array.from(d.querySelectorAll('blockquote')).map(q => q.textContent),
        links: Array.from(d.querySelectorAll('a')).map(a => a.getAttribute('href')),
        text: d.textContent};})()"""
    )
    return result


def test_the_page_draws_the_network(browser: Browser, tmp_path: Path) -> None:
    _open_sample(browser, tmp_path)
    assert _status(browser) == "Showing 7 of 7 regions, 6 of 6 pairs, 7 of 7 visits."
    assert _in_view(browser) == {TAPSEL, BUKITTINGGI, SLEMAN, "35.78", PADANG, "34.02", JAPAN}
    colours = _colours_in_drawing(browser)
    assert all(n > 40 for n in colours.values()), colours  # regencies, cities, Japan
    # node size is times visited: Bukittinggi (3) is drawn larger than Padang (0)
    sizes = browser.evaluate(
        f"[visitNetwork.cy.getElementById('{BUKITTINGGI}').renderedWidth(),"
        f" visitNetwork.cy.getElementById('{PADANG}').renderedWidth()]"
    )
    assert sizes[0] > 1.5 * sizes[1]


def test_filters_change_what_is_drawn(browser: Browser, tmp_path: Path) -> None:
    _open_sample(browser, tmp_path)
    _click_element(browser, "#level-foreign")  # a real click on the checkbox
    assert JAPAN not in _in_view(browser)
    assert _status(browser) == "Showing 6 of 7 regions, 5 of 6 pairs, 6 of 7 visits."
    assert _colours_in_drawing(browser)[FOREIGN] == 0

    browser.evaluate("document.getElementById('year-from').focus()")
    browser.evaluate("document.getElementById('year-from').select()")
    browser.type_text("2021")
    browser.evaluate("document.getElementById('year-from').blur()")  # commits the edit
    assert _in_view(browser) == {TAPSEL, BUKITTINGGI, PADANG, SLEMAN, "34.02"}
    assert _status(browser) == "Showing 5 of 7 regions, 3 of 6 pairs, 4 of 7 visits."

    browser.evaluate(
        "(function(){var s=document.getElementById('domain');s.value='environment';"
        "s.dispatchEvent(new Event('change'));})()"
    )
    assert _in_view(browser) == {TAPSEL, BUKITTINGGI}

    _click_element(browser, "#reset")
    assert _status(browser) == "Showing 7 of 7 regions, 6 of 6 pairs, 7 of 7 visits."


def test_a_click_lists_the_right_visits(browser: Browser, tmp_path: Path) -> None:
    _open_sample(browser, tmp_path)
    _click_graph(browser, f"cy.getElementById('{BUKITTINGGI}').renderedPosition()")
    listed = _listed(browser)
    assert listed["picked"] == BUKITTINGGI
    assert listed["heads"] == ["Visited by (3)", "Visits made (1)"]
    assert listed["dates"] == ["2021-03-08", "2021-09-01", "2022-02-01", "2020-06-02"]
    assert listed["articles"] == ["a1", "a2", "a3", "a6", "a7", "a4"]
    assert "host.region: “rombongan belajar memilah sampah di Bukittinggi”" in listed["quotes"]
    assert "https://warta-a1.example/berita/a1" in listed["links"]
    assert "published 2021-03-10" in listed["text"]

    edge = browser.evaluate(
        f"visitNetwork.cy.edges().filter(e => e.data('source') === '{PADANG}').id()"
    )
    _click_graph(browser, f"cy.getElementById('{edge}').renderedMidpoint()")
    listed = _listed(browser)
    assert listed["picked"] == edge
    assert listed["dates"] == ["2021-09-01", "2022-02-01"]
    assert listed["articles"] == ["a6", "a7"]

    _click_element(browser, "#level-city")  # the list follows the filter
    _click_element(browser, "#level-city")
    assert _listed(browser)["articles"] == ["a6", "a7"]


def test_hostile_article_strings_stay_text(browser: Browser, tmp_path: Path) -> None:
    out, dump = hostile_batch(tmp_path)
    page = write_html(build_network([out], articles=[dump]), tmp_path / "h.html")
    browser.open(page.as_uri(), READY)
    _click_graph(browser, "cy.getElementById('13.71').renderedPosition()")
    listed = _listed(browser)
    assert HOSTILE_TITLE in listed["text"] and listed["links"] == []  # no javascript: link
    assert browser.evaluate("window.pwned === undefined")
    assert browser.evaluate("document.querySelectorAll('#details img, #details b').length") == 0
