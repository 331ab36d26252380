"""io.check_text: what counts as usable article text."""

from __future__ import annotations

import pytest

from visit_extract.errors import (
    ArticleTooLargeError,
    EmptyArticleError,
    NotTextError,
)
from visit_extract.io import check_text

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
