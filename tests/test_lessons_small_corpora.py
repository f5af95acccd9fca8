"""Every lesson runs to the end on tiny and odd corpora (issue 9, cases 16-18).

Each of the five corpora of :mod:`lesson_corpora` goes through the runner, which executes
every numbered lesson with papermill; a section that cannot apply must print why and go on.
Slow (about 2-3 minutes on two cores): deselect with ``-m "not lessons"``.
"""

import json
import sys
from pathlib import Path

import pytest

from arabic_news import run_notebooks
from arabic_news.corpus.outputs import committed_figures, figures_folder

sys.path.insert(0, str(Path(__file__).parent))
from lesson_corpora import lesson_corpora  # noqa: E402

pytestmark = pytest.mark.lessons
NAMES = ["one-article", "three-articles", "no-date", "english-only", "all-stop-words"]
# What each corpus lacks, and the one-line reason the lessons must print for it.
EXPECTED_REASONS = {
    "one-article": ["No comparison: comparing weighting settings needs at least three"],
    "no-date": ["No timeline of articles or terms: no article of this corpus has a publication",
                "No event timeline"],
    "english-only": ["No event timeline"],
    "all-stop-words": ["No chart: no term is left once stop words are removed",
                       "No TF-IDF: no term is left in any text once stop words are removed",
                       "No event timeline"],
}


def printed(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "".join("".join(output.get("text", "")) for cell in cells
                   for output in cell.get("outputs", []) if output.get("name") == "stdout")


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    return lesson_corpora(tmp_path_factory.mktemp("corpora"))


@pytest.mark.parametrize("name", NAMES)
def test_every_lesson_runs_to_the_end(name, corpora, tmp_path):
    out, figures = tmp_path / "notebooks", tmp_path / "figures"
    run_notebooks.run_all(str(corpora[name]), out, figures)
    executed = sorted(out.glob("*.ipynb"))
    assert [p.name for p in executed] == [p.name for p in run_notebooks.notebook_paths()]
    text = "".join(printed(notebook) for notebook in executed)
    for reason in EXPECTED_REASONS.get(name, []):
        assert reason in text, f"{name}: expected the lessons to say {reason!r}"


def test_papermill_without_figures_dir_keeps_the_committed_figures(corpora, tmp_path):
    import papermill

    corpus = corpora["three-articles"]
    target = figures_folder(corpus)
    before = {p.name: p.stat().st_mtime_ns for p in committed_figures().iterdir()}
    notebook = run_notebooks.NOTEBOOKS_DIR / "02-term-frequency.ipynb"
    try:
        papermill.execute_notebook(str(notebook), str(tmp_path / "02.ipynb"),
                                   parameters={"corpus_path": str(corpus)},
                                   kernel_name="python3", progress_bar=False)
        assert sorted(p.name for p in target.iterdir()) == [
            "02-top-bigrams.png", "02-top-bigrams.svg", "02-top-terms.png", "02-top-terms.svg"]
    finally:
        import shutil

        shutil.rmtree(target, ignore_errors=True)
        for folder in (target.parent, target.parent.parent):  # output/figures, output: if empty
            try:  # (the browser tier, run at the same time, may just have written output/)
                folder.rmdir()
            except OSError:
                pass
    assert {p.name: p.stat().st_mtime_ns for p in committed_figures().iterdir()} == before
