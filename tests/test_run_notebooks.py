"""The notebook runner and the figures folder (issue 9, cases 15 and 18)."""

import json
import shlex
from pathlib import Path

import nbformat
import pytest

from arabic_news import run_notebooks
from arabic_news.corpus import seeds_path
from arabic_news.corpus.outputs import committed_figures, corpus_slug, figures_folder

ROOT = Path(__file__).resolve().parents[1]


def tiny_notebook(path: Path, body: str) -> Path:
    notebook = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("corpus_path = None\nfigures_dir = None")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell(body)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, path)
    return path


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "my corpus"
    root.mkdir()
    (root / "a.txt").write_text("عنوان\nنص الخبر\n", encoding="utf-8")
    return root


# --- 15. fail early, one line, nothing half-written ---------------------------------------

def test_empty_folder_is_one_line_and_writes_nothing(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    code = run_notebooks.main(["--corpus", str(empty), "--output", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert lines == [f"error: corpus cannot be loaded: CorpusError: {empty}: no .txt articles "
                     "in this folder or below"]
    assert not out.exists()


def test_corpus_of_empty_documents_is_refused(tmp_path, capsys):
    root = tmp_path / "c"
    root.mkdir()
    (root / "a.txt").write_bytes(b"")
    assert run_notebooks.main(["--corpus", str(root), "--output", str(tmp_path / "o")]) == 2
    assert "holds no article with text (left out:" in capsys.readouterr().err


def test_failing_notebook_leaves_no_partial_output(tmp_path, corpus):
    good = tiny_notebook(tmp_path / "01-good.ipynb", "print('ok')")
    bad = tiny_notebook(tmp_path / "02-bad.ipynb", "raise ValueError('boom')")
    out, figures = tmp_path / "out" / "corpus", tmp_path / "out" / "figures"
    with pytest.raises(run_notebooks.RunError) as caught:
        run_notebooks.run_all(str(corpus), out, figures, notebooks=[good, bad])
    message = str(caught.value)
    assert caught.value.exit_code == 1
    assert message.startswith("02-bad.ipynb failed: ValueError: boom (executed notebook")
    assert "\n" not in message
    kept = Path(message.split("traceback: ")[1].split(")")[0])
    assert "boom" in kept.read_text(encoding="utf-8")
    assert not out.exists() and not figures.exists()
    assert list((tmp_path / "out").iterdir()) == []  # the staging folder is gone too


def test_successful_run_moves_notebooks_and_figures_into_place(tmp_path, corpus):
    body = ("from pathlib import Path\nPath(figures_dir).mkdir(parents=True, exist_ok=True)\n"
            "(Path(figures_dir) / 'f.svg').write_text('<svg/>')\nprint(corpus_path)")
    nb = tiny_notebook(tmp_path / "01-fig.ipynb", body)
    out, figures = tmp_path / "out" / "corpus", tmp_path / "out" / "figures"
    figures.mkdir(parents=True)
    (figures / "other.png").write_bytes(b"kept")
    run_notebooks.run_all(str(corpus), out, figures, notebooks=[nb])
    assert (out / "01-fig.ipynb").is_file()
    assert sorted(p.name for p in figures.iterdir()) == ["f.svg", "other.png"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["corpus", "figures"]


# --- 18. another corpus never writes over the committed figures -----------------------------

def test_default_figures_folder_depends_on_the_corpus(corpus, tmp_path):
    assert figures_folder(None) == committed_figures() == ROOT / "figures"
    assert figures_folder(seeds_path()) == committed_figures()
    other = figures_folder(corpus)
    assert other == ROOT / "output" / "figures" / corpus_slug(corpus)
    assert other.name.startswith("my_corpus-") and len(other.name) == len("my_corpus-") + 8
    twin = tmp_path / "elsewhere" / "my corpus"
    twin.mkdir(parents=True)
    assert figures_folder(twin) != other
    assert figures_folder(corpus, tmp_path / "f") == tmp_path / "f"


@pytest.mark.parametrize("given", [str(ROOT / "figures"), ROOT / "notebooks" / ".." / "figures"])
def test_committed_figures_refused_for_another_corpus(corpus, given):
    with pytest.raises(ValueError, match="would overwrite them"):
        figures_folder(corpus, given)
    assert figures_folder(None, given) == Path(given)


def test_runner_refuses_committed_figures_for_another_corpus(corpus, tmp_path, capsys):
    code = run_notebooks.main(["--corpus", str(corpus), "--output", str(tmp_path / "o"),
                               "--figures", str(ROOT / "figures")])
    assert code == 2
    assert "would overwrite them" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_readme_papermill_example_stays_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if "papermill notebooks/" in line]
    assert commands, "the README shows a papermill example"
    for command in commands:
        words = shlex.split(command)
        assert words[words.index("--cwd") + 1] == "notebooks"
        program = next(i for i, word in enumerate(words) if word.endswith("papermill"))
        output = words[program + 2]
        assert output.startswith("output/"), output
        assert "figures_dir" not in words  # the default depends on the corpus


def test_committed_notebooks_default_to_the_corpus_dependent_folder():
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "".join(next(c for c in cells if "parameters" in c["metadata"].get("tags", []))
                         ["source"])
        assert "figures_dir = None" in source, path.name
        code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert "figures_folder(corpus_path, figures_dir)" in code, path.name


# --- issue 12: one engine parameter for the whole run ---------------------------------------

def test_engine_goes_only_to_lessons_that_declare_it(tmp_path, corpus, capsys):
    with_engine = tiny_notebook(tmp_path / "01-engine.ipynb", "print('engine', engine)")
    cells = nbformat.read(with_engine, as_version=4)
    cells.cells[0].source += "\nengine = 'pandas'\nscheduler_address = None"
    nbformat.write(cells, with_engine)
    without = tiny_notebook(tmp_path / "02-plain.ipynb", "print('engine' in globals())")
    out, figures = tmp_path / "out" / "corpus", tmp_path / "out" / "figures"
    run_notebooks.run_all(str(corpus), out, figures, notebooks=[with_engine, without],
                          engine="dask")
    printed = capsys.readouterr().out
    assert "01-engine.ipynb: " in printed and " s on dask" in printed
    assert "02-plain.ipynb: " in printed
    assert " s on pandas (the lesson has no engine parameter)" in printed

    def stdout(name):
        cells = json.loads((out / name).read_text(encoding="utf-8"))["cells"]
        return "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", []))

    assert stdout("01-engine.ipynb").strip() == "engine dask"
    assert stdout("02-plain.ipynb").strip() == "False"
    assert run_notebooks.engine_parameters(with_engine, "dask", "tcp://h:8786") == {
        "engine": "dask", "scheduler_address": "tcp://h:8786"}
    assert run_notebooks.engine_parameters(without, "dask") == {}
    assert run_notebooks.engine_parameters(with_engine, None) == {}


def test_engine_options_are_checked_before_anything_runs(tmp_path, corpus, capsys):
    out = tmp_path / "out"
    arguments = ["--corpus", str(corpus), "--output", str(out), "--scheduler", "tcp://h:8786"]
    assert run_notebooks.main(arguments) == 2
    assert capsys.readouterr().err.strip() == "error: a scheduler address is for --engine dask"
    with pytest.raises(run_notebooks.RunError, match="engine 'spark' is not allowed"):
        run_notebooks.run_all(str(corpus), out / "corpus", out / "figures", engine="spark")
    assert not out.exists()
