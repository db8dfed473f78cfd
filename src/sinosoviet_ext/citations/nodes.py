"""Doctree nodes of a Chicago reference list, and how each builder draws them.

A Chicago reference list is a sequence of entries with a hanging indent and no
labels, so the nodes subclass docutils' own ``container`` and ``paragraph``: a
builder without a renderer of its own (text, man, texinfo) prints plain
paragraphs, because Sphinx's translators fall back on the visitor of a node's
base class.  Two builder formats get a renderer:

* HTML (and EPUB): ``div.reference-list`` of ``p.reference-list-entry``, with
  list roles for screen readers; the stylesheet gives the hanging indent.  The
  back-links to the citations in the same page are only drawn here.
* LaTeX: a ``list`` with a hanging indent, set in place, so that a chapter's
  list stays at the end of the chapter instead of joining Sphinx's single
  ``thebibliography`` at the end of the book; each entry carries the
  ``cite.<docname>:<id>`` anchors that sphinxcontrib-bibtex's citation links
  (``\\hyperlink``) point to.

Doctree::

    <reference_list ids="id3">
        <reference_list_entry ids="id5" docname="chapters/split">
            Lüthi, Lorenz M. 2008. <emphasis>The Sino-Soviet Split ...</emphasis> ...
            <backlinks>
                <reference refid="id1">↩
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

#: Hanging indent of 2em and no label box; ragged right, and no wide space after the
#: abbreviations an entry is full of ("ed.", "Vol.").
LATEX_LIST_START = (
    r"\begin{list}{}{"
    r"\setlength{\leftmargin}{2em}\setlength{\itemindent}{-2em}"
    r"\setlength{\labelwidth}{0pt}\setlength{\labelsep}{0pt}"
    r"\setlength{\itemsep}{0.35\baselineskip}\setlength{\parsep}{0pt}}"
    r"\raggedright\frenchspacing"
)
LATEX_LIST_END = r"\end{list}"
BACKLINK = "\u21a9"


class reference_list(nodes.container):  # noqa: N801 (docutils names nodes in lowercase)
    """A Chicago reference list: the entries of one ``bibliography`` directive."""


class reference_list_entry(nodes.paragraph):  # noqa: N801
    """One entry; ``ids`` are the citation targets, ``docname`` their document."""


class backlinks(nodes.inline):  # noqa: N801
    """Links from an entry back to the citations of it in the same page."""


def visit_reference_list_html(self: HTML5Translator, node: reference_list) -> None:
    self.body.append(self.starttag(node, "div", CLASS="reference-list", role="list"))


def depart_reference_list_html(self: HTML5Translator, node: reference_list) -> None:
    self.body.append("</div>\n")


def visit_entry_html(self: HTML5Translator, node: reference_list_entry) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="reference-list-entry", role="listitem"))


def depart_entry_html(self: HTML5Translator, node: reference_list_entry) -> None:
    self.body.append("</p>\n")


def visit_reference_list_latex(self: LaTeXTranslator, node: reference_list) -> None:
    self.body.append(f"\n{LATEX_LIST_START}\n")


def depart_reference_list_latex(self: LaTeXTranslator, node: reference_list) -> None:
    self.body.append(f"\n{LATEX_LIST_END}\n")


def visit_entry_latex(self: LaTeXTranslator, node: reference_list_entry) -> None:
    """``\\item`` plus the anchors of sphinxcontrib-bibtex's ``\\hyperlink{cite.…}``."""
    anchors = "".join(
        rf"\hypertarget{{cite.{node['docname']}:{target_id}}}{{}}" for target_id in node["ids"]
    )
    self.body.append(f"\n\\item {anchors}")


def depart_entry_latex(self: LaTeXTranslator, node: reference_list_entry) -> None:
    self.body.append("\n")


def skip_node(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    """Back-links only make sense where the reader can click: drop them elsewhere."""
    raise nodes.SkipNode


def no_depart(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    """Never called: the visitor raised ``SkipNode``."""


SKIP = (skip_node, no_depart)

#: Node class -> renderers per builder format, for ``app.add_node``.
RENDERERS: dict[type[nodes.Element], dict[str, tuple]] = {
    reference_list: {
        "html": (visit_reference_list_html, depart_reference_list_html),
        "latex": (visit_reference_list_latex, depart_reference_list_latex),
    },
    reference_list_entry: {
        "html": (visit_entry_html, depart_entry_html),
        "latex": (visit_entry_latex, depart_entry_latex),
    },
    backlinks: {"latex": SKIP, "text": SKIP, "man": SKIP, "texinfo": SKIP},
}
