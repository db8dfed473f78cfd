"""The built book served on the loopback interface, and the pages readers are checked on."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bs4 import BeautifulSoup

# The pages every reader test visits: the home page, a period chapter (it may still be
# a stub), the guide whose live examples are the book's richest timelines, the
# chronology that gathers every chapter's events, and the bibliography.
READER_PAGES = [
    "index.html",
    "periods/the-alliance.html",
    "contributing/timelines.html",
    "back-matter/chronology.html",
    "back-matter/bibliography.html",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files and keeps pytest's output free of one log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve *directory* on 127.0.0.1 at a free port; yield the base URL (with a slash)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="book-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def pages_with_timelines(outdir: Path) -> list[str]:
    """Every built page that draws at least one timeline, reader pages first."""
    found = []
    for path in sorted(outdir.rglob("*.html")):
        page = path.relative_to(outdir).as_posix()
        html = path.read_text(encoding="utf-8")
        if "timeline" in html and BeautifulSoup(html, "html.parser").select_one("figure.timeline"):
            found.append(page)
    return [p for p in READER_PAGES if p in found] + [p for p in found if p not in READER_PAGES]
