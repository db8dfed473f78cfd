# (en dashes and em dashes are part of the expected output)
"""Every builder writes a timeline readably, without a warning, from MyST and from rST.

HTML-like builders use the extension's renderer; text, man, Texinfo, XML and gettext
fall back on the docutils node each timeline node subclasses; LaTeX has its own
environment. The PDF itself is compiled in ``test_timeline_pdf.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from defusedxml import ElementTree
from sphinx.testing.util import SphinxTestApp

from timelinetools import Built, build

ROOTS = ("test-timeline-myst", "test-timeline-rst")

TITLES = (
    "Comintern agents in China",
    "Mao Zedong in Moscow",
    "Treaty of Friendship, Alliance and Mutual Assistance",
    "The split becomes public",
)

# Where each builder writes the page, and a few lines of it that show an event readably.
OUTPUTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "html": ("index.html", ('<time datetime="1950-02-14">14 February 1950</time>',)),
    "dirhtml": ("index.html", ('<time datetime="1950-02-14">14 February 1950</time>',)),
    "singlehtml": ("index.html", ('<time datetime="1950-02-14">14 February 1950</time>',)),
    "epub": ("index.xhtml", ('<time datetime="1950-02-14">14 February 1950</time>',)),
    "text": (
        "index.txt",
        (
            "* 14 February 1950 — **Treaty of Friendship, Alliance and Mutual Assistance**",
            "* 16 December 1949 – 17 February 1950 — **Mao Zedong in Moscow**",
            "* c. 1920 — **Comintern agents in China**",
            "treaty, alliance",
        ),
    ),
    "man": (
        "*.1",
        (
            "14 February 1950 — \\fBTreaty of Friendship, Alliance and Mutual Assistance\\fP",
            "16 December 1949 – 17 February 1950 — \\fBMao Zedong in Moscow\\fP",
        ),
    ),
    "texinfo": (
        "*.texi",
        (
            "@item 14 February 1950 — `Treaty of Friendship, Alliance and Mutual Assistance'",
            "@item 1960 — `The split becomes public'",
        ),
    ),
    "xml": (
        "index.xml",
        (
            '<timeline_time datetime="1950-02-14">14 February 1950</timeline_time>',
            '<timeline_title translatable="1">The split becomes public</timeline_title>',
        ),
    ),
    "pseudoxml": ("index.pseudoxml", ('<timeline_time datetime="1950-02-14"> 14 February 1950',)),
    "gettext": (
        "index.pot",
        (
            'msgid "Treaty of Friendship, Alliance and Mutual Assistance"',
            'msgid "Mao Zedong in Moscow"',
            'msgid "The alliance, *1949–1953*"',
        ),
    ),
    "latex": (
        "timeline.tex",
        (
            "\\usepackage{sphinxtimeline}",
            "\\begin{sphinxtimelineblock}\\phantomsection"
            "\\label{\\detokenize{index:alliance-timeline}}",
            "\\sphinxtimelinecaption{The alliance, \\sphinxstyleemphasis{1949\\textendash{}1953}}",
            "\\begin{sphinxtimeline}",
            "\\item[{\\sphinxtimelinedate{14 February 1950}}]\\phantomsection"
            "\\label{\\detokenize{index:treaty-1950}}",
            "\\item[{\\sphinxtimelinedate{16 December 1949 \\textendash{} 17 February 1950}}]",
            "\\sphinxtimelinetitle{Treaty of Friendship, Alliance and Mutual Assistance}",
            "\\sphinxtimelinetags{treaty, alliance}",
            "\\end{sphinxtimeline}",
        ),
    ),
}


def read_output(built: Built, pattern: str) -> str:
    [path] = built.outdir.glob(pattern)
    return path.read_text(encoding="utf-8")


def one_line(text: str) -> str:
    """Text with every run of whitespace made one space, undoing line wrapping."""
    return " ".join(text.split())


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("builder", sorted(OUTPUTS))
def test_builder_writes_events_readably(
    rootdir: Path, tmp_path: Path, root: str, builder: str
) -> None:
    built = build(rootdir / root, builder, tmp_path)
    assert built.warnings == ""
    pattern, snippets = OUTPUTS[builder]
    output = one_line(read_output(built, pattern))
    for snippet in snippets:
        assert one_line(snippet) in output
    for title in TITLES:
        assert title in output


@pytest.mark.parametrize("root", ROOTS)
def test_linkcheck_has_nothing_to_report(rootdir: Path, tmp_path: Path, root: str) -> None:
    built = build(rootdir / root, "linkcheck", tmp_path)
    assert built.warnings == ""
    assert built.read("output.txt") == ""


def test_latex_build_ships_the_package(rootdir: Path, tmp_path: Path) -> None:
    built = build(rootdir / "test-timeline-myst", "latex", tmp_path)
    package = (built.outdir / "sphinxtimeline.sty").read_text(encoding="utf-8")
    assert "\\ProvidesPackage{sphinxtimeline}" in package


def test_epub_page_is_well_formed_xhtml(rootdir: Path, tmp_path: Path) -> None:
    built = build(rootdir / "test-timeline-myst", "epub", tmp_path)
    tree = ElementTree.parse(built.outdir / "index.xhtml")
    xhtml = "{http://www.w3.org/1999/xhtml}"
    times = [time.get("datetime") for time in tree.iter(f"{xhtml}time")]
    assert times == ["1920", "1949-12-16", "1950-02-17", "1950-02-14", "1960"]
    assert (built.outdir / "_static" / "sinosoviet-timeline.css").is_file()


def test_xml_doctree_keeps_the_event_data(rootdir: Path, tmp_path: Path) -> None:
    built = build(rootdir / "test-timeline-myst", "xml", tmp_path)
    tree = ElementTree.parse(built.outdir / "index.xml")
    treaty = next(
        event for event in tree.iter("timeline_event") if event.get("ids") == "treaty-1950"
    )
    assert treaty.get("edtf") == "1950-02-14"
    assert treaty.get("tags") == "treaty alliance"


def test_gettext_extracts_titles_and_bodies_but_not_dates_or_tags(
    rootdir: Path, tmp_path: Path
) -> None:
    built = build(rootdir / "test-timeline-myst", "gettext", tmp_path)
    msgids = [line for line in built.read("index.pot").splitlines() if line.startswith("msgid")]
    assert msgids == [
        'msgid ""',
        'msgid "Alliance"',
        'msgid "The alliance, *1949–1953*"',
        'msgid "Comintern agents in China"',
        'msgid "An approximate date {cite:p}`luthi2008split`."',
        'msgid "Mao Zedong in Moscow"',
        'msgid "Mao\'s only long journey abroad as head of state {cite:p}`shen2015mao`."',
        'msgid "Treaty of Friendship, Alliance and Mutual Assistance"',
        'msgid "Signed in **Moscow** {cite:p}`shen2015mao`; see also {ref}`split-event`."',
        'msgid "The split becomes public"',
        'msgid "Polemics {cite:p}`luthi2008split`."',
        'msgid "See {ref}`treaty-1950` and {ref}`alliance-timeline`."',
    ]


TRANSLATION = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The alliance"
msgstr "Das Bündnis"

msgid "Treaty of *Friendship*"
msgstr "Vertrag über *Freundschaft*"

msgid "Signed in Moscow."
msgstr "In Moskau unterzeichnet."
"""


