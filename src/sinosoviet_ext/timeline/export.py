"""Every event as data: ``timeline.json`` (TimelineJS3) and ``timeline.csv``.

Both files are written at the root of the HTML output when the build finishes, from the
domain's records and the chapters' doctrees, so that they always describe the whole
book, however few pages this build rewrote. Pages marked ``chronology: exclude`` are
left out. Output is deterministic: events in
chronological order, keys in a fixed order, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import secrets
from html import escape
from html.parser import HTMLParser
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging
from sphinx.util.docutils import new_document

from . import nodes as tl
from .dates import DatePoint, EventDate, format_date
from .directives import cached_parse
from .domain import EventRecord, TimelineDomain, chronological_key

logger = logging.getLogger(__name__)

JSON_FILE = "timeline.json"
CSV_FILE = "timeline.csv"
DATA_FILES = (("JSON (TimelineJS)", JSON_FILE), ("CSV", CSV_FILE))
CONTAINER_OPENING = '<div class="docutils container">'
EXPORTING_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
CSV_COLUMNS = (
    "unique_id", "edtf", "display_date", "start_date", "end_date", "headline", "text",
    "tags", "group", "url",
)  # fmt: skip


def timeline_js_date(point: DatePoint | None, display: str) -> dict[str, Any] | None:
    """A TimelineJS date object with only the fields the date knows."""
    if point is None:
        return None
    date: dict[str, Any] = {"year": point.year}
    if point.month is not None and point.precision in ("month", "day"):
        date["month"] = point.month
    if point.day is not None and point.precision == "day":
        date["day"] = point.day
    if display:
        date["display_date"] = display
    return date


def timeline_js_dates(
    date: EventDate, locale: str
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Start and end for TimelineJS, which needs a start: an open start takes the end's."""
    shown = format_date(date, locale)
    if date.start is None:
        return timeline_js_date(date.end, shown.end_text), None
    end = timeline_js_date(date.end, shown.end_text) if date.is_interval else None
    return timeline_js_date(date.start, shown.start_text), end


def sortable(event: EventRecord) -> tuple:
    return (*chronological_key(event), event["docname"], event["id"])


class EventExporter:
    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.env = app.env
        self.builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
        self.domain: TimelineDomain = app.env.domains["timeline"]  # type: ignore[assignment]
        self.locale = app.config.sinosoviet_timeline_locale or app.config.language
        self.bodies: dict[str, dict[str, str]] = {}

    def rows(self) -> list[dict[str, Any]]:
        events = (e for e in self.domain.all_events() if e["edtf"] and e["gathered"])
        events = sorted(events, key=sortable)
        return [self.row(event) for event in events]

    def row(self, event: EventRecord) -> dict[str, Any]:
        start_date, end_date = timeline_js_dates(cached_parse(event["edtf"]), self.locale)
        row: dict[str, Any] = {
            "unique_id": self.unique_id(event),
            "edtf": event["edtf"],
            "start_date": start_date,
            # TimelineJS reads a null end_date as a date and drops the event.
            **({"end_date": end_date} if end_date else {}),
            "display_date": event["date_text"],
            "text": {"headline": event["title"], "text": self.body_html(event)},
            "group": self.group(event["docname"]),
            "tags": event["tags"],
            "page": self.builder.get_target_uri(event["docname"]),
            "anchor": event["id"],
        }
        row["url"] = f"{row['page']}#{event['id']}"
        return row

    def unique_id(self, event: EventRecord) -> str:
        return nodes.make_id(event["label"] or f"{event['docname']}-{event['id']}")

    def group(self, docname: str) -> str:
        title = self.env.titles.get(docname)
        return title.astext() if title is not None else docname

    def body_html(self, event: EventRecord) -> str:
        docname = event["docname"]
        if docname not in self.bodies:
            self.bodies[docname] = self.render_bodies_of(docname)
        return self.bodies[docname].get(event["id"], "")

    def render_bodies_of(self, docname: str) -> dict[str, str]:
        """The HTML of one chapter's event bodies, resolved and rendered in one pass each.

        Rendering costs a docutils publication, so the bodies are rendered together,
        between markers that cannot occur in the chapter (a fresh random token).
        """
        holder = new_document("")
        ids = []
        for event in self.env.get_doctree(docname).findall(tl.timeline_event):
            body = next(iter(event.findall(tl.timeline_body)), None)
            if body is not None:
                ids.append(event["ids"][0])
                holder += body.deepcopy()
        with logging.suppress_logging():  # reported when the chapter was written
            self.env.resolve_references(holder, docname, self.builder)
        marker = f"<!-- {secrets.token_hex(16)} -->"
        bodies = nodes.container()
        for body in list(holder.children):
            for inner in body.findall(nodes.Element):
                inner["ids"] = []
            unwrap_internal_links(body)
            bodies += [*body.children, nodes.raw("", marker, format="html")]
        fragment = self.builder.render_partial(bodies)["fragment"].strip()
        # "<div container>body1 M body2 M … bodyN M</div>": N parts, then the closing tag.
        parts = fragment.removeprefix(CONTAINER_OPENING).split(marker)[: len(ids)]
        return {id_: part.strip() for id_, part in zip(ids, parts, strict=True)}


