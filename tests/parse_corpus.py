"""The parser's own corpus, and the digest of what the parser makes of it.

`documents()` gives a few hundred texts written for this project: hand-written pages, one per
shape the parser reads (press-office copy, wire copy, a Hindi report with reported speech,
embedded posts with and without blank lines, numbered and bulleted lists, footers, bylines and
datelines of many forms), and pages composed from them by a seeded generator, so that each
part meets many neighbours; headers varied in what the title and date scorers measure; lexicon
pages, one per word of the parser's vocabularies (speech verbs, titles, months, labels, menu
words ...) placed where that word decides the parse; and boundary pages sized to sit exactly on
a threshold of the parser and one step past it. No text comes from a third-party page. The
seeds are added too.

The corpus is meant to notice a rule that changes: dropping one word from a list in
`cmvisit_data.rules`, or moving one of its thresholds by one, moves at least one digest (checked
by mutating the rules one at a time; the few mutants no page catches are listed in the commit
that last grew this corpus, with why).

`tests/parse_digest.json` holds the sha256 of each document's parse (`parse_text`, canonical
JSON). tests/test_parse_digest.py compares them, so that a change meant to be output-neutral is
checked, not claimed; a change meant to move outputs rewrites the file and names the documents
it moved:

    python tests/parse_corpus.py --update
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIGESTS = HERE / "parse_digest.json"
SEEDS = HERE.parent / "seeds"
# The seeds in the corpus: the project's first two (as tests/conftest.py's ORIGINAL_SEEDS), so
# that the corpus and its digests stay fixed while seeds/ grows with contributions.
SEED_FILES = ("000_a25e3bb1cf0e3701.txt", "001_f633bab6aa95e6a6.txt")
GENERATED = 300
HEADERS = 120

HAND = {
    "press-office-en": (
        "Ministry of Steel\n\nPosted On: 12 MAR 2025 4:10PM by PIB Delhi\n\n"
        "Steel plants to run on green hydrogen by 2030, says Minister\n\n"
        "New Delhi, 12 March 2025: The Union Minister for Steel, Shri Harish Verma, on Wednesday "
        "said that every integrated plant would run a hydrogen pilot before 2030.\n\n"
        "“We will not wait for the market to move first,” Shri Verma said at the review meeting.\n\n"
        "The meeting was attended by the Secretary, Ms. Leela Kurup, and senior officers.\n\n"
        "AB/SK\n\n(Release ID: 2110345)\n\nRead this release in: Hindi\n\nFollow us on social media\n"
    ),
    "press-office-hi": (
        "जनसंपर्क विभाग छत्तीसगढ़\n\nरायपुर, 14 मार्च 2025\n\n"
        "मुख्यमंत्री ने किसानों को दी बोनस की सौगात\n\n"
        "रायपुर, 14 मार्च 2025। मुख्यमंत्री श्री अरुण देव ने आज यहां कहा कि धान खरीदी का बोनस "
        "इसी माह किसानों के खातों में पहुंचेगा। उन्होंने बताया कि इसके लिए राशि जारी कर दी गई है।\n\n"
        "कृषि मंत्री श्री रमेश पटेल ने कहा कि समितियों में भुगतान की व्यवस्था की गई है।\n\n"
        "क्रमांक-1187/सुनील\n"
    ),
    "wire-en": (
        "Home / India News / Chhattisgarh\n\nCM opens solar park in Bilaspur district\n\n"
        "By Express News Service\n\nUpdated: Mar 14, 2025 10:21 IST\n\n"
        "Bilaspur (PTI): Chief Minister Arun Dev on Friday opened a 200 MW solar park, saying, "
        "“This is the first of ten such parks.”\n\n"
        "“Every village will have power by the end of the year,” Dev, who also holds the energy "
        "portfolio, told reporters.\n\n"
        "He added that the park would employ 400 people.\n\nAlso Read: Power tariff unchanged this year\n"
    ),
    "post-no-blank-lines": (
        "Minister greets students at science fair\n"
        "Raipur: Minister Kavita Rao visited the science fair on Monday. “The young minds here give "
        "me hope,” Rao said.\n"
        "Proud of our students and their models #ScienceFair pic.twitter.com/abc123\n"
        "— Kavita Rao (@kavitarao) March 3, 2025\n"
        "The fair will close on Friday.\n"
    ),
    "post-with-blank-lines": (
        "Chief Minister meets investors in Seoul\n\n"
        "Seoul: Chief Minister Arun Dev met investors on Tuesday.\n\n"
        "Had a fruitful meeting with the heads of five firms.\n\n"
        "The state is open for business. pic.twitter.com/xyz789\n\n"
        "— Arun Dev (Office of CM) (@cmoffice) August 26, 2025\n\n"
        "The delegation returns on Sunday.\n"
    ),
    "numbered-highlights": (
        "Cabinet approves five decisions\n\nRaipur, March 5, 2025\n\n"
        "1. New rice mill policy approved\n2. Teachers to get revised pay\n3) Two new medical colleges\n\n"
        "Raipur: The state cabinet on Wednesday approved five decisions, the spokesperson said.\n\n"
        "Country: India\n\nTags: Cabinet, Policy\n"
    ),
    "bullet-highlights-hi": (
        "सरकार ने नई उद्योग नीति जारी की\n\n"
        "• नई नीति में छोटे उद्योगों को छूट\n• दस हजार युवाओं को रोजगार का लक्ष्य\n"
        "➡️ निवेशकों के लिए एकल खिड़की\n\n"
        "भोपाल। उद्योग मंत्री श्री सुरेश वर्मा ने बताया गया है कि नीति एक अप्रैल से लागू होगी। "
        "उन्होंने निर्देश दिए कि आवेदन सात दिन में निपटाए जाएं।\n"
    ),
    "hindi-quotes": (
        "मुख्यमंत्री बोले- हर गांव तक पहुंचेगी बिजली\n\n"
        "रायपुर/जापान। मुख्यमंत्री विष्णु देव ने कहा, “हमारा लक्ष्य हर घर तक बिजली पहुंचाना है।” "
        "उन्होंने कहा कि इस काम में देर नहीं होगी।\n\n"
        "ऊर्जा मंत्री सिंह ने कहा- सभी परियोजनाएं समय पर पूरी होंगी।\n\n"
        "विधायक राम कुमार सिंह का कहना है कि क्षेत्र में नई लाइनें बिछाई जाएंगी।\n"
    ),
    "byline-forms": (
        "District gets new bus terminal\n\nByAsha Nair\n\nPublished on: 2 Sept. 2025\n\n"
        "Durg, September 2: The new bus terminal opened on Tuesday, officials said.\n\n"
        "“Buses will leave every ten minutes,” said transport officer Manoj Lal, who oversees "
        "the depot.\n\nWeb Desk\n"
    ),
    "quotes-en-forms": (
        "Governor urges youth to vote\n\n"
        "Ranchi: Governor Meera Shah urged young people to vote, describing the election as "
        "“a festival of democracy”.\n\n"
        "' 'Every vote counts,' ' she said. \"We must all take part,\" she added.\n\n"
        "The statement read: “The Raj Bhavan will host a youth meet on Sunday.”\n\n"
        "Shah detailed the plan: “Volunteers will visit each college.”\n"
    ),
    "date-forms": (
        " date 2024-03-01\n\nLast Updated : Mar 9 2025 | 11:02 AM IST\n\n"
        "Monday, 10 March 2025\n\nPort city signs pact with Busan\n\n"
        "Kochi, 9th March '25: The port trust signed a pact with Busan on Sunday.\n\n"
        "Dated 09.03.25\n"
    ),
    "menus-and-banners": (
        "Home News Markets Policy Opinion Videos\n\nWe use cookies to improve your experience. Accept\n\n"
        "Share on Facebook Share on X WhatsApp\n\nADVERTISEMENT\n\n"
        "Monsoon session to begin in July\n\n"
        "Lucknow: The monsoon session of the assembly will begin on July 20, the Speaker said on "
        "Monday.\n\nयह भी पढ़ें: बजट सत्र की तारीख तय\n\n© 2025 Example Times. All rights reserved.\n"
    ),
    "glued-standfirst-en": (
        "Korba gets its first e-bus depot Amid rising demand the city will run forty buses from June.\n\n"
        "By Tarun Das and Ira Kerketta | Korba | Updated: Tuesday, 4 March 2025 6:15 PM IST\n\n"
        "KORBA During a visit on Tuesday, Transport Minister Meena Sahu opened the depot and said the "
        "buses would link the coal towns.\n\nKey Points\n\n✓ Forty buses from June\n✓ Fares cut by a fifth\n\n"
        "“Nobody should wait more than fifteen minutes for a bus,” said Minister for Transport Meena Sahu, "
        "adding that women would travel free on Sundays.\n\nThe depot, who built it and how, was "
        "described by the engineer in charge, Kabir Minz: “We finished it in eleven months.”\n\n"
        "Must Read: Durg to get a ring road\n\nYou May Also Like\n\nSeoul firm to set up plant in Bhilai\n"
    ),
    "bridge-and-pronoun-hi": (
        "पूर्व विधायक ने किया नहर का लोकार्पण\n\nसंवाददाता डेस्क, बिलासपुर।\n\n"
        "बिलासपुर। विधायक रहे मोहन ठाकुर आज नहर के लोकार्पण समारोह में पहुंचे। उन्होंने कहा कि अब खेतों तक "
        "पानी समय पर पहुंचेगा। महापौर पूजा नाग ने भरोसा दिलाया कि नगर की सड़कों की मरम्मत भी होगी और "
        "कलेक्टर यश जोशी बोले- काम की निगरानी रोज होगी।\n\nमुख्य बातें\n\n● नहर से चार हजार किसानों को लाभ\n"
        "● सड़कों की मरम्मत अगले माह\n\nमोहन ठाकुर की रिपोर्ट\n"
    ),
    "tokyo-visit-en": (
        "Tokyo: CM Arun Dev meets chip makers, invites them to Naya Raipur\n\nSeoul Bureau - Tokyo\n\n"
        "Tokyo, Aug 26 (IANS): Chief Minister Arun Dev met the heads of three chip makers on Tuesday.\n\n"
        "Addressing the round table, the CM said: “Chhattisgarh has land, power and water ready for you.”\n\n"
        "Industries Secretary Leela Kurup, who accompanied him, said the state would offer a single-window "
        "clearance within thirty days.\n\n“We will come and see the site,” they said.\n\n"
        "Had a productive round table with chip makers in Tokyo. #InvestCG pic.twitter.com/tky26\n"
        "&#8212; Arun Dev (@arundev_cg) August 26, 2025\n\n(Disclaimer: This story is auto-generated from a "
        "syndicated feed.)\n"
    ),
}

# Parts the generator composes: all invented for this corpus.
PLACES = ["Raipur", "Bilaspur", "Durg", "Korba", "Jagdalpur", "Tokyo", "Osaka", "Seoul"]
HI_PLACES = ["रायपुर", "बिलासपुर", "दुर्ग", "कोरबा", "जगदलपुर"]
PEOPLE = ["Arun Dev", "Kavita Rao", "Harish Verma", "Leela Kurup", "Manoj Lal", "Asha Nair", "Ravi Singh"]
HI_PEOPLE = ["अरुण देव", "कविता राव", "हरीश वर्मा", "रमेश पटेल", "सुनीता सिंह"]
ROLES = ["Chief Minister", "Minister", "Collector", "Secretary", "MLA"]
HI_ROLES = ["मुख्यमंत्री", "मंत्री", "कलेक्टर", "विधायक"]
MONTHS = ["January", "March", "May", "August", "September", "November"]
HI_MONTHS = ["जनवरी", "मार्च", "मई", "अगस्त", "सितंबर", "नवंबर"]
EN_VERBS = ["said", "added", "told reporters", "stated", "noted", "posted", "wrote"]
HI_CUES = ["ने कहा कि", "ने बताया कि", "ने विश्वास व्यक्त किया कि", "का कहना है कि", "ने घोषणा की कि"]
EN_CLAUSES = [
    "the new policy will bring investment to every district",
    "work on the road will finish before the monsoon",
    "farmers will be paid within a week",
    "the state welcomes firms from Japan and Korea",
    "every school will get a science lab this year",
]
HI_CLAUSES = [
    "नई नीति से हर जिले में निवेश आएगा",
    "सड़क का काम बारिश से पहले पूरा होगा",
    "किसानों को एक सप्ताह में भुगतान होगा",
    "हर स्कूल में इस वर्ष प्रयोगशाला बनेगी",
]
SHORT_QUOTES = ["We are ready", "Thank you all", "Jai Johar", "A historic day", "Work begins now"]
FILLER = [
    "Officials from six departments attended the meeting.",
    "The district has seen steady growth in the last three years.",
    "Several proposals were placed before the committee for approval.",
    "The meeting lasted over two hours and ended with a vote of thanks.",
]
BULLETS = ["• ", "- ", "* ", "▪ ", "➡️ ", "1. "]
FOOTERS = ["AB/SK", "(Release ID: 2204518)", "Follow us on social media", "क्रमांक-2041/राजेश",
           "© 2025 Example Times"]  # fmt: skip


def _english(rng: random.Random) -> str:
    place, person, role = rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(ROLES)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.choice([2024, 2025])
    gap = rng.choice(["\n\n", "\n"])
    parts = []
    if rng.random() < 0.3:
        parts.append("Home | News | State")
    parts.append(f"{role} {person.split()[-1]} {rng.choice(['reviews', 'opens', 'announces'])} "
                 f"{rng.choice(['road project', 'solar park', 'new policy', 'health camp'])}")  # fmt: skip
    if rng.random() < 0.6:
        parts.append(rng.choice([f"By {rng.choice(PEOPLE)}", f"By {rng.choice(PEOPLE)} | {place}",
                                 "Express News Service", f"By: {rng.choice(PEOPLE)} and {rng.choice(PEOPLE)}",
                                 "By Special Correspondent of the State News Desk",
                                 f"By {rng.choice(PEOPLE)} Staff Reporter {place}"]))  # fmt: skip
    if rng.random() < 0.7:
        parts.append(rng.choice([f"Published: {month} {day}, {year}", f"Updated on {day} {month} {year}",
                                 f"{month[:3]} {day}, {year} 10:{day:02d} IST"]))  # fmt: skip
    if rng.random() < 0.4:
        bullet = rng.choice(BULLETS)
        items = rng.sample(EN_CLAUSES, rng.randint(2, 4))
        numbered = bullet == "1. "
        parts.append("\n".join(f"{i + 1}. {c.capitalize()}" if numbered else f"{bullet}{c.capitalize()}"
                               for i, c in enumerate(items)))  # fmt: skip
    opener = rng.choice([f"{place}: ", f"{place}, {month} {day}: ", f"{place} (PTI): ", f"{place}, ", ""])
    parts.append(f"{opener}{role} {person} on {rng.choice(['Monday', 'Friday'])} said that "
                 f"{rng.choice(EN_CLAUSES)}.")  # fmt: skip
    for _ in range(rng.randint(1, 3)):
        verb = rng.choice(EN_VERBS)
        size = rng.randrange(4)  # a short quote, or one to three clauses
        clause = rng.choice(SHORT_QUOTES) if size == 0 else " and ".join(rng.sample(EN_CLAUSES, size))
        form = rng.randrange(5)
        if form == 0:
            parts.append(f"“{clause.capitalize()},” {person.split()[-1]} {verb}.")
        elif form == 1:
            parts.append(f"{person}, the {role.lower()}, {verb}: “{clause.capitalize()}.”")
        elif form == 2:
            parts.append(f'"{clause.capitalize()}," he {verb}, "and {rng.choice(EN_CLAUSES)}."')
        elif form == 3:
            filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(1, 6)))
            parts.append(
                f"{person} {verb} on Monday. {filler} “{clause.capitalize()},” the {role.lower()} said."
            )
        else:
            parts.append(f"He also said {clause}.")
    if rng.random() < 0.3:
        parts.append(
            rng.choice(["ADVERTISEMENT", "Also Read: Budget session dates fixed", "Share on WhatsApp"])
        )
    if rng.random() < 0.3:
        handle = person.split()[0].lower()
        parts.append(f"{rng.choice(EN_CLAUSES).capitalize()} #Progress pic.twitter.com/{handle}1\n"
                     f"{rng.choice(['— ', '- ', '&mdash; '])}{person} (@{handle}) {month} {day}, {year}")  # fmt: skip
    if rng.random() < 0.4:
        parts.append(rng.choice(FOOTERS))
    return gap.join(parts) + "\n"


def _hindi(rng: random.Random) -> str:
    place, person, role = rng.choice(HI_PLACES), rng.choice(HI_PEOPLE), rng.choice(HI_ROLES)
    day, month = rng.randint(1, 28), rng.choice(HI_MONTHS)
    gap = rng.choice(["\n\n", "\n"])
    parts = [f"{role} {person} ने की {rng.choice(['समीक्षा', 'घोषणा', 'शुरुआत'])}"]
    if rng.random() < 0.5:
        parts.append(rng.choice(["हिन्दुस्तान ब्यूरो", f"रिपोर्ट: {rng.choice(HI_PEOPLE)}", f"{day} {month} 2025"]))
    if rng.random() < 0.3:
        parts.append("\n".join(f"{rng.choice(BULLETS)}{c}" for c in rng.sample(HI_CLAUSES, 2)))
    opener = rng.choice([f"{place}। ", f"{place}, {day} {month} 2025। ", f"{place}: ", ""])
    sentences = []
    for _ in range(rng.randint(1, 3)):
        cue, clause = rng.choice(HI_CUES), rng.choice(HI_CLAUSES)
        sentences.append(rng.choice([f"{role} {person} {cue} {clause}।", f"उन्होंने कहा कि {clause}।",
                                     f"{person} ने कहा, “{clause}।”", f"{person} बोले- {clause}।"]))  # fmt: skip
    parts.append(opener + rng.choice([" ", ""]).join(sentences))
    if rng.random() < 0.3:
        parts.append(rng.choice(FOOTERS))
    return gap.join(parts) + "\n"


def _header(rng: random.Random) -> str:
    """A page whose header varies in the measures the title and date scorers read: how many
    lines come above the title, the title's length and case, a site suffix, a credit line's
    length, the words around the date."""
    words = rng.sample(FILLER_WORDS, len(FILLER_WORDS)) * 3
    parts = [
        rng.choice(["Home", "Menu", "Raipur", "Live TV", "E-paper"])
        for _ in range(rng.choice([0, 0, 1, 2, 8, 9, 10, 11]))
    ]
    size = rng.choice([1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 19, 20, 21, 29, 30, 31])
    title = " ".join(words[:size]).capitalize()
    title = title.upper() if rng.random() < 0.15 else title
    if rng.random() < 0.3:
        title += rng.choice([" | Korba Times", " - Durg Daily News Network", " – CG"])
    parts.append(title)
    if rng.random() < 0.5:
        credit = f"{_name(rng.randrange(50))}, {rng.choice(REPORTER_ROLES)}"
        parts.append(credit + "".join(f" {w}" for w in words[: rng.choice([0, 3, 4, 5, 6])]))
    if rng.random() < 0.6:
        date = f"{rng.choice(WEEKDAY_FORMS[:7])}, {rng.randint(1, 28)} {rng.choice(MONTHS)} 2025"
        parts.append(date + "".join(f" {w}" for w in words[: rng.choice([0, 1, 3, 9, 10, 11, 12, 13])]))
    for _ in range(rng.choice([1, 2, 3])):
        sentence = " ".join(words[: rng.choice([8, 9, 10, 11, 19, 20, 21])]).capitalize()
        parts.append(sentence + rng.choice([".", "", "."]))
    if rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts)), rng.choice(CAPTIONS))
    return "\n\n".join(parts) + "\n"


# --- Lexicon pages ----------------------------------------------------------------------------
# One small page per word of the parser's vocabularies, each page placing the word where its
# rule decides the parse (a speech verb after a quotation, a title before a name, a month in a
# date line ...). The words are spelled out here, not imported from the parser: a word dropped
# from the parser's lists then moves this page's digest.

FIRST = ["Meena", "Tarun", "Nisha", "Kabir", "Ira", "Dev", "Sona", "Aman", "Ritu", "Yash", "Pooja"]
LAST = ["Sahu", "Das", "Joshi", "Bhagat", "Kerketta", "Minz", "Tandon", "Ekka", "Nag", "Patel"]
HI_FIRST = ["रीना", "तरुण", "निशा", "कबीर", "सोना", "अमन", "रितु", "यश", "पूजा", "मोहन"]
HI_LAST = ["साहू", "दास", "जोशी", "भगत", "मिंज", "टंडन", "एक्का", "नाग", "पटेल", "ठाकुर"]
QUOTE = "We will finish the road before the rains"
HI_CLAUSE = "सड़क का काम बारिश से पहले पूरा होगा"
EN_BODY = "The council met on Monday to review the road plan and the new health centres of the district."
HI_BODY = "जिले में सड़क निर्माण की योजना की समीक्षा के लिए आज कलेक्टर कार्यालय में बैठक आयोजित की गई।"

SPEECH_VERBS = """said says say added adds stated states noted notes asserted asserts remarked remarks
told tweeted wrote writes posted shared emphasised emphasized stressed underlined highlighted observed
declared announced explained urged affirmed mentioned commented replied continued concluded insisted
recalled assured reiterated informed maintained opined quipped acknowledged pointed saying adding
stating noting addressing speaking""".split()
NAME_TITLES = """CM PM Chief Prime Minister Shri Smt Mr Mrs Ms Dr President Union Governor Ambassador
Secretary Chairman Deputy MP MLA""".split()
PORTFOLIOS = """Commerce Home External Affairs Finance Industries Industry Health Agriculture Education
Tourism Revenue Labour Transport Culture Defence Railways Textiles""".split()
ROLE_NAMES = ["CM", "Chief Minister", "Prime Minister", "PM", "President", "Minister", "Governor"]
PRONOUNS = ["he", "she", "they", "we", "I", "him", "his", "her", "it"]
HI_CUE_VERBS = ["कहा", "बताया", "जताई", "जताया", "दोहराया", "जोड़ा", "लिखा", "बोले", "बोलीं", "बोली", "कहते हैं",
                "व्यक्त किया", "व्यक्त की", "रेखांकित किया", "उल्लेख किया", "स्पष्ट किया", "स्पष्ट कहा",
                "आश्वस्त किया", "आश्वासन दिया", "भरोसा दिलाया", "घोषणा की", "जोर दिया", "ज़ोर दिया", "जानकारी दी",
                "साझा किया", "अपील की", "आह्वान किया", "विश्वास जताया", "उम्मीद जताई"]  # fmt: skip
HI_TITLES = """मुख्यमंत्री सीएम प्रधानमंत्री पीएम राष्ट्रपति श्री श्रीमती मंत्री राज्यपाल उपमुख्यमंत्री अध्यक्ष जिलाध्यक्ष
सांसद विधायक डॉ डॉक्टर केंद्रीय गृहमंत्री नेता प्रदेशाध्यक्ष महापौर कलेक्टर राजदूत""".split()
HI_STOPS = """ने के की का को से में पर और तथा एवं भी जी ही तो व या आज कल यहां वहां इस उस एक दो तीन चार कि पांच
पाँच छह सात आठ नौ दस सहित समेत द्वारा साथ लिए है हैं था थी थे गया गई गए बनाया बनाए बनी बने किया हुआ हुई हुए""".split()
HI_PRONOUNS = "उन्होंने उन्होने इन्होंने इन्होने उसने इसने वे वह उनका उनके मैंने हमने".split()
NOT_PLACE_WORDS = """The A An In On At As But And Also Note Update Updates Watch Video Videos Photo Photos Read
Highlights Breaking Exclusive Live Source Disclaimer Image Caption Tags Tag Category Country State Topic
Topics Q Question Answer Edited Written Posted Published Updated By Share Follow Subscribe Advertisement
Related More Click See During After Before With From According Chief Prime Minister CM PM Mr Ms Dr Shri
News Big Featured Trending न्यूज़ न्यूज समाचार खबर ख़बर खबरें""".split()
STARTERS = """While As After Before Amid Amidst During Following With In On At The This These Those It Its He
She They We His Her Their A An From Under Since Despite Although Though When According Addressing
Speaking""".split()
NO_BREAK = """of in at for and to the with on by from a an as or into over about between its his her their
our your than vs via""".split()
EN_MONTH_FORMS = """January Jan February Feb March Mar April Apr May June Jun July Jul August Aug September
Sep Sept October Oct November Nov December Dec""".split()
HI_MONTH_FORMS = """जनवरी फरवरी फ़रवरी मार्च अप्रैल अप्रेल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर
नवम्बर दिसंबर दिसम्बर""".split()
WEEKDAY_FORMS = """Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs
Fri Sat Sun सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार""".split()
DATE_LABELS = ["Published on", "Published", "First published", "Posted on", "Created", "प्रकाशित", "प्रकाशन",
               "Last updated", "Updated on", "Updated", "Modified", "अपडेटेड", "अपडेट", "अद्यतन"]  # fmt: skip
AUTHOR_LABELS = ["Written by", "Edited by", "Reported by", "Posted by", "Compiled by", "By", "द्वारा",
                 "रिपोर्ट", "लेखक", "संवाददाता"]  # fmt: skip
REPORTER_ROLES = ["Correspondent", "Reporter", "Staff Writer", "Contributor", "संवाददाता", "रिपोर्टर"]
DESKS = ["Desk", "Bureau", "Network", "डेस्क", "ब्यूरो"]
CREDIT_AGENCIES = ["Jan Samachar", "Raipur News", "Sun Agency", "भारत एजेंसी"]
NAV_MENU = """Home News About Contact Us Login Sign Subscribe Menu Search Videos Video Sports Business
Entertainment Magazines Magazine Conferences Careers Advertise Opinion World India National International
Lifestyle Tech Technology Politics Photos Gallery Epaper E-paper""".split()
FURNITURE = ["Advertisement", "Advertisment", "Sponsored", "विज्ञापन", "No script", "Noscript", "Logo",
             "Share", "Tweet", "WhatsApp", "Facebook", "Email", "Print", "Copy link", "Share this",
             "Share this article", "Was this article helpful?", "Feedback", "Comments", "शेयर करें",
             "Skip to content", "Menu", "Search"]  # fmt: skip
ENDINGS = ["More Stories", "Related Posts", "Related News", "Related Articles", "You May Also Like",
           "Trending", "Latest News", "Top Stories", "Recommended Stories", "Also read these",
           "संबंधित खबरें", "ताज़ा खबरें", "ताजा खबरें", "और पढ़ें", "लेटेस्ट न्यूज़"]  # fmt: skip
BANNERS = [
    "Cookie settings",
    "We use cookies on this site",
    "Accept all",
    "Subscribe to our newsletter",
    "🍪",
]
DISCLAIMERS = ["(This story is unedited.)", "(This copy is auto-generated from a feed.)",
               "(Syndicated copy.)", "(The post is embedded directly from the account.)",
               "(Our staff may not have modified this text.)", "(The site does not endorse it.)",
               "(The views expressed are the author's own.)", "(Disclaimer: for reference only.)"]  # fmt: skip
CAPTIONS = ["(Image: State office)", "(Photo: State office)", "Image: State office", "Photo: State office",
            "Photo credit State office", "(File photo of the plant)", "File photo of the plant",
            "Korba-photo by the office", "(Pic: State office)"]  # fmt: skip
HIGHLIGHT_TITLES = ["Highlights", "Key Points", "Key Takeaways", "Takeaways", "At a Glance", "In Brief",
                    "Key Highlights", "मुख्य बातें", "खास बातें", "मुख्य बिंदु", "हाइलाइट्स", "प्रमुख बातें",
                    "मुख्य अंश"]  # fmt: skip
READ_LINKS = ["Also Read", "Must Read", "Read Also", "Read More", "Recommended", "Related", "Also Watch",
              "Watch", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "इन्हें भी पढ़ें", "यह भी देखें", "ये भी देखें",
              "पढ़ें"]  # fmt: skip
BULLET_MARKS = "•▪●◦‣∙·▸►▹✓✔✅■□➤➢*-–—"


def _name(i: int) -> str:
    """The i-th invented name (no two of the first 110 share a first or last name pair)."""
    return f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}"


def _hi_name(i: int) -> str:
    return f"{HI_FIRST[i % len(HI_FIRST)]} {HI_LAST[(i + i // len(HI_FIRST)) % len(HI_LAST)]}"


TITLE = "District council reviews road plan number"


def _en_page(i: int, *lines: str) -> str:
    return f"{TITLE} {i}\n\nRaipur: {EN_BODY}\n\n" + "\n\n".join(lines) + "\n"


def _hi_page(i: int, *lines: str) -> str:
    return f"जिले में सड़क योजना की समीक्षा बैठक {i}\n\n{HI_BODY}\n\n" + "\n\n".join(lines) + "\n"


def lexicon_pages() -> dict[str, str]:
    """Name -> text: the lexicon pages, named by the rule and the word they decide."""
    pages: dict[str, str] = {}

    def add(rule: str, k: int, text: str) -> None:
        pages[f"lex-{rule}-{k:02d}"] = text

    for k, verb in enumerate(SPEECH_VERBS):
        add("verb", k, _en_page(k, f"“{QUOTE},” {_name(k)} {verb} after the meeting."))
    for k, title in enumerate(NAME_TITLES):
        add("title", k, _en_page(k, f"“{QUOTE},” {title} {_name(k + 3)} said."))
    for k, portfolio in enumerate(PORTFOLIOS):
        link = "for" if k % 2 else "of"
        add("portfolio", k, _en_page(k, f"“{QUOTE},” Minister {link} {portfolio} {_name(k + 5)} said."))
    for k, role in enumerate(ROLE_NAMES):
        other = "Governor" if role == "Minister" else "Minister"
        people = (
            f"{role} {_name(k + 7)} and {other} {_name(k + 8)} visited the site on Friday. "
            f"{other} {_name(k + 8)} spoke first."
        )
        add("role", k, _en_page(k, people, f"“{QUOTE},” the {role} said."))
    for k, pronoun in enumerate(PRONOUNS):
        # the pronoun's antecedent is not the person the page names most
        named = (
            f"Governor Ira Nag opened the camp. Governor Ira Nag met the staff. Minister {_name(k + 2)} came."
        )
        add("pronoun", k, _en_page(k, named, f"“{QUOTE},” {pronoun} said."))
    for k, verb in enumerate(HI_CUE_VERBS):
        add("hi-verb", k, _hi_page(k, f"मंत्री {_hi_name(k)} ने {verb} कि {HI_CLAUSE}।"))
    for k, verb in enumerate(["कहा", "बोले", "बोलीं", "बोली", "लिखा"]):
        add("hi-dash", k, _hi_page(k, f"विधायक {_hi_name(k + 1)} {verb}- {HI_CLAUSE}।"))
    for k, title in enumerate(HI_TITLES):
        add("hi-title", k, _hi_page(k, f"{title} {_hi_name(k + 2)} ने कहा कि {HI_CLAUSE}।"))
    for k, word in enumerate(HI_STOPS):
        add("hi-stop", k, f"सड़क योजना की समीक्षा\n\n{word}\n\n{HI_BODY} {HI_BODY}\n")
    for k, pronoun in enumerate(HI_PRONOUNS):
        named = f"मुख्यमंत्री अरुण देव शिविर में आए। अरुण देव ने शिविर देखा। कलेक्टर {_hi_name(k)} भी पहुंचे।"
        add("hi-pronoun", k, _hi_page(k, named, f"{pronoun} कहा कि {HI_CLAUSE}।"))
    for k, word in enumerate(NOT_PLACE_WORDS):
        add("not-place", k, f"Council reviews road plan\n\n{word}: {EN_BODY}\n")
        add("not-place-alone", k, f"Council reviews road plan\n\n{word}\n\n{EN_BODY} {EN_BODY}\n")
    for k, word in enumerate(STARTERS):
        line = f"Minister Arun Dev opens solar park in Korba {word} plant will light every village nearby."
        add("glued", k, f"{line}\n\nKorba: {EN_BODY}\n\n{FILLER[0]}\n")
        add("starter", k, f"Council reviews road plan\n\nBILASPUR {word} the council met, {EN_BODY[4:]}\n")
    for k, word in enumerate(NO_BREAK):
        line = f"Minister Arun Dev opens solar park {word} The Korba plant will light every village nearby."
        add("no-break", k, f"{line}\n\nKorba: {EN_BODY}\n\n{FILLER[0]}\n")
    for k, month in enumerate(EN_MONTH_FORMS):
        add("month", k, f"Council reviews road plan\n\n{month} 5, 2025\n\nRaipur: {EN_BODY}\n")
    for k, month in enumerate(HI_MONTH_FORMS):
        add("hi-month", k, f"सड़क योजना की समीक्षा\n\n5 {month} 2025\n\nरायपुर। {HI_BODY}\n")
    for k, day in enumerate(WEEKDAY_FORMS):
        # a date printed above the title, with its time: its weekday decides whether it is taken
        add("weekday", k, f"{day}, 5 March 2025 10:30\n\n{TITLE} {k}\n\nRaipur: {EN_BODY}\n")
    for k, label in enumerate(DATE_LABELS):
        add(
            "date-label",
            k,
            f"Council reviews road plan\n\n{label}: 5 March 2025 city edition page\n\nRaipur: {EN_BODY}\n",
        )
    for k, label in enumerate(AUTHOR_LABELS):
        add("author-label", k, f"Council reviews road plan\n\n{label} {_name(k)}\n\nRaipur: {EN_BODY}\n")
    for k, role in enumerate(REPORTER_ROLES):
        add("reporter", k, f"Council reviews road plan\n\n{_name(k)}, {role}, Raipur\n\nDurg: {EN_BODY}\n")
    for k, desk in enumerate(DESKS):
        add("desk", k, _en_page(k, f"City {desk}"))
        add("desk-place", k, f"Council reviews road plan\n\nCity {desk} - Durg\n\n{EN_BODY}\n")
    for k, agency in enumerate(CREDIT_AGENCIES):
        add("agency", k, _en_page(k, f"{agency} / {_name(k)}"))
    for k, credit in enumerate(["की रिपोर्ट", "की खास रिपोर्ट"]):
        add("hi-credit", k, _hi_page(k, f"{_hi_name(k)} {credit}"))
    menu = [f"{w} Raipur Durg Bilaspur Korba {'Home' if w == 'Videos' else 'Videos'}" for w in NAV_MENU]
    pages["lex-nav"] = _en_page(0, *menu, "Raipur Durg Bilaspur Korba Jashpur Home")
    pages["lex-furniture"] = _en_page(0, *FURNITURE)
    for k, marker in enumerate(ENDINGS):
        add("end", k, _en_page(k, marker, "Road plan for the next year gets approval"))
    pages["lex-banners"] = _en_page(0, *BANNERS)
    pages["lex-disclaimers"] = _en_page(0, *DISCLAIMERS)
    for k, caption in enumerate(CAPTIONS):
        add("caption", k, f"Chief Minister opens the solar park {caption}\n\nRaipur: {EN_BODY}\n")
    for k, heading in enumerate(HIGHLIGHT_TITLES):
        items = "• New road to every village\n• Health centres in each block"
        add("highlights", k, _en_page(k, "The plan was approved on Friday by the council.", heading, items))
    pages["lex-read-links"] = _en_page(
        0, *(f"{label}: Road plan for next year approved" for label in READ_LINKS)
    )
    for k, mark in enumerate(BULLET_MARKS):
        add("bullet", k, f"Council reviews road plan\n\n{mark} New road to every village\n{mark} Health centres "
                         f"in each block\n\nRaipur: {EN_BODY}\n")  # fmt: skip
    for k, (opening, closing) in enumerate(["«»", "„“", "“”", "‘’"]):
        add("marks", k, _en_page(k, f"{opening}{QUOTE},{closing} {_name(k)} said."))
    for k, dash in enumerate(["—", "–", "-", "&mdash;", "&#8212;"]):
        post = f"Roads for every village #Progress pic.twitter.com/road{k}\n{dash} {_name(k)} (@roads{k}) March 3, 2025"
        add("post-dash", k, _en_page(k, post, "The work will begin in April."))
    for k, bridge in enumerate(["रहे", "रहीं", "रही"]):
        named = f"विधायक {bridge} {_hi_name(k + 4)} शिविर में पहुंचे।"
        add("hi-bridge", k, _hi_page(k, named, f"उन्होंने कहा कि {HI_CLAUSE}।"))
    return pages


# --- Boundary pages ---------------------------------------------------------------------------
# Texts sized to sit exactly on one of the parser's thresholds, and one step past it: a quote of
# ten words and of nine, a speech verb 300 characters before a quotation and 301, a byline of
# five words and of six. A threshold moved by one either way then moves a digest.

FILLER_WORDS = "the district road plan covers every block and each village in the hills".split()


def _filler(chars: int) -> str:
    """Plain words (no speech verb, no sentence end), cut to exactly `chars` characters."""
    text = " ".join(FILLER_WORDS) + " "
    return (text * (chars // len(text) + 1))[:chars]


def boundary_pages() -> dict[str, str]:
    pages: dict[str, str] = {}
    words = "we will build a road to every village in the state this year".split()
    for n in (3, 4, 5, 9, 10, 11):
        quote = " ".join(words[:n])
        # an unpunctuated quotation after a verb earlier in the sentence
        pages[f"edge-quote-words-{n}"] = _en_page(
            n, f"{_name(n)} said on Monday the plan was “{quote}” in the hall."
        )
        # a punctuated one
        pages[f"edge-quote-words-dot-{n}"] = _en_page(
            n, f"{_name(n + 1)} said on Monday the plan was “{quote.capitalize()}.” in the hall."
        )
    for n in (149, 150, 151, 298, 299, 300, 301, 302, 599, 600, 601):
        # a speech verb n characters before the quotation opens, in one sentence
        pad = _filler(n - len("said "))
        pages[f"edge-window-{n}"] = _en_page(
            n, f"Minister {_name(n)} said {pad}“{QUOTE} and the bridge too.”"
        )
    for n in (1999, 2000, 2001, 3998, 3999, 4000, 4001, 4002, 7999, 8000, 8001):
        body = _filler(n - 1) + "."
        pages[f"edge-quote-chars-{n}"] = _en_page(n, f"{_name(n)} said: “{body}”")
    for n in (3, 4, 5, 6, 7, 10, 11):
        names = " ".join(f"{FIRST[k]}" for k in range(n - 2)) + " and " + LAST[n % len(LAST)]
        pages[f"edge-byline-words-{n}"] = f"{TITLE} {n}\n\nBy\n{names}\n\nRaipur: {EN_BODY}\n"
        pages[f"edge-credit-words-{n}"] = _hi_page(n, "हिन्दुस्थान समाचार/" + " ".join(HI_FIRST[:n]))
    extras = "city edition page four five six seven".split()
    for n in range(0, 8):
        line = " ".join(["5 March 2025", *extras[:n]])
        pages[f"edge-date-extra-{n}"] = f"Council reviews road plan\n\n{line}\n\nRaipur: {EN_BODY}\n"
    for n in (4, 5, 9, 10, 11, 12, 19, 20, 21):
        tail = " ".join((FILLER_WORDS * 2)[: n - 3])  # the line has n words
        footer = f"First published: 25/02/2025 {tail}".strip()
        pages[f"edge-labelled-date-{n}"] = _en_page(n, *FILLER, footer)
    for n in (1, 2, 3, 4, 5):
        items = [" ".join(NAV_MENU[k : k + n]) for k in range(0, 4 * n, n)]
        pages[f"edge-menu-items-{n}"] = _en_page(n, "\n".join(f"• {item}" for item in items))
    for n in (39, 40, 41):
        pages[f"edge-cookie-words-{n}"] = _en_page(n, "Cookie " + " ".join(["notice"] * (n - 1)))
    # runs of bullet items, `short` of them short enough for a menu
    for size, short in ((2, 2), (3, 3), (4, 2), (5, 3), (5, 2)):
        items = [" ".join(NAV_MENU[k : k + 2]) if k < short else f"{EN_CLAUSES[k % 5]}" for k in range(size)]
        pages[f"edge-menu-run-{size}-{short}"] = _en_page(size, "\n".join(f"• {item}" for item in items))
    # a heading naming the highlights, n words long, above a list after two paragraphs
    for n in (15, 16):
        heading = "Highlights of the plan " + " ".join((FILLER_WORDS * 2)[: n - 4])
        items = "• New road to every village\n• Health centres in each block"
        pages[f"edge-heading-words-{n}"] = _en_page(n, FILLER[0], heading, items)
    # section headings: n words, with and without a colon
    for n in (6, 7, 15, 16):
        heading = " ".join(w.capitalize() for w in (FILLER_WORDS * 2)[:n])
        pages[f"edge-section-{n}"] = _en_page(n, FILLER[0], heading + ":", FILLER[1], heading, FILLER[2])
    # a byline and date line of n words
    for n in (16, 17):
        names = " and ".join(_name(k) for k in range(4)) + " Rao" * (n - 16)
        pages[f"edge-meta-line-{n}"] = f"{TITLE} {n}\n\nBy {names} | 5 March 2025\n\nRaipur: {EN_BODY}\n"
    # a place alone on its line, above a body line of n words
    for n in (9, 10, 19, 20):
        words = (FILLER_WORDS * 2)[:n]
        ending = "." if n < 15 else ""
        pages[f"edge-place-above-{n}"] = f"{TITLE} {n}\n\nKorba\n\n{' '.join(words).capitalize()}{ending}\n"
    # the first body paragraph n words long, opening with its place
    for n in (3, 4, 5):
        pages[f"edge-body-words-{n}"] = f"{TITLE} {n}\n\nRaipur: {' '.join(FILLER_WORDS[1:n])}.\n"
    # the speaker phrase after a quotation: n lower-case words, or n capitalised ones
    for n in (5, 6, 8, 9):
        lower = " ".join(FILLER_WORDS[:n])
        upper = " ".join(["Minister", *(f"{FIRST[k]}" for k in range(n - 2)), "Sahu"])
        pages[f"edge-speaker-words-{n}"] = _en_page(
            n, f"“{QUOTE},” {lower} said.", f"“{QUOTE},” {upper} said."
        )
    # a Hindi subject of n words before ने
    for n in (4, 5, 6):
        subject = " ".join(HI_FIRST[:n])
        pages[f"edge-hi-subject-{n}"] = _hi_page(n, f"{subject} ने कहा कि {HI_CLAUSE}।")
    # short quotations followed by their verb; quotation marks at the very end of a paragraph
    pages["edge-quote-short"] = _en_page(
        0, f"“Done” {_name(1)} said.", f"“Done.” {_name(10)} said.", f"Minister {_name(11)} said: “Y", f"“Jai Johar” {_name(2)} said.", f"“Jai Johar!” {_name(3)} said.",
        f"Minister {_name(4)} said: “Yes", f"Minister {_name(5)} said: “",
        f"Minister {_name(6)} said: ‘We will build the district roads’s",
        f"Minister {_name(7)} said at the review of the district roads:\n“{QUOTE}.”",
        f"Collector {_name(8)} opened the camp. Collector {_name(8)} met the staff.\n"
        f"{_name(9)}, who was present at the camp, said: “{QUOTE}.”",
    )  # fmt: skip
    # a headline glued to its standfirst on one line
    for k, starter in enumerate(["While", "Amid", "As", "The"]):
        line = f"Minister Arun Dev opens solar park in Korba {starter} the plant will light every village nearby."
        pages[f"edge-glued-{k}"] = f"{line}\n\nKorba: {EN_BODY}\n\n{FILLER[0]}\n"
    # embedded posts: a long one, one at the top of the page, one two blank lines above its signature
    sign = "— Kavita Rao (@kavitarao) March 3, 2025"
    post_lines = ["Bridge opens in Durg #Durg.", "Korba gets new streetlights #Korba.",
                  "Farmers welcome canal water #Canal.", "Schools receive science kits #Schools.",
                  "Hospital wing completed early #Health.", "Bastar villages join grid #Power.",
                  "Youth hostel ready soon #Youth.", "Market yard reopens Monday #Mandi.",
                  "Forest trail signposted fully #Forest.", "Tourism office moves downtown #Tourism.",
                  "Rail crossing widened safely #Rail."]  # fmt: skip
    pages["edge-post-long"] = _en_page(0, "\n".join([*post_lines, sign]), FILLER[1])
    pages["edge-post-top-1"] = f"{post_lines[0]}\n{sign}\n\nRaipur: {EN_BODY}\n"
    pages["edge-post-top-2"] = f"{post_lines[0]}\n{post_lines[1]}\n{sign}\n\nRaipur: {EN_BODY}\n"
    pages["edge-post-gap"] = _en_page(0, f"{post_lines[2]}\n\n\n{sign}")
    # a highlights heading n lines above its list
    for n in (1, 2, 3, 4, 5):
        between = [f"Point {k + 1} of the plan" for k in range(n - 1)]
        items = "• New road to every village\n• Health centres in each block"
        pages[f"edge-heading-reach-{n}"] = _en_page(n, FILLER[0], "\n".join(["Key Points", *between]), items)
    # a pronoun n characters after the subject it stands for, with another person named between
    hi_pad = "जिले में सड़क निर्माण की योजना पर चर्चा हुई "
    for n in (195, 200, 205, *range(390, 411), 795, 800, 805):
        head = f"मंत्री {_hi_name(n)} ने शिविर देखा। "
        tail = f"कलेक्टर {_hi_name(n + 1)} भी पहुंचे। उन्होंने कहा कि "
        pad = (hi_pad * (n // len(hi_pad) + 1))[: max(n - len(head) - len(tail), 0)]
        pages[f"edge-antecedent-{n}"] = _hi_page(n, f"{head}{pad}। {tail}{HI_CLAUSE}।")
    # a post line above the last one, n characters long (a post line is rarely over 280)
    for n in (279, 280, 281):
        line = ("“" + _filler(n))[: n - 18] + "” said the officer"
        pages[f"edge-post-chars-{n}"] = _en_page(n, f"{line}\nRoads for every village #Progress\n{sign}")
    # credit and byline lines at their limits
    for n in (10, 11):
        credit = f"{_name(n)}, Special Correspondent, " + " ".join(FILLER_WORDS[: n - 4])  # n words
        pages[f"edge-role-credit-{n}"] = f"{TITLE} {n}\n\n{credit}\n\nRaipur: {EN_BODY}\n"
    pages["edge-name-words-6"] = f"{TITLE} 6\n\nBy Meena Tarun Nisha Kabir Ira Sahu\n\nRaipur: {EN_BODY}\n"
    pages["edge-name-words-7"] = (
        f"{TITLE} 7\n\nBy Meena Tarun Nisha Kabir Ira Dev Sahu\n\nRaipur: {EN_BODY}\n"
    )
    for n, desk in enumerate(["Raipur City Desk", "Raipur City News Desk"]):
        pages[f"edge-desk-words-{n + 3}"] = _en_page(n, desk)
    for n, agency in enumerate(["Jan News Seva Kendra", "Jan News Seva Kendra Durg"]):
        pages[f"edge-agency-words-{n + 7}"] = _en_page(n, f"{agency} / Meena Sahu")
    for n, before in enumerate(["", "Page", "Web page"]):
        footer = f"{before} published: 25/02/2025".strip().capitalize()
        pages[f"edge-label-after-{n}"] = _en_page(n, *FILLER, footer)
    # a Hindi name of n words after its title
    for n in (2, 3, 4):
        pages[f"edge-hi-name-words-{n}"] = _hi_page(n, f"मंत्री {' '.join(HI_FIRST[:n])} ने कहा कि {HI_CLAUSE}।")
    # a short line ending in a comma, which is not a heading
    pages["edge-comma-line"] = _en_page(0, FILLER[0], "Roads, bridges and canals,", FILLER[1])
    pages["edge-bom"] = "\ufeff" + _en_page(0)
    pages["edge-markup-slug"] = _en_page(0, "<p>", "a road for korba city")
    return pages


def documents() -> dict[str, str]:
    """Name -> text: the hand-written pages, the generated ones, the lexicon and boundary pages,
    and the seeds."""
    docs = dict(HAND)
    rng = random.Random(20261204)
    for i in range(GENERATED):
        docs[f"generated-{i:03d}"] = _english(rng) if rng.random() < 0.6 else _hindi(rng)
    rng = random.Random(20261205)
    for i in range(HEADERS):
        docs[f"header-{i:03d}"] = _header(rng)
    docs.update(lexicon_pages())
    docs.update(boundary_pages())
    for name in SEED_FILES:
        seed = SEEDS / name
        docs[f"seed-{seed.stem}"] = seed.read_text(encoding="utf-8")
    return docs


def digests() -> dict[str, str]:
    """Name -> sha256 of the document's parse, as canonical JSON."""
    from cmvisit_data.parse import parse_text

    out = {}
    for name, text in documents().items():
        blob = json.dumps(parse_text(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        out[name] = hashlib.sha256(blob.encode("utf-8")).hexdigest()
    return out


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(__doc__, file=sys.stderr)
        return 2
    new = digests()
    old = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.is_file() else {}
    moved = sorted(name for name in new if old.get(name) != new[name])
    DIGESTS.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DIGESTS.name}: {len(new)} documents, {len(moved)} moved" + (": " if moved else ""))
    for name in moved:
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
