# (en dashes and guillemets are part of the expected output)
"""HTML of timelines: semantics, ids, dates, order, tags and cross-references.

Roots: ``test-timeline-myst`` and ``test-timeline-rst`` (one timeline in MyST and in
reStructuredText), ``test-timeline-dates`` (every date precision), ``test-timeline-order``
(the ``:order:`` option), ``test-timeline-ids`` (ids of unlabelled events) and
``test-timeline-xref`` (``{ref}`` from another page).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from timelinetools import Built, build, datetimes, events, html_fragments, timelines, titles

MYST_TITLES = [
    "Comintern agents in China",
    "Mao Zedong in Moscow",
    "Treaty of Friendship, Alliance and Mutual Assistance",
    "The split becomes public",
]


@pytest.fixture(scope="module")
def myst(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / "test-timeline-myst", "html", tmp_path_factory.mktemp("myst"))


@pytest.fixture(scope="module")
def rst(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / "test-timeline-rst", "html", tmp_path_factory.mktemp("rst"))


@pytest.fixture(scope="module")
def dates(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / "test-timeline-dates", "html", tmp_path_factory.mktemp("dates"))


def only_timeline(built: Built, page: str = "index.html") -> Tag:
    [timeline] = timelines(built.soup(page))
    return timeline


def date_cell(built: Built, title: str) -> Tag:
    for event in events(only_timeline(built)):
        if event.select_one("p.timeline-title").get_text() == title:
            return event.select_one("p.timeline-date")
    raise AssertionError(f"no event titled {title!r}")


# MyST and reStructuredText


def test_myst_and_rst_roots_build_without_warnings(myst: Built, rst: Built) -> None:
    assert myst.warnings == ""
    assert rst.warnings == ""


def test_myst_and_rst_give_the_same_timeline_html(myst: Built, rst: Built) -> None:
    myst_html = html_fragments(myst.read("index.html"))
    assert myst_html.count('<li class="timeline-event') == 4
    assert html_fragments(rst.read("index.html")) == myst_html


# Structure


def test_timeline_is_a_figure_with_caption_and_ordered_list(myst: Built) -> None:
    timeline = only_timeline(myst)
    assert timeline["id"] == "alliance-timeline"
    caption = timeline.find("figcaption", recursive=False)
    assert caption.get_text() == "The alliance, 1949–1953"
    assert caption.em.get_text() == "1949–1953"
    [event_list] = timeline.find_all("ol", recursive=False)
    assert event_list["class"] == ["timeline-events"]
    items = event_list.find_all(recursive=False)
    assert [item.name for item in items] == ["li"] * 4
    assert all("timeline-event" in item["class"] for item in items)


def test_events_are_in_chronological_order(myst: Built) -> None:
    assert titles(only_timeline(myst)) == MYST_TITLES


def test_event_has_time_title_and_body(myst: Built) -> None:
    treaty = only_timeline(myst).find(id="treaty-1950")
    assert treaty.select_one("p.timeline-date > time").attrs == {"datetime": "1950-02-14"}
    assert treaty.select_one("p.timeline-date").get_text() == "14 February 1950"
    title = treaty.select_one("div.timeline-heading > p.timeline-title")
    assert title.get_text() == "Treaty of Friendship, Alliance and Mutual Assistance"
    body = treaty.select_one("div.timeline-body")
    assert body.p.strong.get_text() == "Moscow"


def test_tags_are_list_items_and_classes(myst: Built) -> None:
    event = only_timeline(myst).find(id="event-1949-12-16-1950-02-17-mao-zedong-in-moscow")
    tags = event.select_one("ul.timeline-tags")
    assert tags["aria-label"] == "Tags"
    assert [tag.get_text() for tag in tags.find_all("li")] == ["diplomacy", "Moscow"]
    assert "timeline-tag-moscow" in tags.find_all("li")[1]["class"]
    assert event["class"] == [
        "timeline-event",
        "timeline-tag-diplomacy",
        "timeline-tag-moscow",
    ]


def test_event_without_tags_has_no_tag_list(myst: Built) -> None:
    assert only_timeline(myst).find(id="split-event").select("ul.timeline-tags") == []


def test_class_options_are_added(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["sinosoviet_ext.timeline"]\nsinosoviet_timeline_require_citation = False\n'
    )
    (tmp_path / "index.rst").write_text(
        "Classes\n=======\n\n.. timeline::\n   :class: wide\n\n"
        "   .. event:: Treaty\n      :date: 1950\n      :class: highlight\n"
    )
    built = build(tmp_path, "html", tmp_path / "_build")
    timeline = only_timeline(built)
    assert timeline["class"] == ["timeline", "wide"]
    assert "highlight" in events(timeline)[0]["class"]


# Dates


@pytest.mark.parametrize(
    ("title", "machine", "shown"),
    [
        ("A year", ["1950"], "1950"),
        ("A month", ["1950-02"], "February 1950"),
        ("A day", ["1950-02-14"], "14 February 1950"),
        ("A range of days", ["1949-12-16", "1950-02-17"], "16 December 1949 – 17 February 1950"),
        ("A range of years", ["1958", "1960"], "1958–1960"),
        ("An open end", ["1991"], "1991–"),
        ("A date shown in words", ["1950-02"], "early 1950"),
    ],
)
def test_time_elements_have_the_precision_of_the_date(
    dates: Built, title: str, machine: list[str], shown: str
) -> None:
    cell = date_cell(dates, title)
    assert [time["datetime"] for time in cell.find_all("time")] == machine
    assert cell.get_text() == shown


@pytest.mark.parametrize(
    ("title", "shown"),
    [("Before the common era", "45 BCE"), ("A decade", "1960s"), ("A season", "spring 1950")],
)
def test_dates_html_cannot_express_are_spans(dates: Built, title: str, shown: str) -> None:
    cell = date_cell(dates, title)
    assert cell.find("time") is None
    assert [span.get_text() for span in cell.find_all("span")] == [shown]


def test_dates_root_builds_without_warnings(dates: Built) -> None:
    assert dates.warnings == ""


# Order


# Coarser dates first on the same day: 1950 < February 1950 < 14 February 1950.
CHRONOLOGICAL = [
    "Founding",
    "Year of the treaty",
    "Month of the treaty",
    "Treaty",
    "Split",
    "Border clashes",
]
AS_WRITTEN = [
    "Split",
    "Treaty",
    "Founding",
    "Year of the treaty",
    "Month of the treaty",
    "Border clashes",
]


def orders(rootdir: Path, tmp_path: Path, **confoverrides: str) -> dict[str, list[str]]:
    built = build(rootdir / "test-timeline-order", "html", tmp_path, **confoverrides)
    assert built.warnings == ""
    return {
        timeline.figcaption.get_text(): titles(timeline) for timeline in timelines(built.soup())
    }


def test_order_option(rootdir: Path, tmp_path: Path) -> None:
    assert orders(rootdir, tmp_path) == {
        "By default": CHRONOLOGICAL,
        "Chronological": CHRONOLOGICAL,
        "Reverse": CHRONOLOGICAL[::-1],
        "As written": AS_WRITTEN,
    }


def test_default_order_is_a_setting(rootdir: Path, tmp_path: Path) -> None:
    found = orders(rootdir, tmp_path, sinosoviet_timeline_order="reverse")
    assert found["By default"] == CHRONOLOGICAL[::-1]
    assert found["Chronological"] == CHRONOLOGICAL


# Ids


@pytest.fixture(scope="module")
def ids(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / "test-timeline-ids", "html", tmp_path_factory.mktemp("ids"))


def event_ids(page: BeautifulSoup) -> list[str]:
    return [event["id"] for timeline in timelines(page) for event in events(timeline)]


def test_unlabelled_events_get_ids_from_date_and_title(ids: Built) -> None:
    assert ids.warnings == ""
    assert event_ids(ids.soup()) == [
        "event-1949-12-16-1950-02-17-mao-s-visit-to-moscow-19491950",
        "event-1950-a-title-that-goes-on-and-on-well-beyond-the-sixty-chara",
        "event-1950-02-14-treaty-of-friendship",
        "event-1950-02-14-treaty-of-friendship-2",
        "my-label",
        "event-1950-02-14-treaty-of-friendship-3",
    ]


def test_ids_are_unique_in_the_page(ids: Built) -> None:
    all_ids = [tag["id"] for tag in ids.soup().find_all(id=True)]
    assert len(all_ids) == len(set(all_ids))


def test_ids_are_the_same_on_a_fresh_rebuild(ids: Built, rootdir: Path, tmp_path: Path) -> None:
    again = build(rootdir / "test-timeline-ids", "html", tmp_path)
    assert event_ids(again.soup()) == event_ids(ids.soup())
    assert html_fragments(again.read("index.html")) == html_fragments(ids.read("index.html"))


def test_ids_do_not_move_when_an_event_is_added_before(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("conf.py", "index.md"):
        (source / name).write_text((rootdir / "test-timeline-ids" / name).read_text())
    app = make_app("html", srcdir=source, builddir=tmp_path / "_build")

    def built_ids() -> list[str]:
        app.build()  # incremental: only the changed page is read again
        html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
        return event_ids(BeautifulSoup(html, "html.parser"))

    before = built_ids()
    page = source / "index.md"
    added = ":::{event} An earlier event\n:date: 1945\n:::\n\n"
    page.write_text(page.read_text().replace(":::{event}", added + ":::{event}", 1))
    assert built_ids() == ["event-1945-an-earlier-event", *before]
    assert app.warning.getvalue() == ""


# Cross-references and citations


def test_ref_to_event_shows_its_title_and_links_to_its_id(myst: Built) -> None:
    link = myst.soup().find("a", href="#treaty-1950")
    assert link.get_text() == "Treaty of Friendship, Alliance and Mutual Assistance"


def test_ref_to_timeline_shows_its_caption(myst: Built) -> None:
    link = myst.soup().find("a", href="#alliance-timeline")
    assert link.get_text() == "The alliance, 1949–1953"


def test_citations_and_refs_in_event_bodies_resolve(myst: Built) -> None:
    timeline = only_timeline(myst)
    citations = [citation.get_text() for citation in timeline.select("span.bibtex-citation")]
    assert citations == [
        "[Lüthi, 2008]",
        "[Shen and Xia, 2015]",
        "[Shen and Xia, 2015]",
        "[Lüthi, 2008]",
    ]
    page_ids = {tag["id"] for tag in myst.soup().find_all(id=True)}
    for citation in timeline.select("span.bibtex-citation a"):
        assert citation["href"].removeprefix("#") in page_ids
    ref = timeline.find(id="treaty-1950").select_one("div.timeline-body a[href='#split-event']")
    assert ref.get_text() == "The split becomes public"
    assert "pending_xref" not in myst.read("index.html")


@pytest.fixture(scope="module")
def xref(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / "test-timeline-xref", "html", tmp_path_factory.mktemp("xref"))


def test_ref_from_another_page_links_to_the_event(xref: Built) -> None:
    assert xref.warnings == ""
    links = [(a["href"], a.get_text()) for a in xref.soup("links.html").select("section p a")]
    assert links == [
        ("events.html#treaty-1950", "Treaty of Friendship"),
        ("events.html#alliance-timeline", "The alliance years"),
        ("events.html#treaty-1950", "the treaty"),
    ]
    assert xref.soup("events.html").find(id="treaty-1950").name == "li"


# Assets


def test_css_is_copied_and_linked(myst: Built) -> None:
    css = myst.outdir / "_static" / "sinosoviet-timeline.css"
    assert "figure.timeline" in css.read_text(encoding="utf-8")
    links = [link["href"] for link in myst.soup().find_all("link", rel="stylesheet")]
    assert any(href.split("?")[0] == "_static/sinosoviet-timeline.css" for href in links)


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml"])
def test_css_is_linked_by_other_html_builders(rootdir: Path, tmp_path: Path, builder: str) -> None:
    built = build(rootdir / "test-timeline-myst", builder, tmp_path)
    assert (built.outdir / "_static" / "sinosoviet-timeline.css").is_file()
    assert "_static/sinosoviet-timeline.css" in built.read("index.html")
    assert datetimes(only_timeline(built)) == [
        "1920",
        "1949-12-16",
        "1950-02-17",
        "1950-02-14",
        "1960",
    ]
