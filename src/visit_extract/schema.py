"""Pydantic schemas: the article in, the study-visit extraction out.

The field names, enums and date forms follow ``LABELING.md`` (the gold contract) so
that ``VisitExtraction.model_dump()`` can be scored against any gold file in that
format. Everything the contract does not name (evidence, usage, provenance) is extra
and ignored by the scorer.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: Bumped whenever a change to these models changes what an extraction looks like;
#: it is part of the cache key.
SCHEMA_VERSION = "1"

Level = Literal["province", "regency", "city", "village", "national", "foreign", "other"]
Branch = Literal["executive", "legislative", "other"]
Kind = Literal["studi_banding", "studi_tiru", "kunjungan_kerja", "other"]
Domain = Literal[
    "public_service",
    "village",
    "finance",
    "digital",
    "social",
    "health",
    "education",
    "tourism_culture",
    "economy",
    "agriculture",
    "infrastructure",
    "environment",
    "protection",
    "governance",
    "security_disaster",
    "other",
]
Backend = Literal["rules", "llm"]

LEVELS: tuple[str, ...] = Level.__args__  # type: ignore[attr-defined]
BRANCHES: tuple[str, ...] = Branch.__args__  # type: ignore[attr-defined]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
DOMAINS: tuple[str, ...] = Domain.__args__  # type: ignore[attr-defined]

#: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``--MM-DD`` (day and month, year unknown).
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$"
_DATE_RE = re.compile(DATE_PATTERN)


def check_partial_date(value: str | None) -> str | None:
    """Validate one of the LABELING.md date forms, returning it unchanged.

    Args:
        value: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD`` or None.

    Returns:
        The value itself.

    Raises:
        ValueError: if the string is not one of those forms or names an impossible day.
    """
    if value is None:
        return None
    if not _DATE_RE.match(value):
        raise ValueError(f"date {value!r} is not one of YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        date(2000, month, day)  # 2000 is a leap year, so --02-29 is accepted
    elif len(value) == 10:
        date.fromisoformat(value)
    elif len(value) == 7 and not 1 <= int(value[5:7]) <= 12:
        raise ValueError(f"date {value!r} has no month {value[5:7]}")
    return value


class Evidence(BaseModel):
    """A verbatim quote from the article that a value was read from.

    ``start``/``end`` are character offsets into the *original* ``Article.text``
    (before any text preparation), so ``text[start:end]`` shows the passage. They are
    None only when the quote could not be located (never for a stored LLM result:
    ungrounded quotes are sent back to the model).
    """

    model_config = ConfigDict(extra="forbid")

    field: str = Field(description="Dotted path of the value: 'visitor.region', 'topics[1]'.")
    quote: str
    start: int | None = None
    end: int | None = None


class Leader(BaseModel):
    """The head of a delegation, or the most senior official who received it."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Name without honorifics or degrees, e.g. 'Agus Ambo Djiwa'.")
    title: str | None = Field(
        default=None,
        description="Short Indonesian title without the region: 'Bupati', 'Sekda'.",
    )


class Party(BaseModel):
    """One side of a visit: the visiting delegation or the host."""

    model_config = ConfigDict(extra="forbid")

    region: str | None = Field(
        default=None,
        description=(
            "Kemendagri official name with prefix ('Kabupaten Banyuwangi', 'Kota Denpasar', "
            "'Provinsi Bali'), a country's English name for a foreign party, or null."
        ),
    )
    level: Level | None = None
    branch: Branch | None = None
    institution: str | None = None
    leader: Leader | None = None
    size: int | None = Field(default=None, ge=1)


class Visit(BaseModel):
    """One delegation visiting one host."""

    model_config = ConfigDict(extra="forbid")

    visitor: Party
    host: Party
    kind: Kind = "other"
    start_date: str | None = None
    end_date: str | None = None
    topics: list[str] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    agreement: bool = False
    evidence: list[Evidence] = Field(
        default_factory=list, description="Quotes backing the values above (extra to the contract)."
    )

    @field_validator("start_date", "end_date")
    @classmethod
    def _check_date(cls, value: str | None) -> str | None:
        return check_partial_date(value)


