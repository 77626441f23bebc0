//! One name, one label per document: where the tagger found "Donald Trump" once, the bare
//! "Trump" it missed elsewhere in the same article (a headline, "Trump, Zelensky hold phone
//! call", is typical: headlines are short of context) is tagged PERSON too.
//!
//! Only names the tagger itself gave as PERSON of two words or more spread, as the whole name
//! or its last word, and only to capitalised, untagged whole words inside a sentence. A last
//! word that is also a place, a country or a nationality ("Jordan", "Georgia"), written in
//! lower case somewhere in the article ("rice"), shorter than three letters or followed by
//! another capitalised word ("the Trump Tower") is left alone. Such a repeat the tagger took
//! for a place or an organisation ("On Monday, [Qureshi|GPE] met ...") is the person too.
//! Apart from that, a full name the tagger took for a place is the person when its last word
//! is one the tagger tagged as a person, alone or ending a name ("[Inia Seruiratu|GPE] ...
//! Minister [Seruiratu|PERSON]").

use std::collections::BTreeMap;

use crate::doc::{Document, Entity, EntityLabel};
use crate::gazetteer;
use crate::text::ByteSpan;

/// At most this many distinct names spread per document (bounded time on pathological
/// input: a list of hundreds of names).
const MAX_NAMES: usize = 64;

/// The name-consistency stage: adds PERSON entities for untagged repeats of PERSON names.
pub fn annotate(doc: &mut Document) {
    let text = doc.text.as_str();
    // Name -> the lowest score the tagger gave a mention it comes from.
    let mut names: BTreeMap<&str, f32> = BTreeMap::new();
    for e in doc
        .entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
    {
        let Some(mention) = text.get(e.span.start..e.span.end) else {
            continue;
        };
        let words: Vec<&str> = mention.split_whitespace().collect();
        if words.len() < 2 || !words.iter().all(|w| is_name_word(w)) {
            continue;
        }
        for name in [mention, words[words.len() - 1]] {
            let score = names.entry(name).or_insert(e.score);
            *score = score.min(e.score);
        }
    }
    let mut added: Vec<Entity> = Vec::new();
    let mut relabelled: Vec<usize> = Vec::new();
    for (name, score) in names
        .into_iter()
        .filter(|(name, _)| spreads(name, text))
        .take(MAX_NAMES)
    {
        for (at, _) in text.match_indices(name) {
            let span = ByteSpan::new(at, at + name.len());
            // The same name tagged as a place or an organisation ("On Monday, [Qureshi|GPE]
            // met ..."): the person, as everywhere else in the article.
            // Entities are sorted by span (the NER stage sorts them before this stage).
            let misread = doc
                .entities
                .binary_search_by_key(&(span.start, span.end), |e| (e.span.start, e.span.end))
                .ok()
                .filter(|&i| {
                    matches!(
                        doc.entities[i].label,
                        EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Org
                    )
                });
            if let Some(i) = misread
                .filter(|_| whole_word(text, span) && !followed_by_capitalised_word(text, span.end))
            {
                relabelled.push(i);
                continue;
            }
            if whole_word(text, span)
                && !followed_by_capitalised_word(text, span.end)
                && !overlaps(&doc.entities, span)
                && !overlaps(&added, span)
                && in_a_sentence(&doc.sentences, span)
            {
                added.push(Entity {
                    span,
                    label: EntityLabel::Person,
                    score,
                });
            }
        }
    }
    relabelled.extend(full_names_taken_for_places(doc));
    for i in relabelled {
        doc.entities[i].label = EntityLabel::Person;
    }
    if !added.is_empty() {
        doc.entities.extend(added);
        doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

/// Entities (by index) that are a full name the tagger took for a place, whose last word it
/// tags as a person elsewhere in the article: "Minister for Foreign Affairs [Inia
/// Seruiratu|GPE] held meetings ... Minister [Seruiratu|PERSON] said". Not a known place
/// ("Saint Lucia"), and the last word must be one a name may spread by. Organisations stay:
/// "Lockheed Martin" is a company whoever named Martin the article quotes.
fn full_names_taken_for_places(doc: &Document) -> Vec<usize> {
    let text = doc.text.as_str();
    // Last words of the tagger's people that a name may spread by, each judged once.
    let mut surnames: std::collections::BTreeSet<&str> = doc
        .entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .filter_map(|e| e.span.slice(text).split_whitespace().last())
        .filter(|w| is_name_word(w))
        .take(MAX_NAMES)
        .collect();
    surnames.retain(|w| spreads(w, text));
    if surnames.is_empty() {
        return Vec::new();
    }
    let known_place = |m: &str| {
        gazetteer::canonical_country(m).is_some()
            || gazetteer::country_of_place(m).is_some()
            || gazetteer::country_of_demonym(m).is_some()
    };
    doc.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc))
        .filter(|(_, e)| {
            let mention = e.span.slice(text);
            let words: Vec<&str> = mention.split_whitespace().collect();
            (2..=4).contains(&words.len())
                && words.iter().all(|w| is_name_word(w))
                && surnames.contains(words[words.len() - 1])
                && !known_place(mention)
                && !followed_by_capitalised_word(text, e.span.end)
        })
        .map(|(i, _)| i)
        .collect()
}

