"""The built-in backends, each in its own folder: ``rules`` (offline) and ``llm``."""
