"""The contributor documentation stays true: commands exist, templates build, checks speak."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from booktools import DOCS, REPO, build_book

CONTRIBUTOR_DOCS = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted(DOCS.rglob("*.md"))]
NOX_COMMAND = re.compile(r"\bnox -s ([a-z][\w-]*(?:[ ,]+[a-z][\w-]*)*)")


def nox_sessions() -> set[str]:
    tree = ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("nox.session" in ast.unparse(decorator) for decorator in node.decorator_list)
    }


def mentioned_sessions() -> dict[str, set[str]]:
    mentioned: dict[str, set[str]] = {}
    for path in CONTRIBUTOR_DOCS:
        if "_build" in path.parts:
            continue
        for match in NOX_COMMAND.finditer(path.read_text(encoding="utf-8")):
            for name in re.split(r"[ ,]+", match.group(1).strip()):
                mentioned.setdefault(name, set()).add(str(path.relative_to(REPO)))
    return mentioned


def test_every_nox_session_the_docs_mention_exists() -> None:
    mentioned = mentioned_sessions()
    assert {"docs", "tests", "lint", "pdf", "preview"} <= mentioned.keys()
    missing = {name: places for name, places in mentioned.items() if name not in nox_sessions()}
    assert missing == {}


def test_ci_runs_the_readme_test_command() -> None:
    readme_test = next(
        line.split("#")[0].strip()
        for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
        if "nox -s tests" in line
    )
    assert readme_test in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_workflow_mirrors_ci_and_keeps_the_pdf() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["book"]["steps"]
    assert any(step.get("run") == "bash .ci/run" for step in steps)
    uploads = [step["with"]["path"] for step in steps if "upload-artifact" in step.get("uses", "")]
    assert "docs/_build/latex/allies-and-rivals.pdf" in uploads


def test_link_check_runs_on_a_schedule_and_never_blocks_pull_requests() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/linkcheck.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert "schedule" in triggers
    assert "pull_request" not in triggers
    assert "gh issue create" in yaml.safe_dump(workflow)


def test_factual_error_form_has_page_claim_and_source() -> None:
    form = yaml.safe_load(
        (REPO / ".github/ISSUE_TEMPLATE/factual-error.yml").read_text(encoding="utf-8")
    )
    ids = {field.get("id") for field in form["body"]}
    assert {"page", "claim", "source"} <= ids


def test_chapter_template_builds_without_warnings(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build"))
    shutil.copy(REPO / "references.bib", tmp_path / "references.bib")
    (docs / "drafts").mkdir()
    shutil.copy(DOCS / "_templates" / "chapter-template.md", docs / "drafts" / "new.md")
    index = docs / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n```{toctree}\n:hidden:\n\ndrafts/new\n```\n",
        encoding="utf-8",
    )
    book = build_book("html", tmp_path / "out", srcdir=docs)
    template_warnings = [line for line in book.warnings.splitlines() if "drafts/new" in line]
    assert template_warnings == []
    assert "Treaty of Friendship" in book.read("drafts/new.html")


def test_every_page_offers_edit_and_correction_links(book_html) -> None:
    html = book_html.read("about.html")
    assert "/edit/main/docs/about.md" in html
    assert "issues/new?template=factual-error.yml" in html
    assert "page=https%3A//allies-and-rivals.readthedocs.io/en/latest/about.html" in html


@pytest.fixture
def style_app(make_app, rootdir: Path, tmp_path: Path, monkeypatch) -> SphinxTestApp:
    monkeypatch.syspath_prepend(str(DOCS / "_ext"))
    source = tmp_path / "book-style"
    shutil.copytree(rootdir / "test-book-style", source)
    return make_app("html", srcdir=source)


def test_style_checks_name_file_line_and_fix(style_app: SphinxTestApp) -> None:
    style_app.build()
    warnings = [
        re.sub(r"^.*?(periods/|index)", r"\1", line)
        for line in strip_escape_sequences(style_app.warning.getvalue()).splitlines()
    ]
    assert warnings == [
        "periods/bad.md:4: WARNING: write 'Khrushchev', not 'Khruschev' (banned misspelling)"
        " [book.style]",
        "periods/bad.md:4: WARNING: write 'Friendship', not 'Freindship' (banned misspelling)"
        " [book.style]",
        "periods/bad.md:4: WARNING: write dates as '14 February 1950', not 'February 14, 1950'"
        " (style guide: dates) [book.style]",
        "periods/bad.md:1: WARNING: open the chapter with the label '(bad)=' on the line before"
        " its title [book.style]",
        "periods/bad.md:1: WARNING: end the chapter with a '## Works cited' section that holds"
        " its bibliography [book.style]",
        "periods/bad.md:1: WARNING: give the period's span in the front matter, e.g. 'period:"
        " 1949/1953' [book.style]",
        "periods/bad.md:1: WARNING: give the period's timeline at least 8 events (found 0)"
        " [book.style]",
    ]
