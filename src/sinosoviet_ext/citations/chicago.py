"""Chicago author-date reference-list style for pybtex.

Registered as the pybtex formatting style ``chicago_author_date``.  It follows the
reference-list form of the author-date system of *The Chicago Manual of Style*,
17th edition (chapter 15), for the entry types this book uses:

* **Names.**  The first creator is inverted ("Lüthi, Lorenz M."), the others
  are in natural order; two names are joined by ", and", three or more by
  serial commas.  Up to ten names are listed; for more than ten the first seven
  are given, followed by "et al." (CMOS 17, 14.76, which chapter 15 follows).
  A BibTeX ``and others`` also gives "et al.".  A name written in braces
  (``{Li Zhisui}``) is printed exactly as written, which is how Chinese names
  in Chinese order stay uninverted.
* **Year** directly after the creators ("n.d." when there is none), with the
  letter suffix ("2015a", "2015b") of :class:`ChicagoLabelStyle` when the same
  creators published several cited works in one year.
* **Editors** heading an entry are followed by "ed." or "eds."; editors of a
  book containing a chapter follow the book title as "edited by First Last";
  editors of an authored book appear as "Edited by First Last."
* **Titles** of books are italic; titles of articles, chapters, working papers,
  theses and documents are in double curly quotation marks with the period
  inside.  Titles are printed with the capitalisation found in the .bib file.
* **Works in other languages and scripts.**  The title is kept in its own
  script and followed by an English translation in square brackets, taken from
  the ``translatedtitle`` field.  The translation is never italic or quoted.
* **Translators** (``translator`` field): "Translated by First Last." after
  the title.
* **Page ranges** use an en dash and are condensed as in CMOS 17, 9.61
  ("246–94", "1087–89"); LaTeX markup (accents such as ``L{\\"u}thi``,
  ``--``) is decoded by pybtex.
* **DOIs and URLs** (CMOS 17, 14.8): a DOI is preferred to a URL and is given
  as an ``https://doi.org/`` URL.  Both become :class:`pybtex.richtext.HRef`
  links, so they are links in HTML and LaTeX.  A ``urldate`` (ISO
  ``yyyy-mm-dd``) is printed as "Accessed November 21, 2026." before a URL
  (CMOS 17, 14.12), never before a DOI.

Fields deliberately **not** printed: ``note`` (in this project it holds
editors' remarks, not bibliographic data), ``verified`` and ``unverified``
(editorial bookkeeping), ``isbn``/``issn`` (Chicago reference lists do not give
them), ``month``, ``abstract``, ``keywords`` and ``file``.

**When "et al." starts** (:class:`EtAlRule`).  CMOS 17 names one to three
creators in a text citation ("Goncharov, Lewis, and Xue 1993") and shortens
four or more to "First et al."; its reference list names up to ten creators
and gives the first seven plus "et al." for more (:data:`CMOS17`, the
default).  CMOS 18 shortens text citations from three creators on and
reference-list entries of more than six creators to the first three
(:data:`CMOS18`, the ``chicago_author_date_18`` styles registered by the
``sinosoviet_ext.citations`` Sphinx extension).  Checked against the Citation
Style Language's encodings of both editions (repository
citation-style-language/styles): ``chicago-author-date-17th-edition.csl``
has ``<citation et-al-min="4" et-al-use-first="1">`` and ``<bibliography
et-al-min="11" et-al-use-first="7">``; ``chicago-author-date.csl``
(18th edition) has ``<citation et-al-min="3" ...>`` and ``<bibliography
et-al-min="7" et-al-use-first="3">``.  The ten/seven rule of the reference
list is also the answer of the CMOS Q&A on authors in notes
(chicagomanualofstyle.org, Documentation FAQ 0417, citing CMOS 14.76).

Entries are sorted by creator (author, else editor, else title), then year,
then title (:class:`ChicagoSortingStyle`).  Labels are author-date strings such
as "Shen and Xia 2015" (:class:`ChicagoLabelStyle`), which the
``chicago_author_date`` referencing style reads for its year suffixes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Entry, Person
from pybtex.richtext import BaseText, HRef, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import (
    FieldIsMissing,
    Node,
    field,
    first_of,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)

Context = dict[str, Any]

EN_DASH = "\u2013"
NO_DATE = "n.d."
ET_AL = "et al."
DOI_RESOLVER = "https://doi.org/"

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}

_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
_HYPHENS = re.compile(r"\s*-+\s*")
_NUMBER_RANGE = re.compile(r"(?P<first>\d+)\s*[-\u2013]+\s*(?P<last>\d+)")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_YEAR_SUFFIX = re.compile(r"-?[a-z]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|an|a)\s+")


@dataclass(frozen=True)
class EtAlRule:
    """When a list of creators is shortened with "et al." (see the module docstring)."""

    #: Text citations (and labels) name only the first creator from this many on.
    in_text_from: int
    #: A reference-list entry names up to this many creators ...
    listed_up_to: int
    #: ... and only this many, followed by "et al.", when there are more.
    listed_when_more: int


#: The Chicago Manual of Style, 17th edition: the book's rule.
CMOS17 = EtAlRule(in_text_from=4, listed_up_to=10, listed_when_more=7)
#: The Chicago Manual of Style, 18th edition (2024).
CMOS18 = EtAlRule(in_text_from=3, listed_up_to=6, listed_when_more=3)
#: In-text citations shorten to "First et al." from this many creators on.
ET_AL_MIN_CREATORS = CMOS17.in_text_from


# --------------------------------------------------------------------------
# Plain-text helpers shared with the referencing style
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def plain_text(latex: str) -> str:
    """Decode BibTeX/LaTeX markup into plain Unicode text (a pure function of its input,
    asked again and again for the same names and years while lists are sorted)."""
    return Text.from_latex(latex).render_as("text")


def is_others(person: Person) -> bool:
    """Whether *person* is BibTeX's ``and others`` placeholder."""
    return not person.first_names and [str(name) for name in person.last_names] == ["others"]


