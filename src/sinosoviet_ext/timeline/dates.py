"""Dates of timeline events: EDTF parsing, chronological order and locale-aware display.

Authors write dates in EDTF (ISO 8601-2) levels 0 and 1.  The ``edtf`` library parses
them and :func:`parse_date` reduces the result to a small model: an :class:`EventDate`
is one :class:`DatePoint` or an interval of two, either end of which may be open
(``1991/..``) or unknown (``1991/``).

Model
    Years use astronomical numbering in the proleptic Gregorian calendar: year 0 is
    1 BCE and year -44 is 45 BCE.  A decade (``196X``) or century (``19XX``) is stored
    by its lowest year, so ``-019X`` spans -199 to -190.  Seasons 21-24 (spring to
    winter) last three months from March, June, September or December; winter runs
    into February of the next year.  A time of day (``1985-04-12T23:20:30``) is
    accepted and ignored.  Level 2 forms that do not fit the model (qualified
    components, sets, significant digits, millennia) raise :class:`DateError`.

Sort order
    Open or unknown starts first, then the earliest possible day, then precision
    (coarser first: ``1950`` < ``1950-01`` < ``1950-01-01``), then the latest
    possible day of the end (open or unknown ends last), then the EDTF text.

Display (Chicago style, Babel's CLDR patterns)
    * Skeletons ``yMMMMd``, ``yMMMM`` and ``y``: "14 February 1950" in ``en_GB``.
    * ``~`` gives "c. 1921", ``?`` "1921?", ``%`` "c. 1921?"; decades read "1960s",
      centuries "1900s", seasons "spring 1950" (English words in every locale).
    * Years before 1 carry an era: "45 BCE" in English, CLDR's abbreviated era
      elsewhere.  When one end of an interval does, both do: "45 BCE – 10 CE".
    * Interval ends repeat only what differs, as CLDR's interval patterns say:
      "2–15 March 1969", "March–September 1969", "51–45 BCE".  Ends that cannot
      share fields (mixed precision, qualifiers, seasons, decades) are written in
      full: "c. 1921 – 1927".
    * The locale's range marker becomes an en dash, closed up between single tokens
      and spaced when an element it joins contains a space: "2 March – 11 September
      1969" but "March–September 1969".
    * An open end leaves its side empty ("1991–", "–1950"); an unknown end is a
      question mark ("1991–?", "?–1950").
"""

from __future__ import annotations

import calendar
import contextlib
import datetime
import io
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import (
    DateTimeFormat,
    match_skeleton,
    parse_pattern,
    tokenize_pattern,
    untokenize_pattern,
)
from edtf import parse_edtf
from edtf.parser.parser_classes import (
    Date,
    DateAndTime,
    Interval,
    LongYear,
    PartialUncertainOrApproximate,
    Season,
    UncertainOrApproximate,
    UnspecifiedIntervalSection,
)

Precision = Literal["century", "decade", "year", "season", "month", "day"]

_PRECISION_RANK = {"century": 0, "decade": 1, "year": 2, "season": 3, "month": 4, "day": 5}
_YEARS_SPANNED = {"century": 100, "decade": 10}
_SEASON_FIRST_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}
_SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_SKELETONS = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}
_FALLBACK_LOCALE = "en_GB"
_STAND_IN_LEAP_YEAR = 2000
_EN_DASH = "\u2013"
_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# The range marker ending the first half of a CLDR interval pattern: a dash or tilde,
# often between thin spaces, or a word such as 至, à, al or til.
_RANGE_MARKER = re.compile(r"\s*(?:[\u2013\u2014~\uff5e-]|至|\s(?:à|al?|til|تا))?\s*$")


