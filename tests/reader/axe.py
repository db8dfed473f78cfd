"""axe-core, as bundled by the ``axe-playwright-python`` package (pinned in requirements/).

Only the package's copy of ``axe.min.js`` is used; the run itself is ours so that the
rule set (WCAG 2.0/2.1, levels A and AA) is explicit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.base import AXE_SCRIPT

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA},
    "resultTypes": ["violations", "incomplete"],
}
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Known:
    """A violation that comes from upstream markup, with the evidence that forgives it."""

    rule: str
    html: re.Pattern[str]
    source: str
    why: str
    # Forgiven only where the test shows that the Tab key reaches the element.
    needs_keyboard_proof: bool = False


# Each entry names the markup exactly; anything else the rule finds still fails.
KNOWN_UPSTREAM = [
    Known(
        rule="aria-required-attr",
        html=re.compile(r'<p class="caption" role="heading"><span class="caption-text">'),
        source="Sphinx (sphinx/writers/html5.py, visit_title for toctree captions); furo "
        "copies the markup into its sidebar",
        why='a toctree caption is <p role="heading"> without aria-level. axe follows ARIA '
        "1.1, which required aria-level; WAI-ARIA 1.2 gives role=heading an implicit "
        "aria-level of 2, so screen readers announce a level-2 heading. Fix upstream or "
        "add aria-level in the book (reported).",
    ),
    Known(
        rule="scrollable-region-focusable",
        html=re.compile(r'<pre>|<div class="table-wrapper'),
        source="Sphinx/Pygments <pre> and furo's .table-wrapper, which scroll sideways on "
        "a phone and carry no tabindex",
        why="Chromium (since 130) and Firefox put keyboard scrollers in the Tab order "
        "themselves, and this test checks that Tab reaches each one; Safari does not, so "
        "the fix (tabindex=0 on scrollers) is reported upstream/to the lead.",
        needs_keyboard_proof=True,
    ),
]


def axe_version() -> str:
    match = re.search(r"axe v([\d.]+)", AXE_SCRIPT[:200])
    return match.group(1) if match else "unknown"


@dataclass
class Violation:
    rule: str
    impact: str
    help: str
    nodes: list[tuple[str, str]]  # (CSS selector, HTML) of each element
    known: Known | None = None
    unproven: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        targets = [target for target, _html in self.nodes]
        shown = ", ".join(targets[:4]) + (" …" if len(targets) > 4 else "")
        return f"{self.rule} ({self.impact}, {len(targets)} nodes): {self.help} — {shown}"


def run_axe(page: Any) -> dict[str, Any]:
    page.evaluate(AXE_SCRIPT)
    return page.evaluate("options => axe.run(document, options)", OPTIONS)


def violations(results: dict[str, Any]) -> list[Violation]:
    found = []
    for v in results["violations"]:
        nodes = [(" ".join(map(str, node["target"])), node["html"]) for node in v["nodes"]]
        violation = Violation(v["id"], v.get("impact") or "unknown", v["help"], nodes)
        for known in KNOWN_UPSTREAM:
            if known.rule == violation.rule and all(known.html.match(h) for _t, h in nodes):
                violation.known = known
        found.append(violation)
    return found


def unreachable_by_keyboard(page: Any, selectors: list[str]) -> list[str]:
    """The selectors whose element the Tab key never focuses (Tab through the page)."""
    page.evaluate(
        """(selectors) => {
          window.__axeWanted = selectors.map((s) => document.querySelector(s));
          window.__axeReached = new Set();
          document.addEventListener('focusin', (e) => {
            const i = window.__axeWanted.indexOf(e.target);
            if (i >= 0) window.__axeReached.add(i);
          }, true);
        }""",
        selectors,
    )
    stops = (
        page.evaluate(
            "document.querySelectorAll('a[href], button, input, select, textarea, summary,"
            " [tabindex]').length"
        )
        + len(selectors)
        + 5
    )
    page.locator("body").focus()
    for press in range(1, stops + 1):
        page.keyboard.press("Tab")
        if press % 10 == 0 and page.evaluate(
            "window.__axeReached.size === window.__axeWanted.length"
        ):
            break
    reached = set(page.evaluate("[...window.__axeReached]"))
    return [s for i, s in enumerate(selectors) if i not in reached]