def entry_year(entry: Entry) -> str:
    """The year of *entry* as plain text, or "n.d." if it has none."""
    year = entry.fields.get("year", "")
    return plain_text(year) if year else NO_DATE


def year_with_suffix(entry: Entry, label: str) -> str:
    """The year of *entry* with the letter suffix carried by its *label*.

    Labels made by :class:`ChicagoLabelStyle` end in the year plus an optional
    suffix ("Shen and Xia 2015a", "Doe n.d.-b").  Labels of any other form
    (a ``labelprefix`` is harmless) simply yield the bare year.
    """
    year = entry_year(entry)
    last_word = label.rsplit(" ", 1)[-1] if label else ""
    suffix = last_word[len(year) :]
    if last_word.startswith(year) and (not suffix or _YEAR_SUFFIX.fullmatch(suffix)):
        return last_word
    return year


def creator_role(entry: Entry, roles: Sequence[str] = ("author", "editor")) -> str | None:
    """The first of *roles* that has persons in *entry*, if any."""
    return next((role for role in roles if entry.persons.get(role)), None)


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------


def _words(parts: Iterable[BaseText]) -> Text:
    return Text(" ").join([part for part in parts if part])


def inverted_name(person: Person) -> Text:
    """'von Last, First Middle, Jr.': the form of a reference list's first name."""
    surname = _words([*person.rich_prelast_names, *person.rich_last_names])
    given = _words([*person.rich_first_names, *person.rich_middle_names])
    lineage = _words(person.rich_lineage_names)
    return Text(", ").join([part for part in (surname, given, lineage) if part])


def natural_name(person: Person) -> Text:
    """'First Middle von Last Jr.': the form of all other names."""
    return _words(
        [
            *person.rich_first_names,
            *person.rich_middle_names,
            *person.rich_prelast_names,
            *person.rich_last_names,
            *person.rich_lineage_names,
        ]
    )


def surname(person: Person) -> str:
    """'von Last' as plain text, the form used in citations and labels."""
    return plain_text(" ".join([*person.prelast_names, *person.last_names]))


def _listed_persons(persons: Sequence[Person], rule: EtAlRule) -> tuple[list[Person], bool]:
    """The persons to print and whether "et al." must follow them."""
    named = [person for person in persons if not is_others(person)]
    if len(named) > rule.listed_up_to:
        return named[: rule.listed_when_more], True
    return named, len(named) < len(persons)


