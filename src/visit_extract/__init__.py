"""visit-extract: structured records of Indonesian study visits from news articles.

>>> from visit_extract import extract_visit
>>> result = extract_visit(article_text, published="2019-02-26")

One entry point per job: :func:`extract_visit` (one article), :func:`extract_many`
(a batch, resumable) and :func:`evaluate` (scores against hand-labelled sets). Backends
are found by name in :mod:`visit_extract.registry`; :func:`register_backend` adds one.
"""

from __future__ import annotations

from visit_extract.batch import BatchResult, aextract_many, extract_many
from visit_extract.config import Settings
from visit_extract.errors import (
    ArticleTimeout,
    ArticleTooLargeError,
    AuthenticationError,
    ConfigError,
    DatasetError,
    EmptyArticleError,
    ExtractionValidationError,
    InputError,
    MissingAPIKeyError,
    NotTextError,
    OutputError,
    ProviderError,
    RetriesExhausted,
    TokenBudgetExceeded,
    UnknownBackendError,
    VisitExtractError,
    VisitExtractWarning,
)
from visit_extract.eval import EvalRun, evaluate
from visit_extract.extract import extract_visit
from visit_extract.io import iter_articles, read_articles
from visit_extract.registry import (
    BackendCapabilities,
    ExtractionBackend,
    available_backends,
    register_backend,
)
from visit_extract.schema import (
    Article,
    Evidence,
    Leader,
    Party,
    Usage,
    Visit,
    VisitExtraction,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleTimeout",
    "ArticleTooLargeError",
    "AuthenticationError",
    "BackendCapabilities",
    "BatchResult",
    "ConfigError",
    "DatasetError",
    "EmptyArticleError",
    "EvalRun",
    "Evidence",
    "ExtractionBackend",
    "ExtractionValidationError",
    "InputError",
    "Leader",
    "MissingAPIKeyError",
    "NotTextError",
    "OutputError",
    "Party",
    "ProviderError",
    "RetriesExhausted",
    "Settings",
    "TokenBudgetExceeded",
    "UnknownBackendError",
    "Usage",
    "Visit",
    "VisitExtractError",
    "VisitExtractWarning",
    "VisitExtraction",
    "__version__",
    "aextract_many",
    "available_backends",
    "evaluate",
    "extract_many",
    "extract_visit",
    "iter_articles",
    "read_articles",
    "register_backend",
]
