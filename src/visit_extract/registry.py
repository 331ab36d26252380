"""Extraction backends: the protocol they follow, what they declare, and the registry
that finds them by name.

The built-in backends (``rules``, ``llm``) are registered exactly the way a third party
registers its own: :func:`register_backend`, or an entry point in the
``visit_extract.backends`` group naming a factory ``(Settings) -> ExtractionBackend``
(usually the backend class itself).

A backend says what it can do in a class attribute ``capabilities``
(:class:`BackendCapabilities`); runs read that declaration instead of the backend's
name. A backend without one gets :data:`DEFAULT_CAPABILITIES`.
"""

from __future__ import annotations

import importlib
import inspect
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from visit_extract.config import Settings
from visit_extract.errors import ConfigError, UnknownBackendError
from visit_extract.schema import Article, Usage, VisitExtraction

ENTRY_POINT_GROUP = "visit_extract.backends"


@dataclass(frozen=True)
class BackendCapabilities:
    """What a backend declares about itself (a class attribute named ``capabilities``).

    Attributes:
        prefilter: batch runs may let the recall-first pre-filter keep articles from
            this backend (worth it when a call costs money or seconds; pointless for a
            backend as cheap as the filter itself).
        concurrency: the most articles this backend runs at once, whatever
            ``Settings.concurrency`` asks for (1 for a CPU-bound or thread-unsafe
            backend); None: no limit of its own.
        reports_retries: the factory accepts an ``on_retry=`` keyword and calls it
            before each transport retry with an object carrying ``status_code`` (int or
            None) and ``wait_s``; batch runs use it to slow down on HTTP 429. Read from
            the registered factory, since it decides how the backend is built.
    """

    prefilter: bool = True
    concurrency: int | None = None
    reports_retries: bool = False

    def __post_init__(self) -> None:
        if self.concurrency is not None and self.concurrency < 1:
            raise ConfigError(f"capabilities.concurrency must be >= 1, got {self.concurrency}")

    def workers(self, requested: int) -> int:
        """Articles to run at once when a run asks for ``requested``."""
        return requested if self.concurrency is None else min(requested, self.concurrency)


#: What a backend that declares nothing gets: the treatment every backend other than
#: ``rules`` had before backends declared capabilities, so an older third-party backend
#: runs as it did, except that its factory is given no ``on_retry`` hook until it
#: declares ``reports_retries``. Pre-filtered in batch runs (the cautious choice for cost),
#: as many articles at once as ``Settings.concurrency`` says.
DEFAULT_CAPABILITIES = BackendCapabilities()


@runtime_checkable
class ExtractionBackend(Protocol):
    """What a backend provides: a ``name`` and ``extract``.

    Optional members, found by name when present:

    - ``capabilities``: a :class:`BackendCapabilities` (class attribute).
    - ``async def aextract(article)``: ``extract`` without blocking; batch runs await it
      instead of running ``extract`` in a thread pool.
    - ``async def aclose()``: release what is bound to the event loop of a run (HTTP
      clients); batch runs await it at the end of every run, in that loop.
    - ``close()``: release what the backend holds, for callers that made it themselves.
    - ``estimate_cost(usage) -> float | None``: the USD price of ``usage`` on this
      backend's model (None when unknown); batch runs total it.
    - the factory keyword ``on_retry`` (see :attr:`BackendCapabilities.reports_retries`).

    Optional members of the factory (usually the backend class), for dry runs that
    must not build the backend (no key, no request):

    - ``planned_usage(settings, article) -> Usage``: the tokens the article would take.
    - ``price(settings, usage) -> float | None``: the USD price of ``usage``.
    """

    name: str

    def extract(self, article: Article) -> VisitExtraction:
        """Extract the study visits of one checked article."""
        ...


BackendFactory = Callable[[Settings], ExtractionBackend]
RetryHook = Callable[[Any], None]


@dataclass(frozen=True)
class BackendHooks:
    """The optional members of one backend instance, looked up once."""

    aextract: Callable[[Article], Awaitable[VisitExtraction]] | None
    aclose: Callable[[], Awaitable[None]] | None
    estimate_cost: Callable[[Usage], float | None] | None


@dataclass(frozen=True)
class PlanningHooks:
    """The factory-level members a dry run uses (see :class:`ExtractionBackend`)."""

    planned_usage: Callable[[Settings, Article], Usage] | None
    price: Callable[[Settings, Usage], float | None] | None


def planning_hooks(settings: Settings) -> PlanningHooks:
    """What the settings' backend can say about an article without being built.

    Raises:
        UnknownBackendError: no backend of that name.
        ConfigError: the backend's module cannot be loaded.
    """
    factory = backend_factory(settings.resolved_backend)
    usage = getattr(factory, "planned_usage", None)
    cost = getattr(factory, "price", None)
    return PlanningHooks(
        planned_usage=usage if callable(usage) else None,
        price=cost if callable(cost) else None,
    )


