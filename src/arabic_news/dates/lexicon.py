"""Word lists for date expressions, as data.

Every entry is written in the FOLDED spelling produced by :mod:`arabic_news.dates.folding`
(hamza forms of alef -> ا, ى -> ي, ة -> ه, no diacritics or tatweel), so one spelling here
matches all the variants found in news text (الإثنين/الاثنين, أبريل/إبريل/ابريل, فى/في).
Multi-word names use a single space; the patterns accept any run of spaces there.
"""

# Gregorian month names in the three regional systems (and Moroccan forms), -> month number.
MONTHS: dict[str, int] = {
    # Egypt, Gulf, Sudan (and shared with the Maghreb where identical)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # Levant and Iraq (Syriac names)
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
    # Algeria, Tunisia (French-derived)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    # Morocco
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}

# Month names that are also ordinary words or names (مارس "practised", نيسان the car
# maker, شباط a surname ...). With a day or a year they are always dates; alone they count
# only after شهر, before الماضي/المقبل/الجاري, or after a cue from STRICT_MONTH_CUES.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(
    {"مارس", "جوان", "نيسان", "تموز", "شباط", "اوت", "غشت"}
)
# Month names that are far more often something else (ماي as in Theresa May, اب "father"):
# alone they count only after شهر or before الماضي/المقبل/الجاري.
NAME_LIKE_MONTHS: frozenset[str] = frozenset({"ماي", "اب"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الثانيه": 6, "جمادي الاخره": 6,
    "جمادي الاخر": 6, "جمادي الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}

# Python weekday numbers (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
    "الاحد": 6,
}

# Words that place a bare weekday or date relative to the publication day.
RELATIVE_MARKERS: dict[str, int] = {
    "الماضي": -1, "الماضيه": -1, "المنصرم": -1, "المنصرمه": -1, "الفائت": -1,
    "الفائته": -1, "السابق": -1, "السابقه": -1,
    "المقبل": 1, "المقبله": 1, "القادم": 1, "القادمه": 1,
    "الجاري": 0, "الجاريه": 0, "الحالي": 0, "الحاليه": 0,
}

# Calendar units; the value is (granularity, count implied by the form without a number).
# The count is None for plurals, which need a number (منذ سنوات is too vague to date).
UNITS: dict[str, tuple[str, int | None]] = {
    "يوم": ("day", 1), "يوما": ("day", None), "ايام": ("day", None), "يومين": ("day", 2),
    "يومان": ("day", 2),
    "اسبوع": ("week", 1), "اسبوعا": ("week", None), "اسابيع": ("week", None),
    "اسبوعين": ("week", 2), "اسبوعان": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", None), "اشهر": ("month", None),
    "شهور": ("month", None), "شهرين": ("month", 2), "شهران": ("month", 2),
    "عام": ("year", 1), "عاما": ("year", None), "اعوام": ("year", None),
    "عامين": ("year", 2), "عامان": ("year", 2), "سنه": ("year", 1), "سنوات": ("year", None),
    "سنين": ("year", None), "سنتين": ("year", 2), "سنتان": ("year", 2),
}

# Nouns naming the current or neighbouring week / month / year (الأسبوع الماضي, هذا العام).
PERIOD_NOUNS: dict[str, str] = {
    "الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year",
}

# Cardinal number words used in counts of days, weeks, months and years.
UNIT_NUMBERS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "اثنين": 2, "اثنان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
    "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    "احد": 1, "احدي": 1, "اثني": 2, "اثنا": 2, "اثنتي": 2, "اثنتا": 2,
}
TEENS_WORDS: tuple[str, ...] = ("عشر", "عشره")  # the "-teen" part: ثلاثة عشر = 13
TENS_NUMBERS: dict[str, int] = {
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
    "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
    "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مئه": 100, "مائه": 100,
}

# Ordinal words for days of the month (الأول من يناير, الحادي والعشرين من ...).
ORDINAL_UNITS: dict[str, int] = {
    "الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5,
    "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10,
}
ORDINAL_TENS: dict[str, int] = {"العشرين": 20, "الثلاثين": 30}

# Words just before a day number + month that turn it into a name, not a date:
# ثورة 25 يناير, قوى 14 آذار, مدينة 6 أكتوبر, شارع 26 يوليو.
NAMING_WORDS: frozenset[str] = frozenset({
    "ثوره", "حرب", "قوي", "تيار", "حركه", "ميدان", "شارع", "جسر", "مدينه", "كوبري",
    "تحالف", "انتفاضه", "جامعه", "نادي", "ملعب", "مجموعه", "فريق",
})

