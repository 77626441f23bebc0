//! The people stage: PERSON mentions become people, each with a role, country and
//! organisation read from the words around the mentions.
//!
//! One person per document however named: "Dong Jun", "Dong" and "Dong Jun's" are one; so are
//! "To Lam" and "Lam", and "Phạm Minh Chính" and "Pham Minh Chinh" (matching ignores case and
//! diacritics). A one-word mention joins the multi-word name that has it as one of its words
//! (a Chinese surname comes first, a Vietnamese given name last, a Western surname last: any
//! word matches); when that fits several people, the most recently mentioned one wins.
//!
//! Roles come from titles before a mention ("Chinese Defense Minister Dong Jun", "Vietnam's
//! Defense Minister General Phan Van Giang", "General Secretary of the Communist Party of
//! Vietnam Central Committee To Lam", "Chinese Defense Ministry spokesperson Zhang Xiaogang")
//! and appositions after it ("Zhang Youxia, vice chairman of the Central Military Commission,
//! ..."); ranks ("General") and honorifics ("Mr.") are not roles.
//!
//! Names leave out what the tagger put inside the span before them: honorifics, with all that
//! precedes them ("[Amir Sheikh Tamim bin Hamad]", "[Oman Sayyid Badr ...]", "[HE Saad Al
//! Kaabi]", "[Datuk Seri Anwar Ibrahim]"), titles and ranks, and a country word before a name of
//! two words or more ("President of [Kazakhstan Kassym-Jomart Tokayev]", which then ends the
//! title before the span). Honorifics that are also part of names stay before a one-word rest
//! ("Sheikh Hasina"), and so do titles and abbreviated ranks that are also given names ("Amir
//! Peretz", "Gen Nakatani"). A span that is only a pronoun or a title ("[His] Royal Highness",
//! "[Crown Prince]") names nobody.
//!
//! "His Vietnamese counterpart Phan Van Giang" takes the role of the nearest person before it
//! (same or previous sentence) that has one, and the adjective's country. Of several roles a
//! person is given, the longest (most specific) is kept.
//!
//! The stage reads only the document's text, sentences and entities; it never panics, whatever
//! the spans (spans that are out of range, off char boundaries or overlapping are ignored).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Document, EntityLabel};
use crate::gazetteer;
use crate::text::ByteSpan;

/// One person of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name in the document ("To Lam" rather than "Lam"), without
    /// titles, honorifics or a possessive "'s".
    pub name: String,
    /// The PERSON entity spans that name this person, in text order.
    pub mentions: Vec<ByteSpan>,
    /// "Defense Minister", "General Secretary of the Communist Party of Vietnam Central
    /// Committee", "Vice Chairman of the Central Military Commission".
    pub role: Option<String>,
    /// Canonical country name (see [`crate::gazetteer`]).
    pub country: Option<String>,
    /// The organisation the role belongs to ("Communist Party of Vietnam").
    pub organization: Option<String>,
    /// The "person" is a ship or a military exercise the tagger read as one (see
    /// [`names_a_vessel`]): it takes part in nothing.
    pub vessel: bool,
}

/// The people stage: fills `doc.people`.
pub fn annotate(doc: &mut Document) {
    doc.people = resolve_people(doc);
}

/// The people of a document, sorted by first mention.
pub fn resolve_people(doc: &Document) -> Vec<Person> {
    let ctx = Context::new(doc);
    let mut mentions = ctx.mentions();
    if mentions.is_empty() {
        return Vec::new();
    }
    for m in mentions.iter_mut() {
        let mut cue = ctx.left_cue(m.span);
        if cue.role.is_none() {
            if let Some(country) = m.swallowed_country {
                let with = ctx.left_cue_with_country(m.span, country);
                if with.role.is_some() {
                    cue = with;
                }
            }
        }
        let right = ctx.right_cue(m.span);
        if cue.role.is_none() && !cue.counterpart {
            if let Some(role) = m.inner_title.take() {
                cue.role = Some(role);
            }
        }
        cue.merge_missing(right);
        m.cue = cue;
    }
    let cluster_of = cluster(&mentions);
    let clusters = cluster_of.iter().copied().max().map_or(0, |m| m + 1);

    let mut members: Vec<Vec<usize>> = vec![Vec::new(); clusters];
    for (i, &c) in cluster_of.iter().enumerate() {
        members[c].push(i);
    }

    // Counterparts take the role of the nearest person before them that has one (mentions are
    // in text order, so the search stops at the first one too far back).
    let base: Vec<Option<String>> = members
        .iter()
        .map(|ms| best_role(ms.iter().map(|&i| &mentions[i].cue)).map(|(role, _)| role.to_string()))
        .collect();
    for i in 0..mentions.len() {
        if !mentions[i].cue.counterpart || mentions[i].cue.role.is_some() {
            continue;
        }
        let mut role = None;
        for j in (0..i).rev() {
            if !ctx.near(&mentions[j], &mentions[i]) {
                break;
            }
            if cluster_of[j] != cluster_of[i] {
                role = mentions[j].cue.role.clone().or_else(|| base[cluster_of[j]].clone());
                if role.is_some() {
                    break;
                }
            }
        }
        mentions[i].cue.role = role;
    }

    let mut people: Vec<Person> =
        members.iter().filter_map(|ms| person_of(&ms.iter().map(|&i| &mentions[i]).collect::<Vec<_>>())).collect();
    people.sort_by_key(|p| p.mentions.first().map(|s| (s.start, s.end)));
    let after_prefixes = vessel_words(&doc.text);
    for p in people.iter_mut() {
        p.vessel = is_vessel_name(&after_prefixes, p);
    }
    people
}

/// Whether a PERSON span's text names someone once titles, honorifics and possessives are
/// left out ("Crown Prince", "His" and "the Amir" do not).
pub fn is_name(raw: &str) -> bool {
    clean_name(raw).is_some()
}

/// Words written just before a ship's name ("the USS Ronald Reagan", "aircraft carrier Carl
/// Vinson") or a military exercise's ("the Exercise Aman Youyi-2023"): the tagger reads such
/// names as people.
static VESSEL_PREFIXES: std::sync::LazyLock<Vec<&str>> = crate::wordlist::words!("people/vessel_prefixes.txt");

/// Whether the person's name is (the end of) a ship's or an exercise's name the text gives
/// after such a prefix ("the USS Ronald Reagan ... the arrival of the Reagan"; "Exercise Aman
/// Youyi-2023", the year joined by a hyphen): the "person" is no one.
/// The stages read [`Person::vessel`], set once per document by the people stage.
pub fn names_a_vessel(text: &str, person: &Person) -> bool {
    is_vessel_name(&vessel_words(text), person)
}

/// The capitalised words (up to three) after each ship or exercise prefix of `text`.
fn vessel_words(text: &str) -> Vec<&str> {
    let words: Vec<&str> = text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| VESSEL_PREFIXES.contains(w))
        .flat_map(|(i, _)| words[i + 1..].iter().take(3).take_while(|w| w.starts_with(char::is_uppercase)).copied())
        .collect()
}

fn is_vessel_name(after_prefixes: &[&str], person: &Person) -> bool {
    let Some(last) = person.name.split_whitespace().last() else { return false };
    after_prefixes.iter().any(|w| *w == last || w.strip_prefix(last).is_some_and(|rest| rest.starts_with('-')))
}

/// Index of the person named at `span`: the one with exactly that mention, else the one whose
/// mention overlaps it most.
pub fn person_at(people: &[Person], span: ByteSpan) -> Option<usize> {
    if let Some(i) = people.iter().position(|p| p.mentions.contains(&span)) {
        return Some(i);
    }
    let overlap = |m: &ByteSpan| m.end.min(span.end).saturating_sub(m.start.max(span.start));
    people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.mentions.iter().map(overlap).max().filter(|&o| o > 0).map(|o| (o, i)))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| i)
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. All entries are lower case; words are compared after `gazetteer::fold`.

/// Words that name an office or function: a title needs one of them to be a role.
#[rustfmt::skip]
const HEADS: &[&str] = &[
    "adviser", "advisor", "ambassador", "analyst", "attache", "attorney", "chair", "chairman",
    "chairperson", "chairwoman", "chancellor", "charge", "chief", "commander", "commander-in-chief",
    "commentator", "commissioner", "congressman", "congresswoman", "consul", "consul-general",
    "coordinator", "correspondent", "councillor", "councilor", "counsellor", "counselor",
    "delegate", "deputy", "diplomat", "director", "director-general", "economist", "editor", "emir",
    "emperor", "empress", "envoy", "expert", "founder", "amir", "governor", "governor-general", "head",
    "journalist", "judge", "justice", "king", "lawmaker", "leader", "legislator", "mayor", "member",
    "minister", "monarch", "negotiator", "officer", "official", "premier", "president",
    "president-elect", "prince", "princess", "professor", "prosecutor", "queen", "regent",
    "representative", "researcher", "scholar", "secretary", "secretary-general", "senator",
    "speaker", "spokesman", "spokesperson", "spokeswoman", "strategist", "sultan", "superintendent",
    "under-secretary", "undersecretary", "vice-chair", "vice-chairman", "vice-chairwoman",
    "vice-chancellor", "vice-premier", "vice-president", "viceroy", "ceo", "chief-of-staff",
];

/// Words that qualify a head inside a title ("Defense", "Prime", "Vice", "party").
#[rustfmt::skip]
const MODIFIERS: &[&str] = &[
    "affairs", "agriculture", "air", "armed", "army", "assistant", "associate", "border", "cabinet",
    "central", "chief", "co", "coast", "commerce", "commercial", "communications", "communist",
    "crown", "cultural", "culture", "defence", "defense", "deputy", "development", "discipline",
    "economic", "economy", "education", "energy", "environment", "ethnic", "executive", "external",
    "finance", "financial", "first", "force", "forces", "foreign", "general", "government", "grand",
    "guard", "health", "high", "home", "homeland", "human", "industry", "information", "inspection",
    "intelligence", "interior", "internal", "international", "investment", "joint", "justice",
    "labor", "labour", "lead", "legal", "managing", "maritime", "marine", "media", "military",
    "national", "naval", "navy", "overseas", "parliamentary", "party", "permanent", "planning",
    "police", "policy", "political", "politburo", "presidential", "press", "prime", "principal",
    "propaganda", "provincial", "public", "regional", "relations", "rights", "science", "second",
    "secretariat", "security", "senior", "special", "staff", "standing", "state", "strategic",
    "supreme", "technology", "third", "top", "tourism", "trade", "transport", "vice", "youth",
];

/// Words before a title that say when, not what ("former", "late"): allowed, left out.
#[rustfmt::skip]
const TEMPORAL: &[&str] = &[
    "acting", "current", "erstwhile", "ex", "former", "incoming", "incumbent", "interim", "late",
    "longtime", "new", "newly", "outgoing", "retired", "sitting", "then", "veteran",
];

/// Function words allowed inside a title ("Minister of National Defense").
const FUNCTION: &[&str] = &["of", "the", "and", "for", "to", "&"];

/// Extra function words allowed in an apposition's complement ("expert at the School ...").
const COMPLEMENT_FUNCTION: &[&str] = &["of", "the", "and", "for", "to", "&", "at", "in", "on"];

const DETERMINERS: &[&str] =
    &["his", "her", "their", "its", "a", "an", "this", "that", "these", "those", "our", "my", "your"];

