"""Bibliography hygiene: the checks ``nox -s lint`` runs on ``references.bib``.

Usage::

    python -m sinosoviet_ext.citations.hygiene references.bib --docs docs [--strict]

Every problem is one line that names the file, the line, the entry key and how
to fix it::

    references.bib:42: shen2015mao: ISBN 978-1-4985-1169-9 has a bad checksum
    (expected check digit 8); copy it again from the publisher's page

Errors (exit status 1):

* a syntax error, or an entry type the book cannot format;
* a missing required field (:data:`REQUIRED_FIELDS`; "author or editor" where
  either will do);
* a key not of the form ``authorYEARword`` (:data:`KEY_FORM`), or whose year is
  not the entry's year; a work without a date has ``nd`` for the year in its
  key (``authorndword``) and needs no ``year``;
* the same key twice (BibTeX keys ignore case); pybtex stops at the second, so
  the file is also scanned as text, which gives the line of both;
* an ISBN-10 or ISBN-13 with a bad check digit or length (hyphens and spaces
  allowed), or a DOI not of the form ``10.NNNN/suffix``.

Warnings: an entry cited nowhere in the ``.md`` and ``.rst`` files under
``--docs``.  Entries may wait in the file while their chapter is written, so
this only fails with ``--strict``.

Line numbers come from a light scan of the file for ``@type{key,`` and
``field =`` at the start of a line; the values come from pybtex, as in the book.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pybtex.errors
from pybtex.database import BibliographyData, Entry
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError
from sphinxcontrib.bibtex.citation_target import parse_citation_targets

#: Lower-case surname, year, first significant word of the title: ``shen2015mao``;
#: ``nd`` in place of the year for a work without a date (printed "n.d.").
KEY_FORM = re.compile(r"^[a-z]+(?P<year>[0-9]{4}|nd)[a-z]+$")
UNDATED = "nd"
#: Required fields per entry type; a tuple of names means "one of these".
REQUIRED_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal",), ("year",)),
    "book": (("author", "editor"), ("title",), ("publisher",), ("year",)),
    "inbook": (("author", "editor"), ("title",), ("publisher",), ("year",)),
    "incollection": (("author",), ("title",), ("booktitle",), ("publisher",), ("year",)),
    "inproceedings": (("author",), ("title",), ("booktitle",), ("year",)),
    "conference": (("author",), ("title",), ("booktitle",), ("year",)),
    "techreport": (("author",), ("title",), ("institution",), ("year",)),
    "phdthesis": (("author",), ("title",), ("school",), ("year",)),
    "mastersthesis": (("author",), ("title",), ("school",), ("year",)),
    "proceedings": (("title",), ("year",)),
    "manual": (("title",),),
    "booklet": (("title",),),
    "misc": (("title",), ("year",)),
    "unpublished": (("author",), ("title",)),
}
PERSON_FIELDS = ("author", "editor")
NOT_ENTRIES = ("comment", "string", "preamble")
DOI_FORM = re.compile(r"^10\.\d{4,9}/\S+$")
ISBN_SEPARATORS = re.compile(r"[\s-]")
SEVERAL_VALUES = re.compile(r"\s*[,;]\s*")
ENTRY_START = re.compile(r"@(?P<type>\w+)\s*[{(]\s*(?P<key>[^,\s{}()]+)\s*,")
FIELD_START = re.compile(r"^[ \t]*(?P<name>[A-Za-z][\w:-]*)[ \t]*=", re.MULTILINE)
#: ``{cite:p}`keys``` (MyST) or ``:cite:p:`keys``` (rST), also ``footcite``.
CITE_ROLE = re.compile(
    r"(?:\{(?:foot)?cite(?::\w+)?\}|:(?:foot)?cite(?::\w+)?:)`(?P<targets>[^`]+)`"
)
COPY_FROM_PUBLISHER = "copy it again from the publisher's page"


@dataclass(frozen=True)
class Problem:
    """One line of the report."""

    path: str
    line: int
    key: str
    message: str
    is_error: bool = True

    def __str__(self) -> str:
        severity = "" if self.is_error else "warning: "
        key = f" {self.key}:" if self.key else ""
        return f"{self.path}:{self.line}:{key} {severity}{self.message}"


@dataclass
class EntryLocation:
    """Where an entry and its fields start in the file (1-based lines)."""

    type: str
    key: str
    line: int
    last_line: int
    field_lines: dict[str, int] = field(default_factory=dict)

    def contains(self, line: int) -> bool:
        return self.line <= line <= self.last_line

    def line_of(self, field_name: str) -> int:
        return self.field_lines.get(field_name, self.line)


# -- reading the file ----------------------------------------------------------------


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def scan_entries(text: str) -> list[EntryLocation]:
    """Every ``@type{key,`` of the file, with the lines of its ``field =``."""
    starts = [
        match for match in ENTRY_START.finditer(text) if match["type"].lower() not in NOT_ENTRIES
    ]
    ends = [match.start() for match in starts[1:]] + [len(text)]
    locations = []
    for match, end in zip(starts, ends, strict=True):
        first_line, last_line = line_at(text, match.start()), line_at(text, end - 1)
        location = EntryLocation(match["type"].lower(), match["key"], first_line, last_line)
        for field_match in FIELD_START.finditer(text, match.end(), end):
            name = field_match["name"].lower()
            location.field_lines.setdefault(name, line_at(text, field_match.start("name")))
        locations.append(location)
    return locations


def parse_bibliography(text: str) -> tuple[BibliographyData, list[Exception]]:
    """pybtex's reading of the file, with its errors collected instead of raised."""
    with pybtex.errors.capture() as errors:
        try:
            data = Parser().parse_string(text)
        except PybtexSyntaxError as error:
            errors.append(error)
            data = BibliographyData()
    return data, list(errors)


def cited_keys(docs: Path) -> set[str]:
    """Keys cited with ``cite`` or ``footcite`` roles (MyST or rST), in lower case."""
    keys: set[str] = set()
    for path in sorted([*docs.rglob("*.md"), *docs.rglob("*.rst")]):
        if "_build" in path.parts:
            continue
        for match in CITE_ROLE.finditer(path.read_text(encoding="utf-8")):
            keys.update(key.lower() for key in role_keys(match["targets"]))
    return keys


def role_keys(targets: str) -> list[str]:
    """'{see}luthi2008split{45}, yang2000border' -> the two keys."""
    try:
        return [target.key for target in parse_citation_targets(targets)]
    except ValueError:
        return [part.strip() for part in targets.split(",") if part.strip()]


# -- the checks -------------------------------------------------------------------


class Checker:
    """Runs every check on one ``.bib`` file and collects the problems."""

    def __init__(self, path: Path, display_path: str, cited: set[str] | None) -> None:
        self.display_path = display_path
        self.text = path.read_text(encoding="utf-8")
        self.locations = scan_entries(self.text)
        self.data, self.parse_errors = parse_bibliography(self.text)
        self.cited = cited

    def problem(self, line: int, key: str, message: str, *, is_error: bool = True) -> Problem:
        return Problem(self.display_path, line, key, message, is_error)

    def problems(self) -> list[Problem]:
        syntax = list(self.syntax_problems())
        found = [*syntax, *self.duplicate_keys()]
        seen: set[str] = set()
        for location in self.locations:
            entry = self.data.entries.get(location.key)
            # pybtex reads what it can of a broken entry: its other problems are noise.
            broken = any(location.contains(problem.line) for problem in syntax)
            if entry is not None and location.key.lower() not in seen and not broken:
                found.extend(self.entry_problems(location, entry))
            seen.add(location.key.lower())
        return sorted(found, key=lambda problem: (problem.line, problem.key))

    def syntax_problems(self) -> Iterator[Problem]:
        for error in self.parse_errors:
            if isinstance(error, PybtexSyntaxError):
                message = (
                    f"{error.error_type}: {PybtexError.__str__(error)}; look for a missing "
                    "brace, comma, quotation mark or = at or before this line"
                )
                yield self.problem(error.lineno or 1, "", message)

    def duplicate_keys(self) -> Iterator[Problem]:
        first_lines: dict[str, int] = {}
        for location in self.locations:
            first = first_lines.setdefault(location.key.lower(), location.line)
            if first != location.line:
                yield self.problem(
                    location.line,
                    location.key,
                    f"duplicate key: the entry at line {first} has the same key (BibTeX keys "
                    "ignore case); merge the two entries, or give one another authorYEARword key",
                )

    def entry_problems(self, location: EntryLocation, entry: Entry) -> Iterator[Problem]:
        yield from self.type_and_fields(location, entry)
        yield from self.key_form(location, entry)
        yield from self.isbns(location, entry)
        yield from self.doi(location, entry)
        yield from self.citation(location)

    def type_and_fields(self, location: EntryLocation, entry: Entry) -> Iterator[Problem]:
        required = REQUIRED_FIELDS.get(location.type)
        if required is None:
            known = ", ".join(sorted(REQUIRED_FIELDS))
            message = f"@{location.type} is not an entry type the book formats; use one of {known}"
            yield self.problem(location.line, location.key, message)
            return
        for alternatives in required:
            if alternatives == ("year",) and is_undated(location.key):
                continue
            if not any(has_field(entry, name) for name in alternatives):
                needed = " or ".join(alternatives)
                message = (
                    f"@{location.type} needs {needed}; add it from the work itself "
                    "(title page, first page of the article) or the publisher's page"
                )
                if needed == "year":
                    message += ", or for a work without a date put nd for the year in the key"
                yield self.problem(location.line, location.key, message)

    def key_form(self, location: EntryLocation, entry: Entry) -> Iterator[Problem]:
        match = KEY_FORM.match(location.key)
        if match is None:
            message = (
                "the key is not of the form authorYEARword (lower case, no accents: "
                "luthi2008split); rename it here and wherever the chapters cite it"
            )
            yield self.problem(location.line, location.key, message)
            return
        year = entry.fields.get("year", "").strip()
        if year and year != match["year"]:
            said = "nd (no date)" if match["year"] == UNDATED else match["year"]
            message = (
                f"the key says {said} but the year field is {year}; "
                "correct whichever is wrong (the key also where the chapters cite it)"
            )
            yield self.problem(location.line_of("year"), location.key, message)

    def isbns(self, location: EntryLocation, entry: Entry) -> Iterator[Problem]:
        value = entry.fields.get("isbn", "")
        for isbn in filter(None, SEVERAL_VALUES.split(value.strip())):
            trouble = isbn_problem(isbn)
            if trouble:
                message = f"ISBN {isbn} {trouble}; {COPY_FROM_PUBLISHER}"
                yield self.problem(location.line_of("isbn"), location.key, message)

    def doi(self, location: EntryLocation, entry: Entry) -> Iterator[Problem]:
        doi = entry.fields.get("doi", "").strip()
        if doi and not DOI_FORM.match(doi):
            message = (
                f"DOI {doi} is not of the form 10.NNNN/suffix; copy it again from the "
                "article's page, without https://doi.org/ or doi:"
            )
            yield self.problem(location.line_of("doi"), location.key, message)

    def citation(self, location: EntryLocation) -> Iterator[Problem]:
        if self.cited is not None and location.key.lower() not in self.cited:
            message = "not cited in the book yet; cite it, or delete it before publication"
            yield self.problem(location.line, location.key, message, is_error=False)


def is_undated(key: str) -> bool:
    """Whether the key marks a work without a date: ``authorndword``."""
    match = KEY_FORM.match(key)
    return match is not None and match["year"] == UNDATED


def has_field(entry: Entry, name: str) -> bool:
    if name in PERSON_FIELDS and entry.persons.get(name):
        return True
    return bool(entry.fields.get(name, "").strip())


# -- ISBNs ------------------------------------------------------------------------


def isbn_problem(isbn: str) -> str | None:
    """What is wrong with an ISBN-10 or ISBN-13, or None if it is valid."""
    compact = ISBN_SEPARATORS.sub("", isbn).upper()
    if len(compact) == 10 and re.fullmatch(r"\d{9}[\dX]", compact):
        expected = isbn10_check_digit(compact[:9])
    elif len(compact) == 13 and compact.isdigit():
        if not compact.startswith(("978", "979")):
            return "does not start with 978 or 979, so it is not an ISBN-13"
        expected = isbn13_check_digit(compact[:12])
    else:
        return "is neither an ISBN-10 nor an ISBN-13 (10 or 13 digits, hyphens allowed)"
    if compact[-1] != expected:
        return f"has a bad checksum (expected check digit {expected})"
    return None


def isbn10_check_digit(first_nine: str) -> str:
    """Weights 10 down to 2; the sum with the check digit is a multiple of 11."""
    weights = range(10, 1, -1)
    total = sum(weight * int(digit) for weight, digit in zip(weights, first_nine, strict=True))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def isbn13_check_digit(first_twelve: str) -> str:
    """Weights 1, 3, 1, 3, ...; the sum with the check digit is a multiple of 10."""
    total = sum((3 if index % 2 else 1) * int(digit) for index, digit in enumerate(first_twelve))
    return str((10 - total % 10) % 10)


# -- command line ----------------------------------------------------------------------


def check_bibliography(
    bibfile: Path, docs: Path | None = None, display_path: str | None = None
) -> list[Problem]:
    """All problems of *bibfile*; uncited entries are only looked for if *docs* is given."""
    cited = cited_keys(docs) if docs is not None else None
    return Checker(bibfile, display_path or str(bibfile), cited).problems()


def summary(problems: Sequence[Problem], display_path: str) -> str:
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    return f"{display_path}: {errors} error(s), {warnings} warning(s)"


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m sinosoviet_ext.citations.hygiene",
        description="Check a BibTeX file: fields, keys, duplicates, ISBNs, DOIs, citations.",
    )
    parser.add_argument("bibfile", type=Path, help="the .bib file, e.g. references.bib")
    parser.add_argument("--docs", type=Path, help="report entries cited nowhere under this folder")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    problems = check_bibliography(arguments.bibfile, arguments.docs)
    print_report(problems, str(arguments.bibfile))
    failing = [problem for problem in problems if problem.is_error or arguments.strict]
    return 1 if failing else 0


def print_report(problems: Iterable[Problem], display_path: str) -> None:
    problems = list(problems)
    for problem in problems:
        print(problem)
    print(summary(problems, display_path), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
