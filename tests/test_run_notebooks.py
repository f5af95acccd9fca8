"""The notebook runner and the figures folder (issue 9, cases 15 and 18)."""

import json
import os
import shlex
import time
from pathlib import Path

import nbformat
import pytest
from tiny_notebooks import one_article_corpus, printed, tiny_notebook

from arabic_news import run_notebooks
from arabic_news.atomic_folders import MANIFEST
from arabic_news.corpus import seeds_path
from arabic_news.corpus.outputs import committed_figures, corpus_slug, figures_folder

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(tmp_path):
    return one_article_corpus(tmp_path, "my corpus")


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
    assert sorted(p.name for p in figures.iterdir()) == [MANIFEST, "f.svg", "other.png"]
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


# --- issue 16: paths, whole folders, stale staging, one-line errors, quiet kernels ------------

FIGURE = ("from pathlib import Path\nPath(figures_dir).mkdir(parents=True, exist_ok=True)\n"
          "name = Path(corpus_path).stem if corpus_path else 'seeds'\n"
          "(Path(figures_dir) / f'{name}.svg').write_text('<svg/>')\n")


def test_relative_output_and_figures_land_where_the_runner_says(tmp_path, corpus, monkeypatch,
                                                                capsys):
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    nb = tiny_notebook(lessons / "01-fig.ipynb", FIGURE)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    run_notebooks.run_all(str(corpus), Path("out/corpus"), Path("figs"), notebooks=[nb])
    assert (work / "figs" / "my corpus.svg").is_file()
    assert (work / "out" / "corpus" / "01-fig.ipynb").is_file()
    assert sorted(p.name for p in lessons.iterdir()) == ["01-fig.ipynb"]  # nothing beside it
    printed = capsys.readouterr().out
    assert f"figures in {work / 'figs'}\n" in printed


def test_corpus_b_after_corpus_a_replaces_a_s_files_and_keeps_the_users(tmp_path):
    nb = tiny_notebook(tmp_path / "01-fig.ipynb", FIGURE)
    out = tmp_path / "OUT"
    figures = out / "figures"
    run_notebooks.run_all(str(one_article_corpus(tmp_path, "A")), out / "corpus", figures,
                          notebooks=[nb])
    assert (figures / "A.svg").is_file()
    (out / "notes.md").write_text("my notes", encoding="utf-8")
    (figures / "my-drawing.png").write_bytes(b"mine")
    (figures / "mine").mkdir()
    (figures / "mine" / "deep.txt").write_text("mine too", encoding="utf-8")
    (out / "corpus" / "my-analysis.ipynb").write_text("{}", encoding="utf-8")
    run_notebooks.run_all(str(one_article_corpus(tmp_path, "B")), out / "corpus", figures,
                          notebooks=[nb])
    assert sorted(p.name for p in figures.iterdir()) == [MANIFEST, "B.svg", "mine",
                                                          "my-drawing.png"]
    assert (figures / "my-drawing.png").read_bytes() == b"mine"
    assert (figures / "mine" / "deep.txt").read_text(encoding="utf-8") == "mine too"
    assert (out / "notes.md").read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in (out / "corpus").iterdir()) == [MANIFEST, "01-fig.ipynb",
                                                                   "my-analysis.ipynb"]
    assert sorted(p.name for p in out.iterdir()) == ["corpus", "figures", "notes.md"]


WAIT = ("import time\nfrom pathlib import Path\ngo = Path({go!r})\nPath({started!r}).touch()\n"
        "deadline = time.time() + 120\nwhile not go.exists() and time.time() < deadline:\n"
        "    time.sleep(0.1)\n")