/// A capitalised word of letters (and hyphens, apostrophes, periods: "Jae-in", "O'Neill",
/// "J.").
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
}

/// Whether a name may be spread: a full name always; a last word when it cannot be read as
/// something else.
fn spreads(name: &str, text: &str) -> bool {
    if name.contains(' ') {
        return true;
    }
    name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !name.ends_with('.')
        && gazetteer::canonical_country(name).is_none()
        && gazetteer::country_of_place(name).is_none()
        && gazetteer::country_of_demonym(name).is_none()
        && !contains_word(text, &name.to_lowercase())
}

/// Whether the text has `word` as a whole word.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(at, _)| whole_word(text, ByteSpan::new(at, at + word.len())))
}

fn whole_word(text: &str, span: ByteSpan) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

fn followed_by_capitalised_word(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `span` lies inside one sentence (sentences are sorted and disjoint).
fn in_a_sentence(sentences: &[ByteSpan], span: ByteSpan) -> bool {
    let i = sentences.partition_point(|s| s.end < span.end);
    sentences
        .get(i)
        .is_some_and(|s| s.start <= span.start && span.end <= s.end)
}

fn overlaps(entities: &[Entity], span: ByteSpan) -> bool {
    entities
        .iter()
        .any(|e| e.span.start < span.end && span.start < e.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{RuleSegmenter, Segmenter};

    fn doc(text: &str, persons: &[&str]) -> Document {
        let mut d = Document::from_text("test", text.to_string());
        RuleSegmenter.annotate(&mut d);
        for p in persons {
            let at = text.find(p).expect("person in text");
            d.entities.push(Entity {
                span: ByteSpan::new(at, at + p.len()),
                label: EntityLabel::Person,
                score: 0.9,
            });
        }
        d.entities.sort_by_key(|e| (e.span.start, e.span.end));
        d
    }

    fn persons(d: &Document) -> Vec<&str> {
        d.entities
            .iter()
            .filter(|e| e.label == EntityLabel::Person)
            .map(|e| e.span.slice(&d.text))
            .collect()
    }

    #[test]
    fn a_missed_surname_and_full_name_are_tagged() {
        let mut d = doc(
            "Trump, Zelensky hold phone call. Donald Trump spoke with Volodymyr Zelensky on Wednesday. Later Donald Trump said Trump's plan works.",
            &["Donald Trump", "Volodymyr Zelensky"],
        );
        annotate(&mut d);
        assert_eq!(
            persons(&d),
            [
                "Trump",
                "Zelensky",
                "Donald Trump",
                "Volodymyr Zelensky",
                "Donald Trump",
                "Trump"
            ]
        );
        let added = d.entities.iter().find(|e| e.span.start == 0).unwrap();
        assert_eq!((added.label, added.score), (EntityLabel::Person, 0.9));
    }

    #[test]
    fn a_repeat_tagged_as_a_place_or_organisation_is_the_person() {
        let text =
            "Shah Mehmood Qureshi arrived. On Monday, Qureshi met Ghani. Qureshi Group shares rose. Kabul Qureshi.";
        let mut d = doc(text, &["Shah Mehmood Qureshi"]);
        let at = text.find("Qureshi met").unwrap();
        d.entities.push(Entity {
            span: ByteSpan::new(at, at + 7),
            label: EntityLabel::Gpe,
            score: 0.8,
        });
        let at = text.find("Qureshi Group").unwrap();
        d.entities.push(Entity {
            span: ByteSpan::new(at, at + 13),
            label: EntityLabel::Org,
            score: 0.8,
        });
        d.entities.sort_by_key(|e| (e.span.start, e.span.end));
        annotate(&mut d);
        let relabelled = d
            .entities
            .iter()
            .find(|e| e.span.slice(text) == "Qureshi" && e.span.start < 50)
            .unwrap();
        assert_eq!(
            (relabelled.label, relabelled.score),
            (EntityLabel::Person, 0.8)
        );
        // A longer organisation's name stays one.
        assert!(d
            .entities
            .iter()
            .any(|e| e.span.slice(text) == "Qureshi Group" && e.label == EntityLabel::Org));
    }

    #[test]
    fn a_full_name_taken_for_a_place_is_the_person_its_surname_names() {
        let text = "Foreign Minister Inia Seruiratu held talks in Port Moresby. Minister Seruiratu said ties are strong. \
                    He later flew to Saint Lucia, where Ana Lucia met him.";
        let mut d = doc(text, &["Ana Lucia"]);
        // The surname the tagger got right stands elsewhere: its second occurrence.
        let minister = text.rfind("Seruiratu").unwrap();
        d.entities.push(Entity {
            span: ByteSpan::new(minister, minister + "Seruiratu".len()),
            label: EntityLabel::Person,
            score: 0.9,
        });
        for (place, label) in [
            ("Inia Seruiratu", EntityLabel::Gpe),
            ("Port Moresby", EntityLabel::Gpe),
            ("Saint Lucia", EntityLabel::Gpe),
        ] {
            let at = text.find(place).unwrap();
            d.entities.push(Entity {
                span: ByteSpan::new(at, at + place.len()),
                label,
                score: 0.9,
            });
        }
        d.entities.sort_by_key(|e| (e.span.start, e.span.end));
        annotate(&mut d);
        let label_of = |m: &str| {
            d.entities
                .iter()
                .find(|e| e.span.slice(&d.text) == m)
                .map(|e| e.label)
        };
        assert_eq!(label_of("Inia Seruiratu"), Some(EntityLabel::Person));
        // Places stay places: a known one ends in a person's first name, another in no name.
        assert_eq!(label_of("Saint Lucia"), Some(EntityLabel::Gpe));
        assert_eq!(label_of("Port Moresby"), Some(EntityLabel::Gpe));
    }

    #[test]
    fn words_that_are_something_else_are_left_alone() {
        // A country, a word written in lower case too, a name inside a longer capitalised name.
        let text =
            "Michael Jordan met Condoleezza Rice and Donald Trump. Jordan said rice prices rose. Trump Tower stood.";
        let mut d = doc(
            text,
            &["Michael Jordan", "Condoleezza Rice", "Donald Trump"],
        );
        annotate(&mut d);
        assert_eq!(
            persons(&d),
            ["Michael Jordan", "Condoleezza Rice", "Donald Trump"]
        );
    }

    #[test]
    fn untagged_or_one_word_names_do_not_spread_and_nothing_panics() {
        let mut d = doc("Lam met Xi. Lam left. \u{e9}\u{301} Lam", &["Lam"]);
        annotate(&mut d);
        assert_eq!(persons(&d), ["Lam"]);
        let mut d = doc("", &[]);
        annotate(&mut d);
        assert!(d.entities.is_empty());
    }
}
