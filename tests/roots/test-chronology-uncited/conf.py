project = "Uncited event"
extensions = ["myst_parser", "sinosoviet_ext"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
