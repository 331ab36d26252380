"""Model providers behind a small protocol, looked up in a registry.

A client turns chat messages and a response model into a validated answer. The
built-in :class:`InstructorClient` (instructor over the OpenAI or Anthropic SDK) is
registered under ``"instructor"`` with :func:`register_client`, exactly as a third
party registers its own; a client registered under a provider name (``"acme"``) is
used for models written ``acme/<model>``, and ``"instructor"`` serves the rest.

Modules: ``registry`` (the protocol and the registry), ``instructor`` (the built-in
client), ``requests`` (request shaping), ``schema`` (instructor's tool schema, made
once), ``errors`` (failures mapped onto the project's errors).
"""

from visit_extract.backends.llm.clients.instructor import DEFAULT_BASE_URLS, InstructorClient
from visit_extract.backends.llm.clients.registry import (
    ClientFactory,
    LLMClient,
    get_client,
    register_client,
    registered_clients,
)

register_client("instructor", InstructorClient)

__all__ = [
    "DEFAULT_BASE_URLS",
    "ClientFactory",
    "InstructorClient",
    "LLMClient",
    "get_client",
    "register_client",
    "registered_clients",
]
