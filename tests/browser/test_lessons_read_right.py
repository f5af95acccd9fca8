"""The lessons, as a reader sees them: every table and every isolated Arabic example, in the
nbconvert HTML export and in a running JupyterLab, measured word by word in Chromium.

Screenshots of every table and of every prose cell with an Arabic example are saved to
output/screenshots/ (``<surface>-<lesson>-table-<n>.png``, ``...-prose-<n>.png``).
"""

from __future__ import annotations

import json
import time

import pytest

from .conftest import LESSONS
from .layout import PROBE, prose_problems, table_problems

TABLES = ".jp-OutputArea-output table"
PROSE = ".jp-RenderedMarkdown bdi"


def expected_tables(lesson) -> int:
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    return sum("<table" in "".join(output.get("data", {}).get("text/html", ""))
               for cell in cells for output in cell.get("outputs", []))


def wait_for(browser, script, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if browser.execute_script(script):
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for: {script}")


def probe_and_save(browser, surface, lesson, screenshots_dir):
    browser.execute_script("return document.fonts.ready")
    result = browser.execute_script(PROBE, None, TABLES, PROSE)
    elements = browser.find_elements("css selector", TABLES)
    for number, element in enumerate(elements):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.screenshot(str(screenshots_dir / f"{surface}-{lesson.stem}-table-{number}.png"))
    # measure after scrolling too: positions are relative, so the checks do not change
    for number, element in enumerate(browser.find_elements(
            "css selector", ".jp-RenderedMarkdown:has(bdi)")):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.screenshot(str(screenshots_dir / f"{surface}-{lesson.stem}-prose-{number}.png"))
    return result


def check(result, lesson):
    tables = result["tables"]
    assert len(tables) == expected_tables(lesson), "every table of the lesson is on the page"
    problems = []
    for number, table in enumerate(tables):
        if "an-rtl-table" not in table["className"]:
            problems.append(f"table {number} is not shown through the display API")
        if table["dir"] != "rtl":
            problems.append(f"table {number} is laid out {table['dir']}, not right to left")
        problems += [f"table {number}: {p}" for p in table_problems(table)]
    for element in result["prose"]:
        problems += prose_problems(element)
    assert not problems, "\n".join(problems)
    return tables


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.stem)
def test_exported_lesson_reads_right(browser, exported_lessons, screenshots_dir, lesson):
    browser.get(exported_lessons[lesson.stem].as_uri())
    result = probe_and_save(browser, "export", lesson, screenshots_dir)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height, 16000))  # the whole lesson, for a person to read
    browser.save_screenshot(str(screenshots_dir / f"export-{lesson.stem}-page.png"))
    browser.set_window_size(1280, 900)
    check(result, lesson)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.stem)
def test_lesson_in_jupyterlab_reads_right(browser, jupyterlab, screenshots_dir, lesson):
    base, token = jupyterlab
    browser.get(f"{base}/doc/tree/{lesson.name}?token={token}")
    wanted = expected_tables(lesson)
    wait_for(browser, f"return document.querySelectorAll('{TABLES}').length >= {wanted}"
                      " && document.querySelectorAll('.jp-RenderedMarkdown').length > 0")
    time.sleep(0.5)  # let the last outputs settle
    result = probe_and_save(browser, "lab", lesson, screenshots_dir)
    check(result, lesson)


def test_the_keyword_in_context_is_measured_on_every_row(browser, exported_lessons):
    lesson = next(path for path in LESSONS if path.stem.startswith("02-"))
    browser.get(exported_lessons[lesson.stem].as_uri())
    tables = browser.execute_script(PROBE, None, TABLES, PROSE)["tables"]
    kwic = [t for t in tables if "an-kwic" in t["className"]]
    assert len(kwic) == 1 and len(kwic[0]["rows"]) > 1
    assert all(row[2]["tokens"] for row in kwic[0]["rows"]), "every keyword was found on screen"
