"""The backend registry: lookup by name and entry point, one instance per settings,
declared capabilities with their defaults, and the retry hook only where declared."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from visit_extract import extract as extract_mod
from visit_extract import registry
from visit_extract.backends.llm import LLMBackend
from visit_extract.backends.rules.backend import RulesBackend
from visit_extract.config import Settings
from visit_extract.errors import ConfigError, UnknownBackendError
from visit_extract.registry import (
    DEFAULT_CAPABILITIES,
    BackendCapabilities,
    available_backends,
    backend_factory,
    capabilities_of,
    get_backend,
    hooks_of,
    make_backend,
    register_backend,
)
from visit_extract.schema import Article, VisitExtraction

OFFLINE = Settings()


class Echo:
    """A third-party backend that declares nothing."""

    name = "echo"

    def __init__(self, settings: Settings, **hooks: Any) -> None:
        self.settings = settings
        self.hooks = hooks

    def extract(self, article: Article) -> VisitExtraction:
        return VisitExtraction(is_study_visit=False, backend=self.name)


class Hooked(Echo):
    capabilities = BackendCapabilities(reports_retries=True)


def test_the_old_import_path_still_works() -> None:
    assert extract_mod.register_backend is register_backend
    assert extract_mod.ExtractionBackend is registry.ExtractionBackend


def test_a_registered_backend_is_found_by_name_and_its_instance_reused() -> None:
    register_backend("echo", Echo)
    settings = OFFLINE.replace(backend="echo")
    assert backend_factory("echo") is Echo
    assert get_backend(settings) is get_backend(settings)
    first = get_backend(settings)
    register_backend("echo", Echo)  # re-registering drops the old instance
    assert get_backend(settings) is not first
    assert "echo" in available_backends()


def test_entry_point_backends_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    point = SimpleNamespace(name="from-plugin", value=Echo)
    monkeypatch.setattr(
        registry,
        "entry_points",
        lambda group: [point] if group == "visit_extract.backends" else [],
    )
    assert "from-plugin" in available_backends()
    assert isinstance(make_backend(OFFLINE.replace(backend="from-plugin")), Echo)


def test_unknown_and_unloadable_backends_say_what_to_do() -> None:
    with pytest.raises(UnknownBackendError, match=r"choose one of: .*llm.*rules"):
        backend_factory("nope")
    register_backend("missing-extra", "visit_extract_no_such_module:Backend")
    with pytest.raises(ConfigError, match=r"cannot be loaded.*install its extras"):
        make_backend(OFFLINE.replace(backend="missing-extra"))


def test_the_built_in_backends_declare_what_they_can_do() -> None:
    assert capabilities_of(RulesBackend) == BackendCapabilities(prefilter=False, concurrency=1)
    llm = capabilities_of(LLMBackend)
    assert llm.prefilter and llm.concurrency is None and llm.reports_retries


def test_a_backend_without_capabilities_gets_the_documented_defaults() -> None:
    assert capabilities_of(Echo) is DEFAULT_CAPABILITIES
    assert capabilities_of(Echo(OFFLINE)) is DEFAULT_CAPABILITIES
    assert (
        BackendCapabilities(prefilter=True, concurrency=None, reports_retries=False)
        == DEFAULT_CAPABILITIES
    )
    odd = SimpleNamespace(capabilities={"prefilter": False})  # not a declaration
    assert capabilities_of(odd) is DEFAULT_CAPABILITIES


def test_the_declared_concurrency_caps_what_a_run_asks_for() -> None:
    assert BackendCapabilities(concurrency=2).workers(8) == 2
    assert BackendCapabilities(concurrency=2).workers(1) == 1
    assert DEFAULT_CAPABILITIES.workers(8) == 8
    with pytest.raises(ConfigError, match="concurrency"):
        BackendCapabilities(concurrency=0)


def test_the_retry_hook_goes_only_to_factories_that_declare_it() -> None:
    def hook(event: object) -> None:
        return None

    register_backend("echo", Echo)
    register_backend("hooked", Hooked)
    plain = make_backend(OFFLINE.replace(backend="echo"), on_retry=hook)
    hooked = make_backend(OFFLINE.replace(backend="hooked"), on_retry=hook)
    assert isinstance(plain, Echo) and plain.hooks == {}
    assert isinstance(hooked, Hooked) and hooked.hooks == {"on_retry": hook}


def test_hooks_are_the_optional_members_a_backend_has() -> None:
    class Full(Echo):
        async def aextract(self, article: Article) -> VisitExtraction:
            return self.extract(article)

        async def aclose(self) -> None:
            return None

        def estimate_cost(self, usage: Any) -> float:
            return 0.0

    class SyncNamedAsync(Echo):
        def aextract(self, article: Article) -> VisitExtraction:  # not a coroutine
            return self.extract(article)

    full = hooks_of(Full(OFFLINE))
    assert full.aextract is not None and full.aclose is not None
    assert full.estimate_cost is not None
    bare = hooks_of(SyncNamedAsync(OFFLINE))
    assert (bare.aextract, bare.aclose, bare.estimate_cost) == (None, None, None)
