"""Wall time and peak memory of each lesson notebook on a corpus, executed with papermill.

Usage: python benchmarks/bench_notebooks.py --corpus <CORPUS> [--output DIR] [--notebooks 03 04]
    [--engine dask]

Each notebook runs in a fresh process, through the runner's papermill engine (see
:func:`arabic_news.run_notebooks.execution_engine`); its kernel's peak resident memory is read from
``getrusage(RUSAGE_CHILDREN)`` once the kernel has exited. Executed notebooks and figures go
to ``--output`` (a temporary folder by default), never into the repository or the corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from arabic_news.run_notebooks import notebook_paths

RUN_ONE = """
import json, resource, sys, time
import papermill
from arabic_news.run_notebooks import execution_engine
notebook, output, corpus, figures, engine = sys.argv[1:6]
parameters = {"corpus_path": corpus, "figures_dir": figures}
if engine != "default":
    parameters["engine"] = engine
started = time.perf_counter()
papermill.execute_notebook(notebook, output, parameters=parameters,
    cwd=str(__import__("pathlib").Path(notebook).parent),
    kernel_name="python3", progress_bar=False, engine_name=execution_engine())
wall = time.perf_counter() - started
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall_s": wall, "kernel_peak_mb": peak_kib / 1024}))
"""


def machine() -> str:
    lines = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")),
               platform.processor())
    cores = os.cpu_count()
    return f"{platform.machine()}, {cpu}, {cores} cores, Python {platform.python_version()}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--output", help="folder for executed notebooks and figures")
    parser.add_argument("--record", help="markdown file to write the results to")
    parser.add_argument("--notebooks", nargs="+", metavar="NN",
                        help="only the lessons whose file names start with these (e.g. 03 04)")
    parser.add_argument("--engine", default="default",
                        help="the lessons' engine parameter (default: the lesson's own)")
    args = parser.parse_args(argv)
    notebooks = [path for path in notebook_paths()
                 if not args.notebooks or path.name.startswith(tuple(args.notebooks))]
    if not notebooks:
        parser.error(f"--notebooks {' '.join(args.notebooks)} matches no lesson")
    output = Path(args.output or tempfile.mkdtemp(prefix="bench-notebooks-"))
    figures = output / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    rows = []
    for notebook in notebooks:
        result = subprocess.run(
            [sys.executable, "-c", RUN_ONE, str(notebook), str(output / notebook.name),
             str(Path(args.corpus).resolve()), str(figures), args.engine],
            capture_output=True, text=True, check=True,
        )
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        rows.append((notebook.name, measured["wall_s"], measured["kernel_peak_mb"]))
        print(f"{notebook.name}: {rows[-1][1]:.1f} s, kernel peak {rows[-1][2]:.0f} MB")
    lines = [
        f"# Notebooks on {Path(args.corpus).name}, {date.today().isoformat()}",
        "",
        f"Machine: {machine()}. Command: `python benchmarks/bench_notebooks.py --corpus "
        f"<{Path(args.corpus).name}>"
        + (f" --notebooks {' '.join(args.notebooks)}" if args.notebooks else "")
        + (f" --engine {args.engine}" if args.engine != "default" else "")
        + "`. Wall time includes kernel start-up.",
        "",
        "| notebook | wall time (s) | kernel peak memory (MB) |",
        "|---|---:|---:|",
        *[f"| {name} | {wall:.1f} | {peak:.0f} |" for name, wall, peak in rows],
        "",
    ]
    if args.record:
        Path(args.record).write_text("\n".join(lines), encoding="utf-8")
    print(f"executed notebooks and figures in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