def test_translated_event_text_is_used(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["myst_parser", "sinosoviet_ext.timeline"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'language = "de"\nlocale_dirs = ["locales"]\n'
        "sinosoviet_timeline_require_citation = False\n"
    )
    (tmp_path / "index.md").write_text(
        "# Alliance\n\n::::{timeline} The alliance\n:::{event} Treaty of *Friendship*\n"
        ":date: 1950-02-14\n\nSigned in Moscow.\n:::\n::::\n"
    )
    catalog = tmp_path / "locales" / "de" / "LC_MESSAGES" / "index.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(TRANSLATION, encoding="utf-8")
    app = make_app("html", srcdir=tmp_path, builddir=tmp_path / "_build")
    app.build()
    built = Built(tmp_path, Path(app.outdir), app.warning.getvalue())
    assert built.warnings == ""
    event = built.soup().select_one("li.timeline-event")
    assert built.soup().figcaption.get_text() == "Das Bündnis"
    assert event.select_one("p.timeline-title").decode_contents() == (
        "Vertrag über <em>Freundschaft</em>"
    )
    assert event.select_one("p.timeline-date").get_text() == "14. Februar 1950"
    assert event.select_one("div.timeline-body").get_text(strip=True) == "In Moskau unterzeichnet."
    assert event["id"] == "event-1950-02-14-treaty-of-friendship"
