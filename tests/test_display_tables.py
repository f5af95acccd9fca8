"""The display API: right-to-left tables, keyword in context, isolates and RTL blocks.

How these render in a real browser is proven in tests/browser; here the markup is checked.
"""

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabic_news as an
from arabic_news.display.bidi_text import FSI, PDI, RLI
from arabic_news.display.tables import format_value


class Cells(HTMLParser):
    """Collects the table's attributes and every cell as (tag, attributes, text)."""

    def __init__(self):
        super().__init__()
        self.table, self.cells, self._open = None, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.table = dict(attrs)
        if tag in ("td", "th"):
            self._open = [tag, dict(attrs), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[2] += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._open is not None:
            self.cells.append(tuple(self._open))
            self._open = None


def parse(html):
    parser = Cells()
    parser.feed(html)
    return parser


def test_rtl_table_is_right_to_left_with_a_direction_on_every_cell():
    frame = pd.DataFrame({"term": ["الأمن", "G20", "قمة G20 في 2016"],
                          "count": [1234, 5, 7], "share": [0.5, -0.25, 0.125]})
    parsed = parse(an.rtl_table(frame)._repr_html_())
    assert parsed.table["dir"] == "rtl"
    headers = [text for tag, _, text in parsed.cells if tag == "th"]
    assert headers == ["term", "count", "share"]
    body = [(attrs["dir"], text) for tag, attrs, text in parsed.cells if tag == "td"]
    assert body == [("rtl", "الأمن"), ("ltr", "1,234"), ("ltr", "0.500"),
                    ("ltr", "G20"), ("ltr", "5"), ("ltr", "-0.250"),
                    ("rtl", "قمة G20 في 2016"), ("ltr", "7"), ("ltr", "0.125")]


def test_rtl_table_headers_index_and_missing_values():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "published": [pd.Timestamp("2016-08-01"), None],
                          "flag": [True, False]},
                         index=pd.Index([1, 2], name="rank"))
    table = an.rtl_table(frame, headers={"flag": "on by default"})
    assert list(table.frame.columns) == ["rank", "article", "published", "on by default"]
    assert table.frame.values.tolist() == [["1", "a", "2016-08-01", "yes"],
                                           ["2", "b", "\u2014", "no"]]
    cells = parse(table.to_html()).cells
    assert [tag for tag, _, _ in cells[4:8]] == ["th", "td", "td", "td"], "the index is a header"
    arabic = an.rtl_table(frame, language="ar", index=False)
    assert list(arabic.frame.columns)[:2] == ["المقال", "تاريخ النشر"]
    assert arabic.frame.iloc[0, 2] == "نعم"


def test_rtl_table_is_deterministic_and_has_no_ids_styles_or_scripts():
    frame = pd.DataFrame({"term": ["حلب"], "count": [3]})
    first, second = an.rtl_table(frame)._repr_html_(), an.rtl_table(frame)._repr_html_()
    assert first == second
    assert not re.search(r"\bid=|<style|<script", first)
    assert "حلب" in repr(an.rtl_table(frame))


def test_rtl_table_rejects_bad_input_with_a_way_out():
    with pytest.raises(TypeError, match="DataFrame or Series"):
        an.rtl_table([1, 2])
    with pytest.raises(ValueError, match="language"):
        an.rtl_table(pd.DataFrame({"a": [1]}), language="fr")
    with pytest.raises(ValueError, match="same header"):
        an.rtl_table(pd.DataFrame({"a": [1], "b": [2]}), headers={"a": "x", "b": "x"})
    with pytest.raises(ValueError, match="max_rows"):
        an.rtl_table(pd.DataFrame({"a": [1]}), max_rows=0)


def test_rtl_table_shows_a_series_and_multiindex_columns():
    series = pd.Series({"articles": 2, "first date": "2016-08-01"}, dtype=object, name="value")
    assert an.rtl_table(series).frame.values.tolist() == [["articles", "2"],
                                                          ["first date", "2016-08-01"]]
    wide = pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "x"), ("a", "y")]))
    assert list(an.rtl_table(wide).frame.columns) == ["a / x", "a / y"]


@given(st.lists(st.text(alphabet="حلب<>&\"' G2\u00a0\u200f", max_size=12), min_size=1, max_size=5))
def test_every_cell_is_escaped_and_its_direction_follows_its_letters(texts):
    parsed = parse(an.rtl_table(pd.DataFrame({"text": texts}))._repr_html_())
    body = [(attrs, text) for tag, attrs, text in parsed.cells if tag == "td"]
    assert [text for _, text in body] == texts
    for attrs, text in body:
        assert attrs["dir"] == ("rtl" if re.search("[حلب]", text) else "ltr")


def test_format_value_keeps_numbers_readable():
    assert format_value(1234567) == "1,234,567"
    assert format_value(-0.5, decimals=2) == "-0.50"
    assert format_value(float("nan")) == "\u2014"
    assert format_value(pd.Timestamp("2016-11-17 08:30")) == "2016-11-17 08:30"


def kwic_rows():
    return pd.DataFrame({"doc_id": ["000", "001"], "before": ["الاشتباكات في", "وصل إلى"],
                         "keyword": ["حلب", "حلب"], "after": ["الرئيس الروسي", ""]})


def test_kwic_table_reads_before_keyword_after_from_the_right():
    table = an.kwic_table(kwic_rows()[["before", "keyword", "after", "doc_id"]])
    assert list(table.frame.columns) == ["article", "before", "keyword", "after"]
    parsed = parse(table.to_html())
    assert parsed.table["dir"] == "rtl", "first column (the article) on the right"
    aligns = {text: attrs["style"] for tag, attrs, text in parsed.cells if tag == "th"}
    assert aligns["before"].endswith("left"), "before ends against the keyword"
    assert aligns["keyword"].endswith("center")
    assert aligns["after"].endswith("right"), "after starts against the keyword"
    assert "<strong>حلب</strong>" in table.to_html()


def test_kwic_table_names_the_missing_columns():
    with pytest.raises(ValueError, match=r"missing \['before', 'after'\]"):
        an.kwic_table(pd.DataFrame({"left": ["x"], "keyword": ["y"], "right": ["z"]}))


def test_keyword_in_context_gives_before_and_after():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["قال الوفد في حلب أمس"]})
    from arabic_news import analysis
    table = analysis.keyword_in_context(corpus, "حلب", an.normalize, window=2)
    assert table[["before", "keyword", "after"]].values.tolist() == [["الوفد في", "حلب", "أمس"]]


def test_isolate_wraps_arabic_lines_only_and_is_idempotent():
    assert an.isolate("G20 summit") == "G20 summit"
    assert an.isolate("اليوم الإثنين") == f"{FSI}اليوم الإثنين{PDI}"
    two = an.isolate("سطر\nline\n17 نوفمبر")
    assert two.split("\n") == [f"{FSI}سطر{PDI}", "line", f"{FSI}17 نوفمبر{PDI}"]
    assert an.isolate(two) == two
    with pytest.raises(TypeError, match="str"):
        an.isolate(17)


def test_rtl_block_is_a_right_to_left_div_with_the_line_breaks():
    block = an.rtl_block("سطر <أول>\nسطر ثان")
    html = block._repr_html_()
    assert html.startswith('<div class="an-rtl-block" dir="rtl" lang="ar"')
    assert "سطر &lt;أول&gt;<br>سطر ثان" in html
    assert repr(block).split("\n")[0] == f"{RLI}سطر <أول>{PDI}"
    with pytest.raises(ValueError, match="language tag"):
        an.rtl_block("x", lang="<script>")
