"""A works-cited list per chapter and one book bibliography (root ``test-citations_chapters``).

The root has three chapters with their own list (``luthi2008split`` is cited in
two of them), a home page and a notes page without a list, and the back-matter
bibliography.  sphinxcontrib-bibtex alone warns "duplicate citation" for such a
book and leaves the bibliography page stale when a chapter cites a new work;
``sinosoviet_ext.citations`` must do neither.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from citationtools import (
    MakeApp,
    build,
    citation_links,
    citations_on,
    copy_root,
    html_pages,
    link_target,
    list_entries,
    soup,
)

ROOT = "citations_chapters"
BIBLIOGRAPHY_ORDER = [
    "Doe, Jane. 2015. Alpha. Example Press.",
    "Lüthi, Lorenz M. 2008. The Sino-Soviet Split: Cold War in the Communist World."
    " Princeton, NJ: Princeton University Press.",
    "Shen, Zhihua, and Yafeng Xia. 2015."
    " Mao and the Sino-Soviet Partnership, 1945–1959: A New History."
    " Harvard Cold War Studies Book Series. Lanham, MD: Lexington Books.",
    "Yang, Kuisong. 2000. “The Sino-Soviet Border Clash of 1969:"
    " From Zhenbao Island to Sino-American Rapprochement.”"
    " Cold War History 1 (1): 21–52. https://doi.org/10.1080/713999906.",
]


@pytest.fixture
def book(make_app: MakeApp, rootdir: Path, tmp_path: Path) -> SphinxTestApp:
    return build(make_app, copy_root(rootdir, ROOT, tmp_path))


def cite_also(chapter: Path, sentence: str) -> None:
    """Add a sentence to a chapter, before its "Works cited", as an author would."""
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("## Works cited", f"{sentence}\n\n## Works cited"), "utf-8")
    later = chapter.stat().st_mtime + 5
    os.utime(chapter, (later, later))


def test_a_work_cited_in_two_chapters_gives_no_warning(book: SphinxTestApp) -> None:
    assert book.warning.getvalue() == ""


def test_every_citation_links_to_an_existing_entry(book: SphinxTestApp) -> None:
    links = citation_links(book.outdir)
    assert len(links) == 7
    for link in links:
        target = link_target(book.outdir, link)
        assert target is not None, link
        assert "reference-list-entry" in target["class"], link


def test_chapter_citations_link_to_the_chapter_list(book: SphinxTestApp) -> None:
    for page in ("chapters/alliance.html", "chapters/split.html", "chapters/border.html"):
        links = [link for link in citation_links(book.outdir) if link.page == page]
        assert links
        assert all(link.href.startswith("#") for link in links), links


def test_pages_without_a_list_link_to_the_bibliography(book: SphinxTestApp) -> None:
    hrefs = {link.page: link.href for link in citation_links(book.outdir)}
    assert hrefs["index.html"].startswith("bibliography.html#")
    assert hrefs["notes.html"].startswith("bibliography.html#")


def test_each_list_shows_its_own_works_in_chicago_order(book: SphinxTestApp) -> None:
    assert list_entries(book.outdir, "bibliography.html") == BIBLIOGRAPHY_ORDER
    assert list_entries(book.outdir, "chapters/alliance.html") == BIBLIOGRAPHY_ORDER[1:3]
    assert list_entries(book.outdir, "chapters/split.html") == BIBLIOGRAPHY_ORDER[1:2]


def test_lists_have_no_labels(book: SphinxTestApp) -> None:
    for page in html_pages(book.outdir):
        page_soup = soup(book.outdir, page)
        assert page_soup.select("div.citation, span.label") == [], page
        assert "[Lüthi 2008]" not in page_soup.get_text()


def test_back_links_return_to_every_citation_in_the_page(book: SphinxTestApp) -> None:
    page = soup(book.outdir, "chapters/split.html")
    (entry,) = page.select("p.reference-list-entry")
    back_links = [link["href"] for link in entry.select(".reference-list-backlinks a")]
    citation_ids = [f"#{span['id']}" for span in page.select("span.bibtex-citation")]
    assert back_links == citation_ids
    assert len(back_links) == 2


def test_citations_read_as_chicago(book: SphinxTestApp) -> None:
    assert citations_on(book.outdir, "chapters/alliance.html") == [
        "(Shen and Xia 2015)",
        "(see Lüthi 2008, 45–47)",
    ]
    assert citations_on(book.outdir, "chapters/split.html") == ["(Lüthi 2008)", "Lüthi (2008)"]


def test_citing_a_new_work_updates_the_bibliography_in_an_incremental_build(
    make_app: MakeApp, rootdir: Path, tmp_path: Path
) -> None:
    source = copy_root(rootdir, ROOT, tmp_path)
    first = build(make_app, source)
    assert not any(
        "Goldstein" in entry for entry in list_entries(first.outdir, "bibliography.html")
    )

    cite_also(source / "chapters" / "border.md", "Who fired first {cite:p}`goldstein2001return`.")
    second = build(make_app, source)

    assert second.warning.getvalue() == ""
    entries = list_entries(second.outdir, "bibliography.html")
    assert entries[1].startswith("Goldstein, Lyle J. 2001. “Return to Zhenbao Island")
    border_links = [
        link for link in citation_links(second.outdir) if link.page.endswith("border.html")
    ]
    assert all(link_target(second.outdir, link) is not None for link in border_links)


def test_a_changed_label_reaches_pages_without_a_list(
    make_app: MakeApp, rootdir: Path, tmp_path: Path
) -> None:
    """A second Doe 2015 makes the first 'Doe 2015a' in the bibliography; the notes page,
    which links there, is written again though it did not change; the chapter that cites
    the second calls it 'Doe 2015b', as the bibliography does; the alliance chapter,
    which cites neither, is not written again."""
    source = copy_root(rootdir, ROOT, tmp_path)
    first = build(make_app, source)
    assert citations_on(first.outdir, "notes.html") == ["(Doe 2015)"]
    alliance = first.outdir / "chapters" / "alliance.html"
    alliance_written = alliance.stat().st_mtime_ns

    cite_also(source / "chapters" / "split.md", "A second work {cite:p}`doe2015beta`.")
    second = build(make_app, source)

    assert citations_on(second.outdir, "notes.html") == ["(Doe 2015a)"]
    assert "(Doe 2015b)" in citations_on(second.outdir, "chapters/split.html")
    assert list_entries(second.outdir, "chapters/split.html")[0].startswith("Doe, Jane. 2015b.")
    assert alliance.stat().st_mtime_ns == alliance_written


def test_parallel_build_gives_the_same_pages(
    make_app: MakeApp, rootdir: Path, tmp_path: Path
) -> None:
    serial = build(make_app, copy_root(rootdir, ROOT, tmp_path / "serial"))
    parallel = build(make_app, copy_root(rootdir, ROOT, tmp_path / "parallel"), parallel=2)
    assert parallel.warning.getvalue() == ""
    for page in html_pages(serial.outdir):
        for selector in ("div.reference-list", "span.bibtex-citation"):
            assert [str(node) for node in soup(serial.outdir, page).select(selector)] == [
                str(node) for node in soup(parallel.outdir, page).select(selector)
            ], (page, selector)


@pytest.fixture
def latex_book(make_app: MakeApp, rootdir: Path, tmp_path: Path) -> str:
    app = build(make_app, copy_root(rootdir, ROOT, tmp_path), "latex")
    assert app.warning.getvalue() == ""
    return (app.outdir / "chapters.tex").read_text(encoding="utf-8")


def test_latex_keeps_each_list_in_its_chapter(latex_book: str) -> None:
    assert "thebibliography" not in latex_book
    assert r"\bibitem" not in latex_book
    chapters = re.split(r"\\chapter\{", latex_book)[1:]
    lists_per_chapter = [chapter.count(r"\begin{list}") for chapter in chapters]
    assert lists_per_chapter == [1, 1, 1, 0, 1]  # three chapters, notes, bibliography


def test_latex_citation_links_have_anchors(latex_book: str) -> None:
    links = set(re.findall(r"\\hyperlink\{(cite\.[^}]+)\}", latex_book))
    anchors = set(re.findall(r"\\hypertarget\{(cite\.[^}]+)\}", latex_book))
    assert links
    assert links <= anchors
