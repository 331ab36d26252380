"""The batch progress bar (tqdm on stderr), or nothing when it is off."""

from __future__ import annotations

import sys
import time
from typing import Any

from visit_extract.batch.stats import BatchStats


class ProgressBar:
    """A tqdm bar on stderr with the run's counters beside it, or nothing."""

    def __init__(self, enabled: bool, total: int | None, stats: BatchStats) -> None:
        self._bar: Any = None
        self._stats = stats
        self._last_postfix = 0.0
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total, unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.05
            )

    def update(self) -> None:
        """One more result."""
        if self._bar is None:
            return
        self._bar.update(1)
        now = time.perf_counter()
        if now - self._last_postfix > 0.5:  # postfix formatting is slow at 1,000+/s
            self._last_postfix = now
            self._bar.set_postfix(self._stats.postfix(), refresh=False)

    def close(self) -> None:
        """Show the final counters and close the bar."""
        if self._bar is not None:
            self._bar.set_postfix(self._stats.postfix(), refresh=False)
            self._bar.close()


__all__ = ["ProgressBar"]
