"""Test root: the "et al." rule of the Chicago Manual of Style, 18th edition."""

extensions = ["myst_parser", "sinosoviet_ext.citations"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "chicago_author_date_18"
bibtex_reference_style = "chicago_author_date_18"
