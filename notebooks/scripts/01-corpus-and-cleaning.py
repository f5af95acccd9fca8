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
# **What you will learn**: how to load a corpus of Arabic news and take a first look at it;
# what each step of cleaning Arabic text changes, shown on the corpus's own words; and how
# cleaning, stop words and light stemming shrink the vocabulary.
#
# - **Level**: beginner.
# - **Time**: about 45 minutes: 20 to read and run, 25 for the exercises.
# - **Prerequisites**: Python basics (variables, lists, dictionaries, calling functions) and a
#   first look at pandas DataFrames. You need to read the Arabic script, not to speak Arabic.
# - **Data**: the two bundled seed articles (`seeds/`, two news reports from 2016) by default;
#   set `corpus_path` in the first code cell to run the lesson on your own corpus.
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
#
# For a large corpus, set `engine = "dask"`: the corpus is then read in partitions (Parquet
# shards) and every count is made by Dask, on a local cluster or on the scheduler at
# `scheduler_address`; each table and chart is the same as with pandas. Lesson 7 explains how.

# %% tags=["parameters"]
corpus_path = None  # None: the two bundled seed articles; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
engine = "pandas"  # "pandas" (one DataFrame in memory) or "dask" (partitioned; a LocalCluster)
scheduler_address = None  # for engine "dask": a running scheduler such as "tcp://10.0.0.5:8786"
examples_per_step = 3  # how many before/after examples to show for each cleaning step
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines) first
short_text_words = 5  # texts of at most this many words are listed as "very short"
chart_language = "ar"  # language of the charts' axis labels and dates: "ar" or "en"

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import arabic_news as an
from arabic_news import analysis, scale

an.use_arabic_style(language=chart_language)
client = scale.start_engine(engine, scheduler_address)  # None on pandas

# %% [markdown]
# ## Loading the corpus
#
# `load_corpus` returns one row per article with a unique `doc_id`, the `title`, the `source`
# (outlet), the publication date `published` (in UTC; missing when unknown) and the `text` as
# written. With no path it loads the bundled seeds together with `seeds/metadata.csv`, which
# records how each publication date was established.

# %%
corpus = an.load_corpus(corpus_path, engine=engine)
figures_dir = an.figures_folder(corpus_path, figures_dir)  # where figures go (PNG and SVG)
an.rtl_table(analysis.first_articles(corpus[["doc_id", "title", "source", "published"]], 10))

# %% [markdown]
# ## A first look: how many articles, from where, when, how long

# %%
an.rtl_table(analysis.corpus_overview(corpus).rename_axis("fact"))

# %% [markdown]
# Everything the next lessons count comes from these texts, so their size says how far the
# results can be trusted:

# %%
total_words = analysis.word_total(corpus["text"])  # whitespace-separated words
verdict = ("enough to learn the methods, far too few to say anything general about the news"
           if len(corpus) < 100 else
           "enough for frequencies and comparisons to start to mean something")
print(f"{len(corpus)} articles and {total_words:,} words in all: {verdict}.")

# %%
sources = analysis.articles_per_source(corpus, unknown=an.chart_word("(unknown)"))
ax = an.bar_terms(sources.index, sources.values, title="المقالات حسب المصدر", xlabel="articles")
an.save_figure(ax.figure, "01-articles-by-source", directory=figures_dir)
plt.show()

# %% [markdown]
# ## What the corpus left out, and what is not news
#
# Before counting, three questions decide what the counts rest on.
#
# **Which documents were left out?** The loader leaves out a document it cannot use (no
# text, unreadable bytes, a date it cannot read) and records why:

# %%
left_out = an.skipped_summary(corpus)  # by kind of reason, with where the first one is
if left_out.empty:
    print("No document was left out: every document of the corpus is here.")
else:
    print(f"{left_out['documents'].sum():,} documents were left out; the reasons, with the "
          "first place of each:")
    display(an.rtl_table(left_out))

