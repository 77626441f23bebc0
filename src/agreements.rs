//! The agreements stage: a sentence that reports an act on an agreement (signing, planning to
//! sign, negotiating) becomes one [`Agreement`] record, read from that sentence and its
//! neighbours. [`crate::merge`] later folds the records of one agreement together.
//!
//! How a sentence is read:
//! - **Kind nouns** come first: "memorandum of understanding" / "MoU" / "memorandum",
//!   "agreement" / "deal" / "accord" / "pact", "treaty" / "convention", "joint statement" /
//!   "joint communique", "joint declaration" / "declaration", "partnership", "contract",
//!   "protocol". Only the head of a noun phrase counts ("partnership agreement" is an
//!   agreement; the "Partnership" of "... Partnership Economic Dialogue" is part of a name). A
//!   quoted proper name with no kind noun ("the “U.S.-Vietnam ... Economic Dialogue”") is an
//!   agreement only when it is what was signed. A deal "for X to buy" / "to buy" something is a
//!   contract.
//! - **An act** must govern the noun phrase, or the mention is no record ("in accordance with
//!   the agreement", "a challenge to the Panmunjom Declaration", "the 1982 UNCLOS", "the deal
//!   could lift exports"). Before the phrase: "signed", "inked", "put pen to paper on",
//!   "witnessed the signing of", "concluded", "issued", "released", "adopted", "exchanged",
//!   "exchanged the instruments of ratification of", "agreed on", "reached", "sealed",
//!   "hammered out" (signed); "will sign", "to sign", "ahead of the signing of" (planned);
//!   "initialled" (planned: the text is agreed, the signing is to come); "agreed to negotiate",
//!   "talks on", "negotiations on", "work towards", "are working on", "towards the signing of",
//!   "discussed", "explored" (discussed); "upgraded relations to (the level of)" (signed,
//!   partnerships only), "establishment of", "announced" (signed); "implement", "abide by"
//!   (signed: in force; named agreements only); "said in a joint statement" (issued). After it,
//!   when the phrase opens its clause: "was (also) signed", "has been signed" (signed), "is to be
//!   signed", "will be signed", "is due to be signed", "was initialled" (planned), "entered into
//!   force" (signed); duties ("must still be ratified") and negations ("would not be issued")
//!   are no act. A reduced relative ("the agreement signed in 2019", "a joint communique
//!   released after the call") counts anywhere when it tells its own date or the event it came
//!   out of. An object relative ("the Special Status Agreement that the two countries signed in
//!   2012", "the treaty, which X and Y signed in Bonn in June 1991"; for partnerships also
//!   "forged", "established") is signed, its subject naming the parties and its own clause the
//!   date and place. A signing told as a noun follows what its clause says of it ("The signing
//!   of X ... has been postponed": planned; "... was called off": none). Between a verb and its
//!   noun only determiners and modifiers may stand. Items listed after a signing ("exchanged
//!   several documents, including a memorandum on ...", "eight documents were signed during
//!   the visit, among them ...", "Among the documents signed were ..."), phrases coordinated
//!   with a governed one ("signed an MoU on X, an agreement on Y and a protocol on Z"),
//!   coordinated subjects of one passive ("an agreement on X and an MoU on Y were signed") and
//!   the second object of a signing whose first is no agreement ("signed a statement of intent
//!   on X and an agreement on Y") share its act. A partnership that a declaration sets up ("a
//!   Joint Declaration on the establishment of a strategic partnership") is a record of its own.
//! - **Cancelled or suspended** agreements ("scrapped", "suspended", "withdrew from", "refused
//!   to sign", "did not sign") make no record: the schema has no cancelled status, and calling
//!   them signed or discussed would misreport them. A sentence that also says when the deal was
//!   signed ("the deal, signed in 2015, ...") still yields that signed record.
//! - **Background** agreements are records when the text says they were signed ("signed a free
//!   trade agreement with Vietnam in 2019"), or when a singular mention names both parties and a
//!   date with no verb at all ("the joint statement between Vietnam and China in 2023", "the
//!   1965 Treaty on Basic Relations between Japan and the Republic of Korea": the date says it
//!   happened).
//! - **Parties** come from the subject of the act ("Japan and the Philippines signed",
//!   "Vietnamese and Chinese officials signed"; "Kim Jong Un and Moon Jae-in signed" gives their
//!   countries), from "between X and Y" and "with Y" after the noun, and from country names in
//!   the phrase ("the U.S.-Vietnam ..."). Countries are canonical gazetteer names; a state
//!   organ stands for its country ("the Vietnamese Defence Ministry"); other organisations are
//!   organisation parties ("Vietnam Airlines", "Boeing"; "Indian airline IndiGo" is IndiGo);
//!   places and buildings after a preposition are not parties; people are parties only when
//!   nothing names a country or organisation. Bloc names the entity model missed are read from
//!   the text ("Mercosur"). Passives name parties after "by" or "between" ("signed in 2019
//!   between X and Y"); a fronted phrase ("In a joint statement released after the call, X and
//!   Y pledged") takes the main clause's subject. "The two sides", "they", "the ministers"
//!   resolve to the two countries named just before (this sentence before the clause, then back
//!   up to three sentences), or to the document's main pair when what is named fits it or when
//!   the pair named before holds one of the main pair and a third country (an aside). "The bloc"
//!   is the last regional bloc named (blocs are organisation parties). A deal "with several
//!   other partners" is too vague for a record, and a record with no party at all is dropped.
//! - **Signatories** are the people in the subject of "signed"/"inked"/"will sign" or after
//!   "signed (in X) by"; witnesses ("witnessing the signing", "witnessed the signing of") are
//!   not. Their role and country come from [`crate::people`].
//! - **Subject** is the "on ..." / "for ..." / "to ..." / "regarding ..." phrase after the noun
//!   (or after "was signed"), cut at the end of its clause, before a date or "in" and a place, and
//!   before a "between"/"with" that names the parties; a name "Agreement on X" gives X.
//!   **Title** is a capitalised ("Reciprocal Access Agreement", "Treaty of Amity and
//!   Cooperation"), quoted, or "known as" name; a kind's own name ("Memorandum of
//!   Understanding") is none.
//! - **Date and place** come from the clause, or a phrase trailing it (", during a visit to
//!   Jakarta by ..."). Otherwise, for signed and discussed agreements, from the event the text
//!   points back to ("on the sidelines of the forum", "following the talks", "during the
//!   exchange"), else from the nearest earlier talks or meeting (its date and place; when it has
//!   no date, the next earlier dated event gives the date), else the story's first dated event.
//!   "Also signed" first looks for the signing told just before; a pointer to a visit of several
//!   days takes the day of its talks ("paid a visit on June 11-12, sat down for talks ... on
//!   June 12"), "at the end of the visit" its last day. Planned agreements take them only from
//!   a pointer or their own sentence ("is due to visit Singapore on Wednesday, where ... are
//!   expected to sign"). An event met in person with no place of its own is in its sentence's
//!   dateline city ("ASTANA, June 12 (Kazinform) -- X held talks with Y at the Akorda"); one by
//!   phone or video has no place. A record with its own date takes no place from its
//!   neighbours, except the dateline city of its own sentence (not for planned ones) and: a
//!   signing of these days (up to two weeks before publication) with no place yet was where
//!   talks held in person that day were, else where the visit it belongs to was (a city over
//!   its country), when that place is in a party's country; not after "Meanwhile," or
//!   "Separately,". "In the capital" is the dateline city or the city last named (of the
//!   country named: "the Kazakh capital"); a building named after a place ("Al-Yamamah Palace")
//!   is no place. A place listed with places of another country ("in Hekou county, Yunnan
//!   Province ... and Lao Cai of Vietnam") is no single place. Dates keep the precision the
//!   event was reported with ([`crate::dates::record_value`]: "later this year" is the year);
//!   dates relative to the story ("The following day") that the dates stage left open count
//!   from the last day named before them; a date before "and" belongs to the verb before it.
//! - **Back-references** ("Kamikawa and Teodoro signed the pact in Manila") add their
//!   signatories, place and date to the earlier record of the same kind instead of making a
//!   new one. One that moves the record to a later stage ("concluded negotiations on an FTA ...
//!   The deal is expected to be signed later this year") gives it its own date and place, and so
//!   does the signing an initialled text awaits; an initialled text whose signing nothing
//!   schedules has no date or place.
//! - **Confidence** starts at 0.9 for an explicit signing verb, 0.8 for softer verbs
//!   ("concluded", "announced"), 0.7 for in-force names and 0.6 for verb-less dated mentions,
//!   and drops for parties resolved from context (0.1) or the main pair (0.15), plurals
//!   ("relevant agreements", 0.15), discussions (0.05) and a missing date (0.05).
//!
//! Every step is a bounded scan of one sentence (at most `MAX_MENTIONS` phrases, looking back
//! at most `LOOKBACK` bytes) or a few neighbours, so the stage is linear in the document; it
//! never panics on any document (spans out of range or off char boundaries are ignored) and
//! its output depends on nothing but the document.

use std::sync::LazyLock;

use regex::Regex;

use chrono::NaiveDate;

use crate::dates::DateValue;
use crate::doc::{Document, Entity, EntityLabel};
use crate::gazetteer;
use crate::people::person_at;
use crate::records::{
    Agreement, AgreementKind, AgreementStatus, DateField, Evidence, Location, Participant, Party, PartyType,
};
use crate::text::{ByteSpan, CharIndex};
use crate::wordlist::{self, words};

/// Fills `doc.agreements`.
pub fn annotate(doc: &mut Document) {
    doc.agreements = extract(doc);
}

/// The agreements one document reports, one per mention (back-references folded in), in text
/// order, without ids.
pub fn extract(doc: &Document) -> Vec<Agreement> {
    if !doc.is_ok() || doc.text.is_empty() {
        return Vec::new();
    }
    let cx = Cx::new(doc);
    let mut drafts: Vec<Draft> = Vec::new();
    for ui in 0..cx.units.len() {
        let mentions = cx.mentions(ui);
        if mentions.is_empty() {
            continue;
        }
        let acts = cx.acts(ui);
        let links = cx.link(ui, &mentions, &acts);
        for mi in 0..mentions.len() {
            if let Some(d) = cx.draft(ui, &mentions, &links, mi) {
                absorb(&mut drafts, d);
            }
        }
    }
    // Code-point offsets through one index per document.
    let index = CharIndex::new(&doc.text);
    drafts.into_iter().map(|d| d.finish(doc, &index)).collect()
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

static KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:memorand(?:um|a)\s+of\s+understanding|memorand(?:um|a)|(?-i:MoUs?|MOUs?)|joint\s+(?:statement|communiqu[eé])s?|joint\s+declarations?|declarations?|agreements?|deals?|accords?|pacts?|treaty|treaties|conventions?|partnerships?|contracts?|protocols?)\b",
    )
    .unwrap()
});

/// Acts before the noun phrase, in order of precedence when two end at the same place (the
/// longer match wins anyway: "will sign" over "sign", "towards the signing of" over "signing
/// of").
static ACTS: LazyLock<Vec<(ActClass, Regex)>> = LazyLock::new(|| {
    let r = |s: &str| Regex::new(s).unwrap();
    vec![
        (
            ActClass::Cancel,
            r(
                r"(?i)\b(?:scrap(?:ped|s)?|suspend(?:ed|s|ing)?|cancel(?:l?ed|s|ling)?|terminat(?:e|ed|es|ing)|withdr(?:ew|awn|aw|awing|aws)\s+from|pull(?:ed|s|ing)?\s+out\s+of|tore\s+up|tear\s+up|abandon(?:ed|s|ing)?|walk(?:ed|s)?\s+away\s+from|exit(?:ed|s)?\s+from|quit|violat(?:e|ed|es|ing)|breach(?:ed|es|ing)?|(?:did\s+not|didn't|does\s+not|doesn't|will\s+not|won't|would\s+not|never|not|refused\s+to|refuses\s+to|failed\s+to|fails\s+to|declined\s+to|yet\s+to)\s+(?:\w+\s+)?(?:sign|ink|conclude|signed|inked|concluded))\b",
            ),
        ),
        (
            ActClass::Plan,
            r(
                r"(?i)\b(?:(?:will|would|shall|could|may|might|to)\s+(?:\w+ly\s+)?(?:also\s+)?(?:sign|ink|conclude|seal|adopt|issue|finali[sz]e|initial|put\s+pen\s+to\s+paper\s+on)|(?:ahead\s+of|before|prepar(?:e|es|ed|ing)\s+for|in\s+preparation\s+for)\s+(?:the\s+)?signing\s+of)\b",
            ),
        ),
        (
            ActClass::Discuss,
            r(
                r"(?i)\b(?:towards?\s+(?:the\s+)?(?:signing|conclusion)\s+of|work(?:ed|ing|s)?\s+(?:\w+\s+)?towards?(?:\s+(?:the\s+)?(?:signing|conclusion)\s+of)?|(?:are|is|were|was|been)\s+working\s+(?:\w+\s+)?on|negotiat(?:e|ed|es|ing)|renegotiat(?:e|ed|es|ing)|negotiations?\s+(?:on|for|over|of|towards?)|talks\s+(?:on|for|over|about|towards?)|discuss(?:ed|es|ing)?|explor(?:e|ed|es|ing)|consider(?:ed|s|ing)?|propos(?:e|ed|es|ing)|push(?:ed|es|ing)?\s+for|stud(?:y|ied|ies|ying)|mull(?:ed|s|ing)?)\b",
            ),
        ),
        (
            ActClass::Witness,
            r(
                r"(?i)\b(?:witness(?:ed|es|ing)?|attend(?:ed|s|ing)?|oversaw|oversee|presided\s+over|at)\s+the\s+(?:signing|exchange)\s+(?:ceremony\s+)?of\b",
            ),
        ),
        (ActClass::Initial, r(r"(?i)\b(?:initial(?:l)?ed|initial(?:l)?ing(?:\s+of)?)\b")),
        (
            ActClass::Sign,
            r(
                r"(?i)\b(?:signed|signs|sign|signing\s+of|inked|inks|ink|penned|pens|put\s+pen\s+to\s+paper\s+on|put\s+(?:their|its|his|her)\s+signatures?\s+(?:to|on))\b",
            ),
        ),
        (
            ActClass::Conclude,
            r(
                r"(?i)\b(?:(?:exchanged|exchange\s+of|exchanging)\s+(?:the\s+)?(?:instruments\s+of\s+ratification|ratification\s+(?:instruments|documents))\s+(?:of|for|on)|concluded|concludes|exchanged|exchange\s+of|agreed\s+(?:on|upon)|agree\s+(?:on|upon)|issued|issues|adopted|adopts|ratified|ratifies|sealed|seals|struck|clinched|finali[sz]ed|reached|reach|renewed|released|releases|published|publishes|hammered\s+out|thrashed\s+out|produced|yielded|resulted\s+in)\b",
            ),
        ),
        (
            ActClass::Upgrade,
            r(
                r"(?i)\b(?:upgrad|elevat|lift|rais|boost)\w*\s+(?:[\w'’-]+\s+){0,3}?(?:ties|relations|relationship|relationships|it)\s+(?:[\w'’-]+\s+){0,2}?(?:to|into)(?:\s+(?:the|a)\s+(?:level|status|rank)\s+of)?\b",
            ),
        ),
        (
            ActClass::Establish,
            r(
                r"(?i)\b(?:establish(?:ed|es|ing)?|establishment\s+of|set\s+up|sets\s+up|setting\s+up|form(?:ed|ing)|forg(?:e|ed|es|ing)|launch(?:ed|es|ing)?|announc(?:e|ed|es|ing)|unveil(?:ed|s|ing)?)\b",
            ),
        ),
        (
            ActClass::Implement,
            r(
                r"(?i)\b(?:implement(?:ed|s|ing)?|implementation\s+of|abid(?:e|es|ed|ing)\s+by|compl(?:y|ies|ied|ying)\s+with|enforc(?:e|ed|es|ing))\b",
            ),
        ),
    ]
});

/// Passive participles after the noun phrase ("was signed", "is to be signed").
static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:signed|inked|concluded|adopted|issued|exchanged|ratified|sealed|finali[sz]ed|initial(?:l)?ed|released|published|penned|reached|struck|clinched)\b",
    )
    .unwrap()
});
/// The auxiliary right before a participle (anchored at the end of the text before it).
static AUX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:(?:is|are|was|were|has|have|had|will|would|could|may|might|shall|must|should|needs?|to|due|expected|set|scheduled|slated|yet|still|also|already|now|finally|not|be|been|being)\s+)*(?:is|are|was|were|be|been|being))\s+(?:(?:\w+ly|also|then|later|finally|already|jointly|formally|officially|now)\s+){0,2}$").unwrap()
});
static IN_FORCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:(?:entered|came|went)\s+into\s+(?:force|effect)|took\s+effect)\b").unwrap());
/// "The two sides", "they", "the ministers": parties named elsewhere.
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the\s+two\s+(?:sides|countries|nations|governments|leaders|presidents|premiers|prime\s+ministers|ministers|foreign\s+ministers|defen[cs]e\s+ministers|deputy\s+prime\s+ministers|vice\s+premiers|delegations|parties|states|neighbou?rs|heads\s+of\s+state|militaries|armies|capitals|countries['’])|both\s+(?:sides|countries|nations|governments|leaders|parties)|they|the\s+(?:ministers|leaders|sides|presidents|delegations|officials))\b").unwrap()
});
static BLOC_ANAPHOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bthe\s+(?:bloc|union|grouping)\b").unwrap());
/// "With several other partners": no party can be named.
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:several|other|others|many|various|numerous|some|multiple|a\s+number\s+of|a\s+host\s+of|dozens)\b",
    )
    .unwrap()
});
/// Pointers to an event told before: "on the sidelines of the forum", "following the talks".
static POINTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:during|at|on\s+the\s+(?:sidelines|margins)\s+of|following|after|at\s+the\s+(?:end|close|conclusion)\s+of|in\s+the\s+course\s+of|ahead\s+of)\s+(?:the|this|that|their|his|her|its)\s+(?:[\w'’-]+\s+){0,4}?(talks|meeting|meetings|visit|trip|tour|forum|summit|conference|session|exchange|discussions|dialogue|ceremony|call|conversation|event|negotiations)\b").unwrap()
});
static MEETING_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:talks|met|meets?|meeting|hosted|hosts?|received|receives|called\s+on|calls\s+on|co-chair(?:ed|s)?|co-chairmanship|chaired|(?:tele)?phone\s+(?:call|conversation)|spoke\s+(?:by|on\s+the)\s+(?:tele)?phone|video\s*-?\s*conferenc\w*|videoconferenc\w*|sat\s+down|summit|held|holds?|discussions|exchange)\b").unwrap()
});
static OTHER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:visit(?:ed|ing|s)?|arriv(?:ed|es|ing)|trip|tour(?:ed)?|signed|inked)\b").unwrap()
});
/// A dateline at the start of a sentence: "MANILA, July 8 (Reuters) - ", "ISLAMABAD, Feb 6
/// (APP): ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\p{Lu}[\p{Lu}.'’ -]{1,40}?[\p{Lu}.])(?:\s*,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)?\s*(?:\((?:[A-Za-z][A-Za-z .&/-]{0,30})\))\s*(?:-{1,2}|–|—|:|\.)\s*|^\s*(\p{Lu}[\p{Lu}.'’ -]{1,40}?[\p{Lu}.])\s*,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?\s*(?:-{1,2}|–|—)\s+").unwrap()
});
/// Purchase subjects: "for Vietnam Airlines to buy 50 Boeing 737 MAX jets".
static PURCHASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:for\s+(.+?)\s+)?to\s+(?:buy|purchase|acquire|order|procure|lease)\s+(.+)$").unwrap()
});

/// Mentions read per sentence.
const MAX_MENTIONS: usize = 24;
/// How far back (bytes) a scan inside one sentence looks for a clause's start.
const LOOKBACK: usize = 600;
static DETERMINERS: LazyLock<Vec<&str>> = words!("agreements/determiners.txt");
static DEFINITE: LazyLock<Vec<&str>> = words!("agreements/definite.txt");
/// Words that cannot stand inside a noun phrase's modifiers (prepositions, auxiliaries,
/// conjunctions of clauses, reporting verbs).
static STOP: LazyLock<Vec<&str>> = words!("agreements/stop.txt");
static MODAL_BEFORE_VERB: LazyLock<Vec<&str>> = words!("agreements/modal_before_verb.txt");
/// Words of a state organ: an organisation named with a country word and one of these stands
/// for the country ("Vietnam National Defense Ministry", "the Chinese People's Liberation Army").
static STATE_WORDS: LazyLock<Vec<&str>> = words!("agreements/state_words.txt");
/// Regional blocs that sign as one party: canonical name and folded aliases
/// (`data/agreements/blocs.tsv`).
static BLOCS: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| {
    let lines = wordlist::parse(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/agreements/blocs.tsv")));
    lines
        .into_iter()
        .map(|line| {
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or_default();
            (name, fields.collect())
        })
        .collect()
});

