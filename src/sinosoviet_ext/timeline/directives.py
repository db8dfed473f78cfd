"""The ``timeline`` and ``event`` directives.

In MyST::

    :::{timeline} Caption of the timeline
    :label: alliance-timeline

    ::::{event} Treaty of Friendship, Alliance and Mutual Assistance
    :date: 1950-02-14
    :tags: treaty, alliance
    :label: treaty-1950

    Signed in Moscow {cite:p}`shen2015mao`.
    ::::
    :::

Both directives only build nodes (see :mod:`.nodes`); the date is parsed and displayed
here, once, so that every builder shows the same text. Problems are reported as
warnings of type ``timeline`` with a subtype (``timeline.date`` and so on) at the
directive's file and line, and the rest of the page is still built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import nodes as tl
from .dates import DateError, EventDate, format_date, parse_date

logger = logging.getLogger(__name__)

ORDERS = ("chronological", "reverse", "source")
SLUG_LENGTH = 60


class TolerantOptionSpec(dict[str, Callable[[str], Any]]):
    """Accepts unknown options so the directive can warn about them with a subtype.

    docutils and MyST both look options up by key; an unknown key maps to a
    converter that keeps the value, and the directive reports it as
    ``timeline.option`` instead of failing the whole directive.
    """

    def __missing__(self, key: str) -> Callable[[str], Any]:
        return directives.unchanged


@lru_cache(maxsize=4096)
def cached_parse(text: str) -> EventDate:
    return parse_date(text)


def warn(
    directive: SphinxDirective,
    subtype: str,
    message: str,
    *args: object,
    node: nodes.Node | None = None,
) -> None:
    """Warn at *node* when it knows its file and line, else at the directive."""
    located = node is not None and node.source and node.line
    location = node if located else directive.get_location()
    logger.warning(message, *args, location=location, type="timeline", subtype=subtype)


def split_tags(text: str | None) -> list[str]:
    tags = (tag.strip() for tag in (text or "").split(","))
    return list(dict.fromkeys(tag for tag in tags if tag))


def tag_class(tag: str) -> str:
    return "timeline-tag-" + nodes.make_id(tag)


class TimelineBaseDirective(SphinxDirective):
    known_options: ClassVar[frozenset[str]] = frozenset()

    def warn_unknown_options(self) -> None:
        for name in sorted(set(self.options) - self.known_options):
            warn(self, "option", "unknown option %r of the %s directive ignored", name, self.name)

    def note_label(self, node: nodes.Element) -> None:
        """Register the ``:label:`` option as an explicit target that ``{ref}`` can use."""
        label = nodes.fully_normalize_name(self.options.get("label") or "")
        if not label:
            return
        if label in self.state.document.nameids:
            warn(self, "label", "duplicate label %r; this one is ignored", label)
            return
        node["names"].append(label)
        self.state.document.note_explicit_target(node, node)


class EventDirective(TimelineBaseDirective):
    """One dated event. The argument is the title; ``:date:`` is EDTF."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = TolerantOptionSpec(
        date=directives.unchanged,
        display=directives.unchanged,
        tags=directives.unchanged,
        label=directives.unchanged,
        **{"class": directives.class_option},
    )
    known_options = frozenset(option_spec)

    def run(self) -> list[nodes.Node]:
        self.warn_unknown_options()
        event = tl.timeline_event(edtf="", tags=[], classes=["timeline-event"])
        self.set_source_info(event)
        date = self.parse_event_date()
        if date is not None:
            event["edtf"] = date.source
        event["tags"] = split_tags(self.options.get("tags"))
        event["classes"] += [tag_class(tag) for tag in event["tags"]]
        event["classes"] += self.options.get("class", [])
        event += self.heading(date)
        if event["tags"]:
            event += self.tags_paragraph(event["tags"])
        event += tl.timeline_body("", *self.parse_content_to_nodes())
        self.note_label(event)
        self.assign_stable_id(event, date)
        return [event]

    def parse_event_date(self) -> EventDate | None:
        text = (self.options.get("date") or "").strip()
        if not text:
            warn(self, "date", "event has no :date: (an EDTF date such as 1950-02-14)")
            return None
        try:
            return cached_parse(text)
        except DateError as error:
            warn(self, "date", "%s", error)
            return None

    def heading(self, date: EventDate | None) -> tl.timeline_heading:
        heading = tl.timeline_heading(translatable=False)
        self.set_source_info(heading)
        heading += self.date_node(date)
        title = self.arguments[0].strip() if self.arguments else ""
        if not title:
            warn(self, "title", "event has no title (write it after {event})")
            return heading
        title_nodes, messages = self.parse_inline(title, lineno=self.lineno)
        title_node = tl.timeline_title(title, "", *title_nodes, translatable=True)
        self.set_source_info(title_node)
        heading += [tl.timeline_separator("", " \N{EM DASH} "), title_node, *messages]
        return heading

    def date_node(self, date: EventDate | None) -> tl.timeline_date:
        display_override = self.options.get("display")
        if date is None:
            text = display_override or self.options.get("date") or ""
            return tl.timeline_date("", "", tl.timeline_time("", text), classes=["invalid"])
        shown = format_date(date, self.config.sinosoviet_timeline_locale or self.config.language)
        if display_override:
            return tl.timeline_date(
                "", "", tl.timeline_time("", display_override, datetime=shown.start_datetime)
            )
        node = tl.timeline_date(
            "", "", tl.timeline_time("", shown.start_text, datetime=shown.start_datetime)
        )
        if shown.separator:
            node += nodes.Text(shown.separator)
        if shown.end_text:
            node += tl.timeline_time("", shown.end_text, datetime=shown.end_datetime)
        return node

    def tags_paragraph(self, tags: list[str]) -> tl.timeline_tags:
        paragraph = tl.timeline_tags(translatable=False)
        for index, tag in enumerate(tags):
            if index:
                paragraph += tl.timeline_separator("", ", ")
            paragraph += tl.timeline_tag(tag, tag, classes=[tag_class(tag)])
        return paragraph

    def assign_stable_id(self, event: tl.timeline_event, date: EventDate | None) -> None:
        """Give an unlabelled event an id built from its date and title, not a counter."""
        if event["ids"]:
            return
        # make_id drops everything before the first letter, so the prefix keeps the date.
        slug = nodes.make_id(f"event {date.source if date else ''} {tl.event_title(event)}")
        base = slug[: len("event-") + SLUG_LENGTH].rstrip("-")
        if base == "event":
            base = "event-untitled"
        candidate, suffix = base, 1
        while candidate in self.state.document.ids:
            suffix += 1
            candidate = f"{base}-{suffix}"
        event["ids"].append(candidate)
        self.state.document.ids[candidate] = event