def _serial(names: list[Text], pair_separator: str) -> Text:
    """Join names: 'A<pair_separator>B' for two, 'A, B, and C' for more."""
    return join(sep=", ", sep2=pair_separator, last_sep=", and ")[names].format()


def format_persons(
    persons: Sequence[Person], *, invert_first: bool, rule: EtAlRule = CMOS17
) -> Text:
    """Format a list of creators for the reference list."""
    listed, truncated = _listed_persons(persons, rule)
    formatted = [natural_name(person) for person in listed]
    if invert_first and listed:
        formatted[0] = inverted_name(listed[0])
    if truncated:
        return Text(", ").join([*formatted, Text(ET_AL)])
    return _serial(formatted, ", and " if invert_first else " and ")


def persons_in_role(entry: Entry, role: str) -> Sequence[Person]:
    """The persons of *role*, also for roles pybtex keeps as plain fields.

    pybtex parses only ``author`` and ``editor`` into persons; other name lists
    such as ``translator`` are parsed here with BibTeX's name syntax.
    """
    if role in entry.persons:
        return entry.persons[role]
    names = entry.fields.get(role, "")
    return [Person(name) for name in split_name_list(names)] if names.strip() else []


def _persons_of(context: Context, role: str) -> Sequence[Person]:
    entry = context["entry"]
    persons = persons_in_role(entry, role)
    if not persons:
        raise FieldIsMissing(role, entry)
    return persons


@node
def inverted_names(children: list, context: Context, role: str) -> Text:
    """Creators heading an entry: 'Shen, Zhihua, and Yafeng Xia'."""
    assert not children
    rule = context["style"].et_al_rule
    return format_persons(_persons_of(context, role), invert_first=True, rule=rule)


@node
def natural_names(children: list, context: Context, role: str) -> Text:
    """Creators inside an entry: 'Odd Arne Westad and Chen Jian'."""
    assert not children
    rule = context["style"].et_al_rule
    return format_persons(_persons_of(context, role), invert_first=False, rule=rule)


@node
def editor_abbreviation(children: list, context: Context) -> Text:
    """'ed.' for one editor, 'eds.' for several."""
    assert not children
    editors = _persons_of(context, "editor")
    return Text("ed." if len(editors) == 1 else "eds.")


# --------------------------------------------------------------------------
# Dates, numbers, links
# --------------------------------------------------------------------------


@node
def labelled_year(children: list, context: Context) -> Text:
    """The year, with the suffix from the entry's label ("2015a")."""
    assert not children
    return Text(year_with_suffix(context["entry"], context.get("label", "")))


def format_access_date(iso_date: str) -> str:
    """'2026-11-21' -> 'November 21, 2026'; other forms are kept as written."""
    match = _ISO_DATE.fullmatch(iso_date.strip())
    if match is None or not 1 <= int(match["month"]) <= 12:
        return iso_date.strip()
    month = MONTH_NAMES[int(match["month"]) - 1]
    if match["day"] is None:
        return f"{month} {match['year']}"
    return f"{month} {int(match['day'])}, {match['year']}"


def condense_range(first: str, last: str) -> str:
    """Abbreviate an inclusive number range by the rules of CMOS 17, 9.61.

    71–72, 100–104, 101–8, 808–33, 321–28, 498–532, 1087–89, 1496–500.
    """
    start, end = int(first), int(last)
    if start < 100 or start % 100 == 0 or end <= start or len(first) != len(last):
        return f"{first}{EN_DASH}{last}"
    first_difference = next(i for i, (a, b) in enumerate(zip(first, last, strict=True)) if a != b)
    shown_from = first_difference if start % 100 < 10 else min(first_difference, len(last) - 2)
    return f"{first}{EN_DASH}{last[shown_from:]}"


def page_range(pages: Text) -> Text:
    """Page ranges with an en dash, whatever hyphens the .bib file used.

    A range of two plain numbers is condensed (:func:`condense_range`).
    """
    match = _NUMBER_RANGE.fullmatch(str(pages))
    if match:
        return Text(condense_range(match["first"], match["last"]))
    return Text(EN_DASH).join(pages.split(_HYPHENS))


ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 22 -> '22nd'."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ORDINAL_SUFFIXES.get(number % 10, 'th')}"


