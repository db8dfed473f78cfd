"""Chicago author-date in-text citations for sphinxcontrib-bibtex.

Registered as the sphinxcontrib-bibtex referencing style
``chicago_author_date`` and built from sphinxcontrib-bibtex's own author-year
pieces.  It implements the text citations of the author-date system of
*The Chicago Manual of Style*, 17th edition (chapter 15):

* ``:cite:p:`` gives "(Shen and Xia 2015)": no comma between creators and year;
  "; " between several works: "(Lüthi 2008; Shen and Xia 2015)".
* ``:cite:t:`` gives "Shen and Xia (2015)"; several works are joined with
  "and": "Lüthi (2008) and Shen and Xia (2015)".
* Two creators are joined by "and", three by serial commas: "(Goncharov,
  Lewis, and Xue 1993)".  From four creators on (CMOS 17; see
  :class:`~.chicago.EtAlRule` for the sources) only the first is named,
  followed by "et al." (roman, not italic).  The ``ps``/``ts`` roles always
  name every creator.  :class:`Chicago18ReferenceStyle`
  (``chicago_author_date_18``) has the rule of CMOS 18 instead, "et al."
  from three creators on: "(Goncharov et al. 1993)".
* A work with editors but no author is cited by editor ("Westad 1998"),
  a work with neither by its italic title.
* Pre- and post-text, written ``{see}key{45-47}``, become
  "(see Lüthi 2008, 45–47)": a space after the pre-text, ", " before the
  locator, and hyphens between digits of the locator become en dashes.
* The year carries the suffix of the entry's label ("2015a"), so it always
  matches the reference list (see :class:`~.chicago.ChicagoLabelStyle`).

Only the creators and year are a link to the bibliography entry; pre- and
post-text and parentheses are not.

:class:`ChicagoFootnoteStyle` (``chicago_footnotes``, for
``bibtex_foot_reference_style``) makes the ``footcite`` roles name creators
by the same rules: "as Goncharov, Lewis, and Xue[1] show".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pybtex.database import Person
from pybtex.richtext import BaseText, Text
from pybtex.style.template import FieldIsMissing, Node, node, tag
from pybtex.style.template import field as entry_field
from sphinxcontrib.bibtex.style.referencing import (
    BracketStyle,
    GroupReferenceStyle,
    PersonStyle,
)
from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
    BasicAuthorYearParentheticalReferenceStyle,
    BasicAuthorYearTextualReferenceStyle,
)
from sphinxcontrib.bibtex.style.referencing.extra_author import ExtraAuthorReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_empty import ExtraEmptyReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_label import ExtraLabelReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_year import ExtraYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.foot import FootReferenceStyle
from sphinxcontrib.bibtex.style.template import join, join2, pre_text, reference

from .chicago import (
    CMOS18,
    ET_AL,
    ET_AL_MIN_CREATORS,
    creator_role,
    is_others,
    remembered,
    year_with_suffix,
)

Data = dict[str, Any]

_HYPHENS_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*-{1,3}\s*(?=\d)")


def en_dash_ranges(locator: str) -> str:
    """'45-47' or '45--47' -> '45–47'; other text is left alone."""
    return _HYPHENS_BETWEEN_DIGITS.sub("\u2013", locator)


@node
def cited_year(children: list, data: Data) -> Text:
    """The year with the letter suffix of the entry's label: '2015a'."""
    assert not children
    return Text(year_with_suffix(data["entry"], data["formatted_entry"].label))


@node
def locator(children: list, data: Data) -> Text:
    """The post-text of a citation, page ranges with en dashes."""
    assert not children
    return Text(en_dash_ranges(data["reference_info"].post_text))


@dataclass
class ChicagoPersonStyle(PersonStyle):
    """Surnames joined with 'and', shortened with a roman 'et al.'."""

    #: Name only the first creator, plus "et al.", from this many creators on.
    et_al_min: int = ET_AL_MIN_CREATORS

    style: str = "last"
    sep: BaseText | str = ", "
    sep2: BaseText | str | None = " and "
    last_sep: BaseText | str | None = ", and "
    other: BaseText | str | None = field(default_factory=lambda: Text(" ", ET_AL))

    def format_creators(self, persons: Sequence[Person], full: bool) -> Text:
        """'Lüthi', 'Shen and Xia', 'Goncharov et al.' (or all names if *full*)."""
        named = [person for person in persons if not is_others(person)]
        surnames = [self.surname(person) for person in named]
        shortened = len(named) >= self.et_al_min or len(named) < len(persons)
        if shortened and not full:
            return Text(surnames[0], self.other)
        return join(sep=self.sep, sep2=self.sep2, last_sep=self.last_sep)[surnames].format()

    def surname(self, person: Person) -> Text:
        key = ("surname", self.style, self.abbreviate)
        return remembered(
            person, key, lambda: self.style_plugin.format(person, self.abbreviate).format()
        )

    def names(self, role: str, full: bool) -> Node:
        return creators(role=role, full=full)

    def author_or_editor_or_title(self, full: bool) -> Node:
        return creators(role=None, full=full)


