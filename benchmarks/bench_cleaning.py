"""Benchmark: normalise + tokenise + stop-word filter, ours against CAMeL Tools and PyArabic.

Measures MB of UTF-8 input per second (best of ``--repeat`` interleaved rounds, one process) on
the TEXT of ANT corpus articles, prints a table with ratios and a few correctness probes, and
writes ``benchmarks/results/cleaning.md``.

    python benchmarks/bench_cleaning.py [--corpus PATH] [--max-mb 20] [--repeat 3]
    python benchmarks/bench_cleaning.py --corpus PATH --long-only   # only the long-text section

The long-text section (issue 9) joins ANT texts into one text of ``--long-mb`` MB (37), puts
one character outside code page 1256 in its middle, and times ``tokenize`` on it against a
plain baseline: one ``str.translate`` with the normaliser's table and one ``findall`` of the
tokeniser's pattern. Before long texts were cut into pieces, that one character sent the whole
text down the slow path (0.49x the baseline); the target is at least 2x.

PATH is an unpacked ANT folder or ``antcorpus-v2.1.tar.gz`` (default: the tarball in
``../shared/corpora``, unpacked into a temporary folder). Peers: ``pip install pyarabic`` and
``pip install --no-deps camel-tools`` plus ``benchmarks/camel_small_deps.py``.
"""

import argparse
import datetime
import importlib.metadata
import os
import platform
import re
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from arabic_news import normalize, remove_stop_words, stop_words, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "antcorpus-v2.1.tar.gz"
RESULTS = ROOT / "benchmarks" / "results" / "cleaning.md"
TEXT_FIELD = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TARGET_MB_S = 40
LONG_TARGET = 2.0
RARE_CHARACTER = "\u06a4"  # ڤ, ARABIC LETTER VEH: outside code page 1256
LONG_SECTION = "## One long text"
PROBES = ["على", "فى", "الـ15", "نفّذت", "«حلب»،", "x\u00a0y", "ﻷ", "Привет", "北京", "😀"]


def corpus_folder(path: Path, scratch: str) -> Path:
    """An unpacked corpus folder: ``path`` itself, or the tarball unpacked into ``scratch``."""
    if path.is_dir():
        return path
    if not path.is_file():
        raise SystemExit(f"corpus not found: {path} (give --corpus PATH)")
    with tarfile.open(path) as archive:
        archive.extractall(scratch, filter="data")
    return Path(scratch)


def load_texts(folder: Path, max_mb: float) -> list[str]:
    """TEXT fields of the articles under ``folder``, in path order, up to ``max_mb``."""
    texts, size = [], 0
    for path in sorted(folder.rglob("*.txt")):
        match = TEXT_FIELD.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            texts.append(match.group(1))
            size += len(match.group(1).encode("utf-8"))
            if size >= max_mb * 1e6:
                break
    if not texts:
        raise SystemExit(f"no <TEXT> fields found under {folder}")
    return texts


def ours_pipeline(stop):
    def run(text):
        return remove_stop_words(tokenize(text), stop)

    return run


def camel_pipeline(stop):
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    def run(text):
        text = normalize_unicode(text)
        text = dediac_ar(text)
        text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
        return [t for t in simple_word_tokenize(text) if t not in stop]

    return run


def pyarabic_pipeline(stop):
    from pyarabic import araby

    def run(text):
        text = araby.strip_tatweel(araby.strip_tashkeel(text))
        text = araby.normalize_teh(araby.normalize_alef(araby.normalize_ligature(text)))
        return [t for t in araby.tokenize(text) if t not in stop]

    return run


