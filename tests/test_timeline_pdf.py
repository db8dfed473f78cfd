"""Timelines compile to PDF with the book's LaTeX settings, whatever characters they hold.

Each test builds a root with the ``latex`` builder and runs ``make all-pdf`` (xelatex
through latexmk), then reads the PDF back with ``pdftotext``. Text is compared without
whitespace, since the narrow date column breaks lines wherever it must.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from timelinetools import Built, build

pytestmark = [pytest.mark.latex, pytest.mark.usefixtures("needs_latex")]


def compile_pdf(
    rootdir: Path, root: str, tmp_path: Path, settings: dict[str, Any]
) -> tuple[Built, str]:
    """Build *root* to PDF; return the build and the PDF's text with whitespace removed."""
    built = build(rootdir / root, "latex", tmp_path, **settings)
    assert built.warnings == ""
    result = subprocess.run(
        ["make", "-C", str(built.outdir), "all-pdf"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    [pdf] = built.outdir.glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return built, squeeze(text)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_myst_timeline_pdf_shows_every_event(
    rootdir: Path, tmp_path: Path, book_latex_settings: dict[str, Any]
) -> None:
    _, text = compile_pdf(rootdir, "test-timeline-myst", tmp_path, book_latex_settings)
    for shown in (
        "The alliance, 1949–1953",
        "c. 1920",
        "Comintern agents in China",
        "16 December 1949 – 17 February 1950",
        "Mao Zedong in Moscow",
        "diplomacy, Moscow",
        "14 February 1950",
        "Treaty of Friendship, Alliance and Mutual Assistance",
        "1960",
        "The split becomes public",
        "Polemics [Lüthi, 2008].",
    ):
        assert squeeze(shown) in text
    assert text.index(squeeze("Comintern agents")) < text.index(squeeze("The split becomes"))


def test_links_to_events_land_on_the_events(
    rootdir: Path, tmp_path: Path, book_latex_settings: dict[str, Any]
) -> None:
    built, _ = compile_pdf(rootdir, "test-timeline-myst", tmp_path, book_latex_settings)
    aux = built.read("timeline.aux")
    # \newlabel{index:<id>}{{<number>}{<page>}{<title>}{<anchor>}{}}
    newlabel = r"\\newlabel\{index:([^}]*)\}\{\{[^}]*\}\{\d+\}\{[^}]*\}\{([^}]*)\}"
    anchors = dict(re.findall(newlabel, aux))
    targets = ["alliance-timeline", "treaty-1950", "split-event"]
    assert set(targets) <= set(anchors)
    # Each label has a hyperref anchor of its own, not the one of the section heading.
    assert len({anchors[target] for target in [*targets, ":doc"]}) == len(targets) + 1


def test_latex_special_characters_compile(
    rootdir: Path, tmp_path: Path, book_latex_settings: dict[str, Any]
) -> None:
    built, text = compile_pdf(rootdir, "test-timeline-latex-chars", tmp_path, book_latex_settings)
    tex = built.read("chars.tex")
    assert (
        "\\sphinxtimelinetitle{Title 100\\% of \\$5 \\& A\\_B \\#1 \\{x\\} \\textasciitilde{}y "
        "\\textasciicircum{}z \\textbackslash{} {[}title{]}}"
    ) in tex
    for shown in (
        r"Caption 100% of $5 & A_B #1 {x} ~y ^z \ [caption]",
        r"Title 100% of $5 & A_B #1 {x} ~y ^z \ [title]",
        r"100%, $5, A&B, a_b, #1, {x}, ~y, ^z, back\slash, [x]",
        r"Body 100% of $5 & A_B #1 {x} ~y ^z \ [body].",
        r"1951 100% $ & _ # { } ~ ^ \ [display]",
        r"Shown 100% of $5 & A_B #1 {x} ~y ^z \ [display]",
        r"• 100% of $5 • A_B #1",
        r"{x} ~y ^z \ % $ & _ #",
    ):
        assert squeeze(shown) in text


def test_html_special_characters_compile(
    rootdir: Path, tmp_path: Path, book_latex_settings: dict[str, Any]
) -> None:
    payload = """<script>alert(1)</script> <img src=x onerror=alert(1)> "double" 'single' & amp"""
    _, text = compile_pdf(rootdir, "test-timeline-escaping-rst", tmp_path, book_latex_settings)
    for part in ("Caption", "Title", "Body"):
        assert squeeze(f"{part} {payload}") in text
    # The date column shares its first line with the title, so only count the display text.
    assert text.count(squeeze(payload)) == 4
