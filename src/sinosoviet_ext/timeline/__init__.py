"""Timelines: dated events written as directives, drawn for every Sphinx builder.

Modules, one concern each: :mod:`.dates` (EDTF dates), :mod:`.nodes` (the doctree),
:mod:`.directives` (``timeline`` and ``event``), :mod:`.transforms` (events outside a
timeline), :mod:`.html` and :mod:`.latex` (the two renderers with a layout of their
own; other builders use the docutils node each timeline node subclasses).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.fileutil import copy_asset_file

from . import html, latex
from . import nodes as tl
from .chronology import (
    ChronologyDirective,
    chronology,
    fill_chronologies,
    outdated_chronologies,
    remember_digests,
    skip_placeholder,
)
from .directives import ORDERS, EventDirective, TimelineDirective
from .domain import TimelineDomain, check_shared_labels
from .export import write_exports
from .transforms import WrapOrphanEvents

HERE = Path(__file__).resolve().parent
CSS_FILE = "sinosoviet-timeline.css"
LATEX_PACKAGE = HERE / "texinputs" / "sphinxtimeline.sty"


def add_static_path(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(HERE / "static"))


def copy_latex_package(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "latex":
        copy_asset_file(LATEX_PACKAGE, app.outdir, force=True)


def register_nodes(app: Sphinx) -> None:
    enumerable = {
        tl.timeline: ("timeline", tl.timeline_caption_text),
        tl.timeline_event: ("timeline-event", tl.event_title),
    }
    for node_class in tl.ALL_NODES:
        renderers = {"html": html.VISITORS[node_class], "latex": latex.VISITORS[node_class]}
        if node_class in enumerable:
            figtype, title_getter = enumerable[node_class]
            app.add_enumerable_node(node_class, figtype, title_getter, **renderers)
        else:
            app.add_node(node_class, **renderers)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value(
        "sinosoviet_timeline_locale", None, "env", types=frozenset({str, type(None)}),
        description="Babel locale for displayed dates (default: the project's language).",
    )  # fmt: skip
    app.add_config_value(
        "sinosoviet_timeline_order", "chronological", "env", types=frozenset({str}),
        description=f"Default order of events: one of {', '.join(ORDERS)}.",
    )  # fmt: skip
    app.add_config_value(
        "sinosoviet_timeline_require_citation", True, "env", types=frozenset({bool}),
        description="Warn (timeline.citation) about events that cite no source.",
    )  # fmt: skip
    register_nodes(app)
    skip = (skip_placeholder, None)
    app.add_node(chronology, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_domain(TimelineDomain)
    app.add_directive("timeline", TimelineDirective)
    app.add_directive("event", EventDirective)
    app.add_directive("chronology", ChronologyDirective)
    app.add_transform(WrapOrphanEvents)
    app.connect("env-get-outdated", remember_digests)
    app.connect("env-updated", outdated_chronologies)
    app.connect("env-check-consistency", check_shared_labels)
    app.connect("doctree-resolved", fill_chronologies)
    app.connect("build-finished", write_exports)
    app.add_css_file(CSS_FILE)
    app.add_latex_package("sphinxtimeline")
    app.connect("builder-inited", add_static_path)
    app.connect("build-finished", copy_latex_package)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
