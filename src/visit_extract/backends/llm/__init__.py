"""The LLM backend: prepared text, prompt files, an instructor client with validation
reasks and transport retries, a JSON disk cache, and code post-processing.

>>> from visit_extract import extract_visit
>>> extract_visit(text, model="openai/gpt-4o-mini")          # doctest: +SKIP
"""

from visit_extract.backends.llm.backend import LLMBackend

__all__ = ["LLMBackend"]
