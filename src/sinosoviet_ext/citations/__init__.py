"""Chicago author-date citations (CMOS 17, chapter 15) for sphinxcontrib-bibtex.

Two plugins, registered as entry points in ``pyproject.toml`` and selected in
``conf.py`` by name::

    bibtex_default_style = "chicago_author_date"    # reference list
    bibtex_reference_style = "chicago_author_date"  # in-text citations

* :mod:`.chicago` -- the pybtex formatting style for the reference list, with
  its sorting and label styles.
* :mod:`.referencing` -- the sphinxcontrib-bibtex referencing style for
  ``{cite:p}``, ``{cite:t}`` and the other ``cite`` roles.
"""
