"""The bibliography check of ``nox -s lint`` (``sinosoviet_ext.citations.hygiene``).

A deliberately bad ``.bib`` file has one of each problem; the report must name
the line and key of each and say how to fix it.  The real ``references.bib``
must have no errors, the example on the citing page must be what the check
prints, and the editors' notes of ``references.bib`` must never reach a page
of the book.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

from booktools import DOCS, REPO, BuiltBook
from sinosoviet_ext.citations.hygiene import (
    REQUIRED_FIELDS,
    check_bibliography,
    isbn_problem,
    main,
)

BAD_BIB = r"""% One of each problem.
@book{luthi2008split,
  author    = {L{\"u}thi, Lorenz M.},
  title     = {The Sino-Soviet Split: Cold War in the Communist World},
  publisher = {Princeton University Press},
  year      = {2008},
  isbn      = {978-0-691-13590-8},
}

@book{shen2015mao,
  author    = {Shen, Zhihua and Xia, Yafeng},
  title     = {Mao and the Sino-Soviet Partnership, 1945--1959: A New History},
  year      = {2015},
  isbn      = {978-1-4985-1169-9},
}

@article{Yang2000,
  author  = {Yang, Kuisong},
  title   = {The Sino-Soviet Border Clash of 1969},
  journal = {Cold War History},
  year    = {2000},
  doi     = {https://doi.org/10.1080/713999906},
}

@book{heinzig2004soviet,
  author    = {Heinzig, Dieter},
  title     = {The Soviet Union and Communist China, 1945--1950},
  publisher = {M. E. Sharpe},
  year      = {2004},
  isbn      = {0-7656-0785-8},
}

@techreport{shen2012aid,
  author = {Shen, Zhihua and Xia, Yafeng},
  title  = {Between Aid and Restriction},
  year   = {2011},
}

@book{LUTHI2008split,
  author    = {L{\"u}thi, Lorenz M.},
  title     = {The Sino-Soviet Split},
  publisher = {Princeton University Press},
  year      = {2008},
}

@pamphlet{mao1957speech,
  title = {A speech},
  year  = {1957},
}

@misc{doendnote,
  author = {Doe, Jane},
  title  = {A note without a date},
}

@misc{doendmemo,
  author = {Doe, Jane},
  title  = {A memorandum},
  year   = {1969},
}

@misc{doe1970letter,
  author = {Doe, Jane},
  title  = {A letter},
}
"""

EXPECTED_REPORT = [
    "bad.bib:2: luthi2008split: warning: not cited in the book yet;"
    " cite it, or delete it before publication",
    "bad.bib:10: shen2015mao: @book needs publisher; add it from the work itself"
    " (title page, first page of the article) or the publisher's page",
    "bad.bib:14: shen2015mao: ISBN 978-1-4985-1169-9 has a bad checksum"
    " (expected check digit 8); copy it again from the publisher's page",
    "bad.bib:17: Yang2000: the key is not of the form authorYEARword"
    " (lower case, no accents: luthi2008split); rename it here and wherever the chapters cite it",
    "bad.bib:22: Yang2000: DOI https://doi.org/10.1080/713999906 is not of the form"
    " 10.NNNN/suffix; copy it again from the article's page, without https://doi.org/ or doi:",
    "bad.bib:30: heinzig2004soviet: ISBN 0-7656-0785-8 has a bad checksum"
    " (expected check digit 9); copy it again from the publisher's page",
    "bad.bib:33: shen2012aid: @techreport needs institution; add it from the work itself"
    " (title page, first page of the article) or the publisher's page",
    "bad.bib:36: shen2012aid: the key says 2012 but the year field is 2011;"
    " correct whichever is wrong (the key also where the chapters cite it)",
    "bad.bib:39: LUTHI2008split: duplicate key: the entry at line 2 has the same key"
    " (BibTeX keys ignore case); merge the two entries, or give one another authorYEARword key",
    "bad.bib:46: mao1957speech: @pamphlet is not an entry type the book formats; use one of"
    f" {', '.join(sorted(REQUIRED_FIELDS))}",
    "bad.bib:59: doendmemo: the key says nd (no date) but the year field is 1969;"
    " correct whichever is wrong (the key also where the chapters cite it)",
    "bad.bib:62: doe1970letter: @misc needs year; add it from the work itself (title page,"
    " first page of the article) or the publisher's page, or for a work without a date"
    " put nd for the year in the key",
]


@pytest.fixture
def bad_bib(tmp_path: Path) -> Path:
    path = tmp_path / "bad.bib"
    path.write_text(BAD_BIB, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "chapter.md").write_text(
        "Cited {cite:p}`{see}shen2015mao{3}, Yang2000`, {footcite:t}`heinzig2004soviet`.\n"
        "And :cite:t:`shen2012aid` in reStructuredText, {cite:p}`mao1957speech`.\n"
        "Letters {cite:p}`doendnote,doendmemo,doe1970letter`.\n",
        encoding="utf-8",
    )
    return path


def test_every_problem_is_reported_with_line_key_and_fix(bad_bib: Path) -> None:
    problems = check_bibliography(bad_bib, bad_bib.parent / "docs", display_path="bad.bib")
    assert [str(problem) for problem in problems] == EXPECTED_REPORT


def test_errors_fail_the_command_and_uncited_entries_do_not(
    bad_bib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(bad_bib), "--docs", str(tmp_path / "docs")]) == 1
    output = capsys.readouterr()
    assert output.out.count("\n") == len(EXPECTED_REPORT)
    assert output.err.strip().endswith("11 error(s), 1 warning(s)")
    clean = tmp_path / "clean.bib"
    clean.write_text(BAD_BIB[: BAD_BIB.index("@book{shen2015mao")], encoding="utf-8")
    assert main([str(clean), "--docs", str(tmp_path / "docs")]) == 0
    assert main([str(clean), "--docs", str(tmp_path / "docs"), "--strict"]) == 1


def test_a_syntax_error_is_reported_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.bib"
    broken.write_text("@book{shen2015mao,\n  title = {Mao\n", encoding="utf-8")
    assert [str(problem) for problem in check_bibliography(broken, display_path="b.bib")] == [
        "b.bib:2: syntax error: premature end of file; look for a missing brace, comma,"
        " quotation mark or = at or before this line"
    ]


@pytest.mark.parametrize(
    ("isbn", "problem"),
    [
        ("978-1-4985-1169-8", None),
        ("9781498511698", None),
        ("0-8047-2115-7", None),
        ("0-8044-2957-X", None),
        ("0 19 514513 5", None),
        ("0-8044-2957-9", "has a bad checksum (expected check digit X)"),
        ("978-0-691-13590-9", "has a bad checksum (expected check digit 8)"),
        ("977-0-691-13590-8", "does not start with 978 or 979, so it is not an ISBN-13"),
        (
            "978-0-691-1359",
            "is neither an ISBN-10 nor an ISBN-13 (10 or 13 digits, hyphens allowed)",
        ),
    ],
)
def test_isbn_checksums(isbn: str, problem: str | None) -> None:
    assert isbn_problem(isbn) == problem


def test_the_books_bibliography_has_no_errors() -> None:
    problems = check_bibliography(REPO / "references.bib", DOCS)
    assert [str(problem) for problem in problems if problem.is_error] == []


def test_the_citing_page_shows_what_the_check_prints(tmp_path: Path) -> None:
    page = (DOCS / "contributing" / "citing.md").read_text(encoding="utf-8")
    entry = re.search(r"```bibtex\n(.*?)```", page, re.DOTALL)
    report = re.search(r"```text\n(.*?)```", page, re.DOTALL)
    assert entry is not None and report is not None
    bibfile = tmp_path / "new-entry.bib"
    bibfile.write_text(entry.group(1), encoding="utf-8")
    problems = check_bibliography(bibfile, display_path="new-entry.bib")
    assert [str(problem) for problem in problems] == report.group(1).splitlines()


def test_the_citing_page_lists_the_required_fields() -> None:
    page = (DOCS / "contributing" / "citing.md").read_text(encoding="utf-8")
    documented: dict[str, tuple[tuple[str, ...], ...]] = {}
    for types, fields in re.findall(r"^\| (`@.*?) \| (.*?) \|$", page, re.MULTILINE):
        required = tuple(tuple(part.split(" or ")) for part in fields.split(", "))
        for entry_type in re.findall(r"`@(\w+)`", types):
            documented[entry_type] = required
    assert documented == REQUIRED_FIELDS


def editors_notes() -> list[str]:
    """Every sentence of the ``verified`` and ``unverified`` fields of references.bib."""
    entries = parse_file(str(REPO / "references.bib")).entries.values()
    values = [
        entry.fields[name] for entry in entries for name in ("verified", "unverified")
        if name in entry.fields
    ]  # fmt: skip
    fragments = {part.strip() for value in values for part in re.split(r"[;]", value)}
    return sorted(" ".join(fragment.split()) for fragment in fragments if len(fragment) >= 25)


def test_editors_notes_never_reach_the_book(book_html: BuiltBook) -> None:
    notes = editors_notes()
    assert len(notes) > 20
    for page in sorted(book_html.outdir.rglob("*.html")):
        text = " ".join(html.unescape(page.read_text(encoding="utf-8")).split())
        leaked = [note for note in notes if note in text]
        assert leaked == [], page
