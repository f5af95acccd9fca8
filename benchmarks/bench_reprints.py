"""Near-duplicate detection: time, memory and recall against brute-force Jaccard.

Usage: python benchmarks/bench_reprints.py --corpus NAME=PATH [--corpus NAME=PATH ...]
       [--date-column NAME=COLUMN] [--sample 1500] [--record FILE]

For each corpus, in a fresh process: the corpus is loaded (time reported apart, not counted),
then ``analysis.near_duplicates(corpus, cache=False)`` is timed (wall and CPU seconds, peak
resident memory of the process, corpus included), then the same call with the disk cache:
a first call (hashing the content, finding the groups, writing the entry), then a second
call (hashing the content, reading the entry: what every lesson after the first pays).

Recall is measured against brute force, independently of the method's own hashing: every
article's set of 5-word shingles is built from ``an.tokenize`` as word tuples, and for a
random sample of ``--sample`` articles the exact Jaccard similarity to *every* article of the
corpus is computed (a sparse product of shingle-incidence matrices: every pair of a sampled
article with any other, nothing skipped). Reported:

* recall at 0.9: the share of pairs with a true Jaccard of at least 0.9 that share a group
  (the contract: it must be 1);
* recall at the threshold (0.8): the same for pairs of at least 0.8;
* pairs below the threshold put in one group (through a chain of pairs above it), and pairs
  of one group below 0.5;
* the mean absolute error of the ``similarity`` column (MinHash estimate to the group's
  origin) against the true Jaccard similarity to the origin.

``--baseline REV`` also times the same call (``cache=False``, a fresh process each) with the
package of git revision ``REV`` (its ``src`` exported to a temporary folder) and with the
current one, in alternation, to show a change did not slow the in-memory engine.

``--dask NAME=PATH`` runs the method on the Dask engine: Parquet shards (such as
``<SHARDS>/ant-x10``) on a ``LocalCluster`` of ``--workers`` worker processes (one thread
each) capped at ``--memory`` each, started by ``arabic_news.scale.client``. Reported: wall
time, CPU seconds of the driver and of the workers, the peak resident memory of the driver
(which also runs the scheduler) and of each worker (each process's own peak, read on the
worker), workers lost, the groups found, then a call with the disk cache (hashing every
partition where it is, finding and writing the groups) and a later call (hashing, reading).

Results go to ``--record`` (markdown) with the machine and the load average; paths of this
machine are written as the names given (``ANT=...`` is written ``<ANT>``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_notebooks import machine  # noqa: E402

CACHED_CALLS = r"""
import os, tempfile, time
from arabic_news import analysis

def cached_calls(corpus, groups):
    '''Seconds of a first call with the disk cache (finding, writing) and of a later one.'''
    os.environ["ARABIC_NEWS_CACHE"] = tempfile.mkdtemp()
    started = time.perf_counter()
    analysis.near_duplicates(corpus, cache=True)
    write_s = time.perf_counter() - started
    started = time.perf_counter()
    cached = analysis.near_duplicates(corpus, cache=True)
    read_s = time.perf_counter() - started
    assert cached.equals(groups) or len(cached) == len(groups)
    return write_s, read_s
"""

RUN = CACHED_CALLS + r"""
import json, os, random, resource, sys, tempfile, time, warnings
import numpy as np
from scipy import sparse
import arabic_news as an
from arabic_news import analysis

path, date_column, sample_size = sys.argv[1], sys.argv[2] or None, int(sys.argv[3])
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
options = {"date_column": date_column} if date_column else {}
started = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    corpus = an.load_corpus(path, on_error="skip", progress=False, **options)
loaded = time.perf_counter() - started

started, cpu_started = time.perf_counter(), cpu()
groups = analysis.near_duplicates(corpus, cache=False)
wall, cpu_s = time.perf_counter() - started, cpu() - cpu_started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
write_s, read_s = cached_calls(corpus, groups)

# brute force: every sampled article against every article, exact Jaccard of word 5-shingles
ids = {}
rows, cols = [], []
for row, text in enumerate(corpus["text"].tolist()):
    words = an.tokenize(text)
    shingles = {tuple(words[i:i + 5]) for i in range(max(1, len(words) - 4))} if words else set()
    for shingle in shingles:
        rows.append(row)
        cols.append(ids.setdefault(shingle, len(ids)))
incidence = sparse.csr_matrix((np.ones(len(rows), np.int32), (rows, cols)),
                              shape=(len(corpus), len(ids)))
