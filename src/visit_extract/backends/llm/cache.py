"""The LLM answer cache: diskcache, stored as JSON (never pickle).

The key is a hash of exactly what decides the model's answer — provider and base URL,
model, prompt version, schema version, article text, publication date, and sampling
parameters — and nothing else: not the API key (rotating it must not empty the cache,
and it must never be written to disk), not the article id (the same text under two ids
is one request). Only successful, validated answers are stored.

A cache is an optimisation, never a reason to lose a run: a database that SQLite finds
corrupt (a full disk, a killed copy) is moved aside with a warning, kept for inspection,
and an empty one takes its place.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import diskcache
import platformdirs

from visit_extract.config import Settings
from visit_extract.errors import ConfigError, VisitExtractWarning

T = TypeVar("T")

#: Bumped when the layout of a stored entry changes.
ENTRY_FORMAT = 1


def default_cache_dir() -> Path:
    """The user cache directory for visit-extract (platformdirs)."""
    return Path(platformdirs.user_cache_dir("visit-extract", appauthor=False)) / "llm"


def cache_dir(settings: Settings) -> Path:
    """Where the cache of these settings lives."""
    if settings.cache_dir is None:
        return default_cache_dir()
    # Settings does not coerce: a caller may pass cache_dir="~/x" as a plain string.
    return Path(settings.cache_dir).expanduser()


def cache_key(
    *,
    provider: str,
    base_url: str | None,
    model: str,
    prompt_version: str,
    schema_version: str,
    text: str,
    published: date | None,
    sampling: dict[str, Any],
) -> str:
    """The cache key: a SHA-256 over exactly the inputs that decide the answer.

    Args:
        provider: provider id ("openai", "ollama", "openai-compatible"...).
        base_url: the endpoint (None: the provider's default).
        model: the model name as sent.
        prompt_version: :attr:`PromptSet.version`.
        schema_version: :data:`visit_extract.schema.SCHEMA_VERSION`.
        text: the article text as given (before preparation).
        published: the publication date.
        sampling: temperature and any other sampling parameter.

    Returns:
        A hex digest.
    """
    payload = {
        "provider": provider,
        "base_url": base_url,
        "model": model,
        "prompt_version": prompt_version,
        "schema_version": schema_version,
        "text": text,
        "published": published.isoformat() if published else None,
        "sampling": sampling,
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResultCache:
    """A JSON-on-disk cache of validated model answers.

    Args:
        directory: where the cache lives (created on first use).

    Raises:
        ConfigError: the directory cannot be created or used.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self._lock = threading.Lock()
        self._cache = self._open()

    def _open(self) -> Any:
        """The diskcache at :attr:`directory`; a corrupt one is set aside first."""
        try:
            try:
                return self._connect()
            except sqlite3.DatabaseError as exc:
                self._set_aside(exc)
                return self._connect()
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ConfigError(
                f"cannot use cache directory {self.directory}: {reason}; "
                "pass --cache-dir (VISIT_EXTRACT_CACHE_DIR) or --no-cache"
            ) from None

    def _connect(self) -> Any:
        self.directory.mkdir(parents=True, exist_ok=True)
        return diskcache.Cache(str(self.directory), disk=diskcache.JSONDisk, disk_compress_level=6)

    def _set_aside(self, exc: BaseException) -> None:
        """Move the corrupt cache folder to a sibling named ``<name>.corrupt-<time>``.

        The whole folder moves: diskcache keeps large values in files beside the
        database, and they mean nothing without it.
        """
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.directory.with_name(f"{self.directory.name}.corrupt-{stamp}-{os.getpid()}")
        os.replace(self.directory, aside)
        warnings.warn(
            f"the answer cache in {self.directory} was corrupt ({exc}); it was moved to "
            f"{aside} and an empty cache started (answers are asked for again; delete "
            f"{aside} once you no longer need it)",
            VisitExtractWarning,
            stacklevel=4,
        )

    def _guarded(self, operation: Callable[[Any], T], fallback: T) -> T:
        """``operation(cache)``; when SQLite finds the database corrupt, the cache is
        set aside and rebuilt, and ``fallback`` is returned."""
        cache = self._cache
        try:
            return operation(cache)
        except sqlite3.DatabaseError as exc:
            with self._lock:
                if self._cache is cache:  # not already rebuilt by another thread
                    cache.close()
                    self._set_aside(exc)
                    self._cache = self._open()
            return fallback

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored entry, or None (also for an entry of an older format)."""
        value = self._guarded(lambda c: c.get(key), None)
        if isinstance(value, dict) and value.get("format") == ENTRY_FORMAT:
            return value
        return None

    def set(self, key: str, entry: dict[str, Any]) -> None:
        """Store a JSON-serialisable entry (dropped when the cache turns out corrupt)."""
        self._guarded(lambda c: c.set(key, {"format": ENTRY_FORMAT, **entry}), None)

    def stats(self) -> dict[str, Any]:
        """Entry count, bytes on disk and location."""
        entries, volume = self._guarded(lambda c: (len(c), int(c.volume())), (0, 0))
        return {"directory": str(self.directory), "entries": entries, "bytes": volume}

    def clear(self) -> int:
        """Delete every entry; returns how many were deleted."""
        return self._guarded(lambda c: int(c.clear()), 0)

    def close(self) -> None:
        """Release the underlying SQLite connection."""
        self._cache.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["ENTRY_FORMAT", "ResultCache", "cache_dir", "cache_key", "default_cache_dir"]
