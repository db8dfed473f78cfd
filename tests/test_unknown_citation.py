"""An unknown citation key is reported with the key, the file and the line, and fails -W."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="unknown-citation")
def test_unknown_key_warns_with_key_file_and_line(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "nosuchkey2020" in warnings
    assert "index.rst:6" in warnings
    assert "luthi2008split" not in warnings


@pytest.mark.sphinx("html", testroot="unknown-citation")
def test_known_citation_still_renders(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Lüthi" in html


def test_unknown_key_fails_a_strict_build(rootdir: Path, tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-unknown-citation", source)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "--keep-going", "-q",
         str(source), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "nosuchkey2020" in result.stderr
