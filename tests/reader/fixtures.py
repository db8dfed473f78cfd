"""Fixtures of the reader tests; each test module imports the ones it uses.

The book itself is built once per session by conftest's ``book_html``; what is set up
here (a server, a browser) is cheap and set up once per module.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from booktools import BuiltBook

from .browser import find_chromium, launch
from .site import serve


@pytest.fixture(scope="session")
def chromium_path() -> str:
    found = find_chromium()
    if found is None:
        pytest.skip(
            "Chromium is not installed (apt-get install chromium, or set READER_CHROMIUM); "
            "the reader tests never let Playwright download a browser"
        )
    return found


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright, chromium_path)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def site(book_html: BuiltBook) -> Iterator[str]:
    """Base URL (ending in a slash) of the built book, served on 127.0.0.1."""
    with serve(book_html.outdir) as url:
        yield url


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``READER_SCREENSHOTS`` if set (CI keeps that folder), else a folder in pytest's tmp."""
    configured = os.environ.get("READER_SCREENSHOTS")
    folder = Path(configured) if configured else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    return found
