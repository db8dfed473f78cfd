# ruff: noqa: RUF001
# (en dashes, curly quotes and Cyrillic are the subject of these tests)
"""The chicago_author_date pybtex style, without Sphinx.

The expected strings are the specification: they were written from the
reference-list rules of the Chicago Manual of Style, 17th ed., author-date
system (chapter 15), not copied from the style's output.  The bibliographic
entries are real works on Sino-Soviet relations, except those in
``SYNTHETIC_BIB``, which exercise edge cases with invented names.
"""

from __future__ import annotations

import pytest
from pybtex.database import BibliographyData, Entry, parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from pybtex.style import FormattedEntry

from sinosoviet_ext.citations.chicago import (
    Chicago18AuthorDateStyle,
    ChicagoAuthorDateStyle,
    condense_range,
    format_access_date,
    format_edition,
)
from sinosoviet_ext.citations.referencing import en_dash_ranges

BIB = r"""
@book{luthi2008split,
  author    = {L{\"u}thi, Lorenz M.},
  title     = {The Sino-Soviet Split: Cold War in the Communist World},
  publisher = {Princeton University Press},
  address   = {Princeton, NJ},
  year      = {2008},
  isbn      = {978-0-691-13590-8},
  note      = {Editors' note: the standard account from the archives.},
  verified  = {2025-01-10 against the publisher's catalogue},
}

@book{shen2015mao,
  author    = {Shen, Zhihua and Xia, Yafeng},
  title     = {Mao and the Sino-Soviet Partnership, 1945--1959: A New History},
  series    = {Harvard Cold War Studies Book Series},
  publisher = {Lexington Books},
  address   = {Lanham, MD},
  year      = {2015},
}

@book{goncharov1993uncertain,
  author    = {Goncharov, Sergei N. and Lewis, John W. and Xue, Litai},
  title     = {Uncertain Partners: Stalin, Mao, and the Korean War},
  publisher = {Stanford University Press},
  address   = {Stanford, CA},
  year      = {1993},
  unverified = {page count},
}

@book{westad1998brothers,
  editor    = {Westad, Odd Arne},
  title     = {Brothers in Arms: The Rise and Fall of the Sino-Soviet Alliance, 1945--1963},
  series    = {Cold War International History Project Series},
  publisher = {Woodrow Wilson Center Press and Stanford University Press},
  address   = {Washington, DC and Stanford, CA},
  year      = {1998},
}

@book{westad2006third,
  editor    = {Westad, Odd Arne and Quinn-Judge, Sophie},
  title     = {The Third Indochina War: Conflict between China, Vietnam and Cambodia, 1972--79},
  publisher = {Routledge},
  address   = {London},
  year      = {2006},
}

@incollection{chen1998chinese,
  author    = {Chen, Jian and Yang, Kuisong},
  title     = {Chinese Politics and the Collapse of the Sino-Soviet Alliance},
  booktitle = {Brothers in Arms: The Rise and Fall of the Sino-Soviet Alliance, 1945--1963},
  editor    = {Westad, Odd Arne},
  pages     = {246-294},
  publisher = {Woodrow Wilson Center Press and Stanford University Press},
  address   = {Washington, DC and Stanford, CA},
  year      = {1998},
}

@article{yang2000border,
  author  = {Yang, Kuisong},
  title   = {The Sino-Soviet Border Clash of 1969:
             From Zhenbao Island to Sino-American Rapprochement},
  journal = {Cold War History},
  volume  = {1},
  number  = {1},
  pages   = {21--52},
  year    = {2000},
  doi     = {10.1080/713999906},
  url     = {https://www.tandfonline.com/doi/abs/10.1080/713999906},
}

@techreport{shen2012aid,
  author      = {Shen, Zhihua and Xia, Yafeng},
  title       = {Between Aid and Restriction: The Soviet Union's Changing Policies
                 on China's Nuclear Weapons Program, 1954--1960},
  type        = {NPIHP Working Paper},
  number      = {2},
  institution = {Woodrow Wilson International Center for Scholars,
                 Nuclear Proliferation International History Project},
  address     = {Washington, DC},
  year        = {2012},
}

@techreport{zubok1993khrushchev,
  author      = {Zubok, Vladislav M.},
  title       = {Khrushchev and the Berlin Crisis (1958--1962)},
  type        = {CWIHP Working Paper},
  number      = {6},
  institution = {Woodrow Wilson International Center for Scholars,
                 Cold War International History Project},
  year        = {1993},
}

@misc{khrushchev1956speech,
  author       = {Khrushchev, Nikita S.},
  title        = {Speech to the Twentieth Congress of the CPSU},
  howpublished = {Wilson Center Digital Archive},
  url          = {https://digitalarchive.wilsoncenter.org/document/115995},
  urldate      = {2024-03-05},
  year         = {1956},
}

@book{li1994private,
  author     = {{Li Zhisui}},
  title      = {The Private Life of Chairman Mao},
  translator = {{Tai Hung-chao}},
  publisher  = {Random House},
  address    = {New York},
  year       = {1994},
}

@book{shen2003sulian,
  author          = {Shen, Zhihua},
  title           = {苏联专家在中国 (1948--1960)},
  translatedtitle = {Soviet experts in China (1948--1960)},
  publisher       = {Zhongguo guoji guangbo chubanshe},
  address         = {Beijing},
  year            = {2003},
}

@article{khrushchev1989kult,
  author          = {Khrushchev, Nikita S.},
  title           = {О культе личности и его последствиях},
  translatedtitle = {On the cult of personality and its consequences},
  journal         = {Izvestiia TsK KPSS},
  number          = {3},
  pages           = {128--170},
  year            = {1989},
}
"""

