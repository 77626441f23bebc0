//! The agreements stage's vocabulary: the patterns of kinds, acts and cues, and the word lists
//! kept as data in `data/agreements/` (what each list is for is said there).

use super::*;

pub(super) static KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:memorand(?:ums?|a)\s+of\s+understanding|memorand(?:ums?|a)|(?-i:MoUs?|MOUs?)|joint\s+(?:statement|communiqu[eé])s?|joint\s+declarations?|declarations?|agreements?|arrangement|deals?|accords?|pacts?|treaty|treaties|conventions?|partnerships?|contracts?|protocols?)\b",
    )
    .unwrap()
});

/// Acts before the noun phrase, in order of precedence when two end at the same place (the
/// longer match wins anyway: "will sign" over "sign", "towards the signing of" over "signing
/// of").
pub(super) static ACTS: LazyLock<Vec<(ActClass, Regex)>> = LazyLock::new(|| {
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
                r"(?i)\b(?:(?:will|would|shall|could|may|might|to)\s+(?:\w+ly\s+)?(?:also\s+)?(?:(?:this|next|later\s+this|early\s+next|on)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+|(?:soon|today|tomorrow|then)\s+)?(?:sign|ink|conclude|seal|adopt|issue|finali[sz]e|initial|put\s+pen\s+to\s+paper\s+on)|(?:will|would|shall|to)\s+(?:also\s+)?(?:witness|attend|oversee)\s+the\s+(?:signing|exchange)\s+(?:ceremony\s+)?of|(?:ahead\s+of|before|prepar(?:e|es|ed|ing)\s+for|in\s+preparation\s+for)\s+(?:the\s+)?signing\s+of)\b",
            ),
        ),
        (
            ActClass::Discuss,
            r(
                r"(?i)\b(?:towards?\s+(?:the\s+)?(?:(?:early|speedy|swift|rapid|timely|eventual)\s+)?(?:signing|conclusion)\s+of|work(?:ed|ing|s)?\s+(?:\w+\s+)?towards?(?:\s+(?:the\s+)?(?:(?:early|speedy|swift|rapid|timely|eventual)\s+)?(?:signing|conclusion)\s+of)?|(?:talks|negotiations?)\s+with\s+[^,;.()]{2,60}?\s+(?:on|over|for|about)|(?:to|will|would)\s+(?:now\s+)?draft|(?:are|is|were|was|been)\s+working\s+(?:\w+\s+)?on|negotiat(?:e|ed|es|ing)|renegotiat(?:e|ed|es|ing)|negotiations?\s+(?:on|for|over|of|towards?)|talks\s+(?:on|for|over|about|towards?)|discuss(?:ed|es|ing)?|explor(?:e|ed|es|ing)|consider(?:ed|s|ing)?|propos(?:e|ed|es|ing)|push(?:ed|es|ing)?\s+for|stud(?:y|ied|ies|ying)|mull(?:ed|s|ing)?)\b",
            ),
        ),
        (
            ActClass::Witness,
            r(
                r"(?i)\b(?:witness(?:ed|es|ing)?|attend(?:ed|s|ing)?|oversaw|oversee|presided\s+over|at)\s+the\s+(?:signing|exchange)\s+(?:ceremony\s+)?of\b",
            ),
        ),
        (
            ActClass::Initial,
            r(r"(?i)\b(?:initial(?:l)?ed|initial(?:l)?ing(?:\s+of)?)\b"),
        ),
        (
            ActClass::Sign,
            r(
                r"(?i)\b(?:signed\s+off\s+on|signs\s+off\s+on|signed|signs|sign|signing\s+of|inked|inks|ink|penned|pens|put\s+pen\s+to\s+paper\s+on|put\s+(?:their|its|his|her)\s+signatures?\s+(?:to|on))\b",
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
pub(super) static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:signed|inked|concluded|adopted|issued|exchanged|ratified|sealed|finali[sz]ed|initial(?:l)?ed|released|published|penned|reached|struck|clinched)\b",
    )
    .unwrap()
});

