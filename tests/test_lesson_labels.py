"""No chart or table of the lessons shows a normalised key where the corpus usually writes the
word otherwise (on the seeds; benchmarks/check_labels.py runs the same audit on ANT).

The lessons are executed by :mod:`executed_lessons`, once per test run: the engine comparison
(``test_lesson_engines.py``) reads the same executions of lessons 01-04."""

import sys
from pathlib import Path

import pytest

import arabic_news as an
from arabic_news.display.audit import normalised_labels

sys.path.insert(0, str(Path(__file__).parent))
from executed_lessons import executed_on_seeds, load_checker, shared_folder  # noqa: E402


@pytest.fixture(scope="module")
def forms():
    return an.display_forms(an.load_corpus()["text"])


def test_the_audit_finds_keys_shown_as_labels(forms):
    labels = ["الروسيه", "وزاره الدفاع", "الروسية (الروسيه)", "حلب", "الروسية", "G20",
              "نوفمبر\n2016"]
    assert normalised_labels(labels, forms) == [("الروسيه", "الروسية"),
                                                ("وزاره الدفاع", "وزارة الدفاع")]


def test_the_lessons_show_no_normalised_key_on_the_seeds(tmp_path_factory):
    folder = shared_folder(tmp_path_factory)
    findings, counts = load_checker().audit(
        None, executed=lambda lesson: executed_on_seeds(folder, lesson)[0])
    assert counts["chart labels"] > 50 and counts["table cells"] > 200, counts
    assert findings == []
