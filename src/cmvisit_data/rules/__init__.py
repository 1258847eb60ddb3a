"""Language data the parser uses, kept as data: month names, speech cues, titles, bullets,
boilerplate markers and thresholds, in English and Hindi.

How it is organised:

- Sections by field, each under a `# --- Name ---` header: Scripts (character ranges, digits,
  sentence punctuation), Dates, Bylines and datelines, Title, Bullets and highlights,
  Boilerplate (with press-office footers), Speech (verbs and cues, titles and roles, pronouns,
  where a name or a sentence ends, subject phrases), Quotation marks, Embedded posts, Input
  policy. A `# --- Section: topic ---` header groups entries inside a section.
- Every entry has its reason in the comment right above it: what convention of press pages it
  stands for, and for a threshold what a value past it means. One comment may cover a few
  entries that belong together; it names them.
- By language: English and Hindi entries of one rule stand side by side, English first and
  prefixed EN_, Hindi HI_ (EN_TITLES / HI_TITLES, EN_PRONOUNS / HI_PRONOUNS); an entry with
  neither prefix holds both scripts or none (a count, a length, a mark).
- Thresholds are named for what they bound (..._MAX_WORDS, ..._MIN_ITEMS, ..._MAX_CHARS,
  ..._REACH for a distance in characters).

Nothing in this module decides on its own: the parser modules (`segment`, `extract.*`,
`header`) compile what they need from it; the few functions here (`is_devanagari`,
`has_devanagari`) test characters. A rule that exists for one document's strings does not
belong here; every entry must describe a general convention of press pages.
"""

from __future__ import annotations

import re

# --- Scripts ----------------------------------------------------------------------------

# The Devanagari block, for character classes; and its letters and signs without the danda and
# digits (U+0964-U+096F), which word patterns leave out.
DEVANAGARI = "\u0900-\u097f"
DEVANAGARI_LETTERS = "\u0900-\u0963\u0970-\u097f"


def is_devanagari(ch: str) -> bool:
    """Whether one character is in the Devanagari block."""
    return "\u0900" <= ch <= "\u097f"


_DEVANAGARI_RE = re.compile(f"[{DEVANAGARI}]")


