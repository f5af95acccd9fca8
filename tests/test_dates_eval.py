"""Precision and recall of extract_dates on the annotated set tests/data/date_eval.jsonl.

The set (written before the extractor was tuned) holds realistic news sentences with their
publication day and every date expression in them, plus sentences with no date (ages,
counts, resolution numbers, names such as ثورة 25 يناير, words like مارس "practised").
The scoring rule is documented in tools/date_evaluation.py.
"""

from pathlib import Path

import pytest
from date_evaluation import Example, Span, load_examples, score

from arabic_news import extract_dates
from arabic_news.dates.folding import fold
from arabic_news.dates.patterns import DATE_PATTERN, UNGATED_PATTERN
from arabic_news.errors import CorpusError

EVAL = Path(__file__).parent / "data" / "date_eval.jsonl"


def predict(example: Example) -> list[Span]:
    return [Span(m.start, m.end, m.value, m.granularity, m.text)
            for m in extract_dates(example.sentence, example.published)]


@pytest.fixture(scope="module")
def examples():
    return load_examples(EVAL)


def test_the_set_is_large_enough(examples):
    assert sum(len(e.gold) for e in examples) >= 100
    assert sum(1 for e in examples if not e.gold) >= 15


def test_precision_and_recall_at_least_095(examples):
    result = score(examples, predict)
    assert result.precision >= 0.95, result.errors
    assert result.recall >= 0.95, result.errors


def test_scoring_counts_wrong_values_and_misses(examples):
    nothing = score(examples, lambda e: [])
    assert (nothing.recall, nothing.correct) == (0.0, 0)
    shifted = score(examples, lambda e: [
        Span(s.start, s.end, s.value.replace(year=s.value.year + 1), s.granularity)
        for s in predict(e) if s.value is not None
    ])
    assert shifted.correct == 0 and shifted.precision == 0.0


def test_the_gate_drops_no_match(examples):
    """The fast pre-check must never hide a match the full pattern would find."""
    texts = [e.sentence for e in examples]
    texts += [p.read_text(encoding="utf-8") for p in (EVAL.parents[2] / "seeds").glob("*.txt")]
    for text in texts:
        folded = fold(text).folded
        gated = [m.span() for m in DATE_PATTERN.finditer(folded)]
        assert gated == [m.span() for m in UNGATED_PATTERN.finditer(folded)], text


def test_bad_evaluation_lines_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"sentence": "أمس", "published": "2016-11-18", "mentions": []}\n'
                   '{"sentence": "أمس", "published": "2016-11-18", "mentions": '
                   '[{"text": "غدا", "value": "2016-11-19", "granularity": "day"}]}\n',
                   encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2"):
        load_examples(bad)