/// Capitalised words that start sentences and clauses but never titles.
#[rustfmt::skip]
const STOP_CAPITALISED: &[&str] = &[
    "according", "accompanying", "additionally", "after", "also", "although", "among", "april",
    "as", "at", "august", "because", "before", "between", "both", "but", "by", "december", "during",
    "earlier", "february", "finally", "following", "friday", "from", "further", "furthermore",
    "greeting", "he", "here", "hosting", "how", "however", "i", "if", "in", "including", "it",
    "january", "july", "june", "last", "later", "march", "may", "meanwhile", "meeting", "met",
    "monday", "moreover", "next", "november", "now", "october", "on", "receiving", "recently",
    "said", "saturday", "says", "separately", "september", "she", "since", "so", "sunday",
    "thanking", "there", "they", "though", "thursday", "today", "tomorrow", "tuesday", "under",
    "visiting", "we", "wednesday", "welcoming", "what", "when", "where", "which", "while", "who",
    "whom", "whose", "why", "with", "without", "yesterday",
];

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mister", "madam", "madame", "mme", "dr", "sir", "dame",
    "excellency", "h.e", "comrade", "hon", "honorable", "honourable", "prof", "rev", "reverend",
    "sheikh", "sheikha", "shaikh", "shaikha", "sayyid", "sayyida", "highness", "majesty", "hrh",
    "datuk", "dato", "datin", "tun", "seri", "hh", "professor",
];

/// Honorifics that are also part of some names ("Sheikh Hasina", "Sheikh Mujibur Rahman"):
/// left out only before a name of two words or more ("Sheikh Tamim bin Hamad").
const NAME_PART_HONORIFICS: &[&str] = &["sheikh", "sheikha", "shaikh", "shaikha", "sayyid", "sayyida", "tun", "seri"];

/// Titles that are also common given names ("Amir Peretz", "Emir Kusturica"): inside a name
/// span they are read as a title only before an honorific or another title word ("Amir Sheikh
/// Tamim ...").
const NAME_LIKE_TITLES: &[&str] = &["amir", "emir"];

/// Abbreviated ranks that are also given names ("Gen Nakatani", "Col"): without their period
/// they are read as a rank only when a name of two words or more follows.
const NAME_LIKE_RANKS: &[&str] = &["gen", "col", "maj", "capt", "adm", "lt", "brig", "sgt"];

/// Pronouns the tagger sometimes takes for a name ("His Highness"): never a person alone.
const PRONOUNS: &[&str] = &["he", "his", "him", "she", "her", "hers", "they", "them", "their", "it", "its"];

/// Military ranks: (rank, words that may precede it within the rank).
const RANKS: &[(&str, &[&str])] = &[
    ("general", &["senior", "lieutenant", "lt", "major", "maj", "brigadier", "colonel"]),
    ("gen", &["lieutenant", "lt", "major", "maj", "brig"]),
    ("admiral", &["vice", "rear", "fleet"]),
    ("adm", &["vice", "rear"]),
    ("colonel", &["senior", "lieutenant", "lt"]),
    ("col", &["lt"]),
    ("marshal", &["field", "air", "chief"]),
    ("captain", &[]),
    ("capt", &[]),
    ("commodore", &[]),
    ("brigadier", &[]),
    ("sergeant", &[]),
    ("lieutenant", &["first", "second"]),
    ("major", &[]),
    ("maj", &[]),
];

/// Titles whose second word is "General" ("Secretary General"): there it is no rank.
#[rustfmt::skip]
const GENERAL_TAKERS: &[&str] = &[
    "secretary", "director", "attorney", "governor", "inspector", "surgeon", "consul", "solicitor",
    "procurator", "prosecutor", "auditor", "comptroller", "postmaster", "adjutant", "quartermaster",
    "advocate", "registrar", "accountant", "commissary",
];

/// Last words of organisation names, to tell "Defense Ministry spokesperson" from noise.
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "academy", "administration", "agency", "alliance", "army", "assembly", "association",
    "authority", "bank", "board", "bureau", "cabinet", "center", "centre", "club", "coalition",
    "college", "command", "commission", "committee", "company", "congress", "consulate",
    "corporation", "corps", "council", "court", "daily", "department", "directorate", "division",
    "embassy", "federation", "fleet", "force", "forces", "foundation", "front", "fund",
    "government", "group", "guard", "headquarters", "house", "institute", "league", "ministry",
    "mission", "movement", "navy", "network", "office", "organisation", "organization",
    "parliament", "party", "police", "politburo", "post", "presidency", "school", "secretariat",
    "senate", "service", "services", "staff", "times", "union", "university",
];

/// Words of a state's formal name ("the Sultanate of Oman", "the People's Republic of China").
#[rustfmt::skip]
const STATE_FORMS: &[&str] = &[
    "republic", "kingdom", "sultanate", "state", "emirate", "principality", "federation", "federal",
    "democratic", "people", "islamic", "socialist", "united", "arab", "commonwealth", "union",
    "grand", "duchy", "hashemite", "plurinational", "bolivarian", "cooperative",
];

/// Name suffixes that never identify a person on their own.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// A word as the vocabularies spell it: folded, without a trailing period or "then-"/"ex-".
fn vocab_key(word: &str) -> String {
    let mut w = gazetteer::fold(word);
    while w.ends_with('.') {
        w.pop();
    }
    for prefix in ["then-", "ex-", "former-"] {
        if let Some(rest) = w.strip_prefix(prefix) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    w
}

fn is_head(key: &str) -> bool {
    is_in(HEADS, key) || is_counterpart(key)
}

fn is_counterpart(key: &str) -> bool {
    key == "counterpart" || key == "counterparts"
}

fn is_title_word(key: &str) -> bool {
    is_head(key) || is_in(MODIFIERS, key)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Country named or implied by a modifier: a demonym, a country name, or a place.
fn country_of_modifier(text: &str) -> Option<&'static str> {
    gazetteer::country_of_demonym(text)
        .or_else(|| gazetteer::canonical_country(text))
        .or_else(|| gazetteer::country_of_place(text))
}

/// First country named inside an organisation's name ("Communist Party of Vietnam",
/// "Chinese Defense Ministry"): demonyms and country names only, longest words first.
fn country_inside(name: &str) -> Option<&'static str> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .map(strip_possessive)
        .collect();
    for start in 0..words.len() {
        for len in (1..=4.min(words.len() - start)).rev() {
            let part = &words[start..start + len];
            if !part.iter().all(|w| is_capitalised(w)) {
                continue;
            }
            let phrase = part.join(" ");
            if let Some(c) = gazetteer::country_of_demonym(&phrase).or_else(|| gazetteer::canonical_country(&phrase)) {
                return Some(c);
            }
        }
    }
    None
}

fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S", "'", "\u{2019}"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    w
}

// ---------------------------------------------------------------------------------------------
// Cues: what the words around one mention say.

#[derive(Debug, Clone, Default, PartialEq)]
struct Cue {
    role: Option<String>,
    country: Option<&'static str>,
    organization: Option<String>,
    /// "his Vietnamese counterpart": the role is to be borrowed.
    counterpart: bool,
}

impl Cue {
    /// Fills what this cue lacks from `other` (a role only when this has none).
    fn merge_missing(&mut self, other: Cue) {
        if self.role.is_none() && !self.counterpart && (other.role.is_some() || other.counterpart) {
            self.role = other.role;
            self.counterpart = other.counterpart;
            if let Some(org) = other.organization.clone() {
                self.organization = Some(org);
            }
        }
        if self.country.is_none() {
            self.country = other.country;
        }
        if self.organization.is_none() {
            self.organization = other.organization;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ent(EntityLabel),
    Word,
    Punct,
    /// A possessive "'s" (or a bare apostrophe after a plural).
    Poss,
}

#[derive(Debug, Clone, Copy)]
struct Item<'t> {
    kind: Kind,
    text: &'t str,
}

impl Item<'_> {
    fn key(&self) -> String {
        vocab_key(self.text)
    }
    fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    fn is_word_in(&self, list: &[&str]) -> bool {
        self.is_word() && is_in(list, &self.key())
    }
    fn is_ent(&self, label: EntityLabel) -> bool {
        self.kind == Kind::Ent(label)
    }
}

// ---------------------------------------------------------------------------------------------
// Mentions.

#[derive(Debug, Clone)]
struct Mention {
    span: ByteSpan,
    /// Display name: the entity text without honorifics, leading titles or possessive.
    name: String,
    /// Folded name words used for matching.
    tokens: Vec<String>,
    sentence: Option<usize>,
    /// A title the NER left inside the PERSON span ("President Xi Jinping").
    inner_title: Option<String>,
    /// A country the NER swallowed into the span before the name ("Foreign Minister of the
    /// Sultanate of [Oman Sayyid Badr ...]"): it ends the title before the span.
    swallowed_country: Option<ByteSpan>,
    /// Written as a social-media handle ("@ZelenskyyUa").
    handle: bool,
    cue: Cue,
}

/// The document, with its spans made safe to use.
struct Context<'d> {
    text: &'d str,
    sentences: Vec<ByteSpan>,
    /// Valid entities, sorted, non-overlapping.
    entities: Vec<(ByteSpan, EntityLabel)>,
}

const MAX_LEFT: usize = 400;
const MAX_RIGHT: usize = 400;
/// Without sentence spans, "the same or previous sentence" becomes "this many bytes before".
const NEAR_BYTES: usize = 600;

