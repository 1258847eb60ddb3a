"""Bylines and datelines: byline labels and roles, desk and agency credits, names without a
label, and the place (with its region and agency tag) that opens a body paragraph."""

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
