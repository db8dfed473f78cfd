"""Bad input: the exact warning at the exact place, a subtype to silence it, nothing lost.

``test-timeline-warnings`` has one page per mistake (``date-word.md`` and so on). Every
page has text before and after its timeline and, where it can, a valid event, so each
test also checks that the rest of the page is still built. The whole root is built
once, once more in parallel, and once per subtype with that subtype in
``suppress_warnings``.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from timelinetools import Built, build, datetimes, events, html_fragments, timelines, titles

ROOT = "test-timeline-warnings"


def edtf_error(date: str, position: int) -> str:
    return (
        f"{date!r} is not a valid EDTF date: Error at position {position}: Invalid input or"
        f" format near {date!r}. Please provide a valid EDTF string."
    )


def unknown_option(option: str, directive: str) -> str:
    return f"unknown option {option!r} of the {directive} directive ignored"


CONTENT = "only event directives belong in a timeline; other content is shown after it"

# For each page, its warnings in the order Sphinx reports them: (line, subtype, message).
EXPECTED: dict[str, list[tuple[int, str, str]]] = {
    "date-impossible.md": [(7, "date", edtf_error("1950-02-30", 7))],
    "date-leap.md": [(7, "date", "'1951-02-29' is not a usable date: 1951-02 has no day 29")],
    "date-month.md": [(7, "date", edtf_error("1950-13", 4))],
    "date-word.md": [(7, "date", edtf_error("tomorrow", 0))],
    "date-backwards.md": [
        (
            7,
            "date",
            "'1960/1950' is not a usable date: interval ends (1950) before it starts (1960)",
        )
    ],
    "date-missing.md": [(7, "date", "event has no :date: (an EDTF date such as 1950-02-14)")],
    "title-missing.md": [(7, "title", "event has no title (write it after {event})")],
    "option-myst.md": [
        (5, "option", unknown_option("size", "timeline")),
        (9, "option", unknown_option("colour", "event")),
    ],
    "option-order.md": [
        (
            5,
            "option",
            "order 'sideways' is not one of chronological, reverse, source;"
            " events are shown in chronological order",
        )
    ],
    "option-rst.rst": [
        (6, "option", unknown_option("size", "timeline")),
        (9, "option", unknown_option("colour", "event")),
    ],
    "empty.md": [(5, "empty", "timeline has no events"), (8, "empty", "timeline has no events")],
    "content.md": [(13, "content", CONTENT), (15, "content", CONTENT)],
    "content-rst.rst": [(13, "content", CONTENT), (15, "content", CONTENT)],
    "orphan.md": [(5, "orphan", "event outside a timeline; it is shown as a timeline of its own")],
    "label.md": [
        (15, "label", "duplicate label 'same-event'; this one is ignored"),
        (23, "label", "duplicate label 'same-timeline'; this one is ignored"),
    ],
}
SUBTYPES = sorted({subtype for found in EXPECTED.values() for _, subtype, _ in found})


def expected_lines(srcdir: Path, page: str) -> list[str]:
    return [
        f"{srcdir / page}:{line}: WARNING: {message} [timeline.{subtype}]"
        for line, subtype, message in EXPECTED[page]
    ]


@pytest.fixture(scope="module")
def built(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / ROOT, "html", tmp_path_factory.mktemp("warnings"))


def page_soup(built: Built, page: str) -> BeautifulSoup:
    return built.soup(Path(page).with_suffix(".html").name)


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_exact_warning_and_location(built: Built, page: str) -> None:
    prefix = f"{built.srcdir / page}:"
    found = [line for line in built.warning_lines() if line.startswith(prefix)]
    assert found == expected_lines(built.srcdir, page)


def test_no_other_warnings(built: Built) -> None:
    expected = {line for page in EXPECTED for line in expected_lines(built.srcdir, page)}
    assert set(built.warning_lines()) == expected
    assert len(built.warning_lines()) == len(expected)


@pytest.mark.parametrize("subtype", SUBTYPES)
def test_suppress_warnings_silences_the_subtype(
    rootdir: Path, tmp_path: Path, subtype: str
) -> None:
    quiet = build(rootdir / ROOT, "html", tmp_path, suppress_warnings=[f"timeline.{subtype}"])
    assert f"[timeline.{subtype}]" not in quiet.warnings
    for other in set(SUBTYPES) - {subtype}:
        assert f"[timeline.{other}]" in quiet.warnings


def test_parallel_build_gives_the_same_warnings_and_pages(
    built: Built, rootdir: Path, tmp_path: Path
) -> None:
    parallel = build(rootdir / ROOT, "html", tmp_path, parallel=2)
    assert sorted(parallel.warning_lines()) == sorted(built.warning_lines())
    for page in EXPECTED:
        html = Path(page).with_suffix(".html").name
        assert html_fragments(parallel.read(html)) == html_fragments(built.read(html)), page


def test_suppress_warnings_silences_every_subtype(rootdir: Path, tmp_path: Path) -> None:
    assert build(rootdir / ROOT, "html", tmp_path, suppress_warnings=["timeline"]).warnings == ""


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_rest_of_the_page_is_built(built: Built, page: str) -> None:
    soup = page_soup(built, page)
    paragraphs = [p.get_text() for p in soup.select("section > p")]
    assert paragraphs[0].startswith("Before the")
    assert paragraphs[-1].startswith("After the timeline")
    all_titles = [title for timeline in timelines(soup) for title in titles(timeline)]
    assert "Valid event" in all_titles


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("date-impossible.md", "1950-02-30"),
        ("date-leap.md", "1951-02-29"),
        ("date-month.md", "1950-13"),
        ("date-word.md", "tomorrow"),
        ("date-backwards.md", "1960/1950"),
        ("date-missing.md", ""),
    ],
)
def test_event_with_a_bad_date_is_kept_after_the_dated_ones(
    built: Built, page: str, shown: str
) -> None:
    [timeline] = timelines(page_soup(built, page))
    first, bad = events(timeline)
    assert first.select_one("p.timeline-title").get_text() == "Valid event"
    assert bad.select_one("p.timeline-title").get_text() != ""
    date = bad.select_one("p.timeline-date")
    assert "invalid" in date["class"]
    assert date.get_text() == shown
    assert date.find("time") is None
    assert bad.select_one("div.timeline-body").get_text(strip=True) == "Its body."


def test_event_without_title_keeps_date_and_body(built: Built) -> None:
    [timeline] = timelines(page_soup(built, "title-missing.md"))
    untitled = events(timeline)[1]
    assert untitled.select("p.timeline-title") == []
    assert untitled.select_one("p.timeline-date").get_text() == "1951"
    assert untitled["id"] == "event-1951"


@pytest.mark.parametrize(
    ("page", "order"),
    [
        ("option-myst.md", ["An unknown option", "Valid event"]),  # with a known :order: source
        ("option-order.md", ["Valid event", "Later event"]),
        ("option-rst.rst", ["Valid event", "An unknown option"]),
    ],
)
def test_unknown_options_are_ignored(built: Built, page: str, order: list[str]) -> None:
    [timeline] = timelines(page_soup(built, page))
    assert titles(timeline) == order
    assert [event.get("class") for event in events(timeline)] == [["timeline-event"]] * 2
    assert timeline["class"] == ["timeline"]


def test_empty_timelines_leave_nothing_behind(built: Built) -> None:
    soup = page_soup(built, "empty.md")
    assert [timeline.figcaption.get_text() for timeline in timelines(soup)] == ["Valid timeline"]
    assert "Caption" not in soup.select_one("section").get_text()


@pytest.mark.parametrize("page", ["content.md", "content-rst.rst"])
def test_content_is_kept_after_the_timeline(built: Built, page: str) -> None:
    section = page_soup(built, page).select_one("section")
    children = [child.name for child in section.find_all(recursive=False)]
    assert children == ["h1", "p", "figure", "p", "ul", "p"]
    assert section.find_all("p", recursive=False)[1].get_text() == "A stray paragraph."


def test_orphan_event_becomes_a_timeline_of_its_own(built: Built) -> None:
    soup = page_soup(built, "orphan.md")
    orphan, valid = timelines(soup)
    assert titles(orphan) == ["An orphan event"]
    assert orphan.find_previous_sibling("p").get_text() == "Before the event."
    assert orphan.find_next_sibling("p").get_text() == "After the event."
    assert "timeline-tag-lost" in events(orphan)[0]["class"]
    assert titles(valid) == ["Valid event"]


def test_first_of_duplicate_labels_wins(built: Built) -> None:
    soup = page_soup(built, "label.md")
    links = {a.get_text(): a["href"] for a in soup.select("section > p a")}
    assert links == {"First with the label": "#same-event", "Caption": "#same-timeline"}
    ids = [event["id"] for timeline in timelines(soup) for event in events(timeline)]
    assert ids == ["same-event", "event-1951-second-with-the-label", "event-1952-valid-event"]


def test_a_huge_timeline_builds_completely_and_in_order(tmp_path: Path) -> None:
    # 3000 events on 300 days (each EDTF string is parsed once, and edtf is slow to parse).
    count, days = 3000, 300
    first_day = datetime.date(1945, 1, 1)
    pool = [(first_day + datetime.timedelta(weeks=week)).isoformat() for week in range(days)]
    dates = [pool[number % days] for number in range(count)]
    random.Random(1950).shuffle(dates)
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["sinosoviet_ext.timeline"]\nsinosoviet_timeline_require_citation = False\n'
    )
    entries = "".join(
        f"   .. event:: Event number {number}\n      :date: {date}\n\n      Body {number}.\n\n"
        for number, date in enumerate(dates)
    )
    (source / "index.rst").write_text(f"Huge\n====\n\n.. timeline:: Huge\n\n{entries}After.\n")
    huge = build(source, "html", tmp_path / "_build")
    assert huge.warnings == ""
    [timeline] = timelines(huge.soup())
    in_order = sorted(range(count), key=lambda number: (dates[number], number))
    assert titles(timeline) == [f"Event number {number}" for number in in_order]
    assert datetimes(timeline) == sorted(dates)
    assert huge.soup().select("section > p")[-1].get_text() == "After."