/// Bloc names written out in `s` (as words; acronyms only in capitals), with their offsets.
fn blocs_in(s: &str) -> Vec<(usize, usize, &'static str)> {
    let ws = words(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut hit = None;
        for n in (1..=6).rev() {
            if i + n > ws.len() {
                continue;
            }
            let (a, b) = (ws[i].0, ws[i + n - 1].1);
            let phrase = &s[a..b];
            if !is_capitalised(phrase) {
                continue;
            }
            if n == 1 && phrase.len() <= 5 && phrase.chars().any(|c| c.is_lowercase()) {
                continue;
            }
            if let Some(name) = bloc_name(phrase) {
                hit = Some((a, b, name, n));
                break;
            }
        }
        match hit {
            Some((a, b, name, n)) => {
                out.push((a, b, name));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

fn bloc_name(text: &str) -> Option<&'static str> {
    let key = gazetteer::fold(text.trim_start_matches("the ").trim_start_matches("The "));
    let key = key.trim_end_matches("'s").trim();
    BLOCS.iter().find(|(_, aliases)| aliases.contains(&key)).map(|(name, _)| *name)
}

// ---------------------------------------------------------------------------------------------
// Working types.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ActClass {
    Cancel,
    Plan,
    Discuss,
    Witness,
    Sign,
    Conclude,
    Upgrade,
    Establish,
    Implement,
    /// "initialled": the text is agreed, the signing is still to come.
    Initial,
    /// "was signed" and friends, after the noun phrase.
    PassiveSigned,
    /// "was initialled".
    PassiveInitial,
    /// An object relative after the noun phrase: "the treaty that the two countries signed in
    /// 2012", "the deal, which X and Y concluded in Montevideo".
    RelSigned,
    /// The same with "initialled".
    RelInitial,
    PassivePlanned,
    /// "must still be ratified": no act.
    PassiveDuty,
    /// A date and explicit parties, no verb.
    Dated,
}

impl ActClass {
    fn status(self) -> Option<AgreementStatus> {
        match self {
            ActClass::Cancel | ActClass::PassiveDuty => None,
            ActClass::Plan
            | ActClass::PassivePlanned
            | ActClass::Initial
            | ActClass::PassiveInitial
            | ActClass::RelInitial => Some(AgreementStatus::Planned),
            ActClass::Discuss => Some(AgreementStatus::Discussed),
            _ => Some(AgreementStatus::Signed),
        }
    }
    /// Whether the act's subject are the people who sign.
    fn signs(self) -> bool {
        matches!(self, ActClass::Sign | ActClass::Plan)
    }
    fn before(self) -> bool {
        !matches!(
            self,
            ActClass::PassiveSigned
                | ActClass::PassivePlanned
                | ActClass::PassiveDuty
                | ActClass::PassiveInitial
                | ActClass::RelSigned
                | ActClass::RelInitial
                | ActClass::Dated
        )
    }
    /// Whether the act is an initialling: the date and place the record takes are provisional
    /// until the text tells when and where the signing will be.
    fn initial(self) -> bool {
        matches!(self, ActClass::Initial | ActClass::PassiveInitial | ActClass::RelInitial)
    }
    /// An object relative: its own subject names the signers.
    fn relative(self) -> bool {
        matches!(self, ActClass::RelSigned | ActClass::RelInitial)
    }
}

#[derive(Debug, Clone, Copy)]
struct Act {
    start: usize,
    end: usize,
    class: ActClass,
    /// Where the verb starts: for an object relative, its subject is `[start, verb)`.
    verb: usize,
}

impl Act {
    fn new(start: usize, end: usize, class: ActClass) -> Act {
        Act { start, end, class, verb: start }
    }
}

#[derive(Debug, Clone)]
struct Mention {
    kind: AgreementKind,
    /// The kind word(s), or the quoted name of a name-only mention.
    head: ByteSpan,
    /// Where the noun phrase starts (its determiner or first modifier).
    np_start: usize,
    /// Where the name starts: the opening quote of a quoted name, else the head.
    lead: usize,
    /// After the head, a closing quote and an acronym in brackets.
    np_end: usize,
    plural: bool,
    definite: bool,
    title: Option<String>,
    /// A quoted name with no kind noun: a record only when it is what was signed.
    name_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartySource {
    Clause,
    Context,
    MainPair,
}

/// A record on its way: the fields of [`Agreement`] and what is needed to fold references.
#[derive(Debug, Clone)]
struct Draft {
    kind: AgreementKind,
    status: AgreementStatus,
    title: Option<String>,
    parties: Vec<Party>,
    signatories: Vec<Participant>,
    subject: Option<String>,
    date: Option<DateField>,
    location: Option<Location>,
    /// The place came from a dateline or a neighbouring sentence, not from the clause.
    weak_location: bool,
    /// The date came from a neighbouring sentence, not from the clause.
    weak_date: bool,
    /// An initialled text: its date and place are those of the signing still to come, which a
    /// later sentence may tell ("is expected to be signed in Kuala Lumpur later this month");
    /// until then, unknown.
    provisional: bool,
    sentence: ByteSpan,
    confidence: f64,
    /// A definite noun phrase with no name of its own ("the pact"): may refer to a record before.
    reference: bool,
}

impl Draft {
    fn finish(mut self, doc: &Document, index: &CharIndex) -> Agreement {
        if self.provisional {
            self.date = None;
            self.location = None;
        }
        let span = index.char_span(self.sentence);
        let evidence = Evidence {
            doc_id: doc.id.clone(),
            sentence: slice(&doc.text, self.sentence.start, self.sentence.end).to_string(),
            start: span.start,
            end: span.end,
        };
        Agreement {
            id: String::new(),
            kind: self.kind,
            status: self.status,
            title: self.title,
            parties: self.parties,
            signatories: self.signatories,
            subject: self.subject,
            date: self.date,
            location: self.location,
            sources: vec![evidence],
            confidence: (self.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0,
        }
    }
}

fn stage(s: AgreementStatus) -> u8 {
    match s {
        AgreementStatus::Discussed => 0,
        AgreementStatus::Planned => 1,
        AgreementStatus::Signed => 2,
    }
}

/// Adds a draft, or folds a back-reference into the record it refers to.
fn absorb(drafts: &mut Vec<Draft>, d: Draft) {
    if d.reference {
        let target = drafts.iter_mut().rev().take(64).find(|t| {
            t.kind == d.kind
                && (d.parties.is_empty() || t.parties.iter().any(|p| d.parties.iter().any(|q| q.name == p.name)))
                && d.subject.as_ref().is_none_or(|s| t.subject.as_ref().is_none_or(|ts| ts == s))
        });
        if let Some(t) = target {
            // The signing an initialled text awaits: its date and place are the record's.
            let own_date = d.date.is_some() && !d.weak_date;
            let own_place = d.location.is_some() && !d.weak_location;
            if t.provisional && !d.provisional && d.status != AgreementStatus::Discussed && (own_date || own_place) {
                t.date = if own_date { d.date.clone() } else { None };
                t.location = if own_place { d.location.clone() } else { None };
                t.weak_location = false;
                t.provisional = false;
            } else if stage(d.status) > stage(t.status) {
                // The latest stage tells when and where: "concluded negotiations on Tuesday ...
                // The deal is expected to be signed later this year".
                t.date = d.date.clone();
                t.location = d.location.clone();
                t.weak_location = d.weak_location;
            }
            if stage(d.status) > stage(t.status) {
                t.status = d.status;
            }
            for s in d.signatories {
                if !t.signatories.iter().any(|x| x.name == s.name) {
                    t.signatories.push(s);
                }
            }
            if d.location.is_some() && (t.location.is_none() || (t.weak_location && !d.weak_location)) {
                t.location = d.location;
                t.weak_location = d.weak_location;
            }
            if t.date.is_none() {
                t.date = d.date;
            }
            if t.subject.is_none() {
                t.subject = d.subject;
            }
            for p in d.parties {
                if !t.parties.iter().any(|q| q.name == p.name) {
                    t.parties.push(p);
                }
            }
            t.confidence = (t.confidence + 0.03).min(0.97);
            return;
        }
    }
    drafts.push(d);
}

/// A sentence that records may be read from: the sentence (for evidence) and the part of it
/// that is prose (furniture lines and a dateline cut off).
#[derive(Debug, Clone)]
struct Unit {
    sentence: ByteSpan,
    span: ByteSpan,
    dateline: Option<String>,
}

#[derive(Debug, Clone)]
enum Place {
    Found(Location),
    /// Several places of different countries: no single place.
    Mixed,
}

/// What the subject of an active act names.
#[derive(Debug, Default)]
struct Subject {
    parties: Vec<Party>,
    /// People with no known country: parties only when nothing else is.
    people: Vec<Party>,
    signatories: Vec<Participant>,
    /// "the two sides", "they".
    anaphor: bool,
    /// "the bloc".
    bloc_ref: bool,
}

/// What the words after a noun phrase say.
#[derive(Debug, Default)]
struct Post {
    between: Vec<Party>,
    between_anaphor: bool,
    with: Vec<Party>,
    vague: bool,
    subject: Option<ByteSpan>,
    /// A purchase: the buyer when named ("for X to buy"), the seller or maker.
    purchase: Option<(Option<Party>, Option<Party>)>,
    /// Where these phrases end.
    end: usize,
}

/// The document and what the stage computes once per document.
struct Cx<'d> {
    doc: &'d Document,
    text: &'d str,
    /// Valid entities, sorted by start.
    ents: Vec<Entity>,
    /// Resolved DATE mentions.
    dates: Vec<(ByteSpan, Option<DateValue>)>,
    units: Vec<Unit>,
    main_pair: Option<[String; 2]>,
    /// The publication date relative dates were resolved against.
    anchor: Option<chrono::NaiveDate>,
    /// The story's first dated event: its unit, date span and value.
    lead: Option<(usize, ByteSpan, DateValue)>,
}

// ---------------------------------------------------------------------------------------------
// Small text helpers (all offsets are bytes of the document text).

fn slice(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b).unwrap_or("")
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words of `s` (runs of letters, digits and inner apostrophes, hyphens, periods), with their
/// offsets relative to `s`.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '’' | '-' | '.' | '&')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push((st, i));
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

fn lower_words(s: &str) -> Vec<String> {
    words(s).into_iter().map(|(a, b)| s[a..b].to_lowercase()).collect()
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn title_case(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn kind_of(word: &str) -> Option<(AgreementKind, bool)> {
    let w = word.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let plural = (w.ends_with('s') && !w.ends_with("ss")) || w.ends_with("memoranda");
    let kind = if w.starts_with("memorand") || w.starts_with("mou") {
        AgreementKind::MemorandumOfUnderstanding
    } else if w.starts_with("joint statement") || w.starts_with("joint communiq") {
        AgreementKind::JointStatement
    } else if w.contains("declaration") {
        AgreementKind::Declaration
    } else if w.starts_with("agreement") || w.starts_with("deal") || w.starts_with("accord") || w.starts_with("pact") {
        AgreementKind::Agreement
    } else if w.starts_with("treat") || w.starts_with("convention") {
        AgreementKind::Treaty
    } else if w.starts_with("partnership") {
        AgreementKind::Partnership
    } else if w.starts_with("contract") {
        AgreementKind::Contract
    } else if w.starts_with("protocol") {
        AgreementKind::Protocol
    } else {
        return None;
    };
    Some((kind, plural))
}

fn push_party(parties: &mut Vec<Party>, p: Party) {
    if !parties.iter().any(|q| q.name == p.name) {
        parties.push(p);
    }
}

fn country(name: &str) -> Party {
    Party { name: name.to_string(), kind: PartyType::Country }
}

impl<'d> Cx<'d> {
    fn new(doc: &'d Document) -> Self {
        let text = doc.text.as_str();
        let valid = |s: ByteSpan| {
            s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        };
        let mut ents: Vec<Entity> = doc.entities.iter().filter(|e| valid(e.span)).cloned().collect();
        ents.sort_by_key(|e| (e.span.start, e.span.end));
        let mut dates: Vec<(ByteSpan, Option<DateValue>)> =
            doc.dates.iter().filter(|d| valid(d.span)).map(|d| (d.span, d.value.clone())).collect();
        dates.sort_by_key(|(s, _)| (s.start, s.end));
        let anchor = doc.published.as_deref().and_then(crate::dates::publication_anchor);
        let mut cx = Cx { doc, text, ents, dates, units: Vec::new(), main_pair: None, anchor, lead: None };
        cx.units = cx.make_units();
        cx.resolve_story_days();
        cx.main_pair = cx.compute_main_pair();
        cx.lead = cx.units.iter().enumerate().find_map(|(i, u)| {
            let (a, b) = (u.span.start, u.span.end);
            let cue = MEETING_CUE.find(cx.t(a, b)).or_else(|| OTHER_CUE.find(cx.t(a, b)))?;
            let at = a + cue.start();
            cx.event_dates(a, b).into_iter().min_by_key(|(s, _)| s.start.abs_diff(at)).map(|(s, v)| (i, s, v))
        });
        cx
    }

    fn make_units(&self) -> Vec<Unit> {
        let mut units = Vec::new();
        let mut sentences: Vec<ByteSpan> = self
            .doc
            .sentences
            .iter()
            .copied()
            .filter(|s| {
                s.start < s.end
                    && s.end <= self.text.len()
                    && self.text.is_char_boundary(s.start)
                    && self.text.is_char_boundary(s.end)
            })
            .collect();
        sentences.sort_by_key(|s| (s.start, s.end));
        let mut furniture: Vec<ByteSpan> = self.doc.furniture.iter().copied().filter(|f| f.start < f.end).collect();
        furniture.sort_by_key(|f| (f.start, f.end));
        // Furniture spans may nest; the longest end so far bounds the search from the left.
        let mut reach = Vec::with_capacity(furniture.len());
        let mut far = 0;
        for f in &furniture {
            far = far.max(f.end);
            reach.push(far);
        }
        for s in sentences {
            // Cut off furniture lines the sentence lies in or runs into (a headline glued to
            // the lead); a sentence inside furniture is cut away whole.
            let (mut a, mut b) = (s.start, s.end);
            let first = reach.partition_point(|&r| r <= a);
            let end = s.end;
            for f in furniture[first..].iter().take_while(|f| f.start < end) {
                if f.end <= a || f.start >= b {
                    continue;
                }
                if f.start <= a {
                    a = a.max(f.end);
                } else if f.end >= b {
                    b = b.min(f.start);
                } else if f.start - a < b - f.end {
                    a = f.end;
                } else {
                    b = f.start;
                }
            }
            if a >= b {
                continue;
            }
            let a = floor_boundary(self.text, a);
            let b = floor_boundary(self.text, b).max(a);
            let body = slice(self.text, a, b);
            let lead = body.len() - body.trim_start().len();
            let (mut start, mut dateline) = (a + lead, None);
            if let Some(c) = DATELINE.captures(slice(self.text, start, b)) {
                let city = c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().trim().to_string());
                if let Some(city) = city.filter(|c| gazetteer::country_of_place(c).is_some()) {
                    dateline = Some(title_case(&city));
                    start += c.get(0).map_or(0, |m| m.end());
                }
            }
            units.push(Unit { sentence: s, span: ByteSpan::new(start.min(b), b), dateline });
        }
        units
    }

    /// Dates told relative to the story ("The following day", "two days later", "the same
    /// day") that the dates stage left unresolved: days counted from the last day the prose
    /// named before them.
    fn resolve_story_days(&mut self) {
        let mut last: Option<NaiveDate> = None;
        let mut unit = 0;
        for k in 0..self.dates.len() {
            let span = self.dates[k].0;
            while unit < self.units.len() && self.units[unit].span.end <= span.start {
                unit += 1;
            }
            let in_prose = self.units.get(unit).is_some_and(|u| u.span.start <= span.start && span.end <= u.span.end);
            if !in_prose {
                continue;
            }
            match &self.dates[k].1 {
                Some(DateValue::Day(d)) => last = Some(*d),
                Some(DateValue::Interval(_, end)) => last = end.last_day(),
                Some(_) => {}
                None => {
                    let lower = slice(self.text, span.start, span.end).to_lowercase();
                    if let (Some(offset), Some(day)) = (story_offset(&lower), last) {
                        if let Some(d) = day.checked_add_signed(chrono::Duration::days(offset)) {
                            self.dates[k].1 = Some(DateValue::Day(d));
                            last = Some(d);
                        }
                    }
                }
            }
        }
    }

    fn ents_in(&self, a: usize, b: usize) -> &[Entity] {
        let first = self.ents.partition_point(|e| e.span.start < a);
        let last = self.ents.partition_point(|e| e.span.start < b).max(first);
        let slice = &self.ents[first..last];
        let keep = slice.iter().take_while(|e| e.span.end <= b).count();
        &slice[..keep.min(slice.len())]
    }

    /// The DATE mentions inside `[a, b)`.
    fn dates_in(&self, a: usize, b: usize) -> &[(ByteSpan, Option<DateValue>)] {
        let first = self.dates.partition_point(|(s, _)| s.start < a);
        let last = self.dates.partition_point(|(s, _)| s.start < b).max(first);
        let slice = &self.dates[first..last];
        let keep = slice.iter().take_while(|(s, _)| s.end <= b).count();
        &slice[..keep.min(slice.len())]
    }

    /// The value of the DATE mention starting at `at`, if one does (`Some(None)`: unresolved).
    fn date_at(&self, at: usize) -> Option<Option<&DateValue>> {
        let i = self.dates.partition_point(|(s, _)| s.start < at);
        self.dates.get(i).filter(|(s, _)| s.start == at).map(|(_, v)| v.as_ref())
    }

    /// The start of unit `ui` or `max` bytes before `at`, whichever is later: how far back
    /// a scan from `at` looks, so that a sentence with no stops costs linear time.
    fn window(&self, ui: usize, at: usize, max: usize) -> usize {
        let start = self.units.get(ui).map_or(0, |u| u.span.start);
        start.max(floor_boundary(self.text, at.saturating_sub(max))).min(at)
    }

    fn t(&self, a: usize, b: usize) -> &'d str {
        slice(self.text, a, b)
    }

    /// The previous word before `at` (lower case), within `floor`.
    fn word_before(&self, floor: usize, at: usize) -> Option<String> {
        let floor = floor.max(floor_boundary(self.text, at.saturating_sub(64)));
        let s = self.t(floor, at);
        words(s).last().map(|&(a, b)| s[a..b].to_lowercase())
    }

    // -----------------------------------------------------------------------------------------
    // Countries and parties of entities.

    /// The country a person entity's person belongs to.
    fn person_country(&self, e: &Entity) -> Option<String> {
        person_at(&self.doc.people, e.span).and_then(|i| self.doc.people.get(i)).and_then(|p| p.country.clone())
    }

    fn participant(&self, e: &Entity) -> Participant {
        match person_at(&self.doc.people, e.span).and_then(|i| self.doc.people.get(i)) {
            Some(p) => Participant {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.clone(),
                organization: p.organization.clone(),
            },
            None => Participant {
                name: self.t(e.span.start, e.span.end).to_string(),
                role: None,
                country: None,
                organization: None,
            },
        }
    }

    /// The country an organisation's name stands for when it is a state organ.
    fn organ_country(&self, name: &str) -> Option<&'static str> {
        let lower = name.to_lowercase();
        if !STATE_WORDS.iter().any(|w| lower.contains(w)) {
            return None;
        }
        let ws: Vec<&str> = name.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
        for n in (1..=3).rev() {
            for win in ws.windows(n) {
                let phrase = win.join(" ");
                if let Some(c) =
                    gazetteer::canonical_country(&phrase).or_else(|| gazetteer::country_of_demonym(&phrase))
                {
                    return Some(c);
                }
            }
        }
        None
    }

    /// A bloc the entity model took for a person ("Mercosur").
    fn bloc_as_person(&self, e: &Entity) -> Option<Party> {
        if e.label != EntityLabel::Person {
            return None;
        }
        bloc_name(self.t(e.span.start, e.span.end)).map(|b| Party { name: b.into(), kind: PartyType::Organization })
    }

    /// The party a non-person entity names, if any: countries, blocs, state organs (as their
    /// country), other organisations.
    fn party_of(&self, e: &Entity) -> Option<Party> {
        let name = self.t(e.span.start, e.span.end);
        match e.label {
            EntityLabel::Gpe => gazetteer::canonical_country(name)
                .map(country)
                .or_else(|| bloc_name(name).map(|b| Party { name: b.into(), kind: PartyType::Organization })),
            EntityLabel::Norp => gazetteer::country_of_demonym(name)
                .map(country)
                .or_else(|| bloc_name(name).map(|b| Party { name: b.into(), kind: PartyType::Organization })),
            EntityLabel::Org => {
                if let Some(b) = bloc_name(name) {
                    return Some(Party { name: b.into(), kind: PartyType::Organization });
                }
                if let Some(c) = self.organ_country(name) {
                    return Some(country(c));
                }
                if gazetteer::canonical_country(name).is_some() {
                    return gazetteer::canonical_country(name).map(country);
                }
                let name = name.trim_end_matches("'s").trim_end_matches("’s");
                Some(Party { name: name.to_string(), kind: PartyType::Organization })
            }
            _ => None,
        }
    }

    /// The country an entity points to, for resolving "the two sides" (people by their
    /// country, countries, demonyms, state organs; no cities).
    fn country_of_entity(&self, e: &Entity) -> Option<String> {
        let name = self.t(e.span.start, e.span.end);
        match e.label {
            EntityLabel::Person => self.person_country(e),
            EntityLabel::Gpe => gazetteer::canonical_country(name).map(str::to_string),
            EntityLabel::Norp => gazetteer::country_of_demonym(name).map(str::to_string),
            EntityLabel::Org => self.organ_country(name).map(str::to_string),
            _ => None,
        }
    }

    /// Spans of "according to ..." attributions inside `[a, b)`: their names are sources, not
    /// parties or places.
    fn attributions(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        static ACCORDING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\baccording\s+to\b[^,;]*").unwrap());
        ACCORDING.find_iter(self.t(a, b)).map(|m| (a + m.start(), a + m.end())).collect()
    }

    fn countries_in(&self, a: usize, b: usize, out: &mut Vec<String>) {
        let skip = self.attributions(a, b);
        for e in self.ents_in(a, b) {
            if skip.iter().any(|&(x, y)| e.span.start >= x && e.span.end <= y) {
                continue;
            }
            if let Some(c) = self.country_of_entity(e) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }

    /// The two countries a document is mostly about, when two stand out.
    fn compute_main_pair(&self) -> Option<[String; 2]> {
        let mut counts: Vec<(String, f64, usize)> = Vec::new();
        let mut add = |c: String, w: f64, at: usize| match counts.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1 += w,
            None => counts.push((c, w, at)),
        };
        let mut spans: Vec<ByteSpan> = self.units.iter().map(|u| u.sentence).collect();
        // The headline, though furniture, says what the story is about.
        if let Some(title) = self.doc.title.as_deref() {
            let title = title.trim().trim_start_matches('#').trim();
            if let Some(s) = self
                .doc
                .sentences
                .iter()
                .find(|s| !title.is_empty() && slice(self.text, s.start, s.end).contains(title))
            {
                spans.push(*s);
            }
        }
        for s in spans {
            for e in self.ents_in(s.start, s.end) {
                let name = self.t(e.span.start, e.span.end);
                if let Some(c) = self.country_of_entity(e) {
                    add(c, 1.0, e.span.start);
                } else if e.label == EntityLabel::Gpe {
                    if let Some(c) = gazetteer::country_of_place(name) {
                        add(c.to_string(), 0.5, e.span.start);
                    }
                }
            }
        }
        counts.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.2.cmp(&b.2)));
        let top2 = counts.get(1)?;
        let third = counts.get(2).map_or(0.0, |c| c.1);
        (top2.1 >= 2.0 && top2.1 > third).then(|| [counts[0].0.clone(), top2.0.clone()])
    }

    /// The two countries "the two sides" refers to from `before` in unit `ui`: the two named
    /// in this sentence before that point and the previous sentence (going back up to three),
    /// or the document's main pair when what is named fits it.
    fn context_pair(&self, ui: usize, before: usize) -> (Vec<Party>, PartySource) {
        let mut found: Vec<String> = Vec::new();
        if self.units.get(ui).is_some() {
            self.countries_in(self.window(ui, before, LOOKBACK), before, &mut found);
        }
        if found.len() == 2 {
            return (found.iter().map(|c| country(c)).collect(), PartySource::Context);
        }
        for back in 1..=3 {
            if let Some(u) = ui.checked_sub(back).and_then(|i| self.units.get(i)) {
                self.countries_in(u.span.start, u.span.end, &mut found);
            }
            if found.len() == 2 {
                // A pair named in an aside that has one of the story's two countries and a
                // third ("Vietnam signed a deal with Russia in 2024. The two countries
                // established ...") is not what "the two countries" of the story are.
                if let Some(pair) = &self.main_pair {
                    if found.iter().filter(|c| pair.contains(c)).count() == 1 {
                        return (pair.iter().map(|c| country(c)).collect(), PartySource::MainPair);
                    }
                }
                return (found.iter().map(|c| country(c)).collect(), PartySource::Context);
            }
            if let Some(pair) = &self.main_pair {
                let inside = found.iter().all(|c| pair.contains(c));
                let covers = pair.iter().all(|c| found.contains(c));
                if (!found.is_empty() && inside) || covers || (found.is_empty() && back == 3) {
                    return (pair.iter().map(|c| country(c)).collect(), PartySource::MainPair);
                }
            }
            if found.len() > 2 {
                break;
            }
        }
        (Vec::new(), PartySource::Context)
    }

    /// The last bloc named before `before` (this unit and three before).
    fn last_bloc(&self, ui: usize, before: usize) -> Option<Party> {
        for back in 0..=3 {
            let u = ui.checked_sub(back).and_then(|i| self.units.get(i))?;
            let end = if back == 0 { before } else { u.span.end };
            for e in self.ents_in(u.span.start, end).iter().rev() {
                if let Some(b) = bloc_name(self.t(e.span.start, e.span.end)) {
                    return Some(Party { name: b.into(), kind: PartyType::Organization });
                }
            }
        }
        None
    }

    // -----------------------------------------------------------------------------------------
    // Mentions and acts.

    fn mentions(&self, ui: usize) -> Vec<Mention> {
        let u = &self.units[ui];
        let body = self.t(u.span.start, u.span.end);
        let mut out: Vec<Mention> = Vec::new();
        let all: Vec<(usize, usize)> = KIND
            .find_iter(body)
            .take(MAX_MENTIONS * 4)
            .map(|m| (u.span.start + m.start(), u.span.start + m.end()))
            .collect();
        let quotes = self.quotes(ui);
        for (k, &(a, b)) in all.iter().enumerate() {
            // A pathological "sentence" (a table, a list without stops) is read only in part.
            if out.len() >= MAX_MENTIONS {
                break;
            }
            let word = self.t(a, b);
            let Some((kind, plural)) = kind_of(word) else { continue };
            let prev = self.word_before(u.span.start, a);
            let lw = word.to_lowercase();
            // "to deal with", "to contract", "accord priority".
            if (lw.starts_with("deal") || lw.starts_with("contract") || lw.starts_with("accord"))
                && prev.as_deref().is_some_and(|p| MODAL_BEFORE_VERB.contains(&p))
            {
                continue;
            }
            // Not the head: another kind word follows ("partnership agreement"), or a
            // capitalised word inside a name ("Partnership Economic Dialogue").
            let after = self.t(b, u.span.end);
            let next_gap = after.len() - after.trim_start_matches([' ', '-']).len();
            if let Some(&(na, _)) = all.get(k + 1) {
                if na == b + next_gap && next_gap <= 2 {
                    continue;
                }
            }
            if after.starts_with('-') {
                continue;
            }
            if is_capitalised(word) && !word.starts_with("MoU") && !word.starts_with("MOU") && after.starts_with(' ') {
                let next = after[1..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                if !next.is_empty() && is_capitalised(next) && next.chars().any(|c| c.is_lowercase()) {
                    continue;
                }
            }
            if lw.starts_with("convention") && after.trim_start().to_lowercase().starts_with(['c', 'h']) {
                let nx = after.trim_start().to_lowercase();
                if nx.starts_with("center") || nx.starts_with("centre") || nx.starts_with("hall") {
                    continue;
                }
            }
            out.push(self.noun_phrase(ui, &quotes, kind, plural, ByteSpan::new(a, b), false));
        }
        // Quoted names with no kind noun at their head.
        for &(qa, qb, inner_a, inner_b) in quotes.iter().take(MAX_MENTIONS) {
            let inner = self.t(inner_a, inner_b).trim();
            if !looks_like_name(inner) {
                continue;
            }
            if out.iter().any(|m| m.head.start >= qa && m.head.end <= qb) {
                continue;
            }
            let mut m = self.noun_phrase(ui, &quotes, AgreementKind::Agreement, false, ByteSpan::new(qa, qb), true);
            m.title = Some(strip_acronym(inner).to_string());
            out.push(m);
        }
        out.sort_by_key(|m| m.head.start);
        out
    }

    /// Quoted stretches of a unit: (open, close end, inner start, inner end).
    fn quotes(&self, ui: usize) -> Vec<(usize, usize, usize, usize)> {
        let u = &self.units[ui];
        let body = self.t(u.span.start, u.span.end);
        let mut out = Vec::new();
        let mut open: Option<(usize, char)> = None;
        for (i, c) in body.char_indices() {
            match (open, c) {
                (None, '“') | (None, '"') => open = Some((i, c)),
                (Some((o, oc)), '”') | (Some((o, oc)), '"') if oc == '“' && c == '”' || oc == '"' && c == '"' => {
                    let inner_a = o + oc.len_utf8();
                    out.push((
                        u.span.start + o,
                        u.span.start + i + c.len_utf8(),
                        u.span.start + inner_a,
                        u.span.start + i,
                    ));
                    open = None;
                }
                _ => {}
            }
        }
        out
    }

    /// The noun phrase around a kind head: its start, end, determiner, and a proper name.
    fn noun_phrase(
        &self,
        ui: usize,
        quotes: &[(usize, usize, usize, usize)],
        kind: AgreementKind,
        plural: bool,
        head: ByteSpan,
        name_only: bool,
    ) -> Mention {
        let u = &self.units[ui];
        let mut definite = false;
        let mut title: Option<String> = None;
        let mut np_end = head.end;
        // Inside quotes: the whole quoted name is the phrase.
        let mut quoted: Option<(usize, usize, usize, usize)> = None;
        if !name_only {
            quoted = quotes.iter().copied().find(|&(qa, qb, _, _)| qa < head.start && head.end <= qb && qb - qa < 400);
        }
        let head_start = match quoted {
            Some((qa, qb, ia, ib)) => {
                let inner = self.t(ia, ib).trim();
                if is_capitalised(inner) && inner.split_whitespace().count() >= 2 {
                    title = Some(strip_acronym(inner).to_string());
                }
                np_end = qb;
                qa
            }
            None => head.start,
        };
        if name_only {
            np_end = head.end;
        }
        // Modifiers before the head, back to a determiner.
        let window = self.window(ui, head_start, 240);
        let before = self.t(window, head_start);
        let mut run_capital: Vec<&str> = Vec::new();
        let mut capital_run_open = quoted.is_none() && !name_only;
        let mut cursor = before.len();
        let mut run_first = head_start;
        for (count, &(a, b)) in words(before).iter().rev().enumerate() {
            // Punctuation between this word and the phrase so far ends the phrase.
            if before[b..cursor]
                .chars()
                .any(|c| !(c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\'' | '’' | '-')))
            {
                break;
            }
            let w = &before[a..b];
            let lw = w.to_lowercase();
            if DETERMINERS.contains(&lw.as_str()) {
                definite = DEFINITE.contains(&lw.as_str());
                cursor = a;
                break;
            }
            if STOP.contains(&lw.as_str()) || count >= 7 {
                break;
            }
            if capital_run_open && is_capitalised(w) {
                run_capital.push(w);
                run_first = window + a;
            } else {
                capital_run_open = false;
            }
            cursor = a;
        }
        let np_start = window + cursor;
        // An acronym in brackets after the phrase: "(CEPA)".
        static ACRONYM: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\s*\(\s*[A-Z][A-Za-z0-9&.-]{1,12}\s*\)").unwrap());
        if let Some(m) = ACRONYM.find(self.t(np_end, u.span.end)) {
            np_end += m.end();
        }
        // A capitalised name: "Panmunjom Declaration", "Comprehensive Strategic Partnership",
        // "Treaty of Amity and Cooperation".
        let head_text = self.t(head.start, head.end);
        if title.is_none()
            && !name_only
            && is_capitalised(head_text)
            && !head_text.starts_with("MoU")
            && !head_text.starts_with("MOU")
        {
            run_capital.reverse();
            // The first word of a sentence is capitalised anyway.
            let at_start = self.t(u.span.start, run_first).trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
            let evidence = run_capital.len() >= 2 || (run_capital.len() == 1 && !at_start);
            static TAIL: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|of|on|for|the|in)\s+){0,2}[A-Z][\w'’-]*)*").unwrap()
            });
            // Not a date: "Agreement on Monday".
            let tail = TAIL
                .find(self.t(head.end, u.span.end))
                .map(|m| {
                    // A date or a month ends the name: "Treaty on the Creation of the Union
                    // State in December 1999".
                    let t = m.as_str();
                    let cut = words(t)
                        .into_iter()
                        .skip(1)
                        .find(|&(a, b)| is_calendar_word(&t[a..b]) || self.date_at(head.end + a).is_some())
                        .map_or(t.len(), |(a, _)| a);
                    let mut kept = t[..cut].trim_end().to_string();
                    while let Some((rest, last)) = kept.rsplit_once(' ') {
                        if matches!(last, "and" | "of" | "on" | "for" | "the" | "in") {
                            kept = rest.trim_end().to_string();
                        } else {
                            break;
                        }
                    }
                    kept
                })
                .filter(|t| {
                    let first = t.split_whitespace().nth(1).unwrap_or("");
                    !first.is_empty() && t.split_whitespace().count() >= 2
                });
            if evidence || tail.is_some() {
                let mut t =
                    if evidence { format!("{} {}", run_capital.join(" "), head_text) } else { head_text.to_string() };
                if let Some(tail) = &tail {
                    t.push_str(tail);
                    np_end = np_end.max(head.end + tail.len());
                }
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !is_generic_name(&t) {
                    title = Some(t);
                }
            }
        }
        // "a pact known as GSOMIA", "the accord dubbed the “Panda Deal”".
        static KNOWN_AS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"^\s*,?\s*(?:known|called|dubbed|named)\s+(?:as\s+)?(?:the\s+)?["“]?([A-Z][\w.'’&-]*(?:\s+(?:(?:of|on|for|and|the)\s+)?[A-Z][\w.'’&-]*)*)["”]?"#).unwrap()
        });
        if title.is_none() && !name_only {
            if let Some(c) = KNOWN_AS.captures(self.t(np_end, u.span.end)) {
                let name = c.get(1).map_or("", |g| g.as_str());
                let at = np_end + c.get(1).map_or(0, |g| g.start());
                if self.date_at(at).is_none() && !is_calendar_word(name.split_whitespace().next().unwrap_or("")) {
                    title = Some(name.to_string());
                    np_end += c.get(0).map_or(0, |g| g.end());
                }
            }
        }
        Mention { kind, head, np_start, np_end, lead: head_start, plural, definite, title, name_only }
    }

    fn acts(&self, ui: usize) -> Vec<Act> {
        let u = &self.units[ui];
        let body = self.t(u.span.start, u.span.end);
        let mut out = Vec::new();
        for (class, re) in ACTS.iter() {
            for m in re.find_iter(body) {
                out.push(Act::new(u.span.start + m.start(), u.span.start + m.end(), *class));
            }
        }
        out
    }

    /// Whether only noun-phrase material stands in `[a, b)`: at most `max` words, no clause
    /// punctuation, prepositions or verbs of other clauses, no other kind head.
    fn np_gap_ok(&self, a: usize, b: usize, max: usize, mentions: &[Mention]) -> bool {
        if a > b {
            return false;
        }
        let gap = self.t(a, b);
        if gap.chars().any(|c| {
            !(c.is_alphanumeric()
                || c.is_whitespace()
                || matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '-' | '.' | '&' | '$' | '%'))
        }) {
            return false;
        }
        if gap.contains(". ") {
            return false;
        }
        let ws = lower_words(gap);
        if ws.len() > max || ws.iter().any(|w| STOP.contains(&w.as_str())) {
            return false;
        }
        !mentions.iter().any(|m| m.head.start >= a && m.head.end <= b)
    }

    /// Whether a noun phrase starting at `np_start` opens its clause (so it can be the subject
    /// of a passive act after it).
    fn opens_clause(&self, ui: usize, np_start: usize) -> bool {
        let u = &self.units[ui];
        let before = self.t(u.span.start, np_start);
        let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\''));
        if trimmed
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '—'))
            .is_empty()
        {
            return true;
        }
        if trimmed.ends_with([',', ';', ':', '-', '–', '—']) {
            return true;
        }
        let lw = trimmed.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        matches!(
            lw.as_str(),
            "that"
                | "and"
                | "said"
                | "but"
                | "while"
                | "when"
                | "after"
                | "since"
                | "as"
                | "because"
                | "before"
                | "whereas"
                | "where"
                | "once"
                | "if"
                | "until"
                | "though"
                | "although"
                | "whether"
        )
    }

    /// Links each mention to the act that governs it, if any.
    fn link(&self, ui: usize, mentions: &[Mention], acts: &[Act]) -> Vec<Option<Act>> {
        let mut links: Vec<Option<Act>> = Vec::with_capacity(mentions.len());
        for (k, m) in mentions.iter().enumerate() {
            // Before: the act that ends nearest the phrase (the longest of those), with nothing
            // but modifiers between.
            let before = acts
                .iter()
                .filter(|a| a.class.before() && a.end <= m.lead)
                .max_by(|x, y| x.end.cmp(&y.end).then(y.start.cmp(&x.start)))
                .copied()
                .filter(|a| self.np_gap_ok(a.end, m.lead, 7, mentions));
            let after = self.passive_act(ui, m, mentions);
            let chosen = match (before, after) {
                (Some(b), Some(a)) => {
                    if m.np_start.saturating_sub(b.end) <= a.start.saturating_sub(m.np_end) {
                        Some(b)
                    } else {
                        Some(a)
                    }
                }
                (b, a) => b.or(a),
            };
            // Coordination: "signed a memorandum ... and an agreement ...".
            let chosen = chosen.or_else(|| {
                let prev = k.checked_sub(1)?;
                let pa = links.get(prev).copied().flatten()?;
                if !pa.class.before() {
                    return None;
                }
                let pm = &mentions[prev];
                let pend = self.post_np(ui, pm.np_end).end.max(pm.np_end).min(m.np_start);
                let gap = self.t(pend, m.np_start);
                static COORD: LazyLock<Regex> =
                    LazyLock::new(|| Regex::new(r"^\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)\s*$").unwrap());
                COORD.is_match(gap).then_some(pa)
            });
            // A list after a signing: "witnessed the exchange of several documents, including a
            // memorandum of understanding on fisheries".
            let chosen = chosen.or_else(|| self.listed_after_act(ui, m, acts, mentions, &links));
            // The second object of a signing whose first is no agreement: "signed a statement
            // of intent on defence and an agreement on aviation security".
            let chosen = chosen.or_else(|| self.second_object_act(m, acts, mentions));
            // No act: a dated mention with explicit parties ("the joint statement between
            // Vietnam and China in 2023").
            let chosen = chosen.or_else(|| self.dated_mention(ui, m).map(|at| Act::new(at, at, ActClass::Dated)));
            // A joint statement as what was said in: "the two presidents said in a joint
            // communique", "In a joint statement released ..., the leaders said": it was issued.
            let chosen = chosen.or_else(|| {
                if m.kind != AgreementKind::JointStatement || m.plural || m.definite || m.name_only {
                    return None;
                }
                let floor = self.window(ui, m.np_start, 40);
                let before = self.t(floor, m.np_start);
                static IN_A: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bin\s+$").unwrap());
                let hit = IN_A.find(before)?;
                Some(Act::new(floor + hit.start(), floor + hit.start() + 2, ActClass::Conclude))
            });
            links.push(chosen);
        }
        // Coordinated subjects of one passive: "an agreement on X and a memorandum on Y were
        // signed in the presence of the two presidents".
        for k in (0..mentions.len().saturating_sub(1)).rev() {
            if links[k].is_some() {
                continue;
            }
            let Some(next) =
                links[k + 1].filter(|a| !a.class.before() && a.class != ActClass::Dated && !a.class.relative())
            else {
                continue;
            };
            let (m, n) = (&mentions[k], &mentions[k + 1]);
            if next.start < n.np_end || !self.opens_clause(ui, m.np_start) {
                continue;
            }
            let pend = self.post_np(ui, m.np_end).end.max(m.np_end).min(n.np_start);
            static COORD_AND: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)\s*$").unwrap());
            if COORD_AND.is_match(self.t(pend, n.np_start)) {
                links[k] = Some(next);
            }
        }
        links
    }

    /// The subject of the main clause after a fronted phrase that ends at `at` (", Chile and
    /// Peru pledged"): from the comma to the first word that is no name or noun of people.
    fn main_subject(&self, ui: usize, at: usize) -> Option<(usize, usize)> {
        let u = self.units.get(ui)?;
        let rest = self.t(at, u.span.end);
        let lead = rest.len() - rest.trim_start_matches([',', ' ']).len();
        if !rest.trim_start().starts_with(',') {
            return None;
        }
        let from = at + lead;
        let s = self.t(from, u.span.end);
        let mut end = None;
        for (count, &(a, b)) in words(s).iter().enumerate() {
            let w = &s[a..b];
            let lw = w.to_lowercase();
            let nominal = is_capitalised(w)
                || matches!(
                    lw.as_str(),
                    "and"
                        | "the"
                        | "two"
                        | "both"
                        | "of"
                        | "sides"
                        | "countries"
                        | "leaders"
                        | "presidents"
                        | "ministers"
                        | "governments"
                        | "prime"
                        | "foreign"
                        | "heads"
                        | "state"
                        | "their"
                        | "its"
                );
            if !nominal || count > 12 {
                end = Some(from + a);
                break;
            }
        }
        let end = end?;
        (end > from).then_some((from, end))
    }

    /// The act a phrase coordinated with the object of an act inherits, when that object is
    /// no kind noun of its own: "signed a statement of intent on X and an agreement on Y".
    fn second_object_act(&self, m: &Mention, acts: &[Act], mentions: &[Mention]) -> Option<Act> {
        static INSIDE: LazyLock<Vec<&str>> = words!("agreements/inside_name_prepositions.txt");
        static AND_END: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)(?:,\s*|\s+)(?:and|as\s+well\s+as)\s*$").unwrap());
        let act = acts
            .iter()
            .filter(|a| {
                a.end <= m.np_start
                    && matches!(
                        a.class,
                        ActClass::Sign | ActClass::Conclude | ActClass::Plan | ActClass::Witness | ActClass::Initial
                    )
            })
            .max_by_key(|a| a.end)
            .copied()?;
        if acts.iter().any(|a| a.start >= act.end && a.start < m.np_start) {
            return None;
        }
        let gap = self.t(act.end, m.np_start);
        let and = AND_END.find(gap)?;
        let object = &gap[..and.start()];
        let ws = lower_words(object);
        let first = ws.first().map(String::as_str).unwrap_or("");
        if ws.is_empty()
            || ws.len() > 14
            || !DETERMINERS.contains(&first)
            || object.contains([';', ':', '(', ')'])
            || object.contains(". ")
            || ws.iter().any(|w| STOP.contains(&w.as_str()) && !INSIDE.contains(&w.as_str()))
            || mentions.iter().any(|x| x.head.start >= act.end && x.head.end <= m.np_start)
        {
            return None;
        }
        Some(act)
    }

    /// The act a listed item inherits: "signed N documents, including X and Y" -> X, Y.
    fn listed_after_act(
        &self,
        ui: usize,
        m: &Mention,
        acts: &[Act],
        mentions: &[Mention],
        links: &[Option<Act>],
    ) -> Option<Act> {
        static INCLUDING: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:documents|agreements|deals|instruments|accords|texts|papers|memoranda|mous|pacts)\s*,?\s*(?:including|among\s+them|such\s+as|namely)\s*:?\s*$").unwrap()
        });
        let u = &self.units[ui];
        let start = self.clause_start(ui, m.np_start);
        let text = self.t(start, m.np_start);
        // Earlier items of the list may stand between: "including A, B and C".
        let mut cut = text.len();
        // "N documents were signed during the visit, among them X".
        static LISTED_PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:documents|agreements|deals|instruments|accords|texts|papers|memoranda|mous|pacts)\s+(?:were|have\s+been|had\s+been)\s+(?:also\s+)?(signed|inked|exchanged|concluded)\b[^;:.,]{0,80},\s*(?:including|among\s+them|among\s+which|such\s+as|namely)\s*:?\s*$").unwrap()
        });
        // "Among the documents signed were X", "The agreements signed include X".
        static LISTED_INVERTED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:documents|agreements|deals|instruments|accords|texts|papers|memoranda|mous|pacts)\s+(signed|inked|exchanged|concluded)\b[^;:.,]{0,60}?\s+(?:were|was|are|include|included|includes)\s*:?\s*$").unwrap()
        });
        let mut tries = 0;
        loop {
            let head = &text[..cut];
            if let Some(c) = LISTED_INVERTED.captures(head) {
                let v = c.get(1)?;
                return Some(Act::new(start + v.start(), start + v.end(), ActClass::PassiveSigned));
            }
            if let Some(c) = LISTED_PASSIVE.captures(head) {
                let items = &text[c.get(0).map_or(0, |g| g.end())..];
                if items.contains(';') || items.split(',').any(|p| lower_words(p).len() > 12) {
                    return None;
                }
                let v = c.get(1)?;
                return Some(Act::new(start + v.start(), start + v.end(), ActClass::PassiveSigned));
            }
            if let Some(hit) = INCLUDING.find(head) {
                let items = &text[hit.end()..];
                let items_ok = items.split([',']).flat_map(|p| p.split(" and ")).all(|p| lower_words(p).len() <= 12)
                    && !items.contains(';');
                if !items_ok {
                    return None;
                }
                let at = start + hit.start();
                let act = acts
                    .iter()
                    .filter(|a| a.class.before() && a.end <= at && a.end + 60 >= at)
                    .max_by_key(|a| a.end)
                    .copied()
                    .filter(|a| {
                        self.np_gap_ok(a.end, at, 6, mentions) || self.t(a.end, at).split_whitespace().count() <= 4
                    })?;
                return Some(act);
            }
            // Step back over one earlier listed mention.
            let prev =
                mentions.iter().zip(links).rev().find(|(x, _)| x.np_end <= start + cut && x.np_start >= start)?;
            cut = prev.0.np_start - start;
            tries += 1;
            if tries > 6 || cut == 0 || u.span.end < start {
                return None;
            }
        }
    }

    /// A passive or in-force act after the phrase, when the phrase is its subject.
    fn passive_act(&self, ui: usize, m: &Mention, mentions: &[Mention]) -> Option<Act> {
        let u = &self.units[ui];
        let opens = self.opens_clause(ui, m.np_start);
        let rest = self.t(m.np_end, u.span.end);
        // Kind nouns inside the phrase's own subject ("a joint declaration on strategic
        // partnership is to be signed") do not stop the search.
        let own = self.post_np(ui, m.np_end).end;
        if let Some(act) = self.relative_act(ui, m, own) {
            return Some(act);
        }
        let limit = mentions.iter().find(|x| x.head.start >= own).map_or(u.span.end, |x| x.head.start);
        let stop_at = |at: usize| -> bool {
            let gap = self.t(m.np_end, at);
            at > limit
                || gap.contains(';')
                || gap.contains(". ")
                || lower_words(gap).len() > 30
                || lower_words(gap).iter().any(|w| matches!(w.as_str(), "said" | "says" | "told"))
        };
        if let Some(p) = PARTICIPLE.find(rest) {
            let at = m.np_end + p.start();
            let initial = p.as_str().to_lowercase().starts_with("initial");
            if !stop_at(at) {
                let pre = self.t(m.np_end, at);
                if let Some(c) = AUX.captures(pre).filter(|_| opens) {
                    let aux = c.get(1).map_or("", |x| x.as_str()).to_lowercase();
                    let aux_words: Vec<&str> = aux.split_whitespace().collect();
                    let class = if aux_words
                        .iter()
                        .any(|w| matches!(*w, "must" | "should" | "need" | "needs" | "yet" | "still" | "not" | "never"))
                    {
                        ActClass::PassiveDuty
                    } else if aux_words.iter().any(|w| {
                        matches!(
                            *w,
                            "to" | "will"
                                | "would"
                                | "could"
                                | "may"
                                | "might"
                                | "shall"
                                | "due"
                                | "expected"
                                | "set"
                                | "scheduled"
                                | "slated"
                                | "being"
                        )
                    }) || aux == "be"
                    {
                        ActClass::PassivePlanned
                    } else if initial {
                        ActClass::PassiveInitial
                    } else {
                        ActClass::PassiveSigned
                    };
                    return Some(Act::new(m.np_end + c.get(0).map_or(0, |x| x.start()), m.np_end + p.end(), class));
                }
                // Reduced relative right after the phrase: "the agreement signed in 2019". Inside
                // another phrase ("in line with the agreement signed by ...") it must tell its
                // own date, or the event it came out of ("released after the call").
                if pre.trim_matches(|c: char| c.is_whitespace() || c == ',').is_empty() {
                    let after = self.t(m.np_end + p.end(), u.span.end).to_lowercase();
                    let next = after.split_whitespace().next().unwrap_or("");
                    let pe = m.np_end + p.end();
                    let own_date = || {
                        let end = self.clause_end(ui, pe);
                        self.dates_in(pe, end).iter().any(|(_, v)| v.is_some())
                    };
                    let pointing = matches!(next, "after" | "following" | "during" | "at");
                    if !(opens || pointing || own_date()) {
                        return None;
                    }
                    if matches!(
                        next,
                        "in" | "on"
                            | "by"
                            | "at"
                            | "last"
                            | "earlier"
                            | "between"
                            | "with"
                            | "during"
                            | "this"
                            | "that"
                            | "two"
                            | "three"
                            | "years"
                            | "after"
                            | "following"
                    ) {
                        let class = if initial { ActClass::PassiveInitial } else { ActClass::PassiveSigned };
                        return Some(Act::new(at, m.np_end + p.end(), class));
                    }
                }
            }
        }
        if let Some(f) = IN_FORCE.find(rest).filter(|_| opens) {
            let at = m.np_end + f.start();
            if !stop_at(at) && lower_words(self.t(m.np_end, at)).len() <= 12 {
                return Some(Act::new(at, m.np_end + f.end(), ActClass::PassiveSigned));
            }
        }
        None
    }

    /// A signing told as a noun that its own clause puts off or schedules: "The signing of the
    /// agreement, planned for Friday, has been postponed" (planned), "the planned signing of"
    /// (planned), "The signing ... was called off" (no record: `Some(None)`); `None` when
    /// the act is no such noun or nothing modifies it.
    fn nominal_signing(&self, ui: usize, act: &Act) -> Option<Option<AgreementStatus>> {
        static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(planned|scheduled|upcoming|forthcoming|proposed|expected|postponed|delayed|cancell?ed|aborted)\s+$").unwrap()
        });
        static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:has|have|had|was|were|is|are|will|would|could|may|might)\s+(?:\w+ly\s+)?(?:been\s+|be\s+|now\s+)?(postponed|delayed|put\s+off|pushed\s+back|rescheduled|deferred|called\s+off|cancell?ed|scrapped|shelved|suspended|aborted|scheduled|planned|set|due|expected|slated|take\s+place)\b").unwrap()
        });
        let u = self.units.get(ui)?;
        if !self.t(act.start, act.end).to_lowercase().starts_with("signing") {
            return None;
        }
        let floor = self.window(ui, act.start, 40);
        let pre = self.t(floor, act.start);
        if let Some(c) = BEFORE.captures(pre) {
            let w = c.get(1).map_or("", |g| g.as_str()).to_lowercase();
            return Some(if w.starts_with("cancel") || w == "aborted" { None } else { Some(AgreementStatus::Planned) });
        }
        // The noun heads its clause: the predicate after it says what became of the signing.
        let np_start = match words(pre).last() {
            Some(&(a, b)) if DETERMINERS.contains(&pre[a..b].to_lowercase().as_str()) => floor + a,
            _ => act.start,
        };
        if !self.opens_clause(ui, np_start) {
            return None;
        }
        let end = floor_boundary(self.text, (act.end + 240).min(u.span.end));
        let rest = self.t(act.end, end);
        let cut = rest.find(['.', ';']).unwrap_or(rest.len());
        let c = PREDICATE.captures(&rest[..cut])?;
        let w = c.get(1).map_or("", |g| g.as_str()).to_lowercase();
        Some(match w.as_str() {
            "called off" | "cancelled" | "canceled" | "scrapped" | "shelved" | "suspended" | "aborted" => None,
            _ => Some(AgreementStatus::Planned),
        })
    }

    /// An object relative after the phrase (and its "between"/"on" phrases, ending at `own`):
    /// "the Special Status Agreement that the two countries signed in 2012", "the treaty, which
    /// Poland and Germany signed in Bonn". The relative's subject is a short noun phrase.
    fn relative_act(&self, ui: usize, m: &Mention, own: usize) -> Option<Act> {
        static REL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*,?\s*(?:that|which)\s+((?:[\w'’.-]+\s+){1,8}?)(?:(?:had|have|has|jointly|also|formally|officially|eventually|finally)\s+)*(signed|inked|concluded|sealed|penned|initial(?:l)?ed|established|forged|launched|set\s+up)\b").unwrap()
        });
        let u = &self.units[ui];
        let from = own.max(m.np_end);
        let c = REL.captures(self.t(from, u.span.end))?;
        let subj = c.get(1)?;
        let verb = c.get(2)?;
        let ws = lower_words(subj.as_str());
        // The subject is a noun phrase of names: no clause words ("that is to be signed" is
        // a passive, "which said it signed" another clause).
        if ws.is_empty()
            || ws.iter().any(|w| {
                (STOP.contains(&w.as_str()) && w != "of")
                    || matches!(w.as_str(), "it" | "he" | "she" | "we" | "i" | "you" | "also")
            })
        {
            return None;
        }
        let v = verb.as_str().to_lowercase();
        // Partnerships are set up, not signed: "the partnership, which the two countries forged
        // in 2015".
        if (matches!(v.as_str(), "established" | "forged" | "launched") || v.starts_with("set"))
            && m.kind != AgreementKind::Partnership
        {
            return None;
        }
        let class = if v.starts_with("initial") { ActClass::RelInitial } else { ActClass::RelSigned };
        Some(Act { start: from + subj.start(), end: from + verb.end(), class, verb: from + verb.start() })
    }

    /// A singular mention followed by "between X and Y" naming two parties and then a date.
    /// Or a year modifying a phrase that names both parties: "the 1965 Treaty on Basic
    /// Relations between Japan and the Republic of Korea", "the 2012 Kenya-Ethiopia
    /// agreement". Returns where the date is.
    fn dated_mention(&self, ui: usize, m: &Mention) -> Option<usize> {
        if m.plural || m.name_only || m.kind == AgreementKind::Partnership {
            return None;
        }
        let post = self.post_np(ui, m.np_end);
        // The year inside the phrase, before its head.
        let year = self
            .dates_in(m.np_start, m.lead)
            .iter()
            .find(|(_, v)| matches!(v, Some(DateValue::Year(_))))
            .map(|(s, _)| s.start);
        if let Some(at) = year {
            let mut named: Vec<String> = Vec::new();
            for e in self.ents_in(m.np_start, m.np_end) {
                if matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) {
                    if let Some(p) = self.party_of(e).filter(|p| p.kind == PartyType::Country) {
                        if !named.contains(&p.name) {
                            named.push(p.name);
                        }
                    }
                }
            }
            for p in &post.between {
                if !named.contains(&p.name) {
                    named.push(p.name.clone());
                }
            }
            if named.len() >= 2 {
                return Some(at);
            }
        }
        if post.between.len() < 2 {
            return None;
        }
        let after = self.t(post.end, self.units[ui].span.end);
        let lead = after.len() - after.trim_start().len();
        let rest = &after[lead..];
        let prep = rest.split_whitespace().next()?;
        if !matches!(prep.to_lowercase().as_str(), "in" | "on" | "of") {
            return None;
        }
        let at = post.end + lead + prep.len();
        let at =
            at + (self.t(at, self.units[ui].span.end).len() - self.t(at, self.units[ui].span.end).trim_start().len());
        self.date_at(at).is_some_and(|v| v.is_some()).then_some(m.np_end)
    }

    // -----------------------------------------------------------------------------------------
    // The words after a noun phrase.

    /// Where the phrase starting at `a` ends: the first clause boundary.
    fn phrase_end(&self, a: usize, b: usize, subject: bool) -> usize {
        let s = self.t(a, b);
        static END: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)[,;:(\[”]|\.(?:\s|$)|\s(?:which|that|who|is|are|was|were|will|would|has|have|had|according\s+to|said|says|and\s+an?)\b").unwrap()
        });
        static END_PARTY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"(?i)[,;:(\[”"]|\.(?:\s|$)|\s(?:on|in|to|for|is|are|was|were|will|would|that|which|who|at|has|have|had|from|since|according\s+to|said|says)\b"#).unwrap()
        });
        let re = if subject { &*END } else { &*END_PARTY };
        let mut end = b;
        // "in the capital" ends a subject as a place does.
        static CAPITAL_END: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\s(?:in|at)\s+the\s+(?:[A-Z][\w'’-]+\s+)?capital\b").unwrap());
        let s = if subject {
            match CAPITAL_END.find(s) {
                Some(m) => {
                    end = a + m.start();
                    &s[..m.start()]
                }
                None => s,
            }
        } else {
            s
        };
        for m in re.find_iter(s) {
            // A list goes on: "on trade, energy and education".
            if subject && m.as_str() == "," && list_continues(&s[m.start()..]) {
                continue;
            }
            end = a + m.start();
            break;
        }
        if subject {
            // A date or a "in <place>" ends the subject too.
            for (span, _) in self.dates_in(a, end) {
                if span.start > a && span.start < end {
                    let pre = self.t(a, span.start).trim_end();
                    let cut = pre
                        .rsplit_once(' ')
                        .filter(|(_, w)| {
                            matches!(w.to_lowercase().as_str(), "on" | "in" | "at" | "by" | "from" | "since")
                        })
                        .map_or(pre.len(), |(p, _)| p.len());
                    end = a + cut;
                    break;
                }
            }
            for e in self.ents_in(a, end) {
                if matches!(e.label, EntityLabel::Gpe)
                    && gazetteer::canonical_country(self.t(e.span.start, e.span.end)).is_none()
                {
                    let pre = self.t(a, e.span.start).trim_end();
                    if let Some((p, w)) = pre.rsplit_once(' ') {
                        if matches!(w.to_lowercase().as_str(), "in" | "at") {
                            end = a + p.len();
                            break;
                        }
                    }
                }
            }
        }
        end.max(a)
    }

    /// Parties named in `[a, b)`: entities, "the two countries", "the bloc".
    fn parties_in(&self, a: usize, b: usize, parties: &mut Vec<Party>) -> bool {
        for e in self.ents_in(a, b) {
            if let Some(p) = self.bloc_as_person(e) {
                push_party(parties, p);
            } else if e.label == EntityLabel::Person {
                if let Some(c) = self.person_country(e) {
                    push_party(parties, country(&c));
                }
            } else if let Some(p) = self.party_of(e) {
                push_party(parties, p);
            }
        }
        ANAPHOR.is_match(self.t(a, b))
    }

    /// "between X and Y", "with Y", the subject phrase and a purchase, after `from`.
    fn post_np(&self, ui: usize, from: usize) -> Post {
        let u = &self.units[ui];
        let mut post = Post { end: from, ..Default::default() };
        let mut at = from;
        for _ in 0..4 {
            let rest = self.t(at, u.span.end);
            let lead = rest.len() - rest.trim_start().len();
            let word_start = at + lead;
            let rest = &rest[lead..];
            let first = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            match first.as_str() {
                "between" | "with" if post.subject.is_none() || first == "with" => {
                    let a = word_start + first.len();
                    let end = self.phrase_end(a, u.span.end, false);
                    if end <= a {
                        break;
                    }
                    let mut ps = Vec::new();
                    let anaphor = self.parties_in(a, end, &mut ps);
                    if first == "between" {
                        post.between = ps;
                        post.between_anaphor = anaphor;
                    } else {
                        if VAGUE.is_match(self.t(a, end)) {
                            post.vague = true;
                        }
                        post.with = ps;
                    }
                    at = end;
                    post.end = end;
                }
                "on" | "for" | "to" | "regarding" | "concerning" | "covering" | "about" if post.subject.is_none() => {
                    let a = word_start + first.len();
                    let a = a + (self.t(a, u.span.end).len() - self.t(a, u.span.end).trim_start().len());
                    // "on Monday" is a date, "to the" no infinitive; a purchase or the counterpart may
                    // follow it ("signed a deal on Wednesday to buy 210 jets").
                    if self.date_at(a).is_some() {
                        static GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
                            Regex::new(r"(?i)^\s*,?\s*(?:(?:for\s+[^,;.]{1,60}?\s+)?to\s+(?:buy|purchase|acquire|order|procure|lease)\b|with\s|between\s)").unwrap()
                        });
                        let i = self.dates.partition_point(|(s, _)| s.start < a);
                        let Some(&(span, _)) = self.dates.get(i) else { break };
                        if span.end <= u.span.end && GOES_ON.is_match(self.t(span.end, u.span.end)) {
                            at = span.end;
                            continue;
                        }
                        break;
                    }
                    let next =
                        self.t(a, u.span.end).split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
                    if first == "to" && (DETERMINERS.contains(&next.as_str()) || next.is_empty() || next == "that") {
                        break;
                    }
                    let end = self.phrase_end(a, u.span.end, true);
                    if end <= a {
                        break;
                    }
                    let whole = self.t(word_start, end);
                    if first == "for" || first == "to" {
                        if let Some(c) = PURCHASE.captures(whole) {
                            let buyer = c.get(1).map(|g1| {
                                self.ents_in(word_start + g1.start(), word_start + g1.end())
                                    .iter()
                                    .find_map(|e| self.party_of(e))
                                    .unwrap_or(Party {
                                        name: g1.as_str().trim().to_string(),
                                        kind: PartyType::Organization,
                                    })
                            });
                            let g2 = c.get(2).unwrap();
                            let seller = self.seller(word_start + g2.start(), word_start + g2.end());
                            post.purchase = Some((buyer, seller));
                        }
                    }
                    // "on fisheries between Japan and India": a trailing "between" that names
                    // only countries (or "the two countries") names the parties.
                    let mut subject_end = end;
                    if let Some(i) = self.t(a, end).find(" between ") {
                        let (ba, bb) = (a + i + 9, end);
                        let ents = self.ents_in(ba, bb);
                        let countries_only = ents.iter().all(|e| {
                            matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) && self.party_of(e).is_some()
                        });
                        let mut ps = Vec::new();
                        let anaphor = self.parties_in(ba, bb, &mut ps);
                        if countries_only && (anaphor || ps.len() >= 2) && post.between.is_empty() {
                            post.between = ps;
                            post.between_anaphor = anaphor;
                            subject_end = a + i;
                        }
                    }
                    // "on fisheries with Japan": the counterpart, read as a "with" phrase next.
                    let mut next_at = end;
                    if let Some(i) = self.t(a, subject_end).find(" with ") {
                        let wa = a + i + 6;
                        let wa = wa + (self.t(wa, end).len() - self.t(wa, end).trim_start_matches("the ").len());
                        if self
                            .ents_in(wa, end)
                            .first()
                            .is_some_and(|e| e.span.start == wa && self.party_of(e).is_some())
                        {
                            subject_end = a + i;
                            next_at = a + i;
                        }
                    }
                    post.subject = Some(ByteSpan::new(a, subject_end));
                    at = next_at;
                    post.end = end;
                }
                _ => break,
            }
        }
        post
    }

    /// The maker or seller in a purchase's object: an organisation entity, "from X", or the
    /// capitalised name after a number ("50 Boeing 737 MAX jets").
    fn seller(&self, a: usize, b: usize) -> Option<Party> {
        if let Some(p) =
            self.ents_in(a, b).iter().filter(|e| e.label == EntityLabel::Org).find_map(|e| self.party_of(e))
        {
            return Some(p);
        }
        let s = self.t(a, b);
        let ws: Vec<&str> = s.split_whitespace().collect();
        if let Some(i) = ws.iter().position(|w| w.eq_ignore_ascii_case("from")) {
            let name: Vec<&str> = ws[i + 1..].iter().take_while(|w| is_capitalised(w)).copied().collect();
            if !name.is_empty() {
                return Some(Party {
                    name: name.join(" ").trim_end_matches([',', '.']).to_string(),
                    kind: PartyType::Organization,
                });
            }
        }
        let mut i = 0;
        while i < ws.len()
            && (ws[i].chars().all(|c| c.is_ascii_digit() || c == ',')
                || matches!(
                    ws[i].to_lowercase().as_str(),
                    "more" | "new" | "additional" | "up" | "to" | "about" | "some"
                ))
        {
            i += 1;
        }
        let name: Vec<&str> = ws[i..]
            .iter()
            .take_while(|w| is_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&'))
            .copied()
            .collect();
        (!name.is_empty() && i > 0).then(|| Party { name: name.join(" "), kind: PartyType::Organization })
    }

    // -----------------------------------------------------------------------------------------
    // Clauses.

    /// Start of the clause that holds `at`: after the last ";", ": ", ". X", ", and the ...",
    /// "when", "that", "where" before it.
    fn clause_start(&self, ui: usize, at: usize) -> usize {
        let floor = self.window(ui, at, LOOKBACK);
        let s = self.t(floor, at);
        static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i);\s*|:\s+|\.\s+|,\s+(?:and|but|while|whereas|as)\s+|\b(?:when|whereas|after\s+which|that|where)\s+|,\s+(?:which|who)\s+").unwrap()
        });
        let mut start = floor;
        for m in BOUNDARY.find_iter(s) {
            let txt = m.as_str();
            let next = &s[m.end()..];
            let next_word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            if txt.starts_with('.') {
                // Not after an abbreviation ("U.S. President", "Jr. witnessing").
                let prev = s[..m.start()].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
                if !is_capitalised(next_word) || prev.len() < 3 || prev.contains('.') || is_abbreviation(prev) {
                    continue;
                }
            }
            if txt.starts_with(',')
                && matches!(
                    txt.trim_start_matches(',').trim().to_lowercase().as_str(),
                    "and" | "but" | "while" | "whereas" | "as"
                )
            {
                let lw = next_word.to_lowercase();
                let new_subject = is_capitalised(next_word)
                    || matches!(
                        lw.as_str(),
                        "the" | "they" | "both" | "it" | "he" | "she" | "we" | "its" | "their" | "his" | "her"
                    );
                if !new_subject {
                    continue;
                }
            }
            start = floor + m.end();
        }
        start
    }

    /// End of the clause after `at`.
    fn clause_end(&self, ui: usize, at: usize) -> usize {
        let u = &self.units[ui];
        let at = at.min(u.span.end);
        let s = self.t(at, u.span.end);
        static END: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)[,;]|\.\s+[A-Z]|\s(?:and|but|which|that|while|before|after|as|when)\s").unwrap()
        });
        for m in END.find_iter(s) {
            // "after the next round of talks" is a phrase of this clause; "before flying" is not.
            let word = m.as_str().trim().to_lowercase();
            // "a pact known as GSOMIA in November 2016".
            if word == "as"
                && lower_words(&s[..m.start()])
                    .last()
                    .is_some_and(|w| matches!(w.as_str(), "known" | "called" | "dubbed" | "such"))
            {
                continue;
            }
            // "to that effect", "of that kind": a determiner, not a clause.
            if word == "that"
                && lower_words(&s[..m.start()]).last().is_some_and(|w| {
                    matches!(w.as_str(), "to" | "of" | "in" | "on" | "at" | "for" | "by" | "with" | "from" | "under")
                })
            {
                continue;
            }
            if word == "after" || word == "before" {
                let next = s[m.end()..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
                if DETERMINERS.contains(&next.as_str())
                    || matches!(next.as_str(), "next" | "last" | "two" | "three" | "several")
                {
                    continue;
                }
            }
            return at + m.start();
        }
        u.span.end
    }

    /// Spans of relative clauses (", who ...,", ", which ...") and reporting tails (", X
    /// said on Monday") in `[a, b)`: dates there are not the event's.
    fn asides(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        static ASIDE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i),\s+(?:who|which|whose)\b[^,;]*").unwrap());
        let s = self.t(a, b);
        ASIDE.find_iter(s).map(|m| (a + m.start(), a + m.end())).collect()
    }

    /// The resolved dates of `[a, b)` that may date an event there.
    fn event_dates(&self, a: usize, b: usize) -> Vec<(ByteSpan, DateValue)> {
        let asides = self.asides(a, b);
        let skip = self.attributions(a, b);
        self.dates_in(a, b)
            .iter()
            .filter(|(s, _)| !asides.iter().chain(skip.iter()).any(|&(x, y)| s.start >= x && s.end <= y))
            .filter(|(s, _)| {
                let prev = self.word_before(a, s.start).unwrap_or_default();
                let prev2 = {
                    let pre = self.t(a, s.start);
                    let ws = lower_words(pre);
                    ws.len().checked_sub(2).map(|i| ws[i].clone()).unwrap_or_default()
                };
                let reporting = |w: &str| matches!(w, "said" | "says" | "reported" | "told" | "announced");
                let bounded = matches!(prev.as_str(), "since" | "by" | "until" | "till" | "within" | "for");
                !(bounded || reporting(&prev) || (prev == "on" && reporting(&prev2)))
            })
            .filter_map(|(s, v)| v.clone().map(|v| (*s, v)))
            .collect()
    }

    /// A record's date: the mention as written, its value at the precision the event was
    /// reported with (as meetings do: "later this year" is the year).
    fn date_field(&self, span: ByteSpan, value: DateValue) -> DateField {
        let text = self.t(span.start, span.end);
        let value = crate::dates::record_value(&text.to_lowercase(), value, self.anchor);
        DateField { text: text.to_string(), value: Some(value) }
    }

    /// The place of `[a, b)`: the first place after "in", "at", "visit to", "visited",
    /// "arrived in"; mixed when it is listed with places of another country.
    fn place_in(&self, a: usize, b: usize, exclude: Option<ByteSpan>) -> Option<Place> {
        let ents = self.ents_in(a, b);
        let skip = self.attributions(a, b);
        // Whether a place entity is where something happens: "in X", "at the X", "visited X",
        // "a visit to (the) X".
        let at_place = |e: &Entity| -> bool {
            if !matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc) {
                return false;
            }
            if exclude.is_some_and(|x| e.span.start >= x.start && e.span.end <= x.end)
                || skip.iter().any(|&(x, y)| e.span.start >= x && e.span.end <= y)
            {
                return false;
            }
            // A building named after a place ("at Al-Yamamah Palace") is no place of its own.
            static BUILDING: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\s+(?:Palace|House|Hall|Hotel|Centre|Center|Residence|Building|Stadium|Mansion|Complex|Castle|Tower|Guest\s+House|Convention)\b").unwrap()
            });
            if BUILDING.is_match(self.t(e.span.end, (e.span.end + 24).min(b.max(e.span.end)))) {
                return false;
            }
            let mut pre = lower_words(self.t(a.max(e.span.start.saturating_sub(48)), e.span.start));
            if pre.last().is_some_and(|w| w == "the") {
                pre.pop();
            }
            let n = pre.len();
            let p1 = pre.last().map(String::as_str).unwrap_or("");
            let p2 = if n >= 2 { pre[n - 2].as_str() } else { "" };
            let capital = p1 == "capital" && pre.iter().rev().take(4).any(|w| w == "in" || w == "at");
            capital
                || matches!(p1, "in" | "at" | "visited" | "visiting" | "visit" | "visits" | "toured")
                || (p1 == "to" && matches!(p2, "visit" | "trip" | "travel" | "travelled" | "traveled"))
        };
        for (i, e) in ents.iter().enumerate() {
            if !at_place(e) {
                continue;
            }
            let name = title_case(self.t(e.span.start, e.span.end).trim());
            let country = gazetteer::country_of_place(&name).map(str::to_string);
            // Places listed together: "in Hekou county, Yunnan Province ... and Lao Cai of Vietnam".
            let mut end = e.span.end;
            for f in &ents[i + 1..] {
                if !matches!(f.label, EntityLabel::Gpe | EntityLabel::Loc) {
                    break;
                }
                let gap = lower_words(self.t(end, f.span.start));
                let glue = self.t(end, f.span.start).chars().all(|c| c.is_whitespace() || c == ',');
                if !(glue || gap.iter().all(|w| matches!(w.as_str(), "and" | "in" | "of" | "the" | "as" | "well"))) {
                    break;
                }
                let other = gazetteer::country_of_place(self.t(f.span.start, f.span.end));
                if let (Some(c), Some(o)) = (&country, other) {
                    if c != o {
                        return Some(Place::Mixed);
                    }
                }
                end = f.span.end;
            }
            // A country, then a city of it: "a visit to Kenya that began with his arrival in
            // Nairobi" is in Nairobi.
            if gazetteer::is_country(&name) {
                let city = ents[i + 1..].iter().find(|f| {
                    f.label == EntityLabel::Gpe
                        && at_place(f)
                        && !gazetteer::is_country(self.t(f.span.start, f.span.end))
                        && gazetteer::country_of_place(self.t(f.span.start, f.span.end)) == country.as_deref()
                });
                if let Some(f) = city {
                    let name = title_case(self.t(f.span.start, f.span.end).trim());
                    return Some(Place::Found(Location { name, country }));
                }
            }
            return Some(Place::Found(Location { name, country }));
        }
        self.capital_in(a, b, exclude).map(Place::Found)
    }

    /// "in the capital", "in the Kazakh capital", "in Kenya's capital" with no name: the
    /// dateline city, else the city last named before, of that country when one is given.
    fn capital_in(&self, a: usize, b: usize, exclude: Option<ByteSpan>) -> Option<Location> {
        static CAPITAL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(?:in|at)\s+(?:the\s+(?:([A-Z][\w'’-]+)\s+)?|([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]+)?)['’]s\s+)capital\b").unwrap()
        });
        let s = self.t(a, b);
        let c = CAPITAL.captures(s)?;
        let whole = c.get(0)?;
        let at = a + whole.start();
        if exclude.is_some_and(|x| at >= x.start && at < x.end) {
            return None;
        }
        // Named right after ("in the capital, Hanoi"): the entity check took it already.
        let next = s[whole.end()..].trim_start_matches([',', ' ']);
        if next.starts_with(|ch: char| ch.is_uppercase()) {
            return None;
        }
        // "capital markets", "capital spending": no place.
        let nw = next.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        if next.starts_with(|ch: char| ch.is_alphanumeric())
            && !STOP.contains(&nw.as_str())
            && !is_calendar_word(&nw)
            && !matches!(nw.as_str(), "last" | "this" | "earlier" | "later" | "and" | "yesterday" | "today" | "next")
        {
            return None;
        }
        let country: Option<&str> = match c.get(1).or_else(|| c.get(2)).map(|g| g.as_str()) {
            Some(w) => Some(gazetteer::country_of_demonym(w).or_else(|| gazetteer::canonical_country(w))?),
            None => None,
        };
        let fits = |name: &str| {
            !gazetteer::is_country(name)
                && gazetteer::country_of_place(name).is_some()
                && country.is_none_or(|c| gazetteer::country_of_place(name) == Some(c))
        };
        let ui = self.units.partition_point(|u| u.span.end <= at);
        let dateline = self.units.iter().take(ui + 1).find_map(|u| u.dateline.as_ref()).filter(|d| fits(d));
        let name = match dateline {
            Some(d) => d.clone(),
            None => {
                let first = self.ents.partition_point(|e| e.span.start < at);
                let e = self.ents[..first]
                    .iter()
                    .rev()
                    .take(200)
                    .find(|e| e.label == EntityLabel::Gpe && fits(self.t(e.span.start, e.span.end)))?;
                title_case(self.t(e.span.start, e.span.end).trim())
            }
        };
        let country = gazetteer::country_of_place(&name).map(str::to_string);
        Some(Location { name, country })
    }

    /// Where a phrase trailing the clause that ends at `at` ends: ", during a visit to Jakarta
    /// by ...", ", on the sidelines of the summit in ...", ", at the end of the talks"; `at`
    /// when none follows.
    fn trailer_end(&self, ui: usize, at: usize) -> usize {
        static TRAIL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*,\s*(?:during|on\s+the\s+(?:sidelines|margins)\s+of|at\s+the\s+(?:end|close|conclusion)\s+of|in\s+the\s+course\s+of|following|at|in|(?:planned|scheduled|set|slated|due)\s+(?:for|on|in))\s").unwrap()
        });
        let Some(u) = self.units.get(ui) else { return at };
        if at >= u.span.end {
            return at;
        }
        match TRAIL.find(self.t(at, u.span.end)) {
            Some(m) => self.clause_end(ui, at + m.end()).max(at),
            None => at,
        }
    }

    /// Whether a record's date lies within two weeks before (or a day after) publication: an
    /// event of the story, not background.
    fn recent(&self, date: Option<&DateField>) -> bool {
        let (Some(anchor), Some(v)) = (self.anchor, date.and_then(|d| d.value.as_ref())) else { return false };
        let (Some(first), Some(last)) = (v.first_day(), v.last_day()) else { return false };
        last >= anchor - chrono::Duration::days(14) && first <= anchor + chrono::Duration::days(1)
    }

    /// The place of talks or a meeting held in person on the day `d`, told near unit `ui` (up to
    /// eight sentences before, three after): its own place or its sentence's dateline city.
    fn same_day_place(&self, ui: usize, d: &DateField) -> Option<Location> {
        let Some(DateValue::Day(day)) = d.value.as_ref() else { return None };
        let order = (1..=8usize).filter_map(|k| ui.checked_sub(k)).chain((1..=3).map(|k| ui + k));
        for i in order {
            let Some(u) = self.units.get(i) else { continue };
            let (a, b) = (u.span.start, u.span.end);
            let Some(cue) = MEETING_CUE.find(self.t(a, b)) else { continue };
            let c = cue.as_str().to_lowercase();
            if c.contains("phone") || c.contains("video") {
                continue;
            }
            let at = a + cue.start();
            let near = self
                .event_dates(a, b)
                .into_iter()
                .min_by_key(|(s, _)| if s.start >= at { s.start - at } else { at - s.end.min(at) });
            if !matches!(near, Some((_, DateValue::Day(x))) if x == *day) {
                continue;
            }
            match self.place_in(a, b, None) {
                Some(Place::Found(l)) => return Some(l),
                Some(Place::Mixed) => return None,
                None => {}
            }
            if let Some(city) = &u.dateline {
                return Some(Location {
                    name: city.clone(),
                    country: gazetteer::country_of_place(city).map(str::to_string),
                });
            }
        }
        None
    }

    /// The place the story's events of unit `ui` took place in: the place of the nearest visit
    /// or arrival (a city over its country), when it is in the country of one of `parties`.
    fn story_place(&self, ui: usize, parties: &[Party]) -> Option<Location> {
        static VISIT: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\b(?:visit(?:ed|ing|s)?|arriv(?:ed|es|ing|al)|trip|tour)\b").unwrap());
        let fits = |l: &Location| {
            l.country.as_deref().is_some_and(|c| parties.iter().any(|p| p.kind == PartyType::Country && p.name == c))
        };
        // Nearest first: this sentence, up to twelve before, then up to four after ("The
        // Mongolian leader arrived in Astana on Wednesday" told after the signing).
        let order = (0..=12usize).filter_map(|k| ui.checked_sub(k)).chain((1..=4).map(|k| ui + k));
        for i in order {
            let Some(u) = self.units.get(i) else { continue };
            let (a, b) = (u.span.start, u.span.end);
            if !VISIT.is_match(self.t(a, b)) {
                continue;
            }
            if let Some(Place::Found(l)) = self.place_in(a, b, None) {
                if fits(&l) {
                    return Some(l);
                }
            }
        }
        None
    }

    /// The last day of a visit told in `[a, b)`: the end of its span, or its arrival day `d`
    /// and its length ("arrived on Tuesday for a two-day visit").
    fn visit_last_day(&self, a: usize, b: usize, d: &DateField) -> Option<DateField> {
        static LENGTH: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\b(two|three|four|five|six|seven|2|3|4|5|6|7)-day\b").unwrap());
        let last = match d.value.as_ref()? {
            DateValue::Interval(_, end) => end.last_day()?,
            DateValue::Day(day) => {
                let n = match LENGTH.captures(self.t(a, b))?.get(1)?.as_str().to_lowercase().as_str() {
                    "two" | "2" => 2,
                    "three" | "3" => 3,
                    "four" | "4" => 4,
                    "five" | "5" => 5,
                    "six" | "6" => 6,
                    _ => 7,
                };
                day.checked_add_days(chrono::Days::new(n - 1))?
            }
            _ => return None,
        };
        Some(DateField { text: d.text.clone(), value: Some(DateValue::Day(last)) })
    }

    /// The day of the talks told in `[a, b)`, when it lies inside the span `d` of a visit.
    fn talks_day_within(&self, a: usize, b: usize, d: &DateField) -> Option<DateField> {
        static TALKS: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\b(?:talks|met|meeting|sat\s+down|held\s+talks)\b").unwrap());
        let Some(DateValue::Interval(..)) = d.value.as_ref() else { return None };
        let span = d.value.as_ref()?;
        let (first, last) = (span.first_day()?, span.last_day()?);
        let at = a + TALKS.find(self.t(a, b))?.start();
        let (s, v) = self
            .event_dates(a, b)
            .into_iter()
            .min_by_key(|(s, _)| if s.start >= at { s.start - at } else { at - s.end.min(at) })?;
        match &v {
            DateValue::Day(day) if *day >= first && *day <= last => Some(self.date_field(s, v)),
            _ => None,
        }
    }

    /// The date and place of the event a clause points back to, or of the nearest earlier
    /// talks; `pointer` is the pointed-at noun ("forum", "talks"), if any.
    fn context_event(
        &self,
        ui: usize,
        before: usize,
        pointer: Option<&str>,
        at_end: bool,
        also: bool,
        planned: bool,
    ) -> (Option<DateField>, Option<Location>, bool) {
        // The spans to look at, nearest first: this sentence before the clause, then earlier ones.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if let Some(u) = self.units.get(ui) {
            if before > u.span.start {
                spans.push((self.window(ui, before, LOOKBACK), before));
            }
        }
        for back in 1..=8 {
            if let Some(u) = ui.checked_sub(back).and_then(|i| self.units.get(i)) {
                spans.push((u.span.start, u.span.end));
            }
        }
        let date_near = |a: usize, b: usize, at: usize| -> Option<DateField> {
            self.event_dates(a, b)
                .into_iter()
                .min_by_key(|(s, _)| if s.start >= at { s.start - at } else { at - s.end.min(at) })
                .map(|(s, v)| self.date_field(s, v))
        };
        // The place of an event told in `[a, b)`; for one met in person, the dateline city of
        // its sentence when the sentence names none ("ASTANA, June 12 (Kazinform) -- X held
        // talks with Y at the Akorda presidential residence").
        let place = |a: usize, b: usize, in_person: bool| match self.place_in(a, b, None) {
            Some(Place::Found(l)) => Some(Some(l)),
            Some(Place::Mixed) => Some(None),
            None => {
                let u = self.units.get(self.units.partition_point(|u| u.span.end <= a))?;
                let city = u.dateline.as_ref().filter(|_| in_person && u.span.start <= a)?;
                Some(Some(Location {
                    name: city.clone(),
                    country: gazetteer::country_of_place(city).map(str::to_string),
                }))
            }
        };
        if let Some(noun) = pointer {
            static POINTED: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
                let r = |s: &str| Regex::new(s).unwrap();
                let talks = r"(?i)\b(?:talks|discussions|meetings?|met|negotiations|dialogue|sat\s+down|co-chair(?:ed|s)?|hosted|received)\b";
                let visit = r"(?i)\b(?:visit(?:ed|ing|s)?|trip|tour|arrived)\b";
                let call = r"(?i)\b(?:call|conversation|(?:tele)?phone|video\s*-?\s*conferenc\w*|videoconferenc\w*)\b";
                let mut v: Vec<(&'static str, Regex)> = Vec::new();
                for n in ["talks", "discussions", "meeting", "meetings", "negotiations", "dialogue"] {
                    v.push((n, r(talks)));
                }
                for n in ["visit", "trip", "tour"] {
                    v.push((n, r(visit)));
                }
                for n in ["call", "conversation"] {
                    v.push((n, r(call)));
                }
                for n in ["forum", "summit", "conference", "session", "exchange", "ceremony", "event"] {
                    v.push((n, r(&format!(r"(?i)\b{n}s?\b"))));
                }
                v
            });
            if let Some((_, re)) = POINTED.iter().find(|(n, _)| *n == noun) {
                for &(a, b) in &spans {
                    if let Some(m) = re.find(self.t(a, b)) {
                        if let Some(mut d) = date_near(a, b, a + m.start()) {
                            // Documents signed during a visit of several days are signed at its
                            // talks: "paid a state visit on June 11-12, sat down for talks ... on
                            // June 12".
                            if matches!(noun, "visit" | "trip" | "tour") {
                                let day = if at_end {
                                    self.visit_last_day(a, b, &d)
                                } else {
                                    self.talks_day_within(a, b, &d)
                                };
                                if let Some(day) = day {
                                    d = day;
                                }
                            }
                            let remote = matches!(noun, "call" | "conversation");
                            return (Some(d), place(a, b, !remote).flatten(), remote);
                        }
                    }
                }
            }
        }
        if planned {
            // Only this sentence may tell when and where: "Lam is due to visit Singapore on
            // Wednesday, where the two countries are expected to sign ...".
            if let Some(&(a, b)) =
                spans.first().filter(|_| before > self.units.get(ui).map_or(before, |u| u.span.start))
            {
                let cue = MEETING_CUE.find(self.t(a, b)).or_else(|| OTHER_CUE.find(self.t(a, b)));
                if let Some(cue) = cue {
                    if let Some(d) = date_near(a, b, a + cue.start()) {
                        return (Some(d), place(a, b, false).flatten(), false);
                    }
                }
            }
            return (None, None, false);
        }
        // "X and Y also signed ...": at the signing told just before.
        if also {
            static SIGNING: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"(?i)\b(?:signed|inked|signing)\b").unwrap());
            for &(a, b) in spans.iter().take(3) {
                if let Some(m) = SIGNING.find(self.t(a, b)) {
                    if let Some(d) = date_near(a, b, a + m.start()) {
                        return (Some(d), place(a, b, true).flatten(), false);
                    }
                }
            }
        }
        let nearest = spans
            .iter()
            .take(6)
            .position(|&(a, b)| MEETING_CUE.is_match(self.t(a, b)))
            .or_else(|| spans.iter().take(6).position(|&(a, b)| OTHER_CUE.is_match(self.t(a, b))));
        let mut location: Option<Option<Location>> = None;
        if let Some(i) = nearest {
            for &(a, b) in spans.iter().skip(i).take(5) {
                let cue = MEETING_CUE.find(self.t(a, b)).or_else(|| OTHER_CUE.find(self.t(a, b)));
                // Places come only from sentences that tell of an event.
                if location.is_none() {
                    if let Some(c) = &cue {
                        let c = c.as_str().to_lowercase();
                        location = place(a, b, !(c.contains("phone") || c.contains("video")));
                    }
                }
                if let Some(cue) = cue {
                    if let Some(d) = date_near(a, b, a + cue.start()) {
                        let c = cue.as_str().to_lowercase();
                        let remote = c.contains("phone") || c.contains("video");
                        return (Some(d), location.flatten(), remote);
                    }
                }
            }
        }
        // The lead event of the story, when it comes before.
        if let Some((lead, span, value)) = self.lead.clone() {
            if lead < ui || (lead == ui && span.end <= before) {
                return (Some(self.date_field(span, value)), location.flatten(), false);
            }
        }
        (None, location.flatten(), false)
    }

    // -----------------------------------------------------------------------------------------
    // Records.

    /// The parties and signers named in the subject `[a, b)` of an active act.
    fn subject(&self, a: usize, b: usize, signs: bool) -> Subject {
        let mut out = Subject::default();
        let skip = self.attributions(a, b);
        let ents = self.ents_in(a, b);
        let close = |x: &Entity, y: &Entity| {
            let gap = self.t(x.span.end, y.span.start);
            let ws = lower_words(gap);
            ws.len() <= 2 && !gap.contains(',') && !ws.iter().any(|w| w == "and" || w == "with")
        };
        // An organ with no country word of its own: "Vietnam's Defence Ministry".
        let bare_organ = |org: &Entity| {
            let name = self.t(org.span.start, org.span.end);
            STATE_WORDS.iter().any(|w| name.to_lowercase().contains(w)) && self.organ_country(name).is_none()
        };
        for (k, e) in ents.iter().enumerate() {
            if skip.iter().any(|&(x, y)| e.span.start >= x && e.span.end <= y) {
                continue;
            }
            // Places and buildings after a preposition ("met at Panmunjom", "at the Merdeka
            // Palace") are not parties.
            let mut prev = self.word_before(a, e.span.start).unwrap_or_default();
            if prev == "the" {
                let pre = self.t(a, e.span.start).trim_end();
                prev = self.word_before(a, a + pre.len().saturating_sub(3)).unwrap_or_default();
            }
            if matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Org)
                && matches!(
                    prev.as_str(),
                    "in" | "at"
                        | "to"
                        | "from"
                        | "near"
                        | "into"
                        | "across"
                        | "through"
                        | "via"
                        | "on"
                        | "outside"
                        | "inside"
                )
            {
                continue;
            }
            // A country word modifying an organisation ("Indian airline IndiGo", "Saudi Arabia's
            // Riyadh Air"): the organisation is the party; but a bare state organ stands for the
            // country named before it.
            if matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) {
                if let Some(next) = ents.get(k + 1).filter(|n| n.label == EntityLabel::Org && close(e, n)) {
                    if !bare_organ(next) {
                        continue;
                    }
                }
            }
            if e.label == EntityLabel::Org
                && k > 0
                && matches!(ents[k - 1].label, EntityLabel::Gpe | EntityLabel::Norp)
                && close(&ents[k - 1], e)
                && bare_organ(e)
            {
                continue;
            }
            if let Some(p) = self.bloc_as_person(e) {
                push_party(&mut out.parties, p);
                continue;
            }
            if e.label == EntityLabel::Person {
                let p = self.participant(e);
                match &p.country {
                    Some(c) => push_party(&mut out.parties, country(c)),
                    None => push_party(&mut out.people, Party { name: p.name.clone(), kind: PartyType::Person }),
                }
                if signs && !out.signatories.iter().any(|s| s.name == p.name) {
                    out.signatories.push(p);
                }
            } else if let Some(p) = self.party_of(e) {
                push_party(&mut out.parties, p);
            }
        }
        // Blocs the entity model missed ("Mercosur and the European Union concluded").
        for (x, y, bloc) in blocs_in(self.t(a, b)) {
            let (x, y) = (a + x, a + y);
            if !ents.iter().any(|e| e.span.start < y && x < e.span.end) {
                push_party(&mut out.parties, Party { name: bloc.into(), kind: PartyType::Organization });
            }
        }
        let region = self.t(a, b);
        out.anaphor = ANAPHOR.is_match(region);
        out.bloc_ref = BLOC_ANAPHOR.is_match(region);
        out
    }

    fn draft(&self, ui: usize, mentions: &[Mention], links: &[Option<Act>], mi: usize) -> Option<Draft> {
        let m = &mentions[mi];
        let act = links.get(mi).copied().flatten()?;
        let mut status = act.class.status()?;
        let u = &self.units[ui];
        if act.class == ActClass::Sign {
            match self.nominal_signing(ui, &act) {
                Some(Some(s)) => status = s,
                Some(None) => return None,
                None => {}
            }
        }
        match act.class {
            ActClass::Implement if m.title.is_none() => return None,
            ActClass::Upgrade if m.kind != AgreementKind::Partnership => return None,
            _ => {}
        }
        if m.name_only
            && !matches!(
                act.class,
                ActClass::Sign
                    | ActClass::Witness
                    | ActClass::Plan
                    | ActClass::PassiveSigned
                    | ActClass::PassivePlanned
            )
        {
            return None;
        }
        // A kind noun inside another mention's subject ("a joint declaration on strategic
        // partnership") is that subject, not an agreement; but a partnership the other sets up
        // ("a joint declaration on the establishment of a strategic partnership") is a record
        // of its own, at the stage of the document that sets it up.
        let outer = mentions.iter().enumerate().find(|&(k, o)| {
            k != mi && o.head.start < m.head.start && {
                let p = self.post_np(ui, o.np_end);
                p.subject.is_some_and(|s| s.start <= m.head.start && m.head.end <= s.end)
            }
        });
        if let Some((k, _)) = outer {
            match act.class {
                ActClass::Upgrade => {}
                ActClass::Establish if m.kind == AgreementKind::Partnership => {
                    status = links.get(k).copied().flatten().and_then(|a| a.class.status())?;
                }
                _ => return None,
            }
        }
        let post = self.post_np(ui, m.np_end);
        if post.vague {
            return None;
        }
        let kind = if post.purchase.is_some() && matches!(m.kind, AgreementKind::Agreement | AgreementKind::Contract) {
            AgreementKind::Contract
        } else {
            m.kind
        };
        let mut confidence: f64 = match act.class {
            ActClass::Dated => 0.6,
            ActClass::Implement => 0.7,
            ActClass::Establish | ActClass::Conclude => 0.8,
            ActClass::Initial | ActClass::PassiveInitial | ActClass::RelInitial => 0.8,
            _ => 0.9,
        };
        if m.plural {
            confidence -= 0.15;
        }
        if status == AgreementStatus::Discussed {
            confidence -= 0.05;
        }

        let clause_start = self.clause_start(ui, act.start.min(m.np_start));
        let Subject { mut parties, people, mut signatories, mut anaphor, bloc_ref } = if act.class.relative() {
            self.subject(act.start, act.verb, true)
        } else if act.class.before() && act.start > clause_start {
            self.subject(clause_start, act.start, act.class.signs())
        } else {
            Subject::default()
        };
        // A phrase with no determiner must not reach back over its verb.
        let np_start = if act.class.before() { m.np_start.max(act.end) } else { m.np_start };
        // Names inside the phrase: "the U.S.-Vietnam ...", "a Kazakh-Vietnamese agreement".
        for e in self.ents_in(np_start, m.np_end) {
            if matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) {
                if let Some(p) = self.party_of(e) {
                    push_party(&mut parties, p);
                }
            }
        }
        if !m.name_only && m.title.is_some() {
            // A proper name's words are its own ("Panmunjom Declaration"), not parties, unless
            // they are countries.
            parties.retain(|p| p.kind == PartyType::Country || !self.t(np_start, m.np_end).contains(&p.name));
        }
        for p in post.between.iter().chain(post.with.iter()) {
            push_party(&mut parties, p.clone());
        }
        anaphor |= post.between_anaphor;
        if let Some((buyer, seller)) = &post.purchase {
            if let Some(b) = buyer {
                push_party(&mut parties, b.clone());
            }
            if let Some(s) = seller {
                push_party(&mut parties, s.clone());
            }
        }
        // Passive: "signed by X and Y", "signed in Bangkok by X and Y".
        if !act.class.before() && !act.class.relative() {
            let reach = self.clause_end(ui, act.end);
            let rest = self.t(act.end, reach).to_lowercase();
            let by = if rest.trim_start().starts_with("by ") {
                Some(rest.len() - rest.trim_start().len())
            } else {
                rest.find(" by ").map(|i| i + 1)
            };
            if let Some(lead) = by {
                let a = act.end + lead + 3;
                let end = self.phrase_end(a, u.span.end, false);
                for e in self.ents_in(a, end) {
                    if e.label != EntityLabel::Person {
                        // "signed by Chile and Peru", "signed by the two governments".
                        if let Some(p) = self.party_of(e) {
                            push_party(&mut parties, p);
                        }
                        continue;
                    }
                    let p = self.participant(e);
                    if let Some(c) = &p.country {
                        push_party(&mut parties, country(c));
                    }
                    if !signatories.iter().any(|s| s.name == p.name) {
                        signatories.push(p);
                    }
                }
                anaphor |= ANAPHOR.is_match(self.t(a, end));
            }
            // "signed in 2019 between Chile and Peru"; not a "between" inside what it is about
            // ("signed regarding a hotline between the two navies").
            if let Some(i) = rest.find(" between ") {
                let a = act.end + i + 9;
                let end = self.phrase_end(a, u.span.end, false);
                let before = lower_words(&rest[..i]);
                let about = before
                    .iter()
                    .any(|w| matches!(w.as_str(), "regarding" | "concerning" | "of" | "for" | "about" | "covering"));
                let countries_only = self.ents_in(a, end).iter().all(|e| {
                    matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp) && self.party_of(e).is_some()
                        || self.bloc_as_person(e).is_some()
                });
                if !about && countries_only {
                    let mut ps = Vec::new();
                    anaphor |= self.parties_in(a, end, &mut ps);
                    for p in ps {
                        push_party(&mut parties, p);
                    }
                }
            }
        }
        // The subject phrase.
        let mut subject_span = post.subject;
        if subject_span.is_none() && !act.class.before() && !act.class.relative() {
            // "was signed regarding the establishment of ...".
            let rest = self.t(act.end, u.span.end);
            let lead = rest.len() - rest.trim_start().len();
            let first = rest[lead..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            if matches!(first.as_str(), "regarding" | "concerning" | "on" | "covering") {
                let a = act.end + lead + first.len();
                let a = a + (self.t(a, u.span.end).len() - self.t(a, u.span.end).trim_start().len());
                if self.date_at(a).is_none() {
                    let end = self.phrase_end(a, u.span.end, true);
                    if end > a {
                        subject_span = Some(ByteSpan::new(a, end));
                    }
                }
            }
        }
        // Countries named in a subject ("... between Vietnam and China"), when nothing else names
        // the parties.
        if parties.is_empty() && !anaphor {
            if let Some(s) = subject_span {
                let t = self.t(s.start, s.end).to_lowercase();
                if let Some(i) = t.find(" between ") {
                    let a = s.start + i + 9;
                    let mut found = Vec::new();
                    for e in self.ents_in(a, s.end) {
                        let c = match e.label {
                            EntityLabel::Person => None,
                            EntityLabel::Org => {
                                self.organ_country(self.t(e.span.start, e.span.end)).map(str::to_string)
                            }
                            _ => self.country_of_entity(e),
                        };
                        if let Some(c) = c {
                            if !found.contains(&c) {
                                found.push(c);
                            }
                        }
                    }
                    if found.len() == 2 {
                        parties = found.iter().map(|c| country(c)).collect();
                    }
                }
            }
        }
        // A fronted phrase names no one; the main clause's subject after it does: "In a joint
        // statement released after the call, Chile and Peru pledged ...".
        let fronted = {
            let pre = self.t(u.span.start, m.np_start.min(act.start)).trim().to_lowercase();
            matches!(pre.as_str(), "" | "in" | "under" | "through" | "with" | "by" | "via")
        };
        if parties.is_empty() && !anaphor && fronted {
            let ce = self.clause_end(ui, act.end.max(post.end).max(m.np_end));
            if let Some((a, b)) = self.main_subject(ui, ce) {
                let sub = self.subject(a, b, false);
                parties = sub.parties;
                anaphor = sub.anaphor;
            }
        }
        let mut source = PartySource::Clause;
        if bloc_ref {
            if let Some(b) = self.last_bloc(ui, clause_start) {
                parties.insert(0, b);
            }
        }
        if anaphor || parties.is_empty() {
            let (pair, src) = self.context_pair(ui, clause_start);
            if !pair.is_empty() && (parties.iter().all(|p| p.kind == PartyType::Country) || parties.is_empty()) {
                let before_len = parties.len();
                for p in pair {
                    push_party(&mut parties, p);
                }
                if parties.len() > before_len {
                    source = src;
                }
            }
        } else if parties.len() == 1 && parties[0].kind == PartyType::Country && people.is_empty() {
            let (pair, src) = self.context_pair(ui, clause_start);
            if pair.iter().any(|p| p.name == parties[0].name) {
                for p in pair {
                    push_party(&mut parties, p);
                }
                source = src;
            }
        }
        if parties.is_empty() {
            parties = people;
        }
        if parties.is_empty() {
            return None;
        }
        confidence -= match source {
            PartySource::Clause => 0.0,
            PartySource::Context => 0.1,
            PartySource::MainPair => 0.15,
        };

        // Date and place of the clause.
        let np_or_act_end = post.end.max(act.end).max(m.np_end);
        let clause_end = self.clause_end(ui, np_or_act_end).max(np_or_act_end.min(u.span.end));
        let subject_excl = subject_span;
        let in_subject = |s: &ByteSpan| subject_excl.is_some_and(|x| s.start >= x.start && s.end <= x.end);
        let anchor = if act.class.before() { act.start } else { act.end };
        // An object relative tells its own time and place: "the treaty, which X and Y signed in
        // Bonn in June 1991", not the "next year" of the anniversary it is cited for.
        let own_start = if act.class.relative() { act.start } else { clause_start };
        let mut date = self
            .event_dates(own_start, clause_end)
            .into_iter()
            .filter(|(s, _)| !in_subject(s))
            .min_by_key(|(s, _)| {
                if s.start >= anchor {
                    s.start - anchor
                } else {
                    // A date before "and" belongs to the verb before it: "established a
                    // partnership in 2013 and upgraded it to ... in 2024".
                    let gap = self.t(s.end.min(anchor), anchor);
                    let other_verb = act.class.before() && (gap.contains(" and ") || gap.contains(" but "));
                    anchor - s.end.min(anchor) + if other_verb { 10_000 } else { 0 }
                }
            })
            .map(|(s, v)| self.date_field(s, v));
        let mut weak_location = false;
        let mut location = match self.place_in(own_start, clause_end, subject_excl) {
            Some(Place::Found(l)) => Some(l),
            _ => None,
        };
        let background = matches!(act.class, ActClass::Dated | ActClass::Implement);
        // A phrase trailing the clause tells where and when: "upgraded their ties ... in March,
        // during a visit to Jakarta by ...".
        let trail_end = if background { clause_end } else { self.trailer_end(ui, clause_end) };
        if trail_end > clause_end {
            if location.is_none() {
                if let Some(Place::Found(l)) = self.place_in(clause_end, trail_end, None) {
                    location = Some(l);
                }
            }
            if date.is_none() {
                date = self.event_dates(clause_end, trail_end).into_iter().next().map(|(s, v)| self.date_field(s, v));
            }
        }
        let mut weak_date = false;
        // The event the record took its date from was a phone call or video conference: no place.
        let mut remote = false;
        if date.is_none() && !background {
            let clause_text = self.t(clause_start, trail_end);
            let captures = POINTER.captures(clause_text);
            let pointer = captures.as_ref().and_then(|c| c.get(1)).map(|g| g.as_str().to_lowercase());
            let at_end = captures.as_ref().and_then(|c| c.get(0)).is_some_and(|g| {
                let l = g.as_str().to_lowercase();
                l.contains("end of") || l.contains("close of") || l.contains("conclusion of")
            });
            static ALSO: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"(?i)\balso\b|^\W*(?:in\s+addition|additionally)\b").unwrap());
            let also = ALSO.is_match(self.t(clause_start, act.end.max(clause_start)))
                || ALSO.is_match(self.t(u.span.start, (u.span.start + 20).min(u.span.end)));
            let (d, l, r) = self.context_event(
                ui,
                clause_start,
                pointer.as_deref(),
                at_end,
                also,
                status == AgreementStatus::Planned,
            );
            remote = r;
            // A dateline city stands for an event of the parties only in their countries.
            let l = l.filter(|l| {
                let from_dateline = self.units.iter().any(|u| u.dateline.as_deref() == Some(l.name.as_str()));
                !from_dateline
                    || l.country.as_deref().is_some_and(|c| parties.iter().any(|p| p.name == c))
                    || parties.iter().all(|p| p.kind != PartyType::Country)
            });
            date = d;
            weak_date = date.is_some();
            if location.is_none() && l.is_some() {
                location = l;
                weak_location = true;
            }
        }
        if location.is_none() && !background && status != AgreementStatus::Planned {
            if let Some(city) = &u.dateline {
                location = Some(Location {
                    name: city.clone(),
                    country: gazetteer::country_of_place(city).map(str::to_string),
                });
                weak_location = true;
            }
        }
        // A signing of these days with no place of its own was where the visit or talks it
        // belongs to were: the place of the visit told before, else the dateline city, when
        // that place is in one of the parties' countries.
        // A signing dated by its own clause with no place: the place of talks held in person the
        // same day ("Earlier on Thursday, X and Y signed a contract ...").
        if location.is_none() && !background && !weak_date && status != AgreementStatus::Planned {
            if let Some(l) = date.as_ref().and_then(|d| self.same_day_place(ui, d)) {
                location = Some(l);
                weak_location = true;
            }
        }
        // "Meanwhile, ..." and "Separately, ..." tell of another occasion.
        static ASIDE_OPENER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\W*(?:meanwhile|separately|elsewhere|in\s+other\s+news|in\s+a\s+separate)\b").unwrap()
        });
        let aside = ASIDE_OPENER.is_match(self.t(u.span.start, u.span.end));
        if location.is_none()
            && !background
            && !remote
            && !aside
            && status != AgreementStatus::Planned
            && self.recent(date.as_ref())
        {
            if let Some(l) = self.story_place(ui, &parties) {
                location = Some(l);
                weak_location = true;
            }
        }
        // An initialled text whose signing this sentence schedules: "was initialled ... and is
        // expected to be signed in Putrajaya in June".
        let mut provisional = act.class.initial();
        if provisional {
            static TO_BE_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"(?i)\b(?:(?:expected|due|set|scheduled|slated|likely|planned)\s+to|will|would|is\s+to|are\s+to)\s+be\s+(?:formally\s+|officially\s+)?(?:signed|inked)\b").unwrap()
            });
            if let Some(f) = TO_BE_SIGNED.find(self.t(act.end, u.span.end)) {
                let (a, b) = (act.end + f.end(), self.clause_end(ui, act.end + f.end()));
                let d = self.event_dates(a, b).into_iter().next().map(|(s, v)| self.date_field(s, v));
                let l = match self.place_in(a, b, None) {
                    Some(Place::Found(l)) => Some(l),
                    _ => None,
                };
                if d.is_some() || l.is_some() {
                    date = d;
                    location = l;
                    weak_location = false;
                    provisional = false;
                }
            }
        }
        if date.is_none() {
            confidence -= 0.05;
        }

        let subject = subject_span
            .map(|s| clean_subject(self.t(s.start, s.end)))
            .or_else(|| m.title.as_deref().and_then(subject_of_title))
            .filter(|s| !s.is_empty());
        let reference =
            m.definite && m.title.is_none() && subject.is_none() && post.between.is_empty() && post.with.is_empty();
        Some(Draft {
            kind,
            status,
            title: m.title.clone(),
            parties,
            signatories,
            subject,
            date,
            location,
            weak_location,
            weak_date,
            provisional,
            sentence: u.sentence,
            confidence,
            reference,
        })
    }
}

