"""Sphinx configuration for *Allies and Rivals*.

Book-level settings live here; the timeline and citation machinery lives in the
``sinosoviet_ext`` package under ``src/`` so that other projects can reuse it.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS_DIR = Path(__file__).resolve().parent
REPOSITORY_URL = "https://github.com/allies-and-rivals/allies-and-rivals"
PUBLISHED_URL = "https://allies-and-rivals.readthedocs.io/en/latest/"
sys.path.insert(0, str(DOCS_DIR / "_ext"))

# -- Project -----------------------------------------------------------------

project = "Allies and Rivals"
subtitle = "A History of Sino-Soviet Relations"
author = "The Allies and Rivals editors"
copyright = "2026, The Allies and Rivals editors. Text CC BY 4.0; code MIT"
language = "en"
# The edition of the book; bump it when a revised edition is published.
release = "0.1"
version = release
today_fmt = "%d %B %Y"

# -- General -----------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sinosoviet_ext",
    "book_style",  # docs/_ext: the style guide's hard rules
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# performance/results.md is included by performance.md, not a page of its own.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "_templates", "performance/*.md"]
templates_path = ["_templates"]
nitpicky = True

# -- MyST --------------------------------------------------------------------

myst_enable_extensions = [
    "colon_fence",  # ::: fences, so directives can nest in chapters
    "deflist",
    "attrs_inline",
    "attrs_block",
    "smartquotes",
    "replacements",
    "fieldlist",
]
myst_heading_anchors = 3

# -- Citations ---------------------------------------------------------------

# The "sinosoviet_ext" extension (src/sinosoviet_ext/citations/) adds the Chicago
# styles, a "Works cited" list per chapter ({bibliography} with
# ":filter: docname in docnames") next to the back-matter bibliography, and
# reference lists without labels. See docs/contributing/citing.md.
bibtex_bibfiles = [str(DOCS_DIR.parent / "references.bib")]
bibtex_encoding = "utf-8"
# Chicago Manual of Style, 17th edition, author-date system.
bibtex_default_style = "chicago_author_date"
bibtex_reference_style = "chicago_author_date"
bibtex_foot_reference_style = "chicago_footnotes"

# -- Timelines ----------------------------------------------------------------

# British forms for dates in timelines: "14 February 1950".
sinosoviet_timeline_locale = "en_GB"

# -- HTML (furo) ---------------------------------------------------------------

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_css_files = ["book.css"]
html_theme_options = {
    "source_repository": REPOSITORY_URL + "/",
    "source_branch": "main",
    "source_directory": "docs/",
    "top_of_page_buttons": ["view", "edit"],
    "navigation_with_keys": True,
    # "Book CJK" (docs/_static/book.css) is a Simplified-Chinese face limited to CJK code
    # points: it comes before the browser's own fallback, which is often Japanese, and
    # never draws Latin quotation marks (full-width in CJK fonts).
    "light_css_variables": {
        "font-stack": '-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, '
        '"Book CJK", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
    },
}
html_baseurl = PUBLISHED_URL
html_context = {
    "repository_url": REPOSITORY_URL,
    "page_base_url": PUBLISHED_URL,
}
html_copy_source = False
html_show_sourcelink = False

# -- LaTeX / PDF ---------------------------------------------------------------

latex_engine = "xelatex"
latex_documents = [
    (root_doc, "allies-and-rivals.tex", f"{project}: {subtitle}", author, "manual"),
]
latex_show_urls = "no"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    # Noto covers Latin and Cyrillic; xeCJK hands Chinese characters to Noto CJK.
    "fontpkg": r"""
\setmainfont{Noto Serif}
\setsansfont{Noto Sans}
\setmonofont{DejaVu Sans Mono}[Scale=MatchLowercase]
\usepackage{xeCJK}
% Curly quotes and apostrophes are Latin punctuation here, not full-width CJK marks.
\xeCJKDeclareCharClass{HalfLeft}{"2018, "201C}
\xeCJKDeclareCharClass{HalfRight}{"2019, "201D}
\setCJKmainfont{Noto Serif CJK SC}
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
""",
    # A character missing from every font is an error, not a line in the log.
    "preamble": r"\tracinglostchars=3",
    "printindex": r"\footnotesize\raggedright\printindex",
}

# -- EPUB --------------------------------------------------------------------

epub_title = f"{project}: {subtitle}"
epub_author = author
epub_publisher = author
epub_copyright = copyright
# The NCX and OPF identifiers must match, and EPUB 3 wants an XML name.
epub_uid = epub_identifier = "allies-and-rivals"
epub_scheme = "book-id"
epub_show_urls = "no"
epub_exclude_files = ["search.html"]