def best_rates(pipelines, texts, megabytes, repeat) -> dict[str, float]:
    """MB/s of each pipeline, best of ``repeat`` rounds; each round runs every pipeline once,
    so a burst of load from other processes on a shared machine does not hit one pipeline only.
    """
    best = dict.fromkeys(pipelines, float("inf"))
    for _ in range(repeat):
        for name, run in pipelines.items():
            start = time.perf_counter()
            for text in texts:
                run(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: megabytes / seconds for name, seconds in best.items()}


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for dist in ("camel-tools", "pyarabic", "emoji", "regex"):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist} not installed")
    return [
        f"- Machine: {platform.machine()}, {cpu}, {os.cpu_count()} cores (one process used)",
        f"- Python {platform.python_version()}; {', '.join(versions)}",
        f"- Date: {datetime.date.today().isoformat()}",
    ]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-mb", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--long-mb", type=float, default=37.0)
    parser.add_argument("--long-only", action="store_true",
                        help="measure only the long text and update that section of --output")
    args = parser.parse_args(argv)
    if args.long_only:
        with tempfile.TemporaryDirectory() as scratch:
            texts = load_texts(corpus_folder(args.corpus, scratch), args.long_mb)
        section = long_text_section(texts, args)
        print("\n".join(section))
        write_section(args.output, section)
        print(f"wrote {args.output}")
        return

    with tempfile.TemporaryDirectory() as scratch:
        all_texts = load_texts(corpus_folder(args.corpus, scratch), max(args.max_mb, args.long_mb))
    texts = within(all_texts, args.max_mb)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} articles, {megabytes:.1f} MB of UTF-8 text")

    stop = stop_words()
    pipelines = {"arabic_news normalize only": normalize,
                 "arabic_news normalize + tokenize": tokenize,
                 "arabic_news normalize + tokenize + stop words": ours_pipeline(stop)}
    for name, factory in (("CAMeL Tools", camel_pipeline), ("PyArabic", pyarabic_pipeline)):
        try:
            pipelines[f"{name} normalize + tokenize + stop words"] = factory(stop)
        except ImportError as exc:
            print(f"skipping {name}: {exc}", file=sys.stderr)

    rates = best_rates(pipelines, texts, megabytes, args.repeat)
    for name, rate in rates.items():
        print(f"{rate:8.1f} MB/s  {name}")
    ours = rates["arabic_news normalize + tokenize + stop words"]
    lines = ["# Cleaning benchmark", "", *machine(),
             f"- Input: TEXT of {len(texts)} ANT v2.1 articles (path order), {megabytes:.1f} MB"
             f" UTF-8; best of {args.repeat} interleaved rounds", "",
             "| pipeline | MB/s | ours / this |", "|---|---:|---:|"]
    for name, rate in rates.items():
        lines.append(f"| {name} | {rate:.1f} | {ours / rate:.2f} |")
    normalised, split = fast_path_counts(texts)
    lines += ["", f"Fast paths (code page 1256 bytes, see `text/_codepage.py`) taken for "
              f"{normalised} of {len(texts)} articles by the normaliser and for {split} by the "
              "tokeniser (`str.split`); the others use the regular expressions."]
    verdict = "met" if ours >= TARGET_MB_S else "NOT met"
    lines += ["", f"Target: >= {TARGET_MB_S} MB/s for the full pipeline: {verdict} in this run "
              f"({ours:.1f} MB/s). This is a shared virtual machine: absolute rates vary by up "
              "to 40 % between runs, the ratios measured in the same run much less."]
    lines += ["", "## Same probes through each full pipeline (stop filter off)", "",
              "| input | " + " | ".join(n.split(" normalize")[0] for n in pipelines
                                       if "stop" in n) + " |",
              "|---|" + "---|" * sum("stop" in n for n in pipelines)]
    for probe in PROBES:
        cells = [repr(p(probe)) for n, p in _probe_pipelines(pipelines).items()]
        lines.append(f"| {probe!r} | " + " | ".join(cells) + " |")
    corpus = "" if args.corpus == DEFAULT_CORPUS else " --corpus <ANT>"
    lines += ["", "Reproduce: `.venv/bin/python benchmarks/bench_cleaning.py"
              f"{corpus} --max-mb {args.max_mb:g} --repeat {args.repeat}`", ""]
    lines += [*long_text_section(all_texts, args), ""]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[lines.index("## Same probes through each full pipeline "
                                      "(stop filter off)"):]))
    print(f"wrote {args.output}")


def within(texts: list[str], max_mb: float) -> list[str]:
    """The first ``texts`` up to ``max_mb`` MB of UTF-8 (as :func:`load_texts` counts)."""
    kept, size = [], 0
    for text in texts:
        kept.append(text)
        size += len(text.encode("utf-8"))
        if size >= max_mb * 1e6:
            break
    return kept


