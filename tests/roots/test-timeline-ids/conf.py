project = "Timeline ids"
extensions = ["myst_parser", "sinosoviet_ext.timeline"]
myst_enable_extensions = ["colon_fence"]
language = "en"
sinosoviet_timeline_require_citation = False
