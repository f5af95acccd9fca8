"""The explorer widget: seven linked views over :class:`~arabic_news.explorer.data.ExplorerData`.

:class:`Explorer` is an ipywidgets box of :class:`View` widgets (anywidget: the drawing code,
``static/explorer.js``, travels inside the package and is loaded from the kernel, never from
the network). The kernel holds the state, one place:

* ``terms``: the chosen terms, the first being *the* term (others are compared on the trend);
* ``start``, ``end``: the brushed time range; ``source``: the chosen source;
* ``kwic_sort``, ``measure``, ``by_source``: how keyword in context, collocates and the trend
  are shown; ``doc_id``: the article in the reader.

Every action (a method below, or the same event sent by a click in the browser) changes the
state, then :meth:`Explorer.refresh` asks the data module again for every view and sends each
its new ``data`` with the state's ``version``: so every view always shows one state, and a
test (or a person) can check that each followed. What each view shows:

* summary: articles, sources (click one to filter), dates, what cleaning removed;
* terms: the top terms of the filtered articles, and a search box for any spelling;
* trend: the chosen terms per 10,000 terms over the core date range (drag to brush a range;
  the whole range stays drawn, with the brushed part marked);
* kwic, collocates, documents: the term in the filtered articles;
* reader: an article with the term marked; choosing a term opens the first article (by
  date) that holds it.
"""

from __future__ import annotations

import time
from pathlib import Path

import anywidget
import ipywidgets
import numpy as np
import pandas as pd
import traitlets
from matplotlib.ticker import MaxNLocator

from arabic_news.analysis.collocations import MEASURES
from arabic_news.plotting.charts import is_sparse
from arabic_news.plotting.language import check_language, format_date

from .data import KWIC_SORTS, ExplorerData, Filters
from .words import measure_name, words

STATIC = Path(__file__).parent / "static"
KINDS = ("summary", "terms", "trend", "kwic", "collocates", "documents", "reader")
#: At most this many terms are compared on the trend, and this many lines drawn.
MAX_TERMS = 6
MAX_SERIES = 8
#: Which parts of the state each view shows (see :meth:`Explorer.refresh`).
DEPENDS = {
    "summary": {"filters"},
    "terms": {"filters", "term", "terms", "message"},
    "trend": {"term", "terms", "filters", "by_source"},
    "kwic": {"term", "filters", "sort"},
    "collocates": {"term", "filters", "measure"},
    "documents": {"term", "filters", "document"},
    "reader": {"term", "filters", "document"},
}
EVERYTHING = frozenset().union(*DEPENDS.values())
_GRANULARITY = {"D": "day", "W": "week", "MS": "month", "QS": "month", "YS": "year"}


class View(anywidget.AnyWidget):
    """One view of the explorer: ``kind`` says which, ``data`` is all it shows, ``version``
    the explorer state it belongs to. Clicks come back as messages ({"event": ...})."""

    _esm = STATIC / "explorer.js"
    _css = STATIC / "explorer.css"
    kind = traitlets.Unicode().tag(sync=True)
    data = traitlets.Dict().tag(sync=True)
    version = traitlets.Int(0).tag(sync=True)


