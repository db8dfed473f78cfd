"""The ``cite`` domain of sphinxcontrib-bibtex, taught about chapters and the book.

A book has two kinds of reference list, both written with sphinxcontrib-bibtex's
``bibliography`` directive:

* a chapter's **works cited**, filtered to the works cited in that page
  (``:filter: docname in docnames``, alone or joined with ``and`` to other
  conditions): the target of that chapter's citations;
* the **book bibliography** (any other ``bibliography``, in the back matter):
  every work cited anywhere, and the target of citations in pages without a
  list of their own (the home page, the chronology).

A work cited in two chapters is therefore in three lists, which is what a
reader expects, and which sphinxcontrib-bibtex 2.7 reports as "duplicate
citation" (each citation is meant to be in one list; see its issues #271 and
#385).  Its answers are to suppress that warning or to print the back-matter
list as a bullet list (issue #365); the first also silences real mistakes and
leaves the target of a citation from a page without a list to whichever list
was formatted last, the second gives a bulleted bibliography that nothing can
link to.  This subclass keeps sphinxcontrib-bibtex's parsing, roles, formatting
and data, and changes four decisions:

1. **Where a citation links** (:meth:`BookCitationDomain.citation_target`):
   to a list in the citing page; else to the book bibliography; else to another
   chapter's list; ties go to the list that comes first in the book.  The
   choice does not depend on the order in which pages were read, so serial and
   parallel builds agree.
2. **What is a duplicate** (:meth:`BookCitationDomain.warn_about_duplicates`):
   a key in two lists of one page, or in two book-wide lists (a citation from
   elsewhere would be ambiguous).  A key in any number of chapter lists plus
   the book bibliography is the design, not a mistake.  The warnings keep
   sphinxcontrib-bibtex's types (``bibtex.duplicate_citation``,
   ``bibtex.duplicate_local_citation``, ``bibtex.duplicate_label``).
3. **Year letters** (:meth:`BookCitationDomain.formatted_list`): a chapter's
   list takes each work's label from the book bibliography, so a work is
   "Doe 2015b" on every page and in every list, even in a chapter that cites
   no other Doe 2015, and no citation is ambiguous in the back matter.
4. **Which pages are written again** (:meth:`BookCitationDomain.pages_to_rewrite`).
   The book bibliography depends on every chapter, but Sphinx only writes the
   pages it read again, so after a chapter cites a work for the first time the
   back-matter page kept its old list.  The domain remembers what each page's
   lists showed at the last build (label, anchor and text of each entry) and
   returns from ``env-updated`` the pages whose lists changed, plus the pages
   without a list of their own that cite a changed entry (their link or label
   may have moved).  Sphinx then writes those pages without reading them again.
"""

from __future__ import annotations

import ast
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, cast

import docutils.nodes
from pybtex.backends import BaseBackend
from pybtex.database import Entry
from pybtex.plugin import find_plugin
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinxcontrib.bibtex.citation_target import CitationTarget, parse_citation_targets
from sphinxcontrib.bibtex.directives import BibliographyKey
from sphinxcontrib.bibtex.domain import BibtexDomain, Citation, _FilterVisitor, get_docnames
from sphinxcontrib.bibtex.roles import CitationRef
from sphinxcontrib.bibtex.style.referencing import format_references
from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

logger = logging.getLogger(__name__)

#: What a reader sees of one entry: its label, its anchor and its text.
EntryView = tuple[str, str, str]
#: Citation key -> what a reader sees of it, in the lists of one page.
ListContents = dict[str, EntryView]

#: The filter of a chapter's list: the works cited in the list's own page.
CITED_HERE = ast.parse("docname in docnames", mode="eval").body
#: Preference of a target list, lowest first (see :meth:`citation_target`).
SAME_DOCUMENT, BOOK_BIBLIOGRAPHY, OTHER_CHAPTER = 0, 1, 2


@dataclass
class KeyTargets:
    """The list entries a key's citations can link to."""

    first: Citation
    book_wide: Citation | None = None
    by_page: dict[str, Citation] = field(default_factory=dict)


