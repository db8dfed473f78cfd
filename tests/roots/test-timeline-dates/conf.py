project = "Timeline dates"
extensions = ["sinosoviet_ext.timeline"]
language = "en"
sinosoviet_timeline_locale = "en_GB"
sinosoviet_timeline_require_citation = False
