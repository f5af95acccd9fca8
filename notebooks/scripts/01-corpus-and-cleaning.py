# ---
# jupyter:
#   jupytext:
#     formats: ipynb,scripts//py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 1. The corpus, and how we clean Arabic text
#
# Before counting anything we need two things: the articles, with their metadata, and a clear
# idea of what "the same word" means in Arabic. The same word can be written with or without
# short vowels (harakat), with different forms of alef (<bdi>أ إ آ ا</bdi>), with a stretched line
# (tatweel, <bdi>ـ</bdi>) or with <bdi>ى</bdi> where <bdi>ي</bdi> was meant. A computer sees different strings; a reader sees one
# word. Cleaning, or *normalisation*, maps these spellings to one form.
#
# This notebook loads the corpus, looks at it, and then applies the cleaning steps one at a
# time, showing on the corpus's own words what each step changes.
#
# All the work is done by the `arabic_news` package (in `src/arabic_news/`); the notebook calls
# it and shows the results. Tables are shown right to left with `an.rtl_table`, so that Arabic
# reads as it is written; words are shown in their usual written form, with the normalised form
# beside it where the point is normalisation.

# %% tags=["parameters"]
corpus_path = None  # None: the two bundled seed articles; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
examples_per_step = 3  # how many before/after examples to show for each cleaning step
chart_language = "ar"  # language of the charts' axis labels and dates: "ar" or "en"

# %%
import matplotlib.pyplot as plt
import pandas as pd

import arabic_news as an
from arabic_news import analysis

an.use_arabic_style(language=chart_language)

# %% [markdown]
# ## Loading the corpus
#
# `load_corpus` returns one row per article with a unique `doc_id`, the `title`, the `source`
# (outlet), the publication date `published` (in UTC; missing when unknown) and the `text` as
# written. With no path it loads the bundled seeds together with `seeds/metadata.csv`, which
# records how each publication date was established.

# %%
corpus = an.load_corpus(corpus_path)
figures_dir = an.figures_folder(corpus_path, figures_dir)  # where figures go (PNG and SVG)
an.rtl_table(corpus[["doc_id", "title", "source", "published"]].head(10))

# %% [markdown]
# ## A first look: how many articles, from where, when, how long

# %%
an.rtl_table(analysis.corpus_overview(corpus).rename_axis("fact"))

# %%
sources = corpus["source"].fillna(an.chart_word("(unknown)")).value_counts()
ax = an.bar_terms(sources.index, sources.values, title="المقالات حسب المصدر", xlabel="articles")
an.save_figure(ax.figure, "01-articles-by-source", directory=figures_dir)
plt.show()

# %% [markdown]
# ## The cleaning steps, one at a time
#
# `arabic_news.normalize` applies every step below by default; each one can be switched off by
# name. For each step we look for words of the corpus that this step alone changes, and show
# them before and after. Hamza on waw and yaa (<bdi>ؤ ئ</bdi>) is kept by default, because folding it
# merges different words; the last step shows what folding would do.

# %%
words = analysis.written_words(corpus["text"])  # every written word and its count
an.rtl_table(analysis.cleaning_examples(words, per_step=examples_per_step))

# %% [markdown]
# Invisible characters are shown as markers such as `<U+00A0>` (a no-break space); each
# marker is isolated from the Arabic around it, so it stays where the character was.
#
# Two traps are worth seeing in full. The seeds contain non-breaking spaces (U+00A0), which
# look like spaces but are not matched by a plain `split(" ")`, and <bdi>الـ15</bdi>, a definite article
# stretched with tatweel before digits. Curly quotes “ ” and Arabic punctuation <bdi>« » ، ؛ ؟</bdi> are
# separators, never parts of a word.

# %%
sample = "قال “المتحدث”\u00a0إنّ الـ15 جندياً، عادوا فى يوم الأحد؟"
an.rtl_table(pd.DataFrame({
    "step": ["as written", "normalised", "tokens"],
    "text": [analysis.visible(sample), analysis.visible(an.normalize(sample)),
             " | ".join(an.tokenize(sample))],
}))

# %% [markdown]
# ## How much does cleaning shrink the vocabulary?
#
# Every spelling variant that the normaliser merges is one fewer *type* (distinct word) for the
# same number of *tokens* (running words). Stop words (function words such as <bdi>في، من، على</bdi>) are
# the most frequent tokens of any Arabic text and carry little topic; removing them shortens
# every frequency table to the words that matter. Light stemming then merges a word with its
# forms carrying the definite article (<bdi>ال، وال، بال</bdi> …) and, in its second mode, a single
# attached conjunction or preposition (<bdi>و ف ب ك ل</bdi>), but only when what remains is itself a word
# of the corpus, so that names such as <bdi>بوتين</bdi> or <bdi>لبنان</bdi> are not cut.

# %%
stages = analysis.stage_counts(words)  # term counts after each stage
sizes, top_by_stage = analysis.compare_cleanings(stages, n=10)
an.rtl_table(sizes)

# %% [markdown]
# ## What stop words and stemming change at the top of the list
#
# The ten most frequent terms at each stage: without stop-word removal the list is made of
# function words (and, before normalisation, of two spellings of the same one: <bdi>فى</bdi> and <bdi>في</bdi>);
# after it, of the corpus's subjects. Stemming then gathers <bdi>الروسي</bdi> and <bdi>روسي</bdi> into one term.
# After the first column each term is shown in its usual written form in the corpus, with the
# normalised form (or the stem) the computer counts in brackets when the two differ.

# %%
forms = an.display_forms(corpus["text"])  # normalised form -> most frequent written form
stem_forms = {  # the same for stems: the spellings of the words each stem merges, pooled
    "definite article stripped": forms.regroup(lambda key: an.light_stem(key, "article")),
    "one proclitic stripped": forms.regroup(
        lambda key: an.light_stem(key, "proclitic", stages["normalised"])),
}
shown = top_by_stage.copy()
for stage in shown.columns[1:]:
    shown[stage] = shown[stage].map(stem_forms.get(stage, forms).with_key)
an.rtl_table(shown)

# %% [markdown]
# Stemming in detail: the article mode strips <bdi>ال</bdi> and its attached forms
# (<bdi>وال، بال، كال، فال، لل</bdi>) when at least three letters remain. The proclitic mode also strips one leading <bdi>و ف ب ك ل</bdi>,
# but only when the rest is itself a word of the corpus, at least as frequent as the whole
# word. That is why names that happen to begin with these letters (<bdi>بوتين، فلاديمير، بيروت</bdi>) are
# kept whole, while <bdi>لموسكو</bdi> becomes <bdi>موسكو</bdi>.

# %%
stemming = analysis.stemming_examples(stages["normalised"], n=8)
stemming.insert(1, "written", forms.labels(stemming["word"]))
an.rtl_table(stemming, headers={"word": "normalised"})
