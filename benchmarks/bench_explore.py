"""How fast the explorer opens and answers, in the kernel and in the browser.

Usage: python benchmarks/bench_explore.py --corpus PATH [--label NAME] [--repeat 5]
       [--browser] [--record FILE]

In the kernel: the corpus is loaded (reported apart), the explorer is opened (the corpus
index found or built, then the first drawing of every view), then each
interaction is called the way a click calls it and timed by the explorer itself
(``Explorer.seconds``: from the action to every view's new data, in the kernel), ``repeat``
times over different terms and ranges; the median and the worst are reported.

In the browser (``--browser``): the same corpus is served by the web app of ``make explore``
(Voilà, headless Chromium), and each interaction is timed from the click to the moment every
one of the seven views shows the new state (a MutationObserver on their versions), which
includes the kernel's work, the messages and the drawing.

Targets (issue 20): each interaction at most 200 ms on ANT and 2 s on 315,230 articles;
opening under 5 s on ANT with a built index. The explorer is opened twice: the first time
builds the corpus index (:mod:`arabic_news.index`, reported apart), the second finds it.
Run it under ``flock /work/heavy.lock`` on a shared machine.
"""

from __future__ import annotations

import argparse
import atexit
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_notebooks import machine  # noqa: E402

import arabic_news as an  # noqa: E402
from arabic_news.explorer import ExplorerData  # noqa: E402
from arabic_news.explorer.widget import Explorer  # noqa: E402


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def kernel_figures(corpus, repeat: int) -> tuple[list[tuple], dict]:
    cache = tempfile.mkdtemp(prefix="bench-explore-")  # an empty cache: the index is built
    atexit.register(shutil.rmtree, cache, True)
    started = time.perf_counter()
    ExplorerData(corpus, cache_dir=cache)  # builds the corpus index (once per corpus)
    indexed = time.perf_counter() - started
    started = time.perf_counter()
    data = ExplorerData(corpus, cache_dir=cache)  # the index built: found and opened
    built = time.perf_counter() - started
    explorer = Explorer(data)
    opened = time.perf_counter() - started
    facts = {"index": indexed, "build": built, "open": opened,
             "first drawing": explorer.seconds, "peak": peak_gb(),
             "tokens": data.index.manifest["tokens"], "terms": len(data.index.terms)}
    top = data.top_terms(5000)["term"].tolist()
    terms = [top[i] for i in (0, 1, 50, 200, 1000, 4999) if i < len(top)]
    first, last = data.time_range
    span = last - first
    ranges = [(first + span * a, first + span * b)
              for a, b in ((0.25, 0.75), (0.1, 0.3), (0.5, 0.9), (0.0, 0.5), (0.6, 0.7))]
    sources = [name for name, _ in data.sources()]
    actions = {
        "choose a term": lambda i: explorer.choose_term(terms[i % len(terms)]),
        "brush a range": lambda i: explorer.brush(*ranges[i % len(ranges)]),
        "choose a source": lambda i: explorer.choose_source(sources[i % len(sources)]),
        "sort keyword in context": lambda i: explorer.sort_kwic(("before", "after")[i % 2]),
        "rank collocates by another measure": lambda i: explorer.set_measure(
            ("t_score", "log_dice", "g2")[i % 3]),
        "compare a second term": lambda i: explorer.compare(terms[(i + 1) % len(terms)]),
        "trend per source": lambda i: explorer.per_source(i % 2 == 0),
        "clear the filters": lambda i: (explorer.choose_source(None), explorer.brush()),
    }
    rows = []
    for name, action in actions.items():
        seconds = []
        for i in range(repeat):
            if name == "clear the filters":
                explorer.brush(*ranges[0])
                explorer.choose_source(sources[0])
            action(i)
            seconds.append(explorer.seconds)
        rows.append((name, statistics.median(seconds), max(seconds)))
        if name in ("choose a source", "brush a range"):
            explorer.choose_source(None)
            explorer.brush()
    return rows, facts


