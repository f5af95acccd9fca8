"""Measure the corpus index: building it against one tokenising pass, opening it, asking it.

    python benchmarks/bench_index.py --corpus <ANT> [--shards <SHARDS>/ant-x10] [--repeats 3]

Each step runs in a fresh Python process (its peak RSS is its own, the corpus loaded
included), with an empty cache folder for the builds:

* ``tokenise``: one pass of the default ``ArabicAnalyzer`` over every text (what the index
  replaces); the target is a build in at most 3 times this;
* ``build``: ``build_index`` on the pandas corpus (key, tokenising, merge, writing), and
  the index's size on disk;
* ``open``: ``build_index`` again (the key, then the folder opened), ``CorpusIndex.open``
  alone, and a few questions (term counts of all and of one source, keyword in context);
* ``dask`` (with ``--shards``): ``build_index`` on a Dask corpus of Parquet shards, on a
  local cluster of 2 workers of 1 thread (3 GB each); each worker's peak RSS.

Prints a table and writes ``benchmarks/results/index.md`` (the corpus paths as ``<ANT>``
and ``<SHARDS>``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_loading import machine  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "index.md"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def _load(path: str, engine: str = "pandas"):
    import arabic_news as an

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return an.load_corpus(path, engine=engine, progress=False)


def step_tokenise(corpus: str, cache: str) -> dict:
    import arabic_news as an

    frame = _load(corpus)
    analyzer = an.ArabicAnalyzer()
    texts = frame["text"].tolist()
    start = time.perf_counter()
    tokens = sum(len(analyzer(text)) for text in texts)
    return {"seconds": time.perf_counter() - start, "documents": len(texts), "terms": tokens}


def step_build(corpus: str, cache: str) -> dict:
    from arabic_news.index import build_index

    frame = _load(corpus)
    loaded = _peak_mb()
    start = time.perf_counter()
    index = build_index(frame, cache_dir=cache, progress=False)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "size_mb": _size_mb(index.folder), "loaded_mb": loaded,
            "tokens": index.manifest["tokens"], "terms": index.manifest["terms"],
            "term_types": index.manifest["term_types"],
            "bigram_types": index.manifest["bigram_types"]}


def step_open(corpus: str, cache: str) -> dict:
    from arabic_news.index import CorpusIndex, build_index

    frame = _load(corpus)
    start = time.perf_counter()
    index = build_index(frame, cache_dir=cache, progress=False)
    found = time.perf_counter() - start
    start = time.perf_counter()
    index = CorpusIndex.open(index.folder)
    opened = time.perf_counter() - start
    timings = {}
    source = index.documents["source"].value_counts().index[0]
    questions = {
        "term_counts (all)": lambda: index.term_counts(),
        "top_terms(50) of one source": lambda: index.top_terms(50, index.select(source=source)),
        "kwic('روسيا', limit=100)": lambda: index.kwic("روسيا", limit=100),
        "collocations('روسيا')": lambda: index.collocations("روسيا"),
    }
    for name, question in questions.items():
        start = time.perf_counter()
        question()
        timings[name] = time.perf_counter() - start
    return {"build_index (hit)": found, "CorpusIndex.open": opened, **timings}


def step_dask(shards: str, cache: str) -> dict:
    from arabic_news.engines.cluster import client
    from arabic_news.index import build_index

    with client(n_workers=2, threads_per_worker=1, memory_limit="3GB",
                dashboard=False) as dask_client:
        frame = _load(shards, "dask")
        start = time.perf_counter()
        index = build_index(frame, cache_dir=cache, progress=False)
        seconds = time.perf_counter() - start
        workers = dask_client.run(_peak_mb)
    return {"seconds": seconds, "size_mb": _size_mb(index.folder),
            "documents": len(index), "tokens": index.manifest["tokens"],
            "parts": index.manifest["parts"], "workers_peak_mb": sorted(workers.values())}


STEPS = {"tokenise": step_tokenise, "build": step_build, "open": step_open, "dask": step_dask}


def child(step: str, path: str, cache: str) -> dict:
    result = STEPS[step](path, cache)
    return {**result, "peak_mb": _peak_mb()}


def run(step: str, path: Path, cache: Path) -> dict:
    command = [sys.executable, __file__, "--child", step, "--corpus", str(path),
               "--cache", str(cache)]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "ARABIC_NEWS_CACHE": str(cache)})
    if done.returncode:
        raise SystemExit(f"step {step} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--shards", type=Path, default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", choices=sorted(STEPS), default=None)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, str(args.corpus), str(args.cache))))
        return
    head = machine()
    scratch = Path(tempfile.mkdtemp(prefix="bench-index-"))
    try:
        tokenise = [run("tokenise", args.corpus, scratch / "t") for _ in range(args.repeats)]
        builds = []
        for number in range(args.repeats):
            builds.append(run("build", args.corpus, scratch / f"b{number}"))
        opens = [run("open", args.corpus, scratch / "b0") for _ in range(args.repeats)]
        dask = run("dask", args.shards, scratch / "d") if args.shards else None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    lines = _report(tokenise, builds, opens, dask)
    text = "\n".join(["# Corpus index benchmark", "",
                      "Written by `benchmarks/bench_index.py`; `<ANT>` is the unpacked ANT "
                      "corpus v2.1, `<SHARDS>/ant-x10` its 315,230-article resample in "
                      "Parquet shards. Each step in a fresh process; medians of the runs.", "",
                      *lines, "",
                      "Reproduce: `.venv/bin/python benchmarks/bench_index.py --corpus <ANT> "
                      "--shards <SHARDS>/ant-x10`", "",
                      *head, f"- RAM: {_ram_gb():.0f} GB", ""])
    print(text)
    RESULTS.write_text(text, encoding="utf-8")


def _ram_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _runs(runs: list[dict], key: str) -> str:
    return ", ".join(f"{run[key]:.2f}" for run in runs)


def _report(tokenise, builds, opens, dask) -> list[str]:
    one_pass = _median(tokenise, "seconds")
    build = _median(builds, "seconds")
    first = builds[0]
    lines = [
        f"Corpus `<ANT>`: {tokenise[0]['documents']:,} articles, {first['tokens']:,} tokens, "
        f"{first['terms']:,} terms of {first['term_types']:,} types, "
        f"{first['bigram_types']:,} bigram types.", "",
        "| step | median s | runs (s) | peak RSS MB |", "|---|---|---|---|",
        f"| one tokenising pass (`ArabicAnalyzer()` on every text) | {one_pass:.2f} | "
        f"{_runs(tokenise, 'seconds')} | {_median(tokenise, 'peak_mb'):.0f} |",
        f"| `build_index` (key, tokenise, merge, write) | {build:.2f} | "
        f"{_runs(builds, 'seconds')} | {_median(builds, 'peak_mb'):.0f} (corpus loaded: "
        f"{_median(builds, 'loaded_mb'):.0f}) |",
    ]
    for key in opens[0]:
        if key != "peak_mb":
            lines.append(f"| {key} | {_median(opens, key):.3f} | {_runs(opens, key)} | |")
    lines += ["", f"- build / one tokenising pass: **{build / one_pass:.2f}x** (target: at "
              "most 3x)", f"- index size on disk: {first['size_mb']:.0f} MB"]
    if dask:
        lines += ["", f"On Dask, `<SHARDS>/ant-x10` ({dask['documents']:,} articles, "
                  f"{dask['tokens']:,} tokens, {dask['parts']} partitions), a local cluster of "
                  "2 workers x 1 thread, 3 GB each:", "",
                  f"- `build_index`: {dask['seconds']:.0f} s; index {dask['size_mb']:.0f} MB",
                  f"- peak RSS: this process (the merge) {dask['peak_mb']:.0f} MB; workers "
                  + ", ".join(f"{value:.0f}" for value in dask["workers_peak_mb"]) + " MB"]
    return lines


if __name__ == "__main__":
    main()