fn valid(text: &str, s: ByteSpan) -> bool {
    s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl<'d> Context<'d> {
    fn new(doc: &'d Document) -> Self {
        let text = doc.text.as_str();
        let mut entities: Vec<(ByteSpan, EntityLabel)> =
            doc.entities.iter().filter(|e| valid(text, e.span)).map(|e| (e.span, e.label)).collect();
        entities.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut kept: Vec<(ByteSpan, EntityLabel)> = Vec::with_capacity(entities.len());
        for e in entities {
            if kept.last().is_none_or(|last| last.0.end <= e.0.start) {
                kept.push(e);
            }
        }
        let mut sentences: Vec<ByteSpan> = doc.sentences.iter().copied().filter(|s| valid(text, *s)).collect();
        sentences.sort_by_key(|s| (s.start, s.end));
        let mut clean: Vec<ByteSpan> = Vec::with_capacity(sentences.len());
        for s in sentences {
            if clean.last().is_none_or(|last| last.end <= s.start) {
                clean.push(s);
            }
        }
        Context { text, sentences: clean, entities: kept }
    }

    fn sentence_of(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        (i > 0 && pos < self.sentences[i - 1].end).then(|| i - 1)
    }

    /// Whether `earlier` is in the same sentence as `later` or the one before.
    fn near(&self, earlier: &Mention, later: &Mention) -> bool {
        match (earlier.sentence, later.sentence) {
            (Some(a), Some(b)) => a <= b && b - a <= 1,
            _ => later.span.start.saturating_sub(earlier.span.end) <= NEAR_BYTES,
        }
    }

    fn mentions(&self) -> Vec<Mention> {
        let persons: Vec<ByteSpan> =
            self.entities.iter().filter(|(_, label)| *label == EntityLabel::Person).map(|&(span, _)| span).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < persons.len() {
            let (span, used) = self.nickname_run(&persons[i..]).unwrap_or((persons[i], 1));
            out.extend(self.mention(span));
            i += used;
        }
        out
    }

    /// `Joko "Jokowi" Widodo`, `Thomas “Tom” Lembong`: the tagger splits a name with a quoted
    /// nickname into two or three PERSON spans. The run from the first span to the span that
    /// starts after the closing quote is one mention (and the count of spans it covers).
    fn nickname_run(&self, persons: &[ByteSpan]) -> Option<(ByteSpan, usize)> {
        static NICKNAMED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*(\s*)["“‘]\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?["”’]\s+"#)
                .expect("nickname pattern")
        });
        let first = *persons.first()?;
        let caps = NICKNAMED.captures(self.text.get(first.start..)?)?;
        // The opening quote follows the first span, or the tagger put it inside.
        let quote = first.start + caps.get(1)?.start();
        if first.end < quote {
            return None;
        }
        let last_start = first.start + caps.get(0)?.end();
        let k = persons.iter().take(4).position(|s| s.start == last_start)?;
        Some((ByteSpan::new(first.start, persons[k].end), k + 1))
    }

    fn mention(&self, span: ByteSpan) -> Option<Mention> {
        let raw = span.slice(self.text);
        let (name, tokens, inner_title) = match without_nickname(raw) {
            Some((rest, nickname)) => {
                let (name, mut tokens, inner_title) = clean_name(&rest)?;
                // The nickname is one of the person's words (for "Jokowi" alone later), not
                // part of the name shown; it goes after the given name, where it was written,
                // so that "Tom Lembong" stays a part of "Thomas Tom Lembong".
                let at = tokens.len().min(1);
                tokens.splice(at..at, nickname.split_whitespace().map(gazetteer::fold));
                (name, tokens, inner_title)
            }
            None => clean_name(raw)?,
        };
        let swallowed_country = raw
            .find(name.as_str())
            .filter(|&at| at > 0)
            .and_then(|at| swallowed_country(&raw[..at]))
            .map(|(a, b)| ByteSpan::new(span.start + a, span.start + b));
        Some(Mention {
            span,
            name,
            tokens,
            sentence: self.sentence_of(span.start),
            inner_title,
            swallowed_country,
            handle: raw.starts_with('@') || self.text[..span.start].ends_with('@'),
            cue: Cue::default(),
        })
    }

    /// Entities lying wholly inside `[from, to)`.
    fn entities_in(&self, from: usize, to: usize) -> &[(ByteSpan, EntityLabel)] {
        let a = self.entities.partition_point(|(s, _)| s.start < from);
        let b = self.entities.partition_point(|(s, _)| s.start < to);
        let mut slice = &self.entities[a..b.max(a)];
        while let Some(last) = slice.last() {
            if last.0.end > to {
                slice = &slice[..slice.len() - 1];
            } else {
                break;
            }
        }
        slice
    }

    /// Items (words, punctuation, whole entities) of `[from, to)`.
    fn items(&self, from: usize, to: usize) -> Vec<Item<'d>> {
        let mut out = Vec::new();
        let mut pos = from;
        for &(span, label) in self.entities_in(from, to) {
            if span.start < pos {
                continue;
            }
            tokenize(self.text, pos, span.start, &mut out);
            // A title the tagger took for a nationality ("Qatar [Emir|NORP] Sheikh Tamim") is
            // read as the word it is.
            let title = label == EntityLabel::Norp && is_head(&vocab_key(span.slice(self.text)));
            if title {
                tokenize(self.text, span.start, span.end, &mut out);
            } else {
                out.push(Item { kind: Kind::Ent(label), text: span.slice(self.text) });
            }
            pos = span.end;
        }
        tokenize(self.text, pos, to, &mut out);
        out
    }

    /// Start of the text to read left of `pos`: its sentence's start, at most `MAX_LEFT` bytes
    /// back, never inside an entity.
    fn left_start(&self, pos: usize) -> usize {
        let sentence = self.sentence_of(pos).map_or(0, |i| self.sentences[i].start);
        let mut from = floor_boundary(self.text, pos.saturating_sub(MAX_LEFT)).max(sentence).min(pos);
        let i = self.entities.partition_point(|(s, _)| s.end <= from);
        if let Some((s, _)) = self.entities.get(i) {
            if s.start < from && s.end <= pos {
                from = s.end;
            }
        }
        from
    }

    /// End of the text to read right of `pos`.
    fn right_end(&self, pos: usize) -> usize {
        let sentence = self.sentence_of(pos.saturating_sub(1)).map_or(self.text.len(), |i| self.sentences[i].end);
        let mut to = floor_boundary(self.text, pos.saturating_add(MAX_RIGHT)).min(sentence).max(pos);
        let i = self.entities.partition_point(|(s, _)| s.end <= to);
        if let Some((s, _)) = self.entities.get(i) {
            if s.start < to && s.start >= pos {
                to = s.start.max(pos);
            }
        }
        to
    }

    fn left_cue(&self, span: ByteSpan) -> Cue {
        let from = self.left_start(span.start);
        let items = self.items(from, span.start);
        left_cue(&items)
    }

    /// The left cue when the tagger swallowed the end of the title, a country, into the name:
    /// read as if the country stood before the span.
    fn left_cue_with_country(&self, span: ByteSpan, country: ByteSpan) -> Cue {
        let from = self.left_start(span.start);
        let mut items = self.items(from, span.start);
        if !valid(self.text, country) {
            return left_cue(&items);
        }
        items.push(Item { kind: Kind::Ent(EntityLabel::Gpe), text: country.slice(self.text) });
        left_cue(&items)
    }

    fn right_cue(&self, span: ByteSpan) -> Cue {
        let to = self.right_end(span.end);
        let items = self.items(span.end, to);
        right_cue(&items)
    }
}

/// Splits `text[from..to]` into words and punctuation items.
fn tokenize<'t>(text: &'t str, from: usize, to: usize, out: &mut Vec<Item<'t>>) {
    if from >= to || to > text.len() || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
        return;
    }
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.') || is_mark(c);
    let mut start: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        if is_word_char(c) {
            start.get_or_insert(at);
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&text[s..at], out);
        }
        if c == '\n' || !c.is_whitespace() {
            out.push(Item { kind: Kind::Punct, text: &text[at..at + c.len_utf8()] });
        }
    }
    if let Some(s) = start {
        push_word(&text[s..to], out);
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Abbreviations whose final period belongs to the word.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "sen",
    "rep", "gov", "pres", "st", "jr", "sr", "brig", "amb", "hon", "rev", "h.e", "u.s", "u.k", "u.n",
    "mme", "messrs",
];

fn push_word<'t>(word: &'t str, out: &mut Vec<Item<'t>>) {
    let is_apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    // Leading apostrophes: a possessive right after an entity ("Vietnam’s") or a quote mark.
    let body = word.trim_start_matches(is_apostrophe);
    if body.len() != word.len() {
        let lead = &word[..word.len() - body.len()];
        let lower = body.to_lowercase();
        if lower == "s" || lower.starts_with("s.") {
            out.push(Item { kind: Kind::Poss, text: &word[..lead.len() + 1] });
            let rest = &word[lead.len() + 1..];
            if !rest.is_empty() {
                push_word(rest, out);
            }
            return;
        }
        if body.is_empty() {
            out.push(Item { kind: Kind::Poss, text: word });
            return;
        }
        out.push(Item { kind: Kind::Punct, text: lead });
        return push_word(body, out);
    }
    // Trailing periods: kept on abbreviations and initials, else a sentence mark.
    let stem = word.trim_end_matches('.');
    if stem.len() != word.len() && !stem.is_empty() {
        let key = gazetteer::fold(stem);
        let keep = stem.contains('.') || stem.chars().count() == 1 || is_in(ABBREVIATIONS, &key);
        if !keep {
            push_word(stem, out);
            out.push(Item { kind: Kind::Punct, text: &word[stem.len()..] });
            return;
        }
    } else if stem.is_empty() {
        out.push(Item { kind: Kind::Punct, text: word });
        return;
    }
    // Trailing possessive: "Vietnam's", "ministers'".
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(s) = word.strip_suffix(suffix) {
            if !s.is_empty() {
                out.push(Item { kind: Kind::Word, text: s });
                out.push(Item { kind: Kind::Poss, text: &word[s.len()..] });
                return;
            }
        }
    }
    if let Some(s) = word.strip_suffix(is_apostrophe) {
        if !s.is_empty() {
            out.push(Item { kind: Kind::Word, text: s });
            out.push(Item { kind: Kind::Poss, text: &word[s.len()..] });
            return;
        }
    }
    out.push(Item { kind: Kind::Word, text: word });
}

/// The byte range of a country name among the words `prefix` (what [`clean_name`] left out
/// before the name) holds: "Oman" in "Oman Sayyid ", "Kazakhstan" in "Kazakhstan ".
fn swallowed_country(prefix: &str) -> Option<(usize, usize)> {
    let words: Vec<(usize, &str)> =
        prefix.split_whitespace().map(|w| (w.as_ptr() as usize - prefix.as_ptr() as usize, w)).collect();
    for len in (1..=3.min(words.len())).rev() {
        for start in 0..=words.len() - len {
            let (a, _) = words[start];
            let (b, last) = words[start + len - 1];
            let end = b + last.len();
            if gazetteer::canonical_country(&prefix[a..end]).is_some() {
                return Some((a, end));
            }
        }
    }
    None
}

/// Display name, match tokens and any title inside a PERSON span's text; `None` when no name
/// is left.
fn clean_name(raw: &str) -> Option<(String, Vec<String>, Option<String>)> {
    let mut t = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.').trim_start_matches('.');
    t = strip_possessive(t).trim_end_matches(['\'', '\u{2019}']);
    // A trailing period is kept on an initial or suffix ("Jr.", "J."), dropped after a name.
    if t.ends_with('.') && t.split_whitespace().last().is_some_and(|w| w.chars().count() > 4) {
        t = t.trim_end_matches('.');
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut first = 0;
    let mut title_end = 0;
    // An honorific inside the span ends what comes before it, titles and countries included:
    // "Amir Sheikh Tamim bin Hamad", "Oman Sayyid Badr bin Hamad", "His Royal Highness Prince
    // X", "HE Saad Al Kaabi" (an upper-case "HE" only: "He" is also a surname).
    let honorific = |w: &str| is_in(HONORIFICS, &vocab_key(w)) || w == "HE";
    // An honorific that may be part of the name counts only before two words or more.
    let strips =
        |i: usize| honorific(words[i]) && (!is_in(NAME_PART_HONORIFICS, &vocab_key(words[i])) || words.len() - i > 2);
    if let Some(h) = (0..words.len().saturating_sub(1)).rev().find(|&i| strips(i)) {
        first = h + 1;
        if words[..h].iter().any(|w| is_title_word(&vocab_key(w))) {
            title_end = h;
        }
    }
    // Honorifics, ranks and title words the NER left inside the span.
    while first + 1 < words.len() {
        let key = vocab_key(words[first]);
        let next_key = vocab_key(words[first + 1]);
        let name_follows = words.len() - first > 2;
        let bare_rank = is_in(NAME_LIKE_RANKS, &key) && !words[first].ends_with('.') && !name_follows;
        if strips(first) || (RANKS.iter().any(|(r, _)| *r == key) && !bare_rank) || is_in(TEMPORAL, &key) {
            first += 1;
        } else if is_title_word(&key)
            && !is_counterpart(&key)
            && (!is_in(NAME_LIKE_TITLES, &key) || honorific(words[first + 1]) || is_title_word(&next_key))
        {
            first += 1;
            title_end = first;
        } else {
            break;
        }
    }
    // A country the tagger swallowed into the span ("President of [Kazakhstan Kassym-Jomart
    // Tokayev]"), when a name of two words or more is left.
    for len in [2, 1] {
        if words.len() >= first + len + 2
            && words[first..first + len].iter().all(|w| is_capitalised(w))
            && gazetteer::canonical_country(&words[first..first + len].join(" ")).is_some()
        {
            first += len;
            break;
        }
    }
    let name_words = &words[first..];
    let name = name_words.join(" ");
    let tokens: Vec<String> = name_words
        .iter()
        .map(|w| gazetteer::fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|t| !t.is_empty() && !is_in(NAME_SUFFIXES, t))
        .collect();
    // A name needs a word of two letters or more that is not a title, honorific or pronoun
    // ("Mr.", "'s", "President" and "His Majesty" name nobody).
    let namelike = |t: &String| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !is_in(HONORIFICS, t)
            && !is_in(PRONOUNS, t)
            && !is_title_word(t)
            && !RANKS.iter().any(|(r, _)| r == t)
    };
    if !tokens.iter().any(namelike) || (tokens.len() == 1 && is_in(PRONOUNS, &tokens[0])) {
        return None;
    }
    // An office's abbreviation written with small letters inside ("MoFA", "MoD"): no one.
    if let [only] = name_words {
        let letters: Vec<char> = only.chars().filter(|c| c.is_alphabetic()).collect();
        let ends_in_capital = letters.last().is_some_and(|c| c.is_uppercase());
        if letters.iter().any(|c| c.is_lowercase()) && ends_in_capital && letters.len() <= 6 {
            return None;
        }
    }
    let title_words: Vec<&str> = words[..title_end].iter().copied().filter(|w| is_title_word(&vocab_key(w))).collect();
    let inner_title = title_words.iter().any(|w| is_head(&vocab_key(w))).then(|| normalise_words(&title_words));
    Some((name, tokens, inner_title))
}

