"""Hand annotation of the seed articles (../shared/seeds, NOT copied here) -> eval/ner/seeds.jsonl.

    cd /work/main && python3 eval/ner/annotate_seeds.py && python3 training/check_gold.py eval/ner/seeds.jsonl

Only the mention strings (with at most a few words of context to pick the right occurrence) are
written here; the offsets are computed by searching the article text.

Each file has a list of mentions IN DOCUMENT ORDER, `(label, spec)`:
- `spec` is the mention itself ("China"), or a context snippet with the mention between
  guillemets ("«China»’s support") when a bare string would be unclear to the reader.
- Mentions are matched in order: each one is the first occurrence of its snippet whose mention
  starts at or after the end of the previous mention. A snippet that is not found fails loudly.
- Country names inside the names of events, dialogues and agreements ("Vietnam-China Border
  Defense Friendship Exchange", "U.S.-Vietnam ... Dialogue", "Agreement on ... between Vietnam and
  China") ARE annotated: like "Vietnam-China relations" they name the participating countries.
- A third element "inner" marks an organisation word that is only a constituent of a fixed law or
  event name ("United Nations" in the UN Convention on the Law of the Sea, "Party" in "13th Party
  Congress"); these are kept only when INNER_NAME_ENTITIES is True (default: the whole name is one
  unannotated OntoNotes LAW/EVENT span, nothing inside it).

After matching, a coverage check fails loudly when an occurrence of any annotated surface string
(or of a watch word) is left unannotated outside the per-file IGNORE snippets and URLs: this is
the guard against a skipped mention shifting the matches. Finally it prints every capitalised
word not covered by any span, for a manual review of misses.
"""
import json
import os
import re
import sys

INNER_NAME_ENTITIES = False

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "eval", "ner", "seeds.jsonl")

# Strings checked for unannotated occurrences in every file, besides the annotated surfaces.
WATCH = ["China", "Chinese", "Vietnam", "Vietnamese", "ASEAN", "US", "U.S.", "USA",
         "United States", "Beijing", "Hanoi", "Dong", "Lam", "Li", "Phan", "Xi", "Song", "Zhuo",
         "Ding", "Biden", "Party", "Navy", "Army", "Asia"]

P, O, G, L, N, D = "PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"

DOCS = {}

