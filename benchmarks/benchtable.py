"""What the sectioned benchmarks share: a table of results, printed a row at a time as
it is measured and as one Markdown table at the end, and a main that runs the sections
named on the command line (every section by default)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

#: A result: section, metric, value, target.
Row = tuple[str, str, str, str]


class Table:
    """The rows measured so far.

    Args:
        widths: the columns of a row printed while the benchmark runs (section, metric,
            value).
    """

    def __init__(self, widths: tuple[int, int, int]) -> None:
        self.rows: list[Row] = []
        self._widths = widths

    def row(self, section: str, metric: str, value: str, target: str = "") -> None:
        """Add a result and print it at once (a long run shows its progress)."""
        self.rows.append((section, metric, value, target))
        s, m, v = self._widths
        print(f"  {section:<{s}} {metric:<{m}} {value:>{v}}  {target}", flush=True)

    def print_markdown(self) -> None:
        print("| section | metric | value | target |")
        print("| --- | --- | ---: | --- |")
        for section, metric, value, target in self.rows:
            print(f"| {section} | {metric} | {value} | {target} |")


def run_sections(
    sections: Mapping[str, Callable[[], None]], argv: list[str], table: Table, note: str = ""
) -> None:
    """Run the sections ``argv`` names (all when empty), then print ``table``.

    Args:
        sections: name → the function that measures it.
        argv: the command line's section names.
        table: the table the sections fill.
        note: said after the sections' names when the run starts.
    """
    chosen = argv or list(sections)
    unknown = [s for s in chosen if s not in sections]
    if unknown:
        raise SystemExit(f"unknown section(s) {unknown}; choose from {list(sections)}")
    print(f"running: {', '.join(chosen)}{note}", flush=True)
    for name in chosen:
        sections[name]()
    print()
    table.print_markdown()
