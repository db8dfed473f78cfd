"""Test root: a work in two lists of one page is still a duplicate."""

extensions = ["myst_parser", "sinosoviet_ext.citations"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "chicago_author_date"
bibtex_reference_style = "chicago_author_date"
