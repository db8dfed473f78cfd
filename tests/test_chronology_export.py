"""``timeline.json`` (TimelineJS3) and ``timeline.csv``, from real builds.

The JSON is validated against ``schemas/timelinejs.schema.json``, which describes the
subset of TimelineJS3 we write and closes every object, so that an unexpected field (or a
``null`` that TimelineJS would read as a date) fails. Roots: ``test-chronology`` (dates
to the day, the month and the year, an interval, citations, a footnote) and
``test-chronology-filters`` (intervals open at either end).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas/timelinejs.schema.json").read_text(encoding="utf-8")
)
DATA_FILES = ("timeline.json", "timeline.csv")


@dataclass
class Export:
    outdir: Path
    warnings: str

    @property
    def events(self) -> list[dict[str, Any]]:
        return json.loads((self.outdir / "timeline.json").read_text(encoding="utf-8"))["events"]

    @property
    def rows(self) -> list[dict[str, str]]:
        with (self.outdir / "timeline.csv").open(encoding="utf-8", newline="") as file:
            return list(csv.DictReader(file))

    def by_headline(self) -> dict[str, dict[str, Any]]:
        return {event["text"]["headline"]: event for event in self.events}

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / page).read_text(encoding="utf-8"), "html.parser")


def build(srcdir: Path, builddir: Path, buildername: str = "html") -> Export:
    app = SphinxTestApp(buildername, srcdir=srcdir, builddir=builddir, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    return Export(Path(app.outdir), strip_escape_sequences(app.warning.getvalue()))


@pytest.fixture(scope="module")
def book(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Export:
    return build(rootdir / "test-chronology", tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def views(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Export:
    return build(rootdir / "test-chronology-filters", tmp_path_factory.mktemp("export-views"))


@pytest.fixture(params=["book", "views"])
def export(request: pytest.FixtureRequest) -> Export:
    return request.getfixturevalue(request.param)


def test_schema_is_valid() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_json_matches_the_schema(export: Export) -> None:
    document = json.loads((export.outdir / "timeline.json").read_text(encoding="utf-8"))

    errors = [error.message for error in Draft202012Validator(SCHEMA).iter_errors(document)]

    assert errors == []
    assert export.warnings == ""


def test_dates_have_only_the_fields_the_date_knows(book: Export) -> None:
    events = book.by_headline()

    assert [event["text"]["headline"] for event in book.events] == [
        "Mao Zedong in Moscow",
        "Treaty of Friendship, Alliance and Mutual Assistance",
        "Khrushchev in Beijing",
        "The split becomes public",
    ]
    assert events["Treaty of Friendship, Alliance and Mutual Assistance"]["start_date"] == {
        "year": 1950, "month": 2, "day": 14, "display_date": "14 February 1950",
    }  # fmt: skip
    assert events["Khrushchev in Beijing"]["start_date"] == {
        "year": 1958, "month": 7, "display_date": "July 1958",
    }  # fmt: skip
    assert events["The split becomes public"]["start_date"] == {
        "year": 1960, "display_date": "1960",
    }  # fmt: skip
    assert events["Mao Zedong in Moscow"]["end_date"] == {
        "year": 1950, "month": 2, "day": 17, "display_date": "17 February 1950",
    }  # fmt: skip


def test_end_date_only_for_intervals_with_a_known_end(views: Export) -> None:
    dates = {
        event["edtf"]: (event["start_date"]["year"], event.get("end_date", {}).get("year"))
        for event in views.events
    }

    assert dates == {
        "1945-08-14": (1945, None),
        "1949-10-01": (1949, None),
        "1949-12-16/1950-02-17": (1949, 1950),
        "1950-02-14": (1950, None),
        "../1960-08": (1960, None),  # TimelineJS needs a start: the known end stands in
        "1956-02-25": (1956, None),
        "1960": (1960, None),
        "1969-03/..": (1969, None),  # open end: no end_date, and never a null one
    }


def test_text_keeps_citations_as_text_without_internal_links(book: Export) -> None:
    events = book.by_headline()
    treaty = events["Treaty of Friendship, Alliance and Mutual Assistance"]["text"]["text"]
    visit = events["Khrushchev in Beijing"]["text"]["text"]

    assert "Shen and Xia" in treaty
    assert "2015" in treaty
    assert "The split becomes public" in treaty  # the {ref}, as its text
    assert "[1]" not in visit  # the footnote is not exported, nor is its mark
    for event in book.events:
        assert "<a " not in event["text"]["text"], event["text"]["headline"]


def test_unique_ids_are_unique_and_labels_are_kept(export: Export) -> None:
    ids = [event["unique_id"] for event in export.events]

    assert len(ids) == len(set(ids))
    assert "split-public" in ids


def test_csv_has_the_same_events_in_the_same_order(export: Export) -> None:
    rows, events = export.rows, export.events

    assert [row["unique_id"] for row in rows] == [event["unique_id"] for event in events]
    assert [(row["edtf"], row["headline"], row["url"]) for row in rows] == [
        (event["edtf"], event["text"]["headline"], event["url"]) for event in events
    ]
    assert all("<" not in row["text"] for row in rows)


def test_csv_text_is_plain(book: Export) -> None:
    rows = {row["headline"]: row for row in book.rows}

    assert rows["The split becomes public"]["text"] == "Open polemics [Lüthi, 2008]."
    assert rows["Mao Zedong in Moscow"]["start_date"] == "1949-12-16"
    assert rows["Mao Zedong in Moscow"]["end_date"] == "1950-02-17"
    assert rows["The split becomes public"]["tags"] == "polemics"


@pytest.mark.parametrize(
    ("buildername", "page", "hrefs"),
    [
        ("html", "chronology.html", ["timeline.json", "timeline.csv"]),
        ("dirhtml", "chronology/index.html", ["../timeline.json", "../timeline.csv"]),
        ("singlehtml", "index.html", ["timeline.json", "timeline.csv"]),
    ],
)
def test_data_files_are_linked_from_the_chronology(
    rootdir: Path, tmp_path: Path, buildername: str, page: str, hrefs: list[str]
) -> None:
    built = build(rootdir / "test-chronology", tmp_path, buildername)
    chronology = built.soup(page).select_one("div.chronology")  # singlehtml: the first
    links = chronology.select("p.timeline-downloads a")

    assert [link["href"] for link in links] == hrefs
    for href, name in zip(hrefs, DATA_FILES, strict=True):
        assert ((built.outdir / page).parent / href).resolve() == built.outdir / name
        assert (built.outdir / name).is_file()
    assert built.warnings == ""


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_every_url_leads_to_its_event(rootdir: Path, tmp_path: Path, buildername: str) -> None:
    built = build(rootdir / "test-chronology-filters", tmp_path, buildername)

    for event in built.events:
        page = built.outdir / event["page"]
        page = page / "index.html" if event["page"].endswith("/") else page
        target = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert event["url"] == f"{event['page']}#{event['anchor']}"
        title = target.find(id=event["anchor"]).select_one("p.timeline-title")
        assert title.get_text() == event["text"]["headline"]


@pytest.mark.parametrize("buildername", ["epub", "latex"])
def test_no_data_files_for_other_builders(rootdir: Path, tmp_path: Path, buildername: str) -> None:
    built = build(rootdir / "test-chronology", tmp_path, buildername)

    assert [name for name in DATA_FILES if (built.outdir / name).exists()] == []
    if buildername == "epub":
        page = built.soup("chronology.xhtml")
        assert page.select("div.chronology li.timeline-event")  # the events are there,
        assert not page.select("p.timeline-downloads")  # but no link to missing files