sizes = np.asarray(incidence.sum(axis=1)).ravel()
rng = random.Random(7)
sample = sorted(rng.sample(range(len(corpus)), min(sample_size, len(corpus))))
common = (incidence[sample] @ incidence.T).tocoo()
keep = (np.asarray(sample)[common.row] != common.col) & (sizes[common.col] > 0)
first = np.asarray(sample)[common.row[keep]]
second = common.col[keep]
inter = common.data[keep]
jaccard = inter / (sizes[first] + sizes[second] - inter)
doc_ids = corpus["doc_id"].to_numpy()
group_of = dict(zip(groups["doc_id"], groups["group"]))
same = np.array([group_of.get(doc_ids[a], -1) == group_of.get(doc_ids[b], -2)
                 for a, b in zip(first, second)], bool)
def share(mask):
    return (int(same[mask].sum()), int(mask.sum()))
origin_of = groups[groups["origin"]].set_index("group")["doc_id"]
position = {doc_id: i for i, doc_id in enumerate(doc_ids)}
errors = []
for doc_id, group, similarity in groups[["doc_id", "group", "similarity"]].itertuples(index=False):
    a, b = position[doc_id], position[origin_of[group]]
    if a == b:
        continue
    both = incidence[a].multiply(incidence[b]).sum()
    errors.append(abs(similarity - both / (sizes[a] + sizes[b] - both)))
counts = analysis.duplicate_counts(groups)
print(json.dumps({
    "articles": len(corpus), "load_s": loaded, "wall_s": wall, "cpu_s": cpu_s,
    "peak_mb": peak_mb, "write_s": write_s, "read_s": read_s, "grouped": len(groups),
    **{key: value for key, value in counts.items() if key != "articles"},
    "candidate_pairs": len(analysis.compared_pairs(corpus, cache=False)),
    "sample": len(sample), "pairs_compared": int(keep.sum()),
    "recall_09": share(jaccard >= 0.9), "recall_08": share(jaccard >= 0.8),
    "grouped_below_08": int((same & (jaccard < 0.8)).sum()),
    "grouped_below_05": int((same & (jaccard < 0.5)).sum()),
    "grouped_pairs": int(same.sum()),
    "similarity_mae": float(np.mean(errors)) if errors else 0.0,
    "similarity_max_error": float(np.max(errors)) if errors else 0.0,
}))
"""

DASK_RUN = CACHED_CALLS + r"""
import json, os, resource, sys, tempfile, time
import arabic_news as an
from arabic_news import analysis, scale

path, workers, memory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def cpu_s():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
with scale.client(n_workers=workers, memory_limit=memory, dashboard=False) as client:
    corpus = an.load_corpus(path, engine="dask")
    before = set(client.scheduler_info()["workers"])
    worker_cpu = sum(client.run(cpu_s).values())
    started, cpu_started = time.perf_counter(), cpu_s()
    groups = analysis.near_duplicates(corpus, cache=False)
    wall, driver_cpu = time.perf_counter() - started, cpu_s() - cpu_started
    worker_cpu = sum(client.run(cpu_s).values()) - worker_cpu
    driver_peak, worker_peaks = peak_mb(), sorted(client.run(peak_mb).values())
    lost = len(before - set(client.scheduler_info()["workers"]))
    write_s, read_s = cached_calls(corpus, groups)
    counts = analysis.duplicate_counts(groups)
    print(json.dumps({
        "articles": int(len(corpus.index)),
        "partitions": int(corpus.npartitions), "workers": workers, "memory": memory,
        "wall_s": wall, "driver_cpu_s": driver_cpu, "worker_cpu_s": worker_cpu,
        "driver_peak_mb": driver_peak, "worker_peaks_mb": worker_peaks, "lost": lost,
        "write_s": write_s, "read_s": read_s, "grouped": counts.pop("articles"), **counts,
        "candidate_pairs": len(analysis.compared_pairs(corpus, cache=True)),
    }))
"""

TIMING = r"""
import json, resource, sys, time, warnings
import arabic_news as an
from arabic_news import analysis