def baseline_pipeline():
    """One ``str.translate`` with the default normaliser's full table, one ``findall``."""
    from arabic_news.text import Normalizer
    from arabic_news.text.tokenize import _bmp_pattern

    normalizer = Normalizer()
    table = {ord(c): r for c, r in normalizer._table.items()}
    table.update({ord(c): r for c, r in normalizer._replacements})
    findall = _bmp_pattern().findall

    def run(text):
        return findall(text.translate(table))

    return run


def long_text_section(texts: list[str], args) -> list[str]:
    """Time tokenize on one long text holding one character outside code page 1256."""
    text = "\n".join(within(texts, args.long_mb))
    middle = text.find(" ", len(text) // 2)
    text = text[:middle] + " " + RARE_CHARACTER + text[middle:]
    megabytes = len(text.encode("utf-8")) / 1e6
    baseline = baseline_pipeline()
    pipelines = {"baseline: str.translate + findall": baseline, "arabic_news tokenize": tokenize}
    assert tokenize(text) == baseline(text), "tokenize and the baseline disagree"
    rates = best_rates(pipelines, [text], megabytes, args.repeat)
    ratio = rates["arabic_news tokenize"] / rates["baseline: str.translate + findall"]
    verdict = "met" if ratio >= LONG_TARGET else "NOT met"
    for name, rate in rates.items():
        print(f"{rate:8.1f} MB/s  {name} (one {megabytes:.1f} MB text)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    corpus = "" if args.corpus == DEFAULT_CORPUS else " --corpus <ANT>"
    return [
        LONG_SECTION, "",
        f"One text of {megabytes:.1f} MB (UTF-8): the TEXT of the first ANT articles in path "
        f"order joined by line breaks, with one `{RARE_CHARACTER}` (U+06A4, outside code page "
        f"1256) in the middle; best of {args.repeat} interleaved rounds; same tokens from both "
        "(checked).", "",
        "| pipeline | MB/s | tokenize / this |", "|---|---:|---:|",
        *(f"| {name} | {rate:.1f} | {rates['arabic_news tokenize'] / rate:.2f} |"
          for name, rate in rates.items()),
        "",
        f"Target: tokenize >= {LONG_TARGET:g}x the baseline: {verdict} ({ratio:.2f}x). "
        f"Load average when measured: {load:.2f} on {os.cpu_count()} cores (other engineers' "
        "jobs were running on this shared machine; the ratio, measured in one process with "
        "interleaved rounds, is more stable than the rates).", "",
        f"Reproduce: `.venv/bin/python benchmarks/bench_cleaning.py{corpus} --long-only "
        f"--long-mb {args.long_mb:g} --repeat {args.repeat}`",
    ]


def write_section(path: Path, section: list[str]) -> None:
    """Replace (or append) the long-text section of the results file at ``path``."""
    old = path.read_text(encoding="utf-8") if path.is_file() else "# Cleaning benchmark\n"
    head, _, rest = old.partition(LONG_SECTION)
    tail = rest[rest.find("\n## "):] if "\n## " in rest else ""
    path.write_text(head.rstrip("\n") + "\n\n" + "\n".join(section) + "\n" + tail,
                    encoding="utf-8")


def fast_path_counts(texts) -> tuple[int, int]:
    """How many ``texts`` take the normaliser's byte path and the tokeniser's split fast path."""
    from arabic_news.text import Normalizer, _codepage
    from arabic_news.text.tokenize import _split_encoded

    normalizer = Normalizer()
    normalised = sum(normalizer._encode(text) is not None for text in texts)
    encoded = (_codepage.encode(normalizer(text)) for text in texts)
    split = sum(raw is not None and _split_encoded(raw) is not None for raw in encoded)
    return normalised, split


def _probe_pipelines(pipelines):
    """The full pipelines rebuilt with an empty stop list, so probes show every token."""
    factories = {"arabic_news": ours_pipeline, "CAMeL Tools": camel_pipeline,
                 "PyArabic": pyarabic_pipeline}
    return {name: factories[name.split(" normalize")[0]](frozenset())
            for name in pipelines if "stop" in name}


if __name__ == "__main__":
    main()
