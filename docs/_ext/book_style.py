"""The book's hard style rules, checked on the parsed pages (so MyST syntax is understood).

Each problem is a warning ``book.style`` with the file and line and a sentence on how to
fix it. The rules are listed in the style guide (docs/contributing/style-guide.md); a
rule belongs here only when a machine can check it without false alarms.

- Banned misspellings (``docs/_lint/banned-spellings.txt``: ``wrong->right`` per line)
  in running text, not in code.
- Dates in running text are written "14 February 1950", not "February 14, 1950".
- A chapter (a page under ``periods/`` or ``debates/``) opens with a label named after
  its file, has exactly one top-level heading, and ends with a "Works cited" section.
- A period chapter declares ``period:`` in its front matter and has a timeline with at
  least eight events.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

BANNED_FILE = Path(__file__).resolve().parent.parent / "_lint" / "banned-spellings.txt"
CHAPTER_FOLDERS = ("periods/", "debates/")
MIN_EVENTS = 8
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
US_DATE = re.compile(rf"\b({MONTHS}) (\d{{1,2}}), (\d{{3,4}})\b")
SKIPPED_TEXT = (nodes.literal, nodes.literal_block, nodes.raw, nodes.comment, nodes.math)


@lru_cache(maxsize=1)
def load_banned(path: Path = BANNED_FILE) -> dict[str, str]:
    banned: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            wrong, right = (part.strip() for part in line.split("->", 1))
            banned[wrong] = right
    return banned


def warn(node: nodes.Node | tuple[str, int], message: str, *args: object) -> None:
    logger.warning(message, *args, location=node, type="book", subtype="style")


def running_text(document: nodes.document) -> list[nodes.Text]:
    def wanted(text: nodes.Node) -> bool:
        parent = text.parent
        while parent is not None:
            if isinstance(parent, SKIPPED_TEXT):
                return False
            parent = parent.parent
        return True

    return [text for text in document.findall(nodes.Text) if wanted(text)]


def line_of(text: nodes.Text) -> nodes.Node:
    node: nodes.Node | None = text.parent
    while node is not None and not node.line:
        node = node.parent
    return node if node is not None else text.parent


def check_spelling(text: nodes.Text, banned_pattern: re.Pattern[str], banned: dict) -> None:
    for match in banned_pattern.finditer(text.astext()):
        wrong = match.group(0)
        warn(line_of(text), "write %r, not %r (banned misspelling)", banned[wrong], wrong)


def check_dates(text: nodes.Text) -> None:
    for match in US_DATE.finditer(text.astext()):
        month, day, year = match.groups()
        warn(
            line_of(text),
            "write dates as '%s %s %s', not %r (style guide: dates)",
            day, month, year, match.group(0),
        )  # fmt: skip


def check_chapter(app: Sphinx, docname: str, document: nodes.document) -> None:
    label = Path(docname).name
    sections = [child for child in document.children if isinstance(child, nodes.section)]
    if not sections or label not in sections[0]["names"]:
        warn(
            (docname, 1),
            "open the chapter with the label '(%s)=' on the line before its title",
            label,
        )
    if len(sections) != 1:
        warn((docname, 1), "give the chapter exactly one '# ' title (found %d)", len(sections))
    if sections and not ends_with_works_cited(sections[0]):
        warn(
            (docname, 1),
            "end the chapter with a '## Works cited' section that holds its bibliography",
        )
    if docname.startswith("periods/"):
        check_period_chapter(app, docname, document)


def ends_with_works_cited(chapter: nodes.section) -> bool:
    subsections = [child for child in chapter.children if isinstance(child, nodes.section)]
    return bool(subsections) and subsections[-1][0].astext().strip().lower() == "works cited"


def check_period_chapter(app: Sphinx, docname: str, document: nodes.document) -> None:
    if not app.env.metadata.get(docname, {}).get("period"):
        warn((docname, 1), "give the period's span in the front matter, e.g. 'period: 1949/1953'")
    events = sum(1 for node in document.findall(nodes.Element) if node.tagname == "timeline_event")
    if events < MIN_EVENTS:
        warn(
            (docname, 1),
            "give the period's timeline at least %d events (found %d)", MIN_EVENTS, events,
        )  # fmt: skip


@lru_cache(maxsize=1)
def banned_pattern() -> re.Pattern[str] | None:
    banned = load_banned()
    return re.compile(r"\b(" + "|".join(map(re.escape, banned)) + r")\b") if banned else None


def check_document(app: Sphinx, document: nodes.document) -> None:
    docname = app.env.docname
    pattern = banned_pattern()
    for text in running_text(document):
        if pattern is not None:
            check_spelling(text, pattern, load_banned())
        check_dates(text)
    if docname.startswith(CHAPTER_FOLDERS):
        check_chapter(app, docname, document)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", check_document)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
