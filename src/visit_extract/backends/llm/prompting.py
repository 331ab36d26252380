"""Prompt files: loading, strict rendering, version hash, and the chat messages.

The prompt lives in ``prompts/`` as plain files, shipped in the wheel as
``visit_extract/prompts`` (pyproject force-include). An installed package reads them
with :mod:`importlib.resources`; an editable install, where the package directory has
no ``prompts`` folder, falls back to the repository's ``prompts/``.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover
    from importlib.abc import Traversable

from visit_extract.errors import ConfigError

#: Files that make up the prompt; all of them must exist.
PROMPT_FILES = ("system.md", "instructions.md", "examples.md", "user.md")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: The delimiter around the article; an article containing it is defused (see below).
ARTICLE_CLOSE = "</article>"


class PromptError(ConfigError):
    """The prompt files are missing or a template cannot be rendered."""


def default_prompt_dir() -> Traversable:
    """Where the prompt files are: the installed package data, else the repo folder."""
    packaged = resources.files("visit_extract") / "prompts"
    if packaged.is_dir():
        return packaged
    repo = Path(__file__).resolve().parents[4] / "prompts"
    if repo.is_dir():
        return repo
    raise PromptError(
        "prompt files not found (neither visit_extract/prompts in the installed package nor "
        f"{repo}); reinstall visit-extract"
    )


@functools.lru_cache(maxsize=64)
def _placeholders(template: str) -> frozenset[str]:
    # Templates are few and fixed per process; scanning them once per call was waste.
    return frozenset(_PLACEHOLDER.findall(template))


def render(template: str, variables: dict[str, str], *, name: str = "template") -> str:
    """Fill ``{{name}}`` placeholders strictly.

    Args:
        template: the template text.
        variables: the values; every placeholder must have one and every value must
            be used, so a renamed placeholder cannot silently drop content.
        name: the template's name, for error messages.

    Raises:
        PromptError: a placeholder has no value, or a value has no placeholder.
    """
    wanted = _placeholders(template)
    missing = wanted - set(variables)
    if missing:
        raise PromptError(f"{name}: no value for {', '.join(sorted(missing))}")
    unused = set(variables) - wanted
    if unused:
        raise PromptError(f"{name}: no placeholder for {', '.join(sorted(unused))}")
    # One pass over the template: values are inserted verbatim and never re-scanned,
    # so "{{x}}" inside an article is text, not a placeholder.
    return _PLACEHOLDER.sub(lambda m: variables[m.group(1)], template)


@dataclass(frozen=True)
class PromptSet:
    """The loaded prompt files and their version."""

    files: dict[str, str]
    version: str

    @classmethod
    def load(cls, directory: Traversable | Path | None = None) -> PromptSet:
        """Read the prompt files.

        Args:
            directory: the folder; by default :func:`default_prompt_dir`.

        Raises:
            PromptError: a required file is missing.
        """
        root: Traversable = directory if directory is not None else default_prompt_dir()
        files: dict[str, str] = {}
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.is_file() and not entry.name.startswith("."):
                files[entry.name] = entry.read_text(encoding="utf-8")
        missing = [f for f in PROMPT_FILES if f not in files]
        if missing:
            raise PromptError(f"prompt folder {root} lacks {', '.join(missing)}")
        return cls(files=files, version=prompt_version(files))

    def system_message(self) -> str:
        """The system message: role, rules and worked examples."""
        return self._system

    @functools.cached_property
    def _system(self) -> str:
        # The same for every article: rendered once per prompt set, not per request.
        parts = [render(self.files[f], {}, name=f) for f in PROMPT_FILES[:3]]
        return "\n\n".join(p.strip() for p in parts)

    def user_message(self, article_text: str, published: date | None, *, truncated: bool) -> str:
        """The per-article message, with the article as delimited data."""
        if published is None:
            pub, note = (
                "unknown",
                (
                    "No publication date is known: a day and month without a year is --MM-DD, "
                    "and a bare weekday gives a null date."
                ),
            )
        else:
            pub = f"{published.isoformat()} (a {_WEEKDAYS[published.weekday()]})"
            note = "Use it to fill a missing year and to resolve a bare weekday."
        trunc = (
            "The article was too long and has been cut; extract what the part shown reports.\n\n"
            if truncated
            else ""
        )
        return render(
            self.files["user.md"],
            {
                "published": pub,
                "published_note": note,
                "article": defuse(article_text),
                "truncation_note": trunc,
            },
            name="user.md",
        )

    def messages(
        self, article_text: str, published: date | None, *, truncated: bool = False
    ) -> list[dict[str, str]]:
        """The chat messages for one article."""
        return [
            {"role": "system", "content": self.system_message()},
            {
                "role": "user",
                "content": self.user_message(article_text, published, truncated=truncated),
            },
        ]


def defuse(article_text: str) -> str:
    """Stop an article from closing its own delimiter.

    A text containing ``</article>`` could otherwise end the data block and put what
    follows in the position of instructions. The tag is broken with a zero-width
    space; quote grounding ignores that character, so evidence is unaffected.
    """
    return re.sub(r"<(\s*/?\s*article)", "<\u200b\\1", article_text, flags=re.IGNORECASE)


def prompt_version(files: dict[str, str]) -> str:
    """A short hash of the prompt files' names and content (order-independent)."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(files[name].encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


__all__ = [
    "PROMPT_FILES",
    "PromptError",
    "PromptSet",
    "default_prompt_dir",
    "defuse",
    "prompt_version",
    "render",
]