class DateError(ValueError):
    """Human-readable reason an EDTF string is not usable as a timeline date."""


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One end of an event's date, at the precision its author gave."""

    year: int
    month: int | None
    day: int | None
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    season: int | None = None

    def earliest(self) -> tuple[int, int, int]:
        """The first day the point may mean, as ``(year, month, day)``."""
        if self.season is not None:
            return (self.year, _SEASON_FIRST_MONTH[self.season], 1)
        return (self.year, self.month or 1, self.day or 1)

    def latest(self) -> tuple[int, int, int]:
        """The last day the point may mean, as ``(year, month, day)``."""
        if self.season is not None:
            year, month = _add_months(self.year, _SEASON_FIRST_MONTH[self.season], 2)
            return (year, month, _days_in_month(year, month))
        year = self.year + _YEARS_SPANNED.get(self.precision, 1) - 1
        month = self.month or 12
        return (year, month, self.day or _days_in_month(year, month))

    def html_datetime(self) -> str | None:
        """An HTML year, month or date string, or None where HTML has no form for it."""
        if self.year < 1 or self.precision not in _SKELETONS:
            return None
        known_parts = (f"{part:02d}" for part in (self.month, self.day) if part is not None)
        return "-".join([f"{self.year:04d}", *known_parts])


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date: a single point or an interval, as parsed from ``source``."""

    source: str
    start: DatePoint | None
    end: DatePoint | None
    is_interval: bool
    open_start: bool = False
    open_end: bool = False
    unknown_start: bool = False
    unknown_end: bool = False

    @property
    def sort_key(self) -> tuple[int | str, ...]:
        """A flat tuple of ints ending in the source text; see the module docstring."""
        if self.start is None:
            start_key: tuple[int, ...] = (0, 0, 0, 0, 0)
        else:
            start_key = (1, *self.start.earliest(), _PRECISION_RANK[self.start.precision])
        last = self.end if self.is_interval else self.start
        end_key = (1, 0, 0, 0) if last is None else (0, *last.latest())
        return (*start_key, *end_key, self.source)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventDate:
        fields = dict(data)
        for side in ("start", "end"):
            if fields[side] is not None:
                fields[side] = DatePoint(**fields[side])
        return cls(**fields)


@dataclass(frozen=True, slots=True)
class DateDisplay:
    """A formatted date: ``start_text + separator + end_text``, with HTML datetimes."""

    start_text: str
    separator: str
    end_text: str
    start_datetime: str | None
    end_datetime: str | None

    @property
    def text(self) -> str:
        return self.start_text + self.separator + self.end_text


def parse_date(text: str) -> EventDate:
    """Parse EDTF text into an :class:`EventDate`, raising :class:`DateError` if unusable."""
    source = text.strip()
    plain = _plain_event(source)
    if plain is not None:
        return plain
    parsed = _parse_edtf(source)
    try:
        return _event_from_edtf(source, parsed)
    except DateError as error:
        raise DateError(f"{source!r} is not a usable date: {error}") from None


def format_date(date: EventDate, locale: str = "en_GB") -> DateDisplay:
    """Display ``date`` in ``locale`` (a Sphinx language code; unknown codes use en_GB)."""
    babel_locale = _locale(locale)
    show_era = any(point is not None and point.year < 1 for point in (date.start, date.end))
    if date.start is not None and (not date.is_interval or date.start == date.end):
        text = _point_text(date.start, babel_locale, show_era)
        return DateDisplay(text, "", "", date.start.html_datetime(), None)
    if date.start is None or date.end is None:
        return _half_open_display(date, babel_locale, show_era)
    return _closed_interval_display(date.start, date.end, babel_locale, show_era)


# Parsing


def _plain_event(source: str) -> EventDate | None:
    """Read valid plain dates and intervals of them without the EDTF grammar.

    The edtf library's parser costs about 4 ms a date, which a book of thousands of
    events feels; most dates are plain calendar dates. Anything else, invalid plain dates
    included, goes to the library, so its results and messages are the only ones.
    """
    start_text, slash, end_text = source.partition("/")
    start = _plain_point(start_text)
    if start is None:
        return None
    if not slash:
        return EventDate(source, start, None, is_interval=False)
    end = _plain_point(end_text)
    if end is None or end.latest() < start.earliest():
        return None
    return EventDate(source, start, end, is_interval=True)


def _plain_point(text: str) -> DatePoint | None:
    match = _PLAIN_DATE.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        return None  # seasons (21-24) and errors are the library's
    if day is not None and not 1 <= day <= _days_in_month(year, month):
        return None
    precision: Precision = "day" if day is not None else "month" if month is not None else "year"
    return DatePoint(year, month, day, precision)


def _parse_edtf(source: str) -> object:
    # Besides EDTFParseException, edtf lets TypeError or AttributeError escape from some
    # level 2 forms ("1950/1950-XX") after printing a debugging line to stdout.
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            parsed = parse_edtf(source)
    except Exception as error:
        raise DateError(f"{source!r} is not a valid EDTF date: {error}") from None
    if parsed is None:
        raise DateError(f"{source!r} is not a valid EDTF date")
    return parsed


def _event_from_edtf(source: str, parsed: object) -> EventDate:
    if not isinstance(parsed, Interval):
        return EventDate(source, _point_from_edtf(parsed), None, is_interval=False)
    start, end = _interval_end(parsed.lower), _interval_end(parsed.upper)
    if start is None and end is None:
        raise DateError("an interval needs at least one known end")
    if start is not None and end is not None and end.latest() < start.earliest():
        raise DateError(f"interval ends ({parsed.upper}) before it starts ({parsed.lower})")
    return EventDate(
        source,
        start,
        end,
        is_interval=True,
        open_start=_is_open(parsed.lower),
        open_end=_is_open(parsed.upper),
        unknown_start=_is_unknown(parsed.lower),
        unknown_end=_is_unknown(parsed.upper),
    )


def _interval_end(node: object) -> DatePoint | None:
    return None if isinstance(node, UnspecifiedIntervalSection) else _point_from_edtf(node)


def _is_open(node: object) -> bool:
    return isinstance(node, UnspecifiedIntervalSection) and node.is_open


def _is_unknown(node: object) -> bool:
    return isinstance(node, UnspecifiedIntervalSection) and node.is_unknown


def _point_from_edtf(node: object) -> DatePoint:
    if isinstance(node, DateAndTime):
        node = node.date
    approximate, uncertain = _qualifiers(node)
    if isinstance(node, UncertainOrApproximate):
        node = node.date
    if getattr(node, "significant_digits", None):
        raise DateError("significant digits (EDTF level 2) are not supported")
    if isinstance(node, LongYear):
        return DatePoint(node.lower_strict().tm_year, None, None, "year", approximate, uncertain)
    if isinstance(node, Season):
        return _point_from_season(node, approximate, uncertain)
    if isinstance(node, Date) and not isinstance(node, PartialUncertainOrApproximate):
        return _point_from_calendar_date(node, approximate, uncertain)
    raise DateError(f"{node} uses an EDTF level 2 form that timelines do not support")


def _point_from_season(node: Season, approximate: bool, uncertain: bool) -> DatePoint:
    season = int(node.season)
    if season not in _SEASON_NAMES:
        raise DateError(f"{node} is an EDTF level 2 season; use 21-24 (spring to winter)")
    return DatePoint(int(node.year), None, None, "season", approximate, uncertain, season)


def _qualifiers(node: object) -> tuple[bool, bool]:
    """``(approximate, uncertain)`` from an EDTF ``~``, ``?`` or ``%`` qualifier."""
    ua = getattr(node, "ua", None)
    if ua is None:
        return (False, False)
    both = ua.is_uncertain_and_approximate
    return (ua.is_approximate or both, ua.is_uncertain or both)


def _point_from_calendar_date(node: Date, approximate: bool, uncertain: bool) -> DatePoint:
    year_text, month_text, day_text = node.year, node.month, node.day
    known_year_digits = year_text.rstrip("X")
    hidden_year_digits = len(year_text) - len(known_year_digits)
    if "X" in known_year_digits or hidden_year_digits > 2 or (hidden_year_digits and month_text):
        raise DateError(f"{node} has unspecified digits that timelines do not support")
    if hidden_year_digits:
        span: Precision = "decade" if hidden_year_digits == 1 else "century"
        return DatePoint(node.lower_strict().tm_year, None, None, span, approximate, uncertain)
    year, month, day = int(year_text), _known_number(month_text), _known_number(day_text)
    if month is None and day is not None:
        raise DateError(f"{node} gives a day but not its month")
    if month is not None and day is not None and day > _days_in_month(year, month):
        raise DateError(f"{year:04d}-{month:02d} has no day {day}")
    precision: Precision = "day" if day is not None else "month" if month is not None else "year"
    return DatePoint(year, month, day, precision, approximate, uncertain)


def _known_number(text: str | None) -> int | None:
    """The value of a month or day field; None when absent or unspecified (``XX``)."""
    if text is None or text == "XX":
        return None
    if not text.isdigit():
        raise DateError(f"partly unspecified field {text!r} is not supported")
    return int(text)


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange fails before year 1; isleap is plain arithmetic.
    return 29 if month == 2 and calendar.isleap(year) else calendar.mdays[month]


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    year_offset, month_index = divmod(month - 1 + months, 12)
    return (year + year_offset, month_index + 1)


# Display


@lru_cache(maxsize=32)
def _locale(code: str) -> Locale:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse(_FALLBACK_LOCALE)


def _era_names(locale: Locale) -> tuple[str, str]:
    if locale.language == "en":
        return ("BCE", "CE")  # CLDR's English eras are "BC" and "AD"
    eras = locale.eras["abbreviated"]
    return (eras[0], eras[1])


class _AnyYearFormat(DateTimeFormat):
    """Babel's pattern-field formatter for a :class:`DatePoint` of any year.

    ``datetime.date`` holds only years 1 to 9999, so month and day names come from a
    stand-in date in a leap year while the year and era fields come from the point.
    A weekday field would be wrong; no skeleton used here has one.
    """

    def __init__(self, point: DatePoint, locale: Locale) -> None:
        stand_in = datetime.date(_STAND_IN_LEAP_YEAR, point.month or 1, point.day or 1)
        super().__init__(stand_in, locale)
        self.astronomical_year = point.year

    def format_year(self, char: str, num: int) -> str:
        year = self.astronomical_year
        return self.format(year if year >= 1 else 1 - year, num)

    def format_era(self, char: str, num: int) -> str:
        return _era_names(self.locale)[int(self.astronomical_year >= 1)]


def _half_open_display(date: EventDate, locale: Locale, show_era: bool) -> DateDisplay:
    start_text = _end_text(date.start, date.unknown_start, locale, show_era)
    end_text = _end_text(date.end, date.unknown_end, locale, show_era)
    # An open side is empty, so a spaced dash would dangle: keep it closed up.
    separator = _dash_between(start_text, end_text) if start_text and end_text else _EN_DASH
    return DateDisplay(start_text, separator, end_text, _html(date.start), _html(date.end))


def _end_text(point: DatePoint | None, unknown: bool, locale: Locale, show_era: bool) -> str:
    if point is not None:
        return _point_text(point, locale, show_era)
    return "?" if unknown else ""


def _html(point: DatePoint | None) -> str | None:
    return None if point is None else point.html_datetime()


def _closed_interval_display(
    start: DatePoint, end: DatePoint, locale: Locale, show_era: bool
) -> DateDisplay:
    shared = _shared_fields_display(start, end, locale, show_era)
    if shared is not None:
        return shared
    start_text = _point_text(start, locale, show_era)
    end_text = _point_text(end, locale, show_era)
    separator = _dash_between(start_text, end_text)
    return DateDisplay(start_text, separator, end_text, _html(start), _html(end))


def _shared_fields_display(
    start: DatePoint, end: DatePoint, locale: Locale, show_era: bool
) -> DateDisplay | None:
    """Format with CLDR's interval pattern, which states only the end's shared fields."""
    field = _greatest_difference(start, end)
    if (
        field is None
        or start.precision != end.precision
        or start.precision not in _SKELETONS
        or _is_qualified(start)
        or _is_qualified(end)
    ):
        return None
    patterns = _interval_patterns(locale, _skeleton(start.precision, show_era), field)
    if patterns is None:
        return None
    start_pattern, end_pattern = patterns
    start_text = _RANGE_MARKER.sub("", _apply(start_pattern, start, locale), count=1)
    end_text = _apply(end_pattern, end, locale).strip()
    joined_element = _apply(_repeated_fields(start_pattern, end_pattern), end, locale)
    separator = _dash_between(joined_element.strip())
    return DateDisplay(start_text, separator, end_text, _html(start), _html(end))


def _greatest_difference(start: DatePoint, end: DatePoint) -> str | None:
    """The CLDR field letter of the largest unit in which the points differ."""
    if (start.year < 1) != (end.year < 1):
        return "G"
    fields = (("y", start.year, end.year), ("M", start.month, end.month), ("d", start.day, end.day))
    return next((letter for letter, first, second in fields if first != second), None)


def _is_qualified(point: DatePoint) -> bool:
    return point.approximate or point.uncertain


def _skeleton(precision: str, show_era: bool) -> str:
    return ("G" if show_era else "") + _SKELETONS[precision]


def _dash_between(*elements: str) -> str:
    """Chicago's en dash: spaced when an element it joins contains a space."""
    spaced = any(character.isspace() for element in elements for character in element)
    return f" {_EN_DASH} " if spaced else _EN_DASH