# %% [markdown]
# **What does each outlet repeat?** Scraped news carries the site's own text: a contact
# footer, a dateline, an app prompt, a disclaimer. Counted as words, it would top the
# frequency lists and make an outlet's "key terms". `an.find_boilerplate` finds, per source,
# the lines (and runs of words glued to the first or last line) that recur in many of its
# articles *and* on most of its publication days; parts that vary (numbers, links, dates,
# the article's own title) are shown as `[number]`, `[link]`, `[month]`, `[title]`. A
# statement quoted in a few articles on one or two days is news, and is kept. The
# thresholds are documented in `arabic_news.prepare.boilerplate`; set `remove_boilerplate
# = False` in the first cell to keep everything.

# %%
if remove_boilerplate:
    corpus = an.remove_boilerplate(corpus)
    removed = corpus.attrs["boilerplate"]
    print(an.boilerplate_note(corpus))
    if len(removed):
        display(an.rtl_table(removed.head(15), decimals=3))
else:
    print(an.boilerplate_note(corpus))

# %% [markdown]
# **Which texts are too short to be articles?** A headline without its body, a caption, a
# scraping remnant: a text of a few words is kept by the loader, but in a similarity or a
# topic model it behaves as noise. Lessons 3 and 6 leave such texts out by default.

# %%
short = analysis.short_texts(corpus, max_words=short_text_words)
print(f"{len(short):,} of {len(corpus):,} texts have {short_text_words} words or fewer"
      + ("." if len(short) else ": every text is an article."))
if len(short):
    display(an.rtl_table(short.head(10)))

# %% [markdown]
# ## The same text printed twice
#
# News corpora hold the same story several times: an agency wire printed by several outlets,
# an article republished, filed under two sections, or updated. `analysis.near_duplicates`
# finds them after normalisation: *exact duplicates* have the same words in the same order
# (whatever the spacing, punctuation or diacritics); *near copies* share most of their
# five-word sequences (a Jaccard similarity of at least 0.8). Lessons 2 to 6 count each story
# once by setting the extra copies aside; lesson 8 reads them.

# %%
groups = analysis.near_duplicates(corpus)  # one row per article printed more than once
counts = analysis.duplicate_counts(groups)
if counts["groups"] == 0:
    print(f"No article repeats another: the {len(corpus):,} articles are "
          f"{len(corpus):,} different texts.")
else:
    print(f"{counts['exact']:,} articles repeat the words of an earlier article exactly "
          f"(exact duplicates) and {counts['near']:,} are near copies: {counts['articles']:,} "
          f"articles tell {counts['groups']:,} stories printed more than once, so counting "
          f"each story once sets {counts['set_aside']:,} articles aside.")
    display(an.rtl_table(analysis.first_rows(
        groups[["group", "doc_id", "source", "published", "similarity", "exact"]], 8),
        decimals=2))

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
# Which steps matter depends on how the corpus was written: an outlet that never writes harakat
# gives the diacritics step nothing to do, and one that writes <bdi>ى</bdi> for final <bdi>ي</bdi> gives the alef
# maksura step a lot. On this corpus:

# %%
changed = analysis.cleaning_examples(words, per_step=1)["occurrences changed"]
busiest = changed.sort_values(ascending=False, kind="stable")
print(f"The step that changes the most running words is {busiest.index[0]} "
      f"({busiest.iloc[0]:,} occurrences), then {busiest.index[1]} ({busiest.iloc[1]:,}); "
      f"{(changed == 0).sum()} of the {len(changed)} steps change nothing here.")

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
# Read the table from top to bottom: normalisation keeps every token and merges types;
# stop-word removal takes tokens away; stemming merges types again. In numbers:

# %%
types, tokens = sizes["types"], sizes["tokens"]
print(f"Normalisation merges {types['as written'] - types['normalised']:,} spellings "
      f"({1 - types['normalised'] / types['as written']:.0%} of the types). "
      f"Stop words are {1 - tokens['stop words removed'] / tokens['normalised']:.0%} of the "
      f"running words but only {types['normalised'] - types['stop words removed']:,} types. "
      f"Stemming then merges {types['stop words removed'] - types['one proclitic stripped']:,} "
      f"more types ({1 - types['one proclitic stripped'] / types['stop words removed']:.0%}).")

