"""Execute the numbered notebooks with papermill: on the bundled seeds, or on a user's corpus.

``python -m arabic_news.run_notebooks`` is what ``make run`` and ``make run-corpus`` call. The
committed notebooks are never modified: executed copies go to an output folder, figures to a
figures folder. Each notebook's ``parameters`` cell receives ``corpus_path`` and ``figures_dir``;
with ``--engine dask`` (and optionally ``--scheduler ADDRESS``), the lessons that declare an
``engine`` parameter run on Dask, and the runner says which ones do not.

It fails early and leaves nothing half-written:

* the corpus is read once before any notebook starts, into Parquet shards in a cache outside
  the corpus folder that every notebook then loads (see :func:`prepare_corpus`); a corpus
  that cannot be loaded (or holds no article) is reported in one line, with exit code 2,
  and nothing is written;
* the notebooks and figures are written into a temporary folder beside the output folder and
  moved into place only when every notebook has run; when one fails, the runner prints one
  line naming it and the error, keeps the failed notebook (with its traceback) in a temporary
  folder outside the repository, and exits with code 1;
* the figures of a corpus other than the seeds never go to the committed ``figures/``: by
  default they go to ``OUTPUT/figures``, and ``--figures figures`` with ``--corpus`` is
  refused (see :mod:`arabic_news.corpus.outputs`).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"


class RunError(Exception):
    """A run that cannot start (exit code 2) or did not finish (exit code 1).

    The message is one line for the user.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def notebook_paths(directory: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN-name.ipynb``), in lesson order."""
    paths = sorted(p for p in directory.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        raise FileNotFoundError(f"no numbered notebooks (NN-name.ipynb) in {directory}")
    return paths


def check_corpus(corpus: str | None) -> int:
    """Load the corpus once; return its number of articles or raise :class:`RunError`.

    Documents the loader leaves out (empty texts) are fine; a corpus left without any article
    is not, since no lesson has anything to show.
    """
    from arabic_news.corpus import SkippedDocumentWarning, load_corpus
    from arabic_news.errors import CorpusError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            frame = load_corpus(corpus, progress=False)
    except (CorpusError, TypeError) as error:
        raise RunError(f"corpus cannot be loaded: {_one_line(error)}") from None
    if frame.empty:
        skipped = frame.attrs.get("skipped", [])
        detail = f" (left out: {skipped[0]['where']}: {skipped[0]['reason']})" if skipped else ""
        raise RunError(f"corpus {corpus} holds no article with text{detail}")
    return len(frame)


def prepare_corpus(
    corpus: str | None, cache_dir: str | Path | None | bool = None
) -> tuple[int, str | None]:
    """Read and check the corpus once; return its number of articles and what to load.

    One load per run: a corpus other than the seeds is converted once into Parquet shards in
    the cache (outside the corpus folder, keyed on the corpus's path, sizes, modification
    times and the loader options; see :mod:`arabic_news.corpus.cache`), and every notebook
    loads those shards, which is several times faster than re-reading and re-checking the
    original files. A corpus that cannot be loaded, or holds no article, raises
    :class:`RunError` as :func:`check_corpus` does. ``cache_dir=False`` turns the cache off.
    """
    if corpus is None or cache_dir is False:
        return check_corpus(corpus), None if corpus is None else str(Path(corpus).resolve())
    from arabic_news.corpus import SkippedDocumentWarning
    from arabic_news.corpus.convert import cached_shards
    from arabic_news.corpus.shards import read_manifest
    from arabic_news.errors import CorpusError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            shards = cached_shards(str(Path(corpus).resolve()), {}, cache_dir=cache_dir)
    except (CorpusError, TypeError) as error:
        raise RunError(f"corpus cannot be loaded: {_one_line(error)}") from None
    manifest = read_manifest(shards)
    if manifest["rows"] == 0:
        skipped = manifest["skipped"]
        detail = f" (left out: {skipped[0]['where']}: {skipped[0]['reason']})" if skipped else ""
        raise RunError(f"corpus {corpus} holds no article with text{detail}")
    return manifest["rows"], str(shards)


def engine_parameters(
    notebook: Path, engine: str | None, scheduler_address: str | None = None
) -> dict:
    """The engine parameters to give ``notebook``: none unless its ``parameters`` cell declares
    ``engine`` (a lesson without it runs on pandas whatever the run's engine)."""
    if engine is None:
        return {}
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    if "engine" not in declared:
        return {}
    chosen = {"engine": engine}
    if scheduler_address is not None and "scheduler_address" in declared:
        chosen["scheduler_address"] = scheduler_address
    return chosen


def check_engine_options(engine: str | None, scheduler_address: str | None) -> None:
    """Refuse an unknown engine, a scheduler without Dask, or Dask when it is not installed."""
    if scheduler_address is not None and engine != "dask":
        raise RunError("a scheduler address is for --engine dask")
    if engine is None:
        return
    from arabic_news.engines import ENGINES, require_engine

    if engine not in ENGINES:
        raise RunError(f"engine {engine!r} is not allowed: use pandas or dask")
    try:
        require_engine(engine)
    except ImportError:
        raise RunError("--engine dask needs Dask: pip install 'arabic-news[dask]'") from None


def run_all(
    corpus: str | None,
    output: Path,
    figures: Path,
    extra: dict | None = None,
    notebooks: list[Path] | None = None,
    cache_dir: str | Path | None | bool = None,
    engine: str | None = None,
    scheduler_address: str | None = None,
) -> None:
    """Execute every notebook into ``output``, figures into ``figures``, all or nothing.

    ``engine`` ("pandas" or "dask") and ``scheduler_address`` go to the notebooks that declare
    an ``engine`` parameter; None keeps each notebook's own default.
    Raises :class:`RunError` (one-line message) when the corpus cannot be loaded, the figures
    folder would overwrite the committed seeds' figures, or a notebook fails.
    """
    import papermill

    from arabic_news.corpus.outputs import figures_folder

    check_engine_options(engine, scheduler_address)
    notebooks = notebook_paths() if notebooks is None else notebooks
    try:
        figures = figures_folder(corpus, figures)
    except ValueError as error:
        raise RunError(str(error)) from None
    articles, shared = prepare_corpus(corpus, cache_dir)
    print(f"corpus: {articles} articles; running {len(notebooks)} notebooks")
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.partial-", dir=output.parent))
    try:
        parameters = {
            "corpus_path": shared,
            "figures_dir": str(staging / "figures"),
            **(extra or {}),
        }
        for notebook in notebooks:
            started = time.perf_counter()
            target = staging / "notebooks" / notebook.name
            target.parent.mkdir(parents=True, exist_ok=True)
            chosen = engine_parameters(notebook, engine, scheduler_address)
            try:
                papermill.execute_notebook(
                    str(notebook), str(target), parameters={**parameters, **chosen},
                    cwd=str(notebook.parent), kernel_name="python3", progress_bar=False,
                )
            except Exception as error:  # papermill raises PapermillExecutionError and others
                kept = Path(tempfile.mkdtemp(prefix="arabic-news-failed-")) / notebook.name
                if target.is_file():
                    shutil.copyfile(target, kept)
                raise RunError(
                    f"{notebook.name} failed: {_one_line(error)} (executed notebook with the "
                    f"traceback: {kept}); nothing was written to {output} or {figures}",
                    exit_code=1,
                ) from None
            on = ("" if engine is None else f" on {chosen['engine']}" if chosen
                  else " on pandas (the lesson has no engine parameter)")
            print(f"{notebook.name}: {time.perf_counter() - started:.1f} s{on}")
        _move_files(staging / "notebooks", output)
        _move_files(staging / "figures", figures)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"notebooks in {output}")
    print(f"figures in {figures}")


