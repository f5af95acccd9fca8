"""docs/_ext/arabic_prose.py: which runs of Arabic prose get a <bdi>."""

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("sphinx")
PATH = Path(__file__).resolve().parents[2] / "docs" / "_ext" / "arabic_prose.py"
spec = importlib.util.spec_from_file_location("arabic_prose", PATH)
arabic_prose = importlib.util.module_from_spec(spec)
spec.loader.exec_module(arabic_prose)


def _runs(text):
    return [match.group(0) for match in arabic_prose.RUN.finditer(text)]


@pytest.mark.parametrize(("text", "runs"), [
    ("the words في، من، على are stop words", ["في، من، على"]),
    ("Bare years («عام 2016») are left out", ["عام 2016"]),
    ("dates such as 17 نوفمبر and الـ15", ["17 نوفمبر", "الـ15"]),
    ("English only, 2016 and G20", []),
    ("مجلس الأمن in 2016", ["مجلس الأمن"]),
])
def test_a_run_holds_the_arabic_words_and_the_numbers_among_them(text, runs):
    assert _runs(text) == runs


def test_isolate_wraps_each_run_and_keeps_the_rest_as_text():
    parts = arabic_prose.isolate("between «حلب» & 2016")
    html = "".join(p.astext() if p.tagname == "raw" else str(p) for p in parts)
    assert html == 'between «<bdi class="ar" lang="ar">حلب</bdi>» & 2016'
    assert [p.tagname for p in parts] == ["#text", "raw", "#text"]