def browser_figures(corpus_path: str, repeat: int) -> tuple[list[tuple], float]:
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from conftest import chromium
    from explorer_driver import brush, choose_source, click_term, type_term, wait_until_shown

    from arabic_news.explorer.app import serve, wait_until_listening

    log = open(os.devnull, "w")
    process, address = serve(corpus_path, stdout=log, stderr=log)
    try:
        wait_until_listening(address, process)
        with chromium(1400, 1900) as driver:
            started = time.perf_counter()
            driver.set_page_load_timeout(3600)
            driver.get(address)
            wait_until_shown(driver, timeout=3600)
            opened = time.perf_counter() - started
            sources = driver.execute_script(
                "return Array.from(document.querySelectorAll('.an-chip.an-source'))"
                ".map(c => c.dataset.source)")
            from explorer_driver import _after

            def sort(order):
                button = driver.find_element("css selector", f'.an-sort[data-sort="{order}"]')
                return _after(driver, button.click)

            timings = {"type a term": [], "click a term in the list": [],
                       "brush a range": [], "choose a source": [], "sort keyword in context": []}
            for i in range(repeat):
                typed = ("سوريا", "الحكومة", "حلب")[i % 3]
                timings["type a term"].append(type_term(driver, typed))
                timings["click a term in the list"].append(click_term(driver, 1 + i)[1])
                timings["brush a range"].append(brush(driver, 0.2 + 0.1 * i, 0.6))
                timings["choose a source"].append(choose_source(driver, sources[i % len(sources)]))
                timings["sort keyword in context"].append(sort(("before", "after")[i % 2]))
                choose_source(driver, "*")
            rows = [(name, statistics.median(ms) / 1000, max(ms) / 1000)
                    for name, ms in timings.items()]
            return rows, opened
    finally:
        process.terminate()
        process.wait(timeout=60)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--label", help="the corpus's name in the results (default: its folder)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also time the web app")
    parser.add_argument("--target", type=float, default=None,
                        help="seconds per interaction (default: 0.2, or 2 above 100,000 articles)")
    parser.add_argument("--record", help="markdown file to append the results to")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    corpus = an.load_corpus(args.corpus, on_error="skip", progress=False)
    loaded = time.perf_counter() - started
    target = args.target or (2.0 if len(corpus) > 100_000 else 0.2)
    rows, facts = kernel_figures(corpus, args.repeat)
    if args.browser:  # the web app's cache gets the index: the browser opens it built, as the
        ExplorerData(corpus)  # target says (a build there would outlast the driver's timeout)
    del corpus
    browser_rows, browser_open = ([], None)
    if args.browser:
        browser_rows, browser_open = browser_figures(args.corpus, args.repeat)
    label = args.label or Path(args.corpus).name
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = [
        f"## {label}: {facts['tokens']:,} tokens, {facts['terms']:,} terms, {date.today()}",
        "",
        f"Machine: {machine()}, {memory:.0f} GB RAM. Load average (1 min) "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after."
        f" Command: `python benchmarks/bench_explore.py --corpus <{label}> --repeat {args.repeat}"
        f"{' --browser' if args.browser else ''}`.",
        "",
        f"Loading the corpus: {loaded:.1f} s (not counted). Building the corpus index (first "
        f"opening, once): {facts['index']:.1f} s. Opening the explorer with the index built: "
        f"{facts['open']:.1f} s (the index found and opened {facts['build']:.1f} s, the first "
        f"drawing {facts['first drawing']:.2f} s); peak memory {facts['peak']:.1f} GB"
        + (f". In the browser, from the request to the seven views drawn, loading included: "
           f"{browser_open:.1f} s." if browser_open is not None else "."),
        "",
        f"| interaction (kernel, {args.repeat} times) | median (s) | worst (s) | target (s) "
        "| met |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [f"| {name} | {median:.3f} | {worst:.3f} | {target:g} | "
              f"{'yes' if worst <= target else 'no'} |" for name, median, worst in rows]
    if browser_rows:
        lines += ["", f"| interaction (browser: click to all views updated, {args.repeat} times) "
                  "| median (s) | worst (s) | target (s) | met |", "|---|---:|---:|---:|---|"]
        lines += [f"| {name} | {median:.3f} | {worst:.3f} | {target:g} | "
                  f"{'yes' if worst <= target else 'no'} |" for name, median, worst in browser_rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.record:
        with open(args.record, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
