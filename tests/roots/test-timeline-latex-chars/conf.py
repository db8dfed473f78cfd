project = "Timeline LaTeX characters"
extensions = ["sinosoviet_ext.timeline"]
language = "en"
sinosoviet_timeline_locale = "en_GB"
sinosoviet_timeline_require_citation = False
smartquotes = False
latex_documents = [("index", "chars.tex", "Characters", "Test", "howto")]
