"""Unit and property tests for arabic_news.dates (extract_dates, DateMention, dates_table)."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_news import DateMention, dates_table, extract_dates
from arabic_news.dates.folding import fold

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
WEEKDAYS_AR = ("الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MONTHS_EG = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر")
MONTHS_LEVANT = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                 "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول")
MONTHS_MAGHREB = ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت",
                  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def only(text, published=None):
    mentions = extract_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def seed(name):
    return (SEEDS / name).read_text(encoding="utf-8")


# --- the seed articles: every date expression, with offsets -------------------------------

def test_seed_000_all_expressions_with_offsets():
    text = seed("000_18535250bd557d73.txt")
    got = [(m.start, m.end, m.text, m.value, m.granularity, m.relative)
           for m in extract_dates(text, "2016-08-01")]
    first = text.index("اليوم الإثنين")
    saturday = text.index("يوم السبت الماضي")
    second = text.index("اليوم الاثنين")
    assert got == [
        (first, first + 13, "اليوم الإثنين", date(2016, 8, 1), "day", True),
        (saturday, saturday + 16, "يوم السبت الماضي", date(2016, 7, 30), "day", True),
        (second, second + 13, "اليوم الاثنين", date(2016, 8, 1), "day", True),
    ]


def test_seed_001_all_expressions_with_offsets():
    text = seed("001_887d7dc72d5a122c.txt")
    got = [(m.start, m.text, m.value, m.granularity) for m in extract_dates(text, "2016-11-18")]
    assert got == [
        (text.index("هذا الأسبوع"), "هذا الأسبوع", date(2016, 11, 14), "week"),
        (text.index("نوفمبر"), "نوفمبر", date(2016, 11, 1), "month"),
    ]
    assert "رقم 2254" in text  # the resolution number is there and is not a year


# --- relative expressions ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "granularity"), [
    ("وقع الحادث أمس الخميس في المدينة", date(2016, 11, 17), "day"),
    ("وأفرج عنه أول أمس بعد التحقيق", date(2016, 11, 16), "day"),
    ("ويعقد الاجتماع غداً في الرياض", date(2016, 11, 19), "day"),
    ("وتجرى الانتخابات بعد غد في البلاد", date(2016, 11, 20), "day"),
    ("وعاد الوفد الأحد الماضي إلى بلاده", date(2016, 11, 13), "day"),
    ("ويصل الوفد الأحد المقبل إلى بلاده", date(2016, 11, 20), "day"),
    ("ويصل الوفد الأحد القادم إلى بلاده", date(2016, 11, 20), "day"),
    ("وسوف يصل الوفد الأحد إلى بلاده", date(2016, 11, 20), "day"),
    ("ووصل الوفد الأحد إلى بلاده", date(2016, 11, 13), "day"),
    ("وقال اليوم الجمعة إن", date(2016, 11, 18), "day"),
    ("وانخفض المؤشر هذا الأسبوع", date(2016, 11, 14), "week"),
    ("وانخفض المؤشر الشهر الماضي", date(2016, 10, 1), "month"),
    ("وانخفض المؤشر خلال العام الماضي", date(2015, 1, 1), "year"),
    ("وسيرتفع المؤشر السنة المقبلة", date(2017, 1, 1), "year"),
    ("واندلعت المعارك منذ ثلاثة أيام", date(2016, 11, 15), "day"),
    ("واندلعت المعارك منذ 3 أيام", date(2016, 11, 15), "day"),
    ("واندلعت المعارك منذ ٣ أيام", date(2016, 11, 15), "day"),
    ("واندلعت المعارك منذ خمسة وعشرين عاما", date(1991, 1, 1), "year"),
    ("واندلعت المعارك منذ أحد عشر شهرا", date(2015, 12, 1), "month"),
    ("وتوقف القتال منذ أسبوع", date(2016, 11, 7), "week"),
    ("وعقدت الجلسة في نوفمبر الماضي", date(2015, 11, 1), "month"),
    ("وتعقد الجلسة في يناير", date(2017, 1, 1), "month"),
    ("وعقدت الجلسة في مايو", date(2016, 5, 1), "month"),
    ("وانهارت الهدنة في 21 أكتوبر", date(2016, 10, 21), "day"),
    ("وتنتهي المهلة في 2 يناير", date(2017, 1, 2), "day"),
    ("وانتهت المهلة في 2 يناير الماضي", date(2016, 1, 2), "day"),
])
def test_relative_expressions_resolve_against_published(text, value, granularity):
    mention = only(text, date(2016, 11, 18))
    assert (mention.value, mention.granularity, mention.relative) == (value, granularity, True)


def test_relative_mentions_without_published_have_no_value():
    mentions = extract_dates("وقال أمس الخميس إن الوفد سيصل الأسبوع المقبل في 17 نوفمبر")
    assert [m.value for m in mentions] == [None, None, None]
    assert all(m.relative for m in mentions)
    absolute = only("ووقع الاتفاق في 17 نوفمبر 2016")
    assert (absolute.value, absolute.relative) == (date(2016, 11, 17), False)


@pytest.mark.parametrize("published", [
    date(2016, 11, 18), datetime(2016, 11, 18, 23, 0), "2016-11-18", "2016-11-18T10:00:00+00:00",
    pd.Timestamp("2016-11-18 02:20:10", tz="UTC"),
])
def test_published_accepts_every_documented_type(published):
    assert only("وقع أمس الخميس", published).value == date(2016, 11, 17)


@pytest.mark.parametrize("bad", ["18/11/2016", "yesterday", 20161118])
def test_bad_published_is_rejected_with_advice(bad):
    with pytest.raises((ValueError, TypeError), match="published"):
        extract_dates("أمس", bad)


def test_weekday_with_explicit_date_prefers_the_date_and_flags_a_mismatch():
    right = only("وصوت المجلس أمس الخميس 17 نوفمبر", "2016-11-18")
    assert (right.value, right.flag) == (date(2016, 11, 17), None)
    wrong = only("وصوت المجلس يوم الثلاثاء 17 نوفمبر 2016", "2016-11-18")
    assert wrong.value == date(2016, 11, 17)
    assert "Tuesday" in wrong.flag and "Thursday" in wrong.flag


def test_today_with_a_weekday_that_is_not_the_publication_day_is_flagged():
    mention = only("وقال اليوم الأحد", "2016-11-18")  # a Friday
    assert mention.value == date(2016, 11, 20)
    assert "mismatch" in mention.flag


# --- absolute expressions ------------------------------------------------------------------

@pytest.mark.parametrize("names", [MONTHS_EG, MONTHS_LEVANT, MONTHS_MAGHREB])
def test_every_month_name_with_day_and_year(names):
    for number, name in enumerate(names, 1):
        mention = only(f"وجرى ذلك في 3 {name} 2015 في العاصمة")
        assert (mention.value, mention.granularity) == (date(2015, number, 3), "day"), name
        month = only(f"وجرى ذلك في {name} 2015 في العاصمة")
        assert (month.value, month.granularity) == (date(2015, number, 1), "month"), name


@pytest.mark.parametrize(("text", "value", "granularity"), [
    ("ولد في يوليو/ تموز 1939", date(1939, 7, 1), "month"),
    ("ولد في 5 تموز (يوليو) 1939", date(1939, 7, 5), "day"),
    ("صدر القرار في 17/11/2016", date(2016, 11, 17), "day"),
    ("صدر القرار في 2016-11-17", date(2016, 11, 17), "day"),
    ("صدر القرار في ١٧/١١/٢٠١٦", date(2016, 11, 17), "day"),
    ("صدر القرار عام 2010", date(2010, 1, 1), "year"),
    ("صدر القرار سنة ٢٠١٦", date(2016, 1, 1), "year"),
    ("صدر القرار في 2016م", date(2016, 1, 1), "year"),
    ("وفى الأول من يناير 2017 بدأ العمل", date(2017, 1, 1), "day"),
    ("ومنذ الحادي والعشرين من مارس 2017", date(2017, 3, 21), "day"),
    ("في 15 رمضان 1437 هـ", date(2016, 6, 20), "day"),
    ("خلال رمضان 1437هـ", date(2016, 6, 6), "month"),
    ("في عام 1437 هـ", date(2015, 10, 14), "year"),
])
def test_absolute_forms(text, value, granularity):
    mention = only(text, "2016-11-18")
    assert (mention.value, mention.granularity) == (value, granularity)


def test_hijri_mentions_say_so():
    assert only("في 15 رمضان 1437 هـ").calendar == "hijri"
    assert only("في 15 يونيو 2016").calendar == "gregorian"


@pytest.mark.parametrize("text", [
    "وقد مارس الرياضة منذ صغره",  # مارس the verb
    "وقالت تيريزا ماي إن",  # ماي the name
    "وزار أب الضحية المستشفى",  # أب father
    "وأصدر مجلس الأمن القرار رقم 2254",  # a resolution number
    "ويبلغ من العمر 45 عاما",  # an age
    "وقتل 14 شخصا في 3 هجمات",  # counts
    "وخرج أنصار قوى 14 آذار",  # a name
    "في ذكرى ثورة 25 يناير",  # a name
    "ووصل الأحد عشر لاعبا",  # eleven
    "وحل يرضي الاثنين معا",  # the two
    "وغدا الوضع أكثر خطورة",  # غدا the verb
    "وتصدر كل يوم جمعة",  # every Friday
    "وانتشر الجنود في 2000 موقع",  # a count after a preposition
    "بدأ منذ سنوات",  # vague
    "ولد في 31 فبراير 2015",  # no such day
])
def test_no_false_positives(text):
    assert extract_dates(text, "2016-11-18") == []


def test_spelling_variants_and_attached_prefixes():
    variants = ["الإثنين الماضي", "الاثنين الماضي", "الأثنين الماضي", "الإثنيـن الماضي",
                "الإثنينِ الماضي", "والإثنين الماضي"]
    for text in variants:
        assert only(text, "2016-11-18").value == date(2016, 11, 14), text
    assert only("وفى 3 إبريل 2016").value == only("في 3 ابريل 2016").value == date(2016, 4, 3)
    assert only("ومنذ ثلاثة أيام", "2016-11-18").text == "منذ ثلاثة أيام"


# --- properties -----------------------------------------------------------------------------

MARKS = st.sampled_from(["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640",
                         "\u200f"])


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)),
       st.sampled_from([MONTHS_EG, MONTHS_LEVANT, MONTHS_MAGHREB]), st.booleans(),
       st.lists(st.tuples(st.integers(0, 200), MARKS), max_size=8))
def test_any_explicit_date_roundtrips_with_offsets(day, names, indic, marks):
    core = f"{day.day} {names[day.month - 1]} {day.year}"
    if indic:
        core = core.translate(INDIC)
    text = f"وذكرت الوكالة أن الاجتماع عقد يوم {core} في العاصمة."
    for position, mark in sorted(marks, reverse=True):  # marks after letters only
        position %= len(text)
        if text[position].isalpha() and "\u0600" <= text[position] <= "\u06ff":
            text = text[:position + 1] + mark + text[position + 1:]
    mentions = extract_dates(text)
    assert [(m.value, m.granularity) for m in mentions] == [(day, "day")]
    assert all(text[m.start:m.end] == m.text for m in mentions)


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 6),
       st.sampled_from(["الماضي", "المقبل", ""]))
def test_weekday_resolution_lands_on_that_weekday_within_a_week(published, weekday, marker):
    text = f"وجرى ذلك يوم {WEEKDAYS_AR[weekday]} {marker}".strip()
    value = only(text, published).value
    assert value.weekday() == weekday
    delta = (value - published).days
    if marker == "الماضي":
        assert -7 <= delta < 0
    elif marker == "المقبل":
        assert 0 < delta <= 7
    else:
        assert -6 <= delta <= 0


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويىةأإآ 0123456789/-،."
                                             "\u064e\u0651\u0640")), max_size=120))
def test_offsets_always_index_the_original_text(text):
    for mention in extract_dates(text, "2016-11-18"):
        assert text[mention.start:mention.end] == mention.text
        assert mention.granularity in ("day", "week", "month", "year")


def test_folding_maps_every_kept_character_back():
    text = "يومَ الخمـيسِ ١٥ إبريل"
    folded = fold(text)
    assert folded.folded == "يوم الخميس 15 ابريل"
    for i, char in enumerate(folded.folded):
        assert fold(text[folded.to_original(i)]).folded == char


# --- dates_table ------------------------------------------------------------------------------

def test_dates_table_from_a_corpus_frame():
    frame = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "text": ["وصل أمس الخميس", "لا تاريخ هنا", "وصل أمس ثم في 3 مايو 2015"],
        "published": pd.to_datetime(["2016-11-18T01:00:00Z", None, None], utc=True),
    })
    table = dates_table(frame)
    assert list(table.columns) == ["doc_id", "start", "end", "text", "value", "granularity",
                                   "relative", "flag", "calendar"]
    assert table["doc_id"].tolist() == ["a", "c", "c"]
    assert table["value"].tolist()[0] == pd.Timestamp("2016-11-17")
    assert pd.isna(table["value"].tolist()[1])  # relative, undated document
    assert table["value"].tolist()[2] == pd.Timestamp("2015-05-03")
    assert str(table["value"].dtype) == "datetime64[s]"


def test_dates_table_from_texts_and_empty():
    table = dates_table(["أمس", "الأسبوع الماضي"], published=date(2016, 11, 18))
    assert table["doc_id"].tolist() == [0, 1]
    assert table["granularity"].tolist() == ["day", "week"]
    assert dates_table([]).empty


def test_dates_table_reports_bad_input():
    with pytest.raises(ValueError, match="missing"):
        dates_table(pd.DataFrame({"doc_id": [1], "text": ["x"]}))
    with pytest.raises(ValueError, match="document 'b'"):
        dates_table(pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", None],
                                  "published": [None, None]}))
    with pytest.raises(TypeError, match="list"):
        dates_table("أمس")
    with pytest.raises(ValueError, match="2 texts but 1"):
        dates_table(["أمس", "غدا"], published=["2016-11-18"])


def test_date_mention_is_frozen():
    mention = only("في 3 مايو 2015")
    assert isinstance(mention, DateMention)
    with pytest.raises(AttributeError):
        mention.value = date(2000, 1, 1)


def test_aware_published_uses_its_own_day():
    late = datetime(2016, 11, 18, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert only("أمس", late).value == date(2016, 11, 17)