class BookCitationDomain(BibtexDomain):
    """sphinxcontrib-bibtex's ``cite`` domain with a works-cited list per chapter."""

    # Sphinx starts a fresh environment when this changes.
    data_version = (BibtexDomain.data_version, 1)
    initial_data: ClassVar[dict[str, Any]] = {
        **BibtexDomain.initial_data,
        "list_contents": {},  # docname -> ListContents of its lists at the last build
    }

    def note_footnote_citation(self, ref: CitationRef) -> None:
        """Count a ``footcite`` as a citation, so that lists include the work."""
        self.citation_refs.append(ref)

    def is_target_list(self, bibliography_key: BibliographyKey) -> bool:
        """Only ``citation`` lists are link targets (not bullet or enumerated ones)."""
        return self.bibliographies[bibliography_key].list_ == "citation"

    def is_chapter_list(self, bibliography_key: BibliographyKey) -> bool:
        """Whether the list only shows works cited in its own page (remembered per build)."""
        known = self.__dict__.setdefault("_chapter_lists", {})
        if bibliography_key not in known:
            filter_ = self.bibliographies[bibliography_key].filter_
            known[bibliography_key] = requires_citation_here(filter_)
        return known[bibliography_key]

    def is_book_wide(self, bibliography_key: BibliographyKey) -> bool:
        """Whether the list is a target for citations from any page (the bibliography)."""
        return self.is_target_list(bibliography_key) and not self.is_chapter_list(bibliography_key)

    # -- after all documents are read -----------------------------------------

    def env_updated(self) -> list[str]:
        """Format every list, check for duplicates, and name the pages to rewrite."""
        self._chapter_lists: dict[BibliographyKey, bool] = {}
        self._targets: dict[str, KeyTargets] | None = None
        self._pages_citing: dict[str, set[str]] | None = None
        self._backrefs: dict[tuple[str, str], list[str]] | None = None
        self._cited_keys: list[str] | None = None
        docnames = list(get_docnames(self.env))
        in_book_order = self.bibliographies_in_book_order(docnames)
        self.citations.clear()
        for key in filter(self.is_book_wide, in_book_order):
            self.citations.extend(self.formatted_list(key, docnames))
        book_labels = {citation.key: citation.formatted_entry.label for citation in self.citations}
        for key in itertools.filterfalse(self.is_book_wide, in_book_order):
            self.citations.extend(self.formatted_list(key, docnames, book_labels))
        position = {key: index for index, key in enumerate(in_book_order)}
        self.citations.sort(key=lambda citation: position[citation.bibliography_key])
        self.warn_about_duplicates()
        return self.pages_to_rewrite()

    def get_filtered_entries(
        self, bibliography_key: BibliographyKey
    ) -> Iterator[tuple[str, Entry]]:
        """sphinxcontrib-bibtex's filter, with the pages citing each key looked up once.

        The original collects, for every entry of every list, the pages that cite it by
        scanning every citation of the book: lists x entries x citations. Here that scan
        happens once per build (:meth:`pages_citing`); the filter itself is unchanged.
        """
        bibliography = self.bibliographies[bibliography_key]
        pages_citing = self.pages_citing()
        for entry in self.get_entries(bibliography.bibfiles):
            key = bibliography.keyprefix + entry.key
            cited_docnames = pages_citing.get(key, set())
            visitor = _FilterVisitor(
                entry=entry, docname=bibliography_key.docname, cited_docnames=cited_docnames
            )
            try:
                success = visitor.visit(bibliography.filter_)
            except ValueError as err:
                logger.warning(
                    "syntax error in :filter: expression; %s", err,
                    location=(bibliography_key.docname, bibliography.line),
                    type="bibtex", subtype="filter_syntax_error",
                )  # fmt: skip
                success = bool(cited_docnames)
            if success or entry.key in bibliography.keys:
                yield key, entry

    def pages_citing(self) -> dict[str, set[str]]:
        if self.__dict__.get("_pages_citing") is None:
            pages: dict[str, set[str]] = {}
            for ref in self.citation_refs:
                for target in ref.targets:
                    pages.setdefault(target.key, set()).add(ref.docname)
            self._pages_citing = pages
        return self._pages_citing

    def bibliographies_in_book_order(self, docnames: list[str]) -> list[BibliographyKey]:
        position = {docname: index for index, docname in enumerate(docnames)}

        def book_order(key: BibliographyKey) -> tuple[int, int]:
            return position.get(key.docname, len(position)), self.bibliographies[key].line

        return sorted(self.bibliographies, key=book_order)

    def formatted_list(
        self,
        bibliography_key: BibliographyKey,
        docnames: list[str],
        book_labels: dict[str, str] | None = None,
    ) -> Iterator[Citation]:
        """The entries of one list, formatted by its pybtex style.

        With *book_labels* (key -> label in the book bibliography), an entry takes
        its label from there, so that a chapter cites "Doe 2015b" as the
        bibliography does, even when the chapter cites no other Doe 2015.
        """
        config = self.env.config
        bibliography = self.bibliographies[bibliography_key]
        for entry, formatted_entry, tooltip_entry in self.get_formatted_entries(
            bibliography_key, docnames, config.bibtex_tooltips, config.bibtex_tooltips_style
        ):
            key = bibliography.keyprefix + formatted_entry.key
            label = (book_labels or {}).get(key, formatted_entry.label)
            if label != formatted_entry.label:
                formatted_entry = format_entry(bibliography.style, entry, label)
                if tooltip_entry is not None:
                    tooltip_style = config.bibtex_tooltips_style or bibliography.style
                    tooltip_entry = format_entry(tooltip_style, entry, label)
            yield Citation(
                citation_id=bibliography.citation_nodes[key]["ids"][0],
                bibliography_key=bibliography_key,
                key=key,
                entry=entry,
                formatted_entry=formatted_entry,
                tooltip_entry=tooltip_entry,
            )

    # -- duplicates --------------------------------------------------------------

    def warn_about_duplicates(self) -> None:
        in_document: set[tuple[str, str]] = set()
        book_wide: dict[str, BibliographyKey] = {}
        book_wide_labels: dict[str, str] = {}
        for citation in self.citations:
            bibliography_key = citation.bibliography_key
            if not self.is_target_list(bibliography_key):
                continue
            if (bibliography_key.docname, citation.key) in in_document:
                self.warn_duplicate(
                    citation, "duplicate_local_citation", "is in two lists of this page"
                )
            elif self.is_book_wide(bibliography_key):
                self.check_book_wide(citation, book_wide, book_wide_labels)
            in_document.add((bibliography_key.docname, citation.key))

    def check_book_wide(
        self,
        citation: Citation,
        book_wide: dict[str, BibliographyKey],
        labels: dict[str, str],
    ) -> None:
        """One book-wide list per key, and one key per label across those lists."""
        first = book_wide.setdefault(citation.key, citation.bibliography_key)
        if first != citation.bibliography_key:
            self.warn_duplicate(
                citation,
                "duplicate_citation",
                f"is also in the bibliography of {first.docname!r}; filter a chapter's own "
                "list with ':filter: docname in docnames'",
            )
            return
        label = citation.formatted_entry.label
        other_key = labels.setdefault(label, citation.key)
        if other_key != citation.key:
            logger.warning(
                'duplicate label "%s" for keys "%s" and "%s"',
                label,
                other_key,
                citation.key,
                location=self.list_location(citation.bibliography_key),
                type="bibtex",
                subtype="duplicate_label",
            )

    def warn_duplicate(self, citation: Citation, subtype: str, problem: str) -> None:
        kind = "local citation" if subtype == "duplicate_local_citation" else "citation"
        logger.warning(
            'duplicate %s for key "%s": it %s',
            kind,
            citation.key,
            problem,
            location=self.list_location(citation.bibliography_key),
            type="bibtex",
            subtype=subtype,
        )

    def list_location(self, bibliography_key: BibliographyKey) -> tuple[str, int]:
        return bibliography_key.docname, self.bibliographies[bibliography_key].line

    # -- pages to write again ------------------------------------------------------

    def pages_to_rewrite(self) -> list[str]:
        """Pages whose lists changed since the last build, and pages linking to what changed.

        A page with a list of its own that contains a key links there, so only
        pages without one are affected by a change in another page's list.
        """
        previous: dict[str, ListContents] = self.data["list_contents"]
        current = self.lists_by_page()
        self.data["list_contents"] = current
        changed = {
            (docname, key)
            for docname in previous.keys() | current.keys()
            for key in changed_entries(previous.get(docname, {}), current.get(docname, {}))
        }
        changed_keys = {key for _, key in changed}
        local = {
            (citation.bibliography_key.docname, citation.key)
            for citation in self.citations
            if self.is_target_list(citation.bibliography_key)
        }
        linking = {
            ref.docname
            for ref in self.citation_refs
            for key in cited_keys(ref) & changed_keys
            if (ref.docname, key) not in local
        }
        pages = {docname for docname, _ in changed} | linking
        return sorted(pages & self.env.found_docs)

    def lists_by_page(self) -> dict[str, ListContents]:
        """What a reader sees of the lists of each page, entry by entry."""
        pages: dict[str, ListContents] = {}
        for citation in self.citations:
            page = pages.setdefault(citation.bibliography_key.docname, {})
            page[citation.key] = (
                citation.formatted_entry.label,
                citation.citation_id,
                citation.formatted_entry.text.render_as("text"),
            )
        return pages

    # -- resolving citations ---------------------------------------------------------

    def citation_target(self, key: str, fromdocname: str) -> Citation | None:
        """The list entry a citation of *key* in *fromdocname* links to: the page's own
        list, else the book bibliography, else the first other list in book order."""
        targets = self.targets_by_key().get(key)
        if targets is None:
            return None
        return targets.by_page.get(fromdocname) or targets.book_wide or targets.first

    def targets_by_key(self) -> dict[str, KeyTargets]:
        """Where each key can be linked to, worked out once per build.

        Without it every citation scanned every entry of every list: quadratic in a
        book with a list in each chapter.
        """
        if self.__dict__.get("_targets") is None:
            index: dict[str, KeyTargets] = {}
            for citation in self.citations:  # in book order: the first of each kind wins
                if not self.is_target_list(citation.bibliography_key):
                    continue
                targets = index.setdefault(citation.key, KeyTargets(first=citation))
                targets.by_page.setdefault(citation.bibliography_key.docname, citation)
                if targets.book_wide is None and self.is_book_wide(citation.bibliography_key):
                    targets.book_wide = citation
            self._targets = index
        return self._targets

    def backref_ids(self, docname: str, key: str) -> list[str]:
        """Ids of the citations of *key* in *docname*, in order (for reference lists)."""
        if self.__dict__.get("_backrefs") is None:
            backrefs: dict[tuple[str, str], list[str]] = {}
            for ref in self.citation_refs:
                if not ref.citation_ref_id:
                    continue
                for cited in {target.key for target in ref.targets}:
                    backrefs.setdefault((ref.docname, cited), []).append(ref.citation_ref_id)
            self._backrefs = backrefs
        return self._backrefs.get((docname, key), [])

    def get_all_cited_keys(self, docnames: list[str]) -> Iterator[str]:
        """sphinxcontrib-bibtex's order of first citation, computed once per build (it
        sorted every citation with ``list.index`` for every list)."""
        if self.__dict__.get("_cited_keys") is None:
            position = {docname: index for index, docname in enumerate(docnames)}
            refs = sorted(self.citation_refs, key=lambda ref: position[ref.docname])
            self._cited_keys = [target.key for ref in refs for target in ref.targets]
        return iter(self._cited_keys)

    def resolve_xref(  # type: ignore[override]
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: docutils.nodes.Element,
    ) -> docutils.nodes.Element:
        """Replace a ``cite`` role by the formatted citation, linked to its targets."""
        targets = {cited.key: cited for cited in parse_citation_targets(target)}
        references = []
        for key, cited in targets.items():
            citation = self.citation_target(key, fromdocname)
            if citation is None:
                logger.warning(
                    'could not find bibtex key "%s"',
                    key,
                    location=node,
                    type="bibtex",
                    subtype="key_not_found",
                )
                continue
            info = reference_info(citation, cited, builder, fromdocname)
            references.append((citation.entry, citation.formatted_entry, info))
        formatted = format_references(self.reference_style, typ, references)
        result = docutils.nodes.inline(rawsource=target, classes=["bibtex-citation"])
        result += formatted.render(self.backend)
        return result


