"""The ``timeline`` domain: every event of every document, as plain data.

Each document's events are a list of :class:`EventRecord` dictionaries stored under the
document's name, so that re-reading a document replaces exactly its own events
(:meth:`TimelineDomain.clear_doc`) and a parallel worker's data is merged only for the
documents that worker read (:meth:`TimelineDomain.merge_domaindata`). No doctree node
is stored: gathered pages copy events from the chapters' doctrees when they are written.

The domain also provides the ``{timeline:event}`` role, which links to an event by
label and shows its title and date, and the scholarly checks that need the whole book
(labels shared by two documents).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Set
from typing import Any, TypedDict

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from . import nodes as tl
from .directives import cached_parse

logger = logging.getLogger(__name__)

CITATION_DOMAINS = frozenset({"cite"})
CITATION_NODE_NAMES = frozenset({"footcite", "footnote_reference"})


class EventRecord(TypedDict):
    docname: str
    id: str
    label: str
    edtf: str
    date_text: str
    title: str
    tags: list[str]
    line: int
    cited: bool
    gathered: bool
    digest: str


class EventRole(XRefRole):
    """``{timeline:event}`label``` links to an event: "Title (14 February 1950)"."""

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)


class TimelineDomain(Domain):
    name = "timeline"
    label = "Timeline"
    # Bump whenever EventRecord changes shape: Sphinx then discards a pickled environment
    # written by an older version instead of handing its records to this code.
    data_version = 2
    roles = {"event": EventRole()}  # noqa: RUF012 (Sphinx's Domain API uses class attributes)
    initial_data: dict[str, Any] = {  # noqa: RUF012
        "events": {},  # docname -> list[EventRecord]
        "chronologies": {},  # docname -> number of chronology directives
        "references": {},  # docname -> labels its {timeline:event} roles name
    }
    dangling_warnings = {"event": "undefined event label: %(target)s"}  # noqa: RUF012

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._labelled: dict[str, EventRecord] | None = None

    @property
    def events_by_doc(self) -> dict[str, list[EventRecord]]:
        return self.data["events"]

    @property
    def chronology_docs(self) -> dict[str, int]:
        return self.data["chronologies"]

    def all_events(self) -> Iterator[EventRecord]:
        for docname in sorted(self.events_by_doc):
            yield from self.events_by_doc[docname]

    def clear_doc(self, docname: str) -> None:
        self._labelled = None
        for per_doc in (self.events_by_doc, self.chronology_docs, self.data["references"]):
            per_doc.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._labelled = None
        for docname in docnames:
            for key in ("events", "chronologies", "references"):
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        gathered = env.metadata.get(docname, {}).get("chronology") != "exclude"
        records = [
            event_record(docname, event, gathered) for event in document.findall(tl.timeline_event)
        ]
        if records:
            self._labelled = None
            self.events_by_doc[docname] = records
        labels = {
            nodes.fully_normalize_name(xref["reftarget"])
            for xref in document.findall(addnodes.pending_xref)
            if xref.get("refdomain") == self.name
        }
        if labels:
            self.data["references"][docname] = sorted(labels)
        if self.env.config.sinosoviet_timeline_require_citation:
            warn_uncited(document, records)

    def note_chronology(self, docname: str) -> None:
        self.chronology_docs[docname] = self.chronology_docs.get(docname, 0) + 1

    def find_label(self, label: str) -> EventRecord | None:
        return self.labelled_events().get(label)

    def labelled_events(self) -> dict[str, EventRecord]:
        """The event each label names: the first in document order (a second use of a
        label is reported by :func:`check_shared_labels`). Kept until events change, so
        that each ``{timeline:event}`` role is a look-up, not a scan of the book."""
        if self._labelled is None:
            labelled: dict[str, EventRecord] = {}
            for event in self.all_events():
                if event["label"]:
                    labelled.setdefault(event["label"], event)
            self._labelled = labelled
        return self._labelled

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        event = self.find_label(nodes.fully_normalize_name(target))
        if event is None:
            return None
        if not node.get("refexplicit"):
            text = f"{event['title']} ({event['date_text']})"
            contnode = nodes.inline(text, text, classes=["timeline-event-ref"])
        return make_refnode(builder, fromdocname, event["docname"], event["id"], contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        if nodes.fully_normalize_name(target) in env.domains.standard_domain.labels:
            return []  # the event's label, which {ref} and MyST links already resolve
        found = self.resolve_xref(env, fromdocname, builder, "event", target, node, contnode)
        return [("timeline:event", found)] if found is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for event in self.all_events():
            if event["label"]:
                yield (event["label"], event["title"], "event", event["docname"], event["id"], 1)

    def digests(self) -> dict[str, str]:
        """One fingerprint per document of all a chronology shows of it.

        That is its events, and the title and front matter of its period heading.
        """
        return {
            docname: fingerprint([*(e["digest"] for e in events), *self.heading_facts(docname)])
            for docname, events in self.events_by_doc.items()
        }

    def label_digests(self) -> dict[str, str]:
        """One fingerprint per label of what a ``{timeline:event}`` role shows and links to."""
        fields = ("docname", "id", "title", "date_text")
        return {
            label: fingerprint([event[key] for key in fields])
            for label, event in self.labelled_events().items()
        }

    def referring_docs(self, labels: Set[str]) -> set[str]:
        return {doc for doc, named in self.data["references"].items() if labels.intersection(named)}

    def heading_facts(self, docname: str) -> list[str]:
        title = self.env.titles.get(docname)
        metadata = self.env.metadata.get(docname, {})
        return [
            title.astext() if title is not None else "",
            *(str(metadata.get(key, "")) for key in ("period", "chronology")),
        ]


def chronological_key(event: EventRecord) -> tuple:
    """Dated events in chronological order, then undated ones (invalid dates)."""
    return (0, cached_parse(event["edtf"]).sort_key) if event["edtf"] else (1, ())


def event_record(docname: str, event: tl.timeline_event, gathered: bool) -> EventRecord:
    date_node = next(iter(event.findall(tl.timeline_date)), None)
    return EventRecord(
        docname=docname,
        id=event["ids"][0] if event["ids"] else "",
        label=event["names"][0] if event["names"] else "",
        edtf=event["edtf"],
        date_text=date_node.astext() if date_node is not None else "",
        title=tl.event_title(event),
        tags=list(event["tags"]),
        line=event.line or 0,
        cited=has_citation(event),
        gathered=gathered,
        digest=fingerprint([event.pformat()]),
    )


def has_citation(event: nodes.Element) -> bool:
    for node in event.findall(nodes.Element):
        if isinstance(node, addnodes.pending_xref) and node.get("refdomain") in CITATION_DOMAINS:
            return True
        if type(node).__name__ in CITATION_NODE_NAMES:
            return True
    return False


def warn_uncited(document: nodes.document, records: Iterable[EventRecord]) -> None:
    events = {id_: node for node in document.findall(tl.timeline_event) for id_ in node["ids"]}
    for record in records:
        if not record["cited"]:
            logger.warning(
                "event %r cites no source; add a citation such as {cite:p}`key`",
                record["title"] or record["edtf"],
                location=events.get(record["id"]),
                type="timeline",
                subtype="citation",
            )


def fingerprint(parts: list[str]) -> str:
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]


def check_shared_labels(app: Any, env: BuildEnvironment) -> None:
    """Warn when two documents give an event the same label, naming both places."""
    domain: TimelineDomain = env.domains["timeline"]  # type: ignore[assignment]
    first_seen: dict[str, EventRecord] = {}
    for event in domain.all_events():
        label = event["label"]
        if not label:
            continue
        if label not in first_seen:
            first_seen[label] = event
            continue
        warn_shared_label(env, first_seen[label], event)


def warn_shared_label(env: BuildEnvironment, first: EventRecord, second: EventRecord) -> None:
    places = f"{env.doc2path(first['docname'])}:{first['line']}"
    if dates_differ(first["edtf"], second["edtf"]):
        message = "event label %r is also used at %s, with a different date (%s there, %s here)"
        args: tuple[str, ...] = (second["label"], places, first["edtf"], second["edtf"])
    else:
        message = "event label %r is also used at %s; labels must be unique in the book"
        args = (second["label"], places)
    logger.warning(
        message, *args, location=(second["docname"], second["line"]),
        type="timeline", subtype="label",
    )  # fmt: skip


def dates_differ(first: str, second: str) -> bool:
    if not first or not second:
        return first != second
    return cached_parse(first).sort_key[:-1] != cached_parse(second).sort_key[:-1]
