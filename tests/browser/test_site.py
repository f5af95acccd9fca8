"""The lessons' website in headless Chromium: pages load cleanly, images show, Arabic reads right.

The site is built once for the session from the committed notebooks (docs/build_site.py, the
same code as ``make site``) into a temporary folder, and read from disk (file://), offline.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A word is a run of Arabic letters (with the marks on them); the probe measures each one.
PROBE = r"""
const arabic = new RegExp("[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]"
                          + "[\u0621-\u065F\u0670-\u06D3\u06FA-\u06FF]*", "g");
function words(cell) {
  const found = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(arabic)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rect = range.getClientRects()[0];
      if (rect) found.push({word: match[0], x: rect.left + rect.width / 2,
                            y: rect.top + rect.height / 2});
    }
  }
  return found;
}
const tables = [];
for (const table of document.querySelectorAll('.cell_output table')) {
  const rows = [];
  for (const row of table.querySelectorAll('tr')) {
    const cells = [];
    for (const cell of row.children) {
      const found = words(cell);
      if (found.length) cells.push({text: cell.textContent.trim().slice(0, 60), words: found});
    }
    if (cells.length) rows.push(cells);
  }
  if (rows.length) tables.push(rows);
}
return tables;
"""


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    began = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "docs" / "build_site.py"),
                    "--out", str(out / "html")],
                   check=True, cwd=ROOT)
    print(f"site built in {time.perf_counter() - began:.1f} s")
    return out / "html"


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name not in {"genindex.html", "search.html"})


def _open(browser, page: Path):
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(page.as_uri())
    browser.execute_script("return document.fonts.ready")


def test_the_site_has_a_start_page_every_lesson_and_every_student_copy(site):
    names = {p.relative_to(site).as_posix() for p in _pages(site)}
    lessons = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert "index.html" in names
    for stem in lessons:
        assert f"{stem}.html" in names and f"exercises/{stem}.html" in names


def test_the_site_loads_nothing_from_the_network(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for attribute in ("src=\"http", "src='http", "url(http", "@import url(\"http"):
            assert attribute not in text, f"{page.name} loads {attribute}... from the network"


def test_every_page_loads_without_console_errors_and_shows_every_image(browser, site):
    for page in _pages(site):
        _open(browser, page)
        errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == [], f"{page.relative_to(site)}: {errors}"
        images = browser.execute_script(
            "return [...document.images]"
            ".map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])")
        broken = [src for src, complete, width in images if not (complete and width > 0)]
        assert broken == [], f"{page.relative_to(site)}: images not shown: {broken}"
        navigation = browser.execute_script(
            "return [...document.querySelectorAll('.sidebar-tree a')].length")
        assert navigation >= len(list(site.glob("[0-9][0-9]-*.html"))), page.name


def test_arabic_tables_read_right_to_left(browser, site, screenshots_dir):
    """In every table of a lesson page, Arabic words follow each other from right to left:
    within a cell (on one line), and from one cell with Arabic to the next in the row."""
    problems = []
    checked = 0
    for page in sorted(site.glob("[0-9][0-9]-*.html")):
        _open(browser, page)
        for table in browser.execute_script(PROBE):
            for row in table:
                for cell in row:
                    for first, second in zip(cell["words"], cell["words"][1:], strict=False):
                        if abs(first["y"] - second["y"]) < 3 and not first["x"] > second["x"]:
                            problems.append(f"{page.name}: in «{cell['text']}» "
                                            f"{second['word']} is right of {first['word']}")
                for left, right in zip(row, row[1:], strict=False):
                    checked += 1
                    if not left["words"][0]["x"] > right["words"][0]["x"]:
                        problems.append(f"{page.name}: cell «{right['text']}» comes after "
                                        f"«{left['text']}» but is shown to its right")
        browser.save_screenshot(str(screenshots_dir / f"site-{page.stem}.png"))
    assert checked, "no table with Arabic in two cells of a row was found"
    assert not problems, f"{len(problems)} problems, first ones:\n" + "\n".join(problems[:8])


GAP_PROBE = r"""
// For each row of each output table: the narrowest gap, in pixels, between the text of two
// neighbouring cells on the same line (text boxes from a Range over each cell's content).
function box(cell) {
  const range = document.createRange();
  range.selectNodeContents(cell);
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  if (!rects.length) return null;
  return {left: Math.min(...rects.map(r => r.left)), right: Math.max(...rects.map(r => r.right)),
          text: cell.textContent.trim().slice(0, 40)};
}
const gaps = [];
for (const row of document.querySelectorAll('.cell_output table tr')) {
  const boxes = [...row.children].map(box).filter(b => b);
  boxes.sort((a, b) => a.left - b.left);
  for (let i = 1; i < boxes.length; i++) {
    gaps.push({gap: boxes[i].left - boxes[i - 1].right,
               pair: boxes[i - 1].text + " | " + boxes[i].text});
  }
}
return gaps;
"""


def test_neighbouring_table_cells_are_apart_as_in_jupyterlab(browser, site, screenshots_dir):
    """Two Arabic cells side by side must not read as one phrase: the cells are padded as
    JupyterLab pads them (0.5em each side), so their texts are at least about one em apart.
    Unpadded (1px), the longest cells of two neighbouring columns were 2px apart."""
    font_px = 16
    narrow = []
    measured = 0
    for name in ("02-term-frequency.html", "05-collocations-and-keyness.html"):
        _open(browser, site / name)
        for gap in browser.execute_script(GAP_PROBE):
            measured += 1
            if gap["gap"] < 0.9 * font_px:
                narrow.append(f"{name}: {gap['gap']:.1f}px between «{gap['pair']}»")
        browser.save_screenshot(str(screenshots_dir / f"site-gaps-{name[:2]}.png"))
    assert measured > 50
    assert not narrow, f"{len(narrow)} pairs of cells too close:\n" + "\n".join(narrow[:8])


PROSE_PROBE = r"""
const arabic = /[\u0621-\u064A]/;
const unisolated = [];
for (const block of document.querySelectorAll('article p, article li, article td')) {
  if (block.closest('.cell_output, .cell_input, pre, code')) continue;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (arabic.test(node.data) && !node.parentElement.closest('bdi, code')) {
      unisolated.push(node.data.trim().slice(0, 40));
    }
  }
}
return unisolated;
"""


def test_arabic_in_the_prose_is_isolated_from_the_english_around_it(browser, site):
    """Every Arabic run of the lessons' prose is inside a <bdi> (written in the lesson, or added
    at build time by docs/_ext/arabic_prose.py), so the bidi algorithm cannot move its digits
    and punctuation into the English sentence."""
    checked = 0
    for page in _pages(site):
        _open(browser, page)
        checked += browser.execute_script(
            "return document.querySelectorAll('article bdi').length")
        unisolated = browser.execute_script(PROSE_PROBE)
        assert unisolated == [], f"{page.relative_to(site)}: Arabic not isolated: {unisolated}"
    assert checked, "no isolated Arabic at all: the probe is not looking at the prose"
