"""Sphinx extension for the Allies and Rivals book: dated timelines and Chicago citations.

Add ``"sinosoviet_ext"`` to ``extensions`` in ``conf.py``. The Chicago author-date
styles are pybtex plugins (see ``pyproject.toml``), used by sphinxcontrib-bibtex
through ``bibtex_default_style`` and ``bibtex_reference_style``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

__version__ = "0.1.0"

# Bump when the shape of data stored in the build environment changes.
ENV_VERSION = 1


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sinosoviet_ext.timeline")
    app.setup_extension("sinosoviet_ext.citations")
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
