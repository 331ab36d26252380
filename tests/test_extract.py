"""extract_visit(): one article through the backend the settings name (the registry
itself is tested in test_registry.py)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest

from visit_extract.config import Settings
from visit_extract.errors import EmptyArticleError, UnknownBackendError
from visit_extract.extract import extract_visit, get_backend, register_backend
from visit_extract.schema import Article, VisitExtraction

# Invented for these tests.
VISIT = (
    "Rombongan Pemerintah Kabupaten Sigi dipimpin Wakil Bupati Samuel Yansen melakukan "
    "studi banding ke Kabupaten Banyuwangi, Kamis (14/3). Mereka diterima Sekda "
    "Banyuwangi dan belajar tentang Mal Pelayanan Publik."
)
OFFLINE = Settings()  # no model: the rules backend


class Echo:
    """A third-party backend: records what it was given."""

    name = "echo"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.seen: list[Article] = []

    def extract(self, article: Article) -> VisitExtraction:
        self.seen.append(article)
        return VisitExtraction(is_study_visit=False, backend=self.name)


def test_without_a_model_the_rules_backend_runs() -> None:
    result = extract_visit(VISIT, settings=OFFLINE, published="2019-03-15")
    assert result.backend == "rules"
    assert result.id == "article"  # bare text gets the default id
    assert result.is_study_visit and result.visits[0].start_date == "2019-03-14"


@pytest.mark.parametrize(
    "given",
    [
        VISIT,
        VISIT.encode("utf-8"),
        {"id": "x1", "text": VISIT, "published": "2019-03-15"},
        Article(id="x1", text=VISIT, published=date(2019, 3, 15)),
    ],
    ids=["str", "bytes", "dict", "Article"],
)
def test_every_input_form_gives_the_same_visits(given: Any) -> None:
    result = extract_visit(given, settings=OFFLINE, published="2019-03-15")
    assert [v.host.region for v in result.visits] == ["Kabupaten Banyuwangi"]


def test_published_argument_overrides_the_articles_own() -> None:
    register_backend("echo", Echo)
    article = {"id": "x1", "text": VISIT, "published": "2019-03-15"}
    extract_visit(article, settings=OFFLINE, backend="echo", published="2020-01-02")
    backend = get_backend(OFFLINE.replace(backend="echo"))
    assert isinstance(backend, Echo)
    assert backend.seen[-1].published == date(2020, 1, 2)


def test_unknown_backend_names_the_choices() -> None:
    with pytest.raises(UnknownBackendError, match=r"choose one of: .*llm.*rules"):
        extract_visit(VISIT, settings=OFFLINE, backend="nope")


def test_empty_input_is_refused_before_any_backend_runs() -> None:
    with pytest.raises(EmptyArticleError):
        extract_visit(" \n ", settings=OFFLINE)


def test_the_rules_path_never_imports_the_llm_stack() -> None:
    code = (
        "import sys\n"
        "from visit_extract import Settings, extract_visit\n"
        f"extract_visit({VISIT!r}, settings=Settings())\n"
        "print(sorted(m for m in ('instructor', 'openai') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