# ---------------------------------------------------------------------------------------------
DOCS["000_25da8139212e4140.txt"] = dict(
    ignore=[],
    mentions=[
        # paragraph 1
        (O, "Vietnam Communist Party Central Committee"),
        (P, "To Lam"),
        (N, "Chinese"),
        (P, "Dong Jun"),
        (G, "Hanoi"),
        (D, "Thursday"),
        (O, "Xinhua News Agency"),
        (P, "«Dong» and his accompanying"),
        (O, "Vietnam People’s Army"),
        (G, "«Vietnam» places great"),
        (G, "«China»’s support"),
        (G, "relations with «China» as a strategic"),
        (P, "«Dong» stated"),
        (N, "the «Chinese» side"),
        (N, "the «Vietnamese» side"),
        # paragraph 2
        (G, "While «China» advances"),
        (O, "Association of Southeast Asian Nations"),
        (O, "(«ASEAN»)"),
        (G, "countries, «Vietnam» has actively"),
        (G, "relations with «China», one of"),
        (G, "«Vietnam»’s signing"),
        (G, "«U.S.»-Vietnam Comprehensive"),
        (G, "U.S.-«Vietnam» Comprehensive"),
        (G, "United States"),
        (D, "June 25"),
        (G, "cooperation with «China» are"),
        (G, "«Vietnam»’s pursuit"),
        (G, "«Vietnam» aims"),
        (G, "trust with «China» in the region"),
        (G, "«U.S.» technology"),
        (G, "while «Vietnam» pursues"),
        (L, "Southeast Asia"),
        # paragraph 3
        (G, "implemented by «Vietnam»"),
        (O, "«ASEAN» countries, is"),
        (G, "«Vietnam»’s neutrality"),
        (G, "the «USA» and China"),
        (G, "USA and «China» has"),
        (O, "«ASEAN»’s neutral"),
        (G, "«Vietnam»’s increase"),
        (G, "with the «US» in areas"),
        (O, "for «ASEAN» countries to find"),
        (G, "with the «US». "),
        (G, "Additionally, «Vietnam» has"),
        (O, "supported «ASEAN» in forming"),
        (G, "ongoing «China»-US"),
        (G, "China-«US» competition"),
        (G, "stage. «Vietnam» has"),
        (G, "ties with «China» while"),
        (G, "with the «United States». This"),
        (O, "example for «ASEAN» to"),
        (O, "Thus, «ASEAN» has been"),
        (G, "with the «USA» while"),
        (G, "against «China»."),
        (L, "South China Sea"),
        (O, "allowed «ASEAN» to foster"),
        (G, "both «China» and the USA"),
        (G, "and the «USA». In this"),
        (G, "observed that «Vietnam», which"),
        (O, "within «ASEAN» but"),
        # paragraph 4
        (D, "April 11-12, 2024"),
        (G, "eighth «Vietnam»-China Border"),
        (G, "Vietnam-«China» Border"),
        (N, "«Vietnamese» Defense Minister"),
        (P, "Phan Van Giang"),
        (N, "his «Chinese» counterpart"),
        (P, "Dong Jun"),
        (O, "Vietnam National Defense Ministry"),
        (O, "Naval Forces Service"),
        (O, "Southern Theater Command"),
        (O, "People’s Liberation Army of China"),
        # paragraph 5
        (G, "the «China»-Vietnam cooperation"),
        (G, "China-«Vietnam» cooperation"),
        # paragraph 6
        (N, "«Chinese» Defense Minister"),
        (P, "Dong Jun"),
        (N, "his «Vietnamese» counterpart"),
        (P, "Phan Van Giang"),
        (G, "Beijing"),
        (D, "August 20, 2024"),
        (P, "«Dong» stated"),
        (G, "both «Vietnam» and regional"),
        (O, "«ASEAN»’s pursuit"),
        (G, "as «China»’s influence"),
        (L, "Asia-Pacific"),
        (O, "such as «ASEAN» countries"),
        (G, "«Vietnam»’s cooperation with the USA and Japan"),
        (G, "with the «USA» and Japan"),
        (G, "and «Japan» has paved"),
        (L, "Asia-Pacific"),
        # paragraph 7
        (G, "between «China» and Vietnam, as"),
        (G, "China and «Vietnam», as"),
        (G, "countries. «Vietnam», which adopts"),
        (G, "cooperation with «China», providing"),
        (G, "tensions. «China»-Vietnam collaborations"),
        (G, "China-«Vietnam» collaborations"),
        (O, "within «ASEAN» and"),
        (G, "«Vietnam»’s cooperation with China and"),
        (G, "cooperation with «China» and its"),
        (G, "with the «USA» have"),
        (G, "Thus, «Vietnam» has positioned"),
        # footnote [1]
        (G, "“«Vietnam»’s party general secretary"),
        (N, "meets «Chinese» defence minister"),
        (O, "Global Times"),
        (D, "12.20.2024"),
        # footnote [3]
        (G, "eight «Vietnam»-China Border Defence"),
        (G, "Vietnam-«China» Border Defence"),
        (G, "Socialist Rebublic of Vietnam"),
        (O, "Ministery of National Defence"),
        (D, "(Accessed date: «12.20.2024»)"),
        # footnote [4]
        (N, "“«Chinese» defence minister meets"),
        (N, "meets «Vietnamese» counterpart"),
        (O, "Xinhua News Agency"),
        (D, "(Accessed date: «12.20.2024»)"),
    ],
)

