"""Build the lessons' website: ``python docs/build_site.py`` (``make site``) -> build/site/.

The Sphinx sources are staged in build/site-src/ from the committed notebooks, so the lessons'
folder holds nothing but lessons:

- ``notebooks/start-here.ipynb`` becomes the home page ``index``, with the navigation (two
  hidden tables of contents: the lessons, then the student copies) appended;
- the lessons ``notebooks/NN-*.ipynb``, their solution cells collapsed behind a "show" toggle
  (myst-nb's ``hide-input`` tag) so that a reader tries before looking;
- the student copies ``notebooks/exercises/NN-*.ipynb``;
- in both, the output of an interactive widget (the explorer of lesson 2) becomes a snapshot
  (``docs/explorer/explorer-seeds.png``) with a note that it needs a running kernel: a widget
  cannot run on a static page, and its script would come from a CDN.

docs/conf.py adds the Amiri font (and its licence) from ``fontpkg-amiri``, so that Arabic has
the charts' typeface without a web font.

Nothing is executed: the pages show the committed outputs and figures. The build fails on any
Sphinx warning (a broken link, a missing image), so a site that builds is complete.

The build deletes nothing it did not make. The Sphinx sources, the doctrees and the site are
made in a locked staging folder beside ``--out`` (``.NAME.partial-*``, see
:mod:`arabic_news.atomic_folders`; one left by a killed build is removed by the next), and the site
is moved into place only when Sphinx succeeded. ``--out`` is written only when it does not
exist, is an empty folder, or holds a site this script built (it leaves a marker file,
``MARKER``, in every site); any other folder (or a file) is refused with one line and exit
code 2, and is left as it was.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSON_GLOB = "[0-9][0-9]-*.ipynb"
#: The file that marks a folder as a site this script built (and so may replace).
MARKER = ".arabic-news-site"


class Refused(Exception):
    """The output folder is not ours to write: the message says why, in one line."""


WIDGET = "application/vnd.jupyter.widget-view+json"
SNAPSHOT = ROOT / "docs" / "explorer" / "explorer-seeds.png"
SNAPSHOT_NOTE = (
    "![The explorer on the two seed articles: the term حلب chosen, its contexts, collocates, "
    "articles and the first article with the term marked]({path})\n\n"
    "*A snapshot. The explorer needs a running Python kernel: run this lesson in JupyterLab, "
    "or open it as a page with `make explore`.*")


def without_widgets(notebook, depth: int = 0):
    """``notebook`` with each widget output replaced by the explorer's snapshot (a page
    ``depth`` folders below the site's root) and without the saved widget state."""
    notebook.metadata.pop("widgets", None)
    path = "../" * depth + "_explorer/" + SNAPSHOT.name
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET in data:
                data.clear()
                data["text/markdown"] = SNAPSHOT_NOTE.format(path=path)
    return notebook


def _toctree(caption: str, entries: list[str]) -> str:
    lines = ["```{toctree}", ":hidden:", ":maxdepth: 1", f":caption: {caption}", ""]
    return "\n".join(lines + entries + ["```"])


def stage(source: Path) -> None:
    """Copy the notebooks into ``source`` (an empty folder), arranged for Sphinx."""
    (source / "exercises").mkdir(parents=True)
    lessons = sorted(NOTEBOOKS.glob(LESSON_GLOB))
    copies = sorted((NOTEBOOKS / "exercises").glob(LESSON_GLOB))
    if not lessons:
        raise SystemExit(f"no lessons {LESSON_GLOB} in {NOTEBOOKS}")
    start = NOTEBOOKS / "start-here.ipynb"
    if not start.exists():
        raise SystemExit(f"{start} is missing: run make student-copies")
    index = nbformat.read(start, as_version=4)
    index.cells.append(nbformat.v4.new_markdown_cell(
        _toctree("Lessons", [p.stem for p in lessons]) + "\n\n"
        + _toctree("Exercises (student copies)", [f"exercises/{p.stem}" for p in copies]),
        id="site-navigation"))
    nbformat.write(index, source / "index.ipynb")
    for path in lessons:
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            tags = cell.get("metadata", {}).get("tags", [])
            if "solution" in tags and "hide-input" not in tags:
                cell.metadata["tags"] = [*tags, "hide-input"]
        nbformat.write(without_widgets(notebook), source / path.name)
    for path in copies:
        copy = without_widgets(nbformat.read(path, as_version=4), depth=1)
        nbformat.write(copy, source / "exercises" / path.name)
    (source / "_explorer").mkdir()
    shutil.copy2(SNAPSHOT, source / "_explorer" / SNAPSHOT.name)


def check_out(out: Path) -> None:
    """Raise :class:`Refused` unless ``out`` may receive the site: it does not exist, is an
    empty folder, or holds a site built here (its :data:`MARKER` file)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise Refused(f"--out {out} is not a folder: give a new or empty folder")
    if out.is_dir() and not (out / MARKER).is_file() and any(out.iterdir()):
        raise Refused(f"--out {out} is a folder this script did not build, and it is not "
                      "empty: nothing was written or deleted; give a new or empty folder")


def install(built: Path, out: Path, previous: Path) -> None:
    """Put the finished site ``built`` (in a staging folder beside ``out``) at ``out``.

    A previous site (marked) is swapped out by two renames, to ``previous`` in the same
    staging folder, which is removed with it (or put back, if the swap is cut halfway); an
    empty folder someone made is kept and filled, so that it stays theirs.
    """
    (built / MARKER).write_text("A site built by docs/build_site.py, which replaces it on "
                                "the next build.\n", encoding="utf-8")
    if not out.exists():
        built.rename(out)
        return
    if not (out / MARKER).is_file():  # an empty folder of the user's: fill it, keep it
        for path in built.iterdir():
            path.rename(out / path.name)
        return
    out.rename(previous)
    built.rename(out)


def build(out: Path) -> float:
    """Stage the sources, run sphinx-build and move the site into place, all inside one
    locked staging folder beside ``out`` (myst-nb writes beside Sphinx's output folder, so
    that is inside it too); return the seconds it took. Raises :class:`Refused` before
    anything is written when ``out`` is not ours to replace."""
    from arabic_news.atomic_folders import Staging

    began = time.perf_counter()
    check_out(out)
    with Staging(out) as staging:
        source = staging.path / "src"
        stage(source)
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(ROOT / "docs"),
                   "--fail-on-warning", "--keep-going", "-q", "-E",
                   "-d", str(staging.path / "doctrees"), str(source), str(staging.new)]
        result = subprocess.run(command, cwd=ROOT)
        if result.returncode:
            raise SystemExit(f"sphinx-build failed (exit {result.returncode}); see the "
                             f"messages above; {out} was left as it was")
        check_out(out)  # again: another process may have filled it meanwhile
        install(staging.new, out, staging.previous)
    return time.perf_counter() - began


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site",
                        help="where the site is written (default: build/site)")
    out = parser.parse_args(argv).out.expanduser().absolute()
    try:
        seconds = build(out)
    except Refused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"site built in {seconds:.1f} s: {out} ({size / 1e6:.1f} MB); open {out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
