"""Load corpora of Arabic news articles into a pandas DataFrame.

See :func:`load_corpus` for the accepted layouts, encodings, date formats and columns.
"""

from arabic_news.corpus.loader import iter_corpus
from arabic_news.corpus.on_engine import load_corpus
from arabic_news.corpus.outputs import figures_folder
from arabic_news.corpus.policy import (
    ColumnAsTextWarning,
    DateColumnWarning,
    SkippedDocumentWarning,
)
from arabic_news.corpus.provenance import corpus_attrs, skipped_documents, skipped_summary
from arabic_news.corpus.seeds import seeds_path
from arabic_news.errors import NoTextError

__all__ = ["ColumnAsTextWarning", "DateColumnWarning", "NoTextError", "SkippedDocumentWarning",
           "corpus_attrs", "figures_folder", "iter_corpus", "load_corpus", "seeds_path",
           "skipped_documents", "skipped_summary"]
