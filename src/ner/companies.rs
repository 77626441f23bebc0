//! Companies the tagger took for people. Firm names it has not seen are often tagged PERSON
//! ("Swiss trainmaker [Stadler]", "oil company [Perenco]", "[Hanwha] [Aerospace]"), and then
//! a contract has no party and a meeting a participant that is a firm. A PERSON mention is an
//! organisation when
//!
//! - a common noun that introduces a company stands right before it, in lower case
//!   ("trainmaker", "oil company", "consortium": `data/ner/company_nouns.txt`; not just any
//!   "-maker": a lawmaker or a filmmaker is a person);
//! - its last word is the last word of a company name ("Hanwha Aerospace", "Sinowave Energy":
//!   `data/ner/company_suffixes.txt`), also when the tagger split that word off as a person
//!   of its own;
//! - it is a company that signs deals in international news ("Saab", "Embraer":
//!   `data/ner/known_companies.txt`);
//! - it repeats the name of a company found so, or the first word of one ("Hanwha" after
//!   "Hanwha Aerospace"), anywhere in the article.
//!
//! Company names the tagger left untagged are added too: a known company ("Norway's
//! Statoil"), or a short run of capitalised words ending in a word only companies end in
//! ("Egypt's Dolphinus Holdings", `data/ner/corporate_suffixes.txt`), taking in the mentions
//! the tagger made of its first words ("[Leviathan] Partners").
//!
//! Runs before [`super::names`], so that a firm's name never spreads as a person's.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::doc::{Document, Entity, EntityLabel};
use crate::text::ByteSpan;
use crate::wordlist::words;

static NOUNS: LazyLock<Vec<&str>> = words!("ner/company_nouns.txt");
static SUFFIXES: LazyLock<Vec<&str>> = words!("ner/company_suffixes.txt");
static KNOWN: LazyLock<Vec<&str>> = words!("ner/known_companies.txt");
static CORPORATE: LazyLock<Vec<&str>> = words!("ner/corporate_suffixes.txt");

/// A run of capitalised words (no possessive), and the word before it.
static CAPITALISED_RUN: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(\S*)(\s+)((?:\p{Lu}[\p{L}\p{N}&.\-]*)(?:[ ]\p{Lu}[\p{L}\p{N}&.\-]*)*)")
        .unwrap()
});

/// Words that open a sentence or a noun phrase, not a company's name.
const NOT_A_NAME_START: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "Its", "Our", "Their", "His", "Her",
    "Both", "All",
];

/// The most words a company name found this way may have, suffix included: a longer run is a
/// headline in title case ("Egypt Signs Gas Deal With Israeli Partners").
const MAX_NAME_WORDS: usize = 4;