def has_devanagari(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text (or text[start:end], searched in place) holds a Devanagari character."""
    return _DEVANAGARI_RE.search(text, start, len(text) if end is None else end) is not None


# Digits for character classes: pages print dates and serials in Latin or Devanagari digits.
DIGITS = "0-9\u0966-\u096f"

# Marks that end a sentence, in both scripts: the full stop, the danda, ! and ?.
SENTENCE_STOPS = ".।!?"
# An ellipsis trails off: it ends no sentence.
ELLIPSES = ("…", "...")
# What may follow a sentence's stop on its line: spaces, closing quotation marks and brackets
# ("… he said.”").
SENTENCE_TRAILERS = " \"'”’)]»"


# --- Dates -------------------------------------------------------------------------------

# English month names and the abbreviations wire copy uses ("Aug 23", "Sept 5").
EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Hindi month names with the spelling variants Hindi outlets print (nukta / half-nasal forms).
HI_MONTHS: dict[str, int] = {
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "अप्रेल": 4, "मई": 5, "जून": 6,
    "जुलाई": 7, "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10,
    "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}  # fmt: skip

# Weekday names, which date lines print before the date ("Saturday, 23 August 2025").
WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार",
)  # fmt: skip

# Labels of a page's own date line. "first-published" wins over "updated" when both print.
PUBLISHED_LABELS = (
    "published on",
    "published",
    "first published",
    "posted on",
    "created",
    "प्रकाशित",
    "प्रकाशन",
)
UPDATED_LABELS = ("last updated", "updated on", "updated", "modified", "अपडेटेड", "अपडेट", "अद्यतन")

# A labelled date printed away from the header ("first published: Feb 25, 2021 11:51 am") is
# a line of its own: at most this many words, opening with its label (one word may precede it).
MAX_LABELLED_DATE_WORDS = 10

# Devanagari digits, which about one Hindi page in seven uses for dates.
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# English ordinal suffixes printed after a day ("23rd August"); Hindi prints none.
EN_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

# A date line may carry this many words besides the date, labels and byline before it
# stops being a date line and becomes prose (a caption or a sentence that mentions a date).
MAX_DATE_LINE_EXTRA_WORDS = 3
# A date line is short: a line of more words than this is prose that mentions a date or a name,
# whether it stands in the header (a byline-and-date line) or below the standfirst. The title
# scorer's "meta-like line" feature uses the same limit.
MAX_DATE_LINE_WORDS = 16
# Words that may link a date label to its date ("Published on: ...", "Updated at 3:31 PM"), and
# the marks that may stand between them ("Updated: ", "Updated - ", "Updated | ").
DATE_LABEL_LINKS = ("on", "at")
DATE_LABEL_SEPARATORS = ":：-–|"
# A date's label is read in the DATE_LABEL_REACH characters before it ("Last Updated : Friday, ");
# a labelled date away from the header in LABELLED_DATE_LABEL_REACH, where the label must end
# right before the date ("first published on: Wednesday, " fits).
DATE_LABEL_REACH = 24
LABELLED_DATE_LABEL_REACH = 32
# A labelled date line away from the header opens with its label, after at most this many words
# ("Story first published: ..."); a label further in is a word of prose ("was created on").
MAX_WORDS_BEFORE_DATE_LABEL = 1
# Some scraped pages open with the scrape's index record (" date 2021-02-25 English"): this word,
# an ISO date and a language. Its date is the scrape's, not one the page prints.
SCRAPE_INDEX_LABEL = "date"

# --- Bylines and datelines ----------------------------------------------------------------

# Labels that introduce an author line; the names follow them.
BYLINE_LABELS = (
    "written by", "edited by", "reported by", "posted by", "compiled by", "by",
    "द्वारा", "रिपोर्ट", "लेखक", "संवाददाता",
)  # fmt: skip

# Words that make a name a newsroom desk ("Digital Desk", "डिजिटल डेस्क"): a desk printed
# where a dateline would open the body is a byline, and the place follows it.
DESK_WORDS = ("desk", "bureau", "network", "डेस्क", "ब्यूरो")
# Words of a reporter's role printed after the name ("Abhijit Nath, NET Correspondent, Tripura");
# the name before them is the byline.
BYLINE_ROLE_WORDS = ("correspondent", "reporter", "staff writer", "contributor", "संवाददाता", "रिपोर्टर")
# Words that end a Hindi credit line after the name ("संजय कुमार मुनचुन की रिपोर्ट").
HI_REPORT_CREDITS = ("की रिपोर्ट", "की खास रिपोर्ट")
# A credit line "Agency / Name" names the agency with one of these ("हिन्दुस्थान समाचार / दिलीप शुक्ला").
AGENCY_WORDS = ("समाचार", "news", "agency", "एजेंसी")
# A byline is a short line: a name or a desk has at most this many words.
MAX_BYLINE_WORDS = 5
# A piece of a credit between two separators with more than this many words is prose, and the
# line gives no byline. Looser than MAX_BYLINE_WORDS, which bounds a line with no label that must
# look like a name by its shortness (a name line, a credit after the body); a label, a separator or
# a role already says these words are a credit.
MAX_CREDIT_NAME_WORDS = 6
# Marks and words that join two names in one credit ("Ravi Kant, Asha Verma", "Ravi & Asha",
# "राम और श्याम").
BYLINE_NAME_MARKS = (",", "&")
EN_BYLINE_CONJUNCTIONS = ("and",)
HI_BYLINE_CONJUNCTIONS = ("और",)
# Separators after which a byline label may open the credit ("March 4, 2025 | By Ravi Kant"). A
# name after a label ends at one of them or at a comma ("By Ravi Kant, Raipur"), or at a dash
# with a space on both sides ("By Ravi Kant - Raipur").
CREDIT_SEPARATORS = "|•"
LABELLED_NAME_END_MARKS = CREDIT_SEPARATORS + ","
CREDIT_DASHES = "-–—"
# Characters stripped from both ends of a name: spaces and the punctuation around a credit
# ("By: Ravi Kant.", "हिन्दुस्थान समाचार / दिलीप शुक्ला").
NAME_STRIP_CHARS = " \t:;-–—.|/"
# "Abhijit Nath, NET Correspondent, Tripura": a role credit line has at most this many words.
MAX_ROLE_CREDIT_WORDS = 10
# "Daijiworld Media Network - Mumbai": a desk and its place on one line, separated by a dash or a
# bar. The desk opens with a letter and has 3 to 61 characters, the place 2 to 31.
DESK_PLACE_SEPARATORS = CREDIT_DASHES + "|"
DESK_CREDIT_DESK_CHARS = (3, 61)
DESK_CREDIT_PLACE_CHARS = (2, 31)
# A credit line after the body ("हिन्दुस्थान समाचार / दिलीप शुक्ला", "नाम की रिपोर्ट") has at most
# this many words; a desk alone there ("OB Bureau") at most MAX_DESK_CREDIT_WORDS.
MAX_CREDIT_LINE_WORDS = 7
MAX_DESK_CREDIT_WORDS = 3
# A name printed on its own line beside a date line has 2 or 3 words ("Asha Verma"), or is one word
# with SITE_NAME_MARK inside: a site's name ("korbanews.in").
DATE_LINE_NAME_MIN_WORDS = 2
DATE_LINE_NAME_MAX_WORDS = 3
SITE_NAME_MARK = "."
# The header scan (bylines, date lines, datelines) reads down to the first HEADER_BODY_LINES body
# lines, and looks for a dateline at their openings; a body line has at least
# HEADER_BODY_MIN_WORDS words (a shorter line is a label, a name or a kicker).
HEADER_BODY_LINES = 3
HEADER_BODY_MIN_WORDS = 4
# A place printed alone on the line above the body ("भोपाल", "भोपाल,") is one word.
LONE_PLACE_MAX_WORDS = 1
# The double danda, which closes a Hindi verse or paragraph: like the danda, one inside the text
# after a dateline shows the text is a paragraph's prose (SENTENCE_STOPS leaves it out).
HI_DOUBLE_DANDA = "॥"

# --- Bylines (class 6): credits without a label ------------------------------------------

# A credit standing alone between the headline (or its standfirst) and the body is a name
# only when this short: a bare name line has at most this many words.
MAX_BARE_NAME_WORDS = 4
# The line that precedes a bare name as its standfirst has at least this many words.
MIN_STANDFIRST_WORDS = 8
# A bare name stands on one of the first BARE_NAME_LINES lines below the headline: right below it,
# or below its standfirst.
BARE_NAME_LINES = 2
# A bare name in Latin letters is at least BARE_NAME_MIN_CAPITALISED_WORDS capitalised words ("Asha
# Verma"; one is a section label, "Regional"), or one lower-case account of at least
# ACCOUNT_MIN_CHARS characters ("admin").
BARE_NAME_MIN_CAPITALISED_WORDS = 2
ACCOUNT_MIN_CHARS = 3
# A short line with at least this share of its words found elsewhere on the page is a caption or a
# kicker repeating the article's words ("Vishnu Deo Sai", "Hasdeo Bridge"), not a credit.
BARE_NAME_REPEATED_SHARE = 0.5
# Words of page controls and list headings printed where a bare name could stand ("Key Points",
# "Listen To This Article", "Latest Stories", "Share Article", "Follow Us"); a line holding one is
# not a name, beside a date line or alone (the contract: a share button is never a byline).
BARE_NAME_STOPS = frozenset(
    """key points point listen article latest top story premium loading print email comment comments
    gallery login sign menu home share follow subscribe whatsapp facebook""".split()
)

# Capitalised words that open a "Word:" line without being a place.
NOT_PLACES = frozenset(
    """the a an in on at as but and also note update updates watch video videos photo photos read
    highlights breaking exclusive live source disclaimer image caption tags tag category country
    state topic topics q question answer edited written posted published updated by share
    follow subscribe advertisement related more click see during after before with from
    according chief prime minister cm pm mr ms dr shri news big breaking featured trending
    न्यूज़ न्यूज समाचार खबर ख़बर खबरें""".split()
)

# --- Datelines and published dates (issue 22, classes 1 and 8) ---------------------------

# A dateline's place has at most this many words ("New Delhi", "Navi Mumbai"), as has a second
# place after a comma; a Hindi first place may hold one word more ("नई दिल्ली" with its area).
DATELINE_PLACE_MAX_WORDS = 3
HI_DATELINE_PLACE_MAX_WORDS = 4
# A region in parentheses or brackets after the place ("Shimla (Himachal Pradesh) [India]") has
# at most this many characters.
DATELINE_PAREN_MAX_CHARS = 40
# An agency tag closing a dateline ("(PTI)", "(Diary Times)"): at most this many characters in
# Latin letters, or at most DATELINE_TAG_MAX_CHARS of any other script ("(भाषा)").
DATELINE_AGENCY_MAX_CHARS = 25
DATELINE_TAG_MAX_CHARS = 12
# A place in capitals run into its first sentence ("NEW DELHI In a ..."): one word of at least
# this many letters (shorter capitals are acronyms: "BRICS" is five, "PTI" three).
CAPS_PLACE_MIN_LETTERS = 5
# A Hindi dateline may end with no punctuation after a tag in parentheses ("रायपुर (संवाददाता)
# मुख्यमंत्री ..."); the tag is a reporter's or an outlet's name, at most this many words.
MAX_DATELINE_TAG_WORDS = 2
# A date line printed below the standfirst, a caption or the first paragraph is still the
# page's own when it stands among the first this many text lines (and has at most
# MAX_DATE_LINE_WORDS words, as every date line).
DATE_LINE_WINDOW = 10

# --- Title -----------------------------------------------------------------------------

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

# --- Header scorer ---------------------------------------------------------------------

# Features of the fitted scorer's candidates (titles, published dates, lines above a post).
# A word count feature grows with the log of the count and saturates at this many words; a
# position feature counts text lines from the top up to this many.
FEATURE_MAX_WORDS = 40
FEATURE_MAX_POSITION = 8
# Quotation marks a candidate is tested for: double marks only, since a single one is also an
# apostrophe (QUOTE_PAIRS, which the quote finder pairs, has the single marks and „ too).
FEATURE_QUOTE_MARKS = '“”"«»'
# Hindi words of speech that make a candidate read as reported speech: the three commonest
# (HI_CUE_VERBS, the quote finder's full list of cues before कि, is longer; the weights were
# fitted with these three).
HI_SPEECH_WORDS = ("कहा", "बताया", "बोले")
# Punctuation stripped from a word's ends before it is looked up in a word list.
WORD_EDGE_PUNCTUATION = ".,:;!?\"'“”‘’()"
# A date printed in a line of more than this many words stands in a sentence, not a date line.
DATE_IN_SENTENCE_WORDS = 12

# --- Bullets and highlights -------------------------------------------------------------

# Bullet characters that open a list item; numbered items ("1.", "2)") are recognised too.
BULLETS = "•▪●◦‣∙·▸►▹✓✔✅■□➤➢*-–—"
# A run of bullet items most of which have at most this many words is a navigation menu:
# at least NAV_RUN_MIN_ITEMS items, at least NAV_RUN_SHORT_SHARE of them short and no sentence.
NAV_ITEM_MAX_WORDS = 3
NAV_RUN_MIN_ITEMS = 3
NAV_RUN_SHORT_SHARE = 0.6
# A section heading (or a highlights heading) is short: at most this many words; a label
# ending in a colon ("Key points:") at most LABEL_MAX_WORDS.
HEADING_MAX_WORDS = 15
LABEL_MAX_WORDS = 6
# A short line ending in one of these runs on into the next line: it is no heading.
RUN_ON_ENDINGS = ",;—–-"
# Headings that announce a list of summary points anywhere in the article.
HIGHLIGHT_HEADINGS = (
    "highlights", "key points", "key takeaways", "takeaways", "at a glance", "in brief", "key highlights",
    "मुख्य बातें", "खास बातें", "मुख्य बिंदु", "हाइलाइट्स", "प्रमुख बातें", "मुख्य अंश",
)  # fmt: skip

# --- Highlights (class 10) ----------------------------------------------------------------

# A list sits "near the top" (and is highlights without a heading) when at most this many body
# paragraphs (a lead) come before it.
HIGHLIGHT_MAX_PARAGRAPHS_BEFORE = 1
# How many non-blank lines above a list a highlights heading may stand.
HIGHLIGHT_HEADING_REACH = 3
# A label alone on a bullet ("Country:", "Publish Date:"): one or two words of at most this many
# characters before a colon.
BULLET_LABEL_WORD_MAX_CHARS = 25
# A list of highlights has at least this many points: a lone dash or numbered line in the body
# is a dashed sentence, an attribution or the first of a list told between paragraphs.
HIGHLIGHT_MIN_ITEMS = 2
# Labels of tag and metadata items printed as bullets ("Country: India", "Publish Date - ..."):
# never a summary point. English, then Hindi.
METADATA_LABELS = (
    "country", "state", "city", "location", "region", "publish date", "published date", "published on",
    "published", "updated on", "updated", "last updated", "posted on", "posted by", "date", "tags",
    "tag", "topics", "topic", "category", "categories", "section", "source", "author", "written by",
    "edited by", "language", "sector", "read time", "reading time",
    "देश", "राज्य", "शहर", "स्थान", "प्रकाशित", "प्रकाशन तिथि", "अपडेट", "अपडेटेड", "टैग", "टैग्स",
    "श्रेणी", "विषय", "स्रोत", "लेखक", "तारीख", "दिनांक",
)  # fmt: skip

# --- Boilerplate ------------------------------------------------------------------------

# Labels of "read this too" links; the rest of the line is the linked headline.
RELATED_LABELS = (
    "also read", "must read", "read also", "read more", "recommended", "related", "also watch", "watch",
    "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "इन्हें भी पढ़ें", "यह भी देखें", "ये भी देखें", "पढ़ें",
)  # fmt: skip
# Whole lines that are page furniture, compared after case folding and trimming
# FURNITURE_EDGE_PUNCT from their ends.
FURNITURE_EDGE_PUNCT = " \t.:;,!?-–—|•*()[]…'\""
FURNITURE_LINES = {
    "advertisement": "advertisement", "advertisment": "advertisement", "sponsored": "advertisement",
    "विज्ञापन": "advertisement", "no script": "markup", "noscript": "markup", "logo": "navigation",
    "share": "share", "tweet": "share", "whatsapp": "share", "facebook": "share", "email": "share",
    "print": "share", "copy link": "share", "share this": "share", "share this article": "share",
    "was this article helpful": "share", "feedback": "share", "comments": "share",
    "शेयर करें": "share", "skip to content": "navigation", "menu": "navigation", "search": "navigation",
}  # fmt: skip
# Lines after which the page's article has ended: what follows is teasers and footers.
END_MARKERS = (
    "more stories", "related posts", "related news", "related articles", "you may also like",
    "trending", "latest news", "top stories", "recommended stories", "also read these",
    "संबंधित खबरें", "ताज़ा खबरें", "ताजा खबरें", "और पढ़ें", "लेटेस्ट न्यूज़",
)  # fmt: skip
# Cookie and subscription banners; a line of more than COOKIE_MAX_WORDS words that mentions
# them is prose about cookies, not a banner.
COOKIE_MARKERS = ("cookie", "we use cookies", "accept all", "subscribe to our newsletter", "🍪")
COOKIE_MAX_WORDS = 40
# Words that end a photo caption in a credit after a dash or parenthesis ("… -Photo: PTI",
# "(Image: X)"); the credit after the word holds at most CAPTION_CREDIT_MAX_CHARS characters.
CAPTION_CREDIT_WORDS = ("photo", "image", "pic")
CAPTION_CREDIT_MAX_CHARS = 40
# A URL slug printed as a line ("cm sai visits japan"): lower case and digits, at least this
# many words (fewer is a short lower-case label).
SLUG_MIN_WORDS = 4
# Words of a syndication disclaimer printed in parentheses at the end of a page.
DISCLAIMER_MARKERS = (
    "unedited", "auto-generated", "syndicated", "embedded directly", "may not have modified",
    "does not endorse", "views expressed", "disclaimer",
)  # fmt: skip

# --- Press-office footers (class 10) ------------------------------------------------------

# A press office prints a footer under each release; it differs between copies of one release
# and is boilerplate. Lines of at most this many words can be such a footer.
FOOTER_MAX_WORDS = 16
# Footers are looked for below the first line of at least this many words that ends a sentence.
BODY_SENTENCE_WORDS = 8
# How a footer line opens, case folded: the release number, the "in other languages" link, the
# social media line, the copyright line. English, then Hindi.
FOOTER_OPENINGS = (
    "(release id", "release id", "read this release in", "follow us", "copyright", "©", "(c) 20",
    "visitor counter", "connect with us",
    "(रिलीज़ आईडी", "रिलीज़ आईडी", "(रिलीज आईडी", "रिलीज आईडी", "इस विज्ञप्ति को", "आगंतुक पटल", "हमें फॉलो करें",
    "कॉपीराइट",
)  # fmt: skip
# Words that make a short line a copyright footer wherever they stand in it.
FOOTER_MARKERS = ("all rights reserved", "सर्वाधिकार सुरक्षित")
# A Hindi release's serial number ("क्रमांक-1187/..."): the word, then a number.
FOOTER_SERIALS = ("क्रमांक", "क्र.", "समाचार क्रमांक")

# Characters of a rule that closes a release ("****", "- - -").
FOOTER_RULE_CHARS = "*=_~#-"

# A menu bar on one line: at least NAV_LINE_MIN_WORDS words, all capitalised or separators
# (NAV_SEPARATORS), no sentence punctuation, and at least NAV_LINE_MIN_NAV_WORDS of NAV_WORDS.
NAV_LINE_MIN_WORDS = 6
NAV_LINE_MIN_NAV_WORDS = 2
NAV_SEPARATORS = ("&", "|", "/")
# Punctuation of prose, in both scripts: a menu bar holds none of it.
SENTENCE_PUNCT = ".,:;!?।"
# Navigation words; an all-capitalised line made of these is a menu.
NAV_WORDS = frozenset(
    """home news about contact us login sign subscribe menu search videos video sports business
    entertainment magazines magazine conferences careers advertise opinion world india national
    international lifestyle tech technology politics photos gallery epaper e-paper""".split()
)

# --- Speech -----------------------------------------------------------------------------

# --- Speech: verbs and cues ---
# English speech verbs that attribute a quotation to its speaker.
EN_SPEECH_VERBS = frozenset(
    """said says say added adds stated states noted notes asserted asserts remarked remarks told
    tweeted wrote writes posted shared emphasised emphasized stressed underlined highlighted
    observed declared announced explained urged affirmed mentioned commented replied continued
    concluded insisted recalled assured reiterated informed maintained opined quipped
    acknowledged pointed saying adding stating noting addressing speaking""".split()
)
# More verbs of a speaker's own words ("“…,” he detailed").
EN_MORE_SPEECH_VERBS = frozenset("detailed elaborated".split())
# Hindi speech cues ending in कि: the verb phrase before कि. "गया"/"गई" after the verb makes it
# an impersonal passive ("बताया गया है कि"), which names no speaker and is not a cue.
HI_CUE_VERBS = (
    "कहा", "बताया", "जताई", "जताया", "दोहराया", "जोड़ा", "लिखा", "बोले", "बोलीं", "बोली", "कहते",
    "व्यक्त किया", "व्यक्त की", "रेखांकित किया", "उल्लेख किया", "स्पष्ट किया", "स्पष्ट कहा",
    "आश्वस्त किया", "आश्वासन दिया", "भरोसा दिलाया", "घोषणा की", "जोर दिया", "ज़ोर दिया",
    "जानकारी दी", "साझा किया", "अपील की", "आह्वान किया", "विश्वास जताया", "उम्मीद जताई",
)  # fmt: skip
# A noun with a light verb before कि ("सलाह दी है कि", "दावा किया कि", "निर्देश दिए कि") is a cue
# when its sentence has a ने subject: the conjunct verbs of speech are too many to list.
HI_LIGHT_CUE_VERBS = ("किया", "की", "दी", "दिया", "दिए", "दिये")
# Unquoted speech introduced by a dash or colon right after the verb ("ने कहा-", "बोले-").
HI_DASH_CUE_VERBS = ("कहा", "बोले", "बोलीं", "बोली", "लिखा")
# "X का कहना है कि": X's statement; X (a person or a body) is the words before का.
HI_SAYING_CUES = ("का कहना है", "का कहना था")
# The conjunction a Hindi cue of reported speech ends with ("कहा कि").
HI_CUE_CONJUNCTION = "कि"
# Auxiliaries that may stand between a cue verb and कि ("कहा है कि", "बताया था कि").
HI_AUXILIARIES = ("है", "हैं", "था", "थी", "थे")
# Verbs that put a characterisation in the speaker's words: "described the day as “…”".
EN_DESCRIBING_VERBS = ("described", "describes", "describing", "termed", "terms")
# Offices that issue statements: the speaker of "“…,” it added" or "the statement read".
EN_SPEAKING_BODIES = ("CMO", "PMO")
# A document that "reads" a quotation after it ("“…,” the statement read").
EN_DOCUMENT_NOUNS = ("statement", "release", "letter", "message", "post", "note", "order", "notice")
# Determiners before the document that "reads" a quotation ("the statement read").
EN_DOCUMENT_DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "this")
# "the official statement read": at most this many words between the determiner and the noun.
DOCUMENT_NOUN_MAX_WORDS = 3
# What may follow an English speech verb before the quotation's mark ("said on X:", "told
# reporters in Tokyo,"): platforms, media, audiences and words of time and place.
EN_PLATFORMS = ("X", "Twitter", "Facebook", "Instagram", "LinkedIn")
EN_MEDIA = ("post", "statement", "message", "video")
EN_AUDIENCES = ("reporters", "the media", "journalists", "the press")
EN_CUE_TIME_WORDS = ("earlier", "today", "later", "here")
# "said while addressing the gathering:": at most this many words after the participle.
CUE_PARTICIPLE_MAX_WORDS = 3

# --- Speech: titles and roles ---
# English words that name the speaker by role; resolved to the person the text gives that role.
EN_ROLES = {
    "cm": "chief minister", "chief minister": "chief minister", "prime minister": "prime minister",
    "pm": "prime minister", "president": "president", "minister": "minister", "governor": "governor",
}  # fmt: skip
# Role abbreviations -> the Hindi title each stands for ("सीएम" = मुख्यमंत्री). Hindi text prints
# CM and PM in Latin letters too, in any case (EN_ROLES gives their English roles).
HI_ROLE_OF = {"सीएम": "मुख्यमंत्री", "cm": "मुख्यमंत्री", "पीएम": "प्रधानमंत्री", "pm": "प्रधानमंत्री"}
# Titles stripped from a speaker's name ("CM Sai" -> "Sai"); they also announce a name.
EN_TITLES = frozenset(
    """cm pm chief prime minister shri smt mr mrs ms dr president union governor ambassador
    secretary chairman deputy commerce home external affairs finance industries industry health
    agriculture education tourism revenue labour transport culture defence railways textiles mp mla""".split()
)
# Hindi titles stripped from a speaker's name; they also announce a name in the text.
HI_TITLES = frozenset(
    """मुख्यमंत्री सीएम प्रधानमंत्री पीएम राष्ट्रपति श्री श्रीमती मंत्री राज्यपाल उपमुख्यमंत्री अध्यक्ष
    जिलाध्यक्ष सांसद विधायक डॉ डॉक्टर केंद्रीय गृहमंत्री नेता प्रदेशाध्यक्ष महापौर कलेक्टर राजदूत""".split()
)
# Titles a writer may put in lower case inside a speaker phrase ("Arunachal Pradesh chief minister").
EN_LOWERCASE_TITLES = frozenset(
    "chief prime minister president governor deputy union secretary chairman".split()
)
# Words that carry a designation on to its portfolio: "Minister of Industries", "Minister for Home".
EN_TITLE_LINKS = frozenset("of for".split())
# Words between a title and the name that leave the title on the name: "विधायक रहे गिर्राज दंडोतिया"
# (a former MLA).
HI_TITLE_BRIDGES = frozenset("रहे रहीं रही".split())

# --- Speech: pronouns ---
# English pronoun subjects ("he said") resolved to the nearest preceding named speaker.
EN_PRONOUNS = frozenset("he she they him her his it we i".split())
# Hindi pronoun subjects ("उन्होंने कहा कि") resolved to the nearest preceding named speaker.
HI_PRONOUNS = frozenset("उन्होंने उन्होने इन्होंने इन्होने उसने इसने वे वह उनका उनके मैंने हमने".split())
# Pronouns that are no speaker: possessives ("his office said") and "it" (a thing, or an office).
EN_NOT_SPEAKER_PRONOUNS = ("his", "her", "it")

# --- Speech: where a name or a sentence ends ---
# English words that never open a name or a body's name: articles, prepositions, conjunctions,
# pronouns.
EN_FUNCTION_WORDS = frozenset(
    """the a an in on at as but and also of for to with by from this that these those it its
    during after before while when if his her their our we i he she they""".split()
)
# Words that end a Hindi name when reading it after a title: postpositions, number words
# ("प्रधानमंत्री नरेंद्र मोदी दो देशों की यात्रा पर"), "सहित" ("पीएम मोदी सहित उद्योगपतियों") and verbs
# ("राज्य मंत्री बनाया गया है": no name follows the title).
HI_NAME_STOPS = frozenset(
    """ने के की का को से में पर और तथा एवं भी जी ही तो व या आज कल यहां वहां इस उस एक दो तीन चार कि
    पांच पाँच छह सात आठ नौ दस सहित समेत द्वारा साथ लिए है हैं था थी थे गया गई गए बनाया बनाए बनी बने
    किया हुआ हुई हुए""".split()
)
# Day and month names (and "today") that close a run of capitals without being a name ("Chief
# Minister Tara Rao Tuesday held ...").
EN_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today""".split()
)
# Speech verbs printed right after a name without ने ("सीएम X बोले –"): they end the name.
HI_NAME_ENDING_VERBS = frozenset("बोले बोलीं बोली कहा कहते कहती".split())
# A capitalised name right after these is a place ("in Korba", "at Ghanta Ghar"), not the
# subject of the speech verb that follows.
EN_PLACE_PREPOSITIONS = frozenset("in at from near".split())
# Possessive endings stripped from a name ("Sai's" -> "Sai").
EN_POSSESSIVE_SUFFIXES = ("’s", "'s", "’", "'")
# The postposition that marks a Hindi clause's subject ("मुख्यमंत्री ने कहा").
HI_SUBJECT_MARKER = "ने"
# The postposition that marks whom a Hindi verb addresses ("सीएम X को कहा कि": X listens).
HI_OBJECT_MARKER = "को"
# Words after a word that show it is a name where it stands elsewhere: the subject marker, जी.
HI_AFTER_NAME = (HI_SUBJECT_MARKER, "जी")
# A word of at most this many letters before a full stop is an initial or a title ("J.", "Mr."),
# not a sentence's last word (when reading a run of capitals for a name).
ABBREVIATION_MAX_LETTERS = 3
# At the end of a speaker phrase, a word with its full stop of at most this many characters is an
# initial ("J."), whose stop stays; a longer word's stop is the sentence's.
INITIAL_MAX_CHARS = 2
# Short forms whose full stop, glued to the next word, does not end a sentence ("प्रो.राम").
HI_ABBREVIATIONS = ("प्रो", "श्री", "स्व", "डॉ", "मो", "कु", "सु")
# A full stop glued to the next Devanagari word ends a sentence after a word of at least this many
# letters ("बन गयी.मंत्री"); shorter words before it are abbreviations ("हि.स.").
HI_GLUED_STOP_MIN_LETTERS = 3

