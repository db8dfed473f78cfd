"""Test root: Chicago author-date citations through MyST and sphinxcontrib-bibtex."""

extensions = ["myst_parser", "sphinxcontrib.bibtex"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_encoding = "utf-8"
bibtex_default_style = "chicago_author_date"
bibtex_reference_style = "chicago_author_date"
