"""The ``chronology`` directive: every event of the book on one page, grouped by period.

The directive leaves a :class:`chronology` placeholder with its filters. When the page
is written (``doctree-resolved``), :func:`fill_chronologies` replaces the placeholder
with one timeline per period: a heading that links to the chapter, then copies of the
chapter's events (taken from its doctree, with their citations and cross-references
resolved for this page) and a link back to each event's place in the chapter.

A period is a document that contains events. A page whose front matter says
``chronology: exclude`` (a guide with examples, say) is left out, unless a chronology
names it in ``:docs:``. Its heading is the document's title; a
chapter may add its span as EDTF in front matter (``period: 1949/1953``), which is
shown with the title and orders the periods (otherwise its earliest event does).

Pages with a chronology are rewritten whenever what they show of any document changes
(its events, its title, its front matter), and only then; so are pages whose
``{timeline:event}`` roles name an event whose title, date or place changed
(:func:`outdated_chronologies`, on ``env-updated``).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.locale import _
from sphinx.util import docname_join, logging
from sphinx.util.docutils import SphinxDirective, new_document

from . import nodes as tl
from .dates import DateError, EventDate, format_date, parse_date
from .directives import TolerantOptionSpec, cached_parse, split_tags, warn
from .domain import EventRecord, TimelineDomain, chronological_key
from .export import export_links

logger = logging.getLogger(__name__)

PREVIOUS_DIGESTS = "_sinosoviet_timeline_digests"


class chronology(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a gathered timeline, filled when the page is written."""


def skip_placeholder(self: Any, node: nodes.Element) -> None:
    """A placeholder is always replaced; should one survive, no builder prints it."""
    raise nodes.SkipNode


class ChronologyDirective(SphinxDirective):
    """``{chronology}`` with optional ``:tags:``, ``:from:``, ``:to:`` and ``:docs:``."""

    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = TolerantOptionSpec(
        tags=directives.unchanged,
        docs=directives.unchanged,
        order=lambda value: directives.choice(value, ("chronological", "reverse")),
        **{"from": directives.unchanged, "to": directives.unchanged},
    )
    known_options = frozenset(option_spec)

    def run(self) -> list[nodes.Node]:
        for name in sorted(set(self.options) - self.known_options):
            warn(self, "option", "unknown option %r of the chronology directive ignored", name)
        placeholder = chronology(
            tags=split_tags(self.options.get("tags")),
            docs=self.options.get("docs", "").split(),
            start=self.date_bound("from"),
            end=self.date_bound("to"),
            order=self.options.get("order", "chronological"),
        )
        self.set_source_info(placeholder)
        domain: TimelineDomain = self.env.domains["timeline"]  # type: ignore[assignment]
        domain.note_chronology(self.env.docname)
        return [placeholder]

    def date_bound(self, option: str) -> str:
        text = (self.options.get(option) or "").strip()
        if not text:
            return ""
        try:
            cached_parse(text)
        except DateError as error:
            warn(self, "date", ":%s: %s", option, error)
            return ""
        return text


class EventFilter:
    """Which events a chronology shows: any of its tags, inside its dates, in its docs."""

    def __init__(self, placeholder: chronology) -> None:
        self.tags = set(placeholder["tags"])
        self.patterns = placeholder["docs"]
        self.start = cached_parse(placeholder["start"]).start if placeholder["start"] else None
        end = cached_parse(placeholder["end"]) if placeholder["end"] else None
        self.end = (end.end or end.start) if end else None

    def __call__(self, event: EventRecord) -> bool:
        if not (event["gathered"] or self.names(event["docname"])):
            return False
        if self.tags and not self.tags.intersection(event["tags"]):
            return False
        if self.patterns and not self.names(event["docname"]):
            return False
        return self.overlaps(event)

    def names(self, docname: str) -> bool:
        return any(fnmatch.fnmatch(docname, pattern) for pattern in self.patterns)

    def overlaps(self, event: EventRecord) -> bool:
        if not (self.start or self.end):
            return True
        if not event["edtf"]:
            return False
        date = cached_parse(event["edtf"])
        last = date.end if date.is_interval else date.start
        if self.start and last is not None and last.latest() < self.start.earliest():
            return False
        return not (
            self.end and date.start is not None and date.start.earliest() > self.end.latest()
        )


