project = "Chronology filters"
extensions = ["myst_parser", "sinosoviet_ext"]
myst_enable_extensions = ["colon_fence"]
sinosoviet_timeline_locale = "en_GB"
sinosoviet_timeline_require_citation = False
nitpicky = True
bibtex_bibfiles = ["refs.bib"]
