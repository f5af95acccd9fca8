"""Lessons executed on the seeds once per test run, for every test that reads them.

The label audit (``test_lesson_labels.py``: every lesson) and the engine comparison
(``test_lesson_engines.py``: lessons 01-04 on pandas, against Dask) both read lessons executed
on the bundled seeds with pandas; each execution costs a fresh kernel and its imports. Here
each lesson is executed once per test run, with the label collector of
``benchmarks/check_labels.py`` injected after its parameters (it records the charts' labels and
prints them at the end, and changes nothing the lesson shows), and kept in a folder shared by
pytest-xdist's worker processes (beside their own temporary folders), a lock per lesson: the
first test that needs a lesson executes it, the others read it.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHECKER = REPO / "benchmarks" / "check_labels.py"


def load_checker():
    """``benchmarks/check_labels.py`` as a module."""
    spec = importlib.util.spec_from_file_location("check_labels", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_folder(tmp_path_factory) -> Path:
    """A folder of this test run that every xdist worker of the run sees."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder; each worker's own is popen-gwN inside it
    folder = base / "executed-lessons"
    folder.mkdir(exist_ok=True)
    return folder


def executed_on_seeds(folder: Path, lesson: Path):
    """``lesson`` executed on the seeds (parameters as committed, pandas) with the label
    collector, once per run: (the executed notebook, the folder of the figures it saved)."""
    import nbformat

    key = f"{lesson.stem}-{hashlib.sha256(lesson.read_bytes()).hexdigest()[:12]}"
    target = folder / key
    done = target / "executed.ipynb"
    with open(folder / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            target.mkdir(exist_ok=True)
            notebook = load_checker().execute_lesson(lesson, None, target / "figures")
            partial = target / "executed.partial.ipynb"
            nbformat.write(notebook, partial)
            os.replace(partial, done)
    return nbformat.read(done, as_version=4), target / "figures"
