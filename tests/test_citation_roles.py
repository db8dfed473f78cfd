"""Chicago author-date citations in a real Sphinx build (MyST roles, HTML and LaTeX).

The test root ``tests/roots/test-citations`` cites works with the MyST
``{cite:p}``/``{cite:t}`` roles and prints them with ``{bibliography}``, using
``bibtex_default_style`` and ``bibtex_reference_style`` ``chicago_author_date``.
``index.md`` cites real works; ``same-year.md`` cites two invented works by
one author in one year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from pybtex.database import Person
from sphinx.testing.util import SphinxTestApp
from sphinxcontrib.bibtex.plugin import find_plugin

from sinosoviet_ext.citations.referencing import (
    Chicago18ReferenceStyle,
    ChicagoPersonStyle,
    ChicagoReferenceStyle,
)


@dataclass
class Citation:
    """An in-text citation: its visible text and the targets of its links."""

    text: str = ""
    hrefs: list[str] = field(default_factory=list)


@dataclass
class BibliographyEntry:
    """A reference-list entry: its anchor id and the text of its paragraph."""

    anchor: str
    text: str = ""


class CitationParser(HTMLParser):
    """Collect ``span.bibtex-citation`` and ``div.citation > p`` from Sphinx HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.citations: list[Citation] = []
        self.entries: list[BibliographyEntry] = []
        self._citation_depth = 0
        self._in_entry_paragraph = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self._citation_depth:
            self._citation_depth += tag == "span"
            if tag == "a" and attributes.get("href"):
                self.citations[-1].hrefs.append(attributes["href"] or "")
        elif tag == "span" and "bibtex-citation" in classes:
            self.citations.append(Citation())
            self._citation_depth = 1
        elif tag == "div" and "citation" in classes:
            self.entries.append(BibliographyEntry(anchor=attributes.get("id") or ""))
        elif tag == "p" and self.entries and not self.entries[-1].text:
            self._in_entry_paragraph = True

    def handle_endtag(self, tag: str) -> None:
        if self._citation_depth and tag == "span":
            self._citation_depth -= 1
        elif tag == "p":
            self._in_entry_paragraph = False

    def handle_data(self, data: str) -> None:
        if self._citation_depth:
            self.citations[-1].text += data
        elif self._in_entry_paragraph:
            self.entries[-1].text += data


@dataclass
class BuiltPage:
    citations: dict[str, Citation]
    entries: dict[str, BibliographyEntry]

    def entry_anchor(self, text_start: str) -> str:
        (anchor,) = [e.anchor for e in self.entries.values() if e.text.startswith(text_start)]
        return anchor


def parse_page(app: SphinxTestApp, docname: str) -> BuiltPage:
    parser = CitationParser()
    parser.feed((app.outdir / f"{docname}.html").read_text(encoding="utf-8"))
    return BuiltPage(
        citations={citation.text: citation for citation in parser.citations},
        entries={entry.text: entry for entry in parser.entries},
    )


@pytest.fixture
def built(app: SphinxTestApp) -> SphinxTestApp:
    app.build()
    assert app.warning.getvalue() == ""
    return app


@pytest.fixture
def page(built: SphinxTestApp) -> BuiltPage:
    return parse_page(built, "index")


CITATIONS = {
    # in-text citation -> start of the bibliography entry it must link to
    "(Shen and Xia 2015)": "Shen, Zhihua, and Yafeng Xia. 2015.",
    "Shen and Xia (2015)": "Shen, Zhihua, and Yafeng Xia. 2015.",
    "(Goncharov, Lewis, and Xue 1993)": "Goncharov, Sergei N., John W. Lewis, and Litai Xue.",
    "Goncharov, Lewis, and Xue (1993)": "Goncharov, Sergei N., John W. Lewis, and Litai Xue.",
    "(Roe et al. 2019)": "Roe, Richard, Jane Doe, Edgar Poe, and Max Moe. 2019.",
    "(Roe, Doe, Poe, and Moe 2019)": "Roe, Richard, Jane Doe, Edgar Poe, and Max Moe. 2019.",
    "(Westad 1998)": "Westad, Odd Arne, ed. 1998.",
    "(see Lüthi 2008, 45–47)": "Lüthi, Lorenz M. 2008.",
    "Shen and Xia (2015, 112)": "Shen, Zhihua, and Yafeng Xia. 2015.",
}


@pytest.mark.sphinx("html", testroot="citations")
@pytest.mark.parametrize(("citation", "entry_start"), CITATIONS.items())
def test_citation_text_and_link(page: BuiltPage, citation: str, entry_start: str) -> None:
    assert citation in page.citations
    assert page.citations[citation].hrefs == [f"#{page.entry_anchor(entry_start)}"]


@pytest.mark.sphinx("html", testroot="citations")
def test_several_works_are_separated_by_semicolons(page: BuiltPage) -> None:
    citation = page.citations["(Lüthi 2008; Yang 2000)"]
    assert citation.hrefs == [
        f"#{page.entry_anchor('Lüthi')}",
        f"#{page.entry_anchor('Yang')}",
    ]


