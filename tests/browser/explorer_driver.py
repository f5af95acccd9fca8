"""Driving the explorer in a browser, the same way in JupyterLab and in the web app.

Each action (type a term, click a term in the list, brush a range on the trend, choose a
source) waits until every one of the seven views shows the new state's version, and
:func:`observe` reads back what each view shows, so that a test checks them all.
:func:`kwic_reading_problems` measures on screen that keyword in context reads right to left
(with :mod:`layout`'s word boxes). The benchmark (``benchmarks/bench_explore.py``) times the
same actions from the click to the updated views.
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlparse

from layout import PROBE, arabic_run_problems, kwic_problems

VIEWS = 7

#: A promise that resolves when every view shows a version above arguments[0], with the
#: milliseconds from the user's event (the first click, key or pointer release after the call,
#: caught before any handler) to that moment: selenium's own latency is not counted.
_AWAIT_VERSION = """
const [above, done] = [arguments[0], arguments[arguments.length - 1]];
let start = null;
const mark = (event) => {
  if (start === null && (event.type !== 'keydown' || event.key === 'Enter')) {
    start = performance.now();
  }
};
const kinds = ['click', 'keydown', 'pointerup'];
kinds.forEach(kind => document.addEventListener(kind, mark, {capture: true}));
const finish = (value) => {
  kinds.forEach(kind => document.removeEventListener(kind, mark, {capture: true}));
  done(value);
};
const ready = () => {
  const views = Array.from(document.querySelectorAll('.an-view'));
  const versions = views.map(v => Number(v.dataset.version || 0));
  return views.length === 7 && versions.every(v => v > above && v === versions[0]);
};
const observer = new MutationObserver(() => {
  if (ready()) { observer.disconnect(); finish(performance.now() - (start ?? performance.now())); }
});
observer.observe(document.body, {attributes: true, subtree: true, childList: true,
                                 attributeFilter: ['data-version']});
setTimeout(() => { observer.disconnect(); finish(-1); }, arguments[1]);
"""


def version(driver) -> int:
    versions = driver.execute_script(
        "return Array.from(document.querySelectorAll('.an-view'))"
        ".map(v => Number(v.dataset.version || 0))")
    return min(versions) if len(versions) == VIEWS else 0


def wait_until_shown(driver, timeout: float = 180) -> int:
    """Wait for the seven views to be drawn; their version."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = version(driver)
        if shown > 0:
            return shown
        time.sleep(0.3)
    raise AssertionError("the explorer's seven views did not appear")


def _after(driver, action, timeout_ms: int = 60_000) -> float:
    """Do ``action`` and wait until every view shows a newer version; milliseconds taken."""
    before = version(driver)
    driver.set_script_timeout(timeout_ms / 1000 + 5)
    # The observer is installed before the action, then awaited: no update is missed.
    driver.execute_script("window.__anWait = new Promise(r => {"
                          + _AWAIT_VERSION.replace("arguments[arguments.length - 1]", "r")
                          .replace("arguments[0]", str(before))
                          .replace("arguments[1]", str(timeout_ms)) + "});")
    action()
    elapsed = driver.execute_async_script(
        "window.__anWait.then(arguments[arguments.length - 1]);")
    if elapsed < 0:
        raise AssertionError(f"not every view updated within {timeout_ms} ms")
    return elapsed


def type_term(driver, text: str) -> float:
    box = driver.find_element("css selector", "input.an-search")
    box.clear()
    return _after(driver, lambda: box.send_keys(text + "\n"))


def click_term(driver, row: int) -> tuple[str, float]:
    """Click the ``row``-th term of the list (0-based); its key and the milliseconds."""
    cells = driver.find_elements("css selector", "table.an-termlist tbody tr")
    key = cells[row].get_attribute("data-key")
    target = cells[row].find_element("css selector", "td.an-term")
    return key, _after(driver, target.click)


def brush(driver, left: float, right: float) -> float:
    """Drag across the trend from ``left`` to ``right`` (fractions of the plot's width)."""
    from selenium.webdriver.common.action_chains import ActionChains

    plot = driver.find_element("css selector", ".an-trend rect.an-plot")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", plot)
    width = plot.rect["width"]

    def drag():
        chain = ActionChains(driver, duration=0)  # no pointer-move animation in the timing
        chain.move_to_element_with_offset(plot, int((left - 0.5) * width), 0).click_and_hold()
        chain.move_by_offset(int((right - left) * width), 0).release().perform()

    return _after(driver, drag)


def choose_source(driver, source: str) -> float:
    chip = driver.find_element("css selector", f'.an-chip[data-source="{source}"]')
    return _after(driver, chip.click)


def observe(driver) -> dict:
    """What every view shows now, read from the page."""
    return driver.execute_script("""
const q = (s) => Array.from(document.querySelectorAll(s));
const text = (s) => (document.querySelector(s) || {}).textContent || '';
return {
  versions: q('.an-view').map(v => Number(v.dataset.version)),
  chosen_term: q('table.an-termlist tr.an-chosen').map(r => r.dataset.key),
  message: text('.an-terms .an-message'),
  legend: q('.an-trend .an-legend bdi').map(b => b.textContent),
  brush_width: Number((document.querySelector('.an-trend rect.an-brush') || {getAttribute:
                       () => 0}).getAttribute('width')),
  kwic_keywords: q('table.an-kwic tbody td.keyword').map(c => c.textContent),
  kwic_note: text('.an-kwic .an-note'),
  collocates: q('table.an-collocates tbody tr').map(r => r.dataset.key),
  collocates_message: text('.an-collocates .an-message'),
  documents: q('table.an-documents tbody tr').map(r => ({doc: r.dataset.doc,
    date: r.dataset.date, source: r.dataset.source})),
  documents_note: text('.an-documents .an-note'),
  open_document: (document.querySelector('table.an-documents tr.an-chosen') || {dataset: {}})
                 .dataset.doc,
  reader_marks: q('.an-reader mark').map(m => m.textContent),
  reader_doc: (document.querySelector('.an-reader .an-text') || {dataset: {}}).dataset.doc,
  shown: (document.querySelector('.an-summary .an-facts') || {dataset: {}}).dataset.shown,
  range: (document.querySelector('.an-summary .an-facts') || {dataset: {}}).dataset.range,
  source: (document.querySelector('.an-chip.an-source.an-chosen') || {dataset: {}})
          .dataset.source,
};""")


def kwic_reading_problems(driver) -> list[str]:
    """Rows of keyword in context whose words are not laid out right to left on screen:
    the words before the keyword to its right, the words after it to its left, each run
    of Arabic right to left (measured with DOM ranges, see ``layout``)."""
    root = driver.find_element("css selector", ".an-kwic")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", root)
    found = driver.execute_script(PROBE, root, "table.an-kwic", ".an-none")
    problems = []
    for table in found["tables"]:
        for header, name in zip(table["headers"], ("before", "keyword", "after"), strict=True):
            header["text"] = name  # the headers are in the label language
        problems += kwic_problems(table)
        for row in table["rows"]:
            for cell in row:
                problems += arabic_run_problems(cell["text"], cell["tokens"])
        if not table["rows"]:
            problems.append("keyword in context shows no row")
    return problems


def outside_requests(driver, allowed_host: str = "127.0.0.1") -> list[str]:
    """Every http(s) or websocket request the page made (since the last call) to another
    host than ``allowed_host`` (any port)."""
    outside = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname != allowed_host:
            outside.append(url)
    return outside