path, date_column = sys.argv[1], sys.argv[2] or None
options = {"date_column": date_column} if date_column else {}
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    corpus = an.load_corpus(path, on_error="skip", progress=False, **options)
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
started, cpu_started = time.perf_counter(), cpu()
groups = analysis.near_duplicates(corpus, cache=False)
print(json.dumps({"wall_s": time.perf_counter() - started, "cpu_s": cpu() - cpu_started,
                  "rows": len(groups),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

#: Alternating runs of the baseline and of the current package, for --baseline.
ROUNDS = 3

TARGETS = {"ANT": 30, "Saudi": 20}


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def memory_total() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 ** 2:.0f} GB RAM"
    return "RAM unknown"


def run(path: str, date_column: str, sample: int) -> dict:
    result = subprocess.run([sys.executable, "-c", RUN, path, date_column, str(sample)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_dask(path: str, workers: int, memory: str) -> dict:
    result = subprocess.run([sys.executable, "-c", DASK_RUN, path, str(workers), memory],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def timing(path: str, date_column: str, source: str | None = None) -> dict:
    """One timed call in a fresh process, with the package in ``source`` (a ``src`` folder)
    or the installed one."""
    environment = {**os.environ, **({"PYTHONPATH": source} if source else {})}
    result = subprocess.run([sys.executable, "-c", TIMING, path, date_column],
                            capture_output=True, text=True, check=True, env=environment)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_baseline(revision: str, path: str, date_column: str) -> dict:
    """Medians of :data:`ROUNDS` alternating timings with the package of ``revision`` (its
    ``src`` exported by git archive) and with the current one: alternating, so that a load
    on the machine weighs on both alike."""
    root = Path(__file__).resolve().parents[1]
    runs: dict[str, list[dict]] = {"before": [], "now": []}
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(root), "archive", revision, "src"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        for _ in range(ROUNDS):
            runs["before"].append(timing(path, date_column, str(Path(folder) / "src")))
            runs["now"].append(timing(path, date_column))
    return {name: {key: statistics.median(run[key] for run in found)
                   for key in ("wall_s", "cpu_s", "peak_mb", "rows")}
            for name, found in runs.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--date-column", action="append", default=[], metavar="NAME=COLUMN")
    parser.add_argument("--sample", type=int, default=1500)
    parser.add_argument("--baseline", metavar="REV",
                        help="also time each --corpus with the package of this git revision")
    parser.add_argument("--dask", action="append", default=[], metavar="NAME=PATH",
                        help="Parquet shards to run on a LocalCluster")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory", default="3GB", help="memory limit per worker")
    parser.add_argument("--record")
    args = parser.parse_args(argv)
    if not args.corpus and not args.dask:
        parser.error("give at least one --corpus or --dask")
    dates = dict(item.split("=", 1) for item in args.date_column)
    before = load_average()
    lines, dask_lines = [], []
    for item in args.corpus:
        name, path = item.split("=", 1)
        print(f"{name}: measuring", flush=True)
        found = run(path, dates.get(name, ""), args.sample)
        found["name"] = name
        if args.baseline:
            print(f"{name}: timing {args.baseline}", flush=True)
            found["baseline"] = run_baseline(args.baseline, path, dates.get(name, ""))
        lines.append(found)
        print(json.dumps(found), flush=True)
    for item in args.dask:
        name, path = item.split("=", 1)
        print(f"{name}: measuring on {args.workers} Dask workers", flush=True)
        found = run_dask(path, args.workers, args.memory)
        found["name"] = name
        dask_lines.append(found)
        print(json.dumps(found), flush=True)
    after = load_average()
    if args.record:
        record(Path(args.record), lines, dask_lines, args, before, after)
    return 0


def record(path: Path, lines: list[dict], dask_lines: list[dict], args, before: str,
           after: str):
    names = " ".join([*(f"--corpus {line['name']}=<{line['name']}>" for line in lines),
                      *(f"--dask {line['name']}=<SHARDS>/{Path(item.split('=', 1)[1]).name}"
                        for line, item in zip(dask_lines, args.dask, strict=True))])
    options = " ".join([*(f"--date-column {item}" for item in args.date_column),
                        *([f"--sample {args.sample}"] if lines and args.sample != 1500 else []),
                        *([f"--baseline {args.baseline}"] if args.baseline else []),
                        *([f"--workers {args.workers} --memory {args.memory}"]
                          if dask_lines else [])])
    out = [f"# Near-duplicate detection, {date.today().isoformat()}", "",
           f"Machine: {machine()}, {memory_total()}. Load average (1 min) {before} before the "
           f"run and {after} after it. Command: `python benchmarks/bench_reprints.py {names} "
           f"{options}`.", ""]
    if lines:
        out += pandas_tables(lines, args)
    if dask_lines:
        out += dask_table(dask_lines)
    path.write_text("\n".join(out), encoding="utf-8")


def pandas_tables(lines: list[dict], args) -> list[str]:
    out = ["`analysis.near_duplicates(corpus, cache=False)` with the defaults (threshold 0.8, "
           "5-word shingles, 128 permutations: 25 bands of 5 rows), in a fresh process after "
           "loading the corpus, on the in-memory (pandas) engine. CPU time is user + system "
           "time of the process. Peak memory is the process's peak resident set, corpus "
           "included.", "",
           "| corpus | articles | wall (s) | CPU (s) | target (s) | peak (MB) | with the cache: "
           "first call / later call (s) | stories printed twice or more | articles set aside "
           "(exact + near) | candidate pairs |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for line in lines:
        out.append(f"| {line['name']} | {line['articles']:,} | {line['wall_s']:.1f} | "
                   f"{line['cpu_s']:.1f} | < {TARGETS.get(line['name'], '')} | "
                   f"{line['peak_mb']:.0f} | {line['write_s']:.1f} / {line['read_s']:.1f} | "
                   f"{line['groups']:,} | {line['set_aside']:,} ({line['exact']:,} + "
                   f"{line['near']:,}) | {line['candidate_pairs']:,} |")
    if args.baseline:
        out += ["", f"Against the package of `{args.baseline}`: the same call (`cache=False`, "
                f"a fresh process each), {ROUNDS} runs of each package in alternation, "
                "medians:", "",
                f"| corpus | wall / CPU with {args.baseline} (s) | wall / CPU now (s) | peak "
                f"with {args.baseline} / now (MB) | same number of rows |",
                "|---|---:|---:|---:|---|"]
        for line in lines:
            old, now = line["baseline"]["before"], line["baseline"]["now"]
            out.append(f"| {line['name']} | {old['wall_s']:.1f} / {old['cpu_s']:.1f} | "
                       f"{now['wall_s']:.1f} / {now['cpu_s']:.1f} | {old['peak_mb']:.0f} / "
                       f"{now['peak_mb']:.0f} | {old['rows'] == now['rows'] == line['grouped']} |")
    out += ["", "Against brute force: a random sample of articles, each compared with every "
            "article of the corpus by the exact Jaccard similarity of its word 5-shingles "
            "(independent of the method's hashing).", "",
            "| corpus | sampled articles | pairs sharing a shingle | recall at 0.9 | recall at "
            "0.8 | grouped pairs | of which below 0.8 (chained) | below 0.5 | similarity: "
            "mean / max absolute error |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for line in lines:
        r9, r8 = line["recall_09"], line["recall_08"]
        out.append(f"| {line['name']} | {line['sample']:,} | {line['pairs_compared']:,} | "
                   f"{r9[0]:,} / {r9[1]:,} | {r8[0]:,} / {r8[1]:,} | "
                   f"{line['grouped_pairs']:,} | {line['grouped_below_08']:,} | "
                   f"{line['grouped_below_05']:,} | {line['similarity_mae']:.3f} / "
                   f"{line['similarity_max_error']:.3f} |")
    return [*out, ""]


def dask_table(lines: list[dict]) -> list[str]:
    out = ["On the Dask engine: `analysis.near_duplicates(corpus, cache=False)` on Parquet "
           "shards, on a LocalCluster (`arabic_news.scale.client`) of one-thread worker "
           "processes, each capped at the memory limit. Sketches are computed and kept per "
           "partition on the workers; only shared keys, candidates' texts and group members' "
           "sketches come to the driver. CPU: the driver's and the workers' user + system "
           "seconds during the call. Peak memory: each process's own peak resident set (the "
           "driver also runs the scheduler; the workers were started for this run).", "",
           "| shards | articles | partitions | workers x limit | wall (s) | CPU driver / "
           "workers (s) | peak driver (MB) | peak per worker (MB) | workers lost | with the "
           "cache: first call / later call (s) | stories printed twice or more | articles "
           "set aside (exact + near) | candidate pairs |",
           "|---|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for line in lines:
        peaks = ", ".join(f"{peak:,.0f}" for peak in line["worker_peaks_mb"])
        out.append(f"| {line['name']} | {line['articles']:,} | {line['partitions']} | "
                   f"{line['workers']} x {line['memory']} | {line['wall_s']:.1f} | "
                   f"{line['driver_cpu_s']:.1f} / {line['worker_cpu_s']:.1f} | "
                   f"{line['driver_peak_mb']:,.0f} | {peaks} | {line['lost']} | "
                   f"{line['write_s']:.1f} / {line['read_s']:.1f} | {line['groups']:,} | "
                   f"{line['set_aside']:,} ({line['exact']:,} + {line['near']:,}) | "
                   f"{line['candidate_pairs']:,} |")
    return [*out, ""]


if __name__ == "__main__":
    sys.exit(main())
