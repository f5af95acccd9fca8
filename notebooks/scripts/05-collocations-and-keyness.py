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
# # 5. Collocations and keyness: the company words keep, and what sets two parts of a corpus apart
#
# **What you will learn**: how to find the words that keep company with a term (collocates)
# and the word pairs that belong together across a corpus, measured four ways (PMI, t-score,
# log-likelihood G², logDice); how to compare two parts of a corpus (two periods, one outlet
# against the others) with keyness: G² for the evidence, log ratio for the size of a
# difference, and a correction for testing thousands of words at once.
#
# - **Level**: intermediate.
# - **Time**: about 45 minutes.
# - **Prerequisites**: lesson 2 (term frequency, bigrams); lesson 3 helps.
# - **Data**: the two bundled seed articles by default; any corpus through `corpus_path`
#   (the ANT corpus: 31,525 articles from five outlets).
#
# Frequencies show what a corpus talks about. They do not show how words combine
# (<bdi>مجلس</bdi> comes with <bdi>الأمن</bdi>, <bdi>كأس</bdi> with <bdi>العالم</bdi>), or what one outlet or one period says that another
# does not. Those are the questions of this lesson. Everything is computed on normalised
# terms (lesson 1), and every word is *shown* in its usual written form.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
remove_boilerplate = True  # remove each outlet's repeated lines (footers, datelines; lesson 1)
count_each_story_once = True  # True: one article per story, reprints set aside (lesson 8)
node_term = "روسيا"  # the term whose collocates we look for (as written)
window = 5  # words on each side of the term
collocation_min_freq = None  # None: 2 on a small corpus (under 50,000 tokens), 5 otherwise
top_n = 12  # rows shown in each table
outlet = None  # the outlet compared with all others; None: the one with the most articles
alpha = 0.05  # significance level, after the Bonferroni correction
outlet_names = {  # outlets' names in Arabic, for the charts (ANT's five; others as written)
    "BBC": "بي بي سي",
    "CNN": "سي إن إن",
    "alarabia": "العربية",
    "france24": "فرانس 24",
    "skynews": "سكاي نيوز",
}

# %%
import matplotlib.pyplot as plt
from IPython.display import display

import arabic_news as an
from arabic_news import analysis
from arabic_news.plotting import lenses

an.use_arabic_style()
corpus = an.load_corpus(corpus_path)
# the corpus steps of lessons 1 and 8: boilerplate out, each story counted once
corpus = an.prepare_corpus(corpus, remove_boilerplate=remove_boilerplate,
                           count_each_story_once=count_each_story_once)
print(an.preparation_note(corpus))
figures_dir = an.figures_folder(corpus_path, figures_dir)
analyzer = an.ArabicAnalyzer()  # normalise, tokenise, drop stop words
tokenized = analysis.TokenizedCorpus(corpus["text"], analyzer.tokens)  # tokenise once
forms = an.display_forms(corpus["text"], analyzer)  # normalised term -> usual written form
min_freq = collocation_min_freq or (2 if len(tokenized) < 50_000 else 5)
print(f"{len(corpus)} articles, {len(tokenized):,} terms after cleaning; "
      f"pairs must occur at least {min_freq} times")
# the lesson's node term, or the corpus's most frequent one when this corpus hardly uses it
node_term, replaced = analysis.choose_terms(node_term, tokenized.term_counts(),
                                            normalize=an.normalize, forms=forms)
print(replaced or f"The node term is {an.isolate(node_term)}.")

# %% [markdown]
# ## Part 1. Collocations
#
# ### The company of one term
#
# Around every occurrence of the term we open a *window* of `window` words on each side (in
# the same article, after stop words are removed) and count the words found there. A count
# alone misleads: frequent words are found near everything. So each count is compared with
# the count **expected** if the word were scattered at random: the size of the windows
# times the word's share of the corpus.
#
# Four measures turn observed and expected counts into a score:
#
# | measure | formula | favours |
# |---|---|---|
# | PMI | log₂(observed / expected) | rare, exclusive pairs (one shared occurrence can score high) |
# | t-score | (observed − expected) / √observed | frequent pairs |
# | G² (log-likelihood) | 2 Σ O ln(O/E) over the 2×2 table | strong evidence; grows with frequency |
# | logDice | 14 + log₂(2·f(xy) / (f(x) + f(y))) | exclusive *and* frequent; comparable across corpora (max 14) |
#
# We sort by logDice and keep only words seen more often than expected.

# %%
collocates = analysis.collocations(tokenized, node_term, window=window, min_freq=min_freq)
shown = collocates.head(top_n).assign(written=lambda t: [forms.get(w, w) for w in t["collocate"]])
an.rtl_table(shown[["written", "freq", "before", "after", "expected", "pmi", "t_score", "g2",
                    "log_dice"]], decimals=2)

