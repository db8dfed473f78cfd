"""Test root: a book with a works-cited list per chapter and a back-matter bibliography."""

project = "Chapters"
extensions = ["myst_parser", "sinosoviet_ext.citations"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
nitpicky = True
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "chicago_author_date"
bibtex_reference_style = "chicago_author_date"
latex_documents = [("index", "chapters.tex", "Chapters", "Test", "manual")]
