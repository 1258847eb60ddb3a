"""Boilerplate: related-link labels, page furniture, end markers, cookie banners, captions,
disclaimers, press-office footers and menu bars."""

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
