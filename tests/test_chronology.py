# (en dashes and curly quotes are what the book prints)
"""The gathered view: ``{chronology}`` pages and the ``{timeline:event}`` role, built for real.

Roots:

* ``test-chronology``: two chapters (``alliance`` declares ``period: 1949/1953``), a
  chronology of every event, one of treaties, a bibliography; ``index.md`` uses the role.
  Copied events cite works, use ``{ref}``, a relative ``{doc}``, a MyST ``#anchor`` link
  and a footnote, so that every kind of link is checked on the page that copies it.
* ``test-chronology-filters``: three chapters and, under ``views/``, chronologies filtered
  by tags, dates and documents, a page with two chronologies and one that matches nothing.
  The pages sit one directory down, so that every relative URL is really relative.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

CHAPTERS = ("chapters/alliance.html", "chapters/split.html")
ALLIANCE = "The alliance (1949–1953)"
TREATY = "Treaty of Friendship, Alliance and Mutual Assistance"
FORTIES = "The forties (1945–1949)"
FIFTIES = "The fifties (1950–1959)"


@dataclass
class Built:
    outdir: Path
    warnings: str

    def soup(self, page: str) -> BeautifulSoup:
        return parse(self.outdir / page)


def build(srcdir: Path, builddir: Path, **kwargs: Any) -> Built:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, freshenv=True, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return Built(Path(app.outdir), strip_escape_sequences(app.warning.getvalue()))


@cache
def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def link_target(page: Path, href: str) -> tuple[Path, str]:
    """The file and the anchor that a relative ``href`` on ``page`` leads to."""
    url, _, anchor = href.partition("#")
    target = (page.parent / url).resolve() if url else page
    return (target / "index.html" if target.is_dir() else target), anchor


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def periods(chronology: Tag) -> list[tuple[str, list[str]]]:
    """(caption, titles of its events) for each period of a chronology, in order."""
    return [
        (figure.figcaption.get_text(), titles(figure))
        for figure in chronology.select("figure.chronology-period")
    ]


def titles(tree: Tag) -> list[str]:
    return [title.get_text() for title in tree.select("li.timeline-event p.timeline-title")]


def duplicate_ids(soup: BeautifulSoup) -> list[str]:
    counts = Counter(tag["id"] for tag in soup.find_all(id=True))
    return [id_ for id_, count in counts.items() if count > 1]


@pytest.fixture(scope="module")
def book(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / "test-chronology", tmp_path_factory.mktemp("chronology"))


@pytest.fixture(scope="module")
def views(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(rootdir / "test-chronology-filters", tmp_path_factory.mktemp("filters"))


# -- the gathered view ------------------------------------------------------------------


def test_book_builds_without_warnings(book: Built) -> None:
    assert book.warnings == ""


def test_every_event_appears_once_grouped_by_period_in_date_order(book: Built) -> None:
    chronology = book.soup("chronology.html").select_one("div.chronology")

    assert periods(chronology) == [
        (ALLIANCE, ["Mao Zedong in Moscow", TREATY]),
        ("The split", ["Khrushchev in Beijing", "The split becomes public"]),
    ]
    in_chapters = Counter(title for page in CHAPTERS for title in titles(book.soup(page)))
    assert Counter(titles(chronology)) == in_chapters
    events = chronology.select("li.timeline-event")
    starts = [event.select_one("time")["datetime"] for event in events]
    assert starts == sorted(starts)


def test_period_headings_link_to_their_chapters(book: Built) -> None:
    page = book.outdir / "chronology.html"
    captions = parse(page).select("div.chronology figcaption")

    hrefs = [caption.a["href"] for caption in captions]

    assert hrefs == ["chapters/alliance.html", "chapters/split.html"]
    assert [caption.get_text() for caption in captions] == [
        ALLIANCE,  # the chapter's front matter gives its span
        "The split",  # no span declared: the title alone
    ]
    assert [link_target(page, href)[0] for href in hrefs] == [
        book.outdir / chapter for chapter in CHAPTERS
    ]


def test_read_in_context_leads_to_the_event_in_its_chapter(book: Built) -> None:
    page = book.outdir / "chronology.html"
    events = parse(page).select("div.chronology li.timeline-event")
    assert len(events) == 4

    for event in events:
        href = event.select_one("p.timeline-source a")["href"]
        target, anchor = link_target(page, href)
        original = parse(target).find(id=anchor)
        assert href.startswith("chapters/")
        assert original is not None, href
        assert "timeline-event" in original["class"]
        assert titles(event) == [original.select_one("p.timeline-title").get_text()]


def test_citations_in_copied_events_lead_to_their_bibliography_entries(book: Built) -> None:
    page = book.outdir / "chronology.html"
    citations = parse(page).select("div.chronology span.bibtex-citation a")
    assert len(citations) == 4

    for citation in citations:
        target, anchor = link_target(page, citation["href"])
        entry = parse(target).find(id=anchor)
        assert target == book.outdir / "bibliography.html"
        assert entry is not None, citation["href"]
        author = citation.get_text().split()[0].rstrip(",")
        assert author in entry.get_text()


def test_references_in_copied_events_are_relative_to_the_chronology(book: Built) -> None:
    chronology = book.soup("chronology.html").select_one("div.chronology")
    events = chronology.select("li.timeline-event")
    body = {title: event for event in events for title in titles(event)}

    treaty_links = [a["href"] for a in body[TREATY].select("div.timeline-body a")]
    visit_links = [a["href"] for a in body["Khrushchev in Beijing"].select("div.timeline-body a")]

    assert "chapters/split.html#split-public" in treaty_links  # {ref}
    assert visit_links[1:] == [
        "chapters/alliance.html",  # {doc}`alliance`, relative to chapters/split
        "chapters/split.html#polemics",  # [the polemics](#polemics), a link within the chapter
        "chapters/split.html#fleet",  # the footnote mark leads to the chapter's footnote
    ]


@pytest.mark.parametrize("page", ["chronology.html", "treaties.html"])
def test_every_link_in_a_chronology_resolves(book: Built, page: str) -> None:
    path = book.outdir / page
    links = parse(path).select_one("div.chronology").find_all("a", href=True)

    for link in links:
        target, anchor = link_target(path, link["href"])
        assert target.is_file(), link["href"]
        assert not anchor or parse(target).find(id=anchor), link["href"]


@pytest.mark.parametrize("page", ["chronology.html", "treaties.html"])
def test_no_id_appears_twice_on_a_chronology_page(book: Built, page: str) -> None:
    assert duplicate_ids(book.soup(page)) == []


# -- filters ----------------------------------------------------------------------------


def test_filtered_views_build_without_warnings(views: Built) -> None:
    assert views.warnings == ""


def test_tags_select_events_with_any_of_them(views: Built) -> None:
    chronology = views.soup("views/treaties.html").select_one("div.chronology")

    assert periods(chronology) == [
        (FORTIES, ["Sino-Soviet Treaty of Friendship and Alliance"]),
        (FIFTIES, [TREATY]),
    ]


def test_dates_select_events_that_overlap_them(views: Built) -> None:
    chronology = views.soup("views/early-fifties.html").select_one("div.chronology")

    assert periods(chronology) == [
        (FORTIES, ["Mao Zedong in Moscow"]),  # December 1949 to February 1950
        (FIFTIES, ["Soviet advisers in China", TREATY]),  # until August 1960, open start
    ]


def test_docs_glob_selects_chapters(views: Built) -> None:
    chronology = views.soup("views/sixties.html").select_one("div.chronology")

    assert periods(chronology) == [
        ("The sixties", ["The split becomes public", "Clashes on the Ussuri"]),
    ]


def test_two_chronologies_on_one_page(views: Built) -> None:
    soup = views.soup("views/polemics.html")
    first, second = soup.select("div.chronology")

    assert periods(first) == [
        (FIFTIES, ["The secret speech"]),
        ("The sixties", ["The split becomes public"]),
    ]
    assert periods(second) == periods(first)[::-1]  # :order: reverse
    assert duplicate_ids(soup) == []


def test_empty_selection_says_so(views: Built) -> None:
    soup = views.soup("views/nothing.html")

    assert soup.select("div.chronology") == []
    assert [p.get_text() for p in soup.select("section p")] == ["No events match this selection."]


def test_links_from_a_page_one_directory_down(views: Built) -> None:
    page = views.outdir / "views/treaties.html"
    chronology = parse(page).select_one("div.chronology")
    hrefs = [a["href"] for a in chronology.find_all("a", href=True)]

    assert "../chapters/sixties.html#split-public" in hrefs  # {ref} in a copied event
    assert "../chapters/forties.html" in hrefs  # a period heading
    assert "../timeline.json" in hrefs
    for href in hrefs:
        target, anchor = link_target(page, href)
        assert target.is_file(), href
        assert not anchor or parse(target).find(id=anchor), href


def test_invalid_from_warns_and_is_ignored(rootdir: Path, tmp_path: Path, make_app: Any) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-chronology-filters", srcdir)
    (srcdir / "views/nothing.md").write_text(
        "# Bad bound\n\n```{chronology}\n:from: spring of 1950\n:to: 1955\n```\n",
        encoding="utf-8",
    )

    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "_build")
    app.build()

    warnings = strip_escape_sequences(app.warning.getvalue()).splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{srcdir / 'views/nothing.md'}:3: WARNING: :from: ")
    assert warnings[0].endswith(" [timeline.date]")
    shown = titles(parse(Path(app.outdir) / "views/nothing.html"))
    assert "The People’s Republic proclaimed" in shown  # no lower bound
    assert "The secret speech" not in shown  # the upper bound still holds


# -- the {timeline:event} role ----------------------------------------------------------


def test_role_shows_title_and_date_and_links_to_the_event(book: Built) -> None:
    page = book.outdir / "index.html"
    links = parse(page).select("section p a")

    assert [(a.get_text(), a["href"]) for a in links] == [
        (f"{TREATY} (14 February 1950)", "chapters/alliance.html#treaty-1950"),
        ("the treaty", "chapters/alliance.html#treaty-1950"),  # explicit title
        ("the treaty", "chapters/alliance.html#treaty-1950"),  # MyST [the treaty](#treaty-1950)
    ]
    target, anchor = link_target(page, links[0]["href"])
    assert parse(target).find(id=anchor).name == "li"


def test_unknown_label_warns_once_where_it_is_written(
    rootdir: Path, tmp_path: Path, make_app: Any
) -> None:
    """Also inside an event, which is copied to two chronologies and the export."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-chronology", srcdir)
    index, chapter = srcdir / "index.md", srcdir / "chapters/alliance.md"
    index.write_text(index.read_text() + "\nSee {timeline:event}`no-such-event`.\n")
    chapter.write_text(
        chapter.read_text().replace("{ref}`split-public`.", "{timeline:event}`no-such-treaty`.")
    )

    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "_build")
    app.build()

    assert strip_escape_sequences(app.warning.getvalue()).splitlines() == [
        f"{chapter}:{line_of(chapter, 'no-such-treaty')}: WARNING: "
        "undefined event label: no-such-treaty [ref.event]",
        f"{index}:{line_of(index, 'no-such-event')}: WARNING: "
        "undefined event label: no-such-event [ref.event]",
    ]
    paragraph = parse(Path(app.outdir) / "index.html").select("section p")[-1]
    assert paragraph.get_text() == "See no-such-event."
    assert paragraph.find("a") is None
