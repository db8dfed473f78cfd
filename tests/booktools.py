"""Build the real book in tests, without touching the source tree."""

from __future__ import annotations

from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


@dataclass
class BuiltBook:
    outdir: Path
    warnings: str

    def read(self, page: str) -> str:
        return (self.outdir / page).read_text(encoding="utf-8")


def build_book(builder: str, builddir: Path, srcdir: Path = DOCS, **kwargs: Any) -> BuiltBook:
    """Build the real ``docs/`` (or a copy) into *builddir*, leaving the source untouched."""
    warnings = StringIO()
    app = SphinxTestApp(
        builder, srcdir=srcdir, builddir=builddir, freshenv=True,
        status=StringIO(), warning=warnings, **kwargs,
    )  # fmt: skip
    try:
        app.build()
    finally:
        app.cleanup()
    return BuiltBook(outdir=Path(app.outdir), warnings=warnings.getvalue())
