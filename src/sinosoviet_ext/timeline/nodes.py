"""Doctree nodes of a timeline, neutral about how any builder draws them.

Each node subclasses the standard docutils node that best describes it (a container, a
bullet list, a list item, a paragraph, an inline). HTML and LaTeX have renderers of their
own; every other builder (text, man, texinfo, XML, gettext) falls back on the standard
node's visitor, so a timeline always reads as a plain list there and no builder crashes.

A timeline with a caption and one event::

    <timeline ids="..." order="chronological">
        <timeline_caption>Caption</timeline_caption>
        <timeline_events>
            <timeline_event ids="treaty-1950" edtf="1950-02-14" tags="treaty alliance">
                <timeline_heading>
                    <timeline_date>
                        <timeline_time datetime="1950-02-14">14 February 1950</timeline_time>
                    <timeline_separator> — </timeline_separator>
                    <timeline_title translatable="True">Title</timeline_title>
                <timeline_tags>
                    <timeline_tag>treaty</timeline_tag>
                    <timeline_separator>, </timeline_separator>
                    <timeline_tag>alliance</timeline_tag>
                <timeline_body>
                    <paragraph>Body, with citations and cross-references.</paragraph>
"""

from __future__ import annotations

from docutils import nodes


class timeline(nodes.container):  # noqa: N801 (docutils names nodes in lower case)
    """A whole timeline: an optional caption and the list of events."""


class timeline_caption(nodes.paragraph):  # noqa: N801
    """The caption shown above the events."""


class timeline_events(nodes.bullet_list):  # noqa: N801
    """The ordered list of events (sorted by the directive)."""


class timeline_event(nodes.list_item):  # noqa: N801
    """One dated event; ``edtf`` holds the date as written, ``tags`` its tags."""


class timeline_heading(nodes.paragraph):  # noqa: N801
    """The date and the title of an event, read together in plain-text output."""


class timeline_date(nodes.inline):  # noqa: N801
    """The displayed date: one ``timeline_time``, or two joined by a dash."""


class timeline_time(nodes.inline):  # noqa: N801
    """One end of a date; ``datetime`` holds the HTML machine-readable form, if any."""


class timeline_separator(nodes.inline):  # noqa: N801
    """Punctuation needed only where the layout does not separate the parts itself."""


class timeline_title(nodes.strong):  # noqa: N801
    """The title of an event, in inline markup."""


class timeline_tags(nodes.paragraph):  # noqa: N801
    """The tags of an event."""


class timeline_tag(nodes.inline):  # noqa: N801
    """One tag."""


class timeline_body(nodes.container):  # noqa: N801
    """What the event says, in full markup."""


ALL_NODES: tuple[type[nodes.Element], ...] = (
    timeline,
    timeline_caption,
    timeline_events,
    timeline_event,
    timeline_heading,
    timeline_date,
    timeline_time,
    timeline_separator,
    timeline_title,
    timeline_tags,
    timeline_tag,
    timeline_body,
)


def event_title(event: timeline_event) -> str:
    """Plain text of an event's title, used by ``{ref}`` and by warnings."""
    title = next(iter(event.findall(timeline_title)), None)
    return title.astext() if title is not None else ""


def timeline_caption_text(node: timeline) -> str:
    caption = next(iter(node.findall(timeline_caption)), None)
    return caption.astext() if caption is not None else ""
