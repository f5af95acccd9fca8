"""Load corpora of Arabic news articles into a pandas DataFrame.

See :func:`load_corpus` for the accepted layouts, encodings, date formats and columns.
"""

from arabic_news.corpus.loader import iter_corpus, load_corpus
from arabic_news.corpus.outputs import figures_folder
from arabic_news.corpus.policy import SkippedDocumentWarning
from arabic_news.corpus.seeds import seeds_path
from arabic_news.errors import NoTextError

__all__ = ["NoTextError", "SkippedDocumentWarning", "figures_folder", "iter_corpus",
           "load_corpus", "seeds_path"]
