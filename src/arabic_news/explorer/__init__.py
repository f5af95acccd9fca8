"""Explore a corpus interactively: linked views in JupyterLab, or as a local web app.

``explore(corpus)`` returns the :class:`~arabic_news.explorer.widget.Explorer` widget; ``make
explore CORPUS=...`` serves the same explorer in the browser (:mod:`arabic_news.explorer.app`).
Every question the views ask goes through :class:`~arabic_news.explorer.data.ExplorerData`.
"""

from __future__ import annotations

from .data import Article, ExplorerData, Filters, SearchResult


def explore(corpus, *, analyzer=None, language: str | None = None, term: str | None = None,
            **options):
    """Linked views of ``corpus`` (from ``load_corpus``): summary, terms, trend, keyword in
    context, collocates, articles and a reader. ``analyzer``: whose terms are counted
    (default: the lessons' ``ArabicAnalyzer()``); ``language``: of the labels, "ar" or "en"
    (default: the chart language); ``term``: chosen on opening (default: the most frequent).
    ``options`` go to :class:`~arabic_news.explorer.widget.Explorer` (``n_terms``,
    ``kwic_rows``, ``document_rows``). Reading the corpus once takes a few seconds on
    30,000 articles; each click is then answered from what that reading kept."""
    from .widget import Explorer

    data = corpus if isinstance(corpus, ExplorerData) else ExplorerData(corpus, analyzer)
    return Explorer(data, language=language, term=term, **options)


__all__ = ["explore", "Article", "ExplorerData", "Filters", "SearchResult"]