def capabilities_of(obj: object) -> BackendCapabilities:
    """The declared capabilities of a backend, backend class or factory (else defaults)."""
    declared = getattr(obj, "capabilities", None)
    return declared if isinstance(declared, BackendCapabilities) else DEFAULT_CAPABILITIES


def hooks_of(backend: object) -> BackendHooks:
    """The optional members ``backend`` defines (a sync ``aextract`` does not count)."""
    aextract = getattr(backend, "aextract", None)
    aclose = getattr(backend, "aclose", None)
    cost = getattr(backend, "estimate_cost", None)
    return BackendHooks(
        aextract=aextract if inspect.iscoroutinefunction(aextract) else None,
        aclose=aclose if inspect.iscoroutinefunction(aclose) else None,
        estimate_cost=cost if callable(cost) else None,
    )


_REGISTRY: dict[str, BackendFactory | str] = {
    # Built-ins are named as "module:attribute" so that a rules-only run never imports
    # instructor or openai; they resolve on first use, like entry points do.
    "rules": "visit_extract.backends.rules.backend:RulesBackend",
    "llm": "visit_extract.backends.llm:LLMBackend",
}
_INSTANCES: dict[tuple[str, Settings], ExtractionBackend] = {}
_LOCK = threading.Lock()


def register_backend(name: str, factory: BackendFactory | str) -> None:
    """Register a backend under ``name``, replacing any earlier one.

    Args:
        name: what users pass as ``backend=``.
        factory: a callable ``(Settings) -> ExtractionBackend`` (usually the backend
            class) or ``"module:attr"`` naming one.
    """
    with _LOCK:
        _REGISTRY[name] = factory
        for key in [k for k in _INSTANCES if k[0] == name]:
            del _INSTANCES[key]


def available_backends() -> list[str]:
    """Names of every registered backend, entry points included."""
    names = set(_REGISTRY)
    names.update(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))
    return sorted(names)


def backend_factory(name: str) -> BackendFactory:
    """The factory registered under ``name`` (or an entry point's), imported if named.

    Raises:
        UnknownBackendError: nothing is registered under ``name``.
        ConfigError: the factory's module cannot be imported (a missing extra).
    """
    factory = _REGISTRY.get(name)
    if factory is None:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name == name:
                factory = ep.value
                break
    if factory is None:
        raise UnknownBackendError(
            f"no backend named {name!r}; choose one of: {', '.join(available_backends())}"
        )
    if isinstance(factory, str):
        module_name, _, attr = factory.partition(":")
        with _loading(name):
            loaded: BackendFactory = getattr(importlib.import_module(module_name), attr)
        return loaded
    return factory


@contextmanager
def _loading(name: str) -> Iterator[None]:
    """Turn an ImportError while loading backend ``name`` into a :class:`ConfigError`
    that says what to do: a missing dependency is a setup problem, not a crash."""
    try:
        yield
    except ImportError as exc:
        raise ConfigError(
            f"backend {name!r} cannot be loaded ({exc}); install its extras or "
            "choose another backend"
        ) from None


def make_backend(settings: Settings, on_retry: RetryHook | None = None) -> ExtractionBackend:
    """A new backend for ``settings``, given ``on_retry`` when its factory declares
    ``reports_retries`` (that is how a batch run hears of retries the backend does
    itself, such as HTTP 429s).

    Raises:
        UnknownBackendError: no backend of that name.
        ConfigError: the backend cannot be loaded or refuses the settings (a missing
            API key, for one).
    """
    name = settings.resolved_backend
    factory = backend_factory(name)
    with _loading(name):
        if on_retry is not None and capabilities_of(factory).reports_retries:
            return factory(settings, on_retry=on_retry)  # type: ignore[call-arg]
        return factory(settings)


def get_backend(settings: Settings) -> ExtractionBackend:
    """The backend instance for these settings (one per distinct settings, reused)."""
    key = (settings.resolved_backend, settings)
    with _LOCK:
        backend = _INSTANCES.get(key)
    if backend is None:
        backend = make_backend(settings)
        with _LOCK:
            backend = _INSTANCES.setdefault(key, backend)
    return backend


__all__ = [
    "DEFAULT_CAPABILITIES",
    "ENTRY_POINT_GROUP",
    "BackendCapabilities",
    "BackendFactory",
    "BackendHooks",
    "ExtractionBackend",
    "PlanningHooks",
    "available_backends",
    "backend_factory",
    "capabilities_of",
    "get_backend",
    "hooks_of",
    "make_backend",
    "planning_hooks",
    "register_backend",
]
