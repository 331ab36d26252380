"""The model's answer format: separate from the public schema, every value next to the
verbatim quote it was read from.

The public :class:`~visit_extract.schema.Visit` holds clean values (official region
names, ISO dates, names without honorifics). Asking a model for those directly invites
invention, so the model answers in this format instead: values *as read*, each with its
quote. Validators check what can be checked while the model can still fix it — enums,
date forms, that every quote occurs in the article, that a value appears in its own
quote — and any failure goes back to the model through instructor's reask loop. Code
then grounds the quotes to offsets and builds the public result
(:mod:`visit_extract.backends.llm.postprocess`).

Validators find the article through a context variable (:func:`grounding`), not through
instructor's ``context=`` argument: instructor renders the messages as Jinja templates
whenever a context is given, and an article containing ``{{`` would then be executed
as a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from visit_extract.backends.llm.grounding import MAX_QUOTE_CHARS, Grounder
from visit_extract.normalize.lexicon import KIND_TERMS
from visit_extract.schema import Branch, Domain, Kind, Level, check_partial_date

_GROUNDER: ContextVar[Grounder | None] = ContextVar("visit_extract_grounder", default=None)


@contextmanager
def grounding(grounder: Grounder | None) -> Iterator[None]:
    """Validate answers against ``grounder``'s text inside the ``with`` block.

    Outside any block (or with None) quotes are not checked against a text; the
    other checks still run.
    """
    token = _GROUNDER.set(grounder)
    try:
        yield
    finally:
        _GROUNDER.reset(token)


def _check_quote(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("quote is empty: copy a passage from the article, or set the value null")
    if len(value) > MAX_QUOTE_CHARS:
        raise ValueError(
            f"quote is {len(value)} characters long: quote one phrase or sentence "
            f"(at most {MAX_QUOTE_CHARS} characters)"
        )
    grounder = _GROUNDER.get()
    if grounder is not None and grounder.locate(value) is None:
        raise ValueError(
            f"quote {value[:120]!r} does not occur in the article: copy the passage "
            "verbatim from the text between <article> and </article>, or set the value null"
        )
    return value


def _check_date(value: str | None) -> str | None:
    return check_partial_date(value.strip() if value else None) if value else None


#: A verbatim passage of the article.
Quote = Annotated[
    str,
    AfterValidator(_check_quote),
    Field(description="A passage copied exactly from the article (a phrase or one sentence)."),
]
IsoDate = Annotated[str | None, BeforeValidator(lambda v: v or None), AfterValidator(_check_date)]
#: An optional quote: an empty string means "no quote", as null does.
OptQuote = Annotated[Quote | None, BeforeValidator(lambda v: v if v else None)]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _tokens(text: str) -> set[str]:
    return {t.casefold() for t in _WORD.findall(text)}


class QuotedText(BaseModel):
    """A text value and the passage it was read from."""

    model_config = ConfigDict(extra="forbid")

    value: str = Field(min_length=1)
    quote: Quote


class QuotedSize(BaseModel):
    """The delegation size as stated, and the passage stating it."""

    model_config = ConfigDict(extra="forbid")

    value: int = Field(ge=1, le=100_000)
    quote: Quote

    @model_validator(mode="after")
    def _number_in_quote(self) -> QuotedSize:
        numbers = {int(n) for n in re.findall(r"\d+", self.quote)}
        # A quote may give the number in words ("sebelas orang"); only a quote with
        # digits can contradict the value.
        if numbers and self.value not in numbers:
            raise ValueError(
                f"size {self.value} is not the number stated in its quote {self.quote!r}; "
                "give the number exactly as the article states it, never a computed one"
            )
        return self


class LLMLeader(BaseModel):
    """A person heading the delegation or receiving it."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=2, description="Name without honorifics or degrees.")
    title: str | None = Field(
        default=None, description="Short Indonesian title without the region: 'Bupati'."
    )
    quote: Quote

    @model_validator(mode="after")
    def _name_in_quote(self) -> LLMLeader:
        if not _tokens(self.name) & _tokens(self.quote):
            raise ValueError(
                f"leader name {self.name!r} does not appear in its quote {self.quote!r}; "
                "quote the passage where the article names this person"
            )
        return self


