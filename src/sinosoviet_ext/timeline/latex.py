"""LaTeX renderer: a list with the date in a margin column, breaking across pages.

The layout lives in ``texinputs/sphinxtimeline.sty``; this module only opens and closes
its environment and macros. Author text reaches LaTeX through the translator's own
escaping (``visit_Text`` and ``encode``), so ``% $ & _ # { } ~ ^ \\`` compile.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.latex import LaTeXTranslator

from . import nodes as tl


def visit_timeline(self: LaTeXTranslator, node: tl.timeline) -> None:
    self.body.append("\n\\begin{sphinxtimelineblock}" + self.hypertarget_to(node, anchor=True))


def depart_timeline(self: LaTeXTranslator, node: tl.timeline) -> None:
    self.body.append("\\end{sphinxtimelineblock}\n")


def visit_timeline_caption(self: LaTeXTranslator, node: tl.timeline_caption) -> None:
    self.body.append("\\sphinxtimelinecaption{")


def visit_timeline_events(self: LaTeXTranslator, node: tl.timeline_events) -> None:
    self.body.append("\n\\begin{sphinxtimeline}\n")


def depart_timeline_events(self: LaTeXTranslator, node: tl.timeline_events) -> None:
    self.body.append("\\end{sphinxtimeline}\n")


def visit_timeline_event(self: LaTeXTranslator, node: tl.timeline_event) -> None:
    date = next(iter(node.findall(tl.timeline_date)), None)
    date_text = self.encode(date.astext()) if date is not None else ""
    self.body.append(f"\\item[{{\\sphinxtimelinedate{{{date_text}}}}}]")
    # \phantomsection gives the label an anchor of its own; without it a link to the
    # event would land on the last section heading.
    self.body.append(self.hypertarget_to(node, anchor=True) + "\n")


def depart_timeline_event(self: LaTeXTranslator, node: tl.timeline_event) -> None:
    self.body.append("\n")


def skip(self: LaTeXTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode


def visit_timeline_separator(self: LaTeXTranslator, node: tl.timeline_separator) -> None:
    # The date sits in its own column, so only the separators between tags are printed.
    if isinstance(node.parent, tl.timeline_heading):
        raise nodes.SkipNode


def visit_timeline_title(self: LaTeXTranslator, node: tl.timeline_title) -> None:
    self.body.append("\\sphinxtimelinetitle{")


def visit_timeline_tags(self: LaTeXTranslator, node: tl.timeline_tags) -> None:
    self.body.append("\\sphinxtimelinetags{")


def close_brace(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}")


def close_brace_paragraph(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}\n")


def nothing(self: LaTeXTranslator, node: nodes.Element) -> None:
    pass


VISITORS = {
    tl.timeline: (visit_timeline, depart_timeline),
    tl.timeline_caption: (visit_timeline_caption, close_brace_paragraph),
    tl.timeline_events: (visit_timeline_events, depart_timeline_events),
    tl.timeline_event: (visit_timeline_event, depart_timeline_event),
    tl.timeline_heading: (nothing, nothing),
    tl.timeline_date: (skip, nothing),
    tl.timeline_time: (skip, nothing),
    tl.timeline_separator: (visit_timeline_separator, nothing),
    tl.timeline_title: (visit_timeline_title, close_brace_paragraph),
    tl.timeline_tags: (visit_timeline_tags, close_brace_paragraph),
    tl.timeline_tag: (nothing, nothing),
    tl.timeline_body: (nothing, nothing),
}