/// Days after the story's last named day that a relative date means: "the same day" 0, "the
/// following day" / "the next day" / "a day later" 1, "two days later" 2; `None` otherwise.
fn story_offset(lower: &str) -> Option<i64> {
    let lower = lower.trim().trim_start_matches("on ").trim();
    if matches!(lower, "the same day" | "that same day" | "later that day" | "later the same day" | "that day") {
        return Some(0);
    }
    if matches!(lower, "the following day" | "the next day" | "a day later" | "the day after" | "one day later") {
        return Some(1);
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let [n, "days", "later"] = words.as_slice() {
        return match *n {
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            d => d.parse::<i64>().ok().filter(|d| (1..=14).contains(d)),
        };
    }
    None
}

/// A quoted stretch that reads as a proper name: 2 to 14 words, no sentence punctuation, every
/// word but the small ones capitalised ("U.S.-Vietnam Comprehensive Strategic Partnership
/// Economic Dialogue (CSPED)"; not "No war on the Korean Peninsula").
fn looks_like_name(s: &str) -> bool {
    static SMALL: LazyLock<Vec<&str>> = words!("agreements/small_title_words.txt");
    let ws: Vec<&str> = s.split_whitespace().collect();
    (2..=14).contains(&ws.len())
        && !s.contains([',', '!', '?', ';'])
        && !s.trim_end().ends_with('.')
        && ws.iter().all(|w| SMALL.contains(&w.to_lowercase().as_str()) || !w.starts_with(|c: char| c.is_lowercase()))
        && is_capitalised(s)
}

fn is_calendar_word(w: &str) -> bool {
    static NAMES: LazyLock<Vec<&str>> = words!("agreements/calendar_words.txt");
    NAMES.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str())
}

