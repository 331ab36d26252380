"""What reaches the backend in a batch run: every input item becomes either a checked
:class:`~visit_extract.schema.Article` for the backend or a finished
:class:`~visit_extract.batch.rows.BatchResult` (an unreadable row, a duplicate id, an
article the pre-filter skips)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, cast

from visit_extract.batch.prefilter import prefilter_score
from visit_extract.batch.rows import BatchResult
from visit_extract.batch.stats import BatchStats
from visit_extract.config import Settings
from visit_extract.errors import VisitExtractError
from visit_extract.io import BadRow, iter_input, to_article
from visit_extract.schema import Article

Item = Article | BadRow | dict[str, Any] | str | tuple[int, Article | BadRow]
#: One input: a path, or an iterable or async iterable of items.
Part = str | os.PathLike[str] | Iterable[Item] | AsyncIterable[Item]
#: One input, or several files (a list of ``Path`` objects: strings in a list are texts).
Source = Part | Sequence[os.PathLike[str]]
RelevanceFn = Callable[..., float]


def load_relevance() -> RelevanceFn:
    """The batch pre-filter ``(text, title=None) -> float``: recall first, see
    :mod:`visit_extract.batch.prefilter`."""
    return prefilter_score


def input_paths(source: Source) -> list[str | os.PathLike[str]]:
    """The files a source names: one path, or a list of ``Path`` objects; else none."""
    if isinstance(source, (str, os.PathLike)):
        return [source]
    if (
        isinstance(source, (list, tuple))
        and source
        and all(isinstance(s, os.PathLike) for s in source)
    ):
        return list(source)
    return []


async def numbered(
    source: Part, *, input_format: str | None, columns: str | dict[str, str] | None
) -> AsyncIterator[tuple[int, Item]]:
    """``(line or position, item)`` for each item of a path, iterable or async iterable."""
    if isinstance(source, (str, os.PathLike)):
        for number, item in iter_input(Path(source), fmt=input_format, columns=columns):
            yield number, item
    elif isinstance(source, AsyncIterable):
        number = 0
        async for obj in source:
            number += 1
            yield number, obj
    else:
        for number, obj in enumerate(source, start=1):
            yield number, obj


def duplicate_row(key: str, copies: int, where: str, first: str) -> BatchResult:
    """The row of the ``copies``-th input row with id ``key`` (at ``where``; the first
    was at ``first``): an error row under an id of its own, ``key#copies``."""
    copy = f"{key}#{copies}"
    return BatchResult.failed(
        copy,
        f"{where}: duplicate article id {key!r} (first at {first}); this copy is "
        f"not extracted and is recorded as {copy!r}: give every article its own id",
    )


def article_id(number: int, item: Any) -> str:
    """The id an item is known by: its own, else ``line-<n>`` for an unreadable row and
    ``article-<n>`` for anything else without one."""
    if isinstance(item, BadRow):
        return item.id or f"line-{item.line}"
    if isinstance(item, Article):
        return item.id
    own = item.get("id") if isinstance(item, dict) else None
    if isinstance(own, str) and own:
        return own
    return f"article-{number}"


class Intake:
    """Checks each input item once and decides where it goes.

    Args:
        settings: ``max_article_chars`` and ``prefilter_threshold`` are read.
        skip_ids: ids already done (counted in ``stats.resumed``, not yielded).
        stats: the run's totals.
        relevance: the pre-filter's score; None sends every article to the backend.
        input_format: the format of a path source (guessed from its name when None).
        columns: article field → input column.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        skip_ids: Iterable[str],
        stats: BatchStats,
        relevance: RelevanceFn | None,
        input_format: str | None = None,
        columns: str | dict[str, str] | None = None,
    ) -> None:
        self.settings = settings
        self.skip_ids = skip_ids if isinstance(skip_ids, (set, frozenset)) else set(skip_ids)
        self.stats = stats
        self.relevance = relevance
        self.input_format = input_format
        self.columns = columns
        #: Where each id was first seen ("dump.jsonl:3"), and how often since.
        self._first: dict[str, str] = {}
        self._copies: dict[str, int] = {}

    async def items(self, source: Source) -> AsyncIterator[Article | BatchResult]:
        """An article for the backend or a finished result, per new input item."""
        paths = input_paths(source)
        parts: list[Part] = list(paths) if paths else [cast(Part, source)]
        for part in parts:
            origin = str(part) if isinstance(part, (str, os.PathLike)) else None
            async for number, item in numbered(
                part, input_format=self.input_format, columns=self.columns
            ):
                if isinstance(item, tuple):  # (line, item) pairs from iter_input-like sources
                    number, item = item
                where = f"{item.path}:{item.line}" if isinstance(item, BadRow) else None
                if where is None:
                    where = f"{origin}:{number}" if origin else f"item {number}"
                admitted = self._admit(number, item, where)
                if admitted is not None:
                    yield admitted

    def _admit(self, number: int, item: Any, where: str) -> Article | BatchResult | None:
        key = article_id(number, item)
        copies = self._copies[key] = self._copies.get(key, 0) + 1
        first = self._first.setdefault(key, where)
        if copies > 1:
            # Every input row keeps a row of its own, under an id of its own: one id
            # with two rows would break resuming, scoring and exporting the output.
            if f"{key}#{copies}" in self.skip_ids:
                self.stats.resumed += 1
                return None
            return duplicate_row(key, copies, where, first)
        if key in self.skip_ids:
            self.stats.resumed += 1
            return None
        if isinstance(item, BadRow):
            return BatchResult.failed(key, f"{item.path}:{item.line}: {item.message}")
        try:
            article = to_article(item, max_chars=self.settings.max_article_chars, default_id=key)
        except VisitExtractError as exc:
            return BatchResult.failed(key, exc)
        return self._screen(article)

    def _screen(self, article: Article) -> Article | BatchResult:
        """The article, or its skip result when the pre-filter scores it too low."""
        if self.relevance is None:
            return article
        try:
            score = float(self.relevance(article.text, title=article.title))
        except Exception as exc:  # a filter bug must cost one row, not the run
            return BatchResult.failed(article.id, exc)
        if score < self.settings.prefilter_threshold:
            return BatchResult(id=article.id, skipped="prefilter", score=round(score, 4))
        return article


__all__ = [
    "Intake",
    "RelevanceFn",
    "Source",
    "article_id",
    "duplicate_row",
    "input_paths",
    "load_relevance",
    "numbered",
]
