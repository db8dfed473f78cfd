"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no serious or critical problem on
the pages readers use most, in light and dark mode, on a desktop and on a phone.

Violations that come from upstream markup are forgiven only through the explicit
``KNOWN_UPSTREAM`` list in ``reader/axe.py``, each with its evidence, and are still
printed in the summary.
"""

from __future__ import annotations

import pytest

from reader.axe import BLOCKING, axe_version, run_axe, unreachable_by_keyboard, violations
from reader.browser import NARROW, WIDE, new_context, visit
from reader.site import READER_PAGES

# Fixtures shared by the reader tests (a browser, the served book, Java).
pytest_plugins = ["reader.fixtures"]

pytestmark = pytest.mark.browser

RUNS = [("1280px", "light"), ("1280px", "dark"), ("375px", "light"), ("375px", "dark")]


@pytest.mark.parametrize(("width", "scheme"), RUNS)
@pytest.mark.parametrize("page_path", READER_PAGES)
def test_no_serious_accessibility_violations(
    browser, site: str, page_path: str, width: str, scheme: str
) -> None:
    context = new_context(browser, WIDE if width == "1280px" else NARROW, scheme)
    try:
        page, _problems = visit(context, site + page_path)
        results = run_axe(page)
        found = violations(results)
        for violation in found:
            if violation.known and violation.known.needs_keyboard_proof:
                targets = [target for target, _html in violation.nodes]
                violation.unproven = unreachable_by_keyboard(page, targets)
    finally:
        context.close()
    print(
        f"axe {axe_version()} {page_path} {width} {scheme}: {len(found)} violations, "
        f"{len(results.get('incomplete', []))} needing review "
        f"{sorted(item['id'] for item in results.get('incomplete', []))}"
    )
    blocking = []
    for violation in found:
        forgiven = violation.known is not None and not violation.unproven
        label = f"known upstream: {violation.known.source}" if forgiven else "NEW"
        print(f"  [{label}] {violation}")
        if violation.impact in BLOCKING and not forgiven:
            blocking.append(str(violation) + "".join(f"\n    {h}" for _t, h in violation.nodes))
            if violation.unproven:
                blocking.append(f"  not reachable by Tab: {violation.unproven}")
    assert blocking == []
