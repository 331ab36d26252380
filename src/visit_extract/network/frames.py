"""The network as pandas data frames, for notebooks (needs the ``network`` extra)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visit_extract.errors import InputError
from visit_extract.network.build import Network, build_network
from visit_extract.network.page import write_html
from visit_extract.network.summary import format_summary
from visit_extract.network.tables import TABLES

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class NetworkFrames:
    """Every table of a network as a :class:`pandas.DataFrame`.

    Attributes:
        network: the :class:`Network` the tables were made from.
        events: one row per visit (reports of one visit merged).
        edges: one row per visitor → host pair.
        nodes: one row per region.
        years: one row per year.
        domains: one row per policy domain.
        programmes: one row per programme.
        adopters: each programme's adopters in the order of their first visit.
    """

    network: Network
    events: pd.DataFrame
    edges: pd.DataFrame
    nodes: pd.DataFrame
    years: pd.DataFrame
    domains: pd.DataFrame
    programmes: pd.DataFrame
    adopters: pd.DataFrame

    def summary(self, *, top: int = 5) -> str:
        """The terminal summary (:func:`visit_extract.network.format_summary`)."""
        return format_summary(self.network, top=top)

    def to_html(self, path: str | Path, *, title: str | None = None) -> Path:
        """Write the interactive page (:func:`visit_extract.network.write_html`)."""
        return write_html(self.network, path, title=title)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise InputError(
            "network() returns pandas data frames: pip install 'visit-extract[network]', "
            "or use build_network() and the row functions of visit_extract.network.tables"
        ) from None
    return pd


def frames_of(net: Network) -> NetworkFrames:
    """The tables of ``net`` as data frames.

    Raises:
        InputError: pandas is not installed.
    """
    pd = _pandas()
    frames: dict[str, Any] = {
        name: pd.DataFrame(build(net), columns=list(columns))
        for name, (columns, build) in TABLES.items()
    }
    return NetworkFrames(network=net, **frames)


def network(
    *inputs: str | Path,
    articles: str | Path | list[str | Path] | None = None,
    articles_format: str | None = None,
    columns: str | Mapping[str, str] | None = None,
    window_days: int = 7,
) -> NetworkFrames:
    """Build the diffusion network of batch output or gold files as data frames.

    >>> frames = network("runs/r.jsonl", articles="dump.jsonl")
    >>> frames.nodes.head()           # the most visited regions
    >>> print(frames.summary())

    Args:
        inputs: batch output files, ``gold.jsonl`` files or eval-set folders.
        articles: the batch input file(s), for outlet, url, title and publication date.
        articles_format: the format of ``articles`` when the name does not tell.
        columns: the column mapping of ``articles`` (``"id=article_id,text=body"``).
        window_days: reports of one pair whose dates lie this many days apart are one
            visit.

    Raises:
        InputError: pandas is missing, or an input is missing or malformed.
    """
    if not inputs:
        raise InputError("network() needs at least one batch output or gold file")
    _pandas()  # before the reading, which can take a while
    if articles is None:
        article_list: list[str | Path] = []
    elif isinstance(articles, (str, Path)):
        article_list = [articles]
    else:
        article_list = list(articles)
    net = build_network(
        inputs,
        articles=article_list,
        articles_format=articles_format,
        columns=columns,
        window_days=window_days,
    )
    return frames_of(net)


__all__ = ["NetworkFrames", "frames_of", "network"]
