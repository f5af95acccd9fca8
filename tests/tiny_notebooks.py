"""Tiny notebooks for the runner's tests: a ``parameters`` cell, then one cell of code."""

import json
from pathlib import Path

import nbformat


def tiny_notebook(path: Path, body: str | list[str],
                  parameters: str = "corpus_path = None\nfigures_dir = None") -> Path:
    """Write a notebook whose ``parameters`` cell holds ``parameters``, followed by one cell
    of code ``body`` (or one cell per item of a list)."""
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    bodies = [body] if isinstance(body, str) else body
    notebook.cells = [cell] + [nbformat.v4.new_code_cell(source) for source in bodies]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, path)
    return path


def printed(notebook: Path) -> str:
    """Everything an executed notebook's cells printed."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "".join("".join(output.get("text", "")) for cell in cells
                   for output in cell.get("outputs", []))


def one_article_corpus(parent: Path, name: str) -> Path:
    """A corpus folder ``parent/name`` holding one short Arabic article."""
    root = parent / name
    root.mkdir()
    (root / "a.txt").write_text("عنوان\nنص الخبر\n", encoding="utf-8")
    return root
