project = "Shared event labels"
extensions = ["myst_parser", "sinosoviet_ext"]
myst_enable_extensions = ["colon_fence"]
sinosoviet_timeline_require_citation = False
bibtex_bibfiles = ["refs.bib"]
