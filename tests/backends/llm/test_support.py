"""The cassette replay every LLM test goes through."""

from __future__ import annotations

import pytest

from .support import CASSETTES, replay


def test_a_missing_cassette_fails_the_test_instead_of_skipping() -> None:
    assert not (CASSETTES / "never_recorded.yaml").exists()
    with pytest.raises(pytest.fail.Exception, match=r"never_recorded\.yaml is missing"):
        replay("never_recorded.yaml")


def test_a_present_cassette_replays_with_record_mode_none() -> None:
    with replay("authored_401.yaml") as cas:
        assert cas.record_mode == "none" and len(cas) > 0