@pytest.mark.sphinx("html", testroot="citations")
def test_several_works_in_a_textual_citation_are_joined_with_and(page: BuiltPage) -> None:
    citation = page.citations["Lüthi (2008) and Yang (2000)"]
    assert citation.hrefs == [
        f"#{page.entry_anchor('Lüthi')}",
        f"#{page.entry_anchor('Yang')}",
    ]


@pytest.mark.sphinx("html", testroot="citations")
def test_same_author_same_year_letters_match_the_reference_list(built: SphinxTestApp) -> None:
    same_year = parse_page(built, "same-year")
    assert list(same_year.entries) == [
        "Doe, Jane. 2015a. Alpha. Example Press.",
        "Doe, Jane. 2015b. Beta. Example Press.",
    ]
    alpha = same_year.entry_anchor("Doe, Jane. 2015a.")
    beta = same_year.entry_anchor("Doe, Jane. 2015b.")
    assert same_year.citations["(Doe 2015a)"].hrefs == [f"#{alpha}"]
    assert same_year.citations["Doe (2015b)"].hrefs == [f"#{beta}"]


@pytest.mark.sphinx("html", testroot="citations")
def test_bibliography_is_chicago_and_sorted(page: BuiltPage) -> None:
    assert [entry for entry in page.entries if not entry.startswith("Roe")] == [
        "Goncharov, Sergei N., John W. Lewis, and Litai Xue. 1993."
        " Uncertain Partners: Stalin, Mao, and the Korean War."
        " Stanford, CA: Stanford University Press.",
        "Lüthi, Lorenz M. 2008. The Sino-Soviet Split: Cold War in the Communist World."
        " Princeton, NJ: Princeton University Press.",
        "Shen, Zhihua, and Yafeng Xia. 2015."
        " Mao and the Sino-Soviet Partnership, 1945–1959: A New History."
        " Harvard Cold War Studies Book Series. Lanham, MD: Lexington Books.",
        "Westad, Odd Arne, ed. 1998."
        " Brothers in Arms: The Rise and Fall of the Sino-Soviet Alliance, 1945–1963."
        " Cold War International History Project Series."
        " Washington, DC and Stanford, CA:"
        " Woodrow Wilson Center Press and Stanford University Press.",
        "Yang, Kuisong. 2000. “The Sino-Soviet Border Clash of 1969:"
        " From Zhenbao Island to Sino-American Rapprochement.”"
        " Cold War History 1 (1): 21–52. https://doi.org/10.1080/713999906.",
    ]


@pytest.mark.sphinx("html", testroot="citations")
def test_doi_is_an_external_link(built: SphinxTestApp) -> None:
    html = (built.outdir / "index.html").read_text(encoding="utf-8")
    assert (
        '<a class="reference external" href="https://doi.org/10.1080/713999906">'
        "https://doi.org/10.1080/713999906</a>."
    ) in html


@pytest.mark.sphinx("latex", testroot="citations")
def test_latex_links_citations_and_doi(built: SphinxTestApp) -> None:
    (tex_file,) = built.outdir.glob("*.tex")
    tex = tex_file.read_text(encoding="utf-8")
    assert r"(see \hyperlink{cite.index:" in tex
    assert r"}{Lüthi 2008}, 45\textendash{}47)" in tex
    assert r"\sphinxurl{https://doi.org/10.1080/713999906}." in tex


GONCHAROV_LEWIS_XUE = [
    Person("Goncharov, Sergei N."),
    Person("Lewis, John W."),
    Person("Xue, Litai"),
]


@pytest.mark.parametrize(
    ("et_al_min", "full", "expected"),
    [
        (3, False, "Goncharov et al."),
        (3, True, "Goncharov, Lewis, and Xue"),
        (4, False, "Goncharov, Lewis, and Xue"),
    ],
)
def test_et_al_threshold(et_al_min: int, full: bool, expected: str) -> None:
    person_style = ChicagoPersonStyle(et_al_min=et_al_min)
    names = person_style.format_creators(GONCHAROV_LEWIS_XUE, full=full)
    assert names.render_as("text") == expected


def test_cmos17_names_three_creators_in_text_by_default() -> None:
    names = ChicagoReferenceStyle().person.format_creators(GONCHAROV_LEWIS_XUE, full=False)
    assert names.render_as("text") == "Goncharov, Lewis, and Xue"


def test_cmos18_style_shortens_three_creators() -> None:
    style = Chicago18ReferenceStyle()
    names = style.person.format_creators(GONCHAROV_LEWIS_XUE, full=False)
    assert names.render_as("text") == "Goncharov et al."
    assert all(getattr(part, "person", style.person) is style.person for part in style.styles)


def test_two_creators_are_never_shortened() -> None:
    names = ChicagoPersonStyle().format_creators(GONCHAROV_LEWIS_XUE[:2], full=False)
    assert names.render_as("text") == "Goncharov and Lewis"


def test_style_is_registered_under_its_entry_point_name() -> None:
    style = find_plugin("sphinxcontrib.bibtex.style.referencing", "chicago_author_date")
    assert style is ChicagoReferenceStyle