#: key -> (plain text, HTML)
EXPECTED = {
    "luthi2008split": (
        "Lüthi, Lorenz M. 2008. The Sino-Soviet Split: Cold War in the Communist World."
        " Princeton, NJ: Princeton University Press.",
        'L<span class="bibtex-protected">ü</span>thi, Lorenz M. 2008.'
        " <em>The Sino-Soviet Split: Cold War in the Communist World</em>."
        " Princeton, NJ: Princeton University Press.",
    ),
    "shen2015mao": (
        "Shen, Zhihua, and Yafeng Xia. 2015."
        " Mao and the Sino-Soviet Partnership, 1945–1959: A New History."
        " Harvard Cold War Studies Book Series. Lanham, MD: Lexington Books.",
        "Shen, Zhihua, and Yafeng Xia. 2015."
        " <em>Mao and the Sino-Soviet Partnership, 1945–1959: A New History</em>."
        " Harvard Cold War Studies Book Series. Lanham, MD: Lexington Books.",
    ),
    "goncharov1993uncertain": (
        "Goncharov, Sergei N., John W. Lewis, and Litai Xue. 1993."
        " Uncertain Partners: Stalin, Mao, and the Korean War."
        " Stanford, CA: Stanford University Press.",
        "Goncharov, Sergei N., John W. Lewis, and Litai Xue. 1993."
        " <em>Uncertain Partners: Stalin, Mao, and the Korean War</em>."
        " Stanford, CA: Stanford University Press.",
    ),
    "westad1998brothers": (
        "Westad, Odd Arne, ed. 1998."
        " Brothers in Arms: The Rise and Fall of the Sino-Soviet Alliance, 1945–1963."
        " Cold War International History Project Series."
        " Washington, DC and Stanford, CA:"
        " Woodrow Wilson Center Press and Stanford University Press.",
        "Westad, Odd Arne, ed. 1998."
        " <em>Brothers in Arms: The Rise and Fall of the Sino-Soviet Alliance, 1945–1963</em>."
        " Cold War International History Project Series."
        " Washington, DC and Stanford, CA:"
        " Woodrow Wilson Center Press and Stanford University Press.",
    ),
    "westad2006third": (
        "Westad, Odd Arne, and Sophie Quinn-Judge, eds. 2006."
        " The Third Indochina War: Conflict between China, Vietnam and Cambodia, 1972–79."
        " London: Routledge.",
        "Westad, Odd Arne, and Sophie Quinn-Judge, eds. 2006."
        " <em>The Third Indochina War: Conflict between China, Vietnam and Cambodia,"
        " 1972–79</em>. London: Routledge.",
    ),
    "chen1998chinese": (
        "Chen, Jian, and Kuisong Yang. 1998."
        " “Chinese Politics and the Collapse of the Sino-Soviet Alliance.”"
        " In Brothers in Arms: The Rise and Fall of the Sino-Soviet Alliance, 1945–1963,"
        " edited by Odd Arne Westad, 246–94."
        " Washington, DC and Stanford, CA:"
        " Woodrow Wilson Center Press and Stanford University Press.",
        "Chen, Jian, and Kuisong Yang. 1998."
        " “Chinese Politics and the Collapse of the Sino-Soviet Alliance.”"
        " In <em>Brothers in Arms: The Rise and Fall of the Sino-Soviet Alliance,"
        " 1945–1963</em>, edited by Odd Arne Westad, 246–94."
        " Washington, DC and Stanford, CA:"
        " Woodrow Wilson Center Press and Stanford University Press.",
    ),
    "yang2000border": (
        "Yang, Kuisong. 2000. “The Sino-Soviet Border Clash of 1969:"
        " From Zhenbao Island to Sino-American Rapprochement.”"
        " Cold War History 1 (1): 21–52. https://doi.org/10.1080/713999906.",
        "Yang, Kuisong. 2000. “The Sino-Soviet Border Clash of 1969:"
        " From Zhenbao Island to Sino-American Rapprochement.”"
        " <em>Cold War History</em> 1 (1): 21–52."
        ' <a href="https://doi.org/10.1080/713999906">https://doi.org/10.1080/713999906</a>.',
    ),
    "shen2012aid": (
        "Shen, Zhihua, and Yafeng Xia. 2012. “Between Aid and Restriction:"
        " The Soviet Union's Changing Policies on China's Nuclear Weapons Program,"
        " 1954–1960.” NPIHP Working Paper 2. Washington, DC:"
        " Woodrow Wilson International Center for Scholars,"
        " Nuclear Proliferation International History Project.",
        "Shen, Zhihua, and Yafeng Xia. 2012. “Between Aid and Restriction:"
        " The Soviet Union's Changing Policies on China's Nuclear Weapons Program,"
        " 1954–1960.” NPIHP Working Paper 2. Washington, DC:"
        " Woodrow Wilson International Center for Scholars,"
        " Nuclear Proliferation International History Project.",
    ),
    "zubok1993khrushchev": (
        "Zubok, Vladislav M. 1993. “Khrushchev and the Berlin Crisis (1958–1962).”"
        " CWIHP Working Paper 6. Woodrow Wilson International Center for Scholars,"
        " Cold War International History Project.",
        "Zubok, Vladislav M. 1993. “Khrushchev and the Berlin Crisis (1958–1962).”"
        " CWIHP Working Paper 6. Woodrow Wilson International Center for Scholars,"
        " Cold War International History Project.",
    ),
    "khrushchev1956speech": (
        "Khrushchev, Nikita S. 1956. “Speech to the Twentieth Congress of the CPSU.”"
        " Wilson Center Digital Archive. Accessed March 5, 2024."
        " https://digitalarchive.wilsoncenter.org/document/115995.",
        "Khrushchev, Nikita S. 1956. “Speech to the Twentieth Congress of the CPSU.”"
        " Wilson Center Digital Archive. Accessed March 5, 2024."
        ' <a href="https://digitalarchive.wilsoncenter.org/document/115995">'
        "https://digitalarchive.wilsoncenter.org/document/115995</a>.",
    ),
    "li1994private": (
        "Li Zhisui. 1994. The Private Life of Chairman Mao. Translated by Tai Hung-chao."
        " New York: Random House.",
        '<span class="bibtex-protected">Li Zhisui</span>. 1994.'
        " <em>The Private Life of Chairman Mao</em>."
        ' Translated by <span class="bibtex-protected">Tai Hung-chao</span>.'
        " New York: Random House.",
    ),
    "shen2003sulian": (
        "Shen, Zhihua. 2003. 苏联专家在中国 (1948–1960) [Soviet experts in China (1948–1960)]."
        " Beijing: Zhongguo guoji guangbo chubanshe.",
        "Shen, Zhihua. 2003. <em>苏联专家在中国 (1948–1960)</em>"
        " [Soviet experts in China (1948–1960)]."
        " Beijing: Zhongguo guoji guangbo chubanshe.",
    ),
    "khrushchev1989kult": (
        "Khrushchev, Nikita S. 1989. “О культе личности и его последствиях”"
        " [On the cult of personality and its consequences]."
        " Izvestiia TsK KPSS, no. 3: 128–70.",
        "Khrushchev, Nikita S. 1989. “О культе личности и его последствиях”"
        " [On the cult of personality and its consequences]."
        " <em>Izvestiia TsK KPSS</em>, no. 3: 128–70.",
    ),
}

