"""Citations in the real book: every one leads to an entry, chapters to their own list."""

from __future__ import annotations

from booktools import BuiltBook
from citationtools import citation_links, link_target, list_entries

CHAPTER_FOLDERS = ("periods/", "debates/")


def test_every_citation_in_the_book_links_to_an_entry(book_html: BuiltBook) -> None:
    links = citation_links(book_html.outdir)
    assert len(links) > 10
    broken = []
    for link in links:
        target = link_target(book_html.outdir, link)
        if target is None or "reference-list-entry" not in target.get("class", []):
            broken.append(link)
    assert broken == []


def test_chapter_citations_link_to_the_chapters_works_cited(book_html: BuiltBook) -> None:
    elsewhere = [
        link
        for link in citation_links(book_html.outdir)
        if link.page.startswith(CHAPTER_FOLDERS) and not link.href.startswith("#")
    ]
    assert elsewhere == []


def test_the_bibliography_has_every_work_of_every_list(book_html: BuiltBook) -> None:
    bibliography = set(list_entries(book_html.outdir, "back-matter/bibliography.html"))
    for page in sorted(book_html.outdir.glob("*/*.html")):
        relative = page.relative_to(book_html.outdir).as_posix()
        assert set(list_entries(book_html.outdir, relative)) <= bibliography, relative
