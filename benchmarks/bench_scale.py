"""Proofs for the Dask engine on ANT and on resampled corpora of millions of articles.

    python benchmarks/bench_scale.py data --ant <ANT> --dest <SHARDS> [--copies 3 64]
    python benchmarks/bench_scale.py equal --ant <ANT>
    python benchmarks/bench_scale.py speedup --shards <SHARDS>/ant-x3
    python benchmarks/bench_scale.py large --shards <SHARDS>/ant-x64 [--memory 3GB]

``data`` converts ANT to Parquet shards once, then writes resampled corpora of ANT x COPIES
(each copy's doc_ids prefixed, so they stay unique) as shards folders: never into the
repository. ``equal`` checks on ANT that the Dask path (a LocalCluster of two workers) gives
exactly the in-memory counts, n-gram counts, document frequencies, top terms, term shares,
date mentions and events. ``speedup`` times the four large-corpus analyses (term counts,
top bigrams, term share over time, date mentions -> events) with one worker, then two.
``large`` runs them on a LocalCluster of two workers capped at ``--memory`` each, samples
each worker's memory every second, reports wall time, peak memory per worker, workers lost
or restarted, and extrapolates to 5.2 million articles from the measured throughput.
Each command appends its result, with the machine and load average, to
``benchmarks/results/scale.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "scale.md"
TERMS = ["روسيا", "ترامب", "سوريا", "الاقتصاد"]


def machine_line() -> str:
    import dask
    import pandas

    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    return (f"machine: {platform.machine()}, {cpu}, {os.cpu_count()} cores, {memory:.0f} GB; "
            f"Python {platform.python_version()}, pandas {pandas.__version__}, "
            f"dask {dask.__version__}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average "
            f"{os.getloadavg()[0]:.2f} at the start (the cores are shared with other work)")


def record(title: str, lines: list[str]) -> None:
    text = "\n".join([f"## {title}", "", *lines, "", f"- {machine_line()}", "", ""])
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    if not RESULTS.exists():
        RESULTS.write_text("# Scale benchmark\n\nWritten by `benchmarks/bench_scale.py`; "
                           "`<ANT>` is the unpacked ANT corpus v2.1.\n\n", encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write(text)


# ----------------------------------------------------------------------------- data
def make_data(ant: Path, dest: Path, copies: list[int], rows_per_shard: int) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from arabic_news.corpus.convert import write_shards
    from arabic_news.corpus.shards import FORMAT, MANIFEST, VERSION

    base = dest / "ant"
    if not (base / MANIFEST).is_file():
        start = time.perf_counter()
        write_shards(ant, base, rows_per_shard=rows_per_shard, on_error="skip", progress=False)
        print(f"ANT -> {base} in {time.perf_counter() - start:.0f} s")
    table = pa.concat_tables(pq.read_table(path) for path in sorted(base.glob("part-*.parquet")))
    manifest = json.loads((base / MANIFEST).read_text(encoding="utf-8"))
    for count in copies:
        folder = dest / f"ant-x{count}"
        if (folder / MANIFEST).is_file():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        shards, rows, pending = [], 0, []
        for copy in range(count):
            ids = pc.binary_join_element_wise(pa.scalar(f"c{copy}", table["doc_id"].type),
                                              table["doc_id"], pa.scalar("-", table["doc_id"].type))
            pending.append(table.set_column(0, "doc_id", ids.cast(table.schema.field(0).type)))
            buffered = sum(len(t) for t in pending)
            while buffered >= rows_per_shard or (copy == count - 1 and buffered):
                combined = pa.concat_tables(pending)
                chunk, rest = combined.slice(0, rows_per_shard), combined.slice(rows_per_shard)
                name = f"part-{len(shards):05d}.parquet"
                pq.write_table(chunk.combine_chunks(), folder / name)
                shards.append(name)
                rows += len(chunk)
                pending = [rest] if len(rest) else []
                buffered = len(rest)
        (folder / MANIFEST).write_text(json.dumps({
            "format": FORMAT, "version": VERSION, "source": f"ANT x {count} (resampled)",
            "options": {}, "rows": rows, "rows_per_shard": rows_per_shard,
            "columns": table.schema.names, "shards": shards,
            "skipped": manifest["skipped"] * count,
        }, ensure_ascii=False), encoding="utf-8")
        print(f"{folder}: {rows:,} articles in {len(shards)} shards, "
              f"{time.perf_counter() - start:.0f} s")


# ----------------------------------------------------------------------------- workload
def workload(corpus, analyzer, terms) -> dict:
    """The four large-corpus analyses; returns their results and per-step wall times."""
    from arabic_news import analysis, dates_table

    times, results = {}, {}
    start = time.perf_counter()
    results["top_terms"] = analysis.top_terms(corpus["text"], analyzer, n=30)
    times["term counts (top 30)"] = time.perf_counter() - start
    start = time.perf_counter()
    results["top_bigrams"] = analysis.top_ngrams(corpus["text"], analyzer.tokens, size=2, n=30)
    times["top bigrams"] = time.perf_counter() - start
    start = time.perf_counter()
    results["shares"] = analysis.term_share_over_time(corpus, terms, analyzer, frequency="MS")
    times["term share over time"] = time.perf_counter() - start
    start = time.perf_counter()
    results["events"] = analysis.event_points(dates_table(corpus), max_events=15,
                                              granularities=("day",))
    times["date mentions -> events"] = time.perf_counter() - start
    return {"results": results, "times": times}


class MemoryWatch:
    """Samples every worker's RSS once a second (through the client) and keeps the peaks."""

    def __init__(self, client):
        self.client, self.peaks, self.stop = client, {}, threading.Event()
        self.workers_seen: set[str] = set()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        def rss():  # runs on each worker
            import psutil

            return psutil.Process().memory_info().rss

        while not self.stop.is_set():
            try:
                for worker, value in self.client.run(rss).items():
                    self.workers_seen.add(worker)
                    self.peaks[worker] = max(self.peaks.get(worker, 0), value)
            except Exception:  # a worker going away mid-call: counted by the caller
                pass
            self.stop.wait(1.0)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def run_on_cluster(shards: Path, workers: int, memory: str, local_directory: str | None):
    import arabic_news as an
    from arabic_news import scale

    analyzer = an.ArabicAnalyzer()
    terms = [analyzer.tokens(term)[0] for term in TERMS]
    with scale.client(n_workers=workers, memory_limit=memory, dashboard=False,
                      local_directory=local_directory) as client:
        corpus = an.load_corpus(shards, engine="dask")
        before = set(client.scheduler_info()["workers"])
        with MemoryWatch(client) as watch:
            start = time.perf_counter()
            outcome = workload(corpus, analyzer, terms)
            wall = time.perf_counter() - start
        after = set(client.scheduler_info()["workers"])
        outcome.update(wall=wall, peaks=watch.peaks, partitions=corpus.npartitions,
                       lost=len(before - after) + len(watch.workers_seen - before),
                       rows=len(corpus.index))
    return outcome


