"""Tests for the timeline's EDTF date model: parsing, ordering, JSON and display."""

# The expected displays are typeset with en dashes and Cyrillic on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import datetime
import json

import pytest
from babel import Locale
from hypothesis import given, settings
from hypothesis import strategies as st

from sinosoviet_ext.timeline import dates as dates_module
from sinosoviet_ext.timeline.dates import (
    DateDisplay,
    DateError,
    DatePoint,
    EventDate,
    format_date,
    parse_date,
)

EN_DASH = "\u2013"
SPACED_DASH = f" {EN_DASH} "


def display(text: str, locale: str = "en_GB") -> DateDisplay:
    return format_date(parse_date(text), locale)


# Parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1950", DatePoint(1950, None, None, "year")),
        ("1950-02", DatePoint(1950, 2, None, "month")),
        ("1950-02-14", DatePoint(1950, 2, 14, "day")),
        ("1921~", DatePoint(1921, None, None, "year", approximate=True)),
        ("1921?", DatePoint(1921, None, None, "year", uncertain=True)),
        ("1921%", DatePoint(1921, None, None, "year", approximate=True, uncertain=True)),
        ("196X", DatePoint(1960, None, None, "decade")),
        ("19XX", DatePoint(1900, None, None, "century")),
        ("196X~", DatePoint(1960, None, None, "decade", approximate=True)),
        ("1950-XX", DatePoint(1950, None, None, "year")),
        ("1950-02-XX", DatePoint(1950, 2, None, "month")),
        ("1950-21", DatePoint(1950, None, None, "season", season=21)),
        ("-0044", DatePoint(-44, None, None, "year")),
        ("-0044-03-15", DatePoint(-44, 3, 15, "day")),
        ("0000", DatePoint(0, None, None, "year")),
        ("-019X", DatePoint(-199, None, None, "decade")),
        ("Y-12000", DatePoint(-12000, None, None, "year")),
        ("Y170000002", DatePoint(170000002, None, None, "year")),
        ("1985-04-12T23:20:30", DatePoint(1985, 4, 12, "day")),
        ("  1950-02-14 ", DatePoint(1950, 2, 14, "day")),
    ],
)
def test_parse_single_date(text: str, expected: DatePoint) -> None:
    date = parse_date(text)
    assert date == EventDate(text.strip(), expected, None, is_interval=False)


@pytest.mark.parametrize(
    ("text", "start", "end", "flags"),
    [
        (
            "1969-03-02/1969-09-11",
            DatePoint(1969, 3, 2, "day"),
            DatePoint(1969, 9, 11, "day"),
            {},
        ),
        ("1945/1949", DatePoint(1945, None, None, "year"), DatePoint(1949, None, None, "year"), {}),
        (
            "1921~/1927",
            DatePoint(1921, None, None, "year", approximate=True),
            DatePoint(1927, None, None, "year"),
            {},
        ),
        ("1991/..", DatePoint(1991, None, None, "year"), None, {"open_end": True}),
        ("1991/", DatePoint(1991, None, None, "year"), None, {"unknown_end": True}),
        ("../1950", None, DatePoint(1950, None, None, "year"), {"open_start": True}),
        ("/1950", None, DatePoint(1950, None, None, "year"), {"unknown_start": True}),
        (
            "196X/197X",
            DatePoint(1960, None, None, "decade"),
            DatePoint(1970, None, None, "decade"),
            {},
        ),
    ],
)
def test_parse_interval(
    text: str, start: DatePoint | None, end: DatePoint | None, flags: dict[str, bool]
) -> None:
    assert parse_date(text) == EventDate(text, start, end, is_interval=True, **flags)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1950", (1950, 1, 1), (1950, 12, 31)),
        ("1950-02", (1950, 2, 1), (1950, 2, 28)),
        ("1952-02", (1952, 2, 1), (1952, 2, 29)),
        ("196X", (1960, 1, 1), (1969, 12, 31)),
        ("19XX", (1900, 1, 1), (1999, 12, 31)),
        ("-019X", (-199, 1, 1), (-190, 12, 31)),
        ("1950-21", (1950, 3, 1), (1950, 5, 31)),
        ("1950-24", (1950, 12, 1), (1951, 2, 28)),
        ("-0044-02", (-44, 2, 1), (-44, 2, 29)),
    ],
)
def test_earliest_and_latest_days(
    text: str, earliest: tuple[int, int, int], latest: tuple[int, int, int]
) -> None:
    point = parse_date(text).start
    assert point is not None
    assert (point.earliest(), point.latest()) == (earliest, latest)


