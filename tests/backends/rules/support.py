"""Running the rules stages up to one of them, for the stage tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from visit_extract.backends.rules.context import Context, read_article
from visit_extract.backends.rules.extractor import STAGES
from visit_extract.backends.rules.mentions import find_regions
from visit_extract.backends.rules.pairing import pair_parties
from visit_extract.backends.rules.people import find_people
from visit_extract.backends.rules.roles import score_roles


def context_through(
    text: str, last: Callable[[Context], None], published: date | None = None
) -> Context:
    """The context of ``text`` after the stages up to and including ``last``.

    Fails the calling test when the text has no host and visitor to pair.
    """
    ctx = read_article(text, published)
    score_roles(ctx)
    assert pair_parties(ctx), "the test text must name a host and a visitor"
    for stage in STAGES:
        stage(ctx)
        if stage is last:
            return ctx
    raise ValueError(f"{last.__name__} is not a stage after pairing")


def people_of(text: str) -> list[tuple[str, str | None, str | None]]:
    """``(name, title, region name)`` of every official :func:`find_people` reads in ``text``."""
    return [
        (p.name, p.title, p.region.name if p.region else None)
        for p in find_people(text, find_regions(text))
    ]
