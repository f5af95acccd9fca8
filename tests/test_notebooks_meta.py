"""The notebooks as files: paired scripts in sync, papermill parameters, outputs committed, lint."""

import json
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_the_numbered_lessons_are_there():
    assert [path.name[:2] for path in NOTEBOOKS] == [f"{n:02d}" for n in range(1, 9)]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_paired_script_is_in_sync(notebook):
    script = notebook.parent / "scripts" / notebook.with_suffix(".py").name
    assert script.exists(), f"scripts/{script.name} is missing: run make sync-notebooks"
    expected = jupytext.writes(jupytext.read(notebook), fmt="py:percent")
    assert script.read_text(encoding="utf-8") == expected, (
        f"{script.name} and {notebook.name} differ: run make sync-notebooks"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_first_code_cell_holds_the_papermill_parameters(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    first = next(cell for cell in cells if cell["cell_type"] == "code")
    assert "parameters" in first["metadata"].get("tags", [])
    source = "".join(first["source"])
    assert "corpus_path = None" in source and "figures_dir =" in source


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_outputs_are_committed_in_order_without_timing_metadata(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    counts = [cell["execution_count"] for cell in cells if cell["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), "re-execute the notebook top to bottom"
    for cell in cells:
        assert "execution" not in cell.get("metadata", {}), "strip timing metadata"
        for output in cell.get("outputs", []):
            assert output.get("name") != "stderr", f"stderr output in {notebook.name}"
            assert output.get("output_type") != "error", f"error output in {notebook.name}"


def test_lessons_folder_shows_notebooks_not_scripts():
    """Students browsing notebooks/ must not open a paired script by mistake."""
    assert not list((ROOT / "notebooks").glob("*.py"))
    scripts = sorted((ROOT / "notebooks" / "scripts").glob("[0-9][0-9]-*.py"))
    assert [path.stem for path in scripts] == [path.stem for path in NOTEBOOKS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_notebooks_import_the_package_not_the_source_folder(notebook):
    text = notebook.read_text(encoding="utf-8")
    assert "sys.path" not in text


def test_ruff_finds_nothing_in_notebooks_package_and_tests():
    ruff = Path(sys.executable).parent / "ruff"  # installed with the test extra
    folders = ["notebooks", "src", "tests", "benchmarks", "tools"]
    result = subprocess.run([str(ruff), "check", *folders],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_runner_finds_the_lessons_in_order_and_refuses_a_missing_corpus(tmp_path, capsys):
    from arabic_news import run_notebooks

    assert run_notebooks.notebook_paths() == NOTEBOOKS
    code = run_notebooks.main(["--corpus", str(tmp_path / "nowhere"), "--output", str(tmp_path)])
    assert code == 2 and "path does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [], "a run that cannot start writes nothing"
