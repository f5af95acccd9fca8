"""Execute the numbered notebooks with papermill: on the bundled seeds, or on a user's corpus.

``python -m arabic_news.run_notebooks`` is what ``make run`` and ``make run-corpus`` call. The
committed notebooks are never modified: executed copies go to an output folder, figures to a
figures folder. Each notebook's ``parameters`` cell receives ``corpus_path`` (the corpus the
user named, so that the executed notebooks record it) and ``figures_dir``; with ``--engine
dask`` (and optionally ``--scheduler ADDRESS``), the lessons that declare an ``engine``
parameter run on Dask, and the runner says which ones do not. ``--params``/``--params-file``
set the lessons' own parameters (see :mod:`arabic_news.lesson_parameters`), and the loader's
options (``--date-column``, ``--text-column``, ...: every keyword of
:func:`arabic_news.load_corpus` that describes the corpus) go to the corpus preparation.

It fails early and leaves nothing half-written:

* the corpus is read once before any notebook starts, into Parquet shards in a cache outside
  the corpus folder (see :func:`prepare_corpus`); a corpus that cannot be loaded, stored or
  holds no article is reported in one line, with exit code 2, and nothing is written;
* the notebooks and figures are written into staging folders beside their targets (see
  :mod:`arabic_news.atomic_folders`) and each target is replaced as a whole only when every notebook
  has run: what an earlier run wrote there and this one did not is gone, and what the user
  put there stays. When a notebook fails, the runner prints one line naming it and the
  error, keeps the failed notebook (with its traceback) and its kernel's log in a temporary
  folder outside the repository, and exits with code 1. The staging folders of runs that
  were killed are removed by the next run;
* every path is made absolute before the lessons run (papermill runs them from
  ``notebooks/``), so the figures land where the runner says;
* the figures of a corpus other than the seeds never go to the committed ``figures/``: by
  default they go to ``OUTPUT/figures``, and ``--figures figures`` with ``--corpus`` is
  refused (see :mod:`arabic_news.corpus.outputs`);
* each executed notebook is written when its lesson ends (see :func:`execution_engine`),
  also when a cell fails or the kernel dies, so a failed notebook keeps what it showed;
* the kernels talk to the runner over CurveZMQ-encrypted TCP when the kernel declares it
  can (ipykernel 7 does), so they do not warn about plain-text TCP; what a kernel process
  writes itself (not what its lesson prints) goes to a log, kept beside a failed notebook.
"""

from __future__ import annotations

import argparse
import inspect
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import warnings
import weakref
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from arabic_news.atomic_folders import Staging
from arabic_news.lesson_parameters import (
    ParameterError,
    declared_parameters,
    parameters_per_lesson,
    parse_assignments,
    read_parameters_file,
)

NOTEBOOKS_DIR = Path(__file__).resolve().parents[2] / "notebooks"
#: Keywords of load_corpus that are not about the corpus itself: not runner options.
_NOT_LOADER_OPTIONS = {"path", "progress", "engine", "dask_options"}


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


def loader_options() -> dict[str, inspect.Parameter]:
    """The keywords of :func:`arabic_news.load_corpus` that describe the corpus (columns,
    metadata, error mode, limits): each is a runner option (``--date-column``) and a make
    variable (``DATE_COLUMN``)."""
    from arabic_news.corpus import load_corpus

    return {name: parameter for name, parameter in inspect.signature(load_corpus).parameters.items()
            if name not in _NOT_LOADER_OPTIONS}


def check_corpus(corpus: str | None, options: dict | None = None) -> int:
    """Load the corpus once; return its number of articles or raise :class:`RunError`.

    Documents the loader leaves out (empty texts) are fine; a corpus left without any article
    is not, since no lesson has anything to show.
    """
    from arabic_news.corpus import SkippedDocumentWarning, load_corpus

    with _one_line_errors(corpus):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            frame = load_corpus(corpus, progress=False, **(options or {}))
    if frame.empty:
        _no_article(corpus, frame.attrs.get("skipped", []))
    return len(frame)


