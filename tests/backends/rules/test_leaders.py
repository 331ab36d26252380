"""Leaders (backends/rules/leaders.py): delegation heads and receivers, invented texts."""

from __future__ import annotations

from visit_extract.backends.rules.context import Context
from visit_extract.backends.rules.leaders import find_leaders

from .support import context_through


def _leaders(text: str) -> tuple[tuple[str, str | None] | None, list[tuple[str, str | None]]]:
    ctx = context_through(text, find_leaders)
    host = ctx.host.leader if ctx.host is not None else None
    return (
        (host.name, host.title) if host else None,
        [(s.leader.name, s.leader.title) for s in ctx.sides.values() if s.leader is not None],
    )


def _evidence(ctx: Context) -> list[tuple[str, str]]:
    sides = [ctx.host, *ctx.sides.values()]
    return [(e.field, e.quote) for s in sides if s is not None for e in s.evidence]


def test_led_by_with_a_title_given_after_the_name() -> None:
    host, visitors = _leaders(
        "Rombongan Pemkab Klaten dipimpin oleh Budi Prasetyo selaku Sekretaris Daerah "
        "tiba di Kabupaten Gianyar. Rombongan diterima langsung oleh Bupati Gianyar Made "
        "Wirawan."
    )
    assert visitors == [("Budi Prasetyo", "Sekda")]
    assert host == ("Made Wirawan", "Bupati")


def test_the_most_senior_receiver_hosts() -> None:
    host, _ = _leaders(
        "Pemkot Salatiga studi tiru ke Kabupaten Gianyar. Rombongan disambut Kepala Dinas "
        "Kesehatan Gianyar Ketut Arsa, lalu diterima Wakil Bupati Gianyar Made Wirawan."
    )
    assert host == ("Made Wirawan", "Wakil Bupati")


def test_without_led_by_a_senior_official_stands_for_the_delegation() -> None:
    text = (
        "Pemkab Klaten belajar ke Kabupaten Gianyar. Kepala Dinas Pertanian Klaten Joko "
        "Susilo memberi keterangan, sementara Bupati Klaten Sri Wahyuni ikut berdiskusi."
    )
    _, visitors = _leaders(text)
    assert visitors == [("Sri Wahyuni", "Bupati")]
    ctx = context_through(text, find_leaders)
    assert ("visitor.leader", "Bupati Klaten Sri Wahyuni") in _evidence(ctx)


def test_a_spokesperson_is_no_leader() -> None:
    _, visitors = _leaders(
        "Pemkab Klaten belajar ke Kabupaten Gianyar. Kepala Dinas Pertanian Klaten Joko "
        "Susilo memberi keterangan."
    )
    assert visitors == []


def test_the_head_named_as_leader_of_the_group() -> None:
    _, visitors = _leaders(
        "Tim Pemkot Salatiga berkunjung ke Kabupaten Gianyar. Asisten II Setda Salatiga "
        "Rudi Hartawan selaku ketua rombongan menyampaikan terima kasih."
    )
    # an Asisten is not senior enough to lead by rank alone: "selaku ketua rombongan" does it
    assert visitors == [("Rudi Hartawan", "Asisten II Setda")]
