"""Read what readers see of citations in built HTML: links, lists, entries."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

MakeApp = Callable[..., SphinxTestApp]


@dataclass(frozen=True)
class CitationLink:
    """One link of an in-text citation: the page it is on and where it leads."""

    page: str
    text: str
    href: str


def copy_root(rootdir: Path, name: str, destination: Path) -> Path:
    """A private copy of a test root, for tests that edit its files."""
    source = destination / name
    shutil.copytree(rootdir / f"test-{name}", source)
    return source


def build(make_app: MakeApp, srcdir: Path, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build once, then reset docutils' global state so that another app can follow."""
    app = make_app(builder, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def soup(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")


def html_pages(outdir: Path) -> list[str]:
    skipped = {"genindex.html", "search.html"}
    pages = (path.relative_to(outdir).as_posix() for path in sorted(outdir.rglob("*.html")))
    return [page for page in pages if page not in skipped and not page.startswith("_")]


def citation_links(outdir: Path) -> list[CitationLink]:
    return [
        CitationLink(page, link.get_text(), str(link["href"]))
        for page in html_pages(outdir)
        for link in soup(outdir, page).select("span.bibtex-citation a[href]")
    ]


def link_target(outdir: Path, link: CitationLink) -> Tag | None:
    """The element a citation link leads to, if it exists."""
    path, _, anchor = link.href.partition("#")
    page = (Path(link.page).parent / path).as_posix() if path else link.page
    target_file = (outdir / page).resolve()
    if not target_file.is_file():
        return None
    found = soup(outdir, target_file.relative_to(outdir.resolve()).as_posix()).find(id=anchor)
    return found if isinstance(found, Tag) else None


def list_entries(outdir: Path, page: str) -> list[str]:
    """The texts of a page's reference-list entries, without back-links."""
    entries = []
    for entry in soup(outdir, page).select("p.reference-list-entry"):
        for backlinks in entry.select(".reference-list-backlinks"):
            backlinks.decompose()
        entries.append(" ".join(entry.get_text().split()))
    return entries


def citations_on(outdir: Path, page: str) -> list[str]:
    return [
        " ".join(span.get_text().split())
        for span in soup(outdir, page).select("span.bibtex-citation")
    ]
