project = "Chronology"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sinosoviet_ext"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
sinosoviet_timeline_locale = "en_GB"
nitpicky = True