def prepare_corpus(
    corpus: str | None, cache_dir: str | Path | None | bool = None, options: dict | None = None
) -> tuple[int, str | None]:
    """Read and check the corpus once; return its number of articles and what to load.

    One load per run: a corpus other than the seeds is converted once into Parquet shards in
    the cache (outside the corpus folder, keyed on the corpus's path, sizes, modification
    times and the loader ``options``; see :mod:`arabic_news.corpus.cache`). Any error on the
    way (a corpus that cannot be loaded, or that Arrow cannot store, a full disk) raises
    :class:`RunError` with one line, as does a corpus that holds no article.
    ``cache_dir=False`` turns the cache off: the corpus itself (resolved) is then what to load.
    """
    if corpus is None or cache_dir is False:
        return check_corpus(corpus, options), None if corpus is None else str(
            Path(corpus).resolve())
    from arabic_news.corpus import SkippedDocumentWarning
    from arabic_news.corpus.convert import cached_shards
    from arabic_news.corpus.shards import read_manifest

    with _one_line_errors(corpus):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            shards = cached_shards(str(Path(corpus).resolve()), dict(options or {}),
                                   cache_dir=cache_dir)
        manifest = read_manifest(shards)
    if manifest["rows"] == 0:
        _no_article(corpus, manifest["skipped"])
    return manifest["rows"], str(shards)


@contextmanager
def _one_line_errors(corpus):
    """Turn any error of the corpus preparation into a one-line :class:`RunError` (exit 2)."""
    try:
        yield
    except RunError:
        raise
    except Exception as error:  # a loader, Arrow or disk error: the user gets one line
        message = _one_line(error)
        named = "" if corpus is None or str(corpus) in message else f" {corpus}"
        raise RunError(f"corpus{named} cannot be loaded: {message}") from None


def _no_article(corpus, skipped: list) -> None:
    detail = f" (left out: {skipped[0]['where']}: {skipped[0]['reason']})" if skipped else ""
    raise RunError(f"corpus {corpus} holds no article with text{detail}")


def engine_parameters(
    notebook: Path, engine: str | None, scheduler_address: str | None = None
) -> dict:
    """The engine parameters to give ``notebook``: none unless its ``parameters`` cell declares
    ``engine`` (a lesson without it runs on pandas whatever the run's engine)."""
    if engine is None:
        return {}
    declared = declared_parameters(notebook)
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


def lesson_parameters(parameters: dict | None, notebooks: list[Path]) -> dict[str, dict]:
    """The user's ``parameters`` each notebook gets (see
    :func:`arabic_news.lesson_parameters.parameters_per_lesson`), or :class:`RunError`."""
    if not parameters:
        return {notebook.name: {} for notebook in notebooks}
    try:
        return parameters_per_lesson(
            parameters, {notebook.name: declared_parameters(notebook) for notebook in notebooks})
    except ParameterError as error:
        raise RunError(str(error)) from None


def quiet_kernel_manager(log):
    """A KernelManager class whose kernels write their own process output to ``log``.

    What a lesson prints reaches its notebook over the kernel's channels; the kernel
    process's file descriptors carry only its own logging (ipykernel 7 can log a traceback
    from a socket it already closed while shutting down) and what C code writes. On the
    runner's terminal that reads as a failure after a lesson that worked, so it goes to
    ``log`` (an open binary file), which the runner keeps beside a failed notebook.

    It also provisions CurveZMQ keys when the kernel declares support: without them
    ipykernel warns, once per kernel, that it runs over TCP without encryption. A kernel
    that cannot encrypt still starts.

    It is an ``AsyncKernelManager``, nbclient's own default: with the synchronous
    ``KernelManager``, nbclient never notices that a kernel died (killed for memory, say)
    and waits for its outputs for ever.
    """
    from jupyter_client.manager import AsyncKernelManager

    encrypts = "transport_encryption" in AsyncKernelManager.class_trait_names()

    class QuietKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs) -> None:
            if encrypts:
                kwargs.setdefault("transport_encryption", "auto")
            super().__init__(**kwargs)
            _KERNELS.add(self)

        async def start_kernel(self, **kwargs) -> None:
            kwargs.setdefault("stdout", log)
            kwargs.setdefault("stderr", log)
            return await super().start_kernel(**kwargs)

    return QuietKernelManager


#: The name :func:`execution_engine` registers its engine under.
ENGINE_NAME = "arabic_news"