def _point_text(point: DatePoint, locale: Locale, show_era: bool) -> str:
    text = _unqualified_text(point, locale, show_era)
    return ("c. " if point.approximate else "") + text + ("?" if point.uncertain else "")


def _unqualified_text(point: DatePoint, locale: Locale, show_era: bool) -> str:
    if point.precision in _YEARS_SPANNED:
        return _span_text(point, locale)
    if point.season is not None:
        year = DatePoint(point.year, None, None, "year")
        return f"{_SEASON_NAMES[point.season]} {_unqualified_text(year, locale, show_era)}"
    return _apply(_single_pattern(locale, _skeleton(point.precision, show_era)), point, locale)


def _span_text(point: DatePoint, locale: Locale) -> str:
    """Decades as "1960s", centuries as "1900s"; before year 1, the first and last years."""
    if point.year >= 1:
        return f"{point.year}s"
    first = DatePoint(point.year, None, None, "year")
    last = DatePoint(point.latest()[0], None, None, "year")
    return _closed_interval_display(first, last, locale, show_era=True).text


def _apply(pattern: str, point: DatePoint, locale: Locale) -> str:
    return parse_pattern(pattern) % _AnyYearFormat(point, locale)


@lru_cache(maxsize=256)
def _single_pattern(locale: Locale, skeleton: str) -> str:
    skeletons = locale.datetime_skeletons
    match = skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)
    pattern = _spell_out_months(skeletons[match].pattern) if match else skeleton
    if "G" in skeleton and "G" not in _field_letters(pattern):
        pattern += " G"
    return pattern


