"""extract_visit(): one article through the backend the settings name (the registry
itself is tested in test_registry.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest

from visit_extract.config import Settings
from visit_extract.errors import ArticleTimeout, EmptyArticleError, UnknownBackendError
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


class Stuck:
    """A backend whose extraction does not return until the test lets it go."""

    name = "stuck"
    release = threading.Event()

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def extract(self, article: Article) -> VisitExtraction:
        self.release.wait(30)
        return VisitExtraction(is_study_visit=False, backend=self.name)


class Failing:
    """A backend that refuses every article with a library error."""

    name = "failing"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def extract(self, article: Article) -> VisitExtraction:
        raise EmptyArticleError("refused on purpose")


@pytest.fixture
def stuck() -> Iterator[None]:
    register_backend("stuck", Stuck)
    Stuck.release.clear()
    yield
    Stuck.release.set()  # let the abandoned extraction end


def test_an_article_over_its_time_limit_is_an_error(stuck: None) -> None:
    started = time.monotonic()
    with pytest.raises(ArticleTimeout, match=r"within 0\.2 s.*--article-timeout"):
        extract_visit(VISIT, backend="stuck", article_timeout_s=0.2)
    assert time.monotonic() - started < 10  # not the 30 s the backend would take


def test_what_the_backend_raises_reaches_the_caller_unchanged() -> None:
    register_backend("failing", Failing)
    with pytest.raises(EmptyArticleError, match="on purpose"):
        extract_visit(VISIT, backend="failing")


def test_cli_extract_over_its_time_limit_is_one_line_exit_2(
    stuck: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from visit_extract.cli import main

    article = tmp_path / "a.txt"
    article.write_text(VISIT, encoding="utf-8")
    assert main(["extract", str(article), "--backend", "stuck", "--article-timeout", "0.2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ArticleTimeout" not in err and "0.2 s" in err


class WhereRun:
    """Records the thread its extraction ran in."""

    name = "where-run"
    threads: ClassVar[list[str]] = []

    def __init__(self, settings: Settings) -> None:
        pass

    def extract(self, article: Article) -> VisitExtraction:
        self.threads.append(threading.current_thread().name)
        return VisitExtraction(is_study_visit=False, backend=self.name)


def test_without_a_time_limit_the_backend_runs_in_the_callers_thread() -> None:
    register_backend("where-run", WhereRun)
    extract_visit(VISIT, backend="where-run")
    extract_visit(VISIT, backend="where-run", article_timeout_s=float("inf"))
    assert WhereRun.threads == ["visit-extract-article", threading.current_thread().name]