# %% [markdown]
# ## What stop words and stemming change at the top of the list
#
# The ten most frequent terms at each stage: without stop-word removal the list is made of
# function words (on the seeds, before normalisation, two spellings of the same one:
# <bdi>فى</bdi> and <bdi>في</bdi>); after it, of the corpus's subjects. Stemming then gathers
# forms such as <bdi>الروسي</bdi> and <bdi>روسي</bdi> into one term.
# After the first column each term is shown in its usual written form in the corpus, with the
# normalised form (or the stem) the computer counts in brackets when the two differ.

# %%
forms = an.display_forms(corpus["text"])  # normalised form -> most frequent written form
stem_forms = {  # the same for stems: the spellings of the words each stem merges, pooled
    "definite article stripped": forms.regroup(
        lambda keys: an.light_stems(keys, "article"), batched=True),
    "one proclitic stripped": forms.regroup(
        lambda keys: an.light_stems(keys, "proclitic", stages["normalised"]), batched=True),
}
shown = top_by_stage.copy()
for stage in shown.columns[1:]:
    shown[stage] = shown[stage].map(stem_forms.get(stage, forms).with_key)
an.rtl_table(shown)

# %% [markdown]
# The first column counts strings, not words: a word written two ways takes two places in it.
# On this corpus:

# %%
first_written = top_by_stage["as written"].iloc[0]
same_word = [w for w in top_by_stage["as written"]
             if w != first_written and an.normalize(w) == an.normalize(first_written)]
print(f"The most frequent string as written is {an.isolate(first_written)}; "
      + (f"{an.isolate(same_word[0])}, also in the column, is another spelling of the same word, "
         "counted apart." if same_word else "no other spelling of it is in the top ten."))

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

# %% [markdown]
# ## What the later lessons drop, and why
#
# The stages above remove function words only. The analyzer of the later lessons,
# `an.ArabicAnalyzer()`, goes further by default, with four filters: the function words; a
# second list of *news words*, which news prose uses in every story whatever it reports (verbs
# of saying such as <bdi>قال، أكد</bdi>, <bdi>تم</bdi>, time words such as <bdi>أمس، اليوم</bdi>,
# <bdi>عدد، أكثر</bdi>; `an.news_stop_words()` is the list, and its file's header says how the
# words were chosen and which frequent words it keeps on purpose, such as <bdi>بن</bdi> of names);
# tokens made of digits only; and single letters (the <bdi>م</bdi> of <bdi>2015م</bdi>, the
# <bdi>هـ</bdi> of a Hijri year). Each filter can be switched off:
# `an.ArabicAnalyzer(news_words=False, keep_numbers=True, keep_single_letters=True)`. Dates are
# read from the text itself (lesson 4), not from these terms. What each filter removes here:

# %%
dropped = analysis.dropped_by_default(stages["normalised"], label=forms.label)
an.rtl_table(dropped)

# %% [markdown]
# The groups above are the whole point of *light* stemming: it merges a term with its forms
# carrying <bdi>ال</bdi> or a proclitic, and it refuses to cut when the remainder is not a word of the
# corpus. It never strips suffixes, so <bdi>الروسي</bdi> and <bdi>الروسيه</bdi> (masculine and feminine) stay two
# terms: a heavier stemmer would merge them, and would also cut names.
#
# ## Summary
#
# **What you learned**
# - `load_corpus` gives one row per article: `doc_id`, `title`, `source`, `published`, `text`.
# - Cleaning Arabic is a series of small, separate steps (diacritics, tatweel, alef forms,
#   alef maksura, teh marbuta, odd spaces, ...); each one can be switched off, and each one
#   merges spellings that a reader sees as one word.
# - Normalisation merges types without losing tokens; stop-word removal removes many tokens but
#   few types; light stemming merges a word with its prefixed forms.
# - The later lessons' analyzer also drops the news words, numbers and single letters; each
#   filter can be switched off.
#
# **Pitfalls**
# - A normalised term is a key for counting, not a word to show a reader: <bdi>الروسيه</bdi> is how the
#   computer counts <bdi>الروسية</bdi>.
# - Splitting on `" "` misses non-breaking spaces, and a tokeniser that does not know Arabic
#   punctuation leaves <bdi>« » ، ؛ ؟</bdi> glued to words.
# - Folding hamza (<bdi>ؤ ئ</bdi>) or stemming harder merges different words: every extra step is a
#   choice to check on the corpus's own words, as this lesson did.
# - A story printed several times is counted several times: look for duplicates before
#   counting (the later lessons set the extra copies aside).
#
# **Where next**: lesson 2 counts the cleaned terms, over the corpus and per article, and
# reads them in context.
#
# ## Exercises
#
# Each exercise ends with a cell that assigns your answer to a variable, and a cell that checks
# it: the check says whether you are right, or what is wrong, without giving the answer away.
# Run this cell first.

