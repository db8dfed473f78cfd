project = "Timeline escaping (MyST)"
extensions = ["myst_parser", "sinosoviet_ext.timeline"]
myst_enable_extensions = ["colon_fence"]
# Raw HTML is MyST syntax like any other: a site that does not trust its authors turns it off.
myst_disable_syntax = ["html_inline", "html_block"]
language = "en"
sinosoviet_timeline_locale = "en_GB"
sinosoviet_timeline_require_citation = False
smartquotes = False
latex_documents = [("index", "escaping.tex", "Escaping", "Test", "howto")]