def _move_files(source: Path, target: Path) -> None:
    """Move every file of ``source`` into ``target``, replacing files of the same name only."""
    if not source.is_dir():
        return
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        shutil.move(path, target / path.name)  # a rename on the same file system


def _one_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    name = getattr(error, "ename", None) or type(error).__name__
    message = getattr(error, "evalue", None) or (lines[-1] if lines else "")
    return f"{name}: {message}" if message else name


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
    parser.add_argument(
        "--cache-dir",
        help="folder for the corpus's Parquet shards, read by every notebook (default: "
        "$ARABIC_NEWS_CACHE or ~/.cache/arabic_news/shards)",
    )
    parser.add_argument("--no-cache", action="store_true",
                        help="let every notebook read the original corpus files")
    parser.add_argument("--engine", choices=["pandas", "dask"],
                        help="run the lessons that have an engine parameter on this engine "
                        "(default: each lesson's own)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: a running Dask scheduler, such as "
                        "tcp://10.0.0.5:8786 (default: a LocalCluster per lesson)")
    args = parser.parse_args(argv)
    output = Path(args.output) / ("seeds" if args.corpus is None else "corpus")
    if args.figures:
        figures = Path(args.figures)
    elif args.corpus is None:
        figures = Path("figures")
    else:
        figures = Path(args.output) / "figures"
    try:
        run_all(args.corpus, output, figures,
                cache_dir=False if args.no_cache else args.cache_dir,
                engine=args.engine, scheduler_address=args.scheduler)
    except RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
