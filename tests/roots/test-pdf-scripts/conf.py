project = "Scripts"
latex_documents = [("index", "scripts.tex", "Scripts", "Test", "howto")]