fn is_abbreviation(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Jr" | "Sr"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sen"
            | "Rep"
            | "St"
            | "Prof"
            | "No"
            | "Adm"
            | "Capt"
            | "Maj"
            | "Sgt"
            | "Gov"
            | "Amb"
    )
}

/// Whether `rest` (starting at a comma) continues a list of short noun phrases that ends with
/// "and X": ", energy and education".
fn list_continues(rest: &str) -> bool {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,\s*(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?:,\s*(?:[\w'’-]+\s+){0,3}?[\w'’-]+)*,?\s+and\s+[\w'’-]+")
            .unwrap()
    });
    let Some(m) = LIST.find(rest) else { return false };
    let ws = lower_words(m.as_str());
    let first = ws.first().map(String::as_str).unwrap_or("");
    !first.ends_with("ing")
        && !ws.iter().any(|w| STOP.contains(&w.as_str()) || DETERMINERS.contains(&w.as_str()) && w != "the")
}

/// A kind's own name is no title ("Memorandum of Understanding", "Joint Statement").
fn is_generic_name(t: &str) -> bool {
    let l = t.to_lowercase();
    let l = l.trim_start_matches("the ").trim_start_matches("a ").trim_start_matches("an ");
    matches!(
        l,
        "memorandum of understanding"
            | "memorandum"
            | "agreement"
            | "joint statement"
            | "joint declaration"
            | "declaration"
            | "treaty"
            | "protocol"
            | "contract"
            | "partnership"
            | "deal"
            | "pact"
            | "accord"
            | "convention"
            | "joint communique"
            | "joint communiqué"
    )
}

