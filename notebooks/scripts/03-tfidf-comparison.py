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
# # 3. TF-IDF: what makes each article distinctive, and how alike they are
#
# A raw count favours words that are frequent everywhere. TF-IDF (term frequency × inverse
# document frequency) weighs a term up when it is frequent in one document and down when it
# appears in many: the highest-weighted terms of an article are the ones that set it apart from
# the rest of the corpus. Each article becomes a vector of weights, and the cosine of the angle
# between two vectors measures how alike two articles are (1: same weighted vocabulary, 0:
# nothing shared).
#
# We use scikit-learn's `TfidfVectorizer` with the project's `ArabicAnalyzer`, so that Arabic is
# normalised and tokenised properly before weighting.

# %% tags=["parameters"]
corpus_path = None  # None: the bundled seeds; or a folder, CSV, JSONL, Parquet or ANT corpus
figures_dir = None  # None: ../figures for the seeds, output/figures/<corpus>/ for another corpus
distinctive_n = 10  # distinctive terms per article
max_articles = 12  # articles compared (a fixed random sample when the corpus is larger)
settings_documents = 2000  # documents used to compare weighting settings
random_state = 0
chart_language = "ar"  # language of the charts' text: "ar" or "en"

# %%
import matplotlib.pyplot as plt
from IPython.display import display

import arabic_news as an
from arabic_news import analysis

an.use_arabic_style(language=chart_language)
corpus = an.load_corpus(corpus_path)
figures_dir = an.figures_folder(corpus_path, figures_dir)
articles = analysis.sample_articles(corpus, max_articles, random_state=random_state)
analyzer = an.ArabicAnalyzer()
forms = an.display_forms(corpus["text"], analyzer)  # normalised term -> usual written form
print(f"{len(corpus)} articles; comparing {len(articles)}")

# %% [markdown]
# ## Distinctive terms
#
# We fit TF-IDF on the whole corpus, so that the document frequencies are the corpus's, and
# show the articles being compared. With only two articles, a term found in both gets the
# lowest IDF, so distinctive terms are the ones found in one article only. Terms are shown in
# their usual written form in the corpus.

# %%
try:
    matrix, vectorizer = analysis.tfidf_matrix(corpus["text"], analyzer, sublinear_tf=True)
except analysis.NotApplicable as reason:  # e.g. every text is stop words
    matrix = None
    print(f"No TF-IDF: {reason}.")
if matrix is not None:
    positions = corpus.index.get_indexer(articles.index)
    labels = analysis.document_labels(articles)  # headlines, unique even for reprints
    distinctive = analysis.distinctive_terms(matrix[positions], vectorizer,
                                             articles["doc_id"].tolist(), n=distinctive_n)
    distinctive["term"] = forms.labels(distinctive["term"])
    display(an.rtl_table(distinctive.pivot(index="rank", columns="document", values="term")
                         .rename(columns=labels)))

# %% [markdown]
# ## How alike are the articles?
#
# Cosine similarity between the TF-IDF vectors, one row and one column per article, labelled
# with its headline.

# %%
if matrix is not None:
    similarity = analysis.similarity_table(matrix[positions], labels.tolist())
    display(an.rtl_table(similarity, decimals=3))

# %%
if matrix is not None:
    ax = an.heatmap(similarity.to_numpy(), similarity.index.tolist(),
                    title="تشابه المقالات (جيب التمام)")
    an.save_figure(ax.figure, "03-similarity-heatmap", directory=figures_dir)
    plt.show()

# %% [markdown]
# ## What the weighting settings change
#
# Three settings of `TfidfVectorizer` change what counts:
# - `sublinear_tf=True` replaces a term's count *c* by 1 + log *c*, so that a word repeated
#   twenty times does not outweigh everything else;
# - `min_df` drops terms found in fewer than that many documents (typos, rare names);
# - `max_df` drops terms found in more than that share of documents (words that say nothing
#   about any one document).
# N-grams are set on the analyzer: bigrams add phrases such as <bdi>مجلس الأمن</bdi> to the vocabulary.
#
# These settings need more than two documents to mean anything. When the corpus is that small,
# we compare its *passages* (lines and sentences of at least 60 characters) instead; on a large
# corpus, a fixed sample of `settings_documents` articles keeps this quick.

# %%
documents = analysis.documents_for_comparison(corpus, settings_documents, random_state=random_state)
print(f"{len(documents)} documents")
try:
    effects = analysis.tfidf_settings_effects(
        documents["text"].tolist(),
        analyzers={"words": analyzer, "words + bigrams": an.ArabicAnalyzer(ngram_range=(1, 2))},
        settings={
            "raw counts": {},
            "sublinear tf": {"sublinear_tf": True},
            "min_df=2": {"min_df": 2},
            "max_df=0.3": {"max_df": 0.3},
        },
    )
    display(an.rtl_table(effects, decimals=3))
except analysis.NotApplicable as reason:  # too few documents, or no term at all
    print(f"No comparison: {reason}.")