class LLMParty(BaseModel):
    """One side of a visit, as read from the article."""

    model_config = ConfigDict(extra="forbid")

    region: QuotedText | None = Field(
        default=None,
        description="Official Kemendagri name with prefix when known ('Kabupaten Lahat', "
        "'Kota Denpasar', 'Provinsi Bali'), else as the article names it; country for a "
        "foreign party; null for a ministry or when unknown.",
    )
    level: Level | None = None
    branch: Branch | None = None
    institution: QuotedText | None = None
    leader: LLMLeader | None = None
    size: QuotedSize | None = Field(
        default=None, description="Delegation size as stated; always null for the host."
    )


class LLMTopic(BaseModel):
    """One thing the delegation came to learn or cooperate on."""

    model_config = ConfigDict(extra="forbid")

    topic: str = Field(min_length=2, description="Short noun phrase in the article's words.")
    quote: Quote

    @model_validator(mode="after")
    def _topic_in_quote(self) -> LLMTopic:
        if not _tokens(self.topic) & _tokens(self.quote):
            raise ValueError(
                f"topic {self.topic!r} shares no word with its quote {self.quote!r}; "
                "use the article's own words"
            )
        return self


class LLMVisit(BaseModel):
    """One delegation visiting one host."""

    model_config = ConfigDict(extra="forbid")

    visitor: LLMParty
    host: LLMParty
    kind: Kind = "other"
    kind_quote: OptQuote = Field(
        default=None, description="Passage with the term that decides kind; null for other."
    )
    date_text: OptQuote = Field(
        default=None, description="Start-day expression as written: 'Senin (25/2)'."
    )
    end_date_text: OptQuote = Field(
        default=None, description="Last-day expression as written: 'hingga Rabu (27/2)'."
    )
    start_date: IsoDate = Field(
        default=None, description="YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or null."
    )
    end_date: IsoDate = Field(default=None, description="Same forms; only with end_date_text.")
    topics: list[LLMTopic] = Field(default_factory=list, max_length=20)
    domains: list[Domain] = Field(default_factory=list, max_length=16)
    agreement: bool = False
    agreement_quote: OptQuote = None

    @model_validator(mode="after")
    def _consistent(self) -> LLMVisit:
        for role, party in (("visitor", self.visitor), ("host", self.host)):
            if party.region is None and party.institution is None:
                raise ValueError(
                    f"{role} has neither region nor institution: name who "
                    f"{'visited' if role == 'visitor' else 'received the visit'}, "
                    "or leave this visit out"
                )
        if self.kind != "other":
            if self.kind_quote is None:
                raise ValueError(f"kind is {self.kind!r} but kind_quote is null")
            if not KIND_TERMS[self.kind].search(self.kind_quote):
                raise ValueError(
                    f"kind is {self.kind!r} but kind_quote {self.kind_quote!r} does not "
                    "contain that term; quote the passage with the term, or use kind 'other'"
                )
        if self.agreement and self.agreement_quote is None:
            raise ValueError("agreement is true but agreement_quote is null")
        return self


class LLMAnswer(BaseModel):
    """The model's whole answer for one article."""

    model_config = ConfigDict(extra="forbid")

    is_study_visit: bool
    reason: str = Field(
        default="", max_length=400, description="One short sentence: why it is or is not."
    )
    visits: list[LLMVisit] = Field(default_factory=list, max_length=30)

    @model_validator(mode="after")
    def _visits_match_flag(self) -> LLMAnswer:
        if self.is_study_visit and not self.visits:
            raise ValueError("is_study_visit is true but visits is empty: describe each visit")
        if not self.is_study_visit and self.visits:
            raise ValueError(
                "is_study_visit is false but visits is not empty: "
                "either set is_study_visit true or give visits []"
            )
        return self


__all__ = [
    "KIND_TERMS",
    "LLMAnswer",
    "LLMLeader",
    "LLMParty",
    "LLMTopic",
    "LLMVisit",
    "QuotedSize",
    "QuotedText",
    "grounding",
]