# ----------------------------------------------------------------------------- commands
def equal(ant: Path, shards: Path | None) -> None:
    import pandas as pd

    import arabic_news as an
    from arabic_news import analysis, scale

    analyzer = an.ArabicAnalyzer()
    terms = [analyzer.tokens(term)[0] for term in TERMS]
    start = time.perf_counter()
    corpus = an.load_corpus(ant, on_error="skip", progress=False)
    memory = {"load": time.perf_counter() - start}
    checks = []

    def check(name, left, right):
        if isinstance(left, pd.DataFrame):
            try:
                pd.testing.assert_frame_equal(left, right)
                same = True
            except AssertionError:
                same = False
        else:
            same = left == right
        checks.append(f"| {name} | {'equal' if same else '**DIFFERENT**'} |")

    start = time.perf_counter()
    expected = {
        "ngrams": analysis.ngram_counts(corpus["text"], analyzer.tokens, sizes=(1, 2)),
        "df": analysis.document_frequencies(corpus["text"], analyzer),
        "top": analysis.top_terms(corpus["text"], analyzer, n=50),
        "bigrams": analysis.top_ngrams(corpus["text"], analyzer.tokens, size=2, n=50),
        "shares": analysis.term_share_over_time(corpus, terms, analyzer),
        "periods": analysis.articles_per_period(corpus),
        "mentions": an.dates_table(corpus),
    }
    expected["events"] = analysis.event_points(expected["mentions"])
    memory["pandas"] = time.perf_counter() - start
    with scale.client(n_workers=2, memory_limit="3GB", dashboard=False):
        lazy = an.load_corpus(shards or ant, engine="dask", on_error="skip", progress=False,
                              dask_options={"rows_per_shard": 4000})
        start = time.perf_counter()
        check("corpus frame", lazy.compute().reset_index(drop=True), corpus)
        got = analysis.ngram_counts(lazy["text"], analyzer.tokens, sizes=(1, 2))
        check(f"term counts ({len(got[1]):,} terms)", got[1], expected["ngrams"][1])
        check(f"bigram counts ({len(got[2]):,} bigrams)", got[2], expected["ngrams"][2])
        check("document frequencies", analysis.document_frequencies(lazy["text"], analyzer),
              expected["df"])
        check("top 50 terms", analysis.top_terms(lazy["text"], analyzer, n=50), expected["top"])
        check("top 50 bigrams", analysis.top_ngrams(lazy["text"], analyzer.tokens, size=2, n=50),
              expected["bigrams"])
        check("term share over time", analysis.term_share_over_time(lazy, terms, analyzer),
              expected["shares"])
        check("articles per period", analysis.articles_per_period(lazy), expected["periods"])
        mentions = an.dates_table(lazy)
        check(f"date mentions ({len(expected['mentions']):,})",
              mentions.compute().reset_index(drop=True), expected["mentions"])
        check("events (top 15 dates)", analysis.event_points(mentions), expected["events"])
        memory["dask"] = time.perf_counter() - start
    record("Equal results on ANT: Dask (LocalCluster, 2 workers) against in-memory pandas", [
        f"{len(corpus):,} articles. Command: `python benchmarks/bench_scale.py equal --ant <ANT>`",
        "", "| result | Dask vs pandas |", "|---|---|", *checks, "",
        f"Wall time: pandas {memory['pandas']:.0f} s (load {memory['load']:.0f} s); Dask, "
        f"every check above {memory['dask']:.0f} s.",
    ])


