"""Reproducible builds: the same commit gives the same site, byte for byte.

Two clean HTML builds run as separate ``sphinx-build`` processes, in different
directories, with different hash seeds (Python's set and dict-of-str iteration order)
and one serial, one parallel (the ``docs`` session uses ``-j auto``), and with the same
``SOURCE_DATE_EPOCH`` (as CI sets it from the commit). Every file must match, including
``.buildinfo``, ``searchindex.js``, ``timeline.json`` and ``timeline.csv``.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from booktools import DOCS

pytestmark = pytest.mark.browser

# 2026-01-01T00:00:00Z; any fixed instant will do.
EPOCH = "1767225600"


def build(where: Path, hash_seed: str, jobs: str) -> Path:
    out = where / "html"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-q", "-j", jobs,
         "-d", str(where / "doctrees"), str(DOCS), str(out)],
        capture_output=True, text=True, env=env, check=False, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def digests(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def first_difference(a: Path, b: Path) -> str:
    try:
        left = a.read_text(encoding="utf-8").splitlines()
        right = b.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return "(binary)"
    diff = difflib.unified_diff(left, right, lineterm="", n=1)
    return "\n".join(line[:200] for line in list(diff)[:12])


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(tmp_path / "a", hash_seed="1", jobs="1")
    second = build(tmp_path / "b", hash_seed="2", jobs="2")
    one, two = digests(first), digests(second)
    print(f"{len(one)} files compared; timeline.json {one.get('timeline.json', '')[:12]}, "
          f"timeline.csv {one.get('timeline.csv', '')[:12]}")  # fmt: skip
    assert sorted(one) == sorted(two)
    for name in ("timeline.json", "timeline.csv", ".buildinfo", "searchindex.js"):
        assert name in one
    differing = [name for name in one if one[name] != two[name]]
    details = {name: first_difference(first / name, second / name) for name in differing[:5]}
    assert differing == [], "\n\n".join(f"{name}:\n{diff}" for name, diff in details.items())


def test_no_build_date_or_build_path_reaches_readers(tmp_path: Path) -> None:
    """Nothing in the site names the machine's clock or the build directory."""
    out = build(tmp_path / "c", hash_seed="3", jobs="1")
    leaks = []
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".csv", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            if str(tmp_path) in text or str(DOCS) in text:
                leaks.append(path.relative_to(out).as_posix())
    assert leaks == []