# ---------------------------------------------------------------------------------------------
DOCS["001_09599e295fe17620.txt"] = dict(
    ignore=["USS Ronald Reagan", "the Reagan", "Qi Jiguang", "Aman Youyi-2023"],
    mentions=[
        (G, "«China» is willing"),
        (G, "work with «Vietnam» to promote"),
        (N, "«Chinese» Defense Minister"),
        (P, "Li Shangfu"),
        (D, "on «Tuesday» when meeting"),
        (N, "his «Vietnamese» counterpart"),
        (P, "Phan Van Giang"),
        # paragraph 2
        (G, "a «US» aircraft carrier at a port"),
        (G, "port in «Vietnam» will"),
        (G, "on «China»-Vietnam relations"),
        (G, "China-«Vietnam» relations"),
        # paragraph 3
        (G, "«China»’s Ministry"),
        (O, "Ministry of National Defense"),
        (G, "Defense, «China» and Vietnam"),
        (G, "China and «Vietnam» should"),
        (L, "Asia-Pacific"),
        (P, "region, «Li» said"),
        (G, "in «Beijing»."),
        # paragraph 4
        (P, "«Phan» told Li"),
        (P, "told «Li» that"),
        (N, "the «Vietnamese» military"),
        (G, "cooperation with «China» in politics"),
        # paragraph 5
        (G, "a «US» nuclear-powered"),
        (N, "central «Vietnamese» city"),
        (G, "Da Nang"),
        (D, "on «Sunday», which"),
        (N, "«Western» media"),
        (G, "against «China»’s position"),
        (L, "South China Sea"),
        # paragraph 6
        (P, "Zhuo Hua"),
        (O, "School of International Relations and Diplomacy"),
        (O, "Beijing Foreign Studies University"),
        (O, "Global Times"),
        (D, "on «Tuesday» that the US"),
        (G, "that the «US»’ attempts"),
        (G, "woo «Vietnam» to contain"),
        (G, "contain «China» are"),
        (P, "remarks of «Li» and Phan"),
        (P, "Li and «Phan» show"),
        (G, "show that «Vietnam» met"),
        (G, "met «China» halfway"),
        (G, "friendship with «China» and the"),
        # paragraph 7
        (G, "Both «China» and Vietnam are"),
        (G, "China and «Vietnam» are socialist"),
        (G, "through «China»’s support"),
        (G, "support to «Vietnam» in resisting"),
        (P, "«Zhuo» pointed out"),
        # paragraph 8
        (G, "visits to «China» of Vietnam"),
        (G, "«Vietnam»’s communist party"),
        (P, "Nguyen Phu Trong"),
        (D, "2022"),
        (N, "«Vietnamese» Prime Minister"),
        (P, "Pham Minh Chinh"),
        (G, "arrived in «Beijing» on Sunday"),
        (D, "on «Sunday» to start"),
        (G, "visit to «China» since"),
        (N, "«Chinese» Foreign Minister"),
        (P, "Qin Gang"),
        (N, "his «Vietnamese» counterpart Bui"),
        (P, "Bui Thanh Son"),
        # paragraph 9
        (G, "between the «US» and Vietnam, but"),
        (G, "US and «Vietnam», but"),
        (G, "waves between «China» and"),
        (G, "and «Vietnam», Song"),
        (P, "Song Zhongping"),
        (N, "a «Chinese» military expert"),
        (O, "Global Times"),
        (D, "on «Tuesday».\n"),
        # paragraph 10
        (G, "“«Vietnam» and other ASEAN"),
        (O, "other «ASEAN» members"),
        (G, "between «China» and the US"),
        (G, "and the «US». Regarding"),
        (L, "the «South China Sea» issue"),
        (G, "«China» and Vietnam have been"),
        (G, "China and «Vietnam» have been"),
        (L, "in the «South China Sea» disputes"),
        (P, "«Song» said"),
        # paragraph 11
        (G, "defense heads, «China» and Vietnam"),
        (G, "China and «Vietnam» have had"),
        (D, "since «2023»"),
        (D, "late May"),
        (G, "from «China», Cambodia"),
        (G, "Cambodia"),
        (G, "Laos"),
        (G, "Malaysia"),
        (G, "Thailand"),
        (G, "Thailand and «Vietnam» had"),
        (G, "Guangzhou"),
        (L, "«South China»’s Guangdong"),
        (G, "Guangdong Province"),
        # paragraph 12
        (O, "PLA Navy"),
        (G, "Da Nang"),
        (G, "Da Nang, «Vietnam» on"),
        (D, "May 23"),
        (D, "a «two-day» friendly"),
        (D, "February"),
        (O, "Chinese Defense Ministry"),
        (G, "Ministry visited «Vietnam»"),
    ],
)

