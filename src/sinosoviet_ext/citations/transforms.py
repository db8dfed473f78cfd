"""Fill each reference list with its entries, as a Chicago list without labels.

sphinxcontrib-bibtex's own post-transform (priority 5) turns a ``bibliography``
node into docutils ``citation`` nodes with labels ("[Lüthi 2008]"), which
Chicago reference lists do not have, and which Sphinx's LaTeX writer gathers
into one ``thebibliography`` at the end of the book (sphinxcontrib-bibtex
issue #90).  This transform runs just before it (priority 4) and replaces each
``citation``-type bibliography by the nodes of :mod:`.nodes`: the same anchors
and entries, no labels, back-links to the citations in the same page.
Bullet and enumerated bibliographies are left to sphinxcontrib-bibtex.

Entries are built from the domain's formatted data and never added to the
citation nodes stored in the environment, so writing a page twice (HTML, then
LaTeX) gives the same result.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.domain import Citation
from sphinxcontrib.bibtex.nodes import bibliography
from sphinxcontrib.bibtex.transforms import node_text_transform

from .domain import BookCitationDomain, book_domain
from .nodes import BACKLINK, backlinks, reference_list, reference_list_entry


class ReferenceListTransform(SphinxPostTransform):
    """Replace ``citation``-type ``bibliography`` nodes by reference lists."""

    default_priority = 4  # before sphinxcontrib-bibtex's BibliographyTransform

    def run(self, **kwargs: Any) -> None:
        domain = book_domain(self.env)
        for list_node in list(self.document.findall(bibliography)):
            key = BibliographyKey(docname=list_node["docname"], id_=list_node["ids"][0])
            if domain.is_target_list(key):
                list_node.replace_self(build_reference_list(domain, key))


def build_reference_list(domain: BookCitationDomain, key: BibliographyKey) -> nodes.Element:
    """The entries of one list; an empty target (keeping its id) if there are none."""
    entries = [
        build_entry(domain, citation)
        for citation in domain.citations
        if citation.bibliography_key == key
    ]
    return reference_list("", *entries) if entries else nodes.target()


def build_entry(domain: BookCitationDomain, citation: Citation) -> reference_list_entry:
    docname = citation.bibliography_key.docname
    paragraph = domain.backend.paragraph(citation.formatted_entry)
    node_text_transform(paragraph)  # "\url url" -> a link
    entry = reference_list_entry("", ids=[citation.citation_id], docname=docname)
    entry.extend(paragraph.children)
    backrefs = backref_ids(domain, citation)
    if backrefs:
        entry += build_backlinks(backrefs)
    return entry


def backref_ids(domain: BookCitationDomain, citation: Citation) -> list[str]:
    """Ids of the citations of this entry's work in the entry's own page."""
    return domain.backref_ids(citation.bibliography_key.docname, citation.key)


def build_backlinks(ref_ids: list[str]) -> backlinks:
    """'↩' for one citation; '↩ 1 2 3' for several, as footnotes do."""
    links = backlinks("", " ", classes=["reference-list-backlinks"])
    if len(ref_ids) == 1:
        links += back_to(ref_ids[0], BACKLINK, "Back to the citation")
        return links
    links += nodes.Text(BACKLINK)
    for number, ref_id in enumerate(ref_ids, start=1):
        links += nodes.Text(" ")
        links += back_to(ref_id, str(number), f"Back to citation {number}")
    return links


def back_to(ref_id: str, text: str, title: str) -> nodes.reference:
    return nodes.reference("", text, refid=ref_id, reftitle=title, internal=True)