SYNTHETIC_BIB = r"""
@book{doe2015beta,  author = {Doe, Jane}, title = {Beta}, publisher = {P}, year = {2015}}
@book{doe2015alpha, author = {Doe, Jane}, title = {Alpha}, publisher = {P}, year = {2015}}
@book{doe2015group, author = {Doe, Jane and Roe, Richard}, title = {Gamma}, publisher = {P},
  year = {2015}}
@misc{doeundated1,  author = {Doe, Jane}, title = {Delta}}
@misc{doeundated2,  author = {Doe, Jane}, title = {Epsilon}}
@article{many2020,
  author = {One, A. and Two, B. and Three, C. and Four, D. and Five, E. and Six, F.
            and Seven, G. and Eight, H. and Nine, I. and Ten, J. and Eleven, K.},
  title = {Big Science}, journal = {J}, volume = {3}, pages = {1--9}, year = {2020}}
@article{four2019, author = {One, A. and Two, B. and Three, C. and Four, D.},
  title = {Quartet}, journal = {J}, volume = {5}, year = {2019}}
@article{others2021, author = {Roe, Richard and others}, title = {Teamwork}, journal = {J},
  volume = {4}, year = {2021}}
@book{king1958stride, author = {King, Jr., Martin Luther}, title = {Stride toward Freedom},
  editor = {Doe, Jane}, edition = {2}, publisher = {Harper}, address = {New York}, year = {1958}}
@unpublished{anon1950, title = {The Anonymous Memorandum}, year = {1950},
  note = {Never printed: editorial note.}}
@patent{odd1960, author = {Roe, Richard}, title = {Odd Type}, year = {1960},
  url = {https://example.org/a_b?c=d#e}}
"""


