"""Every lesson is course material: header, summary, 3-5 checked exercises whose solutions pass.

The structure is the one written in arabic_news.exercises (and COMMON.md): it holds for new
lessons too, so a lesson added without exercises, or with a wrong solution, fails here.
"""

import re
from pathlib import Path

import nbformat
import pytest
from student_copies import COPIES, out_of_sync

from arabic_news.exercises import exercise_ids

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
HEADER = ("**What you will learn**", "**Level**", "**Time**", "**Prerequisites**", "**Data**")
CHECK = re.compile(r'check\("(\d+)\.(\d+)", (answer_\d+_\d+)\b')


def _cells(path):
    return nbformat.read(path, as_version=4).cells


def _tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def _text(cell):
    outputs = cell.get("outputs", [])
    return "".join(o.get("text", "") for o in outputs if o["output_type"] == "stream")


def exercises(cells):
    """(number, title cell, solution cell, check cell) for each '### Exercise N:' cell."""
    found = []
    for index, cell in enumerate(cells):
        match = re.match(r"### Exercise (\d+): \S", cell.source)
        if match and cell.cell_type == "markdown":
            found.append((int(match[1]), *cells[index : index + 3]))
    return found


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.name)
def test_the_first_cell_is_the_title_and_the_header(lesson):
    first = _cells(lesson)[0]
    assert first.cell_type == "markdown" and re.match(r"# \d+\. \S", first.source)
    missing = [field for field in HEADER if field not in first.source]
    assert not missing, f"{lesson.name}: the header lacks {missing}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.name)
def test_a_summary_then_three_to_five_exercises_close_the_lesson(lesson):
    cells = _cells(lesson)
    headings = [(i, line) for i, c in enumerate(cells) if c.cell_type == "markdown"
                for line in c.source.splitlines() if line.startswith("## ")]
    titles = [line for _, line in headings]
    assert "## Summary" in titles and "## Exercises" in titles
    assert titles.index("## Summary") == len(titles) - 2 and titles[-1] == "## Exercises"
    summary = next(c.source for c in cells if "## Summary" in c.source)
    for part in ("learned", "Pitfalls", "Where next"):
        assert part in summary, f"{lesson.name}: the summary has no '{part}'"
    numbers = [number for number, *_ in exercises(cells)]
    assert 3 <= len(numbers) <= 5 and numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.name)
def test_each_exercise_has_a_tagged_solution_and_a_check_that_says_right(lesson):
    number = int(lesson.name[:2])
    cells = _cells(lesson)
    found = exercises(cells)
    assert [f"{number}.{n}" for n, *_ in found] == exercise_ids(number)
    for n, _, solution, check in found:
        variable = f"answer_{number}_{n}"
        assert "solution" in _tags(solution), f"{lesson.name}, exercise {n}: tag the solution"
        assert re.search(rf"^\s*{variable} = ", solution.source, re.M), f"assign {variable}"
        call = CHECK.search(check.source)
        assert call and call.groups() == (str(number), str(n), variable), check.source
        assert _text(check).startswith(f"Exercise {number}.{n}: right."), (
            f"{lesson.name}, exercise {n}: the solution does not pass its check: {_text(check)!r}")


def test_student_copies_are_in_sync_with_the_lessons():
    stale = out_of_sync(NOTEBOOKS)
    assert not stale, f"out of sync: {stale}; run make student-copies (or make lessons)"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.name)
def test_student_copies_announce_every_exercise_as_not_answered(lesson):
    number = int(lesson.name[:2])
    cells = _cells(NOTEBOOKS / COPIES / lesson.name)
    found = exercises(cells)
    assert len(found) == len(exercise_ids(number))
    for n, _, solution, check in found:
        assert solution.source.endswith(f"answer_{number}_{n} = ...  # your answer here")
        assert _text(check) == (f"Exercise {number}.{n}: not answered yet. Replace ... with your "
                                "answer, then run the two cells again.\n")
    errors = [o for c in cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors


def _code(lesson) -> str:
    return "\n".join(cell.source for cell in _cells(lesson) if cell.cell_type == "code")


# How each lesson prepares its corpus, as (applies to the lesson?, what it must hold, why).
# Counting: a lesson that removes boilerplate must also say whether reprints are counted
# once, or its counts differ from the other lessons' without a word (lesson 1 reports the
# copies and lesson 8 is about them). Boilerplate: footers, share buttons and a page's CSS
# left in the text become an outlet's "key terms" and shared shingles.
PREPARATION = {
    "each story once": (
        lambda code, name: "remove_boilerplate" in code and name[:2] not in {"01", "08"},
        ("count_each_story_once",), ("deduplication_note(corpus)", "preparation_note(corpus)"),
        "pass count_each_story_once to an.prepare_corpus and print an.preparation_note"),
    "boilerplate": (
        lambda code, name: "load_corpus(" in code,
        ("remove_boilerplate = True",), ("boilerplate_note(corpus)", "preparation_note(corpus)"),
        "remove boilerplate after loading (parameter remove_boilerplate) and print its note"),
}


@pytest.mark.parametrize("rule", sorted(PREPARATION))
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.name)
def test_every_lesson_prepares_its_corpus_as_the_others_and_says_so(lesson, rule):
    applies, required, said, advice = PREPARATION[rule]
    code = _code(lesson)
    if not applies(code, lesson.name):
        pytest.skip(f"{lesson.name}: the {rule} rule does not apply")
    assert all(part in code for part in required) and any(note in code for note in said), (
        f"{lesson.name}: {advice}, as the other lessons do")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.name)
def test_a_lesson_that_charts_terms_over_time_keeps_to_the_core_dates(lesson):
    # A handful of articles years older than the rest (ANT has some from 2012) would make the
    # periods quarters instead of weeks and fill the table with nearly empty periods: every
    # lesson follows terms over the core date range, as lesson 4 does.
    source = _code(lesson)
    calls = re.findall(r"term_share_over_time\((.*?)\)\n", source, flags=re.S)
    if not calls:
        pytest.skip(f"{lesson.name} follows no term over time")
    assert "core_date_range(" in source and all("start=start" in call and "end=end" in call
                                                 for call in calls), (
        f"{lesson.name}: pass start and end from analysis.core_date_range to "
        "term_share_over_time, as lesson 4 does")
