project = "Timeline MyST"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sinosoviet_ext"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
language = "en"
sinosoviet_timeline_locale = "en_GB"
latex_documents = [("index", "timeline.tex", "Timeline", "Test", "howto")]
version = release = "1.0"
copyright = "2026, Test"