@pytest.mark.parametrize(
    "text",
    [
        "1950-02-30",
        "1950-13",
        "tomorrow",
        "",
        "   ",
        "1969-09/1969-03",
        "1950-02-29",
        "1900-02-29",
        "../..",
        "2004-06~-11",
        "1950S2",
        "1XXX",
        "[1950,1951]",
        "1950/1950-XX",
    ],
)
def test_unusable_dates_raise_date_error_naming_the_input(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert repr(text.strip()) in str(caught.value)


def test_end_before_start_message_names_both_ends() -> None:
    with pytest.raises(DateError, match=r"ends \(1969-03\) before it starts \(1969-09\)"):
        parse_date("1969-09/1969-03")


def test_leap_day_in_a_leap_year_is_valid() -> None:
    assert parse_date("1952-02-29").start == DatePoint(1952, 2, 29, "day")


# Sorting


def test_sort_key_orders_chronologically() -> None:
    expected = [
        "../1950",
        "/1951",
        "Y-12000",
        "-0044",
        "-0044-03-15",
        "0000",
        "19XX",
        "1921~",
        "196X",
        "1969",
        "1969/1970",
        "1969-03",
        "1969-03-02",
        "1969-03-02/1969-09-11",
        "1969-03-02/..",
        "1991/",
    ]
    shuffled = sorted(expected, key=lambda text: text[::-1])
    assert shuffled != expected
    assert sorted(shuffled, key=lambda text: parse_date(text).sort_key) == expected


def test_sort_key_puts_coarser_precision_first_at_the_same_start() -> None:
    keys = [parse_date(text).sort_key for text in ("19XX", "190X", "1900", "1900-01", "1900-01-01")]
    assert keys == sorted(keys)


def test_sort_key_is_a_flat_tuple_of_ints_and_strings() -> None:
    for text in ("../1950", "1950", "-0044-03-15/..", "1950-21"):
        key = parse_date(text).sort_key
        assert all(isinstance(part, int | str) for part in key)


# Display


@pytest.mark.parametrize(
    ("text", "expected", "datetime_value"),
    [
        ("1950-02-14", "14 February 1950", "1950-02-14"),
        ("1950-02", "February 1950", "1950-02"),
        ("1950", "1950", "1950"),
        ("1921~", "c. 1921", "1921"),
        ("1921?", "1921?", "1921"),
        ("1921%", "c. 1921?", "1921"),
        ("1950-02-14~", "c. 14 February 1950", "1950-02-14"),
        ("196X", "1960s", None),
        ("19XX", "1900s", None),
        ("1950-XX", "1950", "1950"),
        ("1950-02-XX", "February 1950", "1950-02"),
        ("1950-21", "spring 1950", None),
        ("1950-24", "winter 1950", None),
        ("-0044", "45 BCE", None),
        ("0000", "1 BCE", None),
        ("-0044-03-15", "15 March 45 BCE", None),
        ("Y-12000", "12001 BCE", None),
        ("Y170000002", "170000002", "170000002"),
        ("-019X", "200–191 BCE", None),
        ("1985-04-12T23:20:30", "12 April 1985", "1985-04-12"),
    ],
)
def test_single_date_display(text: str, expected: str, datetime_value: str | None) -> None:
    assert display(text) == DateDisplay(expected, "", "", datetime_value, None)


@pytest.mark.parametrize(
    ("text", "start_text", "separator", "end_text", "start_datetime", "end_datetime"),
    [
        ("1969-03/1969-09", "March", EN_DASH, "September 1969", "1969-03", "1969-09"),
        (
            "1969-03-02/1969-09-11",
            "2 March",
            SPACED_DASH,
            "11 September 1969",
            "1969-03-02",
            "1969-09-11",
        ),
        ("1969-03-02/1969-03-15", "2", EN_DASH, "15 March 1969", "1969-03-02", "1969-03-15"),
        ("1949-12/1950-02", "December 1949", SPACED_DASH, "February 1950", "1949-12", "1950-02"),
        ("1945/1949", "1945", EN_DASH, "1949", "1945", "1949"),
        ("1991/..", "1991", EN_DASH, "", "1991", None),
        ("1991/", "1991", EN_DASH, "?", "1991", None),
        ("../1950", "", EN_DASH, "1950", None, "1950"),
        ("/1950", "?", EN_DASH, "1950", None, "1950"),
        ("1969-03-02/..", "2 March 1969", EN_DASH, "", "1969-03-02", None),
        ("1921~/1927", "c. 1921", SPACED_DASH, "1927", "1921", "1927"),
        ("1921/1927?", "1921", EN_DASH, "1927?", "1921", "1927"),
        ("1950/1950-06", "1950", SPACED_DASH, "June 1950", "1950", "1950-06"),
        ("196X/197X", "1960s", EN_DASH, "1970s", None, None),
        ("1950-21/1950-23", "spring 1950", SPACED_DASH, "autumn 1950", None, None),
        ("-0050/-0044", "51", EN_DASH, "45 BCE", None, None),
        ("-0044-03-01/-0044-03-15", "1", EN_DASH, "15 March 45 BCE", None, None),
        ("-0044/0010", "45 BCE", SPACED_DASH, "10 CE", None, "0010"),
        ("1950/1950", "1950", "", "", "1950", None),
    ],
)
def test_interval_display(
    text: str,
    start_text: str,
    separator: str,
    end_text: str,
    start_datetime: str | None,
    end_datetime: str | None,
) -> None:
    expected = DateDisplay(start_text, separator, end_text, start_datetime, end_datetime)
    assert display(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1969-03/1969-09", "March–September 1969"),
        ("1969-03-02/1969-09-11", "2 March – 11 September 1969"),
        ("1969-03-02/1969-03-15", "2–15 March 1969"),
        ("1949-12/1950-02", "December 1949 – February 1950"),
        ("1991/", "1991–?"),
        ("../1950", "–1950"),
        ("1921~/1927", "c. 1921 – 1927"),
        ("-0050/-0044", "51–45 BCE"),
    ],
)
def test_display_text_joins_the_parts(text: str, expected: str) -> None:
    assert display(text).text == expected


