"""The parser's own corpus, and the digest of what the parser makes of it.

`documents()` gives a few hundred texts written for this project: hand-written pages, one per
shape the parser reads (press-office copy, wire copy, a Hindi report with reported speech,
embedded posts with and without blank lines, numbered and bulleted lists, footers, bylines and
datelines of many forms), and pages composed from them by a seeded generator, so that each
part meets many neighbours. No text comes from a third-party page. The seeds are added too.

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
GENERATED = 300

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


def documents() -> dict[str, str]:
    """Name -> text: the hand-written pages, the generated ones, and the seeds."""
    docs = dict(HAND)
    rng = random.Random(20261204)
    for i in range(GENERATED):
        docs[f"generated-{i:03d}"] = _english(rng) if rng.random() < 0.6 else _hindi(rng)
    for seed in sorted(SEEDS.glob("*.txt")):
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
