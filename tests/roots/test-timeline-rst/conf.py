project = "Timeline reStructuredText"
extensions = ["sphinxcontrib.bibtex", "sinosoviet_ext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
language = "en"
sinosoviet_timeline_locale = "en_GB"
version = release = "1.0"
copyright = "2026, Test"
latex_documents = [("index", "timeline.tex", "Timeline", "Test", "howto")]
