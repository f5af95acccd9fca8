"""Execute the numbered notebooks with papermill: on the bundled seeds, or on a user's corpus.

``python -m arabic_news.run_notebooks`` is what ``make run`` and ``make run-corpus`` call. The
committed notebooks are never modified: executed copies go to an output folder, figures to a
figures folder. Each notebook's ``parameters`` cell receives ``corpus_path`` and ``figures_dir``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"


def notebook_paths(directory: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN-name.ipynb``), in lesson order."""
    paths = sorted(p for p in directory.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        raise FileNotFoundError(f"no numbered notebooks (NN-name.ipynb) in {directory}")
    return paths


def run_all(corpus: str | None, output: Path, figures: Path, extra: dict | None = None) -> None:
    """Execute every notebook into ``output`` with the corpus and figures folder as parameters."""
    import papermill

    if corpus is not None and not Path(corpus).exists():
        raise SystemExit(f"corpus path does not exist: {corpus}")
    output.mkdir(parents=True, exist_ok=True)
    figures.mkdir(parents=True, exist_ok=True)
    parameters = {
        "corpus_path": None if corpus is None else str(Path(corpus).resolve()),
        "figures_dir": str(figures.resolve()),
        **(extra or {}),
    }
    for notebook in notebook_paths():
        started = time.perf_counter()
        papermill.execute_notebook(
            str(notebook),
            str(output / notebook.name),
            parameters=parameters,
            cwd=str(notebook.parent),
            kernel_name="python3",
            progress_bar=False,
        )
        print(f"{notebook.name}: {time.perf_counter() - started:.1f} s -> {output / notebook.name}")
    print(f"figures in {figures}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="corpus folder or file; default: the bundled seeds")
    parser.add_argument(
        "--output", default="output", help="folder for the executed notebooks (default: output)"
    )
    parser.add_argument(
        "--figures",
        help="folder for the figures (default: figures/ for the seeds, OUTPUT/figures otherwise)",
    )
    args = parser.parse_args(argv)
    output = Path(args.output) / ("seeds" if args.corpus is None else "corpus")
    if args.figures:
        figures = Path(args.figures)
    elif args.corpus is None:
        figures = Path("figures")
    else:
        figures = Path(args.output) / "figures"
    run_all(args.corpus, output, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