# Words before a bare four-digit year that make it a year (في 2016, حتى نهاية 2016).
YEAR_CUES: tuple[str, ...] = (
    "في", "منذ", "حتي", "خلال", "قبل", "بعد", "مطلع", "بدايه", "نهايه", "اواخر", "اوائل",
    "منتصف", "اواسط", "ربيع", "صيف", "خريف", "شتاء", "موسم",
)
# A bare year after a cue is a year only when followed by one of these (or punctuation /
# the end): "في 2000 موقع" counts places, "في 2016 حين" is a year.
YEAR_FOLLOWERS: tuple[str, ...] = (
    "حين", "حيث", "عندما", "بعد", "قبل", "الي", "حتي", "ثم", "وحتي", "والي", "لكن", "اذ",
)
# Keywords that introduce an explicit year (عام 2010, سنة ٢٠١٦, لعام 2017).
YEAR_KEYWORDS: tuple[str, ...] = ("عام", "العام", "سنه", "السنه")
YEAR_PAIR_KEYWORDS: tuple[str, ...] = ("عامي", "سنتي", "العامين", "السنتين")

# Words before a month name alone that make it a date (في نوفمبر, خلال شهر يونيو).
MONTH_CUES: tuple[str, ...] = (
    "في", "خلال", "منذ", "حتي", "مطلع", "بدايه", "نهايه", "اواخر", "اوائل", "منتصف",
    "اواسط", "قبل", "بعد", "مع", "طيله", "طوال",
)

# The cues that also admit an ambiguous month name alone (not مع/قبل/بعد: "مع مارس").
STRICT_MONTH_CUES: frozenset[str] = frozenset({
    "في", "خلال", "منذ", "حتي", "مطلع", "بدايه", "نهايه", "اواخر", "اوائل", "منتصف",
    "اواسط", "طيله", "طوال",
})

# Words for "today", "yesterday", "tomorrow"; the value is the day offset.
DEICTIC_DAYS: dict[str, int] = {
    "امس": -1, "بالامس": -1, "يوم امس": -1, "اول امس": -2, "اول من امس": -2,
    "امس الاول": -2, "يوم غد": 1, "يوم الغد": 1, "بعد غد": 2,
}
# Parts of the day that make اليوم unambiguous (صباح اليوم); bare اليوم is not extracted.
DAY_PARTS: tuple[str, ...] = ("صباح", "مساء", "ظهر", "فجر", "ليل", "ليله", "عصر", "ظهيره")
# Words that link a weekday to the date it falls on, or a Hijri date to its Gregorian
# equivalent: يوم السبت الموافق 31/12/2016, الأحد الذي يوافق 26 يوليو, الثلاثاء بتاريخ
# 28/7/2015, 12/10/1436هـ الموافق 28/7/2015م. An attached or detached ل may follow
# (الموافق لـ 28 يوليو); the patterns allow it.
DATE_LINKS: tuple[str, ...] = (
    "الموافق", "الموافقه", "المصادف", "المصادفه", "الذي يوافق", "التي توافق",
    "الذي يصادف", "التي تصادف", "بتاريخ", "وذلك بتاريخ",
)
# Words before a weekday that make it "today", "yesterday" or "tomorrow" + that weekday.
WEEKDAY_ANCHORS: dict[str, int] = {
    "اليوم": 0, "امس": -1, "بالامس": -1, "غدا": 1, "يوم": 0,
}

# Words before الاثنين / after it that make it "the two", not Monday.
NOT_MONDAY_BEFORE: frozenset[str] = frozenset(
    {"بين", "كلا", "كلتا", "احد", "هذين", "هذان", "اي", "لكلا"}
)
NOT_WEEKDAY_AFTER: frozenset[str] = frozenset({"معا", "منهما", "منهم", "عشر", "عشره"})
NOT_WEEKDAY_BEFORE: frozenset[str] = frozenset({"كل", "ايام", "ايامي"})

# Signs that a bare weekday lies in the future rather than the past (ستعقد ... الخميس).
FUTURE_CUES: frozenset[str] = frozenset({
    "سوف", "المقرر", "المنتظر", "المتوقع", "المرتقب", "يعتزم", "تعتزم", "القادم",
    "القادمه", "المقبل", "المقبله", "ينتظر", "يتوقع", "يرتقب",
})
# Words that begin like a future verb (س + ي/ت/ن/ا) but are not one.
NOT_FUTURE_VERBS: frozenset[str] = frozenset({
    "سياسي", "سياسيه", "سياسه", "السياسي", "سيطره", "سيارات", "سياره", "سيناء", "سيناريو",
    "ستين", "سته", "سنه", "سنوات", "سنوي", "سنويه", "سنين", "ستار", "ستوديو", "سيده",
    "سيد", "سيول", "سياق", "سيادة", "سياده", "سيرة", "سيره", "سنتين", "سنتيمتر",
})