def format_edition(edition: Text) -> Text:
    """'2' or 'Second' -> '2nd ed.'; a first edition is not mentioned;
    anything else ('Rev. ed.') is printed as written."""
    written = str(edition).strip()
    number = int(written) if written.isdigit() else ORDINAL_WORDS.get(written.lower())
    if number is None:
        return edition
    if number == 1:
        return Text()
    return Text(f"{_ordinal(number)} ed.")


def doi_url(doi: str) -> str:
    """A DOI as an https://doi.org/ URL, whether or not it has a prefix."""
    return DOI_RESOLVER + _DOI_PREFIX.sub("", doi.strip())


def _link(url: str) -> HRef:
    return HRef(url, url)


@node
def online_location(children: list, context: Context) -> Text:
    """'https://doi.org/….' or 'Accessed November 21, 2026. https://….'"""
    assert not children
    fields = context["entry"].fields
    if fields.get("doi"):
        return Text(_link(doi_url(fields["doi"])), ".")
    if not fields.get("url"):
        return Text()
    url = fields["url"].strip()
    if fields.get("urldate"):
        accessed = format_access_date(fields["urldate"])
        return Text(f"Accessed {accessed}. ", _link(url), ".")
    return Text(_link(url), ".")


# --------------------------------------------------------------------------
# Template pieces
# --------------------------------------------------------------------------

pages = field("pages", apply_func=page_range)
translation = join[" [", field("translatedtitle"), "]"]

#: *Title* [Translation].
italic_title = sentence[join[tag("em")[field("title")], optional[translation]]]

#: “Title.” or “Title” [Translation].
quoted_title = first_of[
    optional[join["\u201c", field("title"), "\u201d", translation, "."]],
    join["\u201c", field("title", apply_func=lambda title: title.add_period()), "\u201d"],
]

year_sentence = sentence[labelled_year]
translated_by = optional[sentence[words["Translated by", natural_names("translator")]]]
edition = optional[sentence[field("edition", apply_func=format_edition)]]
volume = optional[sentence[words["Vol.", field("volume")]]]
series = optional[sentence[words[field("series"), optional_field("number")]]]


def place_and_publisher(*publisher_fields: str) -> Node:
    """'Place: Publisher.', 'Publisher.' or 'Place.' (whatever is present)."""
    publisher = first_of[[optional_field(name) for name in publisher_fields]]
    return optional[sentence[join(sep=": ")[optional_field("address"), publisher]]]


def blocks(*parts: Node | list[Node] | None) -> Node:
    """Join the sentences of an entry, each of which ends in its own period.

    *parts* may be nodes, lists of nodes, or ``None`` for a part left out.
    """
    flat: list[Node] = []
    for part in parts:
        if isinstance(part, list):
            flat.extend(part)
        elif part is not None:
            flat.append(part)
    return join(sep=" ")[flat]


