"""Speech: speech verbs and cues, titles and roles, pronouns, where a name or a sentence ends,
subject phrases and how far back a speaker is looked for."""

from . import dates as _dates
from . import scripts as _scripts

# --- Speech: verbs and cues ---
# English speech verbs that attribute a quotation to its speaker.
EN_SPEECH_VERBS = frozenset(
    """said says say added adds stated states noted notes asserted asserts remarked remarks told
    tweeted wrote writes posted shared emphasised emphasized stressed underlined highlighted
    observed declared announced explained urged affirmed mentioned commented replied continued
    concluded insisted recalled assured reiterated informed maintained opined quipped
    acknowledged pointed saying adding stating noting addressing speaking""".split()
)
# More verbs of a speaker's own words ("“…,” he detailed"; "She addressed the farmers. “…”"): issue 22
# class 2, verbs outside the list.
EN_MORE_SPEECH_VERBS = frozenset("detailed elaborated spoke speaks addressed".split())
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
# Verbs whose object is invited "to" do what the quotation says, in the speaker's words ("invited
# investors to “be partners in growth”").
EN_INVITING_VERBS = ("invited", "invites", "inviting")
# Offices that issue statements: the speaker of "“…,” it added" or "the statement read".
EN_SPEAKING_BODIES = ("CMO", "PMO")
# A document that "reads" a quotation after it ("“…,” the statement read").
EN_DOCUMENT_NOUNS = ("statement", "release", "letter", "message", "post", "tweet", "note", "order", "notice")
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
# ("राज्य मंत्री बनाया गया है": no name follows the title), and the demonstratives that open the
# next phrase ("मंत्री रमेश कुमार इन दिनों …": the name runs into the next word otherwise; issue 22,
# class 9); and the days and months a date after the name opens with ("मंत्री X शुक्रवार को …").
HI_NAME_STOPS = (
    frozenset(
        """ने के की का को से में पर और तथा एवं भी जी ही तो व या आज कल यहां वहां इस उस एक दो तीन चार कि
    पांच पाँच छह सात आठ नौ दस सहित समेत द्वारा साथ लिए है हैं था थी थे गया गई गए बनाया बनाए बनी बने
    किया हुआ हुई हुए इन उन यह वह ये वे""".split()
    )
    | frozenset(w for w in _dates.WEEKDAYS if _scripts.has_devanagari(w))
    | frozenset(_dates.HI_MONTHS)
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