/// The auxiliary right before a participle (anchored at the end of the text before it).
pub(super) static AUX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:(?:is|are|was|were|has|have|had|will|would|could|may|might|shall|must|should|needs?|to|due|expected|set|scheduled|slated|yet|still|also|already|now|finally|not|be|been|being)\s+)*(?:is|are|was|were|be|been|being))\s+(?:(?:\w+ly|also|then|later|finally|already|jointly|formally|officially|now)\s+){0,2}$").unwrap()
});

pub(super) static IN_FORCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:entered|came|went)\s+into\s+(?:force|effect)|took\s+effect)\b")
        .unwrap()
});

/// "The two sides", "they", "the ministers": parties named elsewhere.
pub(super) static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the\s+two\s+(?:sides|countries|nations|governments|leaders|presidents|premiers|prime\s+ministers|ministers|foreign\s+ministers|defen[cs]e\s+ministers|deputy\s+prime\s+ministers|vice\s+premiers|delegations|parties|states|neighbou?rs|heads\s+of\s+state|militaries|armies|capitals|countries['’])|both\s+(?:sides|countries|nations|governments|leaders|parties)|they|the\s+(?:ministers|leaders|sides|presidents|delegations|officials))\b").unwrap()
});

pub(super) static BLOC_ANAPHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bthe\s+(?:bloc|union|grouping)\b").unwrap());

/// "With several other partners": no party can be named.
pub(super) static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:several|other|others|many|various|numerous|some|multiple|a\s+number\s+of|a\s+host\s+of|dozens)\b",
    )
    .unwrap()
});

/// Pointers to an event told before: "on the sidelines of the forum", "following the talks".
pub(super) static POINTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:during|at|on\s+the\s+(?:sidelines|margins)\s+of|following|after|at\s+the\s+(?:end|close|conclusion)\s+of|in\s+the\s+course\s+of|ahead\s+of)\s+(?:the|this|that|their|his|her|its)\s+(?:[\w'’-]+\s+){0,4}?(talks|meeting|meetings|visit|trip|tour|forum|summit|conference|session|exchange|discussions|dialogue|ceremony|call|conversation|event|negotiations)\b").unwrap()
});

pub(super) static MEETING_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:talks|met|meets?|meeting|hosted|hosts?|received|receives|called\s+on|calls\s+on|co-chair(?:ed|s)?|co-chairmanship|chaired|(?:tele)?phone\s+(?:call|conversation)|spoke\s+(?:by|on\s+the)\s+(?:tele)?phone|video\s*-?\s*conferenc\w*|videoconferenc\w*|sat\s+down|summit|held|holds?|discussions|exchange)\b").unwrap()
});

pub(super) static OTHER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:visit(?:ed|ing|s)?|arriv(?:ed|es|ing)|trip|tour(?:ed)?|signed|inked)\b")
        .unwrap()
});

/// A dateline at the start of a sentence: "MANILA, July 8 (Reuters) - ", "ISLAMABAD, Feb 6
/// (APP): ", "WARSAW — ", "BOGOR, West Java — ", "Bucharest, 4 May /Agerpres/ - ",
/// "OSLO/SEOUL (Bloomberg) -- " (the first city), "Guatemala City, by AGN – ", "BISHKEK. March 13
/// (Interfax) - ".
pub(super) static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\p{Lu}[\p{Lu}.'’ /-]{1,40}?[\p{Lu}.])(?:\s*[,.]\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)?\s*(?:\((?:[A-Za-z][A-Za-z .&/-]{0,30})\))\s*(?:-{1,2}|–|—|:|\.)\s*|^\s*(\p{Lu}[\p{Lu}.'’ -]{1,40}?[\p{Lu}.])\s*,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?\s*(?:-{1,2}|–|—)\s+|^\s*(\p{Lu}[\p{Lu}.'’ -]{1,40}?\p{Lu})(?:,\s*\p{Lu}[\p{L} ]{1,30}?)?\s+(?:-{1,2}|–|—)\s+|^\s*(\p{Lu}[\p{L}.'’ -]{1,40}?),\s*(?:\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?|\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:\([^)\n]{1,30}\)|/[^/\n]{1,30}/)\s*(?:-{1,2}|–|—)\s*|^\s*(\p{Lu}[\p{L}.'’ -]{1,40}?),\s*by\s+\p{Lu}[\p{L}.&]{1,20}\s*(?:-{1,2}|–|—)\s*").unwrap()
});

