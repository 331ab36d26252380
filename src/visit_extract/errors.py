"""The exception tree. Every error the library raises on purpose derives from
:class:`VisitExtractError`, and its message says what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from visit_extract.schema import Usage


class VisitExtractError(Exception):
    """Root of every error raised by visit-extract."""


class VisitExtractWarning(UserWarning):
    """Root of the warnings visit-extract issues: something was repaired or left out,
    and the run went on (a corrupt cache set aside, a torn results line cut off)."""


# --- the caller's input -------------------------------------------------------------


class InputError(VisitExtractError, ValueError):
    """The article or file given is not usable as it is."""


class EmptyArticleError(InputError):
    """The article text is empty or only whitespace."""


class NotTextError(InputError):
    """The input is not text (bytes that do not decode, binary data, a wrong type)."""


class ArticleTooLargeError(InputError):
    """The article text is over the size limit."""


class DatasetError(InputError):
    """A dataset or article file is malformed; carries the file and line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)
        self.path = path
        self.line = line


# --- time ----------------------------------------------------------------------------


class ArticleTimeout(VisitExtractError, TimeoutError):
    """One article took longer than ``Settings.article_timeout_s``; its extraction was
    abandoned (batch runs record it as an error row of this type)."""


# --- what the run writes ----------------------------------------------------------------


class OutputError(VisitExtractError):
    """An output cannot be written: a folder that is not there or not writable, a full
    disk, or another run writing the same file."""


# --- configuration --------------------------------------------------------------------


class ConfigError(VisitExtractError):
    """The settings are incomplete or contradictory."""


class MissingAPIKeyError(ConfigError):
    """No API key was given for a provider that needs one."""


class UnknownBackendError(ConfigError):
    """No backend or provider is registered under the given name."""


# --- the model provider ---------------------------------------------------------------


class ProviderError(VisitExtractError):
    """The model provider failed in a way retrying will not fix.

    Attributes:
        usage: tokens spent before the failure (a ``Usage``), if known.
    """

    def __init__(self, message: str, *, usage: Any = None):
        super().__init__(message)
        self.usage = usage


class AuthenticationError(ProviderError):
    """The provider rejected the credentials (HTTP 401/403)."""


class RetriesExhausted(ProviderError):
    """Transport retries ran out (429, 5xx, timeouts, connection errors).

    Attributes:
        attempts: how many requests were made.
        last_response: the last raw response body seen, if any.
        usage: tokens spent before giving up (a ``Usage``), if known.
    """

    def __init__(
        self,
        message: str,
        *,
        attempts: int,
        last_response: str | None = None,
        usage: Any = None,
    ):
        super().__init__(message)
        self.attempts = attempts
        self.last_response = last_response
        self.usage = usage


class ProviderUnreachableError(RetriesExhausted, ConfigError):
    """No connection to the provider could be made on any attempt (refused, no route,
    unknown host): the server is down or the endpoint is wrong.

    Also a :class:`ConfigError`, because it is the same for every article: batch runs
    and evals stop at the first one instead of failing every article alike (resume
    once the server answers).
    """


class TokenBudgetExceeded(ProviderError):
    """The article used more tokens than its budget across reasks and retries."""

    def __init__(self, message: str, *, usage: Any = None, budget: int | None = None):
        super().__init__(message)
        self.usage = usage
        self.budget = budget


class ExtractionValidationError(VisitExtractError):
    """The model's answer still failed validation after every reask.

    Attributes:
        last_attempt: the last invalid answer (raw JSON text or dict) for review.
        errors: the validation messages of that attempt.
        attempts: how many answers were tried.
        usage: tokens spent.
    """

    def __init__(
        self,
        message: str,
        *,
        last_attempt: Any = None,
        errors: list[str] | None = None,
        attempts: int = 0,
        usage: Any = None,
    ):
        super().__init__(message)
        self.last_attempt = last_attempt
        self.errors = errors or []
        self.attempts = attempts
        self.usage = usage


def spent_usage(exc: BaseException) -> Usage | None:
    """The tokens a failed extraction spent, when its error reports them.

    Provider and validation errors carry ``usage``; a run's token total and cost must
    include it, or the articles that cost most (reasked, retried) are left out.
    """
    from visit_extract.schema import Usage

    usage = getattr(exc, "usage", None)
    return usage if isinstance(usage, Usage) else None


__all__ = [
    "ArticleTimeout",
    "ArticleTooLargeError",
    "AuthenticationError",
    "ConfigError",
    "DatasetError",
    "EmptyArticleError",
    "ExtractionValidationError",
    "InputError",
    "MissingAPIKeyError",
    "NotTextError",
    "OutputError",
    "ProviderError",
    "ProviderUnreachableError",
    "RetriesExhausted",
    "TokenBudgetExceeded",
    "UnknownBackendError",
    "VisitExtractError",
    "VisitExtractWarning",
    "spent_usage",
]
