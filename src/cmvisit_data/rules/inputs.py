"""Input policy: the default size limit, the characters a text may hold, and when a file is
binary rather than text."""

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
