"""The batch progress bar (tqdm on stderr), or nothing when it is off."""

from __future__ import annotations

import sys
from typing import Any

from visit_extract.batch.stats import BatchStats


def _bar_class() -> Any:
    """A tqdm whose counters beside the bar are read from the run's stats each time the
    bar is drawn (tqdm imported on first use)."""
    from tqdm import tqdm

    class StatsBar(tqdm):  # type: ignore[misc]
        stats: BatchStats

        @property
        def format_dict(self) -> dict[str, Any]:
            # Set beside each update, the counters lagged: the bar showed ok=1 with 863
            # done when a burst of results came between two settings. Computed here,
            # only when the bar is drawn, they are both current and cheap.
            shown = super().format_dict
            shown["postfix"] = ", ".join(f"{k}={v}" for k, v in self.stats.postfix().items())
            return shown  # type: ignore[no-any-return]

    return StatsBar


class ProgressBar:
    """A tqdm bar on stderr with the run's counters beside it, or nothing."""

    def __init__(self, enabled: bool, total: int | None, stats: BatchStats) -> None:
        self._bar: Any = None
        if enabled:
            bar = _bar_class()
            bar.stats = stats
            self._bar = bar(
                total=total, unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.05
            )

    def update(self) -> None:
        """One more result."""
        if self._bar is not None:
            self._bar.update(1)

    def close(self) -> None:
        """Show the final counters and close the bar."""
        if self._bar is not None:
            self._bar.close()


__all__ = ["ProgressBar"]
