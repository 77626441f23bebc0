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

use crate::doc::Document;
use crate::text::ByteSpan;

mod grouping;
mod mentions;
mod titles;
mod vocabulary;

use grouping::*;
use mentions::*;

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
                role = mentions[j]
                    .cue
                    .role
                    .clone()
                    .or_else(|| base[cluster_of[j]].clone());
                if role.is_some() {
                    break;
                }
            }
        }
        mentions[i].cue.role = role;
    }

    let mut people: Vec<Person> = members
        .iter()
        .filter_map(|ms| person_of(&ms.iter().map(|&i| &mentions[i]).collect::<Vec<_>>()))
        .collect();
    people.sort_by_key(|p| p.mentions.first().map(|s| (s.start, s.end)));
    // The words of everyone's name, folded once: a name that only stands for others is no one.
    let name_words: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            crate::gazetteer::fold(&p.name)
                .split_whitespace()
                .map(str::to_string)
                .collect()
        })
        .collect();
    let no_one: Vec<bool> = (0..people.len())
        .map(|i| names_a_pair(i, &people, &name_words) || names_a_country(i, &people, &name_words))
        .collect();
    people = people
        .into_iter()
        .zip(no_one)
        .filter(|(_, drop)| !drop)
        .map(|(p, _)| p)
        .collect();
    let after_prefixes = vessel_words(&doc.text);
    for p in people.iter_mut() {
        p.vessel = is_vessel_name(&after_prefixes, p);
    }
    people
}

/// Whether someone not named as person `i` has `word` (folded) among the words of their name.
fn borne_by_another(word: &str, i: usize, people: &[Person], name_words: &[Vec<String>]) -> bool {
    people
        .iter()
        .zip(name_words)
        .any(|(p, words)| p.name != people[i].name && words.iter().any(|w| w == word))
}

/// Whether person `i`'s name is two other people's names joined by a hyphen ("the Yoon-Trump
/// conversation", "a Putin-Xi summit"): a pair, no one of its own.
fn names_a_pair(i: usize, people: &[Person], name_words: &[Vec<String>]) -> bool {
    let name = &people[i].name;
    let Some((a, b)) = name.split_once('-') else {
        return false;
    };
    if name.contains(char::is_whitespace)
        || b.contains('-')
        || !a.starts_with(char::is_uppercase)
        || !b.starts_with(char::is_uppercase)
    {
        return false;
    }
    let fold = crate::gazetteer::fold;
    borne_by_another(&fold(a), i, people, name_words)
        && borne_by_another(&fold(b), i, people, name_words)
}

/// Whether person `i`'s name is a country's name alone ("Kiribati's President Taneti Maamau"
/// tagged as two people) and no one else in the story bears it as a name ("Rep. Jim Jordan ...
/// Jordan said" is a person).
fn names_a_country(i: usize, people: &[Person], name_words: &[Vec<String>]) -> bool {
    let name = &people[i].name;
    !name.contains(char::is_whitespace)
        && crate::gazetteer::canonical_country(name).is_some()
        && !borne_by_another(&crate::gazetteer::fold(name), i, people, name_words)
}

/// Whether a PERSON span's text names someone once titles, honorifics and possessives are
/// left out ("Crown Prince", "His" and "the Amir" do not).
pub fn is_name(raw: &str) -> bool {
    clean_name(raw).is_some()
}

/// Words written just before a ship's name ("the USS Ronald Reagan", "aircraft carrier Carl
/// Vinson") or a military exercise's ("the Exercise Aman Youyi-2023"): the tagger reads such
/// names as people.
static VESSEL_PREFIXES: std::sync::LazyLock<Vec<&str>> =
    crate::wordlist::words!("people/vessel_prefixes.txt");

/// Whether the person's name is (the end of) a ship's or an exercise's name the text gives
/// after such a prefix ("the USS Ronald Reagan ... the arrival of the Reagan"; "Exercise Aman
/// Youyi-2023", the year joined by a hyphen): the "person" is no one.
/// The stages read [`Person::vessel`], set once per document by the people stage.
pub fn names_a_vessel(text: &str, person: &Person) -> bool {
    is_vessel_name(&vessel_words(text), person)
}

/// The capitalised words (up to three) after each ship or exercise prefix of `text`.
fn vessel_words(text: &str) -> Vec<&str> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| VESSEL_PREFIXES.contains(w))
        .flat_map(|(i, _)| {
            words[i + 1..]
                .iter()
                .take(3)
                .take_while(|w| w.starts_with(char::is_uppercase))
                .copied()
        })
        .collect()
}

fn is_vessel_name(after_prefixes: &[&str], person: &Person) -> bool {
    let Some(last) = person.name.split_whitespace().last() else {
        return false;
    };
    after_prefixes.iter().any(|w| {
        *w == last
            || w.strip_prefix(last)
                .is_some_and(|rest| rest.starts_with('-'))
    })
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
        .filter_map(|(i, p)| {
            p.mentions
                .iter()
                .map(overlap)
                .max()
                .filter(|&o| o > 0)
                .map(|o| (o, i))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| i)
}

#[cfg(test)]
mod tests;
