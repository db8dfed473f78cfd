"""Shared fixtures: test roots, the real book, and the book's LaTeX settings."""

from __future__ import annotations

import runpy
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from booktools import DOCS, BuiltBook, build_book


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def book_html(tmp_path_factory: pytest.TempPathFactory) -> BuiltBook:
    return build_book("html", tmp_path_factory.mktemp("book"))


@pytest.fixture(scope="session")
def book_latex_settings() -> dict[str, Any]:
    """The book's own PDF settings, so that small roots are typeset like the book."""
    conf = runpy.run_path(str(DOCS / "conf.py"))
    return {key: conf[key] for key in ("latex_engine", "latex_elements")}


@pytest.fixture
def needs_latex() -> Iterator[None]:
    missing = [tool for tool in ("xelatex", "latexmk", "make") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"PDF tools not installed: {', '.join(missing)}")
    yield