# %% [markdown]
# `before` and `after` count where the collocate stands: an Arabic reader meets a word that
# comes *before* the term to its right. The chart keeps that order: before on the right,
# after on the left.

# %%
if len(collocates):
    best = collocates.iloc[0]
    side = "before" if best["before"] >= best["after"] else "after"
    print(f"{an.isolate(forms.get(node_term, node_term))}: {len(collocates)} collocates seen at least "
          f"{min_freq} times and more often than chance. The strongest by logDice is "
          f"{an.isolate(forms.get(best['collocate'], best['collocate']))}: {best['freq']} times in the "
          f"windows against {best['expected']:.1f} expected, mostly {side} the term.")
    ax = lenses.collocation_chart(collocates, forms=forms, n=top_n,
                                  title=f"ما يرافق كلمة «{forms.get(node_term, node_term)}»")
    an.save_figure(ax.figure, "05-collocates", directory=figures_dir)
    plt.show()
else:
    print(f"{an.isolate(node_term)} has no collocate seen {min_freq} times here: choose another node_term")

# %% [markdown]
# ### Pairs across the corpus, and what each measure prefers
#
# Without a node term, we score every pair of adjacent words (adjacent once stop words are
# gone, like the bigrams of lesson 2). The same pairs rank differently under each measure:
# the table puts the top pairs of each measure side by side.

# %%
pairs = analysis.collocations(tokenized, min_freq=min_freq)
pairs["written"] = [forms.get(pair, pair) for pair in pairs["pair"]]
leaders = {measure: pairs.sort_values([measure, "freq", "pair"], ascending=[False, False, True])
           ["written"].head(top_n).tolist() for measure in ("pmi", "t_score", "g2", "log_dice")}
an.rtl_table(analysis.side_by_side(leaders))

# %%
if len(pairs):
    by_pmi = pairs.sort_values(["pmi", "freq", "pair"], ascending=[False, False, True]).head(top_n)
    by_t = pairs.sort_values(["t_score", "freq", "pair"], ascending=[False, False, True]).head(top_n)
    print(f"{len(pairs)} pairs occur at least {min_freq} times and more often than chance. "
          f"PMI's top {top_n} occur {by_pmi['freq'].median():.0f} times (median), "
          f"the t-score's top {top_n} {by_t['freq'].median():.0f} times: "
          "PMI rewards exclusivity, the t-score frequency.")
else:
    print(f"No pair of words occurs {min_freq} times here: lower collocation_min_freq, or use a "
          "larger corpus.")

# %% [markdown]
# On a small corpus every pair is rare and the measures mostly agree; on a large one PMI
# fills its top with names and one-off phrases, the t-score with frequent phrases of the
# genre (news agencies, titles), and logDice sits between them. There is no single right
# measure: say which one you used and why, and set a minimum frequency.
#
# ## Part 2. Keyness: what one part of a corpus says more than another
#
# ### Two periods
#
# We split the articles at the median publication date: the earlier half against the later
# half (a corpus without dates is split in corpus order). On the seeds each half is one
# article, so this compares the two articles. For
# every term we count its occurrences on each side and ask two questions:
#
# - **Is there evidence of a difference?** G² (log-likelihood, Rayson & Garside 2000)
#   compares the counts with those expected if both sides used the term at the same rate.
#   Its p-value says how surprising such a G² would be by chance.
# - **How big is the difference?** Log ratio (Hardie 2014) is log₂ of the ratio of the two
#   relative frequencies: 1 = twice as frequent on side A, −1 = half as frequent, 0 = the
#   same. A term absent from one side is counted as 0.5 there, so it stays finite. %DIFF
#   (Gabrielatos & Marchi 2012) says the same as a percentage.
#
# Testing thousands of terms at once, some would pass p < 0.05 by chance alone. We use the
# **Bonferroni correction**: a term is significant only if its p-value times the number of
# terms tested stays under `alpha`.

# %%
try:
    periods = analysis.split_in_two(corpus)  # by date; in corpus order when undated
    in_a, in_b = corpus.index.isin(periods.a.index), corpus.index.isin(periods.b.index)
    counts_a, counts_b = tokenized.term_counts(in_a), tokenized.term_counts(in_b)
    by_period = analysis.keyness_between(corpus, in_a, in_b, tokenized=tokenized,
                                         units="auto", alpha=alpha)
except analysis.NotApplicable as reason:
    counts_a = counts_b = by_period = None
    print(f"No comparison of two parts: {reason}")
