"""Wall time and peak memory of the lenses of lessons 05-06 on a corpus (ANT: 31,525 articles).

Usage: python benchmarks/bench_lenses.py --corpus /path/to/antcorpus-v2.1 [--record FILE]
       [--no-notebooks]

Each measurement runs in a fresh process, which loads the corpus first (load time reported
apart, not counted), then times one step from the texts:

* keyness of one source against the rest (tokenising and counting both parts included);
* collocations of one term: from the texts (tokenising the whole corpus included), and
  on a ``TokenizedCorpus`` made once beforehand (its build time reported apart), which is
  how a lesson asks about several terms;
* the corpus-wide table of adjacent pairs (same);
* NMF with 20 topics on TF-IDF (vectorising included).

Peak memory is the process's peak resident set size (corpus included). Then lessons 05 and
06 run through papermill on the corpus, as ``bench_notebooks.py`` does (outputs and figures
in a temporary folder, never in the repository).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_notebooks import RUN_ONE, machine  # noqa: E402

from arabic_news.run_notebooks import notebook_paths  # noqa: E402

STEP = """
import json, resource, sys, time
import arabic_news as an
from arabic_news import analysis
corpus_path, step = sys.argv[1:3]
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
started = time.perf_counter()
corpus = an.load_corpus(corpus_path, on_error="skip", progress=False)
loaded = time.perf_counter() - started
analyzer = an.ArabicAnalyzer()
started, cpu_started = time.perf_counter(), cpu()
if step == "keyness":
    split = analysis.split_corpus(corpus, {"source": "BBC"})
    table = analysis.keyness(analysis.term_counts(split.a["text"], analyzer.tokens),
                             analysis.term_counts(split.b["text"], analyzer.tokens))
    size = f"{len(table)} terms, {int(table['significant'].sum())} significant"
elif step == "term_texts":
    table = analysis.collocations(corpus["text"], "روسيا", tokens=analyzer.tokens, min_freq=3)
    size = f"{len(table)} collocates"
elif step == "term":
    tokenized = analysis.TokenizedCorpus(corpus["text"], analyzer.tokens)
    prepared = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), cpu()
    table = analysis.collocations(tokenized, "روسيا", min_freq=3)
    size = f"{len(table)} collocates; TokenizedCorpus built once in {prepared:.1f} s"
elif step == "pairs":
    table = analysis.collocations(corpus["text"], tokens=analyzer.tokens, min_freq=5)
    size = f"{len(table)} pairs"
elif step == "nmf":
    model = analysis.fit_topics(corpus["text"], analyzer, 20)
    size = f"{model.document_topics.shape[0]} documents x {len(model.terms)} terms"
wall, cpu_s = time.perf_counter() - started, cpu() - cpu_started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": loaded, "wall_s": wall, "cpu_s": cpu_s, "peak_mb": peak_mb,
                  "size": size}))
"""

STEPS = {
    "keyness": ("keyness of one source (BBC) against the rest", 10),
    "term_texts": ("collocations of one term (روسيا, window 5), from the texts", 5),
    "term": ("collocations of one term (روسيا, window 5), on a TokenizedCorpus", 5),
    "pairs": ("corpus-wide table of adjacent pairs (min_freq 5)", 60),
    "nmf": ("NMF with 20 topics on TF-IDF", 60),
}
LESSONS = ("05-", "06-")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--record", help="markdown file to write the results to")
    parser.add_argument("--no-notebooks", action="store_true", help="skip lessons 05 and 06")
    args = parser.parse_args(argv)
    corpus = str(Path(args.corpus).resolve())
    load_before = os.getloadavg()[0]
    rows = []
    for step, (what, target) in STEPS.items():
        result = subprocess.run([sys.executable, "-c", STEP, corpus, step],
                                capture_output=True, text=True, check=True)
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        rows.append((what, measured["wall_s"], f"{measured['cpu_s']:.1f}", measured["peak_mb"],
                     target, measured["size"]))
        print(f"{what}: {measured['wall_s']:.1f} s, CPU {measured['cpu_s']:.1f} s (corpus loaded "
              f"in {measured['load_s']:.1f} s), peak {measured['peak_mb']:.0f} MB; "
              f"{measured['size']}")
    if not args.no_notebooks:
        output = Path(tempfile.mkdtemp(prefix="bench-lenses-"))
        figures = output / "figures"
        figures.mkdir()
        for notebook in notebook_paths():
            if not notebook.name.startswith(LESSONS):
                continue
            result = subprocess.run([sys.executable, "-c", RUN_ONE, str(notebook),
                                     str(output / notebook.name), corpus, str(figures)],
                                    capture_output=True, text=True, check=True)
            measured = json.loads(result.stdout.strip().splitlines()[-1])
            rows.append((f"lesson {notebook.name} through papermill", measured["wall_s"], "",
                         measured["kernel_peak_mb"], 60, "kernel start-up and loading included"))
            print(f"{notebook.name}: {measured['wall_s']:.1f} s, "
                  f"kernel peak {measured['kernel_peak_mb']:.0f} MB")
        print(f"executed notebooks and figures in {output}")
    load_after = os.getloadavg()[0]
    lines = [
        f"# Collocations, keyness and topics on {Path(args.corpus).name}, "
        f"{date.today().isoformat()}",
        "",
        f"Machine: {machine()}. Command: `python benchmarks/bench_lenses.py --corpus <ANT>`.",
        "Each step runs in a fresh process that first loads the corpus (not counted); peak",
        "memory is that process's peak resident set, corpus included (for a lesson: its",
        "kernel's). CPU time is the step's own user + system time, less sensitive than wall",
        "time to other processes sharing the machine. Targets from issue 11. Load average",
        f"(1 min) {load_before:.1f} before the run and {load_after:.1f} after it: other work was",
        "sharing the two cores, so wall times on a quiet machine are lower.",
        "",
        "| step | wall time (s) | CPU time (s) | peak memory (MB) | target (s; 2 GB) | result |",
        "|---|---:|---:|---:|---:|---|",
        *[f"| {what} | {wall:.1f} | {cpu} | {peak:.0f} | < {target} | {size} |"
          for what, wall, cpu, peak, target, size in rows],
        "",
    ]
    if args.record:
        Path(args.record).write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
