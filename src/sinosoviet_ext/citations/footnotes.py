"""Footnote citations (``footcite``) that count as citations.

sphinxcontrib-bibtex's ``footcite`` roles put the formatted entry in a footnote
and record nothing in the ``cite`` domain, so a work cited only in footnotes
would be missing from the chapter's works-cited list and from the book
bibliography, whose filters look at the domain's citation records.  These
roles do what sphinxcontrib-bibtex's do and then record each key they found,
with the id of its footnote reference, so that the lists include the work and
their back-links reach the footnote mark.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from sphinxcontrib.bibtex.citation_target import CitationTarget
from sphinxcontrib.bibtex.foot_domain import BibtexFootDomain
from sphinxcontrib.bibtex.foot_roles import FootCiteRole
from sphinxcontrib.bibtex.roles import CitationRef

from .domain import book_domain


class RecordingFootCiteRole(FootCiteRole):
    """``footcite``, recorded in the ``cite`` domain as a citation of each key."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        result, messages = super().run()
        footnote_names: dict[str, str] = self.env.temp_data.get("bibtex_footcite_names", {})
        domain = book_domain(self.env)
        for key in (key.strip() for key in self.text.split(",")):
            if key in footnote_names:
                ref_id = footnote_reference_id(result, footnote_names[key])
                target = CitationTarget(key=key, pre="", post="")
                domain.note_footnote_citation(
                    CitationRef(ref_id, self.env.docname, self.lineno, [target])
                )
        return result, messages


def footnote_reference_id(result: list[nodes.Node], footnote_name: str) -> str:
    """The id of the footnote mark for *footnote_name* among the role's nodes, or ''."""
    for node in result:
        for reference in node.findall(nodes.footnote_reference):
            if reference.get("refname") == footnote_name and reference["ids"]:
                return reference["ids"][0]
    return ""


class RecordingFootDomain(BibtexFootDomain):
    """The ``footcite`` domain with recording roles (``footcite:p``, ``footcite:t``, …)."""

    roles: ClassVar[dict] = {name: RecordingFootCiteRole() for name in BibtexFootDomain._role_names}
