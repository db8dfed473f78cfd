"""What still counts as a duplicate citation (roots ``test-citations_*-duplicate(s)``).

A work may be in any number of chapter lists plus the book bibliography; it may
not be in two lists of one page, nor in two book-wide bibliographies, because a
citation from a page without a list would then have two targets.
"""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences


def warnings_of(app: SphinxTestApp) -> list[str]:
    app.build()
    lines = strip_escape_sequences(app.warning.getvalue()).splitlines()
    return [line.split(str(app.srcdir) + "/", 1)[-1] for line in lines]


@pytest.mark.sphinx("html", testroot="citations_two-bibliographies")
def test_a_work_in_two_book_wide_bibliographies_is_a_duplicate(app: SphinxTestApp) -> None:
    assert warnings_of(app) == [
        'other.md:3: WARNING: duplicate citation for key "luthi2008split": it is also in the'
        " bibliography of 'index'; filter a chapter's own list with"
        " ':filter: docname in docnames' [bibtex.duplicate_citation]"
    ]


@pytest.mark.sphinx("html", testroot="citations_local-duplicate")
def test_a_work_in_two_lists_of_one_page_is_a_duplicate(app: SphinxTestApp) -> None:
    assert warnings_of(app) == [
        'index.md:13: WARNING: duplicate local citation for key "luthi2008split": it is in two'
        " lists of this page [bibtex.duplicate_local_citation]"
    ]