# ---------------------------------------------------------------------------------------------
DOCS["002_cdbfe9d3775bc7a5.txt"] = dict(
    ignore=[],
    mentions=[
        (G, "CHINA"),
        (G, "«Vietnam»'s party general secretary"),
        (N, "meets «Chinese» defense minister"),
        (D, "Published: «Dec 20, 2024»"),
        (G, "«China» Vietnam Photo"),
        (G, "China «Vietnam» Photo"),
        (O, "Photo: «VCG»"),
        (G, "«China» Vietnam Photo"),
        (G, "China «Vietnam» Photo"),
        (O, "Photo: «VCG»"),
        # paragraph 1
        (O, "Communist Party of Vietnam Central Committee"),
        (P, "To Lam"),
        (N, "«Chinese» Defense Minister"),
        (P, "Dong Jun"),
        (G, "Hanoi"),
        (D, "Thursday"),
        (P, "«Dong» and his delegation"),
        (O, "Vietnam People's Army"),
        (O, "Xinhua News Agency"),
        # paragraph 2
        (D, "the beginning of this year"),
        (G, "forces of «China» and Vietnam"),
        (G, "China and «Vietnam»."),
        (O, "Global Times"),
        # paragraph 3
        (P, "«Lam» said that"),
        (G, "that «Vietnam» and China are"),
        (G, "Vietnam and «China» are socialist"),
        (G, "«Vietnam» cherishes"),
        (G, "cherishes «China»'s valuable"),
        (G, "construction in «Vietnam»,"),
        (G, "relations with «China» as a strategic"),
        # paragraph 4
        (P, "«Lam» expressed"),
        # paragraph 5
        (N, "The «Chinese» side"),
        (N, "the «Vietnamese» side"),
        (P, "«Dong» said"),
        # paragraph 6
        (D, "the beginning of this year"),
        (N, "the «Chinese» and Vietnamese militaries"),
        (N, "Chinese and «Vietnamese» militaries"),
        (D, "October 24 to 26"),
        (P, "Zhang Youxia"),
        (O, "Central Military Commission"),
        (G, "visited «Vietnam» at the invitation"),
        (N, "the «Vietnamese» side, where"),
        (N, "«Vietnamese» Defense Minister"),
        (P, "Phan Van Giang"),
        # paragraph 7
        (D, "On «August 20», China"),
        (G, "«China»'s Minister"),
        (P, "Dong Jun"),
        (N, "his «Vietnamese» counterpart"),
        (P, "Phan Van Giang"),
        (G, "Beijing"),
        # paragraph 8
        (D, "April 11 to 12"),
        (G, "12, «China» and Vietnam held"),
        (G, "China and «Vietnam» held"),
        (G, "Hekou county"),
        (G, "Yunnan Province"),
        (L, "Southwest China"),
        (G, "Lao Cai"),
        (G, "Lao Cai of «Vietnam»"),
        (N, "«Chinese» Defense Minister"),
        (P, "Dong Jun"),
        (N, "his «Vietnamese» counterpart"),
        (P, "Phan Van Giang"),
        (O, "Chinese People's Liberation Army"),
        (O, "Southern Theater Command"),
        (N, "the «Vietnamese» navy"),
        (O, "Xinhua News Agency"),
        # paragraph 9
        (P, "«Lam» highly praised"),
        (P, "«Dong Jun»'s visit"),
        # paragraph 10
        (P, "Ding Duo"),
        (O, "Institute of Maritime Law and Policy"),
        (O, "China Institute for South China Sea Studies"),
        (O, "Global Times"),
        (D, "the beginning of this year"),
        (G, "community that «China» and Vietnam"),
        (G, "China and «Vietnam» are capable"),
        # paragraph 11
        (G, "uncertainty, «China»-Vietnam"),
        (G, "China-«Vietnam» cooperation"),
        (G, "between «China» and Vietnam is"),
        (G, "China and «Vietnam» is not"),
        (P, "«Ding Duo» said"),
    ],
)

