"""How a benchmark child hands its result back: one line, a fixed prefix, then JSON.

The parent (``bench/run.py``) ignores everything else a child prints (Qt warnings and the
like). Standard library only, so the floor children can use it without importing the app.
"""

from __future__ import annotations

import json
from typing import Any

RESULT_PREFIX = "BENCH-RESULT "


def emit(result: dict[str, Any]) -> None:
    """Hand ``result`` back to the parent on stdout."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)


def parse(stdout: str) -> dict[str, Any]:
    """The result a child printed; ValueError if it printed none."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX) :])
            return result
    raise ValueError("the child printed no result line")
