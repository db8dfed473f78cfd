"""Look pybtex plugins up once per build, not once per citation.

pybtex finds a plugin (a backend such as plain text, a formatting style) by scanning
the entry points of every installed distribution, and it does so on each request:
``Text.render_as("text")`` alone makes one. sphinxcontrib-bibtex and our Chicago style
ask for plugins for every citation and every entry they format, and at about 13 ms a
scan this dominated citation-heavy builds: measured with ``nox -s bench`` (cProfile,
1,000 citations), 96 of 114 seconds went to ``pybtex.plugin._load_entry_point``.

pybtex consults its runtime registry (:func:`pybtex.plugin.register_plugin`) before the
entry points. Registering, under the names they are asked for, the very classes the
entry points resolve to turns every later look-up into a dictionary access. Nothing is
patched and nothing changes but the speed: the same class is found, once.
"""

from __future__ import annotations

import pybtex.plugin
from sphinx.application import Sphinx
from sphinx.config import Config

# Asked for per citation or per entry. (Name, label and sorting styles are asked for
# once per formatting style, which sphinxcontrib-bibtex and we create once per list.)
BACKENDS = ("plaintext", "text", "docutils", "latex")


def plugins_to_remember(config: Config) -> list[tuple[str, str]]:
    styles = sorted({config.bibtex_default_style, "plain"})
    return [("pybtex.backends", name) for name in BACKENDS] + [
        ("pybtex.style.formatting", style) for style in styles
    ]


def remember_pybtex_plugins(app: Sphinx, config: Config) -> None:
    for group, name in plugins_to_remember(config):
        try:
            plugin = pybtex.plugin.find_plugin(group, name)
        except pybtex.plugin.PluginNotFound:
            continue  # sphinxcontrib-bibtex reports an unknown style itself
        pybtex.plugin.register_plugin(group, name, plugin, force=True)
