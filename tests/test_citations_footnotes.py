"""Footnote citations with the Chicago styles (root ``test-citations_footnotes``).

``{footcite:p}`` puts the work's reference-list entry in a footnote, once per
work and page however often it is cited; ``{footcite:t}`` names the creators as
in-text citations do.  A work cited only in footnotes still belongs to the
chapter's works cited and to the book bibliography.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from citationtools import MakeApp, build, copy_root, list_entries, soup

ROOT = "citations_footnotes"
WESTAD = (
    "Westad, Odd Arne, ed. 1998. Brothers in Arms: The Rise and Fall of the Sino-Soviet"
    " Alliance, 1945–1963. Cold War International History Project Series."
    " Washington, DC and Stanford, CA: Woodrow Wilson Center Press and Stanford University Press."
)
GONCHAROV = (
    "Goncharov, Sergei N., John W. Lewis, and Litai Xue. 1993. Uncertain Partners:"
    " Stalin, Mao, and the Korean War. Stanford, CA: Stanford University Press."
)


@pytest.fixture
def book(make_app: MakeApp, rootdir: Path, tmp_path: Path) -> SphinxTestApp:
    app = build(make_app, copy_root(rootdir, ROOT, tmp_path))
    assert app.warning.getvalue() == ""
    return app


def footnote_texts(app: SphinxTestApp) -> list[str]:
    notes = soup(app.outdir, "chapter.html").select("aside.footnote p")
    return [" ".join(note.get_text().split()) for note in notes]


def test_a_footnote_holds_the_reference_list_entry(book: SphinxTestApp) -> None:
    assert footnote_texts(book) == [WESTAD, GONCHAROV]


def test_a_work_cited_twice_has_one_footnote(book: SphinxTestApp) -> None:
    marks = soup(book.outdir, "chapter.html").select("a.footnote-reference")
    assert [mark["href"] for mark in marks] == [
        "#footcite-westad1998brothers",
        "#footcite-westad1998brothers",
        "#footcite-goncharov1993uncertain",
    ]


def test_a_textual_footnote_citation_names_three_creators(book: SphinxTestApp) -> None:
    text = " ".join(soup(book.outdir, "chapter.html").get_text().split())
    assert "A textual footnote citation: Goncharov, Lewis, and Xue[2]." in text


def test_works_cited_only_in_footnotes_are_listed(book: SphinxTestApp) -> None:
    expected = [GONCHAROV, list_entries(book.outdir, "chapter.html")[1], WESTAD]
    assert list_entries(book.outdir, "chapter.html") == expected
    assert list_entries(book.outdir, "bibliography.html") == expected
    assert expected[1].startswith("Lüthi, Lorenz M. 2008.")


def test_back_links_of_footnote_citations_reach_the_marks(book: SphinxTestApp) -> None:
    page = soup(book.outdir, "chapter.html")
    westad = page.select("p.reference-list-entry")[2]
    back_links = [link["href"] for link in westad.select(".reference-list-backlinks a")]
    marks = [f"#{mark['id']}" for mark in page.select("a.footnote-reference")[:2]]
    assert back_links == marks


def test_latex_footnote_holds_the_entry(make_app: MakeApp, rootdir: Path, tmp_path: Path) -> None:
    app = build(make_app, copy_root(rootdir, ROOT, tmp_path), "latex")
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "footnotes.tex").read_text(encoding="utf-8")
    footnote = tex[tex.index(r"\begin{footnote}") : tex.index(r"\end{footnote}")]
    assert "Westad, Odd Arne, ed. 1998." in footnote
