"""The checks fail on the tables the lessons showed before the display API: a check that
cannot fail proves nothing."""

from __future__ import annotations

import pandas as pd

import arabic_news as an
from arabic_news import analysis

from .layout import PROBE, bidi_problems, kwic_problems, table_problems

SAMPLE = "قال “المتحدث”\u00a0إنّ الـ15 جندياً، عادوا فى يوم الأحد؟"
TEXT = ("قال المتحدث باسم الكرملين إن الاشتباكات في حلب. الرئيس الروسي فلاديمير بوتين "
        "أكد أن القوات في حلب تواصل عملها")


def render(browser, tmp_path, html):
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><meta charset="utf-8"><body style="font-size:16px">'
                    f'<div class="jp-OutputArea-output">{html}</div></body>', encoding="utf-8")
    browser.get(page.as_uri())
    return browser.execute_script(PROBE, None, "table", "bdi")["tables"]


def kwic():
    corpus = pd.DataFrame({"doc_id": ["000"], "text": [TEXT]})
    return analysis.keyword_in_context(corpus, "حلب", an.normalize, window=3)


def test_the_old_left_keyword_right_table_is_rejected(browser, tmp_path):
    old = kwic().rename(columns={"before": "left", "after": "right"})
    (table,) = render(browser, tmp_path, old.to_html())
    problems = kwic_problems(table)
    assert len(problems) == 2 * len(old), problems  # before and after wrong on every row
    assert "(before) is not to the right" in problems[0]


def test_the_new_keyword_in_context_table_is_accepted(browser, tmp_path):
    (table,) = render(browser, tmp_path, an.kwic_table(kwic())._repr_html_())
    assert table_problems(table) == []


def test_a_mixed_cell_in_a_left_to_right_table_is_rejected(browser, tmp_path):
    old = pd.DataFrame({"step": ["as written"], "text": [repr(SAMPLE)]})
    (table,) = render(browser, tmp_path, old.to_html())
    cell = table["rows"][0][2]
    assert bidi_problems(cell["text"], cell["tokens"]), "LTR paragraph order must be caught"
    marker = pd.DataFrame({"before": ["وموسكو<U+00A0>الـ15"]})
    (table,) = render(browser, tmp_path, marker.to_html())
    cell = table["rows"][0][1]
    assert bidi_problems(cell["text"], cell["tokens"])


def test_an_old_ltr_table_is_rejected_for_its_column_order(browser, tmp_path):
    old = pd.DataFrame({"term": ["الأمن"], "count": [5]})
    (table,) = render(browser, tmp_path, old.to_html(index=False))
    assert any("not the rightmost" in p for p in table_problems(table))
    (table,) = render(browser, tmp_path, an.rtl_table(old)._repr_html_())
    assert table_problems(table) == []


def test_mixed_cells_of_the_display_api_follow_the_algorithm(browser, tmp_path):
    cells = pd.DataFrame({"text": [analysis.visible(SAMPLE), "قمة G20 في الرياض عام 2016",
                                   "وموسكو" + analysis.visible("\u00a0") + "الـ15"]})
    (table,) = render(browser, tmp_path, an.rtl_table(cells)._repr_html_())
    assert table_problems(table) == []
    tokens = [t["text"] for row in table["rows"] for t in row[0]["tokens"]]
    assert {"G", "20", "U", "00"} <= set(tokens), "Latin and digits inside Arabic were measured"
