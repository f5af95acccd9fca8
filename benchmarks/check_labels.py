"""Check that no chart or table of the lessons shows a normalised key as a label where the
corpus usually writes the word otherwise.

    python benchmarks/check_labels.py [--corpus <ANT>] [--record]

Executes each lesson (every numbered notebook) on the corpus (default: the seeds) in a fresh kernel,
with a cell injected after the parameters that collects, at every ``save_figure``, the text
of the chart's tick labels, legend entries and value annotations. The tables are read from
the executed outputs (the display API's right-to-left tables). Every label is then audited
with :func:`arabic_news.display.audit.normalised_labels` against the corpus's display forms.
Text shown *as written* on purpose is not audited: keyword-in-context rows, headlines,
cleaning examples (``before``/``after``), the normalised keys and stems the normalisation
lessons put beside the written forms, and the event labels (date expressions as written).
``--record`` writes ``benchmarks/results/labels-<corpus>.md``. Exit status 1 on any finding.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LESSONS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
RESULTS = REPO / "benchmarks" / "results"

# Table columns whose cells are shown as written, or are keys on purpose (headers as shown).
AS_WRITTEN = {"before", "after", "keyword", "text", "headline", "title", "normalised key",
              "normalised", "article mode", "proclitic mode", "as written", "written as",
              "label", "step", "what happens", "source", "article", "what", "fact", "when",
              "granularity", "calendar", "flag", "published", "date", "value"}

COLLECT = r"""
import json as _json
import arabic_news.plotting.save as _save
_labels_collected = []
_save_figure = _save.save_figure
def _collecting_save_figure(fig, name, *args, **kwargs):
    fig.canvas.draw()
    for ax in fig.axes:
        texts = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        if ax.get_legend() is not None:
            texts += [t.get_text() for t in ax.get_legend().get_texts()]
        events = any(len(t.get_text().split("\n")) > 1 for t in ax.texts)
        if not events:
            texts += [t.get_text() for t in ax.texts]
        _labels_collected.append({"figure": name, "labels": [t for t in texts if t.strip()]})
    return _save_figure(fig, name, *args, **kwargs)
_save.save_figure = _collecting_save_figure
"""

DUMP = "print('LABELS=' + _json.dumps(_labels_collected, ensure_ascii=False))"


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headers, self.cells, self._cell, self._tag = [], [], None, None

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._cell, self._tag = "", tag

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append(self._cell)
            self._cell = None
        if tag == "tr" and self.cells:
            if not self.headers:
                self.headers = self.cells
            else:
                yield_row = dict(zip(self.headers, self.cells, strict=False))
                self.rows.append(yield_row)
            self.cells = []
        if tag == "table":
            self.tables.append((self.headers, self.rows))
            self.headers, self.rows = [], []

    def feed_all(self, html):
        self.tables, self.rows = [], []
        self.feed(html)
        return self.tables


def execute_lesson(lesson: Path, corpus: str | None, figures: Path, **parameters):
    """Execute one lesson in a fresh kernel, with the label collector injected after its
    parameters (``parameters`` set more of them, e.g. ``engine``); return the notebook."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(lesson, as_version=4)
    at = next(i for i, cell in enumerate(nb.cells) if "parameters" in cell.metadata.get("tags", []))
    setup = f"corpus_path = {corpus!r}\nfigures_dir = {str(figures)!r}\n" + "".join(
        f"{name} = {value!r}\n" for name, value in parameters.items()) + COLLECT
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell(setup))
    nb.cells.append(nbformat.v4.new_code_cell(DUMP))
    NotebookClient(nb, timeout=1800, kernel_name="python3",
                   resources={"metadata": {"path": str(lesson.parent)}}).execute()
    return nb


def shown_labels(nb) -> tuple[list, list]:
    """The (chart labels, tables) an executed lesson showed (see :func:`execute_lesson`)."""
    stdout = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    charts = json.loads(stdout.split("LABELS=", 1)[1])
    tables = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            if "an-rtl-table" in html:
                tables += _Tables().feed_all(html)
    return charts, tables


def run_lesson(lesson: Path, corpus: str | None, figures: Path) -> tuple[list, list]:
    """Execute one lesson; return (chart labels, tables) it showed."""
    return shown_labels(execute_lesson(lesson, corpus, figures))


def audit(corpus: str | None, executed=None) -> tuple[list[str], dict]:
    """Audit every lesson on ``corpus``. ``executed(lesson)``, when given, returns that
    lesson executed by :func:`execute_lesson` on ``corpus`` (the tests pass executions they
    share); by default each lesson is executed here."""
    import arabic_news as an
    from arabic_news.display.audit import normalised_labels

    texts = an.load_corpus(corpus, on_error="skip", progress=False) if corpus else an.load_corpus()
    forms = an.display_forms(texts["text"])
    findings, counts = [], {"chart labels": 0, "table cells": 0}
    with tempfile.TemporaryDirectory() as figures:
        for lesson in LESSONS:
            charts, tables = (run_lesson(lesson, corpus, Path(figures)) if executed is None
                              else shown_labels(executed(lesson)))
            for chart in charts:
                counts["chart labels"] += len(chart["labels"])
                findings += [f"{lesson.stem}, chart {chart['figure']}: «{label}» should read "
                             f"«{shown}»" for label, shown in
                             normalised_labels(chart["labels"], forms)]
            for number, (headers, rows) in enumerate(tables):
                audited = [h for h in headers if h.strip() not in AS_WRITTEN]
                cells = [row[h] for row in rows for h in audited if h in row]
                counts["table cells"] += len(cells)
                findings += [f"{lesson.stem}, table {number}: «{label}» should read «{shown}»"
                             for label, shown in normalised_labels(cells, forms)]
    return findings, counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    findings, counts = audit(args.corpus)
    seconds = time.perf_counter() - start
    name = Path(args.corpus).name if args.corpus else "seeds"
    lines = [f"# Labels of the lessons on {name}", "",
             f"Audited {counts['chart labels']} chart labels and {counts['table cells']} table "
             f"cells of notebooks 01-04; {len(findings)} show a normalised key where the corpus "
             "usually writes the word otherwise.", ""]
    lines += [f"- {finding}" for finding in findings] or ["None."]
    lines += ["", f"Reproduce: `.venv/bin/python benchmarks/check_labels.py --corpus <ANT> "
              f"--record` ({seconds:.0f} s, executing the four lessons)", "",
              f"- machine: {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}",
              f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average before the run "
              f"{load_before:.2f} (the machine is shared: times are slowed)", ""]
    text = "\n".join(lines)
    print(text)
    if args.record:
        (RESULTS / f"labels-{name}.md").write_text(text, encoding="utf-8")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
