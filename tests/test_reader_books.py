"""The book as EPUB and PDF, the way readers download it.

The EPUB passes epubcheck without errors. The PDF of the whole book (not a small test
root) embeds every font, carries its Chinese and Cyrillic as text, has no unresolved
reference ("??") or citation ("[?]"), and its bookmarks list every chapter of the
toctree in order.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from booktools import BuiltBook, build_book

# Fixtures shared by the reader tests (a browser, the served book, Java).
pytest_plugins = ["reader.fixtures"]


pytestmark = pytest.mark.browser

PDF_NAME = "allies-and-rivals"


def epubcheck_command(java: str) -> list[str]:
    """As noxfile.epubcheck_command: Debian's ``epubcheck`` is a bare jar."""
    found = shutil.which("epubcheck")
    if found is None:
        pytest.skip("epubcheck is not installed (apt-get install epubcheck)")
    program = Path(found).resolve()
    return [java, "-jar", str(program)] if program.suffix == ".jar" else [str(program)]


def test_epub_passes_epubcheck(java: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    book = build_book("epub", tmp_path_factory.mktemp("epub"))
    assert book.warnings == ""
    (epub,) = sorted(book.outdir.glob("*.epub"))
    result = subprocess.run(
        [*epubcheck_command(java), str(epub)], capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", output)
    summary = counts.group(0) if counts else "no summary"
    print(f"epubcheck {epub.name}: {summary}")
    for line in output.splitlines():
        if line.startswith(("FATAL", "ERROR", "WARNING")):
            print(f"  {line}")
    assert re.findall(r"^(?:FATAL|ERROR)\(.*", output, re.MULTILINE) == []
    assert result.returncode == 0, output[-3000:]


@dataclass
class BuiltPdf:
    pdf: Path
    log: str
    text: str


def poppler(*args: str) -> str:
    if shutil.which(args[0]) is None:
        pytest.skip(f"{args[0]} (poppler-utils) is not installed")
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory: pytest.TempPathFactory) -> BuiltPdf:
    missing = [tool for tool in ("xelatex", "latexmk", "make") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"PDF tools not installed: {', '.join(missing)}")
    book = build_book("latex", tmp_path_factory.mktemp("pdf"))
    # pytest.fail, not assert: a broken build must not pass for an expected failure below.
    if book.warnings:
        pytest.fail(f"the LaTeX build warned:\n{book.warnings}")
    result = subprocess.run(
        ["make", "-C", str(book.outdir), "all-pdf"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"make all-pdf failed:\n{result.stdout[-3000:]}")
    pdf = book.outdir / f"{PDF_NAME}.pdf"
    log = (book.outdir / f"{PDF_NAME}.log").read_text(encoding="utf-8", errors="replace")
    return BuiltPdf(pdf=pdf, log=log, text=poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-"))


@pytest.mark.usefixtures("needs_latex")
def test_pdf_embeds_every_font(book_pdf: BuiltPdf) -> None:
    listing = poppler("pdffonts", str(book_pdf.pdf)).splitlines()
    header, rows = listing[0], listing[2:]
    assert header.split()[-5:] == ["emb", "sub", "uni", "object", "ID"]
    for row in rows:
        print(f"  {row}")
    assert rows, "pdffonts listed no fonts"
    assert [row for row in rows if row.split()[-5] != "yes"] == []


@pytest.mark.usefixtures("needs_latex")
def test_pdf_has_chinese_and_cyrillic_as_text(book_pdf: BuiltPdf) -> None:
    for words in ("毛泽东", "Хрущёв"):
        assert words in book_pdf.text, f"{words} is not extractable from the PDF"


@pytest.mark.usefixtures("needs_latex")
def test_pdf_has_no_unresolved_references_or_citations(book_pdf: BuiltPdf) -> None:
    lines = book_pdf.text.splitlines()
    unresolved = [line for line in lines if "??" in line]
    missing_citations = [line for line in lines if re.search(r"\[\s*\?\s*\]", line)]
    assert unresolved == []
    assert missing_citations == []
    log_problems = re.findall(
        r"^(?:LaTeX|Package natbib) Warning: (?:Reference|Citation|Hyper reference) .*? undefined"
        r"|There were undefined (?:references|citations)",
        book_pdf.log,
        re.MULTILINE,
    )
    assert log_problems == []


@pytest.mark.usefixtures("needs_latex")
def test_pdf_has_no_duplicate_labels(book_pdf: BuiltPdf) -> None:
    duplicates = re.findall(r"Label `([^']*)' multiply\s*defined", book_pdf.log.replace("\n", ""))
    assert duplicates == []


def plain(title: str) -> str:
    return " ".join(unicodedata.normalize("NFC", title).split())


def toctree_chapters(book: BuiltBook) -> list[str]:
    """The titles of the root toctree's entries, in reading order, from the HTML home page."""
    home = BeautifulSoup(book.read("index.html"), "html.parser")
    return [plain(a.get_text()) for a in home.select("article li.toctree-l1 > a")]


@pytest.mark.usefixtures("needs_latex")
def test_pdf_bookmarks_list_every_chapter(book_pdf: BuiltPdf, book_html: BuiltBook) -> None:
    from pypdf import PdfReader

    outline = PdfReader(book_pdf.pdf).outline
    top_level = [plain(entry.title) for entry in outline if not isinstance(entry, list)]
    chapters = toctree_chapters(book_html)
    print(f"PDF bookmarks: {top_level}")
    assert len(chapters) >= 10
    assert [title for title in top_level if title in chapters] == chapters
