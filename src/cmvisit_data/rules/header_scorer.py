"""Header scorer: the limits and word lists the fitted scorer's features are computed with."""

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
