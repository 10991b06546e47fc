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


def peak_rss_kib() -> int:
    """This process's peak resident set size (VmHWM), in KiB; 0 where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux
    except (ImportError, OSError):
        return 0


def rss_kib() -> int:
    """This process's current resident set size (VmRSS), in KiB; 0 where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
