"""What the timeline extension costs a build, and how it grows (``nox -s bench``).

Generates synthetic books of N events (documents of M events each, every event with a
body and a citation, plus a chronology page), and the same content as plain bulleted
lists without the extension (the baseline), then builds each in a fresh process and
reports medians. Results go to ``docs/performance/`` (a Markdown table and an SVG plot)
for the Performance page.

Usage: python benchmarks/bench.py [--sizes 100,1000,10000] [--repeat 3] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "docs" / "performance"
EVENTS_PER_DOC = 50
BIB_ENTRIES = 40
VARIANTS = ("timeline", "baseline", "stock-bibtex", "no-bibtex")


# -- Synthetic books -------------------------------------------------------------------


def bib_entries() -> str:
    return "\n".join(
        f"@book{{author{i:03d}2000work,\n  author = {{Author{i:03d}, Ann}},\n"
        f"  title = {{Work {i}}},\n  publisher = {{Press}},\n  address = {{City}},\n"
        f"  year = {{{1950 + i % 50}}},\n}}\n"
        for i in range(BIB_ENTRIES)
    )


def event_date(doc: int, index: int) -> str:
    year = 1900 + (doc * 7 + index) % 120
    return f"{year}-{index % 12 + 1:02d}-{index % 28 + 1:02d}"


def citation(doc: int, index: int, variant: str) -> str:
    key = f"author{(doc * EVENTS_PER_DOC + index) % BIB_ENTRIES:03d}2000work"
    return f"(Author {key[6:9]})" if variant == "no-bibtex" else f"{{cite:p}}`{key}`"


def chapter(doc: int, events: int, variant: str) -> str:
    lines = [f"(chapter-{doc:04d})=", f"# Chapter {doc}", ""]
    if variant == "timeline":
        lines += ["::::{timeline} Events", ""]
        for i in range(events):
            lines += [
                f":::{{event}} Event {doc}.{i} of the *period*",
                f":date: {event_date(doc, i)}",
                f":tags: tag{i % 5}",
                "",
                f"Something happened, with consequences {citation(doc, i, variant)}.",
                ":::",
                "",
            ]
        lines += ["::::", ""]
    else:
        for i in range(events):
            lines.append(
                f"- {event_date(doc, i)} — **Event {doc}.{i} of the *period***: "
                f"Something happened, with consequences {citation(doc, i, variant)}."
            )
    if variant != "no-bibtex":
        lines += [
            "",
            "## Works cited",
            "",
            "```{bibliography}",
            ":filter: docname in docnames",
            "```",
        ]
    return "\n".join(lines) + "\n"


EXTENSIONS = {
    "no-bibtex": ["myst_parser"],
    "stock-bibtex": ["myst_parser", "sphinxcontrib.bibtex"],
    "baseline": ["myst_parser", "sinosoviet_ext.citations"],
    "timeline": ["myst_parser", "sinosoviet_ext.citations", "sinosoviet_ext.timeline"],
}
STYLES = {
    "stock-bibtex": ("plain", "author_year"),
    "baseline": ("chicago_author_date", "chicago_author_date"),
    "timeline": ("chicago_author_date", "chicago_author_date"),
}


def conf_py(variant: str) -> str:
    default_style, reference_style = STYLES.get(variant, ("plain", "author_year"))
    return (
        f"project = 'Bench'\nextensions = {EXTENSIONS[variant]!r}\n"
        "myst_enable_extensions = ['colon_fence']\nbibtex_bibfiles = ['refs.bib']\n"
        f"bibtex_default_style = {default_style!r}\n"
        f"bibtex_reference_style = {reference_style!r}\n"
        "suppress_warnings = ['bibtex.duplicate_citation']\n"
    )


def chronology(docs: int, per_doc: int, variant: str) -> str:
    """The gathered page: a directive, or the same events again as plain lists."""
    if variant == "timeline":
        return "# Chronology\n\n```{chronology}\n```\n"
    lines = ["# Chronology", ""]
    for doc in range(docs):
        lines += [f"## Chapter {doc}", ""]
        lines += [
            f"- {event_date(doc, i)} — **Event {doc}.{i} of the *period***: "
            f"Something happened, with consequences {citation(doc, i, variant)}."
            for i in range(per_doc)
        ]
        lines.append("")
    return "\n".join(lines)


def write_book(root: Path, total_events: int, variant: str) -> list[str]:
    docs = max(1, total_events // EVENTS_PER_DOC)
    per_doc = total_events // docs
    root.mkdir(parents=True)
    (root / "conf.py").write_text(conf_py(variant), encoding="utf-8")
    (root / "refs.bib").write_text(bib_entries(), encoding="utf-8")
    names = [f"chapter{doc:04d}" for doc in range(docs)]
    for doc, name in enumerate(names):
        (root / f"{name}.md").write_text(chapter(doc, per_doc, variant), encoding="utf-8")
    (root / "chronology.md").write_text(chronology(docs, per_doc, variant), encoding="utf-8")
    toctree = "\n".join(["```{toctree}", *names, "chronology", "```"])
    (root / "index.md").write_text(f"# Bench\n\n{toctree}\n", encoding="utf-8")
    return names


# -- One build, measured in its own process --------------------------------------------


def build_in_process(srcdir: str, outdir: str, jobs: int) -> None:
    """Run by the child process: build, then print measurements as JSON."""
    import resource

    from sphinx.application import Sphinx

    started = time.perf_counter()
    app = Sphinx(srcdir, srcdir, outdir, str(Path(outdir) / ".doctrees"), "html",
                 status=None, warning=sys.stderr, parallel=jobs)  # fmt: skip
    read, written = [], []
    app.connect("env-before-read-docs", lambda _a, _e, docs: read.extend(sorted(docs)))
    app.connect("html-page-context", lambda _a, page, *_: written.append(page))
    app.build()
    elapsed = time.perf_counter() - started
    result = {
        "seconds": elapsed,
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "read": read,
        "written": sorted(page for page in written if page not in ("genindex", "search")),
        "env_bytes": (Path(outdir) / ".doctrees" / "environment.pickle").stat().st_size,
        "chronology_bytes": (Path(outdir) / "chronology.html").stat().st_size,
    }
    domain = (
        app.env.domains.get("timeline") if "sinosoviet_ext.timeline" in app.extensions else None
    )
    if domain is not None:
        events = sum(len(records) for records in domain.data["events"].values())
        result["events"] = events
        result["domain_bytes"] = len(pickle.dumps(domain.data))
        result["export_seconds"] = time_export(app)
    print("BENCH " + json.dumps(result))


def time_export(app) -> float:
    from sinosoviet_ext.timeline.export import write_exports

    started = time.perf_counter()
    write_exports(app, None)
    return time.perf_counter() - started


def measure(srcdir: Path, outdir: Path, jobs: int = 1) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", str(srcdir), str(outdir), str(jobs)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = next(row for row in completed.stdout.splitlines() if row.startswith("BENCH "))
    return json.loads(line[len("BENCH ") :])


# -- Scenarios -------------------------------------------------------------------------


@dataclass
class SizeResult:
    events: int
    runs: dict[str, list[dict]] = field(default_factory=dict)

    def median(self, scenario: str, key: str = "seconds") -> float:
        return statistics.median(run[key] for run in self.runs[scenario])


def clean_build(book: Path, work: Path, jobs: int = 1) -> dict:
    outdir = work / f"out-{book.name}-{jobs}-{time.perf_counter_ns()}"
    try:
        return measure(book, outdir, jobs)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


def incremental_build(book: Path, work: Path, chapter_name: str) -> dict:
    outdir = work / f"incr-{book.name}"
    shutil.rmtree(outdir, ignore_errors=True)
    measure(book, outdir)
    source = book / f"{chapter_name}.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(
        original.replace("Something happened", "Something else happened", 1), encoding="utf-8"
    )
    try:
        return measure(book, outdir)
    finally:
        source.write_text(original, encoding="utf-8")
        shutil.rmtree(outdir, ignore_errors=True)


# Stock sphinxcontrib-bibtex is the reference the citation fixes are measured against;
# beyond this size it takes many minutes (quadratic filtering, a plugin scan per
# citation) and is left out.
STOCK_BIBTEX_UP_TO = 1_000
# The largest books are built once per run, to keep `nox -s bench` under ten minutes.
REPEAT_UP_TO = 1_000


def run_size(events: int, repeat: int, work: Path) -> SizeResult:
    result = SizeResult(events)
    variants = [v for v in VARIANTS if v != "stock-bibtex" or events <= STOCK_BIBTEX_UP_TO]
    repeat = repeat if events <= REPEAT_UP_TO else 1
    books = {variant: work / f"{variant}-{events}" for variant in variants}
    names = {}
    for variant, book in books.items():
        names[variant] = write_book(book, events, variant)
    # Interleave variants so that machine noise hits all of them alike.
    for _ in range(repeat):
        for variant, book in books.items():
            result.runs.setdefault(variant, []).append(clean_build(book, work))
        result.runs.setdefault("timeline -j 2", []).append(clean_build(books["timeline"], work, 2))
    result.runs["incremental"] = [incremental_build(books["timeline"], work, names["timeline"][0])]
    return result


# -- Report ----------------------------------------------------------------------------


def percent(value: float, reference: float) -> str:
    return f"{100 * (value - reference) / reference:+.0f}%"


def table(results: list[SizeResult]) -> str:
    header = (
        "| events | no citations (s) | stock sphinxcontrib-bibtex (s) | book citations (s) "
        "| citations cost | with timelines (s) | timeline overhead | with timelines, -j 2 (s) "
        "| peak memory (MB) | environment per event (B) | timeline.json (s) "
        "| chronology page (MB) |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for r in results:
        plain, base, ext = r.median("no-bibtex"), r.median("baseline"), r.median("timeline")
        domain = r.median("timeline", "domain_bytes") / r.events
        stock = "not measured"
        if "stock-bibtex" in r.runs:
            stock_seconds = r.median("stock-bibtex")
            stock = f"{stock_seconds:.2f} ({percent(stock_seconds, plain)})"
        rows.append(
            f"| {r.events:,} | {plain:.2f} | {stock} "
            f"| {base:.2f} | {percent(base, plain)} | {ext:.2f} | {percent(ext, base)} "
            f"| {r.median('timeline -j 2'):.2f} "
            f"| {r.median('timeline', 'max_rss_kb') / 1024:.0f} | {domain:.0f} "
            f"| {r.median('timeline', 'export_seconds'):.2f} "
            f"| {r.median('timeline', 'chronology_bytes') / 1e6:.2f} |"
        )
    return header + "\n".join(rows) + "\n"


def incremental_summary(results: list[SizeResult]) -> str:
    lines = []
    for r in results:
        run = r.runs["incremental"][0]
        lines.append(
            f"- {r.events:,} events: re-read {', '.join(run['read']) or 'nothing'}; "
            f"re-wrote {', '.join(run['written'])} ({run['seconds']:.2f} s)"
        )
    return "\n".join(lines) + "\n"


def svg_plot(results: list[SizeResult]) -> str:
    """A small log-x line chart of build time against events, standard library only."""
    import math

    width, height, pad = 640, 360, 60
    series = {
        "no-bibtex": "#2e7d32",
        "stock-bibtex": "#b26a00",
        "baseline": "#6c757d",
        "timeline": "#2962ff",
    }
    xs = [math.log10(r.events) for r in results]
    ys = [r.median(name) for r in results for name in series if name in r.runs]
    x0, x1 = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1
    y1 = max(ys) * 1.1

    def point(x: float, y: float) -> str:
        px = pad + (x - x0) / (x1 - x0) * (width - 2 * pad)
        py = height - pad - y / y1 * (height - 2 * pad)
        return f"{px:.1f},{py:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        'role="img" font-family="sans-serif" font-size="12">',
        "<title>Build time against number of events</title>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" '
        'stroke="black"/>',
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="black"/>',
        f'<text x="{width / 2}" y="{height - 15}" text-anchor="middle">events (log scale)</text>',
        f'<text x="15" y="{height / 2}" transform="rotate(-90 15 {height / 2})" '
        'text-anchor="middle">build time (s)</text>',
    ]
    for r, x in zip(results, xs, strict=True):
        px = point(x, 0).split(",")[0]
        parts.append(
            f'<text x="{px}" y="{height - pad + 16}" text-anchor="middle">{r.events:,}</text>'
        )
    for step in range(5):
        value = y1 * step / 4
        py = point(x0, value).split(",")[1]
        parts.append(f'<text x="{pad - 6}" y="{py}" text-anchor="end">{value:.0f}</text>')
    for index, (name, colour) in enumerate(series.items()):
        measured = [(r, x) for r, x in zip(results, xs, strict=True) if name in r.runs]
        points = " ".join(point(x, r.median(name)) for r, x in measured)
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>'
        )
        parts.append(f'<text x="{pad + 10}" y="{pad + 16 * index}" fill="{colour}">{name}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write_report(results: list[SizeResult], out: Path, repeat: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    report = (
        f"Measured on {os.cpu_count()} cores with Python {sys.version.split()[0]}; "
        f"the median of {repeat} runs for books of up to {REPEAT_UP_TO:,} events, one run "
        "for larger ones.\n\n" + table(results) + "\nIncremental rebuild "
        "after editing one event in one chapter:\n\n" + incremental_summary(results)
    )
    (out / "results.md").write_text(report, encoding="utf-8")
    (out / "build-time.svg").write_text(svg_plot(results), encoding="utf-8")
    raw = {r.events: r.runs for r in results}
    (out / "results.json").write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
    print(report)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--child":
        sys.path.insert(0, str(REPO / "src"))
        build_in_process(argv[1], argv[2], int(argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        results = []
        for size in sizes:
            started = time.perf_counter()
            results.append(run_size(size, args.repeat, Path(tmp)))
            print(f"{size} events measured in {time.perf_counter() - started:.0f} s", flush=True)
    write_report(results, args.out, args.repeat)


if __name__ == "__main__":
    main(sys.argv[1:])