/// A name with a quoted nickname between its words, split into the name without it and the
/// nickname: `Joko "Jokowi" Widodo` -> ("Joko Widodo", "Jokowi").
fn without_nickname(raw: &str) -> Option<(String, String)> {
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\s*["“‘](\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*)?)["”’]\s+"#).expect("quoted nickname")
    });
    let caps = QUOTED.captures(raw)?;
    let whole = caps.get(0)?;
    if !raw[..whole.start()].chars().any(char::is_alphabetic) || !raw[whole.end()..].chars().any(char::is_alphabetic) {
        return None;
    }
    Some((format!("{} {}", &raw[..whole.start()], &raw[whole.end()..]), caps[1].to_string()))
}

// ---------------------------------------------------------------------------------------------
// Grouping mentions into people.

/// Cluster id of every mention.
fn cluster(mentions: &[Mention]) -> Vec<usize> {
    let n = mentions.len();
    let mut of: Vec<Option<usize>> = vec![None; n];
    // Per cluster: the tokens of its longest name, every token any of its names has, and the
    // starts of the mentions assigned so far.
    let mut full: Vec<Vec<String>> = Vec::new();
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut starts: Vec<Vec<usize>> = Vec::new();
    // Per cluster: the titles its mentions are given.
    let mut roles: Vec<Vec<String>> = Vec::new();

    let pick_recent = |cands: &[usize], starts: &[Vec<usize>], pos: usize| -> usize {
        // The candidate mentioned last before `pos`; else the one mentioned first after it.
        let before = cands.iter().filter_map(|&c| starts[c].iter().filter(|&&s| s < pos).max().map(|&s| (s, c))).max();
        if let Some((_, c)) = before {
            return c;
        }
        cands
            .iter()
            .map(|&c| (starts[c].iter().min().copied().unwrap_or(usize::MAX), c))
            .min()
            .map_or(cands[0], |(_, c)| c)
    };

    // Multi-word names first, longest first: a shorter one joins a longer one it is part of.
    let mut multi: Vec<usize> = (0..n).filter(|&i| mentions[i].tokens.len() >= 2).collect();
    multi.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].tokens.len()), mentions[i].span.start));
    for i in multi {
        let toks = &mentions[i].tokens;
        let cands: Vec<usize> = (0..full.len()).filter(|&c| is_subsequence(toks, &full[c])).collect();
        let c = match cands.len() {
            0 => {
                full.push(toks.clone());
                words.push(Vec::new());
                starts.push(Vec::new());
                roles.push(Vec::new());
                full.len() - 1
            }
            1 => cands[0],
            _ => pick_recent(&cands, &starts, mentions[i].span.start),
        };
        for t in toks {
            if !words[c].contains(t) {
                words[c].push(t.clone());
            }
        }
        roles[c].extend(mentions[i].cue.role.clone());
        starts[c].push(mentions[i].span.start);
        of[i] = Some(c);
    }
    let multi_clusters = full.len();

    // One-word names in text order: join a multi-word name that has the word, else the other
    // one-word mentions of the same word.
    let mut single: HashMap<String, usize> = HashMap::new();
    for i in 0..n {
        if of[i].is_some() {
            continue;
        }
        let Some(tok) = mentions[i].tokens.first() else { continue };
        let mut cands: Vec<usize> =
            (0..multi_clusters).filter(|&c| words[c].iter().any(|w| same_word(w, tok))).collect();
        if cands.is_empty() && mentions[i].handle {
            cands = (0..multi_clusters).filter(|&c| handle_names(tok, &full[c])).collect();
        }
        // "Prime Minister Sharif" after "Prime Minister Nawaz Sharif" and "Chief Minister
        // Shahbaz Sharif": the one with the mention's title.
        if cands.len() > 1 {
            if let Some(role) = mentions[i].cue.role.as_deref() {
                let titled: Vec<usize> =
                    cands.iter().copied().filter(|&c| roles[c].iter().any(|r| r.eq_ignore_ascii_case(role))).collect();
                if !titled.is_empty() {
                    cands = titled;
                }
            }
        }
        let c = match cands.len() {
            0 => *single.entry(tok.clone()).or_insert_with(|| {
                full.push(vec![tok.clone()]);
                words.push(vec![tok.clone()]);
                starts.push(Vec::new());
                roles.push(Vec::new());
                full.len() - 1
            }),
            1 => cands[0],
            _ => pick_recent(&cands, &starts, mentions[i].span.start),
        };
        starts[c].push(mentions[i].span.start);
        of[i] = Some(c);
    }
    of.into_iter().map(|c| c.unwrap_or(0)).collect()
}

/// Whether `short` appears in `long` in order (not necessarily contiguously).
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|t| it.any(|l| same_word(l, t)))
}

/// Two folded name words of one person: equal, or long spellings of one name that differ by
/// one letter ("Zelensky", "Zelenskyy", "Zelenskiy"; "Abdelfattah", "Abdelfatah"), or
/// one with the Arabic article and one without ("al-Thani", "Thani").
fn same_word(a: &str, b: &str) -> bool {
    let (a, b) = (gazetteer::without_article(a), gazetteer::without_article(b));
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.min(lb) >= 6
        && la.abs_diff(lb) <= 1
        && a.chars().next() == b.chars().next()
        && strsim::damerau_levenshtein(a, b) <= 1
}

/// A handle ("@ZelenskyyUa", "@realDonaldTrump") names the person whose surname it spells out.
fn handle_names(handle: &str, words: &[String]) -> bool {
    words.last().is_some_and(|w| w.chars().count() >= 4 && handle.contains(w.as_str()))
}

/// The longest role among `cues`, with its country and organisation.
fn best_role<'c>(cues: impl Iterator<Item = &'c Cue>) -> Option<(&'c str, &'c Cue)> {
    let mut best: Option<(&str, &Cue)> = None;
    for cue in cues {
        if let Some(role) = cue.role.as_deref() {
            if best.is_none_or(|(b, _)| role.chars().count() > b.chars().count()) {
                best = Some((role, cue));
            }
        }
    }
    best
}

fn person_of(members: &[&Mention]) -> Option<Person> {
    let first = members.first()?;
    // Fullest name: most words, then first seen.
    let mut name_of = *first;
    for m in members {
        if m.tokens.len() > name_of.tokens.len() {
            name_of = m;
        }
    }
    let best = best_role(members.iter().map(|m| &m.cue));
    let role = best.map(|(r, _)| r.to_string());
    let country =
        best.and_then(|(_, c)| c.country).or_else(|| most_common(members.iter().filter_map(|m| m.cue.country)));
    let organization = best
        .and_then(|(_, c)| c.organization.clone())
        .or_else(|| members.iter().find_map(|m| m.cue.organization.clone()));
    let mut mentions: Vec<ByteSpan> = members.iter().map(|m| m.span).collect();
    mentions.sort_by_key(|s| (s.start, s.end));
    Some(Person {
        name: name_of.name.clone(),
        mentions,
        role,
        country: country.map(str::to_string),
        organization,
        vessel: false,
    })
}

/// The most frequent value, the earliest among equals.
fn most_common(values: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let max = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(v, _)| v)
}

// ---------------------------------------------------------------------------------------------
// Reading titles.

/// Number of items at the end of `items[..end]` that are a military rank.
fn rank_len(items: &[Item], end: usize) -> usize {
    if end == 0 || !items[end - 1].is_word() {
        return 0;
    }
    let key = items[end - 1].key();
    let Some((_, before)) = RANKS.iter().find(|(r, _)| *r == key) else { return 0 };
    if key == "general" && end >= 2 && items[end - 2].is_word_in(GENERAL_TAKERS) {
        return 0;
    }
    let mut n = 1;
    while end > n && items[end - n - 1].is_word() && before.contains(&items[end - n - 1].key().as_str()) {
        n += 1;
    }
    n
}

/// Whether an item may be part of a title read leftwards from a name.
fn allowed_left(item: &Item) -> bool {
    match item.kind {
        Kind::Ent(EntityLabel::Person | EntityLabel::Date) => false,
        Kind::Ent(_) | Kind::Poss => true,
        Kind::Punct => item.text == "&",
        Kind::Word => {
            let key = item.key();
            if is_in(FUNCTION, &key) || is_title_word(&key) || is_in(TEMPORAL, &key) {
                return true;
            }
            if is_in(DETERMINERS, &key) || is_in(STOP_CAPITALISED, &key) || is_in(HONORIFICS, &key) {
                return false;
            }
            is_capitalised(item.text) && !item.text.chars().next().is_some_and(|c| c.is_ascii_digit())
        }
    }
}

/// The cue of the words before a name.
fn left_cue(items: &[Item]) -> Cue {
    let mut end = items.len();
    loop {
        if end > 0 && items[end - 1].is_word_in(HONORIFICS) {
            end -= 1;
            continue;
        }
        let r = rank_len(items, end);
        if r > 0 {
            end -= r;
            continue;
        }
        break;
    }
    // A title set off by a comma before the name: "Kenya's Cabinet Secretary for Defence, Dr
    // Monica Juma", "Minister of Foreign Affairs, Professor David Francis".
    if end > 1 && items[end - 1].kind == Kind::Punct && items[end - 1].text == "," {
        let cue = left_cue(&items[..end - 1]);
        if cue.role.is_some() && !cue.counterpart {
            return cue;
        }
        return Cue::default();
    }
    // A lower-case function word next to the name ends any title: "delivered justice to bin
    // Laden". (A capitalised one may be a name part the tagger left out: "To Lam".)
    if end > 0 && items[end - 1].is_word_in(FUNCTION) && !is_capitalised(items[end - 1].text) {
        return Cue::default();
    }
    let mut start = end;
    while start > 0 && allowed_left(&items[start - 1]) {
        start -= 1;
    }
    let span = &items[start..end];
    let Some(head) = span.iter().position(|it| it.is_word() && is_head(&it.key())) else {
        // No title: a bare national modifier still gives the country ("Vietnam's To Lam").
        return Cue { country: trailing_country(span), ..Cue::default() };
    };
    let mut core = head;
    while core > 0 && span[core - 1].is_word() && is_title_word(&span[core - 1].key()) {
        core -= 1;
    }
    let mut cue = modifiers_cue(&span[..core]);
    if is_counterpart(&span[head].key()) {
        cue.counterpart = true;
        return cue;
    }
    apply_title(&mut cue, &span[core..]);
    cue
}

