"""The explorer's own words, in the two chart languages: every label of the views is here.

As for charts (:mod:`arabic_news.plotting.language`), one language for all the furniture:
Arabic by default, English on request. Terms, titles and source names are shown as written.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "ar": {
        "summary": "المدوّنة", "terms": "الكلمات الأكثر تكرارًا", "trend": "التكرار عبر الزمن",
        "kwic": "الكلمة في سياقها", "collocates": "المتلازمات", "documents": "المقالات",
        "reader": "المقال",
        "articles": "المقالات", "shown": "المعروضة", "sources": "المصادر",
        "all": "كل المصادر", "unknown": "غير معروف", "from": "من", "to": "إلى",
        "undated": "بلا تاريخ", "terms_shown": "كلمات المقالات المعروضة",
        "cleaning": "ما أزاله التنظيف",
        "written_tokens": "الكلمات كما كُتبت", "written_forms": "صيغها المكتوبة المختلفة",
        "token_types": "صيغها بعد التطبيع", "removed_tokens": "كلمات حُذفت (كلمات وظيفية)",
        "terms_kept": "الكلمات المحسوبة", "term_types": "الكلمات المختلفة المحسوبة",
        "skipped_articles": "مقالات تركها التحميل (بلا نص أو معيبة)",
        "steps": "خطوات التطبيع",
        "search": "ابحث عن كلمة بأي كتابة…", "term": "الكلمة", "count": "التكرار",
        "compare": "أضف إلى المقارنة", "remove": "أزل من المقارنة",
        "by_source": "لكل مصدر", "y_title": "لكل 10,000 كلمة",
        "brush_note": "اسحب على الرسم لاختيار فترة، وانقر لإلغائها",
        "outside": "مقالات خارج الفترة المرسومة",
        "before": "قبلها", "keyword": "الكلمة", "after": "بعدها",
        "sort_corpus": "ترتيب المدوّنة", "sort_before": "رتّب بما قبلها",
        "sort_after": "رتّب بما بعدها", "occurrences": "مرة",
        "measure": "المقياس", "collocate": "المتلازمة", "freq": "معًا", "value": "القيمة",
        "title": "العنوان", "source": "المصدر", "date": "التاريخ",
        "holding": "مقالات تحتوي", "empty": "اختر مقالًا",
        "not_found": "ليست في المدوّنة", "stop_word": "كلمة وظيفية لا تُحسب",
        "several": "اكتب كلمة واحدة", "did_you_mean": "هل تقصد",
        "normalised": "تُطبَّع إلى", "few": "قليلة التكرار: لا متلازمات",
    },
    "en": {
        "summary": "Corpus", "terms": "Most frequent terms", "trend": "Over time",
        "kwic": "Keyword in context", "collocates": "Collocates", "documents": "Articles",
        "reader": "Article",
        "articles": "articles", "shown": "shown", "sources": "Sources",
        "all": "all sources", "unknown": "unknown", "from": "from", "to": "to",
        "undated": "undated", "terms_shown": "terms in the articles shown",
        "cleaning": "What cleaning removed",
        "written_tokens": "words as written", "written_forms": "distinct written forms",
        "token_types": "distinct forms after normalisation",
        "removed_tokens": "words removed (stop words)", "terms_kept": "terms counted",
        "term_types": "distinct terms counted",
        "skipped_articles": "articles the loader left out (no text, or faulty)",
        "steps": "normalisation steps",
        "search": "Find a term, in any spelling…", "term": "term", "count": "count",
        "compare": "add to the comparison", "remove": "remove from the comparison",
        "by_source": "per source", "y_title": "per 10,000 terms",
        "brush_note": "drag across the chart to choose a period; click to clear it",
        "outside": "articles outside the charted period",
        "before": "before", "keyword": "keyword", "after": "after",
        "sort_corpus": "corpus order", "sort_before": "sort by the words before",
        "sort_after": "sort by the words after", "occurrences": "occurrences",
        "measure": "measure", "collocate": "collocate", "freq": "together", "value": "value",
        "title": "headline", "source": "source", "date": "date",
        "holding": "articles holding", "empty": "choose an article",
        "not_found": "is not in the corpus", "stop_word": "is a stop word, not counted",
        "several": "type one word", "did_you_mean": "did you mean",
        "normalised": "normalised to", "few": "too rare: no collocates",
    },
}

#: The association measures, as the collocations lesson names them.
MEASURE_NAMES = {"log_dice": "logDice", "t_score": "t-score", "pmi": "PMI", "g2": "G²",
                 "freq": {"ar": "التكرار", "en": "frequency"}}


def words(language: str) -> dict[str, str]:
    """The labels in ``language`` ("ar" or "en")."""
    return WORDS[language]


def measure_name(measure: str, language: str) -> str:
    name = MEASURE_NAMES[measure]
    return name[language] if isinstance(name, dict) else name
