"""Time and memory of boilerplate removal on a corpus, with what it removed (aggregates only).

Usage: python benchmarks/bench_boilerplate.py --corpus PATH [--text-column C]
       [--date-column C] [--record FILE]

Runs in a fresh process: loads the corpus (time and peak memory reported apart), then times
each step of ``remove_boilerplate``: the sizes of the sources (articles and words per source
and day), the first counting round (whole lines and 3-word runs at the edges), the second
(longer runs of the lines whose 3-word run passed), and the pass that removes. The keys
counted show what memory is bounded by: distinct (source, kind, template, day) keys, not
the text. Prints the removed share of words per source; never a line of the corpus (a
licensed corpus must not end up in the results).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_notebooks import machine  # noqa: E402

STEP = """
import json, resource, sys, time, warnings
import pandas as pd
import arabic_news as an
from arabic_news.prepare import boilerplate as bp
path, text_column, date_column = sys.argv[1], sys.argv[2] or None, sys.argv[3] or None
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
timings = {}
started = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    corpus = an.load_corpus(path, text_column=text_column, date_column=date_column,
                            on_error="skip", progress=False)
timings["load"] = time.perf_counter() - started
loaded_peak = peak()
rules = bp.rules_of()
started = time.perf_counter()
sizes = bp.articles_per_source(corpus)
timings["sizes"] = time.perf_counter() - started
started = time.perf_counter()
first = bp.count_partition(corpus, rules)
chosen = bp.boilerplate_templates(first, sizes, rules)
timings["round 1"] = time.perf_counter() - started
started = time.perf_counter()
openings = bp.shortest_runs(chosen)
second = bp.count_partition(corpus, rules, openings) if openings else first.iloc[:0]
if openings:
    chosen = pd.concat([chosen, bp.boilerplate_templates(second, sizes, rules)],
                       ignore_index=True)
timings["round 2"] = time.perf_counter() - started
started = time.perf_counter()
cleaned, report = bp.clean_partition(corpus, chosen, rules)
timings["remove"] = time.perf_counter() - started
table = bp.boilerplate_table(report, chosen, sizes)
words = sizes.groupby("source")["words"].sum()
removed = table.groupby("source")["words"].sum().reindex(words.index, fill_value=0)
print(json.dumps({
    "articles": len(corpus), "sources": int(sizes["source"].nunique()),
    "timings": timings, "loaded_peak_mb": loaded_peak, "peak_mb": peak(),
    "keys_round_1": len(first), "keys_round_2": len(second), "chosen": len(chosen),
    "templates_removed": len(table), "removals": int(table["articles"].sum()),
    "words_removed": int(removed.sum()), "words": int(words.sum()),
    "per_source": {str(source): [int(removed[source]), int(words[source])]
                   for source in words.index},
}))
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--text-column", default="")
    parser.add_argument("--date-column", default="")
    parser.add_argument("--name", help="the corpus's name in the results (default: its file)")
    parser.add_argument("--record", help="markdown file to append the results to")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    done = subprocess.run([sys.executable, "-c", STEP, args.corpus, args.text_column,
                           args.date_column], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    load_after = os.getloadavg()[0]
    name = args.name or Path(args.corpus).name
    timings = result["timings"]
    lines = [
        f"## {name}: {result['articles']:,} articles, {result['sources']} sources, "
        f"{date.today():%Y-%m-%d}",
        "",
        f"Machine: {machine()}. Load average (1 min) {load_before:.1f} before, "
        f"{load_after:.1f} after. Command: `python benchmarks/bench_boilerplate.py "
        f"--corpus <{name}>`.",
        "",
        "| step | wall time (s) |",
        "|---|---:|",
        *(f"| {step} | {seconds:.1f} |" for step, seconds in timings.items()),
        "",
        f"Peak memory: {result['loaded_peak_mb']:.0f} MB after loading, "
        f"{result['peak_mb']:.0f} MB at the end. Keys counted: {result['keys_round_1']:,} "
        f"(round 1), {result['keys_round_2']:,} (round 2); templates chosen "
        f"{result['chosen']:,}; {result['templates_removed']} removed somewhere, "
        f"{result['removals']:,} removals, {result['words_removed']:,} of "
        f"{result['words']:,} words ({result['words_removed'] / result['words']:.2%}).",
        "",
        "| source | words removed | share of its words |",
        "|---|---:|---:|",
        *(f"| {source} | {removed:,} | {removed / total:.2%} |"
          for source, (removed, total) in result["per_source"].items()),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.record:
        with open(args.record, "a", encoding="utf-8") as record:
            record.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
