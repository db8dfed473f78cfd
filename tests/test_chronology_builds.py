"""Correct builds: serial, parallel and incremental builds of one book give the same pages.

What is compared (:class:`Outputs`) is what gathers data from other documents: the
``<div class="chronology">`` fragments of ``chronology.html`` (every event) and
``treaties.html`` (a tag filter), ``timeline.json``, ``timeline.csv``, and the paragraph
of ``chapters/split.html`` whose ``{timeline:event}`` role shows the title and date of an
event in ``chapters/alliance``. Nothing is normalised: these outputs hold no timestamps,
no absolute paths and no counters that depend on the order in which documents were read,
so any difference is a bug.

Each edit scenario builds a copy of ``test-chronology``, edits it, builds again with a
new application on the same source and build directories (an incremental build, as
``sphinx-build`` would run it), and compares with a clean build of the edited sources.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from sinosoviet_ext.timeline.domain import TimelineDomain

ROOT = "test-chronology"
MakeApp = Callable[..., SphinxTestApp]
WRITTEN = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)$", re.MULTILINE)
THAW = """\
# The thaw

::::{timeline}

:::{event} Soviet advisers withdrawn
:date: 1960-07-16
:tags: advisers

Recalled within weeks {cite:p}`luthi2008split`.
:::
::::
"""


@dataclass(frozen=True)
class Outputs:
    chronology: str
    treaties: str
    json: str
    csv: str
    split: str


def outputs(app: SphinxTestApp) -> Outputs:
    outdir = Path(app.outdir)
    return Outputs(
        chronology=fragment(outdir / "chronology.html", "div.chronology"),
        treaties=fragment(outdir / "treaties.html", "div.chronology"),
        json=(outdir / "timeline.json").read_text(encoding="utf-8"),
        csv=(outdir / "timeline.csv").read_text(encoding="utf-8"),
        split=fragment(outdir / "chapters/split.html", "#the-split > p"),
    )


def fragment(page: Path, selector: str) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return str(soup.select_one(selector))


def build(make_app: MakeApp, srcdir: Path, builddir: Path, **kwargs: Any) -> SphinxTestApp:
    app = make_app("html", srcdir=srcdir, builddir=builddir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()  # before the next application of the same test starts
    assert strip_escape_sequences(app.warning.getvalue()) == ""
    return app


def written(app: SphinxTestApp) -> set[str]:
    """Documents whose pages this build wrote, from its status output."""
    # With colour (as under CI=true) Sphinx ends progress lines with "\r", not "\n".
    status = strip_escape_sequences(app.status.getvalue()).replace("\r", "\n")
    return set(WRITTEN.findall(status))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_thaw(srcdir: Path) -> None:
    (srcdir / "chapters/thaw.md").write_text(THAW, encoding="utf-8")
    edit(srcdir / "index.md", "chapters/split\n", "chapters/split\nchapters/thaw\n")


@pytest.fixture
def srcdir(rootdir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "src"
    shutil.copytree(rootdir / ROOT, copy)
    return copy


@pytest.fixture
def merged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Documents whose timeline data came back from a parallel worker."""
    calls: list[str] = []
    original = TimelineDomain.merge_domaindata

    def spy(self: TimelineDomain, docnames: Any, otherdata: dict[str, Any]) -> None:
        calls.extend(docnames)
        original(self, docnames, otherdata)

    monkeypatch.setattr(TimelineDomain, "merge_domaindata", spy)
    return calls


