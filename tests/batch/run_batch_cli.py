"""Entry point for the kill-and-resume test: registers the HTTP test backends, then
runs ``visit-extract`` with the given arguments (so the test can SIGKILL a real
batch process talking to the fake server)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakebackends import ToolCallBackend, UrllibToolBackend

from visit_extract.cli import main
from visit_extract.extract import register_backend

register_backend("fakehttp", ToolCallBackend)
register_backend("fakehttp-sync", UrllibToolBackend)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