def _start_waiting_run(tmp_path, corpus, out, tag):
    """A run in another process whose notebook waits for ``tag``'s go file."""
    import subprocess
    import sys

    go, started = tmp_path / f"{tag}.go", tmp_path / f"{tag}.started"
    nb = tiny_notebook(tmp_path / f"01-wait-{tag}.ipynb",
                       WAIT.format(go=str(go), started=str(started)))
    code = ("import sys; from pathlib import Path; from arabic_news import run_notebooks\n"
            f"run_notebooks.run_all({str(corpus)!r}, Path({str(out / 'corpus')!r}), "
            f"Path({str(out / 'figures')!r}), notebooks=[Path({str(nb)!r})])")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not started.exists():
        assert process.poll() is None, process.stderr.read().decode()[-2000:]
        assert time.time() < deadline, "the waiting notebook never started"
        time.sleep(0.1)
    return process, go


def _staging(out):
    return sorted(p.name for p in out.glob(".*.partial-*"))


def test_a_killed_run_leaves_staging_that_the_next_run_removes(tmp_path, corpus):
    import signal

    out = tmp_path / "OUT"
    process, _ = _start_waiting_run(tmp_path, corpus, out, "killed")
    assert len(_staging(out)) == 2  # the notebooks' and the figures'
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert len(_staging(out)) == 2  # SIGKILL: nothing could clean up
    nb = tiny_notebook(tmp_path / "01-fig.ipynb", FIGURE)
    run_notebooks.run_all(str(corpus), out / "corpus", out / "figures", notebooks=[nb])
    assert _staging(out) == []
    assert (out / "figures" / "my corpus.svg").is_file()


def test_a_live_concurrent_run_keeps_its_staging(tmp_path, corpus):
    out = tmp_path / "OUT"
    process, go = _start_waiting_run(tmp_path, corpus, out, "live")
    try:
        live = _staging(out)
        nb = tiny_notebook(tmp_path / "01-fig.ipynb", FIGURE)
        run_notebooks.run_all(str(corpus), out / "corpus", out / "figures", notebooks=[nb])
        assert _staging(out) == live
    finally:
        go.touch()
    assert process.wait(timeout=120) == 0, process.stderr.read().decode()[-2000:]
    assert _staging(out) == []
    assert (out / "corpus" / "01-wait-live.ipynb").is_file()


def test_sigterm_removes_the_staging_on_the_way_out(tmp_path, corpus):
    import signal

    out = tmp_path / "OUT"
    process, _ = _start_waiting_run(tmp_path, corpus, out, "terminated")
    assert len(_staging(out)) == 2
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert _staging(out) == []


def test_the_committed_figures_manifest_names_what_make_run_writes():
    written = (ROOT / "figures" / MANIFEST).read_text(encoding="utf-8").splitlines()[1:]
    lessons = "".join((ROOT / "notebooks" / "scripts").joinpath(p.name).read_text(
        encoding="utf-8") for p in (ROOT / "notebooks" / "scripts").glob("[0-9][0-9]-*.py"))
    for name in written:
        assert Path(name).stem in lessons, f"{name} is in the manifest but no lesson draws it"
    assert "gallery_tricky_labels.png" not in written  # a benchmark's figure: kept, not replaced


@pytest.mark.parametrize("raised", [
    "pyarrow.lib.ArrowInvalid('Could not convert \\'a\\' with type str: tried to convert to "
    "int64', 'Conversion failed for column extra with type object')",
    "OSError(28, 'No space left on device')",
    "KeyError('text')",
    "RuntimeError('line one\\nline two')",
])
def test_any_error_while_preparing_the_corpus_is_one_line_and_exit_2(
        raised, tmp_path, corpus, monkeypatch, capsys):
    import pyarrow  # noqa: F401 - used by the raised expression

    import arabic_news.corpus.convert as convert

    def fail(*args, **kwargs):
        raise eval(raised)  # noqa: S307 - the test's own literal expressions

    monkeypatch.setattr(convert, "write_shards", fail)
    out = tmp_path / "o"
    assert run_notebooks.main(["--corpus", str(corpus), "--output", str(out),
                               "--cache-dir", str(tmp_path / "cache")]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: corpus {corpus} cannot be loaded: ") and error.count(
        "\n") == 1, error
    assert not out.exists()