def formatted(
    bib: str, style_class: type[ChicagoAuthorDateStyle] = ChicagoAuthorDateStyle
) -> dict[str, FormattedEntry]:
    data: BibliographyData = parse_string(bib, "bibtex")
    style = style_class()
    return {entry.key: entry for entry in style.format_entries(data.entries.values())}


@pytest.fixture(scope="module")
def entries() -> dict[str, FormattedEntry]:
    return formatted(BIB)


@pytest.fixture(scope="module")
def synthetic() -> dict[str, FormattedEntry]:
    return formatted(SYNTHETIC_BIB)


def test_style_is_registered_under_its_entry_point_name() -> None:
    assert find_plugin("pybtex.style.formatting", "chicago_author_date") is ChicagoAuthorDateStyle


@pytest.mark.parametrize("key", EXPECTED)
def test_plain_text(entries: dict[str, FormattedEntry], key: str) -> None:
    assert entries[key].text.render_as("text") == EXPECTED[key][0]


@pytest.mark.parametrize("key", EXPECTED)
def test_html(entries: dict[str, FormattedEntry], key: str) -> None:
    assert entries[key].text.render_as("html") == EXPECTED[key][1]


def test_every_entry_is_specified(entries: dict[str, FormattedEntry]) -> None:
    assert set(entries) == set(EXPECTED)


def test_editorial_fields_are_not_printed(entries: dict[str, FormattedEntry]) -> None:
    text = " ".join(entry.text.render_as("text") for entry in entries.values())
    for editorial in ("Editors' note", "catalogue", "page count", "978-0-691-13590-8"):
        assert editorial not in text


def test_sorted_by_creator_then_year(entries: dict[str, FormattedEntry]) -> None:
    assert list(entries) == [
        "chen1998chinese",
        "goncharov1993uncertain",
        "khrushchev1956speech",
        "khrushchev1989kult",
        "li1994private",
        "luthi2008split",
        "shen2003sulian",
        "shen2012aid",
        "shen2015mao",
        "westad1998brothers",
        "westad2006third",
        "yang2000border",
        "zubok1993khrushchev",
    ]


