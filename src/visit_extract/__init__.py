"""visit-extract: structured records of Indonesian study visits from news articles.

>>> from visit_extract import extract_visit
>>> result = extract_visit(article_text, published="2019-02-26")
"""

from __future__ import annotations

from visit_extract.config import Settings
from visit_extract.errors import (
    ArticleTooLargeError,
    AuthenticationError,
    ConfigError,
    DatasetError,
    EmptyArticleError,
    ExtractionValidationError,
    InputError,
    MissingAPIKeyError,
    NotTextError,
    ProviderError,
    RetriesExhausted,
    TokenBudgetExceeded,
    UnknownBackendError,
    VisitExtractError,
)
from visit_extract.extract import (
    ExtractionBackend,
    available_backends,
    extract_visit,
    register_backend,
)
from visit_extract.io import iter_articles, read_articles
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
    "ArticleTooLargeError",
    "AuthenticationError",
    "ConfigError",
    "DatasetError",
    "EmptyArticleError",
    "Evidence",
    "ExtractionBackend",
    "ExtractionValidationError",
    "InputError",
    "Leader",
    "MissingAPIKeyError",
    "NotTextError",
    "Party",
    "ProviderError",
    "RetriesExhausted",
    "Settings",
    "TokenBudgetExceeded",
    "UnknownBackendError",
    "Usage",
    "Visit",
    "VisitExtractError",
    "VisitExtraction",
    "__version__",
    "available_backends",
    "extract_visit",
    "iter_articles",
    "read_articles",
    "register_backend",
]
