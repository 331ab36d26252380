"""Runs of words after a topic cue, split into items (backends/rules/topic_runs.py)."""

from __future__ import annotations

from visit_extract.backends.rules.topic_runs import is_verb, list_lines, run_items


def _run(text: str) -> list[str]:
    return [text[a:b] for a, b in run_items(text, 0)]


def test_a_run_splits_at_commas_and_dan_and_ends_at_a_clause_word() -> None:
    assert _run("pajak hotel, retribusi pasar dan bank sampah yang dikelola warga.") == [
        "pajak hotel",
        "retribusi pasar",
        "bank sampah",
    ]


def test_a_stop_bounds_the_run() -> None:
    text = "arsip desa dan pasar rakyat"
    assert [text[a:b] for a, b in run_items(text, 0, len("arsip desa"))] == ["arsip desa"]


def test_list_lines_reads_marked_lines_only() -> None:
    text = ":\na. Pengelolaan pasar rakyat\nb. Pajak daerah\nLalu acara selesai."
    assert [text[a:b] for a, b in list_lines(text, 1)] == [
        "Pengelolaan pasar rakyat",
        "Pajak daerah",
    ]
    assert list_lines("pajak daerah dan pasar.", 0) == []


def test_verbs_and_nouns_that_look_like_verbs() -> None:
    assert is_verb("mengelola") and is_verb("berangkat")
    assert not is_verb("digital") and not is_verb("berbasis") and not is_verb("media")


def test_a_short_bracket_of_either_kind_belongs_to_its_item() -> None:
    assert _run("sistem laporan elektronik [Silapor] dan pajak.") == [
        "sistem laporan elektronik [Silapor]",
        "pajak",
    ]
    assert _run("pelayanan terpadu (PTSP) kota.") == ["pelayanan terpadu (PTSP) kota"]
