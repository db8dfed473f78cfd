"""What readers get in a real browser: the built book in headless Chromium.

Each reader page loads without console errors, failed or off-site requests; nothing
scrolls sideways on a desktop (1280 px) or a phone (375 px); every timeline is visible
and fits; timeline text stays readable in light and dark mode; and every link inside a
timeline can be reached with the Tab key. Screenshots of every page, width and colour
scheme go to ``READER_SCREENSHOTS`` (CI keeps that folder).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from booktools import BuiltBook
from reader import colour, dom
from reader.browser import NARROW, WIDE, new_context, screenshot, shot_name, visit
from reader.site import READER_PAGES, pages_with_timelines

# Fixtures shared by the reader tests (a browser, the served book, Java).
pytest_plugins = ["reader.fixtures"]

pytestmark = pytest.mark.browser

VIEWPORTS = {"1280px": WIDE, "375px": NARROW}
SCHEMES = ["light", "dark"]
# WCAG 2.1 SC 1.4.3 (AA): 4.5:1 for text below 18pt, or 14pt bold. Timeline dates,
# titles, captions and tags are all smaller than that, so 4.5 applies to all of them.
AA_NORMAL_TEXT = 4.5
TIMELINE_TEXT = [".timeline-caption", ".timeline-date", ".timeline-title", ".timeline-tag"]


@pytest.fixture(scope="module")
def timeline_pages(book_html: BuiltBook) -> list[str]:
    """Every page with a timeline: the guide's live examples now, the chapters and the
    chronology as they are written."""
    pages = pages_with_timelines(book_html.outdir)
    assert "contributing/timelines.html" in pages, "the timeline guide lost its live examples"
    events = json.loads(book_html.read("timeline.json"))["events"]
    if events:
        assert "back-matter/chronology.html" in pages, (
            f"timeline.json lists {len(events)} events but the chronology draws no timeline"
        )
    return pages


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("page_path", READER_PAGES)
def test_page_loads_cleanly_and_does_not_scroll_sideways(
    browser, site: str, screenshots: Path, page_path: str, width: str, scheme: str
) -> None:
    viewport = VIEWPORTS[width]
    context = new_context(browser, viewport, scheme)
    try:
        page, problems = visit(context, site + page_path)
        screenshot(page, screenshots, shot_name(page_path, viewport, scheme))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        for forgiven in problems.ignored:
            print(f"{page_path}: forgiven: {forgiven}")
    finally:
        context.close()
    assert problems.all() == []
    assert scroll_width <= viewport["width"], (
        f"{page_path} is {scroll_width}px wide in a {viewport['width']}px window"
    )


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_every_timeline_is_visible_and_fits(
    browser, site: str, timeline_pages: list[str], width: str
) -> None:
    viewport = VIEWPORTS[width]
    context = new_context(browser, viewport)
    failures = []
    try:
        for page_path in timeline_pages:
            page, _problems = visit(context, site + page_path)
            geometry = page.evaluate(dom.TIMELINE_GEOMETRY)
            page.close()
            if geometry["documentScrollWidth"] > viewport["width"]:
                failures.append(f"{page_path}: page {geometry['documentScrollWidth']}px wide")
            for figure in geometry["figures"]:
                where = f"{page_path} timeline {figure['id']!r}"
                print(
                    f"{width} {where}: {figure['width']:.0f}px wide, "
                    f"{figure['events']} events, visible={figure['visible']}"
                )
                if not figure["visible"] or figure["events"] == 0:
                    failures.append(f"{where}: not visible or has no events")
                if figure["left"] < 0 or figure["right"] > viewport["width"]:
                    failures.append(f"{where}: spans {figure['left']:.0f}–{figure['right']:.0f}px")
                if figure["scrollWidth"] > figure["clientWidth"]:
                    failures.append(f"{where}: content {figure['scrollWidth']}px wide inside "
                                    f"{figure['clientWidth']}px")  # fmt: skip
                if figure["sticking"]:
                    failures.append(f"{where}: sticks out: {sorted(set(figure['sticking']))}")
    finally:
        context.close()
    assert failures == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_timeline_text_has_aa_contrast(
    browser, site: str, timeline_pages: list[str], scheme: str
) -> None:
    context = new_context(browser, WIDE, scheme)
    lowest: dict[str, tuple[float, str, str]] = {}
    failures = []
    try:
        for page_path in timeline_pages:
            page, _problems = visit(context, site + page_path)
            theme = page.evaluate("getComputedStyle(document.body).backgroundColor")
            samples = page.evaluate(dom.TIMELINE_TEXT_COLOURS, TIMELINE_TEXT)
            page.close()
            if scheme == "dark":
                # The dark colour scheme really is dark: furo follows the system setting.
                assert colour.luminance(colour.effective_background([theme])) < 0.1, theme
            for sample in samples:
                images = [layer for layer in sample["layers"] if isinstance(layer, dict)]
                assert images == [], f"background image behind {sample}: contrast unknown"
                ratio, fg, bg = colour.text_contrast(sample["color"], sample["layers"])
                key = sample["selector"]
                if key not in lowest or ratio < lowest[key][0]:
                    lowest[key] = (ratio, colour.hex_colour(fg), colour.hex_colour(bg))
                if ratio < AA_NORMAL_TEXT:
                    failures.append(
                        f"{page_path} {key} {sample['text']!r}: {ratio:.2f}:1 "
                        f"({colour.hex_colour(fg)} on {colour.hex_colour(bg)})"
                    )
    finally:
        context.close()
    for selector, (ratio, fg, bg) in sorted(lowest.items()):
        print(f"{scheme}: lowest contrast of {selector}: {ratio:.2f}:1 ({fg} on {bg})")
    assert set(lowest) >= {".timeline-caption", ".timeline-date", ".timeline-title"}
    assert failures == []


def test_every_timeline_link_is_reachable_by_keyboard(
    browser, site: str, timeline_pages: list[str]
) -> None:
    context = new_context(browser, WIDE)
    report = {}
    try:
        for page_path in timeline_pages:
            page, _problems = visit(context, site + page_path)
            marked = page.evaluate(dom.MARK_TIMELINE_LINKS)
            page.locator("body").focus()
            for _ in range(marked["focusable"] + 5):
                page.keyboard.press("Tab")
            focused = page.evaluate("window.__readerFocused")
            page.close()
            reached = {entry["link"] for entry in focused if entry["link"] is not None}
            missed = [
                link for index, link in enumerate(marked["links"]) if str(index) not in reached
            ]
            unmarked_focus = [
                entry for entry in focused
                if entry["link"] is not None and not (entry["outline"] or entry["shadow"])
            ]  # fmt: skip
            report[page_path] = (marked["links"], missed, unmarked_focus)
            print(
                f"{page_path}: {len(marked['links'])} timeline links, "
                f"{len(reached)} reached with Tab, {len(unmarked_focus)} without a focus ring"
            )
    finally:
        context.close()
    assert any(links for links, _missed, _unmarked in report.values()), "no timeline links"
    assert {page: missed for page, (_l, missed, _u) in report.items() if missed} == {}
    assert {page: unmarked for page, (_l, _m, unmarked) in report.items() if unmarked} == {}


# A Latin apostrophe or quotation mark is about a quarter of an em wide; the same code
# point drawn from a Chinese font is a full em ("chapter’ s"). Half an em separates them.
FULL_WIDTH_EM = 0.5


@pytest.mark.parametrize("page_path", ["index.html", "back-matter/chronology.html"])
def test_latin_quotation_marks_are_drawn_latin(browser, site: str, page_path: str) -> None:
    context = new_context(browser, WIDE)
    try:
        page, _problems = visit(context, site + page_path)
        marks = page.evaluate(dom.PUNCTUATION_WIDTHS)
    finally:
        context.close()
    wide = [
        f"{m['mark']} {m['em']:.2f}em in {m['context']!r}" for m in marks if m["em"] > FULL_WIDTH_EM
    ]
    print(f"{page_path}: {len(marks)} quotation marks, {len(wide)} full-width")
    assert marks, "no curly quotation marks found to measure"
    assert wide == []