# --- Speech: subject phrases and how far a speaker is looked for ---
# Words of a clause between a subject and its speech verb ("Sai, also, said"), and words that open
# a relative clause ("who was present"): the subject is in the clause before them.
EN_FILLERS = frozenset("also too then later and further".split())
EN_RELATIVES = frozenset("who which whose while".split())
# Conjunctions that join two clauses: a statement is cut before one when the next speaker's cue
# stands in the same sentence ("... और मंत्री X ने कहा").
HI_CLAUSE_CONJUNCTIONS = ("और", "तथा", "एवं", "व")
# A name in the index keeps at most this many words; after a Hindi title at most
# HI_NAME_MAX_WORDS words are the name (more is the sentence going on).
NAME_MAX_WORDS = 4
HI_NAME_MAX_WORDS = 3
# A subject phrase (the words before a speech verb or before ने) has at most this many words;
# a designation ("Minister of Industries Rajyavardhan Rathore") at most DESIGNATION_MAX_WORDS.
SUBJECT_MAX_WORDS = 5
DESIGNATION_MAX_WORDS = 8
# A subject, or a pronoun subject, is read among the last this many words before its verb, in at
# most SUBJECT_MAX_CLAUSES clauses back.
SUBJECT_REACH_WORDS = 8
SUBJECT_MAX_CLAUSES = 4
# "“…,” said Tara Rao, Secretary (Industries)": with no subject before the verb, this many words
# after it are read for the speaker.
AFTER_VERB_SUBJECT_WORDS = 7
# A person the index gives as a speaker for a pronoun or a role has at least this many words
# (a lone word may be a place or a thing).
PERSON_MIN_WORDS = 2
# A short form that drops a name's last word ("Asha Rani said" for "Asha Rani Verma") is given
# the full name only when the full name is printed at least this often: a run of capitalised
# words printed once may be a headline's ("Minister Asha Rani Opens ...").
SHORT_FORM_FULL_NAME_MIN_MENTIONS = 2
# How far back (characters) an office is looked for as the speaker of "it added" or "the
# statement read"; at most SPEAKING_BODY_PREFIX_WORDS capitalised words before it are its name
# ("Chhattisgarh CMO").
SPEAKING_BODY_REACH = 600
SPEAKING_BODY_PREFIX_WORDS = 3
# How far back (characters) a pronoun looks for the subject it stands for.
ANTECEDENT_REACH = 400

