"""Author text in every part of a timeline reaches HTML and LaTeX as text, never as markup.

``test-timeline-escaping-rst`` and ``test-timeline-escaping-myst`` put a script element,
an image with an ``onerror`` handler, both quote marks and an ampersand into a caption,
a title, a label, tags, a body and a ``:display:`` text. Raw HTML is ordinary MyST
syntax, so the MyST root turns it off with ``myst_disable_syntax`` as a site that does
not trust its authors would; the extension itself adds no way around that setting.
The LaTeX special characters and the PDF are in ``test_timeline_pdf.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from timelinetools import Built, build, timelines

ROOTS = ("test-timeline-escaping-rst", "test-timeline-escaping-myst")
PAYLOAD = """<script>alert(1)</script> <img src=x onerror=alert(1)> "double" 'single' & amp"""
PAYLOAD_LATEX = (
    r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{} "
    r"\textless{}img src=x onerror=alert(1)\textgreater{} "
    r'"double" \textquotesingle{}single\textquotesingle{} \& amp'
)


@pytest.fixture(scope="module", params=ROOTS)
def html(
    request: pytest.FixtureRequest, rootdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Built:
    return build(rootdir / request.param, "html", tmp_path_factory.mktemp("escaping"))


def the_timeline(built: Built) -> Tag:
    [timeline] = timelines(built.soup())
    return timeline


def test_builds_without_warnings(html: Built) -> None:
    assert html.warnings == ""


def test_no_script_or_image_element_in_the_timeline(html: Built) -> None:
    assert the_timeline(html).find_all(["script", "img"]) == []


def test_page_has_only_the_theme_scripts_and_no_event_handlers(html: Built) -> None:
    page = html.soup()
    assert [script for script in page.find_all("script") if "alert" in script.get_text()] == []
    assert page.find_all("img") == []
    handlers = [
        (tag.name, name) for tag in page.find_all(True) for name in tag.attrs if name[:2] == "on"
    ]
    assert handlers == []


def test_attribute_values_carry_no_markup(html: Built) -> None:
    for tag in [the_timeline(html), *the_timeline(html).find_all(True)]:
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            assert not set(text) & set("<>\"'&"), (tag.name, name, text)


@pytest.mark.parametrize(
    "selector",
    [
        "figcaption",
        "li.timeline-event:first-child p.timeline-title",
        "li.timeline-event:first-child div.timeline-body > p:first-child",
        "li.timeline-event:last-child p.timeline-date > time",
    ],
)
def test_text_is_shown_literally(html: Built, selector: str) -> None:
    element = the_timeline(html).select_one(selector)
    assert element.get_text().endswith(PAYLOAD)
    assert element.find(True) is None or element.name == "time"


def test_tags_are_shown_literally(html: Built) -> None:
    tags = [tag.get_text() for tag in the_timeline(html).select("li.timeline-tag")]
    assert tags == [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        """"double" 'single' & amp""",
    ]


def test_escaped_source_text_is_in_the_html(html: Built) -> None:
    source = html.read("index.html")
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in (
        source
    )
    assert "<script>alert(1)" not in source


def test_label_becomes_a_safe_id(html: Built) -> None:
    first_event = the_timeline(html).select_one("li.timeline-event")
    assert first_event["id"] == "x-script-alert-1-script"


def test_rest_of_the_page_is_kept(html: Built) -> None:
    paragraphs = [p.get_text() for p in html.soup().select("section > p")]
    assert paragraphs == ["Before the timeline.", "After the timeline."]


def test_plain_text_builder_shows_the_text_as_written(rootdir: Path, tmp_path: Path) -> None:
    built = build(rootdir / "test-timeline-escaping-myst", "text", tmp_path)
    assert f"14 February 1950 — **Title {PAYLOAD}**" in " ".join(built.read("index.txt").split())


@pytest.mark.parametrize("root", ROOTS)
def test_latex_escapes_every_part(rootdir: Path, tmp_path: Path, root: str) -> None:
    built = build(rootdir / root, "latex", tmp_path)
    assert built.warnings == ""
    tex = built.read("escaping.tex")
    assert f"\\sphinxtimelinecaption{{Caption {PAYLOAD_LATEX}}}" in tex
    assert f"\\sphinxtimelinetitle{{Title {PAYLOAD_LATEX}}}" in tex
    assert f"\\sphinxtimelinedate{{Display {PAYLOAD_LATEX}}}" in tex
    assert f"\nBody {PAYLOAD_LATEX}\n" in tex
    assert "\\sphinxtimelinetags{\\textless{}script\\textgreater{}alert(1)" in tex
    assert "<script>" not in tex
    assert BeautifulSoup(tex, "html.parser").find(["script", "img"]) is None
