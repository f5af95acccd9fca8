"""Cleaning Arabic news text: normalisation, tokens, stop words, light stems, sklearn analyzer."""

from arabic_news.text.analyzer import ArabicAnalyzer
from arabic_news.text.normalize import DEFAULT_STEPS, Normalizer, normalize
from arabic_news.text.stemming import light_stem
from arabic_news.text.stopwords import news_stop_words, remove_stop_words, stop_words
from arabic_news.text.tokenize import tokenize

__all__ = [
    "DEFAULT_STEPS",
    "ArabicAnalyzer",
    "Normalizer",
    "light_stem",
    "news_stop_words",
    "normalize",
    "remove_stop_words",
    "stop_words",
    "tokenize",
]
