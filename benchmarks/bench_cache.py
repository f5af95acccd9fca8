"""Measure what the shards cache costs and saves: its key, and the loads it serves.

    python benchmarks/bench_cache.py --corpus <ANT> [--repeats 5]

The key of a cache entry identifies the corpus's state from its files' status (size,
modification and status-change times, inode; ``arabic_news.corpus.cache``). Hashing every
file's content would also identify it: this measures both, next to what they guard (loading
the original files with pandas, and reading the cached shards with pandas and Dask), so the
choice can be checked on another corpus or machine. The OS file cache is warm (each step runs
once before it is timed). Prints a table and writes ``benchmarks/results/cache.md``.
"""

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_loading import machine  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "cache.md"


def content_hash(corpus: Path) -> str:
    """Read and hash every file below ``corpus`` (the alternative to the status signature)."""
    digest = hashlib.blake2b(digest_size=16)
    for folder, subfolders, files in os.walk(corpus):
        subfolders.sort()
        for name in sorted(files):
            with open(os.path.join(folder, name), "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def _ram_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9


def timed(step, repeats: int) -> tuple[float, list[float]]:
    step()  # warm the file cache and the imports
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        runs.append(round(time.perf_counter() - start, 3))
    return statistics.median(runs), runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--label", default=None, help="the corpus's name in the results")
    args = parser.parse_args()
    os.environ["ARABIC_NEWS_CACHE"] = tempfile.mkdtemp(prefix="bench-cache-")
    import arabic_news as an
    from arabic_news.corpus.cache import cache_key, corpus_signature
    from arabic_news.corpus.convert import cached_shards

    warnings.simplefilter("ignore")
    corpus = args.corpus.resolve()
    label = args.label or corpus.name
    signature = corpus_signature(corpus)
    rows = []
    rows.append(("cache key (status signature of every file)",
                 *timed(lambda: cache_key(corpus, {}), args.repeats)))
    rows.append(("content hash of every file (read + BLAKE2b)",
                 *timed(lambda: content_hash(corpus), args.repeats)))
    rows.append(("load_corpus, pandas, original files",
                 *timed(lambda: an.load_corpus(corpus, progress=False), max(1, args.repeats // 2))))
    start = time.perf_counter()
    cached_shards(corpus, {})
    built = round(time.perf_counter() - start, 3)
    rows.append(("cached_shards: convert into the cache (once)", built, [built]))
    hit = an.load_corpus(corpus)
    assert hit.attrs["provenance"]["cache"] == "hit"
    rows.append(("load_corpus, pandas, cache hit (key + checks + shards)",
                 *timed(lambda: an.load_corpus(corpus), args.repeats)))
    rows.append(("load_corpus, Dask, cache hit (key + checks + graph)",
                 *timed(lambda: an.load_corpus(corpus, engine="dask"), args.repeats)))
    lines = [
        "# Shards cache benchmark", "",
        f"Corpus: `{label}`: {signature['files']:,} files, {signature['bytes'] / 1e6:.1f} MB. "
        "Median of the runs; the OS file cache is warm.", "",
        "| step | median s | runs (s) |", "|---|---|---|",
        *(f"| {name} | {median:.3f} | {runs} |" for name, median, runs in rows), "",
        "Reproduce: `.venv/bin/python benchmarks/bench_cache.py --corpus <ANT> --label ANT`", "",
        *machine(), f"- RAM: {_ram_gb():.0f} GB",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
