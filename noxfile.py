"""Every job a contributor, CI or Read the Docs runs, as nox sessions.

Sessions use the interpreter that runs nox, so a fresh machine with only its own
``python3`` works. Packages are installed with the constraints in
``requirements/dev.txt`` (refresh them with ``nox -s lock``).
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import nox

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
CONSTRAINTS = ROOT / "requirements" / "dev.txt"
DOCS_LOCK = ROOT / "requirements" / "docs.txt"
OLDEST_PYTHON = "3.11"
BANNED_SPELLINGS = DOCS / "_lint" / "banned-spellings.txt"
CONFIG_SCHEMAS = {
    "vendor.github-workflows": sorted(ROOT.glob(".github/workflows/*.yml")),
    "vendor.github-issue-forms": sorted(
        path for path in ROOT.glob(".github/ISSUE_TEMPLATE/*.yml") if path.name != "config.yml"
    ),
    "vendor.readthedocs": [ROOT / ".readthedocs.yaml"],
}
SPHINX_STRICT = ["-n", "-W", "--keep-going"]

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests", "docs"]


def install(session: nox.Session, *extras: str) -> None:
    """Install the project with the given extras, pinned by the lock file."""
    target = f".[{','.join(extras)}]" if extras else "."
    session.install("-c", str(CONSTRAINTS), "-e", target)


def sphinx_build(session: nox.Session, builder: str, outdir: Path, *extra: str) -> None:
    session.run(
        "sphinx-build", "-b", builder, "-d", str(BUILD / "doctrees" / builder),
        *SPHINX_STRICT, *extra, *session.posargs, str(DOCS), str(outdir),
    )  # fmt: skip


@nox.session
def docs(session: nox.Session) -> None:
    """Build the website into docs/_build/html (parallel, warnings are errors)."""
    install(session, "docs")
    sphinx_build(session, "html", BUILD / "html", "-j", "auto")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF with XeLaTeX into docs/_build/latex (needs TeX; see README)."""
    for tool in ("xelatex", "latexmk"):
        if shutil.which(tool) is None:
            session.error(f"{tool} is not installed; see the README for the TeX packages.")
    install(session, "docs")
    sphinx_build(session, "latex", BUILD / "latex")
    session.run("make", "-C", str(BUILD / "latex"), "all-pdf", external=True)


@nox.session
def epub(session: nox.Session) -> None:
    """Build the EPUB into docs/_build/epub and check it with epubcheck if present."""
    install(session, "docs")
    sphinx_build(session, "epub", BUILD / "epub")
    epubcheck = epubcheck_command()
    if epubcheck is None:
        session.warn("epubcheck is not installed; the EPUB was built but not checked.")
        return
    for book in sorted((BUILD / "epub").glob("*.epub")):
        session.run(*epubcheck, str(book), external=True)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (PDF tests skip where XeLaTeX is absent)."""
    install(session, "docs", "test")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Code style, spelling, configuration files and the chapters' hard rules."""
    install(session, "docs", "lint")
    session.run("ruff", "check", *session.posargs)
    session.run("ruff", "format", "--check", "--diff")
    session.run("codespell", "-D", "-", "-D", str(BANNED_SPELLINGS))
    session.run("validate-pyproject", "pyproject.toml")
    for schema, files in CONFIG_SCHEMAS.items():
        session.run("check-jsonschema", "--builtin-schema", schema, *map(str, files))
    # references.bib: fields, keys, duplicates, ISBNs and DOIs are errors; entries no
    # chapter cites yet are listed as warnings (see docs/contributing/citing.md).
    session.run(
        "python", "-m", "sinosoviet_ext.citations.hygiene", "references.bib", "--docs", "docs"
    )  # fmt: skip
    # The style guide's hard rules and every build warning, MyST-aware: a read-only
    # Sphinx pass (the dummy builder writes nothing).
    session.run(
        "sphinx-build", "-b", "dummy", "-q", *SPHINX_STRICT,
        "-d", str(BUILD / "doctrees" / "lint"), str(DOCS), str(BUILD / "lint"),
    )  # fmt: skip


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check links: internal ones always, external ones where the network allows."""
    install(session, "docs")
    extra: list[str] = []
    if not network_available():
        session.warn("No network: only internal links are checked this time.")
        extra = ["-D", "linkcheck_ignore=^https?://,^mailto:"]
    sphinx_build(session, "linkcheck", BUILD / "linkcheck", *extra)


@nox.session
def preview(session: nox.Session) -> None:
    """Serve a live preview that rebuilds when chapters, references or the extension change."""
    install(session, "docs")
    session.run(
        "sphinx-autobuild", str(DOCS), str(BUILD / "preview"), "-n", "--keep-going",
        "--watch", str(ROOT / "references.bib"),
        "--watch", str(ROOT / "src" / "sinosoviet_ext"),
        "--ignore", "*/_build/*",
        *session.posargs,
    )  # fmt: skip


@nox.session
def bench(session: nox.Session) -> None:
    """Measure what timelines cost a build, up to 10,000 events (writes docs/performance/)."""
    install(session, "docs")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session(venv_backend="virtualenv")
def lock(session: nox.Session) -> None:
    """Resolve the pinned requirement files again for the oldest supported Python."""
    session.install("uv")
    for output, extras in ((DOCS_LOCK, ["docs"]), (CONSTRAINTS, ["docs", "test", "lint"])):
        extra_args = [arg for extra in extras for arg in ("--extra", extra)]
        session.run(
            "uv", "pip", "compile", "pyproject.toml", *extra_args,
            "--python-version", OLDEST_PYTHON, "--upgrade", "--quiet",
            "--custom-compile-command", "nox -s lock", "-o", str(output),
        )  # fmt: skip


def epubcheck_command() -> list[str] | None:
    """Debian's ``epubcheck`` is a bare jar; run it with java where binfmt is not set up."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    program = Path(found).resolve()
    return ["java", "-jar", str(program)] if program.suffix == ".jar" else [str(program)]


def network_available(host: str = "www.sphinx-doc.org", port: int = 443) -> bool:
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False