class Explorer(ipywidgets.VBox):
    """Linked views of one corpus (see the module docstring); display it in JupyterLab.

    ``data``: an :class:`ExplorerData`. ``language``: of every label, "ar" (default: the
    chart language) or "en". ``n_terms``, ``kwic_rows``, ``document_rows``: how many rows
    those views show. ``term``: the term chosen on opening (default: the most frequent).
    """

    def __init__(self, data: ExplorerData, *, language: str | None = None, n_terms: int = 40,
                 kwic_rows: int = 100, document_rows: int = 100, term: str | None = None):
        self.data = data
        self.language = check_language(language)
        self.words = words(self.language)
        self.n_terms, self.kwic_rows, self.document_rows = n_terms, kwic_rows, document_rows
        self.terms: list[str] = []
        self.start = self.end = None
        self.source: str | None = None
        self.kwic_sort = "corpus"
        self.measure = "log_dice"
        self.by_source = False
        self.doc_id: str | None = None
        self.message = ""
        self.version = 0
        self.seconds = 0.0  # how long the last refresh took, in the kernel
        self.views = {kind: View(kind=kind) for kind in KINDS}
        for view in self.views.values():
            view.on_msg(self._on_message)
        self._layout_views()
        if term is not None and self.data.search(term).key is None:
            term = None  # not a term of this corpus: open on the most frequent one
        first = term if term is not None else self._first_term()
        if first is not None:
            self._take_term(first)
        self.refresh()

    def _layout_views(self) -> None:
        v = self.views
        grow = {kind: ipywidgets.Layout(flex=flex, min_width="0")
                for kind, flex in (("terms", "1 1 30%"), ("trend", "2 1 70%"),
                                   ("kwic", "2 1 65%"), ("collocates", "1 1 35%"),
                                   ("documents", "1 1 38%"), ("reader", "2 1 62%"))}
        for kind, layout in grow.items():
            v[kind].layout = layout

        def row(*kinds):  # the first view on the right, as a right-to-left page reads
            return ipywidgets.Box([v[kind] for kind in kinds], layout=ipywidgets.Layout(
                display="flex", flex_flow="row-reverse", width="100%"))

        super().__init__([v["summary"], row("terms", "trend"), row("kwic", "collocates"),
                          row("documents", "reader")],
                         layout=ipywidgets.Layout(width="100%"))
        self.add_class("an-explorer")

    def _first_term(self) -> str | None:
        top = self.data.top_terms(1)
        return None if top.empty else str(top["term"].iat[0])

    def __repr__(self) -> str:
        term = "none" if self.term is None else self.data.form(self.term)
        return f"Explorer({len(self.data)} articles; term: {term})"

    # -- the actions ------------------------------------------------------------------------
    @property
    def term(self) -> str | None:
        return self.terms[0] if self.terms else None

    @property
    def filters(self) -> Filters:
        """The time range and source every view is filtered to (not the term)."""
        return Filters(start=self.start, end=self.end, source=self.source)

    def choose_term(self, term: str) -> None:
        """Make ``term`` (any spelling: it is normalised) *the* term of every view, and open
        the first article that holds it."""
        if self._take_term(term):
            self.refresh(frozenset({"term", "message"}))
        else:
            self.refresh(frozenset({"message"}))

    def _take_term(self, term: str) -> bool:
        """Make ``term`` the chosen term (True), or say why it cannot be (False)."""
        found = self.data.search(term)
        if found.key is None:
            self.message = self._search_message(found)
            return False
        self.message = ("" if found.query == found.key or found.query == found.form else
                        f"«{found.query}» {self.words['normalised']} «{found.form}»")
        # The chosen term replaces the previous one; the terms added to compare stay.
        self.terms = [found.key] + [t for t in self.terms[1:] if t != found.key]
        self.doc_id = None
        return True

    def compare(self, term: str) -> None:
        """Add ``term`` to the trend's comparison (the chosen term stays the same)."""
        found = self.data.search(term)
        if found.key is None:
            self.message = self._search_message(found)
        elif found.key not in self.terms:
            self.terms = (self.terms + [found.key])[:MAX_TERMS]
        self.refresh(frozenset({"terms", "message"}))

    def uncompare(self, term: str) -> None:
        """Take ``term`` (a key) off the comparison; the chosen term stays."""
        if term in self.terms[1:]:
            self.terms.remove(term)
        self.refresh(frozenset({"terms"}))

    def brush(self, start=None, end=None) -> None:
        """Filter every view to articles published from ``start`` to ``end`` (whole days,
        UTC); ``None`` for both clears the range."""
        if start is None and end is None:
            self.start = self.end = None
        else:
            self.start = _utc(start).floor("D") if start is not None else None
            self.end = (_utc(end).floor("D") + pd.Timedelta(days=1) - pd.Timedelta(1, "us")
                        if end is not None else None)
            Filters(start=self.start, end=self.end)  # checks the order
        self.refresh(frozenset({"filters"}))

    def choose_source(self, source: str | None) -> None:
        """Filter every view to one source (``None`` for all; "" is the articles without one)."""
        names = {name for name, _ in self.data.sources()}
        if source is not None and source not in names:
            raise ValueError(f"no source is called {source!r}; sources: {sorted(names)}")
        self.source = source
        self.refresh(frozenset({"filters"}))

    def sort_kwic(self, sort: str) -> None:
        """Sort keyword in context: "corpus", "before" or "after" (see ``ExplorerData.kwic``)."""
        if sort not in KWIC_SORTS:
            raise ValueError(f"sort must be one of {list(KWIC_SORTS)}, got {sort!r}")
        self.kwic_sort = sort
        self.refresh(frozenset({"sort"}))

    def set_measure(self, measure: str) -> None:
        """Rank collocates by ``measure`` (log_dice, t_score, pmi, g2 or freq)."""
        if measure not in (*MEASURES, "freq"):
            raise ValueError(f"measure must be one of {[*MEASURES, 'freq']}, got {measure!r}")
        self.measure = measure
        self.refresh(frozenset({"measure"}))

    def per_source(self, value: bool) -> None:
        """Draw the trend per source (True) or all sources together (False)."""
        self.by_source = bool(value)
        self.refresh(frozenset({"by_source"}))

    def open_document(self, doc_id: str) -> None:
        """Show one article in the reader, with the term marked."""
        self.data.text(doc_id)  # raises KeyError for an unknown id
        self.doc_id = doc_id
        self.refresh(frozenset({"document"}))

    # -- events from the browser ------------------------------------------------------------
    def _on_message(self, _view, content, _buffers) -> None:
        event = content.get("event")
        if event == "search":
            self.choose_term(str(content.get("query", "")))
        elif event == "term":
            self.choose_term(content["key"])
        elif event == "compare":
            self.compare(content["key"])
        elif event == "uncompare":
            self.uncompare(content["key"])
        elif event == "brush":
            start, end = content.get("start"), content.get("end")
            self.brush(None if start is None else pd.Timestamp(start, unit="ms", tz="UTC"),
                       None if end is None else pd.Timestamp(end, unit="ms", tz="UTC"))
        elif event == "source":
            self.choose_source(content.get("source"))
        elif event == "sort":
            self.sort_kwic(content["sort"])
        elif event == "measure":
            self.set_measure(content["measure"])
        elif event == "by_source":
            self.per_source(content["value"])
        elif event == "open":
            self.open_document(content["doc_id"])

    # -- drawing ------------------------------------------------------------------------------
    def refresh(self, changed: frozenset[str] = EVERYTHING) -> None:
        """Ask the data module again for the views that depend on ``changed`` (parts of the
        state: "term", "terms", "filters", "sort", "measure", "by_source", "document"), send
        them their new data, and give every view the new version: the views that do not
        depend on the change already show the new state."""
        began = time.perf_counter()
        self.version += 1
        kinds = [kind for kind in KINDS if DEPENDS[kind] & changed]
        if {"documents", "reader"} & set(kinds):
            documents, total = ((None, 0) if self.term is None else
                                self.data.documents(self.term, self.filters,
                                                    limit=self.document_rows))
            if documents is not None and self.doc_id not in set(documents["doc_id"]):
                self.doc_id = documents["doc_id"].iat[0] if len(documents) else None
        drawers = {"summary": self._summary, "terms": self._terms, "trend": self._trend,
                   "kwic": self._kwic, "collocates": self._collocates,
                   "documents": lambda: self._documents(documents, total),
                   "reader": self._reader}
        for kind in KINDS:
            view = self.views[kind]
            with view.hold_sync():
                if kind in kinds:
                    payload = drawers[kind]()
                    payload["heading"] = self.words[kind]
                    view.data = payload
                view.version = self.version
        self.seconds = time.perf_counter() - began

    @property
    def state(self) -> dict[str, dict]:
        """What every view shows now (the data sent to the browser), by kind."""
        return {kind: view.data for kind, view in self.views.items()}

    def _date(self, value, granularity: str = "day") -> str:
        return "" if value is None or pd.isna(value) else format_date(value.date(), granularity,
                                                                     self.language)

    def _summary(self) -> dict:
        w = self.words
        facts = self.data.summary(self.filters)
        cleaning = facts["cleaning"]
        range_label = None
        if self.start is not None or self.end is not None:
            range_label = f"{self._date(self.start)} – {self._date(self.end)}"
        return {
            "facts": [[w["articles"], facts["articles"]], [w["shown"], facts["articles_shown"]],
                      [w["from"], self._date(facts["first_date"])],
                      [w["to"], self._date(facts["last_date"])],
                      [w["undated"], facts["undated"]], [w["terms_shown"], facts["terms"]]],
            "sources": [[name, count] for name, count in facts["sources"]],
            "source": self.source,
            "shown": facts["articles_shown"],
            "range": range_label,
            "range_iso": "" if range_label is None else "/".join(
                "" if t is None else t.isoformat() for t in (self.start, self.end)),
            "cleaning": [[w[key], cleaning[key]] for key in
                         ("written_tokens", "written_forms", "token_types", "removed_tokens",
                          "skipped_articles")]
                        + [[w["terms_kept"], cleaning["terms"]],
                           [w["term_types"], cleaning["term_types"]],
                           [w["steps"], "، ".join(cleaning["steps"]) if self.language == "ar"
                            else ", ".join(cleaning["steps"])]],
            "labels": {key: w[key] for key in ("sources", "all", "unknown", "cleaning")},
        }

    def _terms(self) -> dict:
        top = self.data.top_terms(self.n_terms, self.filters)
        rows = [{"key": key, "form": form, "count": int(count), "chosen": key == self.term,
                 "compared": key in self.terms[1:]}
                for key, form, count in zip(top["term"], top["form"], top["count"],
                                            strict=True)]
        return {"rows": rows, "message": self.message,
                "labels": {key: self.words[key] for key in ("search", "term", "count",
                                                            "compare")}}

    def _search_message(self, found) -> str:
        w = self.words
        reason = {"stop word": w["stop_word"], "several words": w["several"],
                  "empty": w["several"], "not in the corpus": w["not_found"]}[found.reason]
        message = f"«{found.query}» {reason}"
        if found.suggestions:
            message += f" — {w['did_you_mean']}: " + "، ".join(
                self.data.form(key) for key in found.suggestions[:5])
        return message

    def _trend(self) -> dict:
        w = self.words
        data = self.data
        payload = {"series": [], "x_ticks": [], "y_ticks": [], "x_min": 0, "x_max": 1,
                   "y_max": 1, "brush": None, "by_source": self.by_source, "note": "",
                   "labels": {"title": w["trend"], "y_title": w["y_title"],
                              "by_source": w["by_source"], "remove": w["remove"]}}
        if not self.terms or data.frequency is None:
            return payload
        table = data.trend(self.terms, self.by_source, Filters(source=self.source))
        periods = data.periods
        ms = (periods.tz_localize("UTC").asi8 // 1000).astype(float)
        position = {stamp: i for i, stamp in enumerate(periods)}
        groups = []
        for (term, source), rows in table.groupby(["term", "source"], sort=False):
            values = [None] * len(periods)
            for period, value in zip(rows["period"], rows["per_10k"], strict=True):
                values[position[period]] = round(float(value), 3)
            label = data.form(term) + (f" — {source or w['unknown']}" if self.by_source else "")
            groups.append((int(rows["count"].sum()), term, label, values))
        if self.by_source:  # the busiest lines only, as the lessons' timelines do
            groups = sorted(groups, key=lambda g: -g[0])[:MAX_SERIES]
        for _, term, label, values in groups:
            present = [v for v in values if v is not None]
            payload["series"].append({
                "key": term, "label": label, "removable": term != self.term,
                "points": [[x, v] for x, v in zip(ms.tolist(), values, strict=True)],
                "sparse": bool(is_sparse([v or 0 for v in present]) if present else True)})
        top = max((v for s in payload["series"] for _, v in s["points"] if v is not None),
                  default=0.0)
        ticks = [t for t in MaxNLocator(5).tick_values(0, top or 1) if 0 <= t <= (top or 1)]
        half = (ms[1] - ms[0]) / 2 if len(ms) > 1 else 43_200_000
        payload.update({
            "x_min": float(ms[0] - half), "x_max": float(ms[-1] + half),
            "y_max": float(max(ticks[-1], top) if ticks else 1),
            "y_ticks": [[float(t), f"{t:g}"] for t in ticks],
            "x_ticks": self._time_ticks(periods, ms),
        })
        if self.start is not None or self.end is not None:
            lo = self.start.value // 1_000_000 if self.start is not None else payload["x_min"]
            hi = self.end.value // 1_000_000 if self.end is not None else payload["x_max"]
            payload["brush"] = [float(max(lo, payload["x_min"])),
                                float(min(hi, payload["x_max"]))]
        outside = data.summary(Filters(source=self.source))["uncharted"]
        payload["note"] = w["brush_note"] + (f" ({outside} {w['outside']})" if outside else "")
        return payload

    def _time_ticks(self, periods: pd.DatetimeIndex, ms: np.ndarray, most: int = 7) -> list:
        """At most ``most`` labels on the time axis, short enough not to overlap: with days
        or weeks, the first period of every month (or every few months), named by month;
        otherwise every few periods at their own granularity."""
        granularity = _GRANULARITY[self.data.frequency]
        if granularity in ("day", "week") and len(periods) > most:
            months = pd.Series(periods.to_period("M"))
            chosen = np.flatnonzero((months != months.shift()).to_numpy())
            granularity = "month"
        else:
            chosen = np.arange(len(periods))
        chosen = chosen[::max(1, int(np.ceil(len(chosen) / most)))]
        return [[float(ms[i]), format_date(periods[i].date(), granularity, self.language)]
                for i in chosen]

    def _kwic(self) -> dict:
        w = self.words
        payload = {"rows": [], "sort": self.kwic_sort, "note": "",
                   "sorts": [[s, w[f"sort_{s}"]] for s in KWIC_SORTS],
                   "labels": {key: w[key] for key in ("before", "keyword", "after")}}
        if self.term is None:
            return payload
        rows, total = self.data.kwic(self.term, self.kwic_sort, self.filters,
                                     limit=self.kwic_rows)
        payload["rows"] = rows[["doc_id", "before", "keyword", "after"]].to_dict("records")
        payload["note"] = f"«{self.data.form(self.term)}»: {total} {w['occurrences']}"
        return payload

    def _collocates(self) -> dict:
        w = self.words
        measures = [*MEASURES, "freq"]
        payload = {"rows": [], "measure": self.measure, "message": "",
                   "measures": [[m, measure_name(m, self.language)] for m in
                                ["log_dice", "t_score", "pmi", "g2", "freq"] if m in measures],
                   "labels": {key: w[key] for key in ("measure", "collocate", "freq", "value")}}
        if self.term is None:
            return payload
        table = self.data.collocates(self.term, self.measure, self.filters, n=30)
        value = "freq" if self.measure == "freq" else self.measure
        payload["rows"] = [{"key": key, "form": form, "freq": int(freq),
                            "value": f"{float(v):.2f}" if value != "freq" else str(int(v))}
                           for key, form, freq, v in zip(table["collocate"], table["form"],
                                                         table["freq"], table[value],
                                                         strict=True)]
        if table.empty:
            payload["message"] = w["few"]
        return payload

    def _documents(self, table, total) -> dict:
        w = self.words
        payload = {"rows": [], "open": self.doc_id, "note": "",
                   "labels": {key: w[key] for key in ("title", "source", "date", "count")}}
        if table is None:
            return payload
        payload["rows"] = [{"doc_id": str(r.doc_id), "title": _short(str(r.title)),
                            "source": str(r.source) if isinstance(r.source, str) else "",
                            "date": self._date(r.published), "count": int(r.count),
                            "iso": "" if pd.isna(r.published) else r.published.isoformat()}
                           for r in table.itertuples()]
        payload["note"] = f"{w['holding']} «{self.data.form(self.term)}»: {total}"
        return payload

    def _reader(self) -> dict:
        payload = {"doc_id": None, "labels": {"empty": self.words["empty"]}}
        if self.doc_id is None:
            return payload
        article = self.data.text(self.doc_id, self.term)
        meta = [part for part in (article.source, self._date(article.published),
                                  article.doc_id) if part]
        payload.update({"doc_id": article.doc_id, "title": article.title, "meta": meta,
                        "text": article.text, "marks": [list(m) for m in article.marks]})
        return payload


def _utc(value) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
