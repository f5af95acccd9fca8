"""Cleaning Arabic news text: normalisation, tokens, stop words, light stems, sklearn analyzer."""

from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import DEFAULT_STEPS, Normalizer, normalize
from arabic_news.text.stemming import light_stem
from arabic_news.text.stopwords import remove_stop_words, stop_words
from arabic_news.text.tokenize import tokenize

__all__ = [
    "DEFAULT_STEPS",
    "ArabicAnalyzer",
    "Normalizer",
    "light_stem",
    "normalize",
    "remove_stop_words",
    "stop_words",
    "tokenize",
]
