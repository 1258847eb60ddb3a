"""Quotation marks: the mark pairs, and the lengths and windows that make a quoted span a
quote rather than a term or a name."""

# Opening mark -> closing mark. Straight marks close themselves. "”…“" is a pair printed the
# wrong way round (issue 22, class 11): ” opens only standing free before a word (REVERSED_OPENERS).
QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "„": "“", "”": "“"}
REVERSED_OPENERS = "”"
# Two apostrophes typed for an opening double mark, which a straight double mark may close
# (''…," she said; issue 22, class 2).
TWO_APOSTROPHES = "''"
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
# "“…,” <Name>, <appositive>, said": a phrase set off by commas between a capitalised name and
# its verb, opening with an article or a relative word ("the state's finance minister", "who
# led the delegation"), of at most APPOSITIVE_MAX_CHARS characters (issue 22, class 2).
APPOSITIVE_MAX_CHARS = 80
EN_APPOSITIVE_OPENERS = ("the", "a", "an", "who", "which", "whose")
AFTER_TAIL_MAX_CHARS = 80
AFTER_MIN_QUOTE_WORDS = 2
# Endings of a line that introduces a quotation opening the next line ("… said:", "… लिखा –");
# a line ending in कि does too.
INTRODUCING_ENDINGS = ":,–—-"
# A line marked as a heading (short, no stop) that ends like this introduces the quotation
# opening the next line ("Arun Mehta said:"): its speech verb is read (issue 22, class 2: a cue
# line above).
CUE_HEADING_ENDINGS = ":–—"
# Opening marks that open a quotation even with a space after them (“ We …”): they point one
# way, and a closing mark follows a word, not a space (a straight mark may do either).
SPACED_OPENERS = "“«"
# Stops after which a straight mark glued to a capital closes the quotation ('… year."The …').
GLUED_CLOSE_STOPS = ".!?"
# What escapes a closing mark in text copied out of code or JSON (\"…\"): never the quotation's.
QUOTE_ESCAPES = "\\"
# "described the visit as “…”": at most DESCRIBED_GAP_MAX_CHARS characters between the verb and
# "as", at most DESCRIBED_AS_MAX_WORDS words between "as" and the mark.
DESCRIBED_GAP_MAX_CHARS = 60
DESCRIBED_AS_MAX_WORDS = 4