def test_us_english_keeps_the_dash_closed_between_days() -> None:
    assert display("1969-03-02/1969-03-15", "en").text == "March 2–15, 1969"


def test_russian_uses_babel_genitive_month_name() -> None:
    genitive_february = Locale.parse("ru").months["format"]["wide"][2]
    text = display("1950-02-14", "ru").text
    assert genitive_february == "февраля"
    assert text == "14 февраля 1950\u202fг."


def test_russian_interval() -> None:
    assert display("1969-03-02/1969-09-11", "ru").text == "2 марта – 11 сентября 1969\u202fг."


def test_other_locales_use_babel_eras_before_year_one() -> None:
    assert display("-0044", "de").text == "45 v. Chr."
    assert display("-0044", "zh_CN").text == "公元前45年"


@pytest.mark.parametrize("locale", ["xx_YY", "not a locale", "en-GB", ""])
def test_unknown_or_hyphenated_locales_fall_back_to_british_english(locale: str) -> None:
    assert display("1950-02-14", locale).text == "14 February 1950"


# Properties

historical_dates = st.dates(min_value=datetime.date(1, 1, 1))
date_pairs = st.tuples(historical_dates, historical_dates).map(sorted)
edtf_examples = st.sampled_from(
    ["1950", "1921%", "196X", "19XX", "1950-21", "-0044-03-15", "Y-12000", "1991/", "../1950"]
)
edtf_texts = st.one_of(
    edtf_examples,
    historical_dates.map(datetime.date.isoformat),
    date_pairs.map(lambda pair: f"{pair[0].isoformat()}/{pair[1].isoformat()}"),
)
edtf_alphabet = st.text(alphabet="0123456789-/X~?%.YSE[],{}T:", max_size=25)


@given(historical_dates)
def test_iso_dates_round_trip(day: datetime.date) -> None:
    point = parse_date(day.isoformat()).start
    assert point is not None
    assert (point.year, point.month, point.day) == (day.year, day.month, day.day)
    assert point.html_datetime() == day.isoformat()


@given(historical_dates, st.sampled_from(["en_GB", "en", "ru", "zh_CN", "de"]))
def test_formatting_iso_dates_shows_the_year(day: datetime.date, locale: str) -> None:
    assert str(day.year) in format_date(parse_date(day.isoformat()), locale).text


@given(historical_dates, historical_dates)
def test_sort_key_agrees_with_date_order(first: datetime.date, second: datetime.date) -> None:
    first_key = parse_date(first.isoformat()).sort_key
    second_key = parse_date(second.isoformat()).sort_key
    assert (first_key < second_key) == (first < second)


@given(date_pairs)
def test_valid_intervals_show_both_years(pair: list[datetime.date]) -> None:
    start, end = pair
    shown = format_date(parse_date(f"{start.isoformat()}/{end.isoformat()}")).text
    assert str(start.year) in shown
    assert str(end.year) in shown


@given(edtf_texts)
def test_json_round_trip(text: str) -> None:
    date = parse_date(text)
    assert EventDate.from_json(json.loads(json.dumps(date.to_json()))) == date


@settings(max_examples=300)
@given(st.one_of(st.text(), edtf_alphabet))
def test_any_text_parses_or_raises_date_error(text: str) -> None:
    try:
        date = parse_date(text)
    except DateError:
        return
    format_date(date)
    assert isinstance(date.sort_key, tuple)


def parsed_by_the_library(text: str) -> EventDate:
    return dates_module._event_from_edtf(text, dates_module._parse_edtf(text))


plain_texts = st.one_of(
    historical_dates.map(lambda day: day.isoformat()),
    historical_dates.map(lambda day: day.isoformat()[:7]),
    historical_dates.map(lambda day: day.isoformat()[:4]),
    date_pairs.map(lambda pair: f"{pair[0].isoformat()}/{pair[1].isoformat()[:7]}"),
)


@given(plain_texts)
def test_plain_date_fast_path_agrees_with_the_edtf_library(text: str) -> None:
    assert parse_date(text) == parsed_by_the_library(text)


@pytest.mark.parametrize("text", ["1950-02-29", "1950-13", "1950-21", "1969-09/1969-03", "0000"])
def test_fast_path_leaves_everything_unusual_to_the_library(text: str) -> None:
    if text == "0000":
        assert parse_date(text) == parsed_by_the_library(text)
        return
    assert dates_module._plain_event(text) is None