/// The subject a name gives: "Agreement on basic principles guiding ..." -> "basic principles
/// guiding ...".
fn subject_of_title(title: &str) -> Option<String> {
    static OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[\w.'’-]+\s+){0,6}?(?:agreement|treaty|memorandum\s+of\s+understanding|memorandum|declaration|statement|protocol|accord|pact|convention|contract)\s+(?:on|for|regarding|concerning)\s+(.+)$").unwrap()
    });
    OF.captures(title).and_then(|c| c.get(1)).map(|g| clean_subject(g.as_str()))
}

/// "U.S.-Vietnam ... Economic Dialogue (CSPED)" -> without the bracketed acronym.
fn strip_acronym(s: &str) -> &str {
    let t = s.trim();
    if t.ends_with(')') {
        if let Some(i) = t.rfind(" (") {
            return t[..i].trim();
        }
    }
    t
}

/// A subject as written, without a leading article, brackets of citations or closing quotes.
fn clean_subject(s: &str) -> String {
    static CITE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\d+\]").unwrap());
    let s = CITE.replace_all(s, "");
    let s = s.trim().trim_end_matches(['.', ',', ';', ':', '”', '"', '’']).trim();
    let mut ws: Vec<&str> = s.split_whitespace().collect();
    // A phrase cut before a date or place leaves its preposition: "a plan for".
    while ws.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "for" | "on" | "in" | "at" | "by" | "of" | "from" | "to" | "and" | "the" | "a" | "an" | "with"
        )
    }) {
        ws.pop();
    }
    let s = ws.join(" ");
    for art in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = s.strip_prefix(art) {
            return rest.to_string();
        }
    }
    if s.chars().count() > 240 {
        return s.chars().take(240).collect::<String>().trim_end().to_string();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{RuleSegmenter, Segmenter};

    /// A document from marked-up text ("[China|GPE] and [Vietnam|GPE] signed ..."), segmented,
    /// with dates and people resolved as the pipeline does.
    fn doc_at(marked: &str, published: Option<&str>) -> Document {
        let mut text = String::new();
        let mut entities = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find(']').expect("unclosed [");
            let (inner, label) = after[..close].rsplit_once('|').expect("[text|LABEL]");
            let start = text.len();
            text.push_str(inner);
            entities.push(Entity {
                span: ByteSpan::new(start, text.len()),
                label: EntityLabel::parse(label).expect("label"),
                score: 1.0,
            });
            rest = &after[close + 1..];
        }
        text.push_str(rest);
        let mut d = Document::from_text("test", text);
        d.entities = entities;
        d.published = published.map(str::to_string);
        RuleSegmenter.annotate(&mut d);
        crate::dates::annotate(&mut d);
        crate::people::annotate(&mut d);
        d
    }

    fn records_at(marked: &str, published: &str) -> Vec<Agreement> {
        extract(&doc_at(marked, Some(published)))
    }

    fn records(marked: &str) -> Vec<Agreement> {
        records_at(marked, "2024-07-10")
    }

    fn one(marked: &str) -> Agreement {
        let rs = records(marked);
        assert_eq!(rs.len(), 1, "{marked}\n{rs:#?}");
        rs.into_iter().next().unwrap()
    }

    fn parties(a: &Agreement) -> Vec<&str> {
        a.parties.iter().map(|p| p.name.as_str()).collect()
    }

    fn signatories(a: &Agreement) -> Vec<&str> {
        a.signatories.iter().map(|p| p.name.as_str()).collect()
    }

    fn date(a: &Agreement) -> Option<String> {
        a.date.as_ref().and_then(|d| d.value.as_ref()).map(|v| v.iso())
    }

    #[test]
    fn memorandum_between_countries_with_subject_place_and_date() {
        // 2024-04-10 is a Wednesday: "on Monday" in a past clause is 2024-04-08.
        let rs = records_at(
            "[China|GPE] and [Vietnam|GPE] signed a memorandum of understanding on the establishment of a hotline \
             between the two navies in [Beijing|GPE] on [Monday|DATE].",
            "2024-04-10",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        let a = &rs[0];
        assert_eq!(a.kind, AgreementKind::MemorandumOfUnderstanding);
        assert_eq!(a.status, AgreementStatus::Signed);
        assert_eq!(parties(a), ["China", "Vietnam"]);
        assert!(a.parties.iter().all(|p| p.kind == PartyType::Country));
        assert_eq!(a.subject.as_deref(), Some("establishment of a hotline between the two navies"));
        assert_eq!(a.location, Some(Location { name: "Beijing".into(), country: Some("China".into()) }));
        assert_eq!(date(a).as_deref(), Some("2024-04-08"));
        assert_eq!(a.date.as_ref().unwrap().text, "Monday");
        assert!(a.id.is_empty());
        assert_eq!(a.sources.len(), 1);
        assert_eq!(a.sources[0].start, 0);
        assert!(a.sources[0].sentence.starts_with("China and Vietnam signed"));
        assert!((0.0..=1.0).contains(&a.confidence));
        assert_eq!((a.confidence * 100.0).round() / 100.0, a.confidence);
    }

    #[test]
    fn each_kind() {
        let cases = [
            ("[Japan|GPE] and [India|GPE] signed a treaty on extradition.", AgreementKind::Treaty),
            ("[Japan|GPE] and [India|GPE] issued a joint communique on trade.", AgreementKind::JointStatement),
            ("[Japan|GPE] and [India|GPE] issued a joint statement on trade.", AgreementKind::JointStatement),
            ("[Japan|GPE] and [India|GPE] signed a protocol on customs cooperation.", AgreementKind::Protocol),
            (
                "[Japan|GPE] and [India|GPE] adopted a joint declaration on maritime security.",
                AgreementKind::Declaration,
            ),
            ("[Japan|GPE] and [India|GPE] signed a declaration on maritime security.", AgreementKind::Declaration),
            (
                "[Japan|GPE] and [India|GPE] upgraded ties to a comprehensive strategic partnership.",
                AgreementKind::Partnership,
            ),
            ("[Japan|GPE] and [India|GPE] inked an MoU on railways.", AgreementKind::MemorandumOfUnderstanding),
            ("[Japan|GPE] and [India|GPE] signed a memorandum on railways.", AgreementKind::MemorandumOfUnderstanding),
            ("[Japan|GPE] and [India|GPE] signed an agreement on fisheries.", AgreementKind::Agreement),
            ("[Japan|GPE] and [India|GPE] struck a deal on rare earths.", AgreementKind::Agreement),
            ("[Japan|GPE] and [India|GPE] signed an accord on water sharing.", AgreementKind::Agreement),
            ("[Japan|GPE] and [India|GPE] sealed a defence pact.", AgreementKind::Agreement),
            (
                "[Japan|GPE] and [India|GPE] signed a comprehensive economic partnership agreement.",
                AgreementKind::Agreement,
            ),
            ("[Airbus|ORG] signed a contract with [Vietjet|ORG] to supply 20 aircraft.", AgreementKind::Contract),
        ];
        for (text, kind) in cases {
            let a = one(text);
            assert_eq!(a.kind, kind, "{text}");
            assert_eq!(a.status, AgreementStatus::Signed, "{text}");
        }
    }

    #[test]
    fn a_deal_to_buy_is_a_contract_between_buyer_and_maker() {
        let a = one(
            "A deal for [Vietnam Airlines|ORG] to buy 50 Boeing 737 MAX jets, worth about $7.8 billion, is to be signed \
             in [Hanoi|GPE] on [Monday|DATE], according to a person familiar with the matter.",
        );
        assert_eq!(a.kind, AgreementKind::Contract);
        assert_eq!(a.status, AgreementStatus::Planned);
        assert_eq!(parties(&a), ["Vietnam Airlines", "Boeing"]);
        assert!(a.parties.iter().all(|p| p.kind == PartyType::Organization));
        assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Hanoi"));
        // Published on Wednesday 2024-07-10: the coming Monday.
        assert_eq!(date(&a).as_deref(), Some("2024-07-15"));
    }

    #[test]
    fn signed_statuses() {
        for text in [
            "[Japan|GPE] and [India|GPE] signed an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] inked an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] concluded an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] exchanged an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] adopted an agreement on fisheries.",
            "The two prime ministers of [Japan|GPE] and [India|GPE] witnessed the signing of an agreement on fisheries.",
            "An agreement on fisheries between [Japan|GPE] and [India|GPE] was signed on [Monday|DATE].",
            "An agreement on fisheries between [Japan|GPE] and [India|GPE] has been signed.",
            "The agreement on fisheries between [Japan|GPE] and [India|GPE] entered into force on [Monday|DATE].",
            "[India|GPE]'s signing of an agreement on fisheries with [Japan|GPE] surprised analysts.",
        ] {
            let a = one(text);
            assert_eq!(a.status, AgreementStatus::Signed, "{text}");
            assert_eq!(a.kind, AgreementKind::Agreement, "{text}");
            let mut ps = parties(&a);
            ps.sort();
            assert_eq!(ps, ["India", "Japan"], "{text}");
            assert_eq!(a.subject.as_deref(), Some("fisheries"), "{text}");
        }
    }

    #[test]
    fn planned_statuses() {
        for text in [
            "An agreement on fisheries between [Japan|GPE] and [India|GPE] is to be signed next month.",
            "An agreement on fisheries between [Japan|GPE] and [India|GPE] will be signed next month.",
            "An agreement on fisheries between [Japan|GPE] and [India|GPE] is due to be signed next month.",
            "[Japan|GPE] and [India|GPE] will sign an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] are expected to sign an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] are due to sign an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] plan to sign an agreement on fisheries.",
        ] {
            let a = one(text);
            assert_eq!(a.status, AgreementStatus::Planned, "{text}");
            assert_eq!(parties(&a).len(), 2, "{text}");
        }
    }

    #[test]
    fn discussed_statuses() {
        for text in [
            "[Japan|GPE] and [India|GPE] agreed to negotiate an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] agreed to work towards the signing of an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] agreed to accelerate work towards the signing of an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] agreed to work towards a fisheries agreement at an early date.",
            "[Japan|GPE] and [India|GPE] discussed an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] explored a possible agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] agreed to begin talks on an agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] held negotiations on an agreement on fisheries.",
        ] {
            let a = one(text);
            assert_eq!(a.status, AgreementStatus::Discussed, "{text}");
            assert_eq!(parties(&a).len(), 2, "{text}");
        }
    }

    #[test]
    fn signatories_are_the_signers_not_the_witnesses() {
        let a = one("[Japanese|NORP] Foreign Minister [Yoko Kamikawa|PERSON] and [Philippine|NORP] Defence Secretary \
             [Gilberto Teodoro|PERSON] signed a defence pact in [Manila|GPE], with President [Ferdinand Marcos Jr.|PERSON] \
             witnessing the signing.");
        assert_eq!(signatories(&a), ["Yoko Kamikawa", "Gilberto Teodoro"]);
        assert_eq!(a.signatories[0].role.as_deref(), Some("Foreign Minister"));
        assert_eq!(a.signatories[0].country.as_deref(), Some("Japan"));
        assert_eq!(parties(&a), ["Japan", "Philippines"]);
        assert_eq!(a.location.as_ref().and_then(|l| l.country.as_deref()), Some("Philippines"));

        let a = one(
            "The agreement on fisheries was signed by [Japanese|NORP] Foreign Minister [Yoko Kamikawa|PERSON] and \
             [Indian|NORP] Foreign Minister [Subrahmanyam Jaishankar|PERSON].",
        );
        assert_eq!(signatories(&a), ["Yoko Kamikawa", "Subrahmanyam Jaishankar"]);
        assert_eq!(parties(&a), ["Japan", "India"]);

        let a = one(
            "[Kazakh|NORP] President [Kassym-Jomart Tokayev|PERSON] and [Vietnamese|NORP] President [Luong Cuong|PERSON] \
             witnessed the signing of a memorandum of understanding on agriculture.",
        );
        assert!(a.signatories.is_empty(), "{a:#?}");
        assert_eq!(parties(&a), ["Kazakhstan", "Vietnam"]);
    }

    #[test]
    fn leaders_who_sign_give_their_countries() {
        let a = one(
            "The talks follow up on commitments made when [North Korean|NORP] leader [Kim Jong Un|PERSON] and [South Korean|NORP] \
             President [Moon Jae-in|PERSON] met at [Panmunjom|GPE] on [April 27|DATE] and signed the Panmunjom Declaration, \
             in which they pledged to work for denuclearisation.",
        );
        assert_eq!(a.kind, AgreementKind::Declaration);
        assert_eq!(a.title.as_deref(), Some("Panmunjom Declaration"));
        assert_eq!(parties(&a), ["North Korea", "South Korea"]);
        assert_eq!(signatories(&a), ["Kim Jong Un", "Moon Jae-in"]);
        assert_eq!(date(&a).as_deref(), Some("2024-04-27"));
        assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Panmunjom"));
    }

    #[test]
    fn demonyms_organisations_and_people_as_parties() {
        let a = one("[Vietnamese|NORP] and [Chinese|NORP] officials signed an agreement on border trade.");
        assert_eq!(parties(&a), ["Vietnam", "China"]);

        let a = one("[Vietnam Airlines|ORG] and [Boeing|ORG] signed a contract for engine maintenance.");
        assert_eq!(parties(&a), ["Vietnam Airlines", "Boeing"]);
        assert!(a.parties.iter().all(|p| p.kind == PartyType::Organization));

        // A state organ stands for its country.
        let a = one("The [Vietnamese Defence Ministry|ORG] and [Japan|GPE] signed a memorandum on cyber security.");
        assert_eq!(parties(&a), ["Vietnam", "Japan"]);

        // People are parties only when nothing names a country or an organisation.
        let a = one("[Ana Lopez|PERSON] and [Ben Carter|PERSON] signed a contract on film rights.");
        assert_eq!(parties(&a), ["Ana Lopez", "Ben Carter"]);
        assert!(a.parties.iter().all(|p| p.kind == PartyType::Person));
        assert_eq!(signatories(&a), ["Ana Lopez", "Ben Carter"]);

        // A bloc is one party.
        let a = one("The [European Union|ORG] signed a free trade agreement with [Vietnam|GPE] in [2019|DATE].");
        assert_eq!(parties(&a), ["European Union", "Vietnam"]);
        assert_eq!(a.parties[0].kind, PartyType::Organization);
        assert_eq!(date(&a).as_deref(), Some("2019"));
    }

    #[test]
    fn the_two_sides_resolve_to_the_countries_named_before() {
        let rs = records_at(
            "[Chinese|NORP] Vice Premier [Ding Xuexiang|PERSON] held talks with his [Vietnamese|NORP] counterpart \
             [Tran Luu Quang|PERSON] in [Hanoi|GPE] on [Wednesday|DATE]. The two deputy prime ministers reviewed cooperation \
             since [Chinese|NORP] President [Xi Jinping|PERSON]'s visit to [Hanoi|GPE] in [December|DATE]. They agreed to \
             accelerate work towards the signing of an agreement on a standard-gauge railway, according to a statement \
             from the [Vietnamese|NORP] government.",
            "2024-03-29",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        let a = &rs[0];
        assert_eq!(a.status, AgreementStatus::Discussed);
        assert_eq!(parties(a), ["China", "Vietnam"]);
        // The date and place of the talks, not of the visit mentioned in passing.
        assert_eq!(date(a).as_deref(), Some("2024-03-27"));
        assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Hanoi"));
        assert_eq!(a.subject.as_deref(), Some("standard-gauge railway"));

        // In the same sentence: "X congratulated Y, and the two leaders agreed ...".
        let a = one(
            "[South Korean|NORP] President [Lee Jae-myung|PERSON] had a phone conversation with [U.S.|GPE] President \
             [Donald Trump|PERSON] [last week|DATE]. [Trump|PERSON] congratulated [Lee|PERSON] on his victory, and the two \
             leaders agreed to work towards a tariff agreement at [an early date|DATE].",
        );
        assert_eq!(parties(&a), ["United States", "South Korea"]);
        assert_eq!(date(&a).as_deref(), Some("2024-07-01/2024-07-07"));
        assert_eq!(a.location, None);
    }

    #[test]
    fn pointers_to_an_earlier_event_give_its_date_and_place() {
        // "on the sidelines of the forum": the forum's dates, not the nearer call.
        let rs = records_at(
            "From [April 11 to 12|DATE], Foreign Minister [Cho Tae-yul|PERSON] and [Kazakh|NORP] Foreign Minister \
             [Murat Nurtleu|PERSON] will co-chair the cooperation forum in [Seoul|GPE], the ministry said [Tuesday|DATE]. \
             [Nurtleu|PERSON] is due to call on Prime Minister [Han Duck-soo|PERSON] in [Seoul|GPE] on [April 11|DATE]. \
             A memorandum of understanding between the two countries on critical minerals is to be signed on the sidelines \
             of the forum. Trade between [South Korea|GPE] and [Kazakhstan|GPE] is growing, and [South Korea|GPE] wants \
             more lithium from [Kazakhstan|GPE].",
            "2024-04-09",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        let a = &rs[0];
        assert_eq!(a.status, AgreementStatus::Planned);
        assert_eq!(date(a).as_deref(), Some("2024-04-11/2024-04-12"));
        assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Seoul"));
        assert_eq!(a.subject.as_deref(), Some("critical minerals"));
        let mut ps = parties(a);
        ps.sort();
        assert_eq!(ps, ["Kazakhstan", "South Korea"]);

        // "During the exchange": the exchange's dates; places in two countries make no place.
        let a = one(
            "From [April 11 to 12|DATE], [China|GPE] and [Vietnam|GPE] held a border friendship exchange in [Hekou county|GPE], \
             [Yunnan Province|GPE], and [Lao Cai|GPE] of [Vietnam|GPE]. During the exchange, the two sides signed a memorandum \
             of understanding on a naval hotline.",
        );
        assert_eq!(date(&a).as_deref(), Some("2024-04-11/2024-04-12"));
        assert_eq!(a.location, None);
        assert_eq!(parties(&a), ["China", "Vietnam"]);
    }

    #[test]
    fn a_dateline_places_the_lead_sentence() {
        let a = one(
            "MANILA, July 8 (Reuters) - [Japan|GPE] and the [Philippines|GPE] signed a reciprocal access agreement on [Monday|DATE].",
        );
        assert_eq!(a.location, Some(Location { name: "Manila".into(), country: Some("Philippines".into()) }));
        assert_eq!(date(&a).as_deref(), Some("2024-07-08"));
        assert!(!a.sources[0].sentence.is_empty());
    }

    #[test]
    fn titles_are_proper_names() {
        let a = one("[Japan|GPE] and the [Philippines|GPE] signed the Reciprocal Access Agreement on [Monday|DATE].");
        assert_eq!(a.title.as_deref(), Some("Reciprocal Access Agreement"));
        assert_eq!(a.subject, None);

        let a =
            one("[Timor-Leste|GPE] signed the Treaty of Amity and Cooperation in Southeast Asia with [Brazil|GPE].");
        assert_eq!(a.kind, AgreementKind::Treaty);
        assert_eq!(a.title.as_deref(), Some("Treaty of Amity and Cooperation in Southeast Asia"));

        // A kind's own name is no title.
        let a = one("[Japan|GPE] and [India|GPE] signed a Memorandum of Understanding on railways.");
        assert_eq!(a.title, None);
        assert_eq!(a.subject.as_deref(), Some("railways"));

        // A quoted name that is signed is an agreement, whatever its last word.
        let a = one(
            "[Vietnam|GPE]’s signing of the “[U.S.|GPE]-[Vietnam|GPE] Comprehensive Strategic Partnership Economic Dialogue \
             ([CSPED|ORG])” with the [United States|GPE] on [June 25|DATE] drew attention.",
        );
        assert_eq!(a.kind, AgreementKind::Agreement);
        assert_eq!(a.title.as_deref(), Some("U.S.-Vietnam Comprehensive Strategic Partnership Economic Dialogue"));
        assert_eq!(parties(&a), ["Vietnam", "United States"]);

        // "partnership" in a trade agreement's name is no partnership; a bracketed acronym is skipped.
        let a = one("The comprehensive economic partnership agreement ([CEPA|ORG]) between [Indonesia|GPE] and the \
             [European Union|ORG] is to be signed in [Bali|GPE] on [Tuesday|DATE], the minister said on [Monday|DATE].");
        assert_eq!(a.kind, AgreementKind::Agreement);
        assert_eq!(a.status, AgreementStatus::Planned);
        assert_eq!(parties(&a), ["Indonesia", "European Union"]);
        assert_eq!(date(&a).as_deref(), Some("2024-07-16"));
        assert_eq!(a.location, Some(Location { name: "Bali".into(), country: Some("Indonesia".into()) }));
    }

    #[test]
    fn a_named_agreement_in_force_and_a_dated_background_statement() {
        let rs = records_at(
            "Looking at the joint statement between [Vietnam|GPE] and [China|GPE] in [2023|DATE], many documents were signed. \
             Strictly implement the “Agreement on basic principles guiding the settlement of maritime issues between \
             [Vietnam|GPE] and [China|GPE]”.",
            "2024-09-01",
        );
        assert_eq!(rs.len(), 2, "{rs:#?}");
        assert_eq!((rs[0].kind, rs[0].status), (AgreementKind::JointStatement, AgreementStatus::Signed));
        assert_eq!(date(&rs[0]).as_deref(), Some("2023"));
        assert_eq!(parties(&rs[0]), ["Vietnam", "China"]);
        assert_eq!((rs[1].kind, rs[1].status), (AgreementKind::Agreement, AgreementStatus::Signed));
        assert_eq!(
            rs[1].title.as_deref(),
            Some("Agreement on basic principles guiding the settlement of maritime issues between Vietnam and China")
        );
        assert_eq!(
            rs[1].subject.as_deref(),
            Some("basic principles guiding the settlement of maritime issues between Vietnam and China")
        );
        assert_eq!(parties(&rs[1]), ["Vietnam", "China"]);
        assert_eq!(rs[1].date, None);
    }

    #[test]
    fn a_joint_statement_and_the_partnership_it_sets_up_are_two_records() {
        let rs = records_at(
            "[U.S.|GPE] President [Joe Biden|PERSON] arrived in [Hanoi|GPE] on [Sunday|DATE] to start a visit to [Vietnam|GPE]. \
             General Secretary [Nguyen Phu Trong|PERSON] of [Vietnam|GPE] hosted [Biden|PERSON] at the party headquarters, \
             where the two leaders held talks. The two sides issued a joint statement upgrading relations to a \
             comprehensive strategic partnership, putting the [United States|GPE] on a par with [China|GPE] and [Russia|GPE].",
            "2023-09-11",
        );
        assert_eq!(rs.len(), 2, "{rs:#?}");
        let kinds: Vec<_> = rs.iter().map(|a| a.kind).collect();
        assert!(kinds.contains(&AgreementKind::JointStatement) && kinds.contains(&AgreementKind::Partnership));
        for a in &rs {
            assert_eq!(a.status, AgreementStatus::Signed);
            let mut ps = parties(a);
            ps.sort();
            assert_eq!(ps, ["United States", "Vietnam"]);
            assert_eq!(date(a).as_deref(), Some("2023-09-10"));
            assert_eq!(a.location.as_ref().map(|l| l.name.as_str()), Some("Hanoi"));
        }
    }

    #[test]
    fn a_partnership_announced_or_established() {
        let a = one(
            "[Vietnam|GPE] and the [United States|GPE] announced their “comprehensive strategic partnership” in [September 2023|DATE].",
        );
        assert_eq!((a.kind, a.status), (AgreementKind::Partnership, AgreementStatus::Signed));
        assert_eq!(date(&a).as_deref(), Some("2023-09"));
        let rs = records(
            "[Vietnam|GPE] and [China|GPE] trade a lot, and [China|GPE] invests in [Vietnam|GPE]. Since the establishment of \
             the Comprehensive Strategic Partnership framework in [2008|DATE], the two countries’ relations have been stable.",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        assert_eq!(
            (rs[0].kind, rs[0].title.as_deref()),
            (AgreementKind::Partnership, Some("Comprehensive Strategic Partnership"))
        );
        assert_eq!(date(&rs[0]).as_deref(), Some("2008"));
        let mut ps = parties(&rs[0]);
        ps.sort();
        assert_eq!(ps, ["China", "Vietnam"]);
    }

    #[test]
    fn the_bloc_and_the_vague_partners() {
        let rs = records_at(
            "For the [EU|ORG], the agreement is part of a drive to diversify trade. The bloc signed a free trade agreement with \
             [Vietnam|GPE] in [2019|DATE] and has since concluded deals with several other [Asian|NORP] partners.",
            "2025-09-22",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        assert_eq!(parties(&rs[0]), ["European Union", "Vietnam"]);
        assert_eq!(date(&rs[0]).as_deref(), Some("2019"));
        assert_eq!(rs[0].location, None);
    }

    #[test]
    fn back_references_fold_into_the_record_they_refer_to() {
        let rs = records_at(
            "[Japan|GPE] and the [Philippines|GPE] signed a reciprocal access agreement on [Monday|DATE]. [Japanese|NORP] \
             Foreign Minister [Yoko Kamikawa|PERSON] and [Philippine|NORP] Defence Secretary [Gilberto Teodoro|PERSON] \
             signed the pact at the presidential palace in [Manila|GPE]. The ministers agreed to negotiate an acquisition and \
             cross-servicing agreement. The reciprocal access agreement must still be ratified by both legislatures.",
            "2024-07-08",
        );
        assert_eq!(rs.len(), 2, "{rs:#?}");
        let raa = &rs[0];
        assert_eq!(raa.status, AgreementStatus::Signed);
        assert_eq!(signatories(raa), ["Yoko Kamikawa", "Gilberto Teodoro"]);
        assert_eq!(raa.location.as_ref().map(|l| l.name.as_str()), Some("Manila"));
        assert_eq!(raa.sources.len(), 1);
        assert!(raa.sources[0].sentence.starts_with("Japan and the Philippines"));
        let acsa = &rs[1];
        assert_eq!(acsa.status, AgreementStatus::Discussed);
        assert_eq!(parties(acsa), ["Japan", "Philippines"]);
        assert_eq!(date(acsa).as_deref(), Some("2024-07-08"));
    }

    #[test]
    fn mentions_without_an_act_are_no_records() {
        for text in [
            "The law was passed in accordance with the agreement.",
            "[KCNA|ORG] called the drills a flagrant challenge to the Panmunjom Declaration.",
            "Handle disagreements based on international law, especially the United Nations Convention on the Law of the Sea \
             ([UNCLOS|ORG]) [1982|DATE].",
            "The reciprocal access agreement must still be ratified by the legislatures of both countries.",
            "The deal still needs to be approved by the [European Parliament|ORG].",
            "Under the pact, [Indonesia|GPE] will eliminate tariffs on most [EU|ORG] exports.",
            "The two ministers reaffirmed their commitment to the All-Weather Strategic Cooperative Partnership.",
            "[Pakistan|GPE] wanted to turn the close political understanding into a strong economic partnership.",
            "Analysts agree that the message is aimed at [Seoul|GPE].",
            "Activists held signs that read \"No war on the Korean Peninsula\".",
            "Including 4 agreements on politics and 24 agreements related to investment.",
            "[Vietnam|GPE]'s cooperation with [Japan|GPE] has paved the way for multilateral security agreements.",
            "The two countries need to deal with floods.",
            "The railway MoU could be a game-changer, an expert said.",
            "The agreement opens the door, but not everyone will be able to walk through it.",
        ] {
            let rs = records(text);
            assert!(rs.is_empty(), "{text}\n{rs:#?}");
        }
    }

    #[test]
    fn cancelled_and_refused_deals_are_no_records() {
        for text in [
            "[Washington|GPE] scrapped the nuclear deal with [Iran|GPE].",
            "[Japan|GPE] and [India|GPE] suspended the agreement on fisheries.",
            "[Japan|GPE] withdrew from the agreement on fisheries with [India|GPE].",
            "[Japan|GPE] and [India|GPE] refused to sign the agreement on fisheries.",
            "[Japan|GPE] and [India|GPE] did not sign an agreement on fisheries.",
        ] {
            let rs = records(text);
            assert!(rs.is_empty(), "{text}\n{rs:#?}");
        }
    }

    #[test]
    fn furniture_is_never_read() {
        let mut d = doc_at(
            "Japan, India sign fisheries pact in Tokyo\nPublished: Jul 8, 2024\n[Japan|GPE] and [India|GPE] signed an agreement on fisheries.",
            Some("2024-07-08"),
        );
        let first = d.text.find("Japan and").unwrap();
        d.furniture = vec![ByteSpan::new(0, 41), ByteSpan::new(42, first - 1)];
        let rs = extract(&d);
        assert_eq!(rs.len(), 1, "{rs:#?}");
        assert!(rs[0].sources[0].sentence.contains("Japan and India signed"));
        // All furniture: nothing.
        d.furniture = vec![ByteSpan::new(0, d.text.len())];
        assert!(extract(&d).is_empty());
    }

    #[test]
    fn failed_and_empty_documents_have_no_records() {
        assert!(extract(&Document::failed("x", "x", "unreadable")).is_empty());
        assert!(extract(&Document::from_text("x", "")).is_empty());
        let mut d = Document::from_text("x", "Japan and India signed an agreement.");
        annotate(&mut d);
        assert!(d.agreements.is_empty(), "no sentences, no records");
    }

    #[test]
    fn evidence_is_the_sentence_in_code_points() {
        let d = doc_at(
            "Hà Nội – “Việt” 😀 news. [Japan|GPE] and [India|GPE] signed an agreement on fisheries.",
            Some("2024-07-10"),
        );
        let rs = extract(&d);
        assert_eq!(rs.len(), 1, "{rs:#?}");
        let sentence = *d.sentences.iter().find(|s| d.span_text(**s).starts_with("Japan")).unwrap();
        assert_eq!(rs[0].sources, vec![Evidence::of(&d, &CharIndex::new(&d.text), sentence)]);
    }

    #[test]
    fn output_is_deterministic() {
        let text = "[Japan|GPE] and [India|GPE] signed an agreement on fisheries. They also agreed to negotiate a treaty on \
                    extradition. A joint declaration is to be signed in [Tokyo|GPE] [next month|DATE].";
        let d = doc_at(text, Some("2024-07-10"));
        let first = extract(&d);
        assert_eq!(first.len(), 3, "{first:#?}");
        for _ in 0..3 {
            assert_eq!(extract(&d), first);
        }
    }

    fn place(a: &Agreement) -> Option<&str> {
        a.location.as_ref().map(|l| l.name.as_str())
    }

    #[test]
    fn an_initialled_text_awaits_its_signing() {
        // The signing told in a later sentence gives the record its date and place.
        let rs = records(
            "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE], and the two ministers initialled a \
             border agreement. The agreement is expected to be signed by the two presidents in [Santiago|GPE] \
             [next month|DATE].",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        assert_eq!(rs[0].status, AgreementStatus::Planned);
        assert_eq!(date(&rs[0]).as_deref(), Some("2024-08"));
        assert_eq!(place(&rs[0]), Some("Santiago"));
        // In the same sentence.
        let a = one(
            "A framework agreement on a border zone was initialled by [Chile|GPE] and [Peru|GPE] and is expected to be \
             signed in [Santiago|GPE] in [September|DATE].",
        );
        assert_eq!(
            (a.status, date(&a).as_deref(), place(&a)),
            (AgreementStatus::Planned, Some("2024-09"), Some("Santiago"))
        );
        // Nothing tells when it will be signed: the initialling's date is not the record's.
        let a = one("[Chile|GPE] and [Peru|GPE] initialled a border agreement in [Lima|GPE] on [Monday|DATE].");
        assert_eq!((a.status, a.date.clone(), a.location.clone()), (AgreementStatus::Planned, None, None));
    }

    #[test]
    fn more_ways_to_sign() {
        for (text, kind) in [
            (
                "[Chile|GPE] and [Peru|GPE] exchanged the instruments of ratification of an extradition treaty.",
                AgreementKind::Treaty,
            ),
            ("[Chile|GPE] and [Peru|GPE] put pen to paper on a fisheries deal.", AgreementKind::Agreement),
            ("[Chile|GPE] and [Peru|GPE] hammered out a deal on water.", AgreementKind::Agreement),
            ("[Chile|GPE] and [Peru|GPE] released a joint communique on trade.", AgreementKind::JointStatement),
            (
                "The two presidents of [Chile|GPE] and [Peru|GPE] said in a joint statement that ties would deepen.",
                AgreementKind::JointStatement,
            ),
            (
                "In a joint communique released after the call, [Chile|GPE] and [Peru|GPE] pledged closer ties.",
                AgreementKind::JointStatement,
            ),
            (
                "A memorandum on tourism between [Chile|GPE] and [Peru|GPE] was also signed on [Monday|DATE].",
                AgreementKind::MemorandumOfUnderstanding,
            ),
            (
                "The agreement, signed in [Lima|GPE] on [Monday|DATE] by [Chile|GPE] and [Peru|GPE], cuts tariffs.",
                AgreementKind::Agreement,
            ),
            (
                "[Chile|GPE] and [Peru|GPE] signed a statement of intent on defence and an agreement on aviation safety.",
                AgreementKind::Agreement,
            ),
        ] {
            let a = one(text);
            assert_eq!((a.kind, a.status), (kind, AgreementStatus::Signed), "{text}");
            let mut ps = parties(&a);
            ps.sort();
            assert_eq!(ps, ["Chile", "Peru"], "{text}");
        }
        let a = one("[Chile|GPE] and [Peru|GPE] agreed to launch negotiations on a free trade agreement.");
        assert_eq!(a.status, AgreementStatus::Discussed);
        let a = one("[Chile|GPE] and [Peru|GPE] are working on a free trade agreement.");
        assert_eq!(a.status, AgreementStatus::Discussed);
    }

    #[test]
    fn background_agreements_that_say_when_they_were_signed() {
        // An object relative: its subject names the parties, its clause the date and place.
        let a = one(
            "The deal builds on the maritime boundary agreement that [Chile|GPE] and [Peru|GPE] signed in [Lima|GPE] \
             in [2014|DATE].",
        );
        assert_eq!((a.status, date(&a).as_deref(), place(&a)), (AgreementStatus::Signed, Some("2014"), Some("Lima")));
        assert_eq!(parties(&a), ["Chile", "Peru"]);
        let a =
            one("[Next year|DATE] marks the anniversary of the Treaty of Good Neighbourship, which [Chile|GPE] and \
             [Peru|GPE] signed in [June 1991|DATE].");
        assert_eq!((a.title.as_deref(), date(&a).as_deref()), (Some("Treaty of Good Neighbourship"), Some("1991-06")));
        // A year before the name, both parties after it.
        let a =
            one("[This year|DATE] marks the anniversary of the [1984|DATE] Treaty of Peace and Friendship between \
             [Chile|GPE] and [Argentina|GPE].");
        assert_eq!((a.kind, date(&a).as_deref(), a.location.clone()), (AgreementKind::Treaty, Some("1984"), None));
        assert_eq!(a.title.as_deref(), Some("Treaty of Peace and Friendship"));
        // A bloc the entity model missed, in the relative's subject.
        let a =
            one("Exporters may use the free trade agreement that Mercosur and the [European Union|ORG] concluded in \
             [Montevideo|GPE] in [December 2024|DATE].");
        assert_eq!(parties(&a), ["European Union", "Mercosur"]);
        // A partnership forged in a given year.
        let a = one(
            "[Chile|GPE] and [Peru|GPE] trade. The partnership, which the two countries forged in [2015|DATE], matured.",
        );
        assert_eq!((a.kind, date(&a).as_deref()), (AgreementKind::Partnership, Some("2015")));
        // Two dates, two verbs.
        let rs = records(
            "[Chile|GPE] and [Peru|GPE] established a strategic partnership in [2013|DATE] and upgraded it to a \
             comprehensive strategic partnership in [2024|DATE].",
        );
        assert_eq!(rs.iter().map(|a| date(a).unwrap_or_default()).collect::<Vec<_>>(), ["2013", "2024"]);
    }

    #[test]
    fn coordinated_and_listed_items_share_their_act() {
        let rs = records(
            "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE]. An agreement on mining and a \
             memorandum of understanding on tourism were signed in the presence of the two presidents.",
        );
        assert_eq!(rs.len(), 2, "{rs:#?}");
        for text in [
            "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE]. Twelve documents were signed at the \
             talks, among them a protocol on health and an agreement on visas.",
            "[Chile|GPE] and [Peru|GPE] held talks in [Lima|GPE] on [Monday|DATE]. Among the documents signed were a \
             protocol on health and an agreement on visas.",
        ] {
            let rs = records(text);
            assert_eq!(rs.len(), 2, "{text}\n{rs:#?}");
            for a in &rs {
                assert_eq!(
                    (a.status, date(a).as_deref(), place(a)),
                    (AgreementStatus::Signed, Some("2024-07-08"), Some("Lima"))
                );
            }
        }
    }

    #[test]
    fn partnerships_a_declaration_sets_up() {
        let rs = records(
            "The two presidents signed a joint declaration on the establishment of a strategic partnership between \
             [Chile|GPE] and [Peru|GPE] on [Monday|DATE].",
        );
        let kinds: Vec<_> = rs.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, [AgreementKind::Declaration, AgreementKind::Partnership], "{rs:#?}");
        let rs = records(
            "[Chile|GPE] and [Peru|GPE] agreed to raise relations to the level of a strategic partnership and signed a \
             joint declaration to that effect on [Monday|DATE].",
        );
        assert_eq!(rs.len(), 2, "{rs:#?}");
        assert!(rs.iter().all(|a| a.subject.is_none()), "{rs:#?}");
        assert_eq!(date(&rs[1]).as_deref(), Some("2024-07-08"));
    }

    #[test]
    fn a_signing_takes_the_date_and_place_of_the_visit_or_talks_it_belongs_to() {
        // Talks at a building: the visit's city.
        let a = one(
            "[Chilean|NORP] President [Gabriel Boric|PERSON] arrived in [Lima|GPE] on [Sunday|DATE] for a state visit \
             to [Peru|GPE]. On [Monday|DATE], he held talks with [Peruvian|NORP] President [Dina Boluarte|PERSON] at \
             the [Government Palace|ORG]. After the talks, the two presidents witnessed the signing of an agreement on trade.",
        );
        assert_eq!((date(&a).as_deref(), place(&a)), (Some("2024-07-08"), Some("Lima")));
        // A visit to a country that began in its capital.
        let a = one(
            "[Boric|PERSON] concluded a visit to [Peru|GPE] that began with his arrival in [Lima|GPE] on [Monday|DATE]. \
             [Chile|GPE] and [Peru|GPE] signed a memorandum on energy on [Tuesday|DATE].",
        );
        assert_eq!((date(&a).as_deref(), place(&a)), (Some("2024-07-09"), Some("Lima")));
        // Talks in the dateline city.
        let a =
            one("LIMA, July 8 (Reuters) - [Chile|GPE] and [Peru|GPE] held talks at the [Government Palace|ORG] on \
             [Monday|DATE]. The two sides signed a memorandum on energy.");
        assert_eq!((date(&a).as_deref(), place(&a)), (Some("2024-07-08"), Some("Lima")));
        // "In the capital".
        let a = one(
            "SANTIAGO, July 9 (Reuters) - [Chile|GPE] and [Peru|GPE] signed an agreement on water in the capital on \
             [Monday|DATE].",
        );
        assert_eq!((a.subject.as_deref(), place(&a)), (Some("water"), Some("Santiago")));
        // A trailing phrase: ", during a visit to X".
        let a =
            one("[Chile|GPE] and [Peru|GPE] upgraded their ties to a strategic partnership in [March|DATE], during a \
             visit to [Lima|GPE] by the [Chilean|NORP] president.");
        assert_eq!((date(&a).as_deref(), place(&a)), (Some("2024-03"), Some("Lima")));
        // A statement released after a phone call has no place; a separate occasion takes none from the story.
        let a = one(
            "[Peruvian|NORP] President [Dina Boluarte|PERSON] and [Chilean|NORP] President [Gabriel Boric|PERSON] spoke \
             by phone on [Monday|DATE]. In a joint statement issued after the call, the two leaders pledged closer ties.",
        );
        assert_eq!((date(&a).as_deref(), place(&a)), (Some("2024-07-08"), None));
        let rs = records(
            "[Boric|PERSON] arrived in [Lima|GPE] on [Monday|DATE] for a visit to [Peru|GPE]. Meanwhile, [Chile|GPE] and \
             [Peru|GPE] agreed on [Tuesday|DATE] to begin talks on a treaty on electricity trade.",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        assert_eq!(place(&rs[0]), None);
    }

    #[test]
    fn the_latest_stage_gives_the_date() {
        let rs = records(
            "[Chile|GPE] and [Peru|GPE] on [Tuesday|DATE] concluded negotiations on a free trade agreement. The deal is \
             expected to be signed [later this year|DATE].",
        );
        assert_eq!(rs.len(), 1, "{rs:#?}");
        assert_eq!((rs[0].status, date(&rs[0]).as_deref()), (AgreementStatus::Planned, Some("2024")));
        // "The following day" counts from the day told before it.
        let a = one(
            "[Chilean|NORP] minister [Ana Soto|PERSON] arrived in [Lima|GPE] on [Sunday|DATE]. [The following day|DATE], \
             she and [Peruvian|NORP] minister [Luis Rojas|PERSON] co-chaired a meeting of the joint commission. A \
             memorandum on education was also signed after the commission meeting.",
        );
        assert_eq!(date(&a).as_deref(), Some("2024-07-08"));
    }

    #[test]
    fn more_mentions_that_are_no_records() {
        for text in [
            "[Chile|GPE] said a joint statement on [Peru|GPE] would not be issued.",
            "In line with the agreement signed by their coast guards, [Chile|GPE] and [Peru|GPE] will hold a drill.",
            "Investors in the capital markets of [Chile|GPE] and [Peru|GPE] cheered the deal.",
            "The signing of an agreement between [Chile|GPE] and [Peru|GPE] was called off on [Monday|DATE].",
            "The treaty that he signed was popular in [Chile|GPE] and [Peru|GPE].",
        ] {
            let rs = records(text);
            assert!(rs.is_empty(), "{text}\n{rs:#?}");
        }
        let a = one("The signing of an agreement between [Chile|GPE] and [Peru|GPE] has been postponed.");
        assert_eq!(a.status, AgreementStatus::Planned);
    }

    /// Time on large documents (run by hand: `cargo test --release --lib
    /// agreements::tests::large -- --ignored --nocapture`); the stage must stay linear.
    #[test]
    #[ignore]
    fn large_documents_stay_linear() {
        let para = "[Chinese|NORP] Defense Minister [Dong Jun|PERSON] held talks with his [Vietnamese|NORP] counterpart \
                    [Phan Van Giang|PERSON] in [Hanoi|GPE] on [Monday|DATE]. The two sides signed a memorandum of understanding \
                    on a hotline, an agreement on training and a protocol on border patrols. They agreed to negotiate a treaty \
                    on the boundary, and the pact was praised. ";
        for n in [250usize, 500, 1000, 2000] {
            let d = doc_at(&para.repeat(n), Some("2024-07-10"));
            let t = std::time::Instant::now();
            let rs = extract(&d);
            println!("{n} paragraphs ({} KB): {} records in {:?}", d.text.len() / 1024, rs.len(), t.elapsed());
        }
        // One "sentence" with no stops, 300 KB long.
        let mut d = doc_at(
            &"[Japan|GPE] and [India|GPE] signed an agreement on fisheries and a treaty on trade, ".repeat(3000),
            None,
        );
        d.sentences = vec![ByteSpan::new(0, d.text.len())];
        let t = std::time::Instant::now();
        let rs = extract(&d);
        println!("one long sentence ({} KB): {} records in {:?}", d.text.len() / 1024, rs.len(), t.elapsed());
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        const WORDS: &[&str] = &[
            "signed",
            "inked",
            "will",
            "sign",
            "to",
            "be",
            "is",
            "was",
            "an",
            "a",
            "the",
            "agreement",
            "MoU",
            "memorandum",
            "of",
            "understanding",
            "joint",
            "statement",
            "declaration",
            "partnership",
            "treaty",
            "deal",
            "pact",
            "contract",
            "protocol",
            "on",
            "between",
            "and",
            "with",
            "for",
            "buy",
            "50",
            "the two sides",
            "they",
            "agreed",
            "negotiate",
            "towards",
            "signing",
            "witnessed",
            "upgraded",
            "relations",
            "ties",
            "During",
            "talks",
            "forum",
            "held",
            "met",
            "in",
            "at",
            "visit",
            "“",
            "”",
            "\"",
            "(",
            ")",
            ",",
            ";",
            ":",
            ".",
            "-",
            "MANILA, July 8 (Reuters) -",
            "Việt",
            "Hà Nội",
            "😀",
            "\n",
            "’s",
            "[1]",
            "Reciprocal",
            "Access",
            "Agreement",
            "Treaty",
            "on Monday",
            "several",
            "bloc",
        ];

        fn text_and_entities(picks: &[(usize, u8)]) -> (String, Vec<Entity>) {
            let mut text = String::new();
            let mut entities = Vec::new();
            let names = [
                ("Japan", EntityLabel::Gpe),
                ("Vietnamese", EntityLabel::Norp),
                ("Boeing", EntityLabel::Org),
                ("Dong Jun", EntityLabel::Person),
                ("Monday", EntityLabel::Date),
                ("2019", EntityLabel::Date),
                ("Hanoi", EntityLabel::Gpe),
                ("European Union", EntityLabel::Org),
                ("South China Sea", EntityLabel::Loc),
            ];
            for &(w, e) in picks {
                if !text.is_empty() {
                    text.push(' ');
                }
                if e % 3 == 0 {
                    let (name, label) = names[(w + e as usize) % names.len()];
                    let start = text.len();
                    text.push_str(name);
                    entities.push(Entity { span: ByteSpan::new(start, text.len()), label, score: 1.0 });
                } else {
                    text.push_str(WORDS[w % WORDS.len()]);
                }
            }
            (text, entities)
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

            /// Any text the pipeline could produce, run through the real stages before this one.
            #[test]
            fn pipeline_documents(picks in proptest::collection::vec((0usize..200, 0u8..8), 0..80), published in proptest::option::of(prop::sample::select(vec!["2024-07-10", "2024-07", "bogus"]))) {
                let (text, entities) = text_and_entities(&picks);
                let mut d = Document::from_text("p", text);
                d.entities = entities;
                d.published = published.map(str::to_string);
                RuleSegmenter.annotate(&mut d);
                crate::dates::annotate(&mut d);
                crate::people::annotate(&mut d);
                let first = extract(&d);
                for a in &first {
                    prop_assert!((0.0..=1.0).contains(&a.confidence));
                    prop_assert!(!a.parties.is_empty());
                    prop_assert_eq!(a.sources.len(), 1);
                    let chars: Vec<char> = d.text.chars().collect();
                    let s = &a.sources[0];
                    prop_assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.sentence.clone());
                }
                prop_assert_eq!(extract(&d), first);
            }

            /// Spans that no stage would make (out of range, inside a character, overlapping,
            /// unsorted) and arbitrary text.
            #[test]
            fn hostile_spans(text in "\\PC{0,200}", spans in proptest::collection::vec((0usize..260, 0usize..260, 0u8..6), 0..24)) {
                let mut d = Document::from_text("h", text);
                let label = |k: u8| EntityLabel::ALL[k as usize % 6];
                d.entities = spans.iter().map(|&(a, b, k)| Entity { span: ByteSpan { start: a, end: b }, label: label(k), score: 0.5 }).collect();
                d.sentences = spans.iter().map(|&(a, b, _)| ByteSpan { start: a.min(b), end: a.max(b) }).collect();
                d.furniture = spans.iter().take(3).map(|&(a, b, _)| ByteSpan { start: b, end: a }).collect();
                d.dates = spans.iter().map(|&(a, b, _)| crate::dates::DateMention { span: ByteSpan { start: a, end: b }, value: None }).collect();
                let _ = extract(&d);
            }
        }
    }

    pub mod corpus {
        use std::path::PathBuf;

        use crate::doc::Document;

        /// The sample articles and seeds, analysed with the shipped model.
        pub fn load(dirs: &[&str]) -> Vec<Document> {
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let inputs: Vec<PathBuf> = dirs.iter().map(|d| root.join(d)).filter(|p| p.exists()).collect();
            let sources = crate::ingest::discover(&inputs).unwrap();
            let mut docs: Vec<Document> = sources.iter().map(crate::ingest::read).collect();
            let model = crate::ner::NerModel::load(&crate::pipeline::default_model_dir()).unwrap();
            crate::pipeline::annotate_documents(&mut docs, &model).unwrap();
            docs
        }
    }

    /// Prints mentions, their acts and the records of the sample articles (for tuning:
    /// `cargo test --release --lib agreements::tests::dump -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn dump() {
        let filter = std::env::var("AGR_DOC").unwrap_or_default();
        let dirs = std::env::var("AGR_DIRS").unwrap_or_else(|_| "input,../shared/seeds".to_string());
        let dirs: Vec<&str> = dirs.split(',').collect();
        for d in corpus::load(&dirs) {
            if !d.id.contains(&filter) {
                continue;
            }
            println!("===== {}", d.id);
            let cx = Cx::new(&d);
            println!("main pair {:?}", cx.main_pair);
            for ui in 0..cx.units.len() {
                let ms = cx.mentions(ui);
                if ms.is_empty() {
                    continue;
                }
                let acts = cx.acts(ui);
                let links = cx.link(ui, &ms, &acts);
                println!("  U{ui} {:?}", cx.t(cx.units[ui].span.start, cx.units[ui].span.end));
                for (m, l) in ms.iter().zip(&links) {
                    println!(
                        "    M {:?} {:?} np={:?} title={:?} def={} -> {:?}",
                        cx.t(m.head.start, m.head.end),
                        m.kind,
                        cx.t(m.np_start, m.np_end),
                        m.title,
                        m.definite,
                        l.map(|a| (a.class, cx.t(a.start, a.end)))
                    );
                }
            }
            for a in &d.agreements {
                println!(
                    "  R {:?} {:?} {:?} {:?} {:?} {:?}",
                    a.kind,
                    a.status,
                    a.parties.iter().map(|p| &p.name).collect::<Vec<_>>(),
                    a.date.as_ref().map(|x| &x.text),
                    a.location.as_ref().map(|l| &l.name),
                    a.subject
                );
            }
        }
    }
}
