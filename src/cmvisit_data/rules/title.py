"""Title: caption and URL markers, the words a glued standfirst opens with, the title window,
headline lengths and breadcrumb trails."""

# Markers of a photo caption or credit, which is never a title.
CAPTION_MARKERS = (
    "(image:",
    "(photo:",
    "image:",
    "photo:",
    "photo credit",
    "(file photo",
    "file photo",
    "-photo ",
    "(pic:",
)

# Words that commonly open the standfirst sentence glued after a headline on one line
# ("... World Expo 2025 While the Expo remains ..."): subordinators, articles, pronouns.
SENTENCE_STARTERS = frozenset(
    """while as after before amid amidst during following with in on at the this these those it
    its he she they we his her their a an from under since despite although though when
    according addressing speaking""".split()
)
# Words after which a headline cannot stop: a split before the next word is refused.
NO_BREAK_AFTER = frozenset(
    """of in at for and to the with on by from a an as or into over about between its his her their
    our your than vs via""".split()
)

# How many text lines are looked at for a title; the look stops after the second line that
# reads as body (a title stands above the body's first paragraphs).
MAX_TITLE_CANDIDATES = 10
TITLE_WINDOW_LONG_LINES = 2
# A line reads as body when it has at least this many words, or ends a sentence with at least
# LONG_SENTENCE_WORDS (a headline is shorter, and seldom a full sentence).
LONG_LINE_WORDS = 20
LONG_SENTENCE_WORDS = 10
# A headline has at least this many words: fewer is a label or a menu item ("headline-shaped"
# lines, a "Headline - Site" suffix, a headline split off a glued standfirst need as many).
HEADLINE_MIN_WORDS = 5
# A title candidate this short (words) is a label, this long a paragraph.
SHORT_TITLE_WORDS = 2
VERY_LONG_TITLE_WORDS = 30
# A headline and its standfirst are glued on one line only when it holds at least this many
# words, and the standfirst part keeps more than GLUED_STANDFIRST_WORDS of them.
GLUED_LINE_MIN_WORDS = 15
GLUED_STANDFIRST_WORDS = 6
# A word ending in "-ing" opens a glued standfirst ("Addressing the …") only when longer than
# this many letters ("thing", "king" are no participles).
SHORT_ING_WORD_CHARS = 5
# Marks of a link or an image file name in a line: never a title.
URL_MARKERS = ("http", "www.", ".jpg", ".png")
# Characters of page markup leaking into the text (a tag, a style or script block).
MARKUP_CHARS = "<{}"
# An all-capitals title needs at least this many letters (an acronym alone is not shouting).
MIN_CAPS_LETTERS = 3
# Digits in a title candidate: a line with this share of digits or more (a quarter: a score,
# a date, a phone number) counts as fully numeric.
DIGIT_SHARE_FULL = 0.25
# The body lines below a candidate its words are compared with: the first this many
# body-length lines, looked for among this many text lines below the title window.
TITLE_LEAD_LINES = 3
TITLE_LEAD_LOOKAHEAD = 6
# A credit without a label ("OB Bureau", "X, NET Correspondent, Tripura") is short: at most
# this many words.
MAX_CREDIT_WORDS = 8

# --- TITLES (issue 22, class 3) ---------------------------------------------------------

# The first crumb of a breadcrumb trail printed before the headline on its line ("Home / India
# News / Headline"): the headline starts after the trail's last separator.
BREADCRUMB_HOMES = frozenset(("home", "होम", "मुख्य पृष्ठ", "मुखपृष्ठ"))
# Separators between crumbs, each printed with a space on both sides.
BREADCRUMB_SEPARATORS = "/>»›"
# A crumb is a section name: at most this many words (a headline is longer).
BREADCRUMB_MAX_WORDS = 3
