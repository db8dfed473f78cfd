"""The PDF shows Chinese and Cyrillic as real, embedded glyphs, and a missing glyph fails it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

pytestmark = [pytest.mark.latex, pytest.mark.usefixtures("needs_latex")]


def compile_pdf(app: SphinxTestApp) -> subprocess.CompletedProcess[str]:
    app.build()
    return subprocess.run(
        ["make", "-C", str(app.outdir), "all-pdf"], capture_output=True, text=True, check=False
    )


def pdf_tool(*args: str) -> str:
    if shutil.which(args[0]) is None:
        pytest.skip(f"{args[0]} (poppler-utils) is not installed")
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def scripts_app(make_app: Any, rootdir: Path, tmp_path: Path, book_latex_settings: dict) -> Any:
    source = tmp_path / "scripts"
    shutil.copytree(rootdir / "test-pdf-scripts", source)
    return make_app("latex", srcdir=source, confoverrides=book_latex_settings)


def test_pdf_has_chinese_and_cyrillic_text(scripts_app: SphinxTestApp) -> None:
    result = compile_pdf(scripts_app)
    assert result.returncode == 0, result.stdout[-2000:]
    text = pdf_tool("pdftotext", str(scripts_app.outdir / "scripts.pdf"), "-")
    assert "毛泽东" in text
    assert "Никита Хрущёв" in text


def test_pdf_embeds_every_font(scripts_app: SphinxTestApp) -> None:
    assert compile_pdf(scripts_app).returncode == 0
    listing = pdf_tool("pdffonts", str(scripts_app.outdir / "scripts.pdf")).splitlines()[2:]
    assert listing, "pdffonts listed no fonts"
    assert any("CJK" in line for line in listing)
    not_embedded = [line for line in listing if line.split()[-5] != "yes"]
    assert not_embedded == []


def test_missing_glyph_fails_the_pdf(
    make_app: Any, rootdir: Path, tmp_path: Path, book_latex_settings: dict
) -> None:
    source = tmp_path / "glyph"
    shutil.copytree(rootdir / "test-pdf-missing-glyph", source)
    app = make_app("latex", srcdir=source, confoverrides=book_latex_settings)
    result = compile_pdf(app)
    assert result.returncode != 0
    log = (app.outdir / "glyph.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character: There is no 𓀀 (U+13000)" in log