def test_labels_are_author_date(entries: dict[str, FormattedEntry]) -> None:
    labels = {key: entry.label for key, entry in entries.items()}
    assert labels["luthi2008split"] == "Lüthi 2008"
    assert labels["shen2015mao"] == "Shen and Xia 2015"
    assert labels["goncharov1993uncertain"] == "Goncharov, Lewis, and Xue 1993"
    assert labels["westad1998brothers"] == "Westad 1998"
    assert labels["li1994private"] == "Li Zhisui 1994"


def test_doi_is_a_latex_url(entries: dict[str, FormattedEntry]) -> None:
    assert entries["yang2000border"].text.render_as("latex") == (
        r"Yang, Kuisong. 2000. “The Sino-Soviet Border Clash of 1969:"
        r" From Zhenbao Island to Sino-American Rapprochement.”"
        r" \emph{Cold War History} 1 (1): 21–52. \url{https://doi.org/10.1080/713999906}."
    )


def test_url_is_a_latex_link(entries: dict[str, FormattedEntry]) -> None:
    latex = entries["khrushchev1956speech"].text.render_as("latex")
    assert latex.endswith(
        r"Accessed March 5, 2024. \url{https://digitalarchive.wilsoncenter.org/document/115995}."
    )


def test_url_with_special_characters_stays_verbatim_in_latex(
    synthetic: dict[str, FormattedEntry],
) -> None:
    latex = synthetic["odd1960"].text.render_as("latex")
    assert latex.endswith(r"\url{https://example.org/a_b?c=d#e}.")


def test_same_creators_same_year_get_letters(synthetic: dict[str, FormattedEntry]) -> None:
    assert synthetic["doe2015alpha"].label == "Doe 2015a"
    assert synthetic["doe2015beta"].label == "Doe 2015b"
    assert synthetic["doe2015group"].label == "Doe and Roe 2015"
    assert synthetic["doe2015alpha"].text.render_as("text") == "Doe, Jane. 2015a. Alpha. P."
    assert synthetic["doe2015beta"].text.render_as("text") == "Doe, Jane. 2015b. Beta. P."


def test_undated_works(synthetic: dict[str, FormattedEntry]) -> None:
    assert synthetic["doeundated1"].text.render_as("text") == "Doe, Jane. n.d.-a. “Delta.”"
    assert synthetic["doeundated2"].text.render_as("text") == "Doe, Jane. n.d.-b. “Epsilon.”"


def test_single_author_precedes_coauthored_then_years(
    synthetic: dict[str, FormattedEntry],
) -> None:
    doe_keys = [key for key in synthetic if key.startswith("doe")]
    assert doe_keys == [
        "doe2015alpha",
        "doe2015beta",
        "doeundated1",
        "doeundated2",
        "doe2015group",
    ]


def test_more_than_ten_authors_list_seven_and_et_al(
    synthetic: dict[str, FormattedEntry],
) -> None:
    assert synthetic["many2020"].text.render_as("text") == (
        "One, A., B. Two, C. Three, D. Four, E. Five, F. Six, G. Seven, et al. 2020."
        " “Big Science.” J 3: 1–9."
    )
    assert synthetic["many2020"].label == "One et al. 2020"


def test_four_authors_are_all_listed_but_labelled_et_al(
    synthetic: dict[str, FormattedEntry],
) -> None:
    assert synthetic["four2019"].text.render_as("text") == (
        "One, A., B. Two, C. Three, and D. Four. 2019. “Quartet.” J 5."
    )
    assert synthetic["four2019"].label == "One et al. 2019"


CMOS18_BIB = r"""
@article{seven2022, author = {One, A. and Two, B. and Three, C. and Four, D. and Five, E.
  and Six, F. and Seven, G.}, title = {Septet}, journal = {J}, volume = {6}, year = {2022}}
@article{six2023, author = {One, A. and Two, B. and Three, C. and Four, D. and Five, E.
  and Six, F.}, title = {Sextet}, journal = {J}, volume = {7}, year = {2023}}
@book{goncharov1993uncertain,
  author    = {Goncharov, Sergei N. and Lewis, John W. and Xue, Litai},
  title     = {Uncertain Partners: Stalin, Mao, and the Korean War},
  publisher = {Stanford University Press},
  address   = {Stanford, CA},
  year      = {1993},
}
"""


