"""The LLM answer cache: diskcache, stored as JSON (never pickle).

The key is a hash of exactly what decides the model's answer — provider and base URL,
model, prompt version, schema version, article text, publication date, and sampling
parameters — and nothing else: not the API key (rotating it must not empty the cache,
and it must never be written to disk), not the article id (the same text under two ids
is one request). Only successful, validated answers are stored.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import diskcache
import platformdirs

from visit_extract.config import Settings
from visit_extract.errors import ConfigError

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
    """A JSON-on-disk cache of validated model answers."""

    def __init__(self, directory: Path):
        self.directory = directory
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._cache = diskcache.Cache(
                str(directory), disk=diskcache.JSONDisk, disk_compress_level=6
            )
        except OSError as exc:
            raise ConfigError(
                f"cannot use cache directory {directory}: {exc.strerror}; "
                "pass --cache-dir (VISIT_EXTRACT_CACHE_DIR) or --no-cache"
            ) from None

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored entry, or None (also for an entry of an older format)."""
        value = self._cache.get(key)
        if isinstance(value, dict) and value.get("format") == ENTRY_FORMAT:
            return value
        return None

    def set(self, key: str, entry: dict[str, Any]) -> None:
        """Store a JSON-serialisable entry."""
        self._cache.set(key, {"format": ENTRY_FORMAT, **entry})

    def stats(self) -> dict[str, Any]:
        """Entry count, bytes on disk and location."""
        return {
            "directory": str(self.directory),
            "entries": len(self._cache),
            "bytes": int(self._cache.volume()),
        }

    def clear(self) -> int:
        """Delete every entry; returns how many were deleted."""
        return int(self._cache.clear())

    def close(self) -> None:
        """Release the underlying SQLite connection."""
        self._cache.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["ENTRY_FORMAT", "ResultCache", "cache_dir", "cache_key", "default_cache_dir"]
