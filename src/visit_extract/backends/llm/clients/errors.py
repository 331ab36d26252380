"""What instructor and the SDKs raise, mapped onto the project's error tree.

Transport errors are mapped by :mod:`visit_extract.backends.llm.retry` before
instructor sees them; what reaches :func:`translate` is instructor's own verdict (still
invalid after the reasks, cut off at the output limit) or one of our errors that
instructor wrapped.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

from visit_extract.backends.llm.retry import TokenMeter
from visit_extract.errors import ExtractionValidationError, ProviderError, VisitExtractError

#: Errors that mean the request was never made properly, not that the answer was bad.
PROGRAMMING_ERRORS = (TypeError, AttributeError, NameError, ImportError, LookupError)


def translate(exc: BaseException, meter: TokenMeter) -> BaseException:
    """Map what instructor raised onto the project's error tree.

    Args:
        exc: what instructor's ``create`` raised.
        meter: the extraction's token meter (its usage goes with the error).

    Returns:
        The project error to raise (``exc`` itself when it maps to none).
    """
    from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

    cause: BaseException | None = exc
    while cause is not None:  # our own errors come back wrapped by instructor
        if isinstance(cause, VisitExtractError):
            return cause
        cause = cause.__cause__
    if isinstance(exc, InstructorRetryException):
        failed = list(getattr(exc, "failed_attempts", None) or [])
        last = failed[-1] if failed else None
        # instructor retries whatever a request raises; a programming error (an
        # SDK that no longer takes an argument...) is no invalid answer
        bug = last.exception if last is not None else exc.__cause__
        if isinstance(bug, PROGRAMMING_ERRORS):
            return ProviderError(
                f"the request could not be made ({type(bug).__name__}: {bug}); this is "
                "not the model's answer but a bug or an unsupported SDK version: check "
                "the provider SDK against visit-extract's supported range, or report it",
                usage=meter.usage,
            )
        errors = error_lines(last.exception) if last is not None else error_lines(exc)
        attempts = int(getattr(exc, "n_attempts", 0) or len(failed))
        return ExtractionValidationError(
            f"the model's answer was still invalid after {attempts} attempt(s) "
            f"({errors[0] if errors else 'validation failed'}); try a stronger model, "
            "or raise Settings.max_retries",
            last_attempt=raw_answer(last.completion if last else None),
            errors=errors,
            attempts=attempts,
            usage=meter.usage,
        )
    if isinstance(exc, IncompleteOutputException):
        return ExtractionValidationError(
            "the model's answer was cut off at max_output_tokens; raise Settings.max_output_tokens",
            last_attempt=raw_answer(getattr(exc, "last_completion", None)),
            errors=["incomplete output"],
            attempts=meter.usage.requests,
            usage=meter.usage,
        )
    return exc


def reraise(error: BaseException, caught: BaseException) -> NoReturn:
    """Raise ``error`` for ``caught`` without making a cycle of causes.

    When ``error`` is one of our own exceptions that instructor wrapped, it already has
    its real cause (the SDK error); chaining it to the wrapper, whose cause it is,
    would loop.
    """
    if error is caught:
        raise error
    inner = caught.__cause__
    while inner is not None and inner is not error:
        inner = inner.__cause__
    if inner is error:
        raise error from error.__cause__
    raise error from caught


def raw_answer(completion: Any) -> str | None:
    """The answer text of a raw completion (tool arguments or content)."""
    if completion is None:
        return None
    try:
        message = completion.choices[0].message
        if message.tool_calls:
            return str(message.tool_calls[0].function.arguments)
        return str(message.content) if message.content is not None else None
    except (AttributeError, IndexError, TypeError):
        pass
    content = getattr(completion, "content", None)  # Anthropic
    if isinstance(content, list):
        for block in content:
            if getattr(block, "type", None) == "tool_use":
                return json.dumps(getattr(block, "input", None), ensure_ascii=False)
            if getattr(block, "type", None) == "text":
                return str(getattr(block, "text", ""))
    return None


def error_lines(exc: BaseException) -> list[str]:
    """One line per validation error of ``exc`` (``loc: message``), else its first line."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            return [
                f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
                for e in errors()
            ]
        except Exception:
            pass
    return [str(exc).splitlines()[0]] if str(exc) else [type(exc).__name__]


__all__ = ["PROGRAMMING_ERRORS", "error_lines", "raw_answer", "reraise", "translate"]