def unwrap_internal_links(tree: nodes.Element) -> None:
    """Citations and cross-references become plain text; links to the web stay links.

    Footnote marks are dropped: their notes are not part of the export.
    """
    for reference in list(tree.findall(nodes.reference)):
        if reference.get("internal") or "refid" in reference or not reference.get("refuri"):
            reference.replace_self(reference.children)
    for note in list(tree.findall(nodes.footnote_reference)):
        note.parent.remove(note)


def to_json(rows: list[dict[str, Any]], title: str) -> str:
    document = {
        "title": {"text": {"headline": escape(title, quote=False)}},
        "events": [as_html_fields(row) for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def as_html_fields(row: dict[str, Any]) -> dict[str, Any]:
    """TimelineJS reads headlines, groups and display dates as HTML: escape the plain text.

    Nothing a contributor writes in a title may become markup on someone else's page;
    ``text.text`` is already HTML rendered (and escaped) by Sphinx.
    """
    safe = dict(row)
    safe["text"] = {**row["text"], "headline": escape(row["text"]["headline"], quote=False)}
    for key in ("display_date", "group"):
        safe[key] = escape(row[key], quote=False)
    for key in ("start_date", "end_date"):
        if row.get(key) and "display_date" in row[key]:
            safe[key] = {**row[key], "display_date": escape(row[key]["display_date"], quote=False)}
    return safe


def to_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_row(row))
    return out.getvalue()


def csv_row(row: dict[str, Any]) -> dict[str, str]:
    return {
        "unique_id": row["unique_id"],
        "edtf": row["edtf"],
        "display_date": row["display_date"],
        "start_date": iso_like(row["start_date"]),
        "end_date": iso_like(row.get("end_date")),
        "headline": row["text"]["headline"],
        "text": nodes_free_text(row["text"]["text"]),
        "tags": "; ".join(row["tags"]),
        "group": row["group"],
        "url": row["url"],
    }


def iso_like(date: dict[str, Any] | None) -> str:
    if not date:
        return ""
    parts = [f"{date['year']:05d}" if date["year"] < 0 else f"{date['year']:04d}"]
    parts += [f"{date[field]:02d}" for field in ("month", "day") if field in date]
    return "-".join(parts)


class TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def nodes_free_text(html: str) -> str:
    """The body as plain text for spreadsheets."""
    collector = TextCollector()
    collector.feed(html)
    return " ".join("".join(collector.parts).split())


def export_links(builder_name: str, page_uri: str) -> list[tuple[str, str]]:
    """(label, relative URI) of the data files, for a page at ``page_uri``."""
    if builder_name not in EXPORTING_BUILDERS:
        return []
    base = posixpath.dirname(page_uri) or "."
    return [(label, posixpath.relpath(name, base)) for label, name in DATA_FILES]


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in EXPORTING_BUILDERS:
        return
    rows = EventExporter(app).rows()
    outdir = app.outdir
    (outdir / JSON_FILE).write_text(to_json(rows, app.config.project), encoding="utf-8")
    (outdir / CSV_FILE).write_text(to_csv(rows), encoding="utf-8")
    logger.info("timeline: wrote %d events to %s and %s", len(rows), JSON_FILE, CSV_FILE)
