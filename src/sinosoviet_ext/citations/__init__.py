"""Chicago author-date citations (CMOS 17, chapter 15) for sphinxcontrib-bibtex.

The styles are plugins registered as entry points in ``pyproject.toml`` and
selected in ``conf.py`` by name::

    bibtex_default_style = "chicago_author_date"    # reference list
    bibtex_reference_style = "chicago_author_date"  # in-text citations

* :mod:`.chicago` -- the pybtex formatting style for the reference list, with
  its sorting and label styles.
* :mod:`.referencing` -- the sphinxcontrib-bibtex referencing style for
  ``{cite:p}``, ``{cite:t}`` and the other ``cite`` roles.

The Sphinx extension ``sinosoviet_ext.citations`` (loaded by
``sinosoviet_ext``) adds what a book needs on top of sphinxcontrib-bibtex:

* :mod:`.domain` -- a chapter's own list (``{bibliography}`` with ``:filter:
  docname in docnames``) is the target of its citations, the back-matter
  ``{bibliography}`` that of pages without a list; no duplicate warnings for
  a work in several lists; pages whose lists changed are written again in
  incremental builds;
* :mod:`.footnotes` -- ``footcite`` citations count as citations for the lists;
* :mod:`.nodes` and :mod:`.transforms` -- reference lists without labels, with
  a hanging indent, in HTML and in LaTeX;
* :mod:`.plugins` -- pybtex plugins looked up once per build, not per citation;
* the same styles with the "et al." rule of CMOS 18, under the name
  ``chicago_author_date_18``, and ``chicago_footnotes`` for the footnote marks
  of ``footcite`` (``bibtex_foot_reference_style``), also entry points.

:mod:`.hygiene` checks ``references.bib`` (``python -m
sinosoviet_ext.citations.hygiene``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from sinosoviet_ext import __version__

from .domain import BookCitationDomain
from .footnotes import RecordingFootCiteRole, RecordingFootDomain
from .nodes import RENDERERS
from .plugins import remember_pybtex_plugins
from .transforms import ReferenceListTransform

HERE = Path(__file__).resolve().parent
CSS_FILE = "sinosoviet-citations.css"
# Bump when the data this extension keeps in the environment changes shape.
ENV_VERSION = 1


def add_static_path(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(HERE / "static"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinxcontrib.bibtex")
    app.connect("config-inited", remember_pybtex_plugins)
    app.add_domain(BookCitationDomain, override=True)
    app.add_domain(RecordingFootDomain, override=True)
    app.add_role("footcite", RecordingFootCiteRole(), override=True)
    for node_class, renderers in RENDERERS.items():
        app.add_node(node_class, **renderers)
    app.add_post_transform(ReferenceListTransform)
    app.add_css_file(CSS_FILE)
    app.connect("builder-inited", add_static_path)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