class TimelineDirective(TimelineBaseDirective):
    """A timeline: its content is ``event`` directives; the argument is a caption."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = TolerantOptionSpec(
        order=directives.unchanged,  # checked by order(), so that a typo loses no event
        label=directives.unchanged,
        **{"class": directives.class_option},
    )
    known_options = frozenset(option_spec)

    def run(self) -> list[nodes.Node]:
        self.warn_unknown_options()
        events, others = self.partition(self.parse_content_to_nodes())
        if not events:
            warn(self, "empty", "timeline has no events")
            return others
        node = tl.timeline(order=self.order(), classes=["timeline", *self.options.get("class", [])])
        self.set_source_info(node)
        if self.arguments:
            node += self.caption(self.arguments[0])
        node += tl.timeline_events("", *sort_events(events, node["order"]))
        self.note_label(node)
        return [node, *others]

    def order(self) -> str:
        order = (self.options.get("order") or self.config.sinosoviet_timeline_order).strip()
        if order in ORDERS:
            return order
        message = "order %r is not one of %s; events are shown in chronological order"
        warn(self, "option", message, order, ", ".join(ORDERS))
        return "chronological"

    def caption(self, text: str) -> tl.timeline_caption:
        caption_nodes, messages = self.parse_inline(text, lineno=self.lineno)
        caption = tl.timeline_caption(text, "", *caption_nodes, *messages)
        self.set_source_info(caption)
        return caption

    def partition(
        self, content: Iterable[nodes.Node]
    ) -> tuple[list[tl.timeline_event], list[nodes.Node]]:
        """Split events from anything else, which is kept after the timeline with a warning."""
        events: list[tl.timeline_event] = []
        others: list[nodes.Node] = []
        for child in content:
            if isinstance(child, tl.timeline_event):
                events.append(child)
                continue
            if not isinstance(child, nodes.comment | nodes.system_message | nodes.target):
                warn(
                    self,
                    "content",
                    "only event directives belong in a timeline; other content is shown after it",
                    node=child,
                )
            others.append(child)
        return events, others


def sort_events(events: list[tl.timeline_event], order: str) -> list[tl.timeline_event]:
    """Order events; undated (invalid) events keep their source order after the dated ones."""
    if order == "source":
        return events
    dated = [event for event in events if event["edtf"]]
    undated = [event for event in events if not event["edtf"]]
    dated.sort(key=lambda event: cached_parse(event["edtf"]).sort_key, reverse=order == "reverse")
    return dated + undated
