"""``followup-desk --self-test``: the check an installer pipeline runs on the built app."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop import self_test
from desktop.app import main


def test_the_self_test_passes_and_says_what_it_checked(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["followup-desk", "--self-test"]) == 0
    out = capsys.readouterr().out
    for step in ("business card", "interview", "search", "letter and envelope", "vCard"):
        assert f"ok   {step}" in out
    assert out.rstrip().endswith("self-test passed.")


def test_a_failing_step_is_named_and_the_exit_code_is_not_zero(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: object) -> str:
        raise OSError("no fonts")

    monkeypatch.setattr(self_test._Steps, "letter", broken)

    assert main(["followup-desk", "--self-test"]) == 1
    captured = capsys.readouterr()
    assert "FAIL letter and envelope: OSError: no fonts" in captured.err
    assert "ok   search" in captured.out, "the steps before it ran"