# %%
from arabic_news.exercises import check

# %% [markdown]
# ### Exercise 1: fold hamza too
#
# The default cleaning keeps hamza on waw and yaa (<bdi>ؤ ئ</bdi>). Tokenise the corpus with
# `an.Normalizer(hamza=True)` as the normaliser (`an.tokenize(text, normalizer=...)`; the
# written words in `words` are enough): how many types (distinct terms) does the corpus have
# then? Answer with an integer.

# %% tags=["solution"]
# Hint: collect the tokens in one set, then take its size. Tokens never span whitespace, so
# tokenising the written words of `words`, joined by spaces, gives the tokens of every text.
folding = an.Normalizer(hamza=True)
answer_1_1 = len(set(an.tokenize(" ".join(words), normalizer=folding)))

# %%
check("1.1", answer_1_1, corpus=corpus)

# %% [markdown]
# ### Exercise 2: the most frequent stop words
#
# Which five stop words are the most frequent in the corpus? `an.stop_words()` is the list and
# `stages["normalised"]` counts the normalised tokens. Answer with a list of five terms.

# %% tags=["solution"]
# Hint: keep the entries of stages["normalised"] that are stop words, then rank them
# (collections.Counter has a most_common method).
from collections import Counter

stops = an.stop_words()
stop_counts = Counter({term: n for term, n in stages["normalised"].items() if term in stops})
answer_1_2 = [term for term, _ in stop_counts.most_common(5)]

# %%
check("1.2", answer_1_2, corpus=corpus)

# %% [markdown]
# ### Exercise 3: a word that only the proclitic mode cuts
#
# Find a word of the corpus that the proclitic mode of light stemming shortens but the article
# mode leaves whole: `an.light_stem(word, "article")` and
# `an.light_stem(word, "proclitic", stages["normalised"])`. Answer with the word (a string).
# Then look at what it became: is the cut right?

# %% tags=["solution"]
# Hint: go through the normalised words, most frequent first, and try both modes on each.
normalised = stages["normalised"]
answer_1_3 = next((word for word, _ in normalised.most_common()
                   if an.light_stem(word, "article") == word
                   and an.light_stem(word, "proclitic", normalised) != word), None)

# %%
check("1.3", answer_1_3, corpus=corpus)

# %% [markdown]
# ### Exercise 4: two spellings of one word, in your corpus
#
# Set `corpus_path` to your own corpus (or stay on the seeds) and find one word that the corpus
# writes in two different ways, which normalisation merges. Answer with a tuple of the two
# spellings as written, for example `("first", "second")`. Which step of the cleaning merges
# them, and would a reader agree that they are the same word?

# %% tags=["solution"]
# Hint: stages["as written"] counts the tokens as written (no normaliser);
# group these spellings by their an.normalize key.
written = stages["as written"]
spellings = {}
for word in written:
    spellings.setdefault(an.normalize(word), []).append(word)
answer_1_4 = next((tuple(group[:2]) for group in spellings.values() if len(group) > 1), None)

# %%
check("1.4", answer_1_4, corpus=corpus)
