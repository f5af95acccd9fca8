"""Corpus-level analyses the notebooks call: frequencies, keyword in context, TF-IDF, timelines,
reprints.

Each function takes plain inputs (a corpus DataFrame from ``load_corpus``, an analyzer such as
``ArabicAnalyzer``) and returns a tidy pandas table, so that notebooks show results and the
logic stays here, tested. Each is written once, against the engine seam
(:mod:`arabic_news.engines`), and runs on a pandas corpus or a Dask one alike.
"""

from importlib import import_module

from arabic_news.errors import NotApplicable

from .choices import TermChoice, choose_terms
from .cleaning import (
    cleaning_examples,
    compare_cleanings,
    dropped_by_default,
    merged_spellings,
    stage_counts,
    stemming_examples,
    visible,
    written_words,
)
from .collocations import TokenizedCorpus, association_measures, collocations
from .events import (
    days_before_publication,
    deictic,
    event_points,
    mention_counts,
    relative_points,
)
from .frequency import (
    CountTable,
    DocumentFrequencyTable,
    count_table,
    document_frequencies,
    document_frequency_table,
    ngram_counts,
    ranked_terms,
    term_counts,
    top_ngrams,
    top_terms,
    top_terms_by_document,
)
from .keyness import (
    Split,
    key_terms,
    keyness,
    keyness_between,
    side_by_side,
    split_by_date,
    split_corpus,
    split_in_two,
)
from .kwic import keyword_in_context
from .overview import (
    articles_per_source,
    corpus_overview,
    document_labels,
    documents_for_comparison,
    first_articles,
    first_rows,
    iter_texts,
    sample_articles,
    word_total,
)
from .provenance import (
    short_texts,
    short_texts_note,
    without_short_texts,
)
from .reprints import (
    article_caption,
    compared_pairs,
    duplicate_counts,
    made_reprints,
    near_duplicates,
    passage_reuse,
    reprint_flows,
    top_terms_compared,
    widest_story,
    word_differences,
)
from .segments import passages
from .timelines import (
    articles_per_period,
    choose_frequency,
    core_date_range,
    dated_articles,
    period_start,
    term_share_over_time,
)

#: The analyses built on scikit-learn, imported when one of them is first used: scikit-learn
#: (and the SciPy statistics it loads) takes about 0.7 s to import, which a lesson that fits
#: no model, and every run of the exercise checkers, need not pay.
_ON_SCIKIT_LEARN = {
    **dict.fromkeys(["min_df_effect"], "min_df"),
    **dict.fromkeys(["distinctive_terms", "similarity_table", "similarity_to_corpus",
                     "tfidf_matrix", "tfidf_of_shown", "tfidf_settings_effects"], "tfidf"),
    **dict.fromkeys(["TopicModel", "fit_topics", "match_topics", "topic_documents",
                     "topic_labels", "topic_share_over_time", "topic_stability",
                     "topic_terms"], "topics"),
}


def __getattr__(name):
    module = _ON_SCIKIT_LEARN.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "TermChoice",
    "choose_terms",
    "short_texts",
    "short_texts_note",
    "without_short_texts",
    "iter_texts",
    "NotApplicable",
    "document_frequencies",
    "document_labels",
    "side_by_side",
    "TokenizedCorpus",
    "TopicModel",
    "fit_topics",
    "match_topics",
    "topic_documents",
    "topic_labels",
    "topic_share_over_time",
    "topic_stability",
    "topic_terms",
    "Split",
    "key_terms",
    "keyness",
    "keyness_between",
    "split_by_date",
    "split_corpus",
    "split_in_two",
    "association_measures",
    "collocations",
    "cleaning_examples",
    "compare_cleanings",
    "dropped_by_default",
    "core_date_range",
    "merged_spellings",
    "min_df_effect",
    "ngram_counts",
    "CountTable",
    "count_table",
    "DocumentFrequencyTable",
    "document_frequency_table",
    "stage_counts",
    "stemming_examples",
    "corpus_overview",
    "documents_for_comparison",
    "event_points",
    "deictic",
    "relative_points",
    "days_before_publication",
    "dated_articles",
    "period_start",
    "mention_counts",
    "sample_articles",
    "articles_per_period",
    "articles_per_source",
    "first_articles",
    "first_rows",
    "word_total",
    "choose_frequency",
    "distinctive_terms",
    "keyword_in_context",
    "passages",
    "article_caption",
    "compared_pairs",
    "duplicate_counts",
    "made_reprints",
    "near_duplicates",
    "passage_reuse",
    "reprint_flows",
    "top_terms_compared",
    "widest_story",
    "word_differences",
    "ranked_terms",
    "similarity_table",
    "similarity_to_corpus",
    "term_counts",
    "term_share_over_time",
    "tfidf_matrix",
    "tfidf_of_shown",
    "tfidf_settings_effects",
    "top_terms",
    "top_ngrams",
    "top_terms_by_document",
    "visible",
    "written_words",
]
