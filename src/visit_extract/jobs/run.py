"""One open provider batch run: its manifest, settings, request builder, job API and
output file, and the options it was started with.

The settings a run was submitted with are stored in its manifest (never the API key)
and restored from there, so that ``collect`` days later builds exactly the requests
that were submitted and stores answers under the same cache keys.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from visit_extract.backends.llm.jobs import JobAPI, JobLimits, RequestBuilder, job_api
from visit_extract.batch import ResultWriter
from visit_extract.config import Settings
from visit_extract.errors import ConfigError
from visit_extract.jobs.manifest import JobRecord, Manifest
from visit_extract.schema import SCHEMA_VERSION

#: Settings never written to a manifest.
_SECRET = frozenset({"api_key", "env_api_keys"})
#: Settings that decide the request bodies: a run continues only with the same ones.
_REQUEST_FIELDS = (
    "model",
    "base_url",
    "mode",
    "temperature",
    "send_temperature",
    "max_output_tokens",
    "max_prompt_chars",
)
#: Settings a later command may change: the key (never saved), where answers are cached,
#: how requests are retried.
LOCAL_FIELDS = frozenset(
    {"api_key", "use_cache", "cache_dir", "concurrency", "request_timeout_s", "transport_attempts"}
)


@dataclass(frozen=True)
class JobOptions:
    """How a provider batch run treats its jobs.

    Attributes:
        on_failed: ``error`` (an expired, cancelled or failed request becomes an error
            row) or ``resubmit`` (it goes into a new job, when the provider's error says
            trying again may help).
        reask: ``live`` (an invalid answer is asked again at once, through the live
            path) or ``batch`` (the reask goes into a job of the next round; an answer
            still invalid in the last round is an error row, never a live request).
        max_rounds: rounds of jobs at most, the first included.
        max_requests: requests per job (None: the provider's limit).
        max_bytes: bytes per job (None: the provider's limit).
        keep_requests: keep each job file after the provider accepted it.
    """

    on_failed: Literal["error", "resubmit"] = "error"
    reask: Literal["live", "batch"] = "live"
    max_rounds: int = 3
    max_requests: int | None = None
    max_bytes: int | None = None
    keep_requests: bool = False

    def __post_init__(self) -> None:
        if self.on_failed not in ("error", "resubmit"):
            raise ConfigError(f"on_failed must be 'error' or 'resubmit', not {self.on_failed!r}")
        if self.reask not in ("live", "batch"):
            raise ConfigError(f"reask must be 'live' or 'batch', not {self.reask!r}")
        if self.max_rounds < 1:
            raise ConfigError(f"max_rounds must be at least 1, got {self.max_rounds}")

    def limits(self, api_limits: JobLimits) -> JobLimits:
        """The provider's limits, lowered where these options say so."""
        return JobLimits(
            max_requests=min(self.max_requests or api_limits.max_requests, api_limits.max_requests),
            max_bytes=min(self.max_bytes or api_limits.max_bytes, api_limits.max_bytes),
        )


def settings_record(settings: Settings) -> dict[str, Any]:
    """The settings as a JSON-able dict, without secrets."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        if f.name in _SECRET:
            continue
        value = getattr(settings, f.name)
        out[f.name] = str(value) if isinstance(value, Path) else value
    return out


def settings_from_record(record: dict[str, Any], **overrides: Any) -> Settings:
    """Settings rebuilt from a manifest (keys from the environment), then ``overrides``.

    Fields this version does not know are left out, so a manifest stays readable
    when Settings grows or loses an option.
    """
    known = {f.name for f in dataclasses.fields(Settings)} - _SECRET
    values = {k: v for k, v in record.items() if k in known}
    if values.get("cache_dir") is not None:
        values["cache_dir"] = Path(values["cache_dir"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings.from_env(**values)


class JobRun:
    """An open run (the manifest stays locked until :meth:`close`).

    Args:
        manifest: the run's manifest.
        settings: the run's settings (restored, or the ones it was created with).
        overwrite: start the output file afresh (only when creating a run).

    Raises:
        ConfigError: the prompt files or the request settings differ from the run's.
    """

    def __init__(self, manifest: Manifest, settings: Settings, *, overwrite: bool = False):
        self.manifest = manifest
        self.settings = settings
        self.options = JobOptions(**manifest.data.get("options", {}))
        self.builder = RequestBuilder(settings)
        self._check(manifest.data)
        self.api: JobAPI = job_api(self.builder.client, settings)
        self.api.limits = self.options.limits(self.api.limits)
        self.output = Path(manifest.data["output"])
        self.writer = ResultWriter(self.output, resume=not overwrite, overwrite=overwrite)

    def _check(self, data: dict[str, Any]) -> None:
        if data.get("prompt_version") != self.builder.prompt_version:
            raise ConfigError(
                f"the prompt files changed since this run was submitted (prompt version "
                f"{data.get('prompt_version')} then, {self.builder.prompt_version} now): its "
                "requests cannot be rebuilt; use the prompt files of that run"
            )
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ConfigError(
                f"this run was submitted with schema version {data.get('schema_version')}; "
                f"this visit-extract has {SCHEMA_VERSION}: finish it with the version it began with"
            )
        saved = data.get("settings", {})
        changed = [
            name
            for name in _REQUEST_FIELDS
            if name in saved and saved[name] != getattr(self.settings, name)
        ]
        if changed:
            raise ConfigError(
                f"these settings differ from the run's: {', '.join(changed)}; the run "
                "keeps the ones it was submitted with (leave them out, or start a new run "
                "in another --manifest folder)"
            )

    @property
    def model(self) -> str:
        """The model, as configured (``openai/gpt-4o-mini``)."""
        return self.settings.model or ""

    @property
    def suffix(self) -> str:
        """The job file's extension."""
        return ".json" if self.api.provider == "anthropic" else ".jsonl"

    def claimed(self, but: JobRecord | None = None) -> frozenset[str]:
        """The provider job ids the run's jobs own (other than ``but``'s)."""
        return frozenset(
            job.batch_id
            for job in self.manifest.jobs()
            if job.batch_id and (but is None or job.name != but.name)
        )

    def close(self) -> None:
        """Close the output, the clients and the manifest lock."""
        self.writer.close()
        self.api.close()
        self.builder.close()
        self.manifest.close()

    def __enter__(self) -> JobRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["LOCAL_FIELDS", "JobOptions", "JobRun", "settings_from_record", "settings_record"]
