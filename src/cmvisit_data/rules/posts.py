"""Embedded posts: attribution dashes, handles, how far a post runs above its attribution,
and the person a line speaks in."""

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