/// Country of national modifiers at the very end of `items` ("Vietnamese", "Vietnam 's").
fn trailing_country(items: &[Item]) -> Option<&'static str> {
    let mut end = items.len();
    if end > 0 && items[end - 1].kind == Kind::Poss {
        end -= 1;
    }
    let last = items[..end].last()?;
    match last.kind {
        Kind::Ent(EntityLabel::Norp | EntityLabel::Gpe) => country_of_modifier(last.text),
        Kind::Word if is_capitalised(last.text) => {
            gazetteer::country_of_demonym(last.text).or_else(|| gazetteer::canonical_country(last.text))
        }
        _ => None,
    }
}

/// Country and organisation from the words before a title's core.
fn modifiers_cue(items: &[Item]) -> Cue {
    // Leading function words, determiners and "former" say nothing.
    let skip = items
        .iter()
        .take_while(|it| it.is_word() && (is_in(FUNCTION, &it.key()) || is_in(TEMPORAL, &it.key())))
        .count();
    let items = &items[skip..];
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Country(&'static str),
        Org,
        OrgWord,
        Poss,
        Other,
    }
    let mut classes = vec![Class::Other; items.len()];
    let mut i = 0;
    while i < items.len() {
        let it = &items[i];
        match it.kind {
            Kind::Ent(EntityLabel::Norp | EntityLabel::Gpe) => {
                classes[i] = country_of_modifier(it.text).map_or(Class::OrgWord, Class::Country);
            }
            Kind::Ent(EntityLabel::Org) => classes[i] = Class::Org,
            Kind::Poss => classes[i] = Class::Poss,
            Kind::Word if is_capitalised(it.text) => {
                // Longest run of capitalised words naming a country ("South Korean", "U.S.").
                let mut matched = 0;
                for len in (1..=3).rev() {
                    if i + len > items.len() || !items[i..i + len].iter().all(|w| w.is_word() && is_capitalised(w.text))
                    {
                        continue;
                    }
                    let phrase: Vec<&str> = items[i..i + len].iter().map(|w| w.text).collect();
                    let phrase = phrase.join(" ");
                    if let Some(c) =
                        gazetteer::country_of_demonym(&phrase).or_else(|| gazetteer::canonical_country(&phrase))
                    {
                        for class in &mut classes[i..i + len] {
                            *class = Class::Country(c);
                        }
                        matched = len;
                        break;
                    }
                }
                if matched > 0 {
                    i += matched;
                    continue;
                }
                classes[i] = Class::OrgWord;
            }
            Kind::Word if is_title_word(&it.key()) => classes[i] = Class::OrgWord,
            _ => {}
        }
        i += 1;
    }

    let mut cue = Cue::default();
    // Organisation words right before the core ("Defense Ministry" spokesperson), named with
    // the country word they are attached to ("Chinese Defense Ministry").
    // The run may hold country words and "of" ("Communist Party of Vietnam Central Committee").
    let ends_in_org_noun = items
        .last()
        .is_some_and(|it| it.is_word() && classes[items.len() - 1] == Class::OrgWord && is_in(ORG_NOUNS, &it.key()));
    let mut run = items.len();
    while ends_in_org_noun
        && run > 0
        && (matches!(classes[run - 1], Class::OrgWord | Class::Country(_))
            || items[run - 1].is_word_in(&["of", "and", "&"]))
    {
        run -= 1;
    }
    while run < items.len() && items[run].is_word_in(&["of", "and", "&"]) {
        run += 1;
    }
    if ends_in_org_noun && run < items.len() {
        cue.organization = Some(join_items(&items[run..], false));
    } else if let Some(org) = (0..items.len()).rev().find(|&k| classes[k] == Class::Org) {
        cue.organization = Some(items[org].text.trim().to_string());
    }
    cue.country = classes.iter().rev().find_map(|c| match c {
        Class::Country(c) => Some(*c),
        _ => None,
    });
    if cue.country.is_none() {
        cue.country = cue.organization.as_deref().and_then(country_inside);
    }
    cue
}

/// Reads a title core ("Minister of National Defense", "General Secretary of the Communist
/// Party of Vietnam Central Committee") into `cue`: role, and the country or organisation of
/// its "of" complement.
fn apply_title(cue: &mut Cue, items: &[Item]) {
    let mut items = items;
    while let Some(last) = items.last() {
        if last.kind == Kind::Poss || last.is_word_in(COMPLEMENT_FUNCTION) || last.kind == Kind::Punct {
            items = &items[..items.len() - 1];
        } else {
            break;
        }
    }
    if items.is_empty() {
        return;
    }
    let last_head = items.iter().rposition(|it| it.is_word() && is_head(&it.key())).unwrap_or(0);
    let first_of = (last_head..items.len()).find(|&k| items[k].is_word_in(&["of"]));
    let last_of = (last_head..items.len()).rev().find(|&k| items[k].is_word_in(&["of"]));
    let mut role_items = items;
    if let Some(of) = last_of {
        // "President of China", "Minister of Foreign Affairs of Vietnam": a complement that is
        // just a country gives the country and is left out of the role.
        let body: Vec<&Item> = items[of + 1..].iter().filter(|it| !it.is_word_in(&["the"])).collect();
        let phrase: Vec<&str> = body.iter().map(|it| it.text).collect();
        let bare = !body.is_empty()
            && body.iter().all(|it| it.is_ent(EntityLabel::Gpe) || (it.is_word() && is_capitalised(it.text)));
        if let Some(country) = bare.then(|| gazetteer::canonical_country(&phrase.join(" "))).flatten() {
            cue.country = cue.country.or(Some(country));
            role_items = &items[..of];
            // "Foreign Minister of the Sultanate of Oman": the state's formal name goes too.
            if let Some(first) = first_of.filter(|&f| f < of) {
                let formal = items[first + 1..of].iter().all(|it| {
                    it.is_word_in(&["the", "of", "and"])
                        || STATE_FORMS.iter().any(|f| gazetteer::fold(it.text.trim_end_matches("'s")) == *f)
                });
                if formal {
                    role_items = &items[..first];
                }
            }
        }
    }
    if cue.organization.is_none() {
        cue.organization =
            items[last_head..].iter().find(|it| it.is_ent(EntityLabel::Org)).map(|it| it.text.trim().to_string());
    }
    if cue.country.is_none() {
        // Only an "of" complement says whose the office is ("Ambassador to China" does not).
        if let Some(of) = first_of {
            cue.country = items[of + 1..].iter().find_map(|it| match it.kind {
                Kind::Ent(EntityLabel::Gpe | EntityLabel::Norp) => country_of_modifier(it.text),
                _ => None,
            });
        }
    }
    if cue.country.is_none() {
        if let Some(org) = cue.organization.as_deref() {
            cue.country = country_inside(org);
        }
    }
    let role = join_items(role_items, true);
    if role.chars().any(char::is_alphabetic) {
        cue.role = Some(role);
    }
}

/// The cue of the words after a name: "of Vietnam", or an apposition ", vice chairman of the
/// Central Military Commission,".
fn right_cue(items: &[Item]) -> Cue {
    let mut cue = Cue::default();
    let Some(first) = items.first() else { return cue };
    if first.kind == Kind::Poss {
        return cue;
    }
    if first.is_word_in(&["of"]) {
        let rest: Vec<&Item> = items[1..].iter().skip_while(|it| it.is_word_in(&["the"])).collect();
        if let Some(it) = rest.first() {
            if it.is_ent(EntityLabel::Gpe) || (it.is_word() && is_capitalised(it.text)) {
                cue.country = gazetteer::canonical_country(it.text);
            }
        }
        return cue;
    }
    if !(first.kind == Kind::Punct && (first.text == "," || first.text == "(")) {
        return cue;
    }
    // ", [a|the] [former] [Chinese|Vietnam's] <title words with a head> [complement]"
    let mut k = 1;
    while k < items.len()
        && items[k].is_word()
        && (is_in(DETERMINERS, &items[k].key()) || items[k].key() == "the" || is_in(TEMPORAL, &items[k].key()))
    {
        k += 1;
    }
    let mods_start = k;
    while let Some(it) = items.get(k) {
        let next_is_poss = items.get(k + 1).is_some_and(|n| n.kind == Kind::Poss);
        match it.kind {
            Kind::Ent(EntityLabel::Norp) => k += 1,
            Kind::Ent(EntityLabel::Gpe | EntityLabel::Org) if next_is_poss => k += 2,
            Kind::Ent(EntityLabel::Org) => k += 1,
            Kind::Word if matches!(it.key().as_str(), "country" | "nation") && next_is_poss => k += 2,
            Kind::Word
                if is_capitalised(it.text)
                    && !is_title_word(&it.key())
                    && (gazetteer::country_of_demonym(it.text).is_some()
                        || gazetteer::canonical_country(it.text).is_some()) =>
            {
                k += 1 + usize::from(next_is_poss)
            }
            _ => break,
        }
    }
    let mods = &items[mods_start..k];
    let core_start = k;
    while k < items.len() && items[k].is_word() && is_title_word(&items[k].key()) {
        k += 1;
    }
    let core = &items[core_start..k];
    if !core.iter().any(|it| is_head(&it.key())) {
        return cue;
    }
    // Complement: to the end of the clause.
    while let Some(it) = items.get(k) {
        let ok = match it.kind {
            Kind::Ent(EntityLabel::Person | EntityLabel::Date) | Kind::Punct => it.text == "&",
            Kind::Ent(_) | Kind::Poss => true,
            Kind::Word => {
                let key = it.key();
                if matches!(key.as_str(), "who" | "which" | "that" | "whose" | "whom") {
                    false
                } else {
                    is_in(COMPLEMENT_FUNCTION, &key) || is_title_word(&key) || is_capitalised(it.text)
                }
            }
        };
        if !ok {
            break;
        }
        k += 1;
    }
    let mut mod_cue = modifiers_cue(mods);
    if core.iter().any(|it| is_counterpart(&it.key())) {
        mod_cue.counterpart = true;
        return mod_cue;
    }
    apply_title(&mut mod_cue, &items[core_start..k]);
    mod_cue
}

/// Text of `items`: entities verbatim, words re-cased as a title when `title_case`.
fn join_items(items: &[Item], title_case: bool) -> String {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if it.kind != Kind::Poss && !out.is_empty() {
            out.push(' ');
        }
        match it.kind {
            Kind::Word if title_case => out.push_str(&title_word(it.text, i == 0)),
            Kind::Poss => out.push_str(it.text),
            _ => out.push_str(it.text.trim()),
        }
    }
    out
}

/// Title-cases role words: "vice chairman of the" -> "Vice Chairman of the".
fn normalise_words(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&title_word(w, i == 0));
    }
    out
}