# ---------------------------------------------------------------------------------------------
DOCS["003_567e9b113fdb83e0.txt"] = dict(
    ignore=[
        "13th Party Congress",
        "United Nations Convention on the Law of the Sea",
        "Comprehensive Strategic Partnership",
        "Covid-19", "Zero Covid", "UNCLOS",
    ],
    mentions=[
        (P, "To Lam"),
        (G, "of «Vietnam» visited"),
        (G, "visited «China» from"),
        (D, "August 18 to 20"),
        (O, "Communist Party of Vietnam"),
        (P, "Mr. «To Lam»"),
        (G, "Laos"),
        (G, "Cambodia"),
        (N, "the «Vietnamese» leader"),
        (P, "«To Lam»’s first"),
        (O, "the «Party»’s top leader"),
        (G, "in «Vietnam»-China relations built"),
        (G, "Vietnam-«China» relations built"),
        (D, "the past years"),
        (G, "«Hanoi»’s regional"),
        (G, "with «Beijing» and considers"),
        # paragraph 2
        (G, "on «China»’s side"),
        (D, "10 years"),
        (G, "strategy, «China» has achieved"),
        (G, "«Beijing» has built"),
        (G, "planning «China»’s foreign"),
        (G, "«Vietnam» has become"),
        (P, "«To Lam»’s visit comes from"),
        (G, "after «Hanoi» joined"),
        # paragraph 3
        (G, "«Vietnam»’s current"),
        (D, "the previous period"),
        (D, "«Today», foreign"),
        (G, "relations with «China» comes"),
        # paragraph 4
        (G, "between «Vietnam» and China in 2023"),
        (G, "Vietnam and «China» in 2023"),
        (D, "2023"),
        # paragraph 5
        (G, "«Hanoi»’s priority"),
        (G, "priority for «Beijing» is"),
        (P, "Nguyen Phu Trong"),
        (G, "future of «Vietnam»’s foreign"),
        (P, "«To Lam»’s visit comes at"),
        (G, "time for «Vietnam» to once"),
        (O, "Central Foreign Affairs Commission"),
        (P, "Le Hoai Trung"),
        (G, "priority of «Vietnam»-China relations"),
        (G, "Vietnam-«China» relations in foreign"),
        (G, "join with «China» in consolidating"),
        (O, "the 13th «Party» Congress", "inner"),
        # paragraph 6
        (D, "more than 30 years"),
        (G, "normalization, «Vietnam» – China"),
        (G, "Vietnam – «China» relations"),
        # paragraph 7
        (D, "the coming years"),
        (G, "years, «Vietnam»-China relations will"),
        (G, "Vietnam-«China» relations will"),
        # paragraph 8
        (G, "policy that «China» recently"),
        # paragraph 9
        (D, "2008"),
        (G, "visit to «China» by the late"),
        (P, "Nguyen Phu Trong"),
        (D, "October 2022"),
        (G, "visit to «Vietnam» by General"),
        (G, "President of «China» Xi Jinping"),
        (P, "Xi Jinping"),
        (D, "December 2023"),
        (G, "a «Vietnam»-China Future"),
        (G, "Vietnam-«China» Future"),
        # paragraph 10
        (P, "Bui Thanh Son"),
        (D, "the first 7 months of 2024"),
        (G, "«Vietnam»’s import-export"),
        (G, "turnover with «China» reached"),
        (G, "USD, «China»’s direct"),
        (G, "investment in «Vietnam» continued"),
        (G, "«Vietnam»’s new focus"),
        (G, "connecting «China» – Vietnam"),
        (G, "China – «Vietnam» that"),
        # paragraph 11
        (G, "development of «Vietnam»-China relations to"),
        (G, "Vietnam-«China» relations to"),
        (L, "East Sea"),
        (G, "between «Vietnam» and China”"),
        (G, "Vietnam and «China»”"),
        (O, "«United Nations» Convention", "inner"),
        (D, "(UNCLOS) «1982»"),
    ],
)

# ---------------------------------------------------------------------------------------------
DOCS["004_8e21ef8ac6e0b3df.txt"] = dict(
    ignore=["World War I", "Cold War"],
    mentions=[
        (P, "Xi Jinping"),
        (G, "Visit to «Vietnam» Shows"),
        # paragraph 1
        (O, "Globely News"),
        (G, "the «U.S.» and Vietnam announced"),
        (G, "U.S. and «Vietnam» announced"),
        (D, "September 2023"),
        (G, "thought «China» would"),
        (G, "However, «China»’s response"),
        (P, "President «Xi Jinping»"),
        (G, "visited «Vietnam» soon"),
        (P, "President «Biden»"),
        (G, "way «China»’s press"),
        (P, "«Xi»’s trip"),
        (G, "that «China» and Vietnam still"),
        (G, "China and «Vietnam» still"),
        # paragraph 2
        (G, "«Vietnam» aims"),
        (G, "indicate that «Vietnam» has"),
        (G, "Ukraine"),
        (G, "like «Vietnam» must"),
        # paragraph 3
        (G, "«Vietnam»’s approach"),
        (G, "invasions, «Vietnam» recognizes"),
        (L, "South China Sea"),
        # READ ALSO headline
        (G, "«US» Lawmakers"),
        (G, "Trip To «China»"),
        (D, "This Fall"),
        (P, "«Biden» Administration"),
        # paragraph 4
        (G, "«Vietnam» has learned"),
        (G, "powers, «Vietnam» prioritizes"),
        (G, "«Vietnam» assures"),
        (G, "«Vietnam» portrays"),
        (G, "with the «U.S.» as one"),
        # paragraph 5
        (N, "«Vietnamese» officials"),
        (N, "their «Chinese» counterparts"),
        (G, "United States"),
        (G, "reassure «Beijing»"),
        (G, "containing «China»."),
        (G, "effort, «Vietnam» employs"),
        (G, "The «U.S.»-China reconciliation"),
        (G, "U.S.-«China» reconciliation"),
        (N, "to «Vietnamese» policymakers"),
        (G, "risk, «Vietnam» emphasizes"),
        (O, "Communist Party"),
        # paragraph 6
        (G, "«Vietnam»’s foreign policy strategy"),
        (G, "Japan"),
        (G, "India"),
        (G, "South Korea"),
        (G, "Australia"),
        (G, "Russia"),
        (G, "United States"),
        (G, "ensures that «Vietnam» is"),
        (G, "provides «Vietnam» with"),
        (G, "Additionally, «Vietnam» actively"),
        (O, "ASEAN"),
        (L, "Southeast Asia"),
        (L, "Indo-Pacific"),
        (G, "region. «Vietnam» is determined"),
        # paragraph 7
        (G, "«Vietnam»’s skillful"),
        (G, "United States"),
        (G, "and «China» has been"),
        (L, "South China Sea"),
        (G, "require «Vietnam» to"),
        (G, "conflict, «Vietnam» must"),
    ],
)