# --- Quotation marks --------------------------------------------------------------------
# Opening mark -> closing mark. Straight marks close themselves.
QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "„": "“"}
# A quotation of at most this many words, in the middle of a sentence that runs on after it
# with a lower-case word that is no verb, pronoun or article, is a term the writer marks.
MAX_TERM_WORDS = 5
# A lower-case determiner after a quoted term starts the noun the term qualifies: not running text.
EN_DETERMINERS = frozenset("the a an this that his her their its our my".split())
# A quotation shorter than this many words that is not introduced by a speech verb and a
# comma or colon is a name (an exhibition, a policy, a slogan), not a quote.
MIN_QUOTE_WORDS = 4
# A quoted span this long is a statement even without closing punctuation.
LONG_QUOTE_WORDS = 10
# A quotation longer than this many characters is a mis-paired mark, not a quote.
MAX_QUOTE_CHARS = 4000
# How far (characters) before or after a quotation its attribution is looked for.
ATTRIBUTION_WINDOW = 300
# A quotation's last mark that ends a quoted sentence or clause, or breaks it off.
QUOTE_END_PUNCT = ".,!?।…—-:;"
# A comma or a stop: one before a spaced straight mark closes a quote (`… well, " he said`); a
# quotation of one word attributed after it must end in one.
CLAUSE_END_MARKS = (",", ".", "!", "?")
# "“…,” <subject> said <tail>": the subject has at most AFTER_SUBJECT_MAX_CHARS characters, the
# tail at most AFTER_TAIL_MAX_CHARS; the quotation at least AFTER_MIN_QUOTE_WORDS words.
AFTER_SUBJECT_MAX_CHARS = 60
AFTER_TAIL_MAX_CHARS = 80
AFTER_MIN_QUOTE_WORDS = 2
# Endings of a line that introduces a quotation opening the next line ("… said:", "… लिखा –");
# a line ending in कि does too.
INTRODUCING_ENDINGS = ":,–—-"
# "described the visit as “…”": at most DESCRIBED_GAP_MAX_CHARS characters between the verb and
# "as", at most DESCRIBED_AS_MAX_WORDS words between "as" and the mark.
DESCRIBED_GAP_MAX_CHARS = 60
DESCRIBED_AS_MAX_WORDS = 4

