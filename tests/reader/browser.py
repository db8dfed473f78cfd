"""Headless Chromium (the system's, never a downloaded one) driven by Playwright."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

# The flags the project's CI uses; they stop Chromium from phoning home during tests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 375, "height": 812}
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def find_chromium() -> str | None:
    """``READER_CHROMIUM``, else Debian's ``chromium`` on PATH, else ``/usr/bin/chromium``."""
    for candidate in (os.environ.get("READER_CHROMIUM"), shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    default = Path("/usr/bin/chromium")
    return str(default) if default.is_file() else None


def launch(playwright, executable: str) -> Browser:
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)


@dataclass
class Problems:
    """Everything a reader's browser complains about while showing one page."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)
    favicon_probes: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def settle_favicon_probes(self, declares_icon: bool) -> None:
        """Forgive the favicon probe only where the page names no icon of its own."""
        if declares_icon:
            self.http_errors.extend(self.favicon_probes)
        else:
            self.ignored.extend(f"{p} [browser's favicon probe]" for p in self.favicon_probes)
        self.favicon_probes = []

    def all(self) -> list[str]:
        return [
            *(f"console error: {m}" for m in self.console_errors),
            *(f"uncaught exception: {m}" for m in self.page_errors),
            *(f"request failed: {m}" for m in self.failed_requests),
            *(f"HTTP error: {m}" for m in self.http_errors),
            *(f"request leaves the site: {m}" for m in self.offsite_requests),
        ]


def is_favicon_probe(url: str, origin: str) -> bool:
    """Chromium asks every origin for ``/favicon.ico`` on its own when a page names no icon.

    The page does not make that request and readers never see its failure; on the
    published site the probe goes to the host's root, which the book does not control.
    It is the only request the reader tests forgive, and only when the page declares no
    ``<link rel="icon">`` (:meth:`Problems.settle_favicon_probes`).
    """
    return url == origin.rstrip("/") + "/favicon.ico"


def watch(page: Page, origin: str) -> Problems:
    """Record console errors, uncaught exceptions, failed and off-site requests of *page*.

    Requests that would leave the loopback interface are blocked and recorded: a book
    page must not need a third-party server (nor tell one who reads it).
    """
    problems = Problems()

    def forgiven(url: str, what: str) -> bool:
        if is_favicon_probe(url, origin):
            problems.favicon_probes.append(what)
            return True
        return False

    def on_console(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "") if message.location else ""
        if url and forgiven(url, f"console error: {message.text} ({url})"):
            return
        problems.console_errors.append(f"{message.text} ({url or 'no location'})")

    def on_response(response: Response) -> None:
        if response.status >= 400 and not forgiven(
            response.url, f"HTTP error: {response.status} {response.url}"
        ):
            problems.http_errors.append(f"{response.status} {response.url}")

    def on_failed(request: Request) -> None:
        if urlsplit(request.url).hostname in LOOPBACK or request.url.startswith("data:"):
            problems.failed_requests.append(f"{request.url} ({request.failure})")

    def on_route(route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
            route.continue_()
        else:
            problems.offsite_requests.append(url)
            route.abort("blockedbyclient")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.route("**/*", on_route)
    return problems


def new_context(browser: Browser, viewport: dict, scheme: str = "light") -> BrowserContext:
    return browser.new_context(
        viewport=viewport, color_scheme=scheme, reduced_motion="reduce", locale="en-GB"
    )


def visit(context: BrowserContext, url: str) -> tuple[Page, Problems]:
    """Open *url* in a new tab, wait until it and its resources are loaded."""
    page = context.new_page()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    problems = watch(page, origin)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    problems.settle_favicon_probes(page.evaluate("!!document.querySelector('link[rel~=\"icon\"]')"))
    return page, problems


def screenshot(page: Page, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    print(f"screenshot: {path}")
    return path


def shot_name(page_path: str, viewport: dict, scheme: str) -> str:
    stem = page_path.removesuffix(".html").replace("/", "--")
    return f"{stem}@{viewport['width']}px-{scheme}.png"
