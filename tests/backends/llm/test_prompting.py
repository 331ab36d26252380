"""Prompt files: strict rendering, version hash, examples valid, rules covered."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from visit_extract.backends.llm.grounding import Grounder
from visit_extract.backends.llm.prompting import PromptError, PromptSet, default_prompt_dir, render
from visit_extract.backends.llm.response import LLMAnswer, grounding
from visit_extract.backends.llm.textprep import prepare_text
from visit_extract.schema import DOMAINS, KINDS, LEVELS


def test_render_is_strict() -> None:
    assert render("a {{x}} b", {"x": "1"}) == "a 1 b"
    with pytest.raises(PromptError, match="no value for y"):
        render("{{x}} {{y}}", {"x": "1"})
    with pytest.raises(PromptError, match="no placeholder for z"):
        render("{{x}}", {"x": "1", "z": "2"})


def test_values_are_not_rescanned_as_placeholders() -> None:
    assert render("<{{article}}>", {"article": "{{article}} {{secret}}"}) == (
        "<{{article}} {{secret}}>"
    )


def test_version_is_a_hash_of_content(tmp_path: Path) -> None:
    copy = tmp_path / "prompts"
    shutil.copytree(str(default_prompt_dir()), copy)
    first = PromptSet.load(copy).version
    assert PromptSet.load(copy).version == first
    (copy / "system.md").write_text("changed", encoding="utf-8")
    assert PromptSet.load(copy).version != first
    (copy / "user.md").unlink()
    with pytest.raises(PromptError, match=r"user\.md"):
        PromptSet.load(copy)


def test_user_message_states_the_publication_date() -> None:
    prompts = PromptSet.load()
    msg = prompts.user_message("teks", date(2019, 2, 26), truncated=False)
    assert "2019-02-26 (a Tuesday)" in msg and "<article>\nteks\n</article>" in msg
    assert "unknown" in prompts.user_message("teks", None, truncated=False)


def test_instructions_cover_the_closed_lists_and_rules() -> None:
    text = PromptSet.load().system_message()
    for code in (*DOMAINS, *KINDS, *LEVELS):
        assert f"{code}" in text, code
    for rule in ("Baca juga", "never compute", "--02-25", "honorifics", "MoU", "Kemendagri"):
        assert rule.lower() in text.lower(), rule


def test_worked_examples_are_valid_grounded_answers() -> None:
    examples = PromptSet.load().files["examples.md"]
    articles = re.findall(r"<example_article>\n(.*?)\n</example_article>", examples, re.S)
    answers = re.findall(r"```json\n(.*?)\n```", examples, re.S)
    assert len(articles) == len(answers) == 2
    for article, answer in zip(articles, answers, strict=True):
        with grounding(Grounder(prepare_text(article).text)):
            LLMAnswer.model_validate_json(answer)
