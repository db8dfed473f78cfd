"""HTML renderer (html, dirhtml, singlehtml, epub): a semantic, accessible ordered list.

Every piece of text reaches the page through docutils' own escaping (``starttag`` and
``visit_Text``); nothing here writes author text into markup by hand.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.locale import _
from sphinx.writers.html5 import HTML5Translator

from . import nodes as tl


def visit_timeline(self: HTML5Translator, node: tl.timeline) -> None:
    self.body.append(self.starttag(node, "figure"))


def depart_timeline(self: HTML5Translator, node: tl.timeline) -> None:
    self.body.append("</figure>\n")


def visit_timeline_caption(self: HTML5Translator, node: tl.timeline_caption) -> None:
    self.body.append(self.starttag(node, "figcaption", "", CLASS="timeline-caption"))


def depart_timeline_caption(self: HTML5Translator, node: tl.timeline_caption) -> None:
    self.body.append("</figcaption>\n")


def visit_timeline_events(self: HTML5Translator, node: tl.timeline_events) -> None:
    self.body.append(self.starttag(node, "ol", CLASS="timeline-events"))


def depart_timeline_events(self: HTML5Translator, node: tl.timeline_events) -> None:
    self.body.append("</ol>\n")


def visit_timeline_event(self: HTML5Translator, node: tl.timeline_event) -> None:
    self.body.append(self.starttag(node, "li"))


def depart_timeline_event(self: HTML5Translator, node: tl.timeline_event) -> None:
    self.body.append("</li>\n")


def visit_timeline_heading(self: HTML5Translator, node: tl.timeline_heading) -> None:
    self.body.append(self.starttag(node, "div", CLASS="timeline-heading"))


def depart_timeline_heading(self: HTML5Translator, node: tl.timeline_heading) -> None:
    self.body.append("</div>\n")


def visit_timeline_date(self: HTML5Translator, node: tl.timeline_date) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="timeline-date"))


def depart_timeline_date(self: HTML5Translator, node: tl.timeline_date) -> None:
    self.body.append("</p>\n")


def visit_timeline_time(self: HTML5Translator, node: tl.timeline_time) -> None:
    # HTML has no machine-readable form for BCE years, decades or seasons: plain text then.
    if node.get("datetime"):
        self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))
    else:
        self.body.append(self.starttag(node, "span", ""))


def depart_timeline_time(self: HTML5Translator, node: tl.timeline_time) -> None:
    self.body.append("</time>" if node.get("datetime") else "</span>")


def visit_timeline_separator(self: HTML5Translator, node: tl.timeline_separator) -> None:
    raise nodes.SkipNode


def visit_timeline_title(self: HTML5Translator, node: tl.timeline_title) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="timeline-title"))


def depart_timeline_title(self: HTML5Translator, node: tl.timeline_title) -> None:
    self.body.append("</p>\n")


def visit_timeline_tags(self: HTML5Translator, node: tl.timeline_tags) -> None:
    self.body.append(self.starttag(node, "ul", CLASS="timeline-tags", **{"aria-label": _("Tags")}))


def depart_timeline_tags(self: HTML5Translator, node: tl.timeline_tags) -> None:
    self.body.append("</ul>\n")


def visit_timeline_tag(self: HTML5Translator, node: tl.timeline_tag) -> None:
    self.body.append(self.starttag(node, "li", "", CLASS="timeline-tag"))


def depart_timeline_tag(self: HTML5Translator, node: tl.timeline_tag) -> None:
    self.body.append("</li>\n")


def visit_timeline_body(self: HTML5Translator, node: tl.timeline_body) -> None:
    self.body.append(self.starttag(node, "div", CLASS="timeline-body"))


def depart_timeline_body(self: HTML5Translator, node: tl.timeline_body) -> None:
    self.body.append("</div>\n")


def no_depart(self: HTML5Translator, node: nodes.Element) -> None:
    pass


VISITORS = {
    tl.timeline: (visit_timeline, depart_timeline),
    tl.timeline_caption: (visit_timeline_caption, depart_timeline_caption),
    tl.timeline_events: (visit_timeline_events, depart_timeline_events),
    tl.timeline_event: (visit_timeline_event, depart_timeline_event),
    tl.timeline_heading: (visit_timeline_heading, depart_timeline_heading),
    tl.timeline_date: (visit_timeline_date, depart_timeline_date),
    tl.timeline_time: (visit_timeline_time, depart_timeline_time),
    tl.timeline_separator: (visit_timeline_separator, no_depart),
    tl.timeline_title: (visit_timeline_title, depart_timeline_title),
    tl.timeline_tags: (visit_timeline_tags, depart_timeline_tags),
    tl.timeline_tag: (visit_timeline_tag, depart_timeline_tag),
    tl.timeline_body: (visit_timeline_body, depart_timeline_body),
}