fn title_word(word: &str, first: bool) -> String {
    let key = vocab_key(word);
    let word = ["then-", "ex-", "Then-", "Ex-"]
        .iter()
        .find_map(|p| word.strip_prefix(p).filter(|r| !r.is_empty()))
        .unwrap_or(word);
    if !first && is_in(COMPLEMENT_FUNCTION, &key) {
        return word.to_lowercase();
    }
    // Acronyms and mixed case ("TV", "ASEAN", "McDonald") stay as written.
    if word.chars().skip(1).any(|c| c.is_uppercase()) || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    word.split('-')
        .map(|part| {
            let mut cs = part.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ship_named_like_a_person_is_a_ship() {
        let text = "The USS Ronald Reagan arrived in Da Nang. The arrival of the Reagan was hyped. Reagan met no one.";
        let person = |name: &str| Person {
            name: name.into(),
            mentions: vec![],
            role: None,
            country: None,
            organization: None,
            vessel: false,
        };
        assert!(names_a_vessel(text, &person("Reagan")));
        assert!(names_a_vessel(text, &person("Ronald Reagan")));
        assert!(!names_a_vessel(text, &person("Nancy Pelosi")));
        assert!(!names_a_vessel("Ronald Reagan met Mikhail Gorbachev in Reykjavik.", &person("Ronald Reagan")));
        let exercise = "delegations had a planning conference for the Exercise Aman Youyi-2023 in Guangzhou.";
        assert!(names_a_vessel(exercise, &person("Aman Youyi")));
        assert!(!names_a_vessel("Aman Youyi-Smith met the delegation.", &person("Aman Youyi")));
    }
    use crate::doc::Entity;
    use crate::segment::{RuleSegmenter, Segmenter};

    /// A document from marked-up text: "[Dong Jun|PERSON] met ..." marks an entity; sentences
    /// come from the rule segmenter.
    fn doc(marked: &str) -> Document {
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
            let label = EntityLabel::parse(label).expect("label");
            entities.push(Entity { span: ByteSpan::new(start, text.len()), label, score: 1.0 });
            rest = &after[close + 1..];
        }
        text.push_str(rest);
        let mut d = Document::from_text("test", text);
        d.entities = entities;
        RuleSegmenter.annotate(&mut d);
        d
    }

    fn find<'p>(people: &'p [Person], name: &str) -> &'p Person {
        people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no {name} in {people:#?}"))
    }

    fn check(p: &Person, role: Option<&str>, country: Option<&str>, org: Option<&str>) {
        assert_eq!(p.role.as_deref(), role, "role of {}", p.name);
        assert_eq!(p.country.as_deref(), country, "country of {}", p.name);
        assert_eq!(p.organization.as_deref(), org, "organization of {}", p.name);
    }

    #[test]
    fn spelling_variants_and_handles_name_one_person() {
        let d = doc("[Volodymyr Zelenskyy|PERSON] spoke with [Donald Trump|PERSON]. [Zelensky|PERSON] said the call \
             went well. [Zelenskiy|PERSON] thanked him. — [@ZelenskyyUa|PERSON] and [@realDonaldTrump|PERSON] posted. \
             [Martin|PERSON] met [Marten|PERSON].");
        let people = resolve_people(&d);
        let zelenskyy = find(&people, "Volodymyr Zelenskyy");
        assert_eq!(zelenskyy.mentions.len(), 4, "{people:#?}");
        assert_eq!(find(&people, "Donald Trump").mentions.len(), 2, "{people:#?}");
        // Short names one letter apart stay two people.
        assert_eq!(people.len(), 4, "{people:#?}");
    }

    #[test]
    fn a_title_set_off_by_a_comma_before_the_name() {
        let d = doc("[Kenya|GPE]'s Cabinet Secretary for [Defence|ORG], Dr [Monica Juma|PERSON], and \
             Minister of Foreign Affairs, Professor [David Francis|PERSON], signed. In [Nairobi|GPE], [Ruto|PERSON] spoke.");
        let people = resolve_people(&d);
        assert_eq!(find(&people, "Monica Juma").role.as_deref(), Some("Cabinet Secretary for Defence"), "{people:#?}");
        assert_eq!(find(&people, "David Francis").role.as_deref(), Some("Minister of Foreign Affairs"), "{people:#?}");
        assert_eq!(find(&people, "Ruto").role, None, "{people:#?}");
    }

    #[test]
    fn honorific_and_office_abbreviations_name_no_one() {
        assert!(!is_name("HH"));
        assert!(!is_name("MoFA"));
        assert!(!is_name("MoD"));
        assert!(is_name("McCain"));
        assert!(is_name("HH Sheikh Mohamed"));
        assert!(is_name("DeSantis"));
    }

    #[test]
    fn a_surname_with_a_title_is_the_person_of_that_title() {
        let d = doc("Prime Minister [Nawaz Sharif|PERSON] arrived. Chief Minister [Shahbaz Sharif|PERSON] came too. \
             Prime Minister [Sharif|PERSON] will visit [Hangzhou|GPE]. [Sharif|PERSON] spoke.");
        let people = resolve_people(&d);
        // With no title, the one named last: the prime minister again.
        assert_eq!(find(&people, "Nawaz Sharif").mentions.len(), 3, "{people:#?}");
        assert_eq!(find(&people, "Shahbaz Sharif").mentions.len(), 1, "{people:#?}");
    }

    #[test]
    fn a_title_tagged_as_a_nationality_is_still_a_title() {
        let d = doc("[Qatar|GPE] [Emir|NORP] Sheikh [Tamim bin Hamad|PERSON] spoke. [Iranian|NORP] envoy [Ali Reza|PERSON] listened.");
        let people = resolve_people(&d);
        assert_eq!(find(&people, "Tamim bin Hamad").role.as_deref(), Some("Emir"), "{people:#?}");
        // A real nationality stays one.
        assert_eq!(find(&people, "Ali Reza").country.as_deref(), Some("Iran"), "{people:#?}");
    }

    #[test]
    fn a_name_without_its_arabic_article_is_the_same_person() {
        let d = doc("Sheikh [Muhammad bin Abdul Rahman al-Thani|PERSON] arrived in [Iraq|GPE]. [Thani|PERSON] met \
             [Mustafa al-Kadhimi|PERSON]. [Kadhimi|PERSON] thanked him.");
        let people = resolve_people(&d);
        assert_eq!(find(&people, "Muhammad bin Abdul Rahman al-Thani").mentions.len(), 2, "{people:#?}");
        assert_eq!(find(&people, "Mustafa al-Kadhimi").mentions.len(), 2, "{people:#?}");
        assert_eq!(people.len(), 2, "{people:#?}");
    }

    #[test]
    fn demonym_title_and_counterpart() {
        let d = doc("[Chinese|NORP] Defense Minister [Dong Jun|PERSON] met with his [Vietnamese|NORP] \
             counterpart [Phan Van Giang|PERSON] in [Beijing|GPE] on [August 20, 2024|DATE]. \
             [Dong|PERSON] stated that efforts should be made. [Lam|PERSON] praised [Dong Jun|PERSON]'s visit.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 3, "{people:#?}");
        let dong = find(&people, "Dong Jun");
        check(dong, Some("Defense Minister"), Some("China"), None);
        assert_eq!(dong.mentions.len(), 3);
        let phan = find(&people, "Phan Van Giang");
        check(phan, Some("Defense Minister"), Some("Vietnam"), None);
        check(find(&people, "Lam"), None, None, None);
        // Sorted by first mention.
        assert_eq!(people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Dong Jun", "Phan Van Giang", "Lam"]);
    }

    #[test]
    fn possessive_country_and_rank() {
        for apostrophe in ["'", "\u{2019}"] {
            let d = doc(&format!(
                "[Vietnam|GPE]{apostrophe}s Defense Minister General [Phan Van Giang|PERSON] attended. \
                 [Phan|PERSON] told reporters."
            ));
            let people = resolve_people(&d);
            assert_eq!(people.len(), 1, "{people:#?}");
            check(&people[0], Some("Defense Minister"), Some("Vietnam"), None);
            assert_eq!(people[0].mentions.len(), 2);
        }
        // The rank is no role on its own either.
        let d = doc("Senior Lieutenant General [Hoang Xuan Chien|PERSON] arrived.");
        check(&resolve_people(&d)[0], None, None, None);
        // Untagged possessive country.
        let d = doc("Vietnam's Defense Minister [Phan Van Giang|PERSON] attended.");
        check(&resolve_people(&d)[0], Some("Defense Minister"), Some("Vietnam"), None);
    }

    #[test]
    fn of_phrase_title_with_organization() {
        let d = doc(" General Secretary of the [Communist Party of Vietnam|ORG] Central Committee [To Lam|PERSON] \
             met with [Chinese|NORP] Defense Minister [Dong Jun|PERSON] in [Hanoi|GPE] on [Thursday|DATE]. \
             [Lam|PERSON] said that [Vietnam|GPE] and [China|GPE] are socialist neighbors.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 2, "{people:#?}");
        let lam = find(&people, "To Lam");
        check(
            lam,
            Some("General Secretary of the Communist Party of Vietnam Central Committee"),
            Some("Vietnam"),
            Some("Communist Party of Vietnam"),
        );
        assert_eq!(lam.mentions.len(), 2);
        check(find(&people, "Dong Jun"), Some("Defense Minister"), Some("China"), None);
    }

    #[test]
    fn apposition_after_the_name() {
        let d = doc("From [October 24 to 26|DATE], [Zhang Youxia|PERSON], vice chairman of the \
             [Central Military Commission|ORG], visited [Vietnam|GPE] at the invitation of the \
             [Vietnamese|NORP] side, where he held talks with [Vietnamese|NORP] Defense Minister \
             [Phan Van Giang|PERSON].");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 2);
        check(
            find(&people, "Zhang Youxia"),
            Some("Vice Chairman of the Central Military Commission"),
            None,
            Some("Central Military Commission"),
        );
        check(find(&people, "Phan Van Giang"), Some("Defense Minister"), Some("Vietnam"), None);
    }

    #[test]
    fn apposition_with_nationality_and_coordination() {
        let d = doc("[Song Zhongping|PERSON], a [Chinese|NORP] military expert and TV commentator, told the \
             [Global Times|ORG] on [Tuesday|DATE] that it was so. [Song|PERSON] said more.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1);
        check(&people[0], Some("Military Expert and TV Commentator"), Some("China"), None);
        assert_eq!(people[0].mentions.len(), 2);

        let d = doc("[Ding Duo|PERSON], a deputy director of the [Institute of Maritime Law and Policy|ORG] \
             at the [China Institute for South China Sea Studies|ORG], told the [Global Times|ORG] so.");
        let p = &resolve_people(&d)[0];
        assert_eq!(
            p.role.as_deref(),
            Some("Deputy Director of the Institute of Maritime Law and Policy at the China Institute for South China Sea Studies")
        );
        assert_eq!(p.organization.as_deref(), Some("Institute of Maritime Law and Policy"));
    }

    #[test]
    fn relative_clause_is_no_apposition() {
        let d = doc("[Chinese|NORP] Defense Minister [Li Shangfu|PERSON] said on [Tuesday|DATE] when meeting \
             his [Vietnamese|NORP] counterpart [Phan Van Giang|PERSON], who agreed to push bilateral military \
             ties to a new level.");
        let people = resolve_people(&d);
        check(find(&people, "Li Shangfu"), Some("Defense Minister"), Some("China"), None);
        check(find(&people, "Phan Van Giang"), Some("Defense Minister"), Some("Vietnam"), None);
        // And a clause after a comma that is no title.
        let d = doc("Foreign Minister [Bui Thanh Son|PERSON], bilateral relations are at their best.");
        check(&resolve_people(&d)[0], Some("Foreign Minister"), None, None);
    }

    #[test]
    fn kazakh_president() {
        let d = doc("[Kazakh|NORP] President [Kassym-Jomart Tokayev|PERSON] received the delegation in \
             [Astana|GPE]. [Tokayev|PERSON] said the talks went well.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1);
        check(&people[0], Some("President"), Some("Kazakhstan"), None);
        assert_eq!(people[0].name, "Kassym-Jomart Tokayev");
        assert_eq!(people[0].mentions.len(), 2);
        // Untagged demonym.
        let d = doc("Kazakh President [Kassym-Jomart Tokayev|PERSON] spoke.");
        check(&resolve_people(&d)[0], Some("President"), Some("Kazakhstan"), None);
    }

    #[test]
    fn honorific_is_no_role() {
        let d = doc("Before that, Mr. [To Lam|PERSON] visited [Laos|GPE] and [Cambodia|GPE].");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1);
        check(&people[0], None, None, None);
        assert_eq!(people[0].name, "To Lam");

        let d = doc("General Secretary [To Lam|PERSON] of [Vietnam|GPE] visited [China|GPE] from \
             [August 18 to 20|DATE]. Before then, Mr. [To Lam|PERSON] visited [Laos|GPE].");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1);
        check(&people[0], Some("General Secretary"), Some("Vietnam"), None);
        assert_eq!(people[0].mentions.len(), 2);
    }

    #[test]
    fn gulf_honorifics_and_pronouns() {
        let d = doc("[His|PERSON] Highness the [Amir Sheikh Tamim bin Hamad Al Thani|PERSON] received \
             Foreign Minister of the [Sultanate|GPE] of [Oman Sayyid Badr bin Hamad Al Busaidi|PERSON]. \
             [HE Saad Sherida Al Kaabi|PERSON] and [Al Busaidi|PERSON] met [Crown Prince|PERSON] \
             [Mohammed bin Salman|PERSON]. The [Amir|PERSON] spoke.");
        let people = resolve_people(&d);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Tamim bin Hamad Al Thani", "Badr bin Hamad Al Busaidi", "Saad Sherida Al Kaabi", "Mohammed bin Salman"]
        );
        assert_eq!(find(&people, "Tamim bin Hamad Al Thani").role.as_deref(), Some("Amir"));
        assert_eq!(find(&people, "Badr bin Hamad Al Busaidi").mentions.len(), 2);
        // Given names that look like titles or ranks stay names.
        let d =
            doc("[Amir Peretz|PERSON] met [Gen Nakatani|PERSON] and [Gen. Li Wei|PERSON]. [He Lifeng|PERSON] came. \
             [Sheikh Hasina|PERSON] met [Datuk Seri Anwar Ibrahim|PERSON].");
        let names: Vec<String> = resolve_people(&d).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Amir Peretz", "Gen Nakatani", "Li Wei", "He Lifeng", "Sheikh Hasina", "Anwar Ibrahim"]);
        assert!(is_name("Ann Lee") && !is_name("His") && !is_name("Crown Prince") && !is_name("Amir"));
        // A country swallowed into the span ends the title before it.
        let d = doc("He met President of [Kazakhstan Kassym-Jomart Tokayev|PERSON] and Foreign Minister of the \
             [Sultanate|GPE] of [Oman Sayyid Badr Al Busaidi|PERSON].");
        let people = resolve_people(&d);
        check(find(&people, "Kassym-Jomart Tokayev"), Some("President"), Some("Kazakhstan"), None);
        check(find(&people, "Badr Al Busaidi"), Some("Foreign Minister"), Some("Oman"), None);
    }

    #[test]
    fn counterpart_borrows_role_from_previous_sentence() {
        let d = doc("[Chinese|NORP] Foreign Minister [Qin Gang|PERSON] spoke first. His [Vietnamese|NORP] \
             counterpart [Bui Thanh Son|PERSON], who accompanied the prime minister, replied.");
        let people = resolve_people(&d);
        check(find(&people, "Qin Gang"), Some("Foreign Minister"), Some("China"), None);
        check(find(&people, "Bui Thanh Son"), Some("Foreign Minister"), Some("Vietnam"), None);

        // Two sentences back is too far: only the country is known.
        let d = doc("[Chinese|NORP] Foreign Minister [Qin Gang|PERSON] spoke first. Talks went on. His \
             [Vietnamese|NORP] counterpart [Bui Thanh Son|PERSON] replied.");
        let people = resolve_people(&d);
        check(find(&people, "Bui Thanh Son"), None, Some("Vietnam"), None);

        // The nearest person with a role wins, skipping one without.
        let d = doc("[Vietnamese|NORP] Defense Minister General [Phan Van Giang|PERSON] and aide [Tran|PERSON] \
             met his [Chinese|NORP] counterpart [Dong Jun|PERSON].");
        let people = resolve_people(&d);
        check(find(&people, "Dong Jun"), Some("Defense Minister"), Some("China"), None);
    }

    #[test]
    fn org_based_role() {
        let d = doc("[Chinese Defense Ministry|ORG] spokesperson [Zhang Xiaogang|PERSON] said on [Thursday|DATE].");
        check(&resolve_people(&d)[0], Some("Spokesperson"), Some("China"), Some("Chinese Defense Ministry"));
        // The same without an ORG entity.
        let d = doc("[Chinese|NORP] Defense Ministry spokesperson [Zhang Xiaogang|PERSON] said so.");
        check(&resolve_people(&d)[0], Some("Spokesperson"), Some("China"), Some("Chinese Defense Ministry"));
        // A possessive country stays out of the organisation.
        let d = doc("[Vietnam|GPE]'s Foreign Ministry spokeswoman [Pham Thu Hang|PERSON] said so.");
        check(&resolve_people(&d)[0], Some("Spokeswoman"), Some("Vietnam"), Some("Foreign Ministry"));
    }

    #[test]
    fn org_before_title() {
        let d = doc("[Vietnam Communist Party Central Committee|ORG] Secretary General [To Lam|PERSON] met guests.");
        check(
            &resolve_people(&d)[0],
            Some("Secretary General"),
            Some("Vietnam"),
            Some("Vietnam Communist Party Central Committee"),
        );
        let d = doc("[Vietnam|GPE] Communist Party Central Committee Secretary General [To Lam|PERSON] met guests.");
        check(
            &resolve_people(&d)[0],
            Some("Secretary General"),
            Some("Vietnam"),
            Some("Vietnam Communist Party Central Committee"),
        );
    }

    #[test]
    fn lowercase_titles_and_temporal_words() {
        let d = doc("Following the visits to [China|GPE] of [Vietnam|GPE]'s communist party chief \
             [Nguyen Phu Trong|PERSON] and others, [Vietnamese|NORP] Prime Minister [Pham Minh Chinh|PERSON] arrived.");
        let people = resolve_people(&d);
        check(find(&people, "Nguyen Phu Trong"), Some("Communist Party Chief"), Some("Vietnam"), None);
        check(find(&people, "Pham Minh Chinh"), Some("Prime Minister"), Some("Vietnam"), None);

        let d = doc("After the passing of the late General Secretary [Nguyen Phu Trong|PERSON], questions arose.");
        check(&resolve_people(&d)[0], Some("General Secretary"), None, None);

        let d = doc("He met former [U.S.|GPE] President [Barack Obama|PERSON] there.");
        check(&resolve_people(&d)[0], Some("President"), Some("United States"), None);
    }

    #[test]
    fn country_complement_leaves_the_role() {
        let d = doc("The visit by General Secretary and President of [China|GPE] [Xi Jinping|PERSON] ended.");
        check(&resolve_people(&d)[0], Some("General Secretary and President"), Some("China"), None);
        let d = doc("On [August 20|DATE], [China|GPE]'s Minister of National Defense [Dong Jun|PERSON] met him.");
        check(&resolve_people(&d)[0], Some("Minister of National Defense"), Some("China"), None);
        // "to" names the host, not the envoy's country.
        let d = doc("[U.S.|GPE] Ambassador to [China|GPE] [Nicholas Burns|PERSON] spoke.");
        check(&resolve_people(&d)[0], Some("Ambassador to China"), Some("United States"), None);
        let d = doc("Ambassador to [China|GPE] [Nicholas Burns|PERSON] spoke.");
        check(&resolve_people(&d)[0], Some("Ambassador to China"), None, None);
    }

    #[test]
    fn longest_role_is_kept() {
        let d = doc("[Chinese|NORP] Defense Minister [Dong Jun|PERSON] arrived. On [August 20|DATE], \
             [China|GPE]'s Minister of National Defense [Dong Jun|PERSON] met him. [Dong|PERSON] spoke.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1);
        check(&people[0], Some("Minister of National Defense"), Some("China"), None);
        assert_eq!(people[0].mentions.len(), 3);
    }

    #[test]
    fn diacritics_do_not_split_a_person() {
        let d = doc("[Vietnamese|NORP] Prime Minister [Phạm Minh Chính|PERSON] arrived. [Pham Minh Chinh|PERSON] \
             then left, and [CHÍNH|PERSON] said so. [Chinh|PERSON] smiled.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1, "{people:#?}");
        assert_eq!(people[0].name, "Phạm Minh Chính");
        assert_eq!(people[0].mentions.len(), 4);
        check(&people[0], Some("Prime Minister"), Some("Vietnam"), None);
    }

    #[test]
    fn shared_surname_goes_to_the_most_recent() {
        let d = doc("[Chinese|NORP] Defense Minister [Li Shangfu|PERSON] spoke. Premier [Li Qiang|PERSON] \
             arrived later. [Li|PERSON] said the economy was strong. Then [Li Shangfu|PERSON] replied. \
             [Li|PERSON] added that the army was ready.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 2, "{people:#?}");
        let shangfu = find(&people, "Li Shangfu");
        let qiang = find(&people, "Li Qiang");
        let li: Vec<ByteSpan> = d.entities.iter().filter(|e| d.span_text(e.span) == "Li").map(|e| e.span).collect();
        assert!(qiang.mentions.contains(&li[0]));
        assert!(shangfu.mentions.contains(&li[1]));
        check(shangfu, Some("Defense Minister"), Some("China"), None);
        check(qiang, Some("Premier"), None, None);
    }

    #[test]
    fn shared_given_name_and_single_names() {
        let d = doc("[Dong Jun|PERSON] met [Li Jun|PERSON]. [Jun|PERSON] spoke. [Biden|PERSON] called. \
             President [Biden|PERSON] spoke again.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 3, "{people:#?}");
        assert_eq!(find(&people, "Li Jun").mentions.len(), 2);
        assert_eq!(find(&people, "Dong Jun").mentions.len(), 1);
        let biden = find(&people, "Biden");
        assert_eq!(biden.mentions.len(), 2);
        assert_eq!(biden.role.as_deref(), Some("President"));
    }

    #[test]
    fn short_name_before_full_name_and_subsequences() {
        let d = doc("[Lam|PERSON] spoke first. Later General Secretary [To Lam|PERSON] closed the meeting. \
             [Antony Blinken|PERSON] met [Antony J. Blinken|PERSON].");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 2, "{people:#?}");
        assert_eq!(find(&people, "To Lam").mentions.len(), 2);
        assert_eq!(find(&people, "Antony J. Blinken").mentions.len(), 2);
    }

    #[test]
    fn titles_and_possessives_inside_the_span() {
        let d = doc("[President Xi Jinping|PERSON] visited. [Mr. To Lam|PERSON] met [Xi|PERSON]. \
             [Dong Jun's|PERSON] trip and [Dong Jun\u{2019}s|PERSON] plane. [General Phan Van Giang|PERSON] came. [defense minister Li Shangfu|PERSON] left.");
        let people = resolve_people(&d);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Xi Jinping", "To Lam", "Dong Jun", "Phan Van Giang", "Li Shangfu"]);
        check(find(&people, "Li Shangfu"), Some("Defense Minister"), None, None);
        check(find(&people, "Xi Jinping"), Some("President"), None, None);
        assert_eq!(find(&people, "Xi Jinping").mentions.len(), 2);
        check(find(&people, "To Lam"), None, None, None);
        assert_eq!(find(&people, "Dong Jun").mentions.len(), 2);
        check(find(&people, "Phan Van Giang"), None, None, None);
    }

    #[test]
    fn long_apposition_with_organizations() {
        let d = doc("[Zhuo Hua|PERSON], an international affairs expert at the [School of International Relations \
             and Diplomacy|ORG] of [Beijing Foreign Studies University|ORG], told the [Global Times|ORG] on \
             [Tuesday|DATE] that it was wishful thinking. [Zhuo|PERSON] pointed out more.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1);
        check(
            &people[0],
            Some("International Affairs Expert at the School of International Relations and Diplomacy of Beijing Foreign Studies University"),
            None,
            Some("School of International Relations and Diplomacy"),
        );
        assert_eq!(people[0].mentions.len(), 2);
    }

    #[test]
    fn clause_openers_are_not_titles() {
        let d = doc("Yesterday President [Biden|PERSON] spoke. Meanwhile [Vietnamese|NORP] Foreign Minister \
             [Bui Thanh Son|PERSON] met with [Chinese|NORP] Defense Minister [Dong Jun|PERSON] in [Hanoi|GPE].");
        let people = resolve_people(&d);
        check(find(&people, "Biden"), Some("President"), None, None);
        check(find(&people, "Bui Thanh Son"), Some("Foreign Minister"), Some("Vietnam"), None);
        check(find(&people, "Dong Jun"), Some("Defense Minister"), Some("China"), None);
    }

    #[test]
    fn lowercase_noun_before_a_preposition_is_no_title() {
        let d = doc("And we delivered justice to [bin Laden|PERSON].");
        check(&resolve_people(&d)[0], None, None, None);
        // The tagger left "To" out of "To Lam": the title still counts.
        let d = doc("General Secretary To [Lam|PERSON] visited [China|GPE].");
        check(&resolve_people(&d)[0], Some("General Secretary"), None, None);
        let d = doc("It was sent by the minister of [Dong|PERSON].");
        check(&resolve_people(&d)[0], None, None, None);
    }

    #[test]
    fn country_without_title() {
        let d = doc("[Vietnam|GPE]'s [To Lam|PERSON] and [Chinese|NORP] [Xi Jinping|PERSON] met.");
        let people = resolve_people(&d);
        check(find(&people, "To Lam"), None, Some("Vietnam"), None);
        check(find(&people, "Xi Jinping"), None, Some("China"), None);
    }

    #[test]
    fn seed_paragraphs() {
        let d = doc("[Vietnam Communist Party Central Committee|ORG] Secretary General [To Lam|PERSON] met with \
             [Chinese|NORP] Defense Minister [Dong Jun|PERSON] in [Hanoi|GPE] on [Thursday|DATE]. According to \
             the [Xinhua News Agency|ORG], [Dong|PERSON] and his accompanying delegation attended a grand meeting.\n\
             On [April 11-12, 2024|DATE], the eighth [Vietnam-China Border Defense Friendship Exchange|ORG] was \
             held under the co-chairmanship of [Vietnamese|NORP] Defense Minister General [Phan Van Giang|PERSON] \
             and his [Chinese|NORP] counterpart [Dong Jun|PERSON].\n\
             Phan told [Li|PERSON] that the [Vietnamese|NORP] military is willing. [Phan|PERSON] agreed.");
        let people = resolve_people(&d);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["To Lam", "Dong Jun", "Phan Van Giang", "Li"]);
        check(
            find(&people, "To Lam"),
            Some("Secretary General"),
            Some("Vietnam"),
            Some("Vietnam Communist Party Central Committee"),
        );
        check(find(&people, "Dong Jun"), Some("Defense Minister"), Some("China"), None);
        assert_eq!(find(&people, "Dong Jun").mentions.len(), 3);
        check(find(&people, "Phan Van Giang"), Some("Defense Minister"), Some("Vietnam"), None);
        assert_eq!(find(&people, "Phan Van Giang").mentions.len(), 2);
    }

    #[test]
    fn person_at_finds_exact_and_overlapping_mentions() {
        let d =
            doc("[Chinese|NORP] Defense Minister [Dong Jun|PERSON] met [Phan Van Giang|PERSON]. [Dong|PERSON] spoke.");
        let people = resolve_people(&d);
        let spans: Vec<ByteSpan> =
            d.entities.iter().filter(|e| e.label == EntityLabel::Person).map(|e| e.span).collect();
        assert_eq!(person_at(&people, spans[0]), Some(0));
        assert_eq!(person_at(&people, spans[1]), Some(1));
        assert_eq!(person_at(&people, spans[2]), Some(0));
        // "Dong Jun's" covering the mention, or a part of it.
        assert_eq!(person_at(&people, ByteSpan::new(spans[0].start, spans[0].end + 2)), Some(0));
        assert_eq!(person_at(&people, ByteSpan::new(spans[1].start + 5, spans[1].end)), Some(1));
        assert_eq!(person_at(&people, ByteSpan::new(0, 7)), None);
        assert_eq!(person_at(&[], spans[0]), None);
    }

    #[test]
    fn empty_and_broken_documents() {
        assert!(resolve_people(&Document::default()).is_empty());
        assert!(resolve_people(&Document::failed("x", "x", "unreadable")).is_empty());
        let d = doc("No people here, only [Hanoi|GPE].");
        assert!(resolve_people(&d).is_empty());

        // Spans out of range, off char boundaries, empty, reversed, overlapping, unsorted; no
        // sentences at all.
        let text = "Phạm Minh Chính met Dong Jun in Hà Nội.".to_string();
        let mut d = Document::from_text("x", text.clone());
        let e = |s: usize, t: usize, label| Entity { span: ByteSpan { start: s, end: t }, label, score: 1.0 };
        let dong = text.find("Dong Jun").unwrap();
        d.entities = vec![
            e(dong, dong + 8, EntityLabel::Person),
            e(0, 2, EntityLabel::Person),  // inside "ạ"
            e(0, 19, EntityLabel::Person), // the whole name
            e(3, 10, EntityLabel::Person), // overlaps the previous
            e(30, 5, EntityLabel::Person), // reversed
            e(35, 500, EntityLabel::Gpe),  // out of range
            e(7, 7, EntityLabel::Person),  // empty
        ];
        d.sentences = vec![ByteSpan { start: 10, end: 3 }, ByteSpan { start: 0, end: 9999 }];
        let people = resolve_people(&d);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Phạm Minh Chính", "Dong Jun"]);
    }

    #[test]
    fn a_quoted_nickname_joins_the_name_it_stands_in() {
        let d = doc(
            "President [Joko|PERSON] \"[Jokowi|PERSON]\" [Widodo|PERSON] met [Malcolm Turnbull|PERSON]. Later [Jokowi|PERSON] flew home.",
        );
        let people = resolve_people(&d);
        assert_eq!(people.len(), 2, "{people:#?}");
        let jokowi = find(&people, "Joko Widodo");
        assert_eq!(jokowi.mentions.len(), 2);
        assert_eq!(jokowi.mentions[0].slice(&d.text), "Joko \"Jokowi\" Widodo");
        assert_eq!(jokowi.role.as_deref(), Some("President"));

        // Curly quotes, the opening one inside the first span; "Tom Lembong" and "Tom" later.
        let d = doc("[Thomas \u{201c}|PERSON][Tom|PERSON]\u{201d} [Lembong|PERSON] said so. [Tom Lembong|PERSON] and [Tom|PERSON] left.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1, "{people:#?}");
        assert_eq!((people[0].name.as_str(), people[0].mentions.len()), ("Thomas Lembong", 3));

        // One span holding the nickname.
        let d = doc("[Ferdinand \"Bongbong\" Marcos Jr.|PERSON] spoke. [Bongbong|PERSON] smiled.");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1, "{people:#?}");
        assert_eq!((people[0].name.as_str(), people[0].mentions.len()), ("Ferdinand Marcos Jr.", 2));
    }

    #[test]
    fn quotes_between_two_people_join_nothing() {
        let d = doc(
            "[Modi|PERSON] told \"[Sharif|PERSON]\" [Xi|PERSON] nothing. [Biden|PERSON] \"Great\" said [Trump|PERSON].",
        );
        let names: Vec<String> = resolve_people(&d).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Modi", "Sharif", "Xi", "Biden", "Trump"]);
    }

    #[test]
    fn mentions_without_name_are_skipped() {
        let d = doc("He met [Mr.|PERSON] and ['s|PERSON] and [,|PERSON] and [His Majesty|PERSON] and [Lam|PERSON].");
        let people = resolve_people(&d);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Lam");
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        const PIECES: &[&str] = &[
            "Sheikh ",
            "HE ",
            "His ",
            "Amir ",
            "Gen ",
            "Oman ",
            "Sultanate of ",
            "Dong Jun",
            "Dong",
            "Phạm Minh Chính",
            "Pham",
            "Chinese",
            "Vietnam",
            "'s",
            "\u{2019}s",
            " ",
            " ",
            ", ",
            ". ",
            "\n",
            "Defense Minister",
            "General",
            "Secretary",
            "of the",
            "Mr.",
            "his",
            "counterpart",
            "vice chairman",
            "Communist Party",
            "who",
            "Hà Nội",
            "😀",
            "越南",
            "(",
            ")",
            "&",
            "-",
            "U.S.",
            "Li",
            "Lam",
            "To",
            "and",
            "President",
            "[1]",
            "’",
            "'",
            ".",
        ];

        fn arb_doc() -> impl Strategy<Value = Document> {
            (
                prop::collection::vec(prop::sample::select(PIECES), 0..60),
                prop::collection::vec((any::<prop::sample::Index>(), 0usize..40, 0usize..6), 0..25),
                prop::collection::vec((any::<prop::sample::Index>(), 0usize..200), 0..6),
            )
                .prop_map(|(pieces, ents, sents)| {
                    let text: String = pieces.concat();
                    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
                    let entities = ents
                        .into_iter()
                        .map(|(at, len, label)| {
                            let a = at.index(bounds.len());
                            let b = (a + len).min(bounds.len() - 1);
                            Entity {
                                span: ByteSpan { start: bounds[a], end: bounds[b] },
                                label: EntityLabel::ALL[label],
                                score: 0.5,
                            }
                        })
                        .collect();
                    let sentences = sents
                        .into_iter()
                        .map(|(at, len)| {
                            let a = at.index(bounds.len());
                            let b = (a + len).min(bounds.len() - 1);
                            ByteSpan { start: bounds[a], end: bounds[b] }
                        })
                        .collect();
                    let mut d = Document::from_text("p", text);
                    d.entities = entities;
                    d.sentences = sentences;
                    d
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn never_panics_and_mentions_are_consistent(d in arb_doc()) {
                let people = resolve_people(&d);
                let mut seen = std::collections::HashSet::new();
                for (i, p) in people.iter().enumerate() {
                    prop_assert!(!p.name.is_empty());
                    prop_assert!(!p.mentions.is_empty());
                    prop_assert!(p.mentions.windows(2).all(|w| w[0].start <= w[1].start));
                    for m in &p.mentions {
                        prop_assert!(seen.insert(*m), "mention in two people");
                        prop_assert_eq!(person_at(&people, *m), Some(i));
                        prop_assert!(d.entities.iter().any(|e| e.span == *m && e.label == EntityLabel::Person));
                    }
                    if let Some(c) = &p.country {
                        prop_assert!(gazetteer::canonical_country(c).is_some());
                    }
                }
                prop_assert!(people.windows(2).all(|w| w[0].mentions[0].start <= w[1].mentions[0].start));
            }

            #[test]
            fn segmented_docs_never_panic(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..80),
                                          marks in prop::collection::vec(0usize..6, 0..80)) {
                // Entities on word boundaries, as a tagger would put them.
                let mut text = String::new();
                let mut entities = Vec::new();
                for (piece, label) in pieces.iter().zip(marks.iter().chain(std::iter::repeat(&0))) {
                    let start = text.len();
                    text.push_str(piece);
                    if piece.chars().any(char::is_alphabetic) && *label < EntityLabel::ALL.len() && label % 2 == 0 {
                        entities.push(Entity { span: ByteSpan::new(start, text.len()), label: EntityLabel::ALL[*label], score: 1.0 });
                    }
                    text.push(' ');
                }
                let mut d = Document::from_text("p", text);
                d.entities = entities;
                RuleSegmenter.annotate(&mut d);
                let _ = resolve_people(&d);
            }
        }
    }
}
