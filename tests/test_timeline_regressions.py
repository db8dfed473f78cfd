"""The MyST root's timeline, as a doctree and as HTML, compared with stored files.

The stored files are ``tests/regressions/timeline-myst.pseudoxml`` and
``tests/regressions/timeline-myst.html``. A change to the doctree or to the HTML
renderer shows up here as a diff; when the change is intended, rewrite the files with
``REGEN_REGRESSIONS=1 pytest tests/test_timeline_regressions.py`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from timelinetools import build, check_regression, html_fragments, pseudoxml_fragments


def test_doctree_matches_the_stored_file(rootdir: Path, tmp_path: Path) -> None:
    built = build(rootdir / "test-timeline-myst", "pseudoxml", tmp_path)
    assert built.warnings == ""
    check_regression("timeline-myst.pseudoxml", pseudoxml_fragments(built.read("index.pseudoxml")))


def test_html_matches_the_stored_file(rootdir: Path, tmp_path: Path) -> None:
    built = build(rootdir / "test-timeline-myst", "html", tmp_path)
    assert built.warnings == ""
    check_regression("timeline-myst.html", html_fragments(built.read("index.html")))


def test_outputs_are_the_same_in_two_builds(rootdir: Path, tmp_path: Path) -> None:
    pages = []
    for run in ("first", "second"):
        built = build(rootdir / "test-timeline-myst", "pseudoxml", tmp_path / run)
        pages.append(pseudoxml_fragments(built.read("index.pseudoxml")))
        built = build(rootdir / "test-timeline-myst", "html", tmp_path / run)
        pages.append(html_fragments(built.read("index.html")))
    assert pages[:2] == pages[2:]
