"""Bullets and highlights: bullet characters, navigation runs, headings that announce
highlights, where a list of highlights stands, and the labels of metadata items."""

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
