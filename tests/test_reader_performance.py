"""Performance as readers feel it: timelines do not make the page jump while it loads,
and their stylesheet stays small.

Budget and threshold
--------------------
* Cumulative Layout Shift (CLS): Google's "good" threshold is 0.1. The book's pages are
  static HTML with no web fonts, images or scripts that insert content, so the only
  honest expectation is almost no shift: the test allows 0.01 (a tenth of "good"),
  which covers furo's header icons settling once its script runs (measured at most
  0.0006, never inside the article), and allows no shift whose moved nodes lie in a
  timeline at all.
* The timeline stylesheet is render-blocking (a <link> in <head>), so each byte delays
  the first paint of every page; 4 KiB raw and 1.5 KiB gzipped keep it under one TCP
  packet once compressed. Raise the budget deliberately, in this file, if it must grow.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import sinosoviet_ext.timeline as timeline_package
from booktools import BuiltBook
from reader import dom
from reader.browser import NARROW, WIDE, new_context, visit
from reader.site import READER_PAGES

# Fixtures shared by the reader tests (a browser, the served book, Java).
pytest_plugins = ["reader.fixtures"]

CLS_LIMIT = 0.01
CSS_RAW_BUDGET = 4096
CSS_GZIP_BUDGET = 1536
TIMELINE_CSS = Path(timeline_package.__file__).parent / "static" / "sinosoviet-timeline.css"


def layout_shifts(browser, url: str, viewport: dict) -> list[dict]:
    context = new_context(browser, viewport)
    try:
        context.add_init_script(dom.LAYOUT_SHIFT_OBSERVER)
        page, problems = visit(context, url)
        # Let late work (furo's scripts, the scroll-spy) run before reading the entries.
        page.wait_for_timeout(750)
        shifts = page.evaluate("window.__readerShifts")
    finally:
        context.close()
    assert problems.all() == []
    return [shift for shift in shifts if not shift["hadRecentInput"]]


@pytest.mark.browser
@pytest.mark.parametrize("width", ["1280px", "375px"])
@pytest.mark.parametrize("page_path", READER_PAGES)
def test_no_layout_shift_while_loading(browser, site: str, page_path: str, width: str) -> None:
    shifts = layout_shifts(browser, site + page_path, WIDE if width == "1280px" else NARROW)
    cls = sum(shift["value"] for shift in shifts)
    in_timeline = [
        source["node"] for shift in shifts for source in shift["sources"] if source["inTimeline"]
    ]
    print(f"CLS {page_path} {width}: {cls:.4f} from {len(shifts)} shifts")
    for shift in shifts:
        print(f"  {shift['value']:.4f} at {shift['startTime']:.0f} ms: {shift['sources']}")
    assert in_timeline == []
    assert cls < CLS_LIMIT


def test_timeline_css_stays_small(book_html: BuiltBook) -> None:
    raw = TIMELINE_CSS.read_bytes()
    packed = gzip.compress(raw, compresslevel=9, mtime=0)
    print(f"{TIMELINE_CSS.name}: {len(raw)} bytes raw, {len(packed)} bytes gzipped")
    served = book_html.outdir / "_static" / TIMELINE_CSS.name
    assert served.read_bytes() == raw, "the book serves a different timeline stylesheet"
    assert len(raw) <= CSS_RAW_BUDGET
    assert len(packed) <= CSS_GZIP_BUDGET


def test_timeline_css_is_linked_in_the_head(book_html: BuiltBook) -> None:
    """Linked before the body, so timelines are styled on first paint (no restyle jump)."""
    html = book_html.read("back-matter/chronology.html")
    head = html[: html.index("</head>")]
    assert f"_static/{TIMELINE_CSS.name}" in head
