"""Scholarly checks that need the whole book: uncited events and shared event labels.

Roots: ``test-chronology-uncited`` (one event without a source, one sourced in a
footnote) and ``test-chronology-labels`` (the label ``treaty`` in three chapters: once
more with the same date, once with another date).

In the roots, a blank line follows ``::::{timeline}``: MyST 5.2 reports a directive that
starts on the line right after its parent's opening fence one line too late (for Sphinx's
own directives too), and these tests check exact lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences


def warnings(app: SphinxTestApp) -> list[str]:
    return strip_escape_sequences(app.warning.getvalue()).splitlines()


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


@pytest.mark.sphinx("html", testroot="chronology-uncited", freshenv=True)
def test_event_without_citation_warns_at_its_line(app: SphinxTestApp) -> None:
    app.build()

    source = app.srcdir / "index.md"
    line = line_of(source, "{event} An event without a source")
    assert warnings(app) == [
        f"{source}:{line}: WARNING: event 'An event without a source' cites no source; "
        "add a citation such as {cite:p}`key` [timeline.citation]"
    ]


@pytest.mark.sphinx(
    "html",
    testroot="chronology-uncited",
    freshenv=True,
    confoverrides={"sinosoviet_timeline_require_citation": False},
)
def test_citation_check_can_be_switched_off(app: SphinxTestApp) -> None:
    app.build()

    assert warnings(app) == []


@pytest.mark.sphinx("html", testroot="chronology-labels", freshenv=True)
def test_shared_label_warns_naming_both_places(app: SphinxTestApp) -> None:
    app.build()

    first, same = app.srcdir / "first.md", app.srcdir / "same-date.md"
    expected = (
        f"{same}:{line_of(same, '{event}')}: WARNING: event label 'treaty' is also used at "
        f"{first}:{line_of(first, '{event}')}; labels must be unique in the book "
        "[timeline.label]"
    )
    assert expected in warnings(app)


@pytest.mark.sphinx("html", testroot="chronology-labels", freshenv=True)
def test_shared_label_with_another_date_names_both_dates(app: SphinxTestApp) -> None:
    app.build()

    first, other = app.srcdir / "first.md", app.srcdir / "other-date.md"
    expected = (
        f"{other}:{line_of(other, '{event}')}: WARNING: event label 'treaty' is also used at "
        f"{first}:{line_of(first, '{event}')}, with a different date "
        "(1950-02-14 there, 1950-02-15 here) [timeline.label]"
    )
    timeline_warnings = [line for line in warnings(app) if line.endswith("[timeline.label]")]
    assert expected in timeline_warnings
    assert len(timeline_warnings) == 2  # and the same-date one


@pytest.mark.sphinx(
    "html",
    testroot="chronology-labels",
    freshenv=True,
    confoverrides={"suppress_warnings": ["timeline.label"]},
)
def test_label_warnings_can_be_suppressed(app: SphinxTestApp) -> None:
    """Only Sphinx's own (untyped) "duplicate label" warnings remain."""
    app.build()

    remaining = warnings(app)
    assert not [line for line in remaining if "[timeline.label]" in line]
    assert [line.split(": WARNING: ")[1].split(",")[0] for line in remaining] == [
        "duplicate label treaty",
        "duplicate label treaty",
    ]


def test_label_warning_follows_incremental_edits(
    rootdir: Path, tmp_path: Path, make_app: Any
) -> None:
    """Fixing one chapter's label removes its warning; the other one stays."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-chronology-labels", srcdir)
    make_app("html", srcdir=srcdir, builddir=tmp_path / "_build").build()
    other = srcdir / "other-date.md"
    other.write_text(other.read_text().replace(":label: treaty", ":label: treaty-misdated"))

    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "_build")
    app.build()

    timeline_warnings = [line for line in warnings(app) if "[timeline.label]" in line]
    assert len(timeline_warnings) == 1
    assert timeline_warnings[0].startswith(f"{srcdir / 'same-date.md'}:")
