# The test puts the book's docs/_ext on sys.path, so book_style is the book's own checker.
project = "Book style"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sinosoviet_ext", "book_style"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
suppress_warnings = ["toc.not_included"]