def test_a_corpus_arrow_cannot_store_is_never_a_traceback(tmp_path):
    """Mixed types in an extra column (an int, then a str) load on pandas; storing them as
    Parquet failed with a raw ArrowInvalid. Whether or not the converter learns to store
    them, the runner never ends in a traceback."""
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text('{"text": "نص الخبر الأول", "extra": 1}\n'
                      '{"text": "نص الخبر الثاني", "extra": "a"}\n', encoding="utf-8")
    nb = tiny_notebook(tmp_path / "01-ok.ipynb", "print('ok')")
    result = run_all_in_a_process(corpus, tmp_path / "out", nb, timeout=600,
                                  cache_dir=str(tmp_path / "cache"))
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    if result.returncode:  # until the converter stores mixed columns (issue 16, corpus side)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "ArrowInvalid" in result.stderr and str(corpus) in result.stderr


def test_a_kernels_own_output_goes_to_a_log_kept_with_a_failed_notebook(
        tmp_path, corpus, capfd):
    """ipykernel 7 can log a traceback while it shuts down (a socket it already closed):
    on the runner's terminal that read as a failure after lessons that worked. What the
    kernel process writes itself goes to a log instead, kept beside a failed notebook."""
    noise = "import os\nos.write(2, b'Traceback (most recent call last): kernel noise\\n')\n"
    good = tiny_notebook(tmp_path / "01-good.ipynb", noise + "print('ok')")
    out = tmp_path / "out"
    run_notebooks.run_all(str(corpus), out / "corpus", out / "figures", notebooks=[good])
    assert "kernel noise" not in capfd.readouterr().err
    assert "ok" in printed(out / "corpus" / "01-good.ipynb")

    bad = tiny_notebook(tmp_path / "02-bad.ipynb", noise + "raise ValueError('boom')")
    with pytest.raises(run_notebooks.RunError) as caught:
        run_notebooks.run_all(str(corpus), out / "corpus", out / "figures",
                              notebooks=[good, bad])
    assert "kernel noise" not in capfd.readouterr().err
    kept = Path(str(caught.value).split("traceback: ")[1].split(")")[0])
    log = kept.with_suffix(".kernel.log").read_text(encoding="utf-8")
    assert "kernel noise" in log
    assert "without encryption" not in log  # ipykernel's warning would be here


