"""No chart or table of the lessons shows a normalised key where the corpus usually writes the
word otherwise (on the seeds; benchmarks/check_labels.py runs the same audit on ANT)."""

import importlib.util
from pathlib import Path

import pytest

import arabic_news as an
from arabic_news.display.audit import normalised_labels

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "check_labels.py"


def load_checker():
    spec = importlib.util.spec_from_file_location("check_labels", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def forms():
    return an.display_forms(an.load_corpus()["text"])


def test_the_audit_finds_keys_shown_as_labels(forms):
    labels = ["الروسيه", "وزاره الدفاع", "الروسية (الروسيه)", "حلب", "الروسية", "G20",
              "نوفمبر\n2016"]
    assert normalised_labels(labels, forms) == [("الروسيه", "الروسية"),
                                                ("وزاره الدفاع", "وزارة الدفاع")]


def test_the_lessons_show_no_normalised_key_on_the_seeds():
    findings, counts = load_checker().audit(None)
    assert counts["chart labels"] > 50 and counts["table cells"] > 200, counts
    assert findings == []