@pytest.fixture(scope="module")
def clean(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """A clean serial build of the root, as it is."""
    app = SphinxTestApp(
        "html", srcdir=rootdir / ROOT, builddir=tmp_path_factory.mktemp("clean"), freshenv=True
    )
    try:
        app.build()
    finally:
        app.cleanup()
    assert strip_escape_sequences(app.warning.getvalue()) == ""
    return app


def test_parallel_build_matches_serial_build(
    clean: SphinxTestApp, rootdir: Path, tmp_path: Path, make_app: MakeApp, merged: list[str]
) -> None:
    app = build(make_app, rootdir / ROOT, tmp_path, parallel=2)

    assert {"chapters/alliance", "chapters/split"} <= set(merged)  # read by workers
    assert outputs(app) == outputs(clean)


EDITS = {
    "event": [
        ("chapters/alliance.md", ":date: 1950-02-14", ":date: 1950-02-15"),
        ("chapters/alliance.md", "Friendship, Alliance and Mutual Assistance", "Friendship"),
    ],
    "title and period": [
        ("chapters/alliance.md", "period: 1949/1953", "period: 1949/1956"),
        ("chapters/alliance.md", "# The alliance", "# The alliance years"),
    ],
    "excluded from chronologies": [
        ("chapters/split.md", "# The split", "---\nchronology: exclude\n---\n\n# The split"),
    ],
}


@pytest.mark.parametrize("scenario", EDITS)
def test_incremental_build_after_edit_matches_clean_build(
    srcdir: Path, tmp_path: Path, make_app: MakeApp, scenario: str
) -> None:
    before = outputs(build(make_app, srcdir, tmp_path / "_build"))
    for name, old, new in EDITS[scenario]:
        edit(srcdir / name, old, new)

    app = build(make_app, srcdir, tmp_path / "_build")

    assert {"chronology", "treaties"} <= written(app)
    assert outputs(app) != before
    assert outputs(app) == outputs(build(make_app, srcdir, tmp_path / "clean"))


def test_edited_event_shows_in_chronology_and_exports(
    srcdir: Path, tmp_path: Path, make_app: MakeApp
) -> None:
    build(make_app, srcdir, tmp_path / "_build")
    for name, old, new in EDITS["event"]:
        edit(srcdir / name, old, new)

    app = build(make_app, srcdir, tmp_path / "_build")

    after = outputs(app)
    for output in (after.chronology, after.treaties):
        assert "Treaty of Friendship</p>" in output
        assert "15 February 1950" in output
        assert "Mutual Assistance" not in output
    events = {event["unique_id"]: event for event in json.loads(after.json)["events"]}
    assert events["treaty-1950"]["text"]["headline"] == "Treaty of Friendship"
    assert events["treaty-1950"]["start_date"]["day"] == 15
    assert "treaty-1950,1950-02-15,15 February 1950,1950-02-15,,Treaty of Friendship," in after.csv
    # chapters/split names the treaty with {timeline:event}: its page is written again
    assert "chapters/split" in written(app)
    assert "Treaty of Friendship (15 February 1950)</span></a>" in after.split


def test_added_chapter_appears(srcdir: Path, tmp_path: Path, make_app: MakeApp) -> None:
    build(make_app, srcdir, tmp_path / "_build")
    add_thaw(srcdir)

    app = build(make_app, srcdir, tmp_path / "_build")
    after = outputs(app)

    assert "chronology" in written(app)
    assert 'href="chapters/thaw.html">The thaw</a>' in after.chronology
    assert "Soviet advisers withdrawn" in after.json
    assert "Soviet advisers withdrawn" in after.csv
    assert "Soviet advisers withdrawn" not in after.treaties  # not a treaty
    assert after == outputs(build(make_app, srcdir, tmp_path / "clean"))


def test_deleted_chapter_leaves_no_stale_events(
    clean: SphinxTestApp, srcdir: Path, tmp_path: Path, make_app: MakeApp
) -> None:
    add_thaw(srcdir)
    with_thaw = outputs(build(make_app, srcdir, tmp_path / "_build"))
    assert "Soviet advisers withdrawn" in with_thaw.json
    (srcdir / "chapters/thaw.md").unlink()
    edit(srcdir / "index.md", "chapters/thaw\n", "")

    app = build(make_app, srcdir, tmp_path / "_build")

    after = outputs(app)
    assert "chronology" in written(app)
    for output in (after.chronology, after.json, after.csv):
        assert "thaw" not in output.lower()
        assert "Soviet advisers withdrawn" not in output
    assert after == outputs(clean)  # the sources are the root's again


def test_prose_edit_rewrites_the_chapter_not_the_chronology(
    srcdir: Path, tmp_path: Path, make_app: MakeApp
) -> None:
    first = build(make_app, srcdir, tmp_path / "_build")
    outdir = Path(first.outdir)
    pages = ("chapters/alliance.html", "chronology.html", "treaties.html")
    mtimes = {page: (outdir / page).stat().st_mtime_ns for page in pages}
    edit(srcdir / "chapters/alliance.md", "long visit to Moscow.", "long visit to Moscow in 1949.")

    app = build(make_app, srcdir, tmp_path / "_build")

    assert "chapters/alliance" in written(app)
    assert written(app).isdisjoint({"chronology", "treaties", "chapters/split"})
    rewritten = [page for page in pages if (outdir / page).stat().st_mtime_ns != mtimes[page]]
    assert rewritten == ["chapters/alliance.html"]
    assert outputs(app) == outputs(first)


def test_parallel_incremental_build_merges_worker_data(
    clean: SphinxTestApp, srcdir: Path, tmp_path: Path, make_app: MakeApp, merged: list[str]
) -> None:
    build(make_app, srcdir, tmp_path / "_build")
    edit(srcdir / "chapters/alliance.md", ":date: 1950-02-14", ":date: 1950-02-15")
    edit(srcdir / "chapters/split.md", ":date: 1958-07", ":date: 1958-08")

    app = build(make_app, srcdir, tmp_path / "_build", parallel=2)

    assert sorted(merged) == ["chapters/alliance", "chapters/split"]
    assert outputs(app) != outputs(clean)
    assert outputs(app) == outputs(build(make_app, srcdir, tmp_path / "clean"))


def test_environment_of_an_older_version_is_not_reused(
    clean: SphinxTestApp, srcdir: Path, tmp_path: Path, make_app: MakeApp
) -> None:
    """Event records without a field this version reads must not reach the writers."""
    app = build(make_app, srcdir, tmp_path / "_build")
    pickled = Path(app.doctreedir) / "environment.pickle"
    env = pickle.loads(pickled.read_bytes())
    old = env.domaindata["timeline"]
    old["version"] = 0  # what the domain stored before it declared a data_version
    for records in old["events"].values():
        for record in records:
            del record["gathered"]
    pickled.write_bytes(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))

    app = build(make_app, srcdir, tmp_path / "_build")

    assert outputs(app) == outputs(clean)


def test_domain_data_is_small_and_holds_no_nodes(clean: SphinxTestApp) -> None:
    data = clean.env.domains["timeline"].data
    events = [event for records in data["events"].values() for event in records]

    size = len(pickle.dumps(data, pickle.HIGHEST_PROTOCOL))

    assert len(events) == 4
    assert size < 1024 * len(events)
    assert not [value for value in leaves(data) if isinstance(value, nodes.Node)]
    assert {type(value) for value in leaves(data)} <= {str, int, bool}


def leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for item in value.items() for part in item for leaf in leaves(part)]
    if isinstance(value, list | tuple):
        return [leaf for item in value for leaf in leaves(item)]
    return [value]