/// Purchase subjects: "for Vietnam Airlines to buy 50 Boeing 737 MAX jets".
pub(super) static PURCHASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:for\s+(.+?)\s+)?to\s+(?:buy|purchase|acquire|order|procure|lease)\s+(.+)$")
        .unwrap()
});

/// Plural nouns of signed documents, as a regex group: the lists after a signing ("signed
/// several documents, including ...", "The memoranda include ...").
pub(super) const DOCUMENT_PLURALS: &str = r"(?:documents|agreements|deals|instruments|accords|texts|papers|memoranda|memorandums|mous|pacts)";

pub(super) static DETERMINERS: LazyLock<Vec<&str>> = words!("agreements/determiners.txt");

pub(super) static DEFINITE: LazyLock<Vec<&str>> = words!("agreements/definite.txt");

/// Words that cannot stand inside a noun phrase's modifiers (prepositions, auxiliaries,
/// conjunctions of clauses, reporting verbs).
pub(super) static STOP: LazyLock<Vec<&str>> = words!("agreements/stop.txt");

pub(super) static MODAL_BEFORE_VERB: LazyLock<Vec<&str>> =
    words!("agreements/modal_before_verb.txt");

/// Words of a state organ: an organisation named with a country word and one of these stands
/// for the country ("Vietnam National Defense Ministry", "the Chinese People's Liberation Army").
pub(super) static STATE_WORDS: LazyLock<Vec<&str>> = words!("agreements/state_words.txt");

/// A state organ named by its office alone, with no country word: "Defence Ministry", "the
/// Ministry of External Affairs", "Foreign Office" (not "Kongsberg Defence & Aerospace").
pub(super) static BARE_ORGAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:the\s+|The\s+)?(?:[A-Z][a-z]+\s+){0,3}(?:Ministry|Department|Office|Cabinet|Parliament|Government|Army|Navy|Air\s+Force|Police|Coast\s+Guard|Presidency)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&,' ]*)?$").unwrap()
});

/// News outlets whose names hold a state word ("Vietnam News Agency"): no state organ.
static NOT_ORGANS: LazyLock<Vec<&str>> = words!("agreements/not_organs.txt");

/// Whether a lower-cased organisation name holds a state word and is no news outlet.
pub(super) fn names_a_state_organ(lower: &str) -> bool {
    STATE_WORDS.iter().any(|w| lower.contains(w)) && !NOT_ORGANS.iter().any(|w| lower.contains(w))
}

/// Regional blocs that sign as one party: canonical name and folded aliases
/// (`data/agreements/blocs.tsv`).
pub(super) static BLOCS: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| {
    let lines = wordlist::parse(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/agreements/blocs.tsv"
    )));
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
pub(super) fn blocs_in(s: &str) -> Vec<(usize, usize, &'static str)> {
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

pub(super) fn bloc_name(text: &str) -> Option<&'static str> {
    let key = gazetteer::fold(text.trim_start_matches("the ").trim_start_matches("The "));
    let key = key.trim_end_matches("'s").trim();
    BLOCS
        .iter()
        .find(|(_, aliases)| aliases.contains(&key))
        .map(|(name, _)| *name)
}