# ---------------------------------------------------------------------------------------------


def fail(msg):
    print("ERROR:", msg, file=sys.stderr)
    sys.exit(1)


def word_occurrences(text, s):
    pat = (r"(?<![\w.])" if s[0].isalnum() else "") + re.escape(s) + (r"(?!\w)" if s[-1].isalnum() or s[-1] == "." else "")
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def annotate(name, spec):
    path = os.path.join(ROOT, "..", "shared", "seeds", name)
    text = open(path, encoding="utf-8-sig").read()
    ents = []
    cursor = 0
    for item in spec["mentions"]:
        label, snippet = item[0], item[1]
        inner = len(item) > 2 and item[2] == "inner"
        if "«" in snippet:
            pre, rest = snippet.split("«", 1)
            surface, post = rest.split("»", 1)
        else:
            pre, surface, post = "", snippet, ""
        plain = pre + surface + post
        pos = max(0, cursor - len(pre))
        while True:
            i = text.find(plain, pos)
            if i < 0:
                fail(f"{name}: {snippet!r} ({label}) not found after offset {cursor}")
            s = i + len(pre)
            if s >= cursor:
                break
            pos = i + 1
        e = s + len(surface)
        if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
            fail(f"{name}: {snippet!r} cuts through a word at {s}")
        cursor = e
        if inner and not INNER_NAME_ENTITIES:
            continue
        ents.append({"start": s, "end": e, "label": label, "text": text[s:e]})

    # regions that are not annotated on purpose
    ignored = [(m.start(), m.end()) for m in re.finditer(r"https?://\S+", text)]
    for snip in spec["ignore"]:
        occ = [(m.start(), m.start() + len(snip)) for m in re.finditer(re.escape(snip), text)]
        if not occ:
            fail(f"{name}: ignore snippet {snip!r} not found")
        ignored += occ

    def covered(a, b, regions):
        return any(s <= a and b <= e for s, e in regions)

    spans = [(x["start"], x["end"]) for x in ents]
    watch = set(WATCH) | {x["text"] for x in ents if x["label"] != "DATE"}
    problems = 0
    for w in sorted(watch):
        for a, b in word_occurrences(text, w):
            if not covered(a, b, spans) and not covered(a, b, ignored):
                print(f"UNANNOTATED {name} [{a},{b}) {w!r}: ...{text[max(0, a - 40):b + 40]!r}...")
                problems += 1
    # capitalised words that no span covers, for the manual review
    loose = []
    for m in re.finditer(r"\b[A-Z][\w\-]*", text):
        if not covered(m.start(), m.end(), spans) and not covered(m.start(), m.end(), ignored):
            loose.append(m.group())
    print(f"{name}: uncovered capitalised words: {' '.join(loose)}\n")
    ents.sort(key=lambda x: x["start"])
    return text, ents, problems


def main():
    lines = []
    problems = 0
    for name in sorted(DOCS):
        _, ents, p = annotate(name, DOCS[name])
        problems += p
        counts = {}
        for x in ents:
            counts[x["label"]] = counts.get(x["label"], 0) + 1
        print(f"{name}: {len(ents)} entities {dict(sorted(counts.items()))}")
        rec = {"id": name, "path": f"../shared/seeds/{name}", "entities": ents}
        lines.append(json.dumps(rec, ensure_ascii=False))
    if problems:
        fail(f"{problems} unannotated occurrences; annotate them or add them to the file's ignore list")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