def test_cmos18_lists_three_of_more_than_six_creators() -> None:
    entries = formatted(CMOS18_BIB, Chicago18AuthorDateStyle)
    assert entries["seven2022"].text.render_as("text") == (
        "One, A., B. Two, C. Three, et al. 2022. “Septet.” J 6."
    )
    assert entries["six2023"].text.render_as("text") == (
        "One, A., B. Two, C. Three, D. Four, E. Five, and F. Six. 2023. “Sextet.” J 7."
    )


def test_cmos18_labels_use_et_al_from_three_creators() -> None:
    entries = formatted(CMOS18_BIB, Chicago18AuthorDateStyle)
    assert entries["goncharov1993uncertain"].label == "Goncharov et al. 1993"
    assert (
        entries["goncharov1993uncertain"]
        .text.render_as("text")
        .startswith("Goncharov, Sergei N., John W. Lewis, and Litai Xue. 1993.")
    )


def test_and_others_is_et_al(synthetic: dict[str, FormattedEntry]) -> None:
    assert synthetic["others2021"].text.render_as("text") == (
        "Roe, Richard, et al. 2021. “Teamwork.” J 4."
    )
    assert synthetic["others2021"].label == "Roe et al. 2021"


def test_junior_editor_and_edition(synthetic: dict[str, FormattedEntry]) -> None:
    assert synthetic["king1958stride"].text.render_as("text") == (
        "King, Martin Luther, Jr. 1958. Stride toward Freedom. Edited by Jane Doe."
        " 2nd ed. New York: Harper."
    )


def test_work_without_creator_starts_with_title(synthetic: dict[str, FormattedEntry]) -> None:
    assert synthetic["anon1950"].text.render_as("text") == "“The Anonymous Memorandum.” 1950."
    assert synthetic["anon1950"].label == "The Anonymous Memorandum 1950"


def test_unknown_entry_type_is_formatted_as_misc(synthetic: dict[str, FormattedEntry]) -> None:
    assert synthetic["odd1960"].text.render_as("text") == (
        "Roe, Richard. 1960. “Odd Type.” https://example.org/a_b?c=d#e."
    )


def test_question_mark_ends_a_quoted_title_without_a_period() -> None:
    entry = Entry("article", fields={"title": "Who Lost China?", "journal": "J", "year": "1999"})
    data = BibliographyData(entries={"q": entry})
    (result,) = ChicagoAuthorDateStyle().format_entries(data.entries.values())
    assert result.text.render_as("text") == "“Who Lost China?” 1999. J."


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2026-11-21", "November 21, 2026"),
        ("2024-03-05", "March 5, 2024"),
        ("2024-03", "March 2024"),
        ("spring 2024", "spring 2024"),
        ("2024-13-01", "2024-13-01"),
    ],
)
def test_access_date(iso: str, expected: str) -> None:
    assert format_access_date(iso) == expected


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [  # the examples of CMOS 17, 9.61
        ("3", "10", "3–10"),
        ("71", "72", "71–72"),
        ("96", "117", "96–117"),
        ("100", "104", "100–104"),
        ("1100", "1113", "1100–1113"),
        ("101", "108", "101–8"),
        ("808", "833", "808–33"),
        ("1103", "1104", "1103–4"),
        ("321", "328", "321–28"),
        ("498", "532", "498–532"),
        ("1087", "1089", "1087–89"),
        ("1496", "1500", "1496–500"),
        ("11564", "11615", "11564–615"),
        ("12991", "13001", "12991–3001"),
    ],
)
def test_inclusive_page_numbers(first: str, last: str, expected: str) -> None:
    assert condense_range(first, last) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2", "2nd ed."),
        ("Second", "2nd ed."),
        ("11", "11th ed."),
        ("1", ""),
        ("Rev. ed.", "Rev. ed."),
    ],
)
def test_edition(written: str, expected: str) -> None:
    assert str(format_edition(Text(written))) == expected


@pytest.mark.parametrize(
    ("locator", "expected"),
    [("45-47", "45–47"), ("45--47", "45–47"), ("chap. 3", "chap. 3"), ("n. 12", "n. 12")],
)
def test_locator_ranges(locator: str, expected: str) -> None:
    assert en_dash_ranges(locator) == expected