/// Relabels the company names among the PERSON mentions of `doc` (entities sorted by span, as
/// the NER stage leaves them; they stay sorted and disjoint).
pub fn annotate(doc: &mut Document) {
    let text = doc.text.as_str();
    tag_untagged(text, &mut doc.entities);
    join_split_suffixes(text, &mut doc.entities);
    // Last words of people's full names: "Gautam Tata" makes a bare "Tata" the person.
    let surnames: BTreeSet<&str> = doc
        .entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .filter_map(|e| text.get(e.span.start..e.span.end))
        .filter(|n| n.contains(' '))
        .filter_map(|n| n.rsplit(' ').next())
        .collect();
    let known =
        |name: &str| KNOWN.iter().any(|k| k.eq_ignore_ascii_case(name)) && !surnames.contains(name);
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for e in doc
        .entities
        .iter_mut()
        .filter(|e| e.label == EntityLabel::Person)
    {
        let Some(name) = text.get(e.span.start..e.span.end) else {
            continue;
        };
        let suffixed = ends_in_suffix(name);
        if suffixed || after_company_noun(text, e.span.start) || known(name) {
            e.label = EntityLabel::Org;
            names.insert(name);
            // "Hanwha" after "Hanwha Aerospace"; not "Steve" after a firm read as "Steve Lane".
            if suffixed {
                names.insert(name.split(' ').next().unwrap_or(name));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for e in doc
        .entities
        .iter_mut()
        .filter(|e| e.label == EntityLabel::Person)
    {
        if text
            .get(e.span.start..e.span.end)
            .is_some_and(|name| names.contains(name) && !surnames.contains(name))
        {
            e.label = EntityLabel::Org;
        }
    }
}

/// Adds the companies the tagger left out: a known company's name standing alone, or a run of
/// two to [`MAX_NAME_WORDS`] capitalised words whose last is a corporate word. Mentions the
/// tagger made inside such a run (of a place, a nationality or an organisation, never of a
/// person or a date) become part of it; a run that overlaps a mention's edge is left alone.
fn tag_untagged(text: &str, entities: &mut Vec<Entity>) {
    let mut found: Vec<ByteSpan> = Vec::new();
    for c in CAPITALISED_RUN.captures_iter(text) {
        let run = c.get(3).expect("group 3 always takes part");
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut at = run.start();
        for w in run.as_str().split(' ') {
            words.push((at, w));
            at += w.len() + 1;
        }
        // A sentence's end inside the run ("in Cairo. Dolphinus Holdings will"): the name starts
        // after it (not after an initial or an acronym: "U.S.", "J.").
        let sentence_end = |w: &str| {
            let stem = w.trim_end_matches('.');
            w.ends_with('.')
                && stem.chars().count() > 1
                && !stem.contains('.')
                && !CORPORATE.contains(&w.to_lowercase().as_str())
        };
        if let Some(last_end) = words[..words.len() - 1]
            .iter()
            .rposition(|(_, w)| sentence_end(w))
        {
            words.drain(..=last_end);
        }
        // A run glued to a capitalised word before it ("Ltd-Tokyo"), or a headline.
        if words.len() > MAX_NAME_WORDS + 1 {
            continue;
        }
        while words
            .first()
            .is_some_and(|(_, w)| NOT_A_NAME_START.contains(w))
        {
            words.remove(0);
        }
        if words.len() > MAX_NAME_WORDS {
            continue;
        }
        let Some(&(first, _)) = words.first() else {
            continue;
        };
        let &(last_at, last) = words.last().expect("not empty");
        // "Inc." and "Ltd." keep their period; a sentence's period does not count otherwise.
        let last_word = if CORPORATE.contains(&last.to_lowercase().as_str()) {
            last
        } else {
            last.trim_end_matches(['.', '-'])
        };
        let end = last_at + last_word.len();
        let suffix = last_word.to_lowercase();
        // "Partners" and "Technologies" also close groups and initiatives ("ASEAN Dialogue
        // Partners", "Critical and Emerging Technologies"): only in a name of two words.
        let weak = matches!(suffix.as_str(), "partners" | "technologies");
        let corporate =
            words.len() >= 2 && (!weak || words.len() == 2) && CORPORATE.contains(&suffix.as_str());
        let name = &text[first..last_at + last_word.len()];
        // Not a known name that is also a place's ("the Suez crisis").
        let known = KNOWN.contains(&name) && crate::gazetteer::country_of_place(name).is_none();
        if !(corporate || known) {
            continue;
        }
        let span = ByteSpan::new(first, end);
        let inside = |e: &Entity| e.span.start < span.end && span.start < e.span.end;
        let absorbable = |e: &Entity| {
            e.span.start >= span.start
                && e.span.end <= span.end
                && matches!(
                    e.label,
                    EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Org | EntityLabel::Loc
                )
        };
        // A known name the tagger took for a person is the relabelling's to judge.
        if entities.iter().filter(|e| inside(e)).all(absorbable)
            && !(known && entities.iter().any(inside))
        {
            found.push(span);
        }
    }
    if found.is_empty() {
        return;
    }
    for span in found {
        let overlapping: Vec<&Entity> = entities
            .iter()
            .filter(|e| e.span.start < span.end && span.start < e.span.end)
            .collect();
        let score = overlapping.iter().map(|e| e.score).fold(1.0f32, f32::min);
        entities.retain(|e| !(e.span.start < span.end && span.start < e.span.end));
        entities.push(Entity {
            span,
            label: EntityLabel::Org,
            score,
        });
    }
    entities.sort_by_key(|e| (e.span.start, e.span.end));
}

/// "[Hanwha] [Aerospace]" (two PERSON mentions one space apart, the second a company's last
/// word) becomes one mention, and so does "[Hanwha] Aerospace" with the last word untagged.
fn join_split_suffixes(text: &str, entities: &mut Vec<Entity>) {
    for i in 0..entities.len() {
        let e = &entities[i];
        if e.label != EntityLabel::Person {
            continue;
        }
        let Some(rest) = text.get(e.span.end..).and_then(|r| r.strip_prefix(' ')) else {
            continue;
        };
        let word = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '.'))
            .next()
            .unwrap_or("");
        let word = word.trim_end_matches('.');
        let end = e.span.end + 1 + word.len();
        let free = entities.get(i + 1).is_none_or(|n| n.span.start >= end);
        // "Ali Energy Minister": the word begins a title, not a company's name.
        let title_follows = text.get(end..).is_some_and(|r| {
            r.strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        });
        if free && !title_follows && word.starts_with(char::is_uppercase) && is_suffix(word) {
            entities[i].span = ByteSpan::new(e.span.start, end);
        }
    }
    let mut i = 0;
    while i + 1 < entities.len() {
        let (a, b) = (&entities[i], &entities[i + 1]);
        let joined = a.label == EntityLabel::Person
            && b.label == EntityLabel::Person
            && text.get(a.span.end..b.span.start) == Some(" ")
            && text
                .get(b.span.start..b.span.end)
                .is_some_and(|w| !w.contains(' ') && is_suffix(w));
        if joined {
            let score = a.score.min(b.score);
            entities[i] = Entity {
                span: ByteSpan::new(a.span.start, b.span.end),
                label: EntityLabel::Person,
                score,
            };
            entities.remove(i + 1);
        }
        i += 1;
    }
}

fn is_suffix(word: &str) -> bool {
    let lower = word.to_lowercase();
    SUFFIXES.contains(&lower.as_str())
}

/// A name of two words or more whose last word ends company names.
fn ends_in_suffix(name: &str) -> bool {
    name.contains(' ') && name.rsplit(' ').next().is_some_and(is_suffix)
}

/// Whether the word right before `start` (one space before it) is a lower-case noun that
/// introduces a company.
fn after_company_noun(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start).and_then(|t| t.strip_suffix(' ')) else {
        return false;
    };
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    // "start-up", or the noun after a hyphenated modifier ("state-owned carrier" has none).
    let tail = word.rsplit('-').next().unwrap_or(word);
    [word, tail].iter().any(|w| {
        !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-') && NOUNS.contains(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    fn tagged(text: &str, persons: &[&str]) -> Document {
        let mentions: Vec<(&str, EntityLabel)> = persons.iter().map(|&p| (p, Person)).collect();
        Document::with_mentions_for_test(text, &mentions)
    }

    /// The mentions and labels after the stage, of `text` with `persons` tagged PERSON.
    fn relabelled(text: &str, persons: &[&str]) -> Vec<(String, EntityLabel)> {
        let mut d = tagged(text, persons);
        annotate(&mut d);
        d.entities
            .iter()
            .map(|e| (e.span.slice(&d.text).to_string(), e.label))
            .collect()
    }

    fn labelled(pairs: &[(&str, EntityLabel)]) -> Vec<(String, EntityLabel)> {
        pairs.iter().map(|&(t, l)| (t.to_string(), l)).collect()
    }

    #[test]
    fn a_name_after_a_company_noun_is_the_company_everywhere() {
        let text = "Swiss trainmaker Stadler signed a deal. Stadler's chief Jürg Ammann said the oil company Perenco agreed. Perenco left.";
        assert_eq!(
            relabelled(
                text,
                &["Stadler", "Stadler", "Jürg Ammann", "Perenco", "Perenco"]
            ),
            labelled(&[
                ("Stadler", Org),
                ("Stadler", Org),
                ("Jürg Ammann", Person),
                ("Perenco", Org),
                ("Perenco", Org)
            ])
        );
    }

    #[test]
    fn a_company_known_by_name_is_the_company() {
        assert_eq!(
            relabelled(
                "Embraer and Saab signed a memorandum.",
                &["Embraer", "Saab"]
            ),
            labelled(&[("Embraer", Org), ("Saab", Org)])
        );
    }

    #[test]
    fn a_company_suffix_makes_a_company_even_when_split_off() {
        let text = "South Korea's Hanwha Aerospace won. Hanwha said Sinowave Energy and Ali Energy Minister met. Doosan Heavy.";
        assert_eq!(
            relabelled(
                text,
                &[
                    "Hanwha",
                    "Aerospace",
                    "Hanwha",
                    "Sinowave Energy",
                    "Ali",
                    "Doosan"
                ]
            ),
            labelled(&[
                ("Hanwha Aerospace", Org),
                ("Hanwha", Org),
                ("Sinowave Energy", Org),
                ("Ali", Person),
                ("Doosan", Person)
            ])
        );
    }

    #[test]
    fn people_after_other_words_stay_people() {
        // Capitalised "Group" (a title or a headline), role nouns, makers that are people.
        let text = "Group Chairman Ravi Menon met policymaker Ana Lima and the firm's founder Jan Berg. Bank Chief Ola Moe.";
        let got = relabelled(text, &["Ravi Menon", "Ana Lima", "Jan Berg", "Ola Moe"]);
        assert!(got.iter().all(|(_, l)| *l == Person), "{got:?}");
    }

    #[test]
    fn a_known_company_name_that_is_a_surname_here_stays_the_person() {
        let got = relabelled(
            "Anna Siemens met the minister. Siemens said talks went well.",
            &["Anna Siemens", "Siemens"],
        );
        assert!(got.iter().all(|(_, l)| *l == Person), "{got:?}");
    }

    /// The mentions after the stage, of `text` with `mentions` tagged as given.
    fn with_tags(text: &str, mentions: &[(&str, EntityLabel)]) -> Vec<(String, EntityLabel)> {
        let mut d = Document::with_mentions_for_test(text, mentions);
        annotate(&mut d);
        d.entities
            .iter()
            .map(|e| (e.span.slice(&d.text).to_string(), e.label))
            .collect()
    }

    #[test]
    fn untagged_companies_are_added() {
        let text = "Israel's Tamar Partners and Leviathan Partners signed a deal with Egypt's Dolphinus Holdings and Norway's Statoil.";
        assert_eq!(
            with_tags(
                text,
                &[
                    ("Israel", Gpe),
                    ("Tamar", Norp),
                    ("Leviathan", Org),
                    ("Egypt", Gpe),
                    ("Norway", Gpe)
                ]
            ),
            labelled(&[
                ("Israel", Gpe),
                ("Tamar Partners", Org),
                ("Leviathan Partners", Org),
                ("Egypt", Gpe),
                ("Dolphinus Holdings", Org),
                ("Norway", Gpe),
                ("Statoil", Org)
            ])
        );
        // A sentence's end inside the run: the place stays, the company starts after it.
        assert_eq!(
            with_tags(
                "The deal was signed in Cairo. Dolphinus Holdings will import gas.",
                &[("Cairo", Gpe)]
            ),
            labelled(&[("Cairo", Gpe), ("Dolphinus Holdings", Org)])
        );
        // "Inc." keeps its period.
        assert_eq!(
            with_tags("They met Acme Widgets Inc. on Monday.", &[]),
            labelled(&[("Acme Widgets Inc.", Org)])
        );
    }

    #[test]
    fn runs_that_are_no_company_names_stay_as_they_are() {
        // A headline in title case; a place that is also a known name; a word of ministries
        // and forces ("Defence"); a corporate word alone.
        for (text, tags) in [
            (
                "Egypt Signs Gas Deal With Israeli Partners",
                vec![("Egypt", Gpe), ("Israeli", Norp)],
            ),
            ("It recalled the Suez crisis.", vec![]),
            (
                "The Ministry of National Defence said so.",
                vec![("Ministry of National Defence", Org)],
            ),
            ("Shares rose. Holdings rose.", vec![]),
            (
                "Ministers of the ASEAN Dialogue Partners met.",
                vec![("ASEAN", Org)],
            ),
        ] {
            let want: Vec<(String, EntityLabel)> =
                tags.iter().map(|&(t, l)| (t.to_string(), l)).collect();
            assert_eq!(with_tags(text, &tags), want, "{text}");
        }
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in ["", " ", "maker X", "é"] {
            assert!(relabelled(text, &[]).is_empty());
        }
    }
}