@node
def creators(children: list, data: Data, role: str | None, full: bool) -> BaseText:
    """Creators of the cited entry as formatted by the style's person style.

    With ``role=None``: the author, else the editor, else the italic title.
    """
    assert not children
    entry = data["entry"]
    chosen_role = role or creator_role(entry)
    if chosen_role is None:
        return tag("em")[entry_field("title")].format_data(data)
    if not entry.persons.get(chosen_role):
        raise FieldIsMissing(chosen_role, entry)
    person_style: ChicagoPersonStyle = data["style"].person
    return person_style.format_creators(entry.persons[chosen_role], full)


def _citation_body(style: Any, role_name: str, year_sep: BaseText | str) -> Node:
    return join(sep=year_sep)[
        style.person.author_or_editor_or_title(full="s" in role_name),
        cited_year,
    ]


@dataclass
class ChicagoParentheticalStyle(BasicAuthorYearParentheticalReferenceStyle):
    """``p``, ``ps``, ``alp``, ``alps``: '(see Lüthi 2008, 45–47)'."""

    def inner(self, role_name: str) -> Node:
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
            pre_text,
            reference[_citation_body(self, role_name, self.author_year_sep)],
            locator,
        ]


@dataclass
class ChicagoTextualStyle(BasicAuthorYearTextualReferenceStyle):
    """``t``, ``ts``, ``ct``, ``cts``: 'Shen and Xia (2015, 45)'."""

    def inner(self, role_name: str) -> Node:
        return join(sep=self.text_reference_sep)[
            self.person.author_or_editor_or_title(full="s" in role_name),
            join[
                self.bracket.left,
                join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
                    pre_text,
                    reference[cited_year],
                    locator,
                ],
                self.bracket.right,
            ],
        ]


@dataclass
class ChicagoYearStyle(ExtraYearReferenceStyle):
    """``year``, ``yearpar``: '2015a', '(2015a)'."""

    def inner(self, role_name: str) -> Node:
        return reference[cited_year]


def semicolon_separated() -> BracketStyle:
    """'(Lüthi 2008; Shen and Xia 2015)'."""
    return BracketStyle(left="(", right=")", sep="; ")


def and_separated() -> BracketStyle:
    """'Lüthi (2008) and Yang (2000)'; 'A, B, and C'."""
    return BracketStyle(left="(", right=")", sep=", ", sep2=" and ", last_sep=", and ")


def comma_separated() -> BracketStyle:
    """'(2008, 2015)'."""
    return BracketStyle(left="(", right=")", sep=", ")


@dataclass
class ChicagoReferenceStyle(GroupReferenceStyle):
    """Chicago author-date citations for all sphinxcontrib-bibtex ``cite`` roles."""

    bracket_parenthetical: BracketStyle = field(default_factory=semicolon_separated)
    bracket_textual: BracketStyle = field(default_factory=and_separated)
    bracket_author: BracketStyle = field(default_factory=and_separated)
    bracket_label: BracketStyle = field(default_factory=semicolon_separated)
    bracket_year: BracketStyle = field(default_factory=comma_separated)
    person: ChicagoPersonStyle = field(default_factory=ChicagoPersonStyle)
    #: No comma between creators and year: "(Lüthi 2008)".
    author_year_sep: BaseText | str = " "
    text_reference_sep: BaseText | str = " "
    pre_text_sep: BaseText | str = " "
    post_text_sep: BaseText | str = ", "

    def __post_init__(self) -> None:
        self.styles.extend(self.component_styles())
        super().__post_init__()

    def component_styles(self) -> Iterable[Any]:
        return [
            ChicagoParentheticalStyle(
                bracket=self.bracket_parenthetical,
                person=self.person,
                author_year_sep=self.author_year_sep,
                pre_text_sep=self.pre_text_sep,
                post_text_sep=self.post_text_sep,
            ),
            ChicagoTextualStyle(
                bracket=self.bracket_textual,
                person=self.person,
                text_reference_sep=self.text_reference_sep,
                pre_text_sep=self.pre_text_sep,
                post_text_sep=self.post_text_sep,
            ),
            ExtraAuthorReferenceStyle(bracket=self.bracket_author, person=self.person),
            ExtraLabelReferenceStyle(bracket=self.bracket_label),
            ChicagoYearStyle(bracket=self.bracket_year),
            ExtraEmptyReferenceStyle(),
        ]


def cmos18_person() -> ChicagoPersonStyle:
    """Creators shortened with "et al." from three on, as in CMOS 18."""
    return ChicagoPersonStyle(et_al_min=CMOS18.in_text_from)


@dataclass
class Chicago18ReferenceStyle(ChicagoReferenceStyle):
    """The same citations with the "et al." rule of CMOS 18."""

    person: ChicagoPersonStyle = field(default_factory=cmos18_person)


@dataclass
class ChicagoFootnoteStyle(FootReferenceStyle):
    """``footcite`` roles: a footnote mark; ``footcite:t`` names the creators first."""

    bracket_textual: BracketStyle = field(default_factory=and_separated)
    person: ChicagoPersonStyle = field(default_factory=ChicagoPersonStyle)


__all__ = [
    "Chicago18ReferenceStyle",
    "ChicagoFootnoteStyle",
    "ChicagoParentheticalStyle",
    "ChicagoPersonStyle",
    "ChicagoReferenceStyle",
    "ChicagoTextualStyle",
    "ChicagoYearStyle",
    "en_dash_ranges",
]
