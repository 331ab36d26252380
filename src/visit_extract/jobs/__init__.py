"""Provider batch jobs (OpenAI Batch API, Anthropic Message Batches, /v1/batches
servers): a dump through the LLM backend at half the price, into the rows of a live
batch run. It sits above both the batch layer (rows, writer, pre-filter) and the LLM
backend (the live request path builds and reads every request); see :mod:`.api`.
"""

# The public names are those of .api, listed once there.
from visit_extract.jobs import api
from visit_extract.jobs.api import *  # noqa: F403

__all__ = api.__all__