def period_key(env: BuildEnvironment, docname: str, events: list[EventRecord]) -> tuple:
    span = period_span(env, docname)
    if span is not None:
        return (0, span.sort_key, docname)
    dated = [cached_parse(event["edtf"]).sort_key for event in events if event["edtf"]]
    return (0, min(dated), docname) if dated else (1, (), docname)


def period_span(env: BuildEnvironment, docname: str) -> EventDate | None:
    text = str(env.metadata.get(docname, {}).get("period", "")).strip()
    if not text:
        return None
    try:
        return parse_date(text)
    except DateError:
        return None


class ChronologyWriter:
    """Fills the chronology placeholders of one page as it is written."""

    def __init__(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        self.app = app
        self.env = app.env
        self.builder = app.builder
        self.docname = docname
        self.domain: TimelineDomain = app.env.domains["timeline"]  # type: ignore[assignment]
        # Read the ids off the tree: in LaTeX the page is the whole book, assembled from
        # chapters whose ids never reached the assembled document's ``ids`` table.
        self.used_ids = {id_ for node in doctree.findall(nodes.Element) for id_ in node["ids"]}
        self.doctrees: dict[str, nodes.document] = {}

    def fill(self, placeholder: chronology) -> None:
        keep = EventFilter(placeholder)
        periods = []
        for docname, events in self.domain.events_by_doc.items():
            shown = [event for event in events if keep(event)]
            if shown:
                periods.append((period_key(self.env, docname, shown), docname, shown))
        periods.sort(reverse=placeholder["order"] == "reverse")
        if not periods:
            placeholder.replace_self(nodes.paragraph("", _("No events match this selection.")))
            return
        content = [self.period(docname, events, placeholder) for _key, docname, events in periods]
        gathered = nodes.container("", *content, classes=["chronology"])
        self.resolve(gathered)
        gathered += self.download_links()
        placeholder.replace_self(gathered)

    def download_links(self) -> list[nodes.paragraph]:
        links = export_links(self.builder.name, self.builder.get_target_uri(self.docname))
        if not links:
            return []
        paragraph = nodes.paragraph("", _("All events as data: "), classes=["timeline-downloads"])
        for index, (label, uri) in enumerate(links):
            if index:
                paragraph += nodes.Text(", ")
            paragraph += nodes.reference("", label, refuri=uri, internal=False)
        paragraph += nodes.Text(".")
        return [paragraph]

    def period(
        self, docname: str, events: list[EventRecord], placeholder: chronology
    ) -> tl.timeline:
        order = placeholder["order"]
        node = tl.timeline(order=order, classes=["timeline", "chronology-period"])
        node += tl.timeline_caption("", "", self.period_heading(docname))
        copies = [self.copy_event(event) for event in events]
        reverse = order == "reverse"
        copies.sort(key=lambda pair: pair[0], reverse=reverse)
        node += tl.timeline_events("", *(copy for _key, copy in copies))
        return node

    def period_heading(self, docname: str) -> nodes.Node:
        title = self.env.titles[docname].astext() if docname in self.env.titles else docname
        span = period_span(self.env, docname)
        if span is not None:
            locale = self.env.config.sinosoviet_timeline_locale or self.env.config.language
            span_text = format_date(span, locale).text
            # Chapter titles often name their years already: "The alliance, 1949–1953".
            if span_text not in title:
                title = f"{title} ({span_text})"
        return self.link(docname, "", nodes.Text(title))

    def copy_event(self, event: EventRecord) -> tuple[tuple, tl.timeline_event]:
        source = self.source_event(event)
        copy = source.deepcopy()
        for inner in copy.findall(nodes.Element):
            inner["ids"], inner["names"] = [], []
        copy["ids"] = [self.unique_id(event["id"])]
        self.retarget(copy, event["docname"])
        copy += nodes.paragraph(
            "", "", self.link(event["docname"], event["id"], nodes.Text(_("Read in context"))),
            classes=["timeline-source"],
        )  # fmt: skip
        return chronological_key(event), copy

    def source_event(self, event: EventRecord) -> tl.timeline_event:
        if event["docname"] not in self.doctrees:
            self.doctrees[event["docname"]] = self.env.get_doctree(event["docname"])
        return self.doctrees[event["docname"]].ids[event["id"]]

    def unique_id(self, wanted: str) -> str:
        candidate, suffix = wanted, 1
        while candidate in self.used_ids:
            suffix += 1
            candidate = f"{wanted}-{suffix}"
        self.used_ids.add(candidate)
        return candidate

    def retarget(self, event: tl.timeline_event, source_docname: str) -> None:
        """Make the copied event's references read as if written on this page.

        ``{doc}`` targets, relative to the chapter, are made absolute.
        """
        self.relink_local(event, source_docname)
        for xref in event.findall(nodes.Element):
            if "refdoc" not in xref:
                continue
            if xref.get("refdomain") == "std" and xref.get("reftype") == "doc":
                xref["reftarget"] = "/" + docname_join(xref["refdoc"], xref["reftarget"])
            xref["refdoc"] = self.docname

    def resolve(self, gathered: nodes.Element) -> None:
        """Resolve all copies' citations and references at once (one pass, not one per event).

        Any problem was reported when the chapter itself was written, so it is not
        reported again.
        """
        holder = new_document("")
        holder += gathered
        with logging.suppress_logging():
            self.env.resolve_references(holder, self.docname, self.builder)
        holder.remove(gathered)

    def relink_local(self, event: tl.timeline_event, docname: str) -> None:
        """Links resolved within the chapter (``#anchor``, footnotes) lead into the chapter."""
        for reference in list(event.findall(nodes.reference)):
            if "refid" in reference:
                link = self.link(docname, reference["refid"], *reference.children)
                link["classes"] += reference["classes"]
                reference.replace_self(link)
        for note in list(event.findall(nodes.footnote_reference)):
            label = nodes.Text(f"[{note.astext()}]")
            link = self.link(docname, note["refid"], label) if "refid" in note else label
            if isinstance(link, nodes.Element):
                link["classes"].append("footnote-reference")
            note.replace_self(link)

    def link(self, docname: str, anchor: str, *children: nodes.Node) -> nodes.Element:
        try:
            uri = self.builder.get_relative_uri(self.docname, docname)
        except NoUri:
            return nodes.inline("", "", *children)
        return nodes.reference(
            "", "", *children, internal=True, refuri=uri + ("#" + anchor if anchor else "")
        )


def fill_chronologies(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(chronology))
    if not placeholders:
        return
    writer = ChronologyWriter(app, doctree, docname)
    for placeholder in placeholders:
        writer.fill(placeholder)


def remember_digests(
    app: Sphinx,
    env: BuildEnvironment,
    added: Iterable[str],
    changed: Iterable[str],
    removed: Iterable[str],
) -> list[str]:
    domain: TimelineDomain = env.domains["timeline"]  # type: ignore[assignment]
    setattr(env, PREVIOUS_DIGESTS, (domain.digests(), domain.label_digests()))
    return []


def outdated_chronologies(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages to write again although their sources did not change.

    Pages with a chronology, if any document's events changed since the last build, and
    pages whose ``{timeline:event}`` roles name an event whose title, date or place changed.
    """
    domain: TimelineDomain = env.domains["timeline"]  # type: ignore[assignment]
    # Popped, not read, so that the snapshot is never pickled with the environment.
    before = env.__dict__.pop(PREVIOUS_DIGESTS, None)
    if before is None:
        return sorted(domain.chronology_docs)
    docs_before, labels_before = before
    labels_now = domain.label_digests()
    changed = {
        label
        for label in labels_before.keys() | labels_now.keys()
        if labels_before.get(label) != labels_now.get(label)
    }
    pages = domain.referring_docs(changed)
    if docs_before != domain.digests():
        pages.update(domain.chronology_docs)
    return sorted(pages)