def speedup(shards: Path, memory: str, local_directory: str | None) -> None:
    one = run_on_cluster(shards, 1, memory, local_directory)
    load_one = os.getloadavg()[0]
    two = run_on_cluster(shards, 2, memory, local_directory)
    same = all(_same(one["results"][key], two["results"][key]) for key in one["results"])
    rows = [f"| {step} | {one['times'][step]:.1f} | {two['times'][step]:.1f} | "
            f"{one['times'][step] / two['times'][step]:.2f}x |" for step in one["times"]]
    record(f"Two workers against one on {shards.name} ({one['rows']:,} articles, "
           f"{one['partitions']} partitions)", [
        f"Command: `python benchmarks/bench_scale.py speedup --shards .../{shards.name}`; "
        "LocalCluster, one thread per worker process.", "",
        "| step | 1 worker (s) | 2 workers (s) | speed-up |", "|---|---|---|---|", *rows,
        f"| **all four** | {one['wall']:.1f} | {two['wall']:.1f} | "
        f"**{one['wall'] / two['wall']:.2f}x** |", "",
        f"Results of the two runs identical: {same}. Load average after the 1-worker run: "
        f"{load_one:.2f}; after the 2-worker run: {os.getloadavg()[0]:.2f}.",
    ])


def large(shards: Path, memory: str, local_directory: str | None) -> None:
    outcome = run_on_cluster(shards, 2, memory, local_directory)
    rows, partitions = outcome["rows"], outcome["partitions"]
    per_article = outcome["wall"] / rows
    peaks = ", ".join(f"{value / 1e9:.2f} GB" for value in outcome["peaks"].values())
    steps = [f"| {step} | {seconds:.0f} |" for step, seconds in outcome["times"].items()]
    events = outcome["results"]["events"]
    top = outcome["results"]["top_bigrams"].head(5)
    shown = ", ".join(f"{term} ({count:,})"
                      for term, count in zip(top["term"], top["count"], strict=True))
    record(f"{rows:,} articles on a LocalCluster of 2 workers capped at {memory} each", [
        f"Command: `python benchmarks/bench_scale.py large --shards .../{shards.name} "
        f"--memory {memory}`; {partitions} partitions (Parquet shards).", "",
        "| step | wall s |", "|---|---|", *steps, f"| **all four** | {outcome['wall']:.0f} |",
        "", f"- peak RSS per worker: {peaks}; workers lost or restarted: {outcome['lost']}",
        f"- throughput: {rows / outcome['wall']:,.0f} articles/s on 2 workers "
        f"({outcome['wall'] / partitions:.1f} s per partition of {rows // partitions:,}); "
        f"5.2 M articles at this rate: {5.2e6 * per_article / 60:.0f} min on 2 workers, "
        f"{5.2e6 * per_article * 2 / 16 / 60:.0f} min on 16 workers (work per partition is "
        "independent; the aggregation is a small share of the time)",
        f"- top bigrams: {shown}",
        f"- most-mentioned days: {', '.join(events['when'].head(5))}",
    ])


def _same(left, right) -> bool:
    import pandas as pd

    try:
        pd.testing.assert_frame_equal(left, right)
        return True
    except AssertionError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    data = commands.add_parser("data")
    data.add_argument("--ant", type=Path, required=True)
    data.add_argument("--dest", type=Path, required=True)
    data.add_argument("--copies", type=int, nargs="+", default=[3, 64])
    data.add_argument("--rows-per-shard", type=int, default=25_000)
    check = commands.add_parser("equal")
    check.add_argument("--ant", type=Path, required=True)
    check.add_argument("--shards", type=Path, default=None)
    for name in ("speedup", "large"):
        command = commands.add_parser(name)
        command.add_argument("--shards", type=Path, required=True)
        command.add_argument("--memory", default="3GB")
        command.add_argument("--local-directory", default=None)
    args = parser.parse_args()
    repository = Path(__file__).resolve().parents[1]
    if args.command == "data":
        if args.dest.resolve().is_relative_to(repository):
            parser.error("--dest: generated corpora go outside the repository")
        make_data(args.ant, args.dest, args.copies, args.rows_per_shard)
    elif args.command == "equal":
        equal(args.ant, args.shards)
    elif args.command == "speedup":
        speedup(args.shards, args.memory, args.local_directory)
    else:
        large(args.shards, args.memory, args.local_directory)


if __name__ == "__main__":
    main()
