"""Build the lessons' website: ``python docs/build_site.py`` (``make site``) -> build/site/.

The Sphinx sources are staged in build/site-src/ from the committed notebooks, so the lessons'
folder holds nothing but lessons:

- ``notebooks/start-here.ipynb`` becomes the home page ``index``, with the navigation (two
  hidden tables of contents: the lessons, then the student copies) appended;
- the lessons ``notebooks/NN-*.ipynb``, their solution cells collapsed behind a "show" toggle
  (myst-nb's ``hide-input`` tag) so that a reader tries before looking;
- the student copies ``notebooks/exercises/NN-*.ipynb``.

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
        nbformat.write(notebook, source / path.name)
    for path in copies:
        shutil.copy2(path, source / "exercises" / path.name)


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
