"""Student copies of the lessons: solutions removed, checks kept, outputs of an honest run.

``python tools/student_copies.py notebooks`` (``make student-copies``) reads every lesson
``notebooks/NN-*.ipynb`` and writes ``notebooks/exercises/NN-*.ipynb``:

- each cell tagged ``solution`` keeps its leading comment lines (the hint) and ends with the
  answer variable assigned the placeholder ``...``: ``answer_2_3 = ...  # your answer here``;
- a short note after the header says what the copy is and where the solutions are;
- ``figures_dir`` in the parameters cell gains one ``../`` (the copy is one folder deeper);
- the jupytext pairing is dropped (the copies are generated, never edited);
- the copy is then executed top to bottom (no timing metadata), so that its committed outputs
  are what a student sees: every check of an unanswered exercise prints the announced
  "not answered yet" line, which nbval then holds the copy to.

It also writes the start page ``notebooks/start-here.ipynb``, built from the lessons' header
cells. ``--check`` rebuilds the copies' *sources* in memory and exits 1, naming the files, when
the committed copies or the start page differ (tests/test_student_copies.py does the same).
"""

from __future__ import annotations

import argparse
import ast
import copy
import re
import sys
from pathlib import Path

import nbformat

COPIES = "exercises"
START_PAGE = "start-here.ipynb"
LESSON_GLOB = "[0-9][0-9]-*.ipynb"
_FIGURES_DIR = re.compile(r'^(figures_dir\s*=\s*)(["\'])(?!/)', re.MULTILINE)


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _where(path, index: int) -> str:
    return f"{Path(path).name}, cell {index + 1}"


_ANSWER = re.compile(r"^\s*(answer_\d+_\d+)\s*(?::[^=\n]+)?=(?!=)", re.MULTILINE)


def solution_stub(source: str, where: str = "a solution cell") -> str:
    """The student's version of a solution cell: its leading comments, then ``name = ...``.

    The cell must parse and assign the answer to one name ``answer_<lesson>_<N>`` on a line of
    its own (``answer_2_3 = ...``; inside an ``if`` or ``try`` too).
    """
    try:
        ast.parse(source)
    except SyntaxError as error:
        raise ValueError(f"{where}: the solution does not parse: {error}") from None
    names = sorted(set(_ANSWER.findall(source)))
    if len(names) != 1:
        found = ", ".join(names) or "none"
        raise ValueError(f"{where}: a solution cell assigns its answer to one name "
                         f"answer_<lesson>_<N> (e.g. 'answer_2_3 = ...'); found {found}")
    hint = []
    for line in source.splitlines():
        if not line.lstrip().startswith("#"):
            break
        hint.append(line)
    return "\n".join(hint + [f"{names[0]} = ...  # your answer here"])


def _note(lesson: Path) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(
        "> **Your copy of this lesson.** Run it from the top, read, and try the exercises at the "
        "end: replace each `...` with your answer and run the check below it, which says "
        "whether you are right without giving the answer away. The lesson with its solutions "
        f"is [{lesson.name}](../{lesson.name})."
    )


def student_copy(lesson: nbformat.NotebookNode, path: Path) -> nbformat.NotebookNode:
    """The student copy of ``lesson`` (read from ``path``), not executed."""
    notebook = copy.deepcopy(lesson)
    notebook.metadata.pop("jupytext", None)
    cells = []
    solutions = 0
    for index, cell in enumerate(notebook.cells):
        tags = _tags(cell)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if "solution" in tags:
                cell.source = solution_stub(cell.source, _where(path, index))
                solutions += 1
            if "parameters" in tags:
                cell.source = _FIGURES_DIR.sub(r"\1\2../", cell.source, count=1)
        cells.append(cell)
        if index == 0:
            cells.append(_note(path))
            cells[-1].id = "student-copy-note"
    if not solutions:
        raise ValueError(f"{path.name}: no cell is tagged 'solution'; a lesson ends with "
                         "exercises (see arabic_news.exercises)")
    notebook.cells = cells
    nbformat.validator.normalize(notebook)
    return notebook


def _header(lesson: nbformat.NotebookNode) -> tuple[str, str]:
    """The lesson's title (without its '# ') and its 'What you will learn' line."""
    text = lesson.cells[0].source
    title = text.splitlines()[0].lstrip("# ").strip()
    learn = re.search(r"\*\*What you will learn\*\*:?\s*(.+?)(?:\n\s*\n|\n\s*[-*] \*\*|$)",
                      text, re.S)
    return title, " ".join(learn[1].split()) if learn else ""


