"""Measure how fast ``load_corpus`` reads a whole corpus, and its peak memory.

    python benchmarks/bench_loading.py --corpus <ANT> [--repeats 3] [--against <SRC>]

``--against`` names the ``src`` folder of another checkout (for example the commit before a
change to the loader): its ``load_corpus`` is measured too, runs alternating with this one's so
that a change in the machine's load falls on both.

Each run happens in a fresh subprocess, so peak RSS (``ru_maxrss``) covers one load only
(imports included). For reference, the same files are also parsed with a strict XML parser
(``xml.etree``), which is what a naive loader would do: it drops the malformed files.
Prints a table and writes ``benchmarks/results/loading.md``.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "loading.md"
LOAD_BEFORE = os.getloadavg()[0]

CHILD_LOADER = """
import json, resource, sys, time
start = time.perf_counter()
import arabic_news
import arabic_news.corpus.loader, pandas, pyarrow.parquet
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
df = arabic_news.load_corpus(sys.argv[1], on_error="skip", progress=False)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
frame = df.memory_usage(deep=True).sum() / 2**20
print(json.dumps({"seconds": seconds, "rows": len(df), "skipped": len(df.attrs["skipped"]),
                  "peak_mb": peak, "base_mb": base, "frame_mb": frame,
                  "ratio": (peak - base) / frame,
                  "text_mb": df.text.str.len().sum() / 1e6}))
"""

CHILD_STRICT_XML = """
import json, os, resource, sys, time
import xml.etree.ElementTree as ET
start = time.perf_counter()
rows = failed = 0
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".txt"):
            try:
                ET.parse(os.path.join(folder, name))
                rows += 1
            except ET.ParseError:
                failed += 1
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rows": rows, "skipped": failed,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_child(code: str, corpus: Path, source: Path | None = None) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON report.

    ``source``: a ``src`` folder put first on the child's path, so its package is measured.
    """
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, check=True,
        env=env,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def summarise(runs: list[dict]) -> dict:
    """Median seconds and the largest peak RSS of several runs of one measurement."""
    summary = dict(runs[-1])
    summary["seconds"] = statistics.median(run["seconds"] for run in runs)
    summary["all_seconds"] = [round(run["seconds"], 2) for run in runs]
    summary["peak_mb"] = max(run["peak_mb"] for run in runs)
    summary["runs"] = runs
    return summary


def measure(code: str, corpus: Path, repeats: int) -> dict:
    """Median seconds and the largest peak RSS over ``repeats`` fresh runs."""
    return summarise([run_child(code, corpus) for _ in range(repeats)])


def machine() -> list[str]:
    """Lines describing the machine and library versions, for the results file."""
    import numpy
    import pandas
    import pyarrow

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return [
        f"- machine: {platform.machine()}, CPU {cpu}, {os.cpu_count()} cores",
        f"- Python {platform.python_version()}, pandas {pandas.__version__}, "
        f"pyarrow {pyarrow.__version__}, numpy {numpy.__version__}",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average before the run "
        f"{LOAD_BEFORE:.2f} (other work on the machine slows the figures)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder to load (e.g. ANT)")
    parser.add_argument("--repeats", type=int, default=3, help="fresh runs per measurement")
    parser.add_argument("--output", type=Path, default=RESULTS, help="markdown results file")
    parser.add_argument("--against", type=Path, default=None,
                        help="src folder of another checkout whose load_corpus to compare")
    parser.add_argument("--against-name", default="`--against`",
                        help="what the --against checkout is, for the table (e.g. a commit)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        parser.error(f"--corpus {args.corpus} is not a folder")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    if args.against is not None and not (args.against / "arabic_news").is_dir():
        parser.error(f"--against {args.against} has no arabic_news package: give a src folder")
    if args.against is None:
        loader = measure(CHILD_LOADER, args.corpus, args.repeats)
    else:  # alternate the two, so that the machine's load falls on both alike
        ours, theirs = [], []
        for _ in range(args.repeats):
            ours.append(run_child(CHILD_LOADER, args.corpus))
            theirs.append(run_child(CHILD_LOADER, args.corpus, args.against))
        loader, other = summarise(ours), summarise(theirs)
    strict = measure(CHILD_STRICT_XML, args.corpus, args.repeats)
    for key in ("base_mb", "frame_mb", "ratio"):
        loader[key] = max(run[key] for run in loader["runs"])
    rows = [
        "| reader | documents loaded | failed/skipped | median wall s | runs (s) | peak RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    readers = [("arabic_news.load_corpus", loader)]
    if args.against is not None:
        other["ratio"] = max(run["ratio"] for run in other["runs"])
        readers.append((f"load_corpus of {args.against_name} (`<SRC>`)", other))
    for name, result in (*readers, ("xml.etree strict", strict)):
        rows.append(
            f"| {name} | {result['rows']:,} | {result['skipped']} | {result['seconds']:.2f} "
            f"| {result['all_seconds']} | {result['peak_mb']:.0f} |"
        )
    lines = [
        "# Loading benchmark",
        "",
        f"Corpus: `{args.corpus.name}` ({loader['text_mb']:.1f} M characters of article text). "
        "Each run is a fresh process (imports included); the OS file cache is warm.",
        "",
        *rows,
        "",
        f"Memory of `load_corpus`: the returned DataFrame holds {loader['frame_mb']:.0f} MB "
        f"(`memory_usage(deep=True)`); the process held {loader['base_mb']:.0f} MB after its "
        f"imports, and loading raised the peak by {loader['ratio']:.2f}x the DataFrame "
        "(the issue's bound: at most 2x)."
        + (f" The `--against` loader raised it by {other['ratio']:.2f}x its DataFrame; runs "
           "alternated with this one's." if args.against is not None else ""),
        "",
        "Reproduce: `.venv/bin/python benchmarks/bench_loading.py --corpus <ANT>"
        + (f" --against <SRC> --against-name '{args.against_name}'`"
           if args.against is not None else "`"),
        "",
        *machine(),
        "",
    ]
    print("\n".join(lines))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"written to {args.output}")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"benchmark took {time.perf_counter() - start:.0f} s")
