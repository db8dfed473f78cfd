"""Properties of built timelines, checked on random input with Hypothesis.

Each example writes a one-page reStructuredText project and rebuilds it with the same
Sphinx application (``build(force_all=True)`` reads every page again), which keeps
an example to a few milliseconds.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from timelinetools import datetimes, events, timelines

CONF = """\
extensions = ["sinosoviet_ext.timeline"]
sinosoviet_timeline_require_citation = False
smartquotes = False
"""
EXAMPLES = settings(max_examples=25, deadline=None)

# Day-precision dates that HTML's <time datetime> can hold (years 1 to 9999).
day_dates = st.lists(st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)), max_size=8)

# Printable text without the characters that start reStructuredText inline markup
# (emphasis, literals, roles, substitutions, targets, escapes): whatever else the
# author types must reach the page as text.
title_text = st.text(
    st.characters(
        categories=("L", "N", "P", "S", "Zs"),
        exclude_characters="*`|_\\",
        max_codepoint=0xFFFF,
    ),
    min_size=1,
    max_size=40,
).map(lambda text: " ".join(text.split()))


class OnePageProject:
    """A project with one ``index.rst``, rebuilt from scratch for every example."""

    def __init__(self, make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
        self.srcdir = tmp_path / "src"
        self.srcdir.mkdir()
        (self.srcdir / "conf.py").write_text(CONF, encoding="utf-8")
        (self.srcdir / "index.rst").write_text("Empty\n=====\n", encoding="utf-8")
        self.app = make_app("html", srcdir=self.srcdir, builddir=tmp_path / "_build")

    def build(self, body: str) -> BeautifulSoup:
        (self.srcdir / "index.rst").write_text(f"Page\n====\n\n{body}", encoding="utf-8")
        self.app.warning.seek(0)
        self.app.warning.truncate()
        self.app.build(force_all=True)
        assert self.app.warning.getvalue() == ""
        html = (Path(self.app.outdir) / "index.html").read_text(encoding="utf-8")
        return BeautifulSoup(html, "html.parser")


def timeline_source(order: str, entries: list[tuple[str, str]]) -> str:
    events_source = "".join(
        f"   .. event:: {title}\n      :date: {date}\n\n" for title, date in entries
    )
    return f".. timeline:: Random\n   :order: {order}\n\n{events_source}"


def test_time_elements_are_in_date_order(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    project = OnePageProject(make_app, tmp_path)

    @EXAMPLES
    @given(dates=day_dates.filter(bool), order=st.sampled_from(["chronological", "reverse"]))
    def check(dates: list[datetime.date], order: str) -> None:
        iso = [date.isoformat() for date in dates]
        entries = [(f"Event {number}", date) for number, date in enumerate(iso)]
        [timeline] = timelines(project.build(timeline_source(order, entries)))
        assert datetimes(timeline) == sorted(iso, reverse=order == "reverse")

    check()


def test_title_text_never_becomes_markup(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    project = OnePageProject(make_app, tmp_path)

    @EXAMPLES
    @given(text=title_text)
    def check(text: str) -> None:
        # The leading word keeps a title from reading as an option (":name: value").
        title = f"Title {text}".strip()
        [timeline] = timelines(project.build(timeline_source("source", [(title, "1950")])))
        [event] = events(timeline)
        shown = event.select_one("p.timeline-title")
        assert shown.get_text() == title
        # Bare URLs and e-mail addresses become links, as anywhere else; nothing else does.
        assert {child.name for child in shown.find_all(True)} <= {"a"}
        assert timeline.find_all(["script", "img", "style", "iframe"]) == []

    check()