def test_kernels_run_encrypted_and_do_not_warn(tmp_path, corpus):
    nb = tiny_notebook(tmp_path / "01-kernel.ipynb",
                       "from ipykernel.kernelapp import IPKernelApp\n"
                       "print('curve', IPKernelApp.instance().curve_secretkey is not None)")
    out = tmp_path / "out"
    result = run_all_in_a_process(corpus, out, nb, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "curve True" in printed(out / "corpus" / "01-kernel.ipynb")


def test_the_lessons_get_the_corpus_the_user_named_not_the_cache(tmp_path, corpus, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nb = tiny_notebook(tmp_path / "01-path.ipynb", "print(corpus_path)")
    out = tmp_path / "out"
    run_notebooks.run_all(os.path.relpath(corpus), out / "corpus", out / "figures",
                          notebooks=[nb], cache_dir=tmp_path / "cache")
    assert printed(out / "corpus" / "01-path.ipynb").strip() == str(corpus)
    cells = json.loads((out / "corpus" / "01-path.ipynb").read_text(encoding="utf-8"))["cells"]
    injected = next(c for c in cells if "injected-parameters" in c["metadata"].get("tags", []))
    assert "cache" not in "".join(injected["source"])


def test_the_executed_notebooks_name_the_published_folders_not_the_staging(tmp_path, corpus):
    nb = tiny_notebook(tmp_path / "01-term.ipynb", "print(kwic_term)",
                       parameters="corpus_path = None\nfigures_dir = None\nkwic_term = 'حلب'")
    out = tmp_path / "out"
    run_notebooks.run_all(str(corpus), out / "corpus", out / "figures", notebooks=[nb],
                          parameters={"kwic_term": "الأمم المتحدة"})
    executed = out / "corpus" / "01-term.ipynb"
    text = executed.read_text(encoding="utf-8")
    assert ".partial-" not in text
    notebook = nbformat.read(executed, as_version=4)
    injected = next(c for c in notebook.cells if "injected-parameters" in c.metadata["tags"])
    assert injected.source.splitlines() == [
        "# Parameters", f"corpus_path = {str(corpus)!r}", f"figures_dir = {str(out / 'figures')!r}",
        "kwic_term = 'الأمم المتحدة'"]
    assert notebook.metadata.papermill.output_path == str(executed)
    assert notebook.metadata.papermill.parameters["figures_dir"] == str(out / "figures")
    assert printed(executed).strip() == "الأمم المتحدة"


@pytest.mark.parametrize("figures", ["corpus", "corpus/figs", "."])
def test_figures_and_notebooks_folders_must_be_apart(tmp_path, corpus, figures):
    out = tmp_path / "out"
    with pytest.raises(run_notebooks.RunError, match="must be apart"):
        run_notebooks.run_all(str(corpus), out / "corpus", out / figures,
                              notebooks=[tiny_notebook(tmp_path / "01-a.ipynb", "1")])
    assert not out.exists()


def test_the_executed_notebook_is_written_when_the_lesson_ends_not_after_each_cell(tmp_path):
    """papermill wrote the whole notebook before and after every cell (a deep copy and JSON,
    about 1.3 s a lesson); the runner's engine writes it at the start and when it ends."""
    import papermill

    output = tmp_path / "executed.ipynb"
    reader = ("import json\n"
              f"cells = json.load(open({str(output)!r}, encoding='utf-8'))['cells']\n"
              "print('outputs on disk:', sum(len(c.get('outputs', [])) for c in cells))")
    notebook = tiny_notebook(tmp_path / "01-written.ipynb", ["print('first')", reader])
    papermill.execute_notebook(str(notebook), str(output), kernel_name="python3",
                               progress_bar=False, engine_name=run_notebooks.execution_engine())
    shown = printed(output)
    assert "first" in shown and "outputs on disk: 0" in shown  # not yet written by cell two


def test_a_notebook_whose_kernel_dies_is_kept_with_what_it_showed(tmp_path, corpus):
    """A kernel that dies (killed for memory, say) fails its lesson at once: with a
    synchronous kernel manager nbclient never noticed and the runner waited for ever. Run
    in a process of its own, so that such a wait fails this test instead of hanging it."""
    notebook = tiny_notebook(tmp_path / "01-dies.ipynb",
                             ["print('shown before')", "import os\nos._exit(1)"])
    out = tmp_path / "out"
    result = run_all_in_a_process(corpus, out, notebook, timeout=120)
    message = result.stderr.strip().splitlines()[-1]
    assert result.returncode == 1 and message.startswith("error: 01-dies.ipynb failed: "), \
        message
    kept = Path(message.split("traceback: ")[1].split(")")[0])
    assert "shown before" in printed(kept)
    assert not (out / "corpus").exists()


def run_all_in_a_process(corpus: Path, out: Path, notebook: Path, timeout: int, **options):
    """``run_all`` of ``notebook`` on ``corpus`` into ``out``/corpus and ``out``/figures, in
    a Python process of its own (a hang fails on ``timeout`` instead of hanging the suite;
    what the kernels write reaches that process's descriptors). A RunError is printed to
    stderr as ``error: <message>`` and becomes the exit code, as on the command line."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from arabic_news import run_notebooks as r\n"
            f"try:\n    r.run_all({str(corpus)!r}, Path({str(out / 'corpus')!r}), "
            f"Path({str(out / 'figures')!r}), notebooks=[Path({str(notebook)!r})], "
            f"**{options!r})\n"
            "except r.RunError as error:\n    print(f'error: {error}', file=sys.stderr)\n"
            "    sys.exit(error.exit_code)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout)
