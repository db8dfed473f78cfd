"""Test root: footnote citations next to author-date ones, in a chapter with its list."""

project = "Footnotes"
extensions = ["myst_parser", "sinosoviet_ext.citations"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
nitpicky = True
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "chicago_author_date"
bibtex_reference_style = "chicago_author_date"
latex_documents = [("index", "footnotes.tex", "Footnotes", "Test", "manual")]
bibtex_foot_reference_style = "chicago_footnotes"