@cache
def execution_engine() -> str:
    """The name of the papermill engine the lessons are executed with, registered once.

    It is papermill's nbclient engine, except that the executed notebook is written when the
    lesson ends rather than before and after every cell. Each of those writes copies the
    whole notebook and encodes it as JSON: some 77 per lesson, about 1.3 s of this process's
    time while the kernel waits (about a quarter of a lesson's time on the seeds). The
    runner executes into a staging folder that nobody reads before the run is over, so those
    writes serve nothing. The notebook is still written at the end whatever the ending:
    papermill's own completion step writes it after the last cell, after a cell's error
    (then with papermill's error banner) and after the kernel dies, so a failed notebook
    keeps every output it had.
    """
    from papermill.engines import NBClientEngine, papermill_engines

    class WrittenWhenItEnds(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            output_path, nb_man.output_path = nb_man.output_path, None  # no write per cell
            try:
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
            finally:  # papermill's notebook_complete, which runs next, writes it
                nb_man.output_path = output_path

    papermill_engines.register(ENGINE_NAME, WrittenWhenItEnds)
    return ENGINE_NAME



#: The kernel managers of this process, so that SIGTERM can stop their kernels.
_KERNELS: weakref.WeakSet = weakref.WeakSet()


def _stop_kernels() -> None:
    """Kill the kernels this process started and remove their connection files."""
    for manager in list(_KERNELS):
        process = getattr(getattr(manager, "provisioner", None), "process", None)
        try:
            if process is not None and process.poll() is None:
                process.kill()
            manager.cleanup_connection_file()
        except OSError:
            pass


def run_all(
    corpus: str | None,
    output: Path,
    figures: Path,
    parameters: dict | None = None,
    notebooks: list[Path] | None = None,
    cache_dir: str | Path | None | bool = None,
    engine: str | None = None,
    scheduler_address: str | None = None,
    options: dict | None = None,
) -> None:
    """Execute every notebook into ``output``, figures into ``figures``, all or nothing.

    ``parameters`` are the lessons' own (each lesson gets those it declares); ``options`` are
    the loader's, for the corpus preparation. ``engine`` ("pandas" or "dask") and
    ``scheduler_address`` go to the notebooks that declare an ``engine`` parameter; None
    keeps each notebook's own default. The lessons receive ``corpus_path``: the corpus as
    the user named it (made absolute), so that the executed notebooks record it. With loader
    ``options``, a lesson has no way to apply them to that path, so it is given the prepared
    shards instead, and the runner says so.
    Raises :class:`RunError` (one-line message) when an option or parameter is wrong, the
    corpus cannot be loaded, the figures folder would overwrite the committed seeds' figures,
    or a notebook fails.
    """
    import papermill

    from arabic_news.corpus.outputs import figures_folder

    check_engine_options(engine, scheduler_address)
    if options and cache_dir is False:
        raise RunError("corpus options need the prepared corpus: the lessons cannot apply them "
                       "to the original files; leave out --no-cache")
    notebooks = notebook_paths() if notebooks is None else notebooks
    output, figures = Path(output).expanduser().absolute(), Path(figures).expanduser().absolute()
    try:
        figures = figures_folder(corpus, figures)
    except ValueError as error:
        raise RunError(str(error)) from None
    if figures == output or output in figures.parents or figures in output.parents:
        raise RunError(f"the figures folder {figures} and the notebooks folder {output} must be "
                       "apart (each is replaced as a whole): choose another --figures")
    given = lesson_parameters(parameters, notebooks)
    for name in parameters or {}:
        receivers = [nb.name[:2] for nb in notebooks if name in given[nb.name]]
        print(f"parameter {name}={parameters[name]!r}: lessons {', '.join(receivers)}")
    articles, prepared = prepare_corpus(corpus, cache_dir, options)
    named = None if corpus is None else str(Path(corpus).expanduser().absolute())
    corpus_path = prepared if options else named
    if corpus_path != named:
        print(f"loader options {options}: the lessons read the prepared shards {corpus_path}")
    print(f"corpus: {articles} articles; running {len(notebooks)} notebooks")
    with Staging(output) as notebooks_stage, Staging(figures) as figures_stage, \
            _terminated_cleanly([notebooks_stage, figures_stage]), _kernel_cache(cache_dir):
        for notebook in notebooks:
            started = time.perf_counter()
            target = notebooks_stage.new / notebook.name
            chosen = engine_parameters(notebook, engine, scheduler_address)
            parameters = {"corpus_path": corpus_path, "figures_dir": str(figures_stage.new),
                          **given[notebook.name], **chosen}
            with tempfile.TemporaryFile() as kernel_log:
                try:
                    papermill.execute_notebook(
                        str(notebook), str(target), parameters=parameters,
                        cwd=str(notebook.parent), kernel_name="python3", progress_bar=False,
                        kernel_manager_class=quiet_kernel_manager(kernel_log),
                        engine_name=execution_engine(),
                    )
                    _record_as_published(target, output / notebook.name,
                                         {**parameters, "figures_dir": str(figures)})
                except Exception as error:  # papermill raises PapermillExecutionError, ...
                    kept = _keep_failed(notebook.name, target, kernel_log)
                    raise RunError(
                        f"{notebook.name} failed: {_one_line(error)} (executed notebook with "
                        f"the traceback: {kept}); nothing was written to {output} or {figures}",
                        exit_code=1,
                    ) from None
            on = ("" if engine is None else f" on {chosen['engine']}" if chosen
                  else " on pandas (the lesson has no engine parameter)")
            print(f"{notebook.name}: {time.perf_counter() - started:.1f} s{on}")
        notebooks_stage.publish()
        figures_stage.publish()
    print(f"notebooks in {output}")
    print(f"figures in {figures}")


def _keep_failed(name: str, executed: Path, kernel_log) -> Path:
    """Copy a failed notebook, and its kernel's log when the kernel wrote one, to a new
    temporary folder outside the repository; return the notebook's path there."""
    kept = Path(tempfile.mkdtemp(prefix="arabic-news-failed-")) / name
    if executed.is_file():
        shutil.copyfile(executed, kept)
    kernel_log.seek(0)
    logged = kernel_log.read()
    if logged:
        kept.with_suffix(".kernel.log").write_bytes(logged)
    return kept


def _record_as_published(executed: Path, published: Path, parameters: dict) -> None:
    """Make the executed notebook name where its results are published, not the staging
    folders it ran in: the injected ``parameters`` cell (written with ``repr``, so that Arabic
    reads as Arabic rather than ``\\u`` escapes) and papermill's metadata."""
    import nbformat

    notebook = nbformat.read(executed, as_version=4)
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = "# Parameters\n" + "".join(
                f"{name} = {value!r}\n" for name, value in parameters.items())
    recorded = notebook.metadata.get("papermill", {})
    recorded["parameters"] = parameters
    recorded["output_path"] = str(published)
    nbformat.write(notebook, executed)


@contextmanager
def _terminated_cleanly(stages: list[Staging]):
    """On SIGTERM, abandon the staging folders, stop the kernels and exit with 143.

    Raising SystemExit is not enough: nbclient then waits, in a blocking poll, for the reply
    of the cell that is running, however long it runs. So the handler cleans up itself and
    leaves with ``os._exit``. Only from the main thread (elsewhere Python cannot set a
    handler; the next run then removes the staging folders).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        for stage in stages:
            stage.abandon()
        _stop_kernels()
        os._exit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _kernel_cache(cache_dir):
    """While the lessons run, ``$ARABIC_NEWS_CACHE`` is the run's cache folder, so that a
    lesson that loads the corpus through the cache (Dask does) finds the shards prepared."""
    before = os.environ.get("ARABIC_NEWS_CACHE")
    if cache_dir not in (None, False):
        os.environ["ARABIC_NEWS_CACHE"] = str(Path(cache_dir).expanduser().absolute())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("ARABIC_NEWS_CACHE", None)
        else:
            os.environ["ARABIC_NEWS_CACHE"] = before


def _one_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    name = getattr(error, "ename", None) or type(error).__name__
    message = getattr(error, "evalue", None) or (lines[-1] if lines else "")
    return f"{name}: {message}" if message else name


def _add_loader_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "corpus options", "passed to load_corpus when the corpus is prepared (see its docstring)")
    for name, parameter in loader_options().items():
        flag = "--" + name.replace("_", "-")
        if isinstance(parameter.default, bool):
            group.add_argument(flag, dest=f"loader_{name}", action="store_true", default=None,
                               help=f"load_corpus({name}=True)")
        else:
            kind = int if isinstance(parameter.default, int) else str
            group.add_argument(flag, dest=f"loader_{name}", type=kind, metavar=name.upper(),
                               help=f"load_corpus({name}=...)")


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
    parser.add_argument("--params", metavar="'NAME=VALUE ...'", default="",
                        help="the lessons' parameters, as in \"kwic_term=الرياض top_n=30\"; "
                        "each lesson gets those it declares")
    parser.add_argument("--params-file", metavar="FILE.yaml",
                        help="the lessons' parameters, as a YAML mapping (--params wins)")
    _add_loader_options(parser)
    args = parser.parse_args(argv)
    output = Path(args.output) / ("seeds" if args.corpus is None else "corpus")
    if args.figures:
        figures = Path(args.figures)
    elif args.corpus is None:
        figures = Path("figures")
    else:
        figures = Path(args.output) / "figures"
    options = {name: getattr(args, f"loader_{name}") for name in loader_options()
               if getattr(args, f"loader_{name}") is not None}
    try:
        if options and args.corpus is None:
            raise RunError("corpus options are for --corpus: the seeds need none")
        try:
            parameters = read_parameters_file(args.params_file) if args.params_file else {}
            parameters.update(parse_assignments(args.params))
        except ParameterError as error:
            raise RunError(str(error)) from None
        run_all(args.corpus, output, figures, parameters=parameters,
                cache_dir=False if args.no_cache else args.cache_dir,
                engine=args.engine, scheduler_address=args.scheduler, options=options)
    except RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