# --- Embedded posts ---------------------------------------------------------------------

# Dashes that open a post's attribution line; "&mdash;" is how some scrapes print it.
POST_DASHES = ("—", "–", "-", "&mdash;", "&#8212;")

# --- Embedded posts: recognition and boundaries ---
# Dashes that may be glued to the word before them ("…pic.twitter.com/abc— Name (@h) …"): a
# long dash is never a hyphen; a "-" glued to a word is, so it needs a space or a line start.
POST_GLUED_DASHES = ("—", "–", "&mdash;", "&#8212;")
# How many lines above its last one a post may run (each scored by the post-line model).
MAX_POST_LINES = 8
# A handle is at most this many characters (X's limit), in an attribution and in a mention.
HANDLE_MAX_CHARS = 15
# Blank lines an attribution may stand below its post's last paragraph (pasted embeds leave
# several); more than this and the text above is not the post's.
POST_MAX_BLANKS = 6
# The most characters a post's text holds, links left out: X's limit (a longer post is cut
# with "…" in its embed); a line that would take a post past it is the article's.
POST_MAX_CHARS = 280
# A line above a post's last line reads as the post's when it speaks in the first person, as
# the article's when it reports in the third (split by person, unlike EN_PRONOUNS/HI_PRONOUNS,
# the subjects the quote finder resolves to a speaker).
EN_FIRST_PERSON = frozenset("i i'm i’m my me we our us".split())
HI_FIRST_PERSON = frozenset("मैं मेरा मेरी मेरे मुझे हम हमारा हमारी हमारे हमें".split())
EN_THIRD_PERSON = frozenset("he she his her him they their".split())
HI_THIRD_PERSON = frozenset("उन्होंने उनके उनकी उनका".split())
# A line of at most this many words above a post is short (a greeting, a hashtag line).
POST_SHORT_WORDS = 5
# A line above a post repeats a line below it when this share of the shorter one's words is
# shared (a post's translation or the article's paraphrase of it).
POST_REPEAT_SHARE = 0.6
# The author's name is looked for in a line by its words of at least this many letters
# (initials and particles such as "of" name no one).
POST_AUTHOR_WORD_MIN_CHARS = 3

# --- Input policy -----------------------------------------------------------------------

# Default size limit of one document; `--max-bytes` changes it.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# C0/C1 control characters a text may legitimately hold.
ALLOWED_CONTROLS = frozenset("\t\n\r")
# The text policy: a character Python calls unprintable (Unicode categories Cc, Cf, Cs, Co,
# Cn, Zl, Zp, Zs) is refused, except these: the allowed controls, every space separator,
# the line and paragraph separators, and the joiners Devanagari needs (ZWNJ, ZWJ). A byte
# order mark is allowed only as a document's first character.
ALLOWED_INVISIBLE = ALLOWED_CONTROLS | frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u2028\u2029\u200c\u200d"
)
BOM = "\ufeff"
# More than this share of undecodable or control bytes makes a file binary, not text.
BINARY_SHARE = 0.10
# ... and at least this many of them: a short text with one stray byte is text with a defect.
BINARY_MIN_BYTES = 16
