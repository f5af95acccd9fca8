"""Student copies: solutions out, checks in, and in sync with the lessons."""

import nbformat
import pytest
import student_copies as student


def _lesson(tmp_path, solution="# Hint: count them.\nterms = [1, 2]\nanswer_9_1 = len(terms)"):
    nb = nbformat.v4.new_notebook()
    nb.metadata["jupytext"] = {"formats": "ipynb,scripts//py:percent"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 9. A lesson\n\n**What you will learn**: counting.\n\n"
                                      "**Level**: beginner"),
        nbformat.v4.new_code_cell('corpus_path = None\nfigures_dir = "../figures"',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_markdown_cell("### Exercise 1: count"),
        nbformat.v4.new_code_cell(solution, metadata={"tags": ["solution"]}),
        nbformat.v4.new_code_cell('check("9.1", answer_9_1)'),
    ]
    nb.cells[3].outputs = [nbformat.v4.new_output("stream", text="secret output")]
    path = tmp_path / "09-a-lesson.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_guarded_answer_is_found_inside_if_and_try():
    source = ("# Hint: mind empty corpora.\nanswer_9_1 = None\nif terms:\n"
              "    answer_9_1 = len(terms)")
    assert student.solution_stub(source) == (
        "# Hint: mind empty corpora.\nanswer_9_1 = ...  # your answer here")


def test_solution_cells_keep_their_hint_and_assign_the_placeholder(tmp_path):
    path = _lesson(tmp_path)
    copy = student.student_copy(nbformat.read(path, as_version=4), path)
    solution = next(c for c in copy.cells if "solution" in c.metadata.get("tags", []))
    assert solution.source == "# Hint: count them.\nanswer_9_1 = ...  # your answer here"
    assert solution.outputs == [] and solution.execution_count is None
    assert copy.cells[-1].source == 'check("9.1", answer_9_1)'
    written = nbformat.writes(copy)
    assert "len(terms)" not in written and "secret output" not in written


def test_the_copy_is_one_folder_deeper_unpaired_and_says_what_it_is(tmp_path):
    path = _lesson(tmp_path)
    copy = student.student_copy(nbformat.read(path, as_version=4), path)
    assert "jupytext" not in copy.metadata
    assert 'figures_dir = "../../figures"' in copy.cells[2].source  # after the note
    assert copy.cells[0].source.startswith("# 9. A lesson")
    assert "(../09-a-lesson.ipynb)" in copy.cells[1].source


@pytest.mark.parametrize("source", ["answer_9_2 = 1\nanswer_9_1 = 2", "a, b = 1, 2",
                                    "x.y = 3", "answer_9_1 = (", "", "answer_9_1 == 3"])
def test_a_solution_without_exactly_one_answer_assignment_is_refused(tmp_path, source):
    path = _lesson(tmp_path, solution=source)
    with pytest.raises(ValueError, match=r"09-a-lesson.ipynb, cell 4"):
        student.student_copy(nbformat.read(path, as_version=4), path)


def test_a_lesson_without_exercises_is_refused(tmp_path):
    path = _lesson(tmp_path)
    nb = nbformat.read(path, as_version=4)
    nb.cells[3].metadata["tags"] = []
    with pytest.raises(ValueError, match="no cell is tagged 'solution'"):
        student.student_copy(nb, path)


def test_check_finds_drift_and_a_rewrite_fixes_it(tmp_path, capsys):
    path = _lesson(tmp_path)
    assert student.main([str(tmp_path), "--check"]) == 1
    assert "exercises/09-a-lesson.ipynb" in capsys.readouterr().out
    student.write_copies(tmp_path, execute=False)
    assert student.out_of_sync(tmp_path) == []
    nb = nbformat.read(path, as_version=4)
    nb.cells[2].source += " them all"          # the lesson changes ...
    nbformat.write(nb, path)
    assert student.out_of_sync(tmp_path) == ["exercises/09-a-lesson.ipynb"]  # ... copy is stale
    start = nbformat.read(tmp_path / "start-here.ipynb", as_version=4).cells[0].source
    assert ("[9. A lesson](09-a-lesson.ipynb) | counting. | "
            "[your copy](exercises/09-a-lesson.ipynb)") in start
