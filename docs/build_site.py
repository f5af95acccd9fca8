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
    """Copy the notebooks into ``source``, arranged for Sphinx."""
    if source.exists():
        shutil.rmtree(source)
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


def build(out: Path, source: Path) -> float:
    """Stage, then run sphinx-build; return the seconds it took."""
    began = time.perf_counter()
    stage(source)
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(ROOT / "docs"),
               "--fail-on-warning", "--keep-going", "-q", "-E", "-d", str(source / ".doctrees"),
               str(source), str(out)]
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode:
        raise SystemExit(f"sphinx-build failed (exit {result.returncode}); see the messages above")
    return time.perf_counter() - began


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site",
                        help="where the site is written (default: build/site)")
    parser.add_argument("--source", type=Path, default=ROOT / "build" / "site-src",
                        help="where the Sphinx sources are staged (default: build/site-src)")
    args = parser.parse_args(argv)
    seconds = build(args.out.resolve(), args.source.resolve())
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"site built in {seconds:.1f} s: {args.out} ({size / 1e6:.1f} MB); "
          f"open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
