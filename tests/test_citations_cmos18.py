"""The "et al." rule of CMOS 18 as an option (root ``test-citations_cmos18``).

The book follows CMOS 17: "Goncharov, Lewis, and Xue 1993".  A project that
follows CMOS 18 sets ``bibtex_default_style`` and ``bibtex_reference_style`` to
``chicago_author_date_18`` (registered by ``sinosoviet_ext.citations``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from citationtools import citations_on, list_entries


@pytest.mark.sphinx("html", testroot="citations_cmos18")
def test_three_creators_are_shortened_in_text_but_listed(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    outdir = Path(app.outdir)
    assert citations_on(outdir, "index.html") == [
        "(Goncharov et al. 1993)",
        "Goncharov et al. (1993)",
    ]
    (goncharov,) = [entry for entry in list_entries(outdir, "index.html") if "1993" in entry]
    assert goncharov.startswith("Goncharov, Sergei N., John W. Lewis, and Litai Xue. 1993.")
