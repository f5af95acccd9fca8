"""A lesson switched to Dask with its one ``engine`` parameter shows exactly what it shows on
pandas: every printed line, table and figure.

Each lesson listed in ``LESSONS`` is executed twice with papermill, ``engine="pandas"`` and
``engine="dask"``, on the bundled seeds (one partition) and on a generated corpus of 240
articles in Parquet shards of 50 rows (five partitions, so every count crosses partitions).
One Dask run (``SELF_STARTED``) starts its own LocalCluster of two worker processes inside the
lesson, as a reader's lesson does; the others connect through ``scheduler_address`` to one
LocalCluster of the same shape started once per test process (starting a cluster costs about
15 s of two cores, more than the lesson's own work on these corpora). The two runs' outputs
are compared cell by cell (stdout, text/plain and text/html; stderr holds the cluster's logs
and is left out), and their figures byte by byte. Slow: marked ``lessons``.

On the seeds the lessons run as the label audit runs them (``executed_lessons``: the
parameters set in a cell after the committed ones, the label collector injected, the charts'
labels printed at the end, so they are compared too), and the pandas run is the audit's own
execution, made once per test run; on the generated corpus both runs go through papermill.
"""

import base64
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the Dask extra is not installed")

from arabic_news import run_notebooks  # noqa: E402
from arabic_news.corpus.convert import write_shards  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from executed_lessons import executed_on_seeds, load_checker, shared_folder  # noqa: E402
from generated_corpus import write_generated_corpus  # noqa: E402

pytestmark = pytest.mark.lessons

# The lessons that take an ``engine`` parameter ("pandas" or "dask").
LESSONS = ["01-corpus-and-cleaning.ipynb", "02-term-frequency.ipynb", "03-tfidf-comparison.ipynb",
           "04-timelines.ipynb"]


class Stdout(str):
    """A cell's printed text, told apart from its results so consecutive prints join."""


def shown(notebook) -> list[list[str]]:
    """What each code cell shows: its stdout and its text and HTML results, in order.
    ``notebook``: a notebook's path, or the notebook (as read by nbformat)."""
    if isinstance(notebook, Path):
        notebook = json.loads(notebook.read_text(encoding="utf-8"))
    cells = notebook["cells"]
    shown = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        parts = []
        for output in cell.get("outputs", []):
            if output.get("name") == "stdout":
                text = "".join(output["text"])
                # one print may arrive as several stream messages (as flushed): join them
                if parts and isinstance(parts[-1], Stdout):
                    parts[-1] = Stdout(parts[-1] + text)
                else:
                    parts.append(Stdout(text))
                continue
            for kind in ("text/plain", "text/html", "image/png"):
                value = output.get("data", {}).get(kind)
                if value is not None:
                    parts.append(value if kind == "image/png" else "".join(value))
        shown.append([str(part) for part in parts])
    return shown


def run(lesson: str, corpus: Path | None, engine: str, folder: Path,
        scheduler_address: str | None = None) -> tuple[list, dict]:
    import papermill

    folder.mkdir()
    figures = folder / "figures"
    parameters = {"engine": engine, "figures_dir": str(figures)}
    if scheduler_address is not None:
        parameters["scheduler_address"] = scheduler_address
    if corpus is not None:
        parameters["corpus_path"] = str(corpus)
    papermill.execute_notebook(
        str(run_notebooks.NOTEBOOKS_DIR / lesson), str(folder / lesson), parameters=parameters,
        kernel_name="python3", progress_bar=False, cwd=str(run_notebooks.NOTEBOOKS_DIR),
        engine_name=run_notebooks.execution_engine())
    return shown(folder / lesson), drawn(figures)


def drawn(figures: Path) -> dict:
    return {path.name: base64.b64encode(path.read_bytes()).decode()
            for path in sorted(figures.glob("*"))} if figures.is_dir() else {}


def run_on_seeds(lesson: str, engine: str, folder: Path, tmp_path_factory,
                 scheduler_address: str | None = None) -> tuple[list, dict]:
    """``lesson`` on the seeds as the label audit executes it: on pandas the audit's own
    execution (once per test run), on Dask executed here the same way."""
    path = run_notebooks.NOTEBOOKS_DIR / lesson
    if engine == "pandas":
        parameters = next(cell["source"] for cell in json.loads(path.read_text("utf-8"))["cells"]
                          if "parameters" in cell.get("metadata", {}).get("tags", []))
        assert 'engine = "pandas"' in "".join(parameters), "pandas is the lesson's default"
        notebook, figures = executed_on_seeds(shared_folder(tmp_path_factory), path)
        return shown(notebook), drawn(figures)
    folder.mkdir()
    notebook = load_checker().execute_lesson(path, None, folder / "figures", engine=engine,
                                             scheduler_address=scheduler_address)
    return shown(notebook), drawn(folder / "figures")


@pytest.fixture(scope="module")
def generated_shards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    source = write_generated_corpus(folder / "news.jsonl")
    write_shards(source, folder / "shards", rows_per_shard=50)
    return folder / "shards"


#: The one (lesson, corpus) whose Dask run starts its own LocalCluster in the lesson's kernel,
#: so that the path a reader takes (``engine = "dask"`` alone) is run end to end too.
SELF_STARTED = ("01-corpus-and-cleaning.ipynb", "seeds")


@pytest.fixture(scope="session")
def dask_scheduler():
    """The address of one LocalCluster of the lessons' shape (two single-threaded worker
    processes, 3 GB each), started once per test process for the lessons' Dask runs."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, memory_limit="3GB", processes=True,
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
@pytest.mark.parametrize("lesson", LESSONS)
def test_dask_engine_shows_what_pandas_shows(lesson, corpus, generated_shards, tmp_path, request,
                                            tmp_path_factory):
    address = None if (lesson, corpus) == SELF_STARTED else request.getfixturevalue(
        "dask_scheduler")
    if corpus == "seeds":
        on_pandas, figures_pandas = run_on_seeds(lesson, "pandas", tmp_path / "pandas",
                                                 tmp_path_factory)
        on_dask, figures_dask = run_on_seeds(lesson, "dask", tmp_path / "dask",
                                             tmp_path_factory, address)
    else:
        on_pandas, figures_pandas = run(lesson, generated_shards, "pandas", tmp_path / "pandas")
        on_dask, figures_dask = run(lesson, generated_shards, "dask", tmp_path / "dask",
                                    address)
    assert len(on_pandas) == len(on_dask)
    for number, (left, right) in enumerate(zip(on_pandas, on_dask, strict=True)):
        assert left == right, f"{lesson}, code cell {number}: the Dask run shows otherwise"
    assert figures_pandas.keys() == figures_dask.keys()
    for name in figures_pandas:
        assert figures_pandas[name] == figures_dask[name], f"{lesson}: figure {name} differs"
