"""visit_extract.io.articles: what counts as usable article text, and what
``extract_visit()`` accepts as an article."""

from __future__ import annotations

from datetime import date

import pytest

from visit_extract.errors import (
    ArticleTooLargeError,
    DatasetError,
    EmptyArticleError,
    NotTextError,
)
from visit_extract.io import check_text, to_article
from visit_extract.schema import Article

TEXT = "Rombongan DPRD Kabupaten Lahat studi banding ke Kota Madiun, Senin (4/3).\n"


def test_layout_characters_are_text() -> None:
    text = TEXT + "kolom\tkedua\r\nhalaman\x0cberikut\x0bbaris"
    assert check_text(text, max_chars=1_000) == text


def test_utf8_bytes_are_decoded() -> None:
    assert check_text(TEXT.encode("utf-8"), max_chars=1_000) == TEXT


@pytest.mark.parametrize(
    "text",
    [
        TEXT + "\x00",  # any NUL
        "\x01\x02\x03\x04\x05\x06" + "a" * 94,  # 6% control characters
    ],
    ids=["nul", "control-share"],
)
def test_binary_looking_text_is_refused(text: str) -> None:
    with pytest.raises(NotTextError, match="binary"):
        check_text(text, max_chars=1_000)


def test_a_few_stray_control_characters_are_tolerated() -> None:
    text = "\x1b" * 4 + "a" * 96  # 4%: scraped text sometimes carries some
    assert check_text(text, max_chars=1_000) == text


def test_empty_and_oversized() -> None:
    with pytest.raises(EmptyArticleError):
        check_text(" \n\t ", max_chars=1_000)
    with pytest.raises(ArticleTooLargeError, match="max_article_chars"):
        check_text(TEXT * 10, max_chars=100)
    with pytest.raises(NotTextError, match="string"):
        check_text(42, max_chars=100)


def test_to_article_accepts_text_bytes_dicts_and_articles() -> None:
    assert to_article(TEXT, max_chars=1000) == Article(id="article", text=TEXT)
    assert to_article(TEXT.encode(), max_chars=1000, default_id="x").id == "x"
    given = to_article({"id": "a7", "text": TEXT, "published": "2019-03-05"}, max_chars=1000)
    assert (given.id, given.published) == ("a7", date(2019, 3, 5))
    assert to_article(given, max_chars=1000) is given


def test_to_article_published_overrides_the_articles_own() -> None:
    article = {"id": "a7", "text": TEXT, "published": "2019-03-05"}
    assert to_article(article, published="2019-03-06", max_chars=1000).published == date(2019, 3, 6)
    with pytest.raises(DatasetError, match="not YYYY-MM-DD"):
        to_article(article, published="6/3/2019", max_chars=1000)


def test_to_article_says_what_is_wrong_with_a_dict() -> None:
    with pytest.raises(NotTextError, match="no 'text' key"):
        to_article({"id": "a7"}, max_chars=1000)
    with pytest.raises(DatasetError, match="not an article: published"):
        to_article({"text": TEXT, "published": "kemarin"}, max_chars=1000)
    # an Article built elsewhere is still checked
    with pytest.raises(ArticleTooLargeError):
        to_article(Article(id="big", text=TEXT * 50), max_chars=1000)