else:
    units = by_period.attrs["units"]
    print(f"A: {periods.label_a} ({len(periods.a)} articles, {sum(counts_a.values()):,} terms)")
    print(f"B: {periods.label_b} ({len(periods.b)} articles, {sum(counts_b.values()):,} terms)")
    if units == "passages":
        print(f"A side has fewer than 5 articles, too few to see how widely a term is spread: "
              f"docs_a and docs_b count passages ({by_period.attrs['documents_a']} and "
              f"{by_period.attrs['documents_b']}), not articles.")
    table = by_period.head(top_n).assign(written=lambda t: [forms.get(w, w) for w in t["term"]])
    display(an.rtl_table(table[["written", "freq_a", "freq_b", "docs_a", "docs_b", "g2",
                                "p_adjusted", "log_ratio", "used_more_in"]], decimals=3))

# %%
if by_period is not None:
    significant = int(by_period["significant"].sum())
    top = by_period.iloc[0]
    print(f"{len(by_period):,} terms tested; {significant} significant after the correction. "
          f"The largest G² is {top['g2']:.1f} ({an.isolate(forms.get(top['term'], top['term']))}, "
          f"{top['freq_a']} against {top['freq_b']}): raw p = {top['p_value']:.3g}, corrected "
          f"p = {top['p_adjusted']:.3g}.")
    if significant == 0:
        print("No term passes: with so few words, even a word found only on one side is weak "
              "evidence once every term's test is taken into account. The log ratios still show "
              "which words differ most, but as a description of these texts, not as a finding.")

# %%
if by_period is not None:
    ax = lenses.keyness_chart(by_period, "الفترة الأولى", "الفترة الثانية", forms=forms,
                              title="ما يميز كل فترة: حجم الفرق وقوة الدليل")
    an.save_figure(ax.figure, "05-keyness-periods", directory=figures_dir)
    plt.show()

# %% [markdown]
# Read the chart from the top: points high up carry the most evidence; points far from the
# middle show the biggest differences. A word can be high but near the middle (frequent on
# both sides, a little more on one) or far out but low (rare, found on one side only).
# Keyness needs both: significance decides *whether* a term is key, the log ratio *how much*.
# The labels go to the strongest terms first.
#
# ### One outlet against the others, and the one-article effect
#
# The same comparison between one outlet and all the others shows each outlet's vocabulary:
# its subjects, its spellings, its place names. But a count does not say how many articles
# it comes from: a name repeated 18 times in a single article is as frequent as a word used
# once in each of 18 articles, and on one side only it gets a huge log ratio. Here are the
# outlet's terms with the largest effect, with the number of its articles that use each one
# (`docs_a`) and Gries's DP (0: spread like the text; near 1: concentrated in a corner):

# %%
sources = corpus["source"].dropna()
chosen = outlet or (sources.value_counts().index[0] if len(sources) else None)
try:
    if sources.nunique() < 2:
        raise analysis.NotApplicable(f"this corpus names {sources.nunique()} outlet(s); comparing "
                                     "outlets needs at least two (ANT has five)")
    by_outlet = analysis.keyness_between(corpus, {"source": chosen}, tokenized=tokenized,
                                         units="auto", alpha=alpha)
except analysis.NotApplicable as reason:
    by_outlet = None
    print(f"No comparison of outlets: {reason}")
else:
    everything = analysis.key_terms(by_outlet, "a", n=top_n, min_log_ratio=1, min_docs=None)
    shown = everything.assign(written=lambda t: [forms.get(w, w) for w in t["term"]])
    display(an.rtl_table(shown[["written", "freq_a", "docs_a", "dp_a", "log_ratio", "g2"]],
                         decimals=2))
    single = int((everything["docs_a"] == 1).sum())
    print(f"{single} of these {len(everything)} terms come from one "
          f"{'article' if by_outlet.attrs['units'] == 'articles' else 'passage'} only.")

# %% [markdown]
# A key term should speak for the outlet, not for one of its articles. So `key_terms` keeps,
# by default, only the terms found in at least 5 documents of the side that uses them more
# (`min_docs=5`). On a corpus too small for that, the comparison counts passages instead of
# articles (`units="auto"`), and says so.

# %%
if by_outlet is not None:
    over = analysis.key_terms(by_outlet, "a", n=top_n, min_log_ratio=1)
    under = analysis.key_terms(by_outlet, "b", n=top_n, min_log_ratio=1)
    unit = "articles" if by_outlet.attrs["units"] == "articles" else "passages"
    print(f"{chosen} ({by_outlet.attrs['documents_a']} {unit}) against the others "
          f"({by_outlet.attrs['documents_b']}): {int(by_outlet['significant'].sum()):,} of "
          f"{len(by_outlet):,} terms significant; {len(over)} over-used and {len(under)} "
          f"under-used, each at least twice as frequent and in at least 5 {unit}.")
    display(an.rtl_table(analysis.side_by_side({
        f"more in {chosen}": [forms.get(w, w) for w in over["term"]],
        "more in the others": [forms.get(w, w) for w in under["term"]],
    })))
    ax = lenses.keyness_chart(by_outlet, outlet_names.get(chosen, chosen), "المصادر الأخرى",
                              forms=forms, title="ما يميز مصدرا عن المصادر الأخرى")
    an.save_figure(ax.figure, "05-keyness-outlet", directory=figures_dir)
    plt.show()