def requires_citation_here(node: ast.AST) -> bool:
    """Whether a ``:filter:`` is ``docname in docnames``, or an ``and`` that includes it."""
    if isinstance(node, ast.Module):
        return len(node.body) == 1 and requires_citation_here(node.body[0])
    if isinstance(node, ast.Expr):
        return requires_citation_here(node.value)
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return any(requires_citation_here(value) for value in node.values)
    return ast.dump(node) == ast.dump(CITED_HERE)


@functools.cache
def formatting_style(name: str) -> BaseStyle:
    """One instance per style name: the class look-up is cheap once
    :mod:`.plugins` has registered it, but there is no need to build a style per list."""
    return find_plugin("pybtex.style.formatting", name)()


@functools.cache
def plaintext_backend() -> BaseBackend:
    return find_plugin("pybtex.backends", "plaintext")()


def format_entry(style_name: str, entry: Entry, label: str) -> FormattedEntry:
    """*entry* formatted by the pybtex style *style_name*, with the given *label*."""
    return formatting_style(style_name).format_entry(label, entry)


def cited_keys(ref: CitationRef) -> set[str]:
    return {target.key for target in ref.targets}


def changed_entries(old: ListContents, new: ListContents) -> set[str]:
    """Keys added, removed, or shown differently."""
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def reference_info(
    citation: Citation, cited: CitationTarget, builder: Builder, fromdocname: str
) -> SphinxReferenceInfo:
    """What sphinxcontrib-bibtex's reference styles need to draw one link."""
    return SphinxReferenceInfo(
        builder=builder,
        fromdocname=fromdocname,
        todocname=citation.bibliography_key.docname,
        citation_id=citation.citation_id,
        title=tooltip(citation),
        pre_text=cited.pre,
        post_text=cited.post,
    )


def tooltip(citation: Citation) -> str | None:
    """The entry as plain text, shown when the pointer rests on a citation."""
    if citation.tooltip_entry is None:
        return None
    return citation.tooltip_entry.text.render(plaintext_backend()).replace("\\url ", "")


def book_domain(env: BuildEnvironment) -> BookCitationDomain:
    return cast(BookCitationDomain, env.get_domain("cite"))