def start_page(lessons: list[Path]) -> nbformat.NotebookNode:
    """The start page: what the collection is, then each lesson and its student copy."""
    rows = []
    for path in lessons:
        title, learn = _header(nbformat.read(path, as_version=4))
        rows.append(f"| [{title}]({path.name}) | {learn} | [your copy]({COPIES}/{path.name}) |")
    text = "\n".join([
        "# Arabic news: lessons in text analysis",
        "",
        "Lessons, in order, on a corpus of Arabic news articles: how to load and clean "
        "Arabic text, count its words, weigh them with TF-IDF, and put articles and the "
        "events they report on a timeline. Each lesson opens with what you will learn, its "
        "level, time and prerequisites, and ends with a summary and exercises.",
        "",
        "| lesson | what you will learn | exercises |",
        "|---|---|---|",
        *rows,
        "",
        "**How to work.** Open a lesson and run it from the top (*Run → Run All Cells*). The "
        "lessons hold their solutions; the copies in `exercises/` are the same lessons with "
        "the solutions removed: answer there, and each check tells you whether you are right "
        "without giving the answer away.",
        "",
        "**Your own corpus.** Every lesson runs on the two bundled seed articles by default; "
        "set `corpus_path` in its first code cell to a folder of `.txt` files, a CSV, JSON "
        "Lines or Parquet file, or the ANT corpus, and run it again.",
    ])
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)",
                                        "language": "python", "name": "python3"},
                         "language_info": {"name": "python"}}
    notebook.cells = [nbformat.v4.new_markdown_cell(text, id="start-here")]
    return notebook


def lessons_in(notebooks: Path) -> list[Path]:
    return sorted(notebooks.glob(LESSON_GLOB))


def _sources(notebook) -> list[tuple[str, str, list[str]]]:
    return [(cell.cell_type, cell.source, _tags(cell)) for cell in notebook.cells]


def _differs(path: Path, expected) -> bool:
    return not path.exists() or _sources(nbformat.read(path, as_version=4)) != _sources(expected)


def out_of_sync(notebooks: Path) -> list[str]:
    """The committed copies and start page whose sources differ from the lessons' (names)."""
    lessons = lessons_in(notebooks)
    stale = []
    for path in lessons:
        target = notebooks / COPIES / path.name
        if _differs(target, student_copy(nbformat.read(path, as_version=4), path)):
            stale.append(f"{COPIES}/{path.name}")
    extra = {p.name for p in (notebooks / COPIES).glob("*.ipynb")} - {p.name for p in lessons}
    stale += [f"{COPIES}/{name} (no such lesson)" for name in sorted(extra)]
    if _differs(notebooks / START_PAGE, start_page(lessons)):
        stale.append(START_PAGE)
    return stale


def _execute(notebook, directory: Path, timeout: int) -> None:
    from nbclient import NotebookClient

    NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(directory)}}).execute()
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)


def write_copies(notebooks: Path, execute: bool = True, timeout: int = 600) -> list[Path]:
    """Write every student copy and the start page; return the paths written."""
    lessons = lessons_in(notebooks)
    if not lessons:
        raise FileNotFoundError(f"no lesson {LESSON_GLOB} in {notebooks}")
    folder = notebooks / COPIES
    folder.mkdir(exist_ok=True)
    for stale in set(folder.glob("*.ipynb")) - {folder / p.name for p in lessons}:
        stale.unlink()
    written = []
    for path in lessons:
        notebook = student_copy(nbformat.read(path, as_version=4), path)
        if execute:
            _execute(notebook, folder, timeout)
        nbformat.write(notebook, folder / path.name)
        written.append(folder / path.name)
    nbformat.write(start_page(lessons), notebooks / START_PAGE)
    return written + [notebooks / START_PAGE]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/student_copies.py",
        description="Write the student copies of the lessons (solutions removed, checks kept) "
                    "into NOTEBOOKS/exercises/, executed, and the start page.")
    parser.add_argument("notebooks", nargs="?", default="notebooks", type=Path,
                        help="the lessons' folder (default: notebooks)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the committed copies are out of sync")
    parser.add_argument("--no-execute", action="store_true",
                        help="write the copies without outputs (quick, for a look)")
    args = parser.parse_args(argv)
    if not args.notebooks.is_dir():
        parser.error(f"{args.notebooks} is not a folder")
    if args.check:
        stale = out_of_sync(args.notebooks)
        for name in stale:
            print(f"out of sync: {args.notebooks / name}; run make student-copies")
        return 1 if stale else 0
    for path in write_copies(args.notebooks, execute=not args.no_execute):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