class Usage(BaseModel):
    """Tokens spent on one extraction, over every attempt (reasks and retries).

    ``prompt_tokens`` counts every input token, those served from the provider's prompt
    cache included; ``cached_prompt_tokens`` says how many of them were read from that
    cache (OpenAI's ``prompt_tokens_details.cached_tokens``, Anthropic's
    ``cache_read_input_tokens``) and ``cache_write_tokens`` how many were written to it
    (Anthropic's ``cache_creation_input_tokens``), because each is priced differently.
    JSON written before these two fields existed reads as 0.
    """

    model_config = ConfigDict(extra="forbid")

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    requests: int = 0
    cached_prompt_tokens: int = 0
    cache_write_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
            requests=self.requests + other.requests,
            cached_prompt_tokens=self.cached_prompt_tokens + other.cached_prompt_tokens,
            cache_write_tokens=self.cache_write_tokens + other.cache_write_tokens,
        )

    def __sub__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens - other.prompt_tokens,
            completion_tokens=self.completion_tokens - other.completion_tokens,
            total_tokens=self.total_tokens - other.total_tokens,
            requests=self.requests - other.requests,
            cached_prompt_tokens=self.cached_prompt_tokens - other.cached_prompt_tokens,
            cache_write_tokens=self.cache_write_tokens - other.cache_write_tokens,
        )


class VisitExtraction(BaseModel):
    """Everything extracted from one article.

    ``id``, ``is_study_visit`` and ``visits`` are the scored contract; the rest records
    how the result was made.
    """

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    is_study_visit: bool
    visits: list[Visit] = Field(default_factory=list)
    score: float | None = Field(
        default=None, description="Relevance score in [0, 1] where the backend gives one."
    )
    #: Which backend made this result ("rules", "llm", a plugin's name). Required: a
    #: default would let any other producer's result pass for one of the built-ins.
    backend: str = Field(min_length=1)
    model: str | None = None
    prompt_version: str | None = None
    schema_version: str = SCHEMA_VERSION
    usage: Usage = Field(default_factory=Usage)
    latency_s: float = 0.0
    cached: bool = False
    warnings: list[str] = Field(default_factory=list)
    job_id: str | None = Field(
        default=None,
        description="The provider batch job the answer came from (None for a live request).",
    )


#: A timestamp whose day is what an article's ``published`` needs: ``2019-02-26 12:30:00``,
#: ``2019-02-26T08:00:00+07:00``, ``...Z``, ``2019-02-26 09:15 WIB``.
_TIMESTAMP = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT|WIB|WITA|WIT)?)?",
    re.IGNORECASE,
)


_SURROGATE = re.compile("[\ud800-\udfff]")


class Article(BaseModel):
    """A news article, as in ``articles.jsonl`` of an eval set or a dump.

    Values as real dumps write them are accepted: a numeric ``id`` (``1000`` is the id
    ``"1000"``), a ``published`` timestamp (its day, as written: the time zone does not
    move it), and empty strings for metadata that is not given.
    """

    model_config = ConfigDict(extra="ignore")

    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    text: str

    @field_validator("id", mode="before")
    @classmethod
    def _numeric_id(cls, value: Any) -> Any:
        if isinstance(value, bool):
            return value  # refused below: True is no id
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # pandas writes an integer column with gaps as floats
        if isinstance(value, str) and _SURROGATE.search(value):
            # a broken "\ud8xx" escape: no output (UTF-8) could name the article
            raise ValueError("the id is not valid Unicode (a lone surrogate)")
        return value

    @field_validator("url", "outlet", "title", mode="before")
    @classmethod
    def _blank_is_missing(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("published", mode="before")
    @classmethod
    def _day_of_timestamp(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, str):
            stripped = value.strip()
            if not stripped:
                return None
            match = _TIMESTAMP.fullmatch(stripped)
            return match.group(1) if match else stripped
        return value


__all__ = [
    "BRANCHES",
    "DATE_PATTERN",
    "DOMAINS",
    "KINDS",
    "LEVELS",
    "SCHEMA_VERSION",
    "Article",
    "Backend",
    "Branch",
    "Domain",
    "Evidence",
    "Kind",
    "Leader",
    "Level",
    "Party",
    "Usage",
    "Visit",
    "VisitExtraction",
    "check_partial_date",
]
