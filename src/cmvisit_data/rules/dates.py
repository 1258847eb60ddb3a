"""Dates: month and weekday names, date labels ("Published", "Updated"), digits and ordinals,
and how many words a date line may hold besides its date."""

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
