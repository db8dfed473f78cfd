"""The real book in docs/ builds cleanly and its citations reach the bibliography."""

from __future__ import annotations

from bs4 import BeautifulSoup

from booktools import BuiltBook

KEY_PAGES = ["index.html", "about.html", "back-matter/bibliography.html", "genindex.html"]


def soup(book: BuiltBook, page: str) -> BeautifulSoup:
    return BeautifulSoup(book.read(page), "html.parser")


def test_book_builds_without_warnings(book_html: BuiltBook) -> None:
    assert book_html.warnings == ""


def test_key_pages_exist(book_html: BuiltBook) -> None:
    missing = [page for page in KEY_PAGES if not (book_html.outdir / page).is_file()]
    assert missing == []


def test_home_page_names_people_in_both_scripts(book_html: BuiltBook) -> None:
    text = soup(book_html, "index.html").get_text()
    assert "Mao Zedong (毛泽东)" in text
    assert "Khrushchev (Никита Хрущёв)" in text


def test_citation_of_shen_and_xia_links_to_its_bibliography_entry(book_html: BuiltBook) -> None:
    citation = next(
        link
        for link in soup(book_html, "index.html").select("a[href*='bibliography.html#']")
        if "Shen" in link.get_text()
    )
    anchor = citation["href"].split("#", 1)[1]
    entry = soup(book_html, "back-matter/bibliography.html").find(id=anchor)
    assert entry is not None
    assert "Mao and the Sino-Soviet Partnership" in entry.parent.get_text()


def test_furo_links_to_the_source_repository(book_html: BuiltBook) -> None:
    page = soup(book_html, "about.html")
    edit_links = [a["href"] for a in page.select("a[href*='/edit/main/docs/about.md']")]
    assert edit_links, "furo's 'edit this page' link is missing"
