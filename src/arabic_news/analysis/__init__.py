"""Corpus-level analyses the notebooks call: frequencies, keyword in context, TF-IDF, timelines.

Each function takes plain inputs (a corpus DataFrame from ``load_corpus``, an analyzer such as
``ArabicAnalyzer``) and returns a tidy pandas table, so that notebooks show results and the
logic stays here, tested.
"""

from ._checks import NotApplicable
from ._dask import iter_texts
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
from .events import days_before_publication, event_points, mention_counts
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
    side_by_side,
    split_by_date,
    split_corpus,
    split_in_two,
)
from .kwic import keyword_in_context
from .min_df import min_df_effect
from .overview import (
    articles_per_source,
    corpus_overview,
    document_labels,
    documents_for_comparison,
    first_articles,
    first_rows,
    sample_articles,
    word_total,
)
from .segments import passages
from .tfidf import (
    distinctive_terms,
    similarity_table,
    similarity_to_corpus,
    tfidf_matrix,
    tfidf_of_shown,
    tfidf_settings_effects,
)
from .timelines import (
    articles_per_period,
    choose_frequency,
    core_date_range,
    dated_articles,
    period_start,
    term_share_over_time,
)
from .topics import (
    TopicModel,
    fit_topics,
    match_topics,
    topic_documents,
    topic_labels,
    topic_share_over_time,
    topic_stability,
    topic_terms,
)

__all__ = [
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