class ChicagoSortingStyle(BaseSortingStyle):
    """Sort by creators (author, else editor, else title), year, then title.

    Creators compare name by name, surname before given names, ignoring case and
    accents, so a single-author work precedes a co-authored work whose first
    author has the same name.  Leading articles of titles are ignored.
    """

    def sorting_key(self, entry: Entry) -> tuple:
        return (self.creators_key(entry), entry_year(entry), self.title_key(entry))

    def creators_key(self, entry: Entry) -> tuple[tuple[str, ...], ...]:
        role = creator_role(entry)
        if role is None:
            return ((self.title_key(entry),),)
        return tuple(self.person_key(person) for person in entry.persons[role])

    def person_key(self, person: Person) -> tuple[str, ...]:
        given = " ".join([*person.first_names, *person.middle_names])
        return (self.normalise(surname(person)), self.normalise(plain_text(given)))

    def title_key(self, entry: Entry) -> str:
        title = self.normalise(plain_text(entry.fields.get("title", "")))
        return _LEADING_ARTICLE.sub("", title)

    @staticmethod
    def normalise(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def citation_creators(entry: Entry, et_al_min: int = ET_AL_MIN_CREATORS) -> str:
    """Creators as cited in the text: 'Lüthi', 'Shen and Xia',
    'Goncharov, Lewis, and Xue', or from *et_al_min* creators on 'First et al.'.

    Falls back on the title for works without author or editor.
    """
    role = creator_role(entry)
    if role is None:
        return plain_text(entry.fields.get("title", ""))
    persons = entry.persons[role]
    named = [person for person in persons if not is_others(person)]
    if len(named) >= et_al_min or len(named) < len(persons):
        return f"{surname(named[0])} {ET_AL}"
    return str(_serial([Text(surname(person)) for person in named], " and "))


def _letters(index: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa', …"""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


class ChicagoLabelStyle(BaseLabelStyle):
    """Labels in author-date form: 'Lüthi 2008', 'Goncharov et al. 1993'.

    Works that would share a label get letter suffixes in sorting order
    (by title): 'Doe 2015a', 'Doe 2015b', or 'Doe n.d.-a' for undated works.
    The suffix is computed per bibliography, from the entries it contains.
    """

    def format_labels(self, sorted_entries: Iterable[Entry]) -> Iterator[str]:
        bases = [self.format_label(entry) for entry in sorted_entries]
        totals = Counter(bases)
        seen: Counter[str] = Counter()
        for base in bases:
            if totals[base] == 1:
                yield base
                continue
            separator = "-" if base.endswith(NO_DATE) else ""
            yield f"{base}{separator}{_letters(seen[base])}"
            seen[base] += 1

    et_al_rule: EtAlRule = CMOS17

    def format_label(self, entry: Entry) -> str:
        return f"{citation_creators(entry, self.et_al_rule.in_text_from)} {entry_year(entry)}"


class Chicago18LabelStyle(ChicagoLabelStyle):
    """Labels with the "et al." rule of CMOS 18: 'Goncharov et al. 1993'."""

    et_al_rule = CMOS18


# What was formatted for a pybtex object (an Entry, a Person), by id(object), dropped
# when the object goes away. (Both define __eq__, so they cannot be dictionary keys.)
# Formatting an entry costs about a millisecond, and sphinxcontrib-bibtex formats every
# list twice (entry and tooltip): a book with a list in every chapter formats the same
# works many times, and cites the same names thousands of times.
_REMEMBERED: dict[int, dict[tuple, Any]] = {}
T = TypeVar("T")


def remembered(owner: object, key: tuple, make: Callable[[], T]) -> T:
    memo = _REMEMBERED.get(id(owner))
    if memo is None:
        memo = _REMEMBERED[id(owner)] = {}
        weakref.finalize(owner, _REMEMBERED.pop, id(owner), None)
    if key not in memo:
        memo[key] = make()
    return memo[key]


class ChicagoAuthorDateStyle(BaseStyle):
    """Chicago (17th ed.) author-date reference-list entries; see module docstring."""

    default_sorting_style = ChicagoSortingStyle
    default_label_style = ChicagoLabelStyle
    et_al_rule: EtAlRule = CMOS17

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        """Format *entry*, making its label available to the year suffix.

        Entry types without a template of their own are formatted as ``misc``. A work
        shown in many chapters' lists is formatted once per label (see :func:`remembered`).
        """

        def format_now() -> FormattedEntry:
            context = {"entry": entry, "style": self, "bib_data": bib_data, "label": label}
            get_template = getattr(self, f"get_{entry.type}_template", self.get_misc_template)
            return FormattedEntry(entry.key, get_template(entry).format_data(context), label)

        if bib_data is not None:
            return format_now()
        return remembered(entry, (type(self), label), format_now)

    # -- shared pieces -----------------------------------------------------

    def creators_year_title(
        self, entry: Entry, title: Node, roles: Sequence[str] = ("author", "editor")
    ) -> list[Node]:
        """'Creators. Year. Title.', or 'Title. Year.' for a work without creators."""
        role = creator_role(entry, roles)
        if role == "author":
            return [sentence[inverted_names("author")], year_sentence, title]
        if role == "editor":
            head = join(sep=", ")[inverted_names("editor"), editor_abbreviation]
            return [sentence[head], year_sentence, title]
        return [title, year_sentence]

    def edited_by(self, entry: Entry) -> Node | None:
        """'Edited by First Last.' for an authored work that also has editors."""
        if creator_role(entry) != "author":
            return None
        return optional[sentence[words["Edited by", natural_names("editor")]]]

    # -- entry types ---------------------------------------------------------

    def get_book_template(self, entry: Entry) -> Node:
        return blocks(
            self.creators_year_title(entry, italic_title),
            self.edited_by(entry),
            translated_by,
            edition,
            volume,
            series,
            place_and_publisher("publisher", "organization"),
            online_location,
        )

    get_booklet_template = get_book_template
    get_manual_template = get_book_template
    get_proceedings_template = get_book_template

    def get_article_template(self, entry: Entry) -> Node:
        return blocks(
            self.creators_year_title(entry, quoted_title),
            translated_by,
            self.journal(entry),
            online_location,
        )

    def journal(self, entry: Entry) -> Node:
        """'*Journal* 1 (1): 21–52.', '*Journal* 12: 3–4.' or '*Journal*, no. 3.'"""
        fields = entry.fields
        parts: list[Any] = [tag("em")[field("journal")]]
        if "volume" in fields:
            parts += [" ", field("volume"), optional[" (", field("number"), ")"]]
        else:
            parts.append(optional[", no. ", field("number")])
        parts.append(optional[": ", pages])
        return sentence[join[parts]]

    def get_incollection_template(self, entry: Entry) -> Node:
        in_book = sentence[
            words["In", tag("em")[field("booktitle")]],
            optional[words["edited by", natural_names("editor")]],
            optional[pages],
        ]
        return blocks(
            self.creators_year_title(entry, quoted_title, roles=("author",)),
            translated_by,
            in_book,
            series,
            place_and_publisher("publisher", "organization"),
            online_location,
        )

    get_inproceedings_template = get_incollection_template
    get_conference_template = get_incollection_template

    def get_inbook_template(self, entry: Entry) -> Node:
        """A chapter (biblatex style, with ``booktitle``) or else a whole book."""
        if "booktitle" in entry.fields:
            return self.get_incollection_template(entry)
        return self.get_book_template(entry)

    def get_techreport_template(self, entry: Entry) -> Node:
        report = sentence[
            words[first_of[optional_field("type"), "Technical Report"], optional_field("number")]
        ]
        return blocks(
            self.creators_year_title(entry, quoted_title),
            translated_by,
            report,
            place_and_publisher("institution", "publisher"),
            online_location,
        )

    def thesis(self, entry: Entry, default_type: str) -> Node:
        """'"Title." PhD diss., School.'"""
        degree = sentence[first_of[optional_field("type"), default_type], field("school")]
        return blocks(
            self.creators_year_title(entry, quoted_title),
            degree,
            online_location,
        )

    def get_phdthesis_template(self, entry: Entry) -> Node:
        return self.thesis(entry, "PhD diss.")

    def get_mastersthesis_template(self, entry: Entry) -> Node:
        return self.thesis(entry, "Master\u2019s thesis")

    def get_misc_template(self, entry: Entry) -> Node:
        """Documents, archival items, web pages: 'Title.' howpublished. Link."""
        return blocks(
            self.creators_year_title(entry, optional[quoted_title]),
            translated_by,
            optional[sentence[field("howpublished")]],
            place_and_publisher("publisher", "organization"),
            online_location,
        )

    get_unpublished_template = get_misc_template


class Chicago18AuthorDateStyle(ChicagoAuthorDateStyle):
    """The same entries with the "et al." rule of CMOS 18 (:data:`CMOS18`)."""

    default_label_style = Chicago18LabelStyle
    et_al_rule = CMOS18


__all__ = [
    "CMOS17",
    "CMOS18",
    "ET_AL_MIN_CREATORS",
    "Chicago18AuthorDateStyle",
    "Chicago18LabelStyle",
    "ChicagoAuthorDateStyle",
    "ChicagoLabelStyle",
    "ChicagoSortingStyle",
    "EtAlRule",
    "citation_creators",
    "condense_range",
    "creator_role",
    "doi_url",
    "entry_year",
    "format_access_date",
    "format_edition",
    "is_others",
    "persons_in_role",
    "year_with_suffix",
]
