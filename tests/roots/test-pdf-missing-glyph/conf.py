project = "Missing glyph"
latex_documents = [("index", "glyph.tex", "Missing glyph", "Test", "howto")]
