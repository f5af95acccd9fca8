"""How fast ``display_forms`` maps every key of a corpus to its usual written form, and
whether n-gram keys shown term by term equal their most frequent written form.

    python benchmarks/bench_display_forms.py --corpus /path/to/antcorpus-v2.1 [--top 50]

Times ``display_forms(corpus["text"], ArabicAnalyzer())`` (best of two runs, wall and CPU
seconds, since the machine may be shared; the corpus is
loaded first and not timed). Then, for the ``--top`` most frequent bigrams of the lessons'
analyzer, counts every written bigram that produced each key (one pass over the corpus,
pairing written tokens with their keys) and reports how often the most frequent written
bigram equals the term-by-term display form, and how many of the top terms and bigrams have
a display form that differs from their normalised key (the labels a lesson would otherwise
show misspelled). Writes ``benchmarks/results/display-forms.md``.
"""

import argparse
import os
import platform
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

import arabic_news as an
from arabic_news import analysis

RESULTS = Path(__file__).resolve().parent / "results" / "display-forms.md"


def exact_bigram_forms(texts, analyzer, wanted):
    """Most frequent written bigram behind each wanted bigram key, by brute force."""
    key_of: dict[str, str | None] = {}
    found: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        kept = []
        for word in an.tokenize(text, normalizer=None):
            if word not in key_of:
                keys = analyzer.tokens(word)
                key_of[word] = keys[0] if len(keys) == 1 else None
            if key_of[word] is not None:
                kept.append((key_of[word], word))
        for (k1, w1), (k2, w2) in zip(kept, kept[1:], strict=False):
            key = f"{k1} {k2}"
            if key in wanted:
                found[key][f"{w1} {w2}"] += 1
    return {key: min(c.items(), key=lambda item: (-item[1], item[0]))[0]
            for key, c in found.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    corpus = an.load_corpus(args.corpus, on_error="skip", progress=False)
    analyzer = an.ArabicAnalyzer()
    runs, cpu = [], []
    for _ in range(2):
        start, start_cpu = time.perf_counter(), time.process_time()
        forms = an.display_forms(corpus["text"], analyzer)
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    counts = analysis.ngram_counts(corpus["text"], analyzer.tokens, sizes=(1, 2))
    top_terms = analysis.ranked_terms(counts[1], n=args.top)["term"].tolist()
    top_bigrams = analysis.ranked_terms(counts[2], n=args.top)["term"].tolist()
    exact = exact_bigram_forms(corpus["text"], analyzer, set(top_bigrams))
    agree = [key for key in top_bigrams if exact.get(key) == forms[key]]
    differ_terms = [(key, forms[key]) for key in top_terms if forms[key] != key]
    differ_bigrams = [(key, forms[key]) for key in top_bigrams if forms[key] != key]
    disagree = [(key, forms[key], exact.get(key)) for key in top_bigrams if key not in agree]
    lines = [
        "# display_forms on a corpus",
        "",
        f"Corpus: `{Path(args.corpus).name}` ({len(corpus):,} articles, "
        f"{corpus['text'].str.len().sum() / 1e6:.1f} M characters); {len(forms):,} term keys.",
        "",
        "| what | figure |",
        "|---|---|",
        f"| `display_forms(corpus['text'], ArabicAnalyzer())`, best of 2 | "
        f"{min(runs):.1f} s wall (runs: {', '.join(f'{r:.1f}' for r in runs)}); "
        f"{min(cpu):.1f} s CPU |",
        f"| top {args.top} bigrams whose term-by-term form is their most frequent written "
        f"bigram | {len(agree)} of {len(top_bigrams)} |",
        f"| top {args.top} terms whose normalised key is not how the corpus usually writes "
        f"them | {len(differ_terms)} |",
        f"| top {args.top} bigrams likewise | {len(differ_bigrams)} |",
        "",
        "Keys that a chart labelled with normalised keys would show misspelled (key → shown):",
        "",
        "; ".join(f"{key} → {form}" for key, form in differ_terms + differ_bigrams) or "none",
        "",
        "Bigrams whose most frequent written form differs from the term-by-term form "
        "(key, shown, most frequent written):",
        "",
        "; ".join(f"{k} / {f} / {e}" for k, f, e in disagree) or "none",
        "",
        f"Reproduce: `.venv/bin/python benchmarks/bench_display_forms.py --corpus <ANT> "
        f"--top {args.top}`",
        "",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average before the run "
        f"{load_before:.2f} (three other engineers share the 2 cores: figures are slowed)",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
