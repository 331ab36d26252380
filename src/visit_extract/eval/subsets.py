"""Scoring part of an eval set: the ids a list file names.

A development split such as ``dev_halves.tsv`` (``id<TAB>half`` per line) is used as
``FILE:LABEL``: ``dev_halves.tsv:check`` keeps the ids whose second column is
``check``. A plain ``FILE`` keeps every id it lists. ``#`` starts a comment line.
"""

from __future__ import annotations

from pathlib import Path

from visit_extract.errors import DatasetError


def read_id_list(spec: str | Path) -> frozenset[str]:
    """The ids ``FILE`` or ``FILE:LABEL`` selects.

    Args:
        spec: a path, or a path and a label joined by ``:``.

    Returns:
        The selected ids.

    Raises:
        DatasetError: the file is missing, or no line carries the label (the message
            lists the labels it has).
    """
    path, label = Path(spec), None
    if not path.is_file():
        head, sep, tail = str(spec).rpartition(":")
        if sep and tail and "/" not in tail:
            path, label = Path(head), tail
    if not path.is_file():
        raise DatasetError(f"id list {path} does not exist; give FILE or FILE:LABEL")
    ids: set[str] = set()
    labels: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols or cols[0].startswith("#"):
            continue
        if len(cols) > 1:
            labels.add(cols[1])
        if label is None or (len(cols) > 1 and cols[1] == label):
            ids.add(cols[0])
    if not ids:
        have = ", ".join(sorted(labels)) or "none"
        raise DatasetError(f"no id in {path} is labelled {label!r}; its labels: {have}")
    return frozenset(ids)


__all__ = ["read_id_list"]