@lru_cache(maxsize=256)
def _interval_patterns(locale: Locale, skeleton: str, field: str) -> tuple[str, str] | None:
    """CLDR's two halves of an interval pattern, or None where the locale has none."""
    formats = locale.interval_formats
    match = skeleton if skeleton in formats else match_skeleton(skeleton, filter(None, formats))
    halves = formats[match].get(field) if match else None
    if not isinstance(halves, list) or len(halves) != 2:
        return None
    start_pattern, end_pattern = (_spell_out_months(half) for half in halves)
    if "G" in skeleton and "G" not in _field_letters(start_pattern + end_pattern):
        return None
    return start_pattern, end_pattern


def _spell_out_months(pattern: str) -> str:
    """Widen abbreviated month fields (``MMM``) to full names (``MMMM``).

    Many locales list only abbreviated-month skeletons such as ``yMMMd``; TR35 widens
    the matched pattern to the requested ``yMMMMd``, which Babel's matcher does not.
    """
    abbreviated_months = {("field", ("M", 3)), ("field", ("L", 3))}
    tokens = [
        (kind, (value[0], 4)) if (kind, value) in abbreviated_months else (kind, value)
        for kind, value in tokenize_pattern(pattern)
    ]
    return untokenize_pattern(tokens)


def _field_letters(pattern: str) -> set[str]:
    """The fields of a pattern, counting stand-alone months (``L``) as months."""
    return {
        value[0].replace("L", "M") for kind, value in tokenize_pattern(pattern) if kind == "field"
    }


def _repeated_fields(start_pattern: str, end_pattern: str) -> str:
    """The opening fields of the end pattern that repeat start fields: what the dash joins.

    For the end half ``d MMMM y`` that is ``d`` after a start half of ``d`` alone, and
    ``d MMMM`` after a start half of ``d MMMM``.
    """
    start_fields = _field_letters(start_pattern)
    tokens = tokenize_pattern(end_pattern)
    opening_length = 0
    for index, (kind, value) in enumerate(tokens):
        if kind == "field":
            if value[0].replace("L", "M") not in start_fields:
                break
            opening_length = index + 1
    return untokenize_pattern(tokens[:opening_length])