# %% [markdown]
# ## Summary
#
# **What you learned**
# - Collocations compare how often two words meet with how often chance would bring them
#   together: PMI favours rare exclusive pairs, the t-score frequent ones, G² strong evidence,
#   logDice a balance that does not depend on the size of the corpus.
# - Keyness compares two parts of a corpus term by term: G² and its p-value for the evidence
#   of a difference, log ratio (and %DIFF) for its size.
# - With thousands of terms tested at once, a correction for multiple testing (here
#   Bonferroni) keeps chance differences from looking like findings.
# - Frequency is not spread: the number of documents holding a term (range) and Gries's DP
#   tell a term of a part from a term of one article; key terms should be found in several.
#
# **Pitfalls**
# - Two short texts give little evidence, however different they look: on the seeds no term
#   is significant, and the log ratios only describe these two texts.
# - An outlet's "key" words are often boilerplate (its name, agency credits, app prompts):
#   lesson 1 removes the repeated lines, not the outlet's name inside its sentences.
# - A term frequent in one article is not key to a part: look at `docs_a`/`docs_b` (range)
#   and DP before citing a key term; `key_terms` keeps terms of at least 5 documents.
# - PMI without a minimum frequency ranks one-off pairs first; say which measure you used.
# - Windows and pairs are counted after stop-word removal, on normalised terms: show the
#   words in their written forms, not as keys.
#
# **Where next**: lesson 6 finds the themes (topics) of a corpus and follows them over time.
#
# ## Exercises
#
# Each exercise ends with a cell that assigns your answer to a variable, and a cell that checks
# it: the check says whether you are right, or what is wrong, without giving the answer away.
# Run this cell first.

# %%
from arabic_news.exercises import check

# %% [markdown]
# ### Exercise 1: the most frequent company
#
# Among the collocates of `node_term` (same window and minimum frequency as above), which
# one has the highest **t-score**? Give the normalised term, as in the `collocate` column.

# %% tags=["solution"]
# Hint: sort the collocates table by its t_score column.
answer_5_1 = (collocates.sort_values(["t_score", "collocate"], ascending=[False, True])["collocate"].iloc[0]
              if len(collocates) else None)

# %%
check("5.1", answer_5_1, tokenized=tokenized, term=node_term, window=window, min_freq=min_freq)

# %% [markdown]
# ### Exercise 2: log ratio by hand
#
# Take the term with the largest G² in the comparison of the two periods. Compute its log
# ratio yourself from its counts (`freq_a`, `freq_b`) and the sizes of the two parts (the
# totals of `counts_a` and `counts_b`), with the 0.5 rule for a zero count. Give a number.

# %% tags=["solution"]
# Hint: a relative frequency is a count divided by the size of its part.
import math

answer_5_2 = None  # the exercise does not apply when the two parts could not be compared
if by_period is not None:
    term = by_period.iloc[0]
    freq_a, freq_b = term["freq_a"] or 0.5, term["freq_b"] or 0.5
    answer_5_2 = math.log2((freq_a / sum(counts_a.values())) / (freq_b / sum(counts_b.values())))

# %%
check("5.2", answer_5_2, counts_a=counts_a, counts_b=counts_b,
      term=None if by_period is None else by_period.iloc[0]["term"])

# %% [markdown]
# ### Exercise 3: what the later period says more
#
# In the comparison of the two periods, which term used more in the **later** period (side
# B) has the largest G²? Give the normalised term.

# %% tags=["solution"]
# Hint: keep the rows used more in "b"; the table is already sorted by G².
side_b = None if by_period is None else by_period[by_period["used_more_in"] == "b"]
answer_5_3 = side_b["term"].iloc[0] if side_b is not None and len(side_b) else None

# %%
check("5.3", answer_5_3, counts_a=counts_a, counts_b=counts_b)

# %% [markdown]
# ### Exercise 4: a less strict correction
#
# Bonferroni guards against *any* false key term. Benjamini–Hochberg (`correction="fdr_bh"`)
# only keeps the expected share of false ones among those reported under `alpha`. How many
# terms are significant in the comparison of the two periods with Benjamini–Hochberg?
# Give a whole number.

# %% tags=["solution"]
# Hint: analysis.keyness(..., correction="fdr_bh"), then count the significant rows.
answer_5_4 = None
if counts_a is not None:
    answer_5_4 = int(analysis.keyness(counts_a, counts_b, alpha=alpha, correction="fdr_bh")["significant"].sum())

# %%
check("5.4", answer_5_4, counts_a=counts_a, counts_b=counts_b, alpha=alpha)
