"""The browser itself: it starts offline and lays Arabic out right to left in an RTL block."""


def test_chromium_lays_out_an_rtl_paragraph_right_to_left(browser, tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><meta charset="utf-8">'
                    '<p dir="rtl" id="p" style="font-size:24px">'
                    '<span id="a">موسكو</span> <span id="b">تعلن</span></p>', encoding="utf-8")
    browser.get(page.as_uri())
    x_first = browser.find_element("id", "a").rect["x"]
    x_second = browser.find_element("id", "b").rect["x"]
    assert x_first > x_second, "the first word of an RTL paragraph must lie to the right"
