"""Helpers for the timeline tests: build a root, read its timelines, compare stored files.

Roots are built in place (Sphinx never writes to its source directory) into a build
directory under pytest's ``tmp_path``, always from a fresh environment, so that every
warning a page can raise is raised again in every build.

The small roots load ``sinosoviet_ext.timeline`` alone, so that they test the timeline
extension and nothing else of the book's; ``test-timeline-myst`` and
``test-timeline-rst`` load the whole ``sinosoviet_ext`` with sphinxcontrib-bibtex, as
the book does.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

REGRESSIONS = Path(__file__).resolve().parent / "regressions"
REGEN_VARIABLE = "REGEN_REGRESSIONS"


@dataclass
class Built:
    """What a finished build left behind: its directories and its warnings, uncoloured."""

    srcdir: Path
    outdir: Path
    warnings: str

    def read(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")

    def soup(self, name: str = "index.html") -> BeautifulSoup:
        return BeautifulSoup(self.read(name), "html.parser")

    def warning_lines(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if line.strip()]


def build(
    srcdir: Path, builder: str, builddir: Path, *, parallel: int = 0, **confoverrides: Any
) -> Built:
    """Build *srcdir* with *builder* into *builddir*, from a fresh environment."""
    warnings = StringIO()
    app = SphinxTestApp(
        builder, srcdir=srcdir, builddir=builddir, freshenv=True, parallel=parallel,
        confoverrides=confoverrides, status=StringIO(), warning=warnings,
    )  # fmt: skip
    try:
        app.build()
    finally:
        app.cleanup()
    return Built(Path(app.srcdir), Path(app.outdir), strip_colors(warnings.getvalue()))


def timelines(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("figure.timeline")


def events(timeline: Tag) -> list[Tag]:
    return timeline.select("ol.timeline-events > li.timeline-event")


def titles(timeline: Tag) -> list[str]:
    """The title of every event, in page order ("" where an event has none)."""
    found = (event.select_one("p.timeline-title") for event in events(timeline))
    return [title.get_text() if title else "" for title in found]


def datetimes(timeline: Tag) -> list[str]:
    return [time["datetime"] for time in timeline.select("p.timeline-date > time")]


def html_fragments(html: str) -> str:
    """Every ``<figure class="timeline">`` element of a page, exactly as written."""
    fragments = []
    start = html.find('<figure class="timeline"')
    while start != -1:
        end = html.index("</figure>", start) + len("</figure>")
        fragments.append(html[start:end] + "\n")
        start = html.find('<figure class="timeline"', end)
    return "".join(fragments)


def pseudoxml_fragments(pseudoxml: str) -> str:
    """Every ``<timeline>`` subtree of a pseudo-XML doctree, dedented."""
    fragments: list[str] = []
    indent: int | None = None
    for line in pseudoxml.splitlines():
        depth = len(line) - len(line.lstrip())
        if indent is not None and line.strip() and depth <= indent:
            indent = None
        if indent is None and line.lstrip().startswith("<timeline "):
            indent = depth
        if indent is not None:
            fragments.append(line[indent:])
    return "\n".join(fragments) + "\n"


def check_regression(name: str, actual: str) -> None:
    """Compare *actual* with ``tests/regressions/<name>``; rewrite it with REGEN_REGRESSIONS=1."""
    stored = REGRESSIONS / name
    if os.environ.get(REGEN_VARIABLE) == "1":
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(actual, encoding="utf-8")
        pytest.skip(f"rewrote {stored.relative_to(REGRESSIONS.parent)}")
    if not stored.is_file():
        pytest.fail(f"{stored} is missing; run the tests once with {REGEN_VARIABLE}=1")
    expected = stored.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"stored/{name}", f"built/{name}",
            lineterm="",
        )  # fmt: skip
        pytest.fail(
            f"{name} differs from the stored file (rewrite it with {REGEN_VARIABLE}=1 if the"
            " change is intended):\n" + "\n".join(diff)
        )
