"""Normalisers shared by every backend: gazetteer, regions, people and titles, dates.

* :func:`normalize_region`: a place as news names it -> the Kemendagri :class:`Region`.
* :func:`normalize_country`: an Indonesian or English country name -> English name.
* :func:`clean_name`: a person's name without honorifics and degrees.
* :func:`normalize_title`: a position as a short Indonesian title without the region.
* :func:`resolve_date`: an Indonesian date expression -> LABELING.md date forms;
  :func:`published_from_url`: the publication date a URL path gives.
* :mod:`visit_extract.normalize.lexicon`: the months, weekdays, visit terms and titles
  that these normalisers and both backends read.

The eval scorer does not use this package: it keeps its own keys (see
:mod:`visit_extract.eval.keys`), so that a change here cannot move the yardstick.
"""

from __future__ import annotations

from visit_extract.normalize.dates import published_from_url, resolve_date
from visit_extract.normalize.gazetteer import Region
from visit_extract.normalize.people import clean_name, normalize_title
from visit_extract.normalize.regions import normalize_country, normalize_region, region_hint

__all__ = [
    "Region",
    "clean_name",
    "normalize_country",
    "normalize_region",
    "normalize_title",
    "published_from_url",
    "region_hint",
    "resolve_date",
]
