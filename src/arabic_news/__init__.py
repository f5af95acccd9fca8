"""Load, clean and chart corpora of Arabic news articles.

The public names below are imported lazily (PEP 562), so that ``import arabic_news`` stays
cheap and the plotting helpers work in a small environment without pandas or scikit-learn.
"""

from importlib import import_module

__version__ = "0.1.0"

_PUBLIC = {
    # loading
    "CorpusError": "arabic_news.errors",
    "NotApplicable": "arabic_news.errors",
    "load_corpus": "arabic_news.corpus",
    "iter_corpus": "arabic_news.corpus",
    "seeds_path": "arabic_news.corpus",
    "figures_folder": "arabic_news.corpus",
    "skipped_documents": "arabic_news.corpus",
    "skipped_summary": "arabic_news.corpus",
    # cleaning
    "normalize": "arabic_news.text.normalize",
    "Normalizer": "arabic_news.text.normalize",
    "tokenize": "arabic_news.text.tokenize",
    "stop_words": "arabic_news.text.stopwords",
    "news_stop_words": "arabic_news.text.stopwords",
    "remove_stop_words": "arabic_news.text.stopwords",
    "light_stem": "arabic_news.text.stemming",
    "light_stems": "arabic_news.text.stemming",
    "ArabicAnalyzer": "arabic_news.text.analyzer",
    # preparing: boilerplate
    "find_boilerplate": "arabic_news.prepare",
    "remove_boilerplate": "arabic_news.prepare",
    "boilerplate_note": "arabic_news.prepare",
    # corpus steps: count each story once
    "drop_duplicates": "arabic_news.prepare",
    "deduplication_note": "arabic_news.prepare",
    "prepare_corpus": "arabic_news.prepare",
    "preparation_note": "arabic_news.prepare",
    # dates
    "extract_dates": "arabic_news.dates",
    "DateMention": "arabic_news.dates",
    "dates_table": "arabic_news.dates",
    # display in Jupyter: right-to-left tables, isolated Arabic, usual written forms
    "rtl_table": "arabic_news.display",
    "kwic_table": "arabic_news.display",
    "isolate": "arabic_news.display",
    "rtl_block": "arabic_news.display",
    "side_by_side": "arabic_news.display",
    "display_forms": "arabic_news.text.display_forms",
    # charts
    "ar": "arabic_news.plotting.bidi",
    "use_arabic_style": "arabic_news.plotting.style",
    "set_chart_language": "arabic_news.plotting.language",
    "chart_word": "arabic_news.plotting.language",
    "bar_terms": "arabic_news.plotting.charts",
    "heatmap": "arabic_news.plotting.charts",
    "timeline": "arabic_news.plotting.charts",
    "save_figure": "arabic_news.plotting.save",
    # exploring: linked views in JupyterLab
    "explore": "arabic_news.explorer",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name):
    try:
        module = _PUBLIC[name]
    except KeyError:
        raise AttributeError(f"module 'arabic_news' has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
