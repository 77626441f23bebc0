//! Rounds of negotiation as records: talks that a report places but names nobody in. "A round
//! of talks in Sarajevo on March 3-5", "Negotiations on the treaty resumed in Dili on
//! Thursday", "The two countries held indirect talks in Oman last week", "The first round of
//! negotiations is planned for Bangkok in April". An analyst counting negotiation rounds per
//! country pair needs them, and `eval/records/README.md` keeps events with no named person.
//!
//! Only a sentence that names no person (one that does is the readers' case) and that places
//! the talks ("in", "at" or "for" and a place after the noun) makes a record: a talks noun
//! with no place ("talks on a free trade agreement stalled") is too vague to count. Its date is
//! the first resolved date after the noun, its status that of a gathering
//! ([`crate::gatherings::gathering_status`]). A sentence a reader already wrote a meeting from,
//! talks in a place where a reader's meeting is, and the headline are left alone: they tell
//! talks the readers wrote with their people.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates;
use crate::doc::{Document, EntityLabel};
use crate::gazetteer;
use crate::records::{Evidence, Location, Meeting, MeetingKind};
use crate::text::{floor_char_boundary, ByteSpan, CharIndex};

/// Below the readers' records: nobody is named.
const CONFIDENCE: f64 = 0.6;

/// A talks noun, with "round of" and a kind of talks before it.
static TALKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(round\s+of\s+)?(?:(?:political|indirect|direct|border|trade|technical|bilateral|peace|formal|exploratory|proximity)\s+)?(?:talks|negotiations|consultations)\b").unwrap()
});

/// What says the talks were or will be held: without "round of", one of these must stand near
/// the noun ("the talks have stalled since 2019" is no round).
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:held|hold|holds|holding|resumed|resume|resumes|opened|open|began|begin|begins|concluded|conclude|ended|end|broke\s+down|took\s+place|take\s+place|planned|scheduled|expected|due|convened|continued|started)\b").unwrap()
});

/// Bytes around the talks noun in which the words that hold them and their place stand.
const NEAR: usize = 80;

/// Words that lead from the talks to their place.
static TO_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:in|at|for)\s+(?:the\s+)?$").unwrap());

/// The rounds stage: adds participant-less talks to `doc.meetings`.
pub fn annotate(doc: &mut Document) {
    let anchor = doc.published.as_deref().and_then(dates::publication_anchor);
    // Built only for a document that has a round to write.
    let mut index: Option<CharIndex> = None;
    let mut records = Vec::new();
    for &sentence in &doc.sentences {
        if doc.is_furniture(sentence) {
            continue;
        }
        let text = sentence.slice(&doc.text);
        let entities = doc.entities_in(sentence);
        if entities.iter().any(|e| e.label == EntityLabel::Person) {
            continue;
        }
        // The headline repeats what the body tells.
        if doc
            .headline
            .is_some_and(|h| h.start <= sentence.start && sentence.start < h.end)
        {
            continue;
        }
        let Some(talks) = TALKS.captures(text) else {
            continue;
        };
        let (noun, round) = (
            talks.get(0).map_or(0..0, |m| m.range()),
            talks.get(1).is_some(),
        );
        let near = |a: usize, b: usize| {
            text.get(floor_char_boundary(text, a)..floor_char_boundary(text, b))
                .unwrap_or("")
        };
        if !round
            && !HELD.is_match(near(
                noun.start.saturating_sub(NEAR),
                (noun.end + NEAR).min(text.len()),
            ))
        {
            continue;
        }
        let noun = ByteSpan::new(sentence.start + noun.start, sentence.start + noun.end);
        // The clause of the talks: up to a semicolon, at most `NEAR` bytes on.
        let until = doc.text[noun.end..sentence.end]
            .find(';')
            .map_or(sentence.end, |i| noun.end + i)
            .min(noun.end + NEAR);
        // Where the talks were held: right after the noun ("talks in Oman"), after a date
        // ("talks on Tuesday in Victoria") or after a verb that holds them ("resumed in Dili",
        // "planned for Bangkok"); not a place of their topic ("talks on a ceasefire in Gaza").
        let held_at = |e: &&crate::doc::Entity| {
            let gap = &doc.text[noun.end..e.span.start];
            let Some(lead) = TO_PLACE.find(gap) else {
                return false;
            };
            if gap.contains(['.', '"', '“', '”']) {
                return false;
            }
            let dates_out = entities
                .iter()
                .filter(|d| {
                    d.label == EntityLabel::Date
                        && d.span.start >= noun.end
                        && d.span.end <= e.span.start
                })
                .fold(gap[..lead.start()].to_string(), |g, d| {
                    g.replace(d.span.slice(&doc.text), " ")
                });
            let words: Vec<&str> = dates_out.split_whitespace().collect();
            let bare = words
                .iter()
                .all(|w| matches!(w.to_lowercase().as_str(), "on" | "this" | "last" | "next"));
            let for_place = lead.as_str().trim_start().to_lowercase().starts_with("for");
            (bare && !for_place) || HELD.is_match(&dates_out)
        };
        let place = entities
            .iter()
            .filter(|e| matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc))
            .filter(|e| e.span.start >= noun.end && e.span.end <= until)
            .find(held_at)
            .map(|e| {
                let name = e.span.slice(&doc.text).trim();
                let name = name.strip_prefix("the ").unwrap_or(name).to_string();
                Location {
                    country: gazetteer::country_of_place(&name).map(str::to_string),
                    name,
                }
            });
        let Some(location) = place else { continue };
        // A reader's meeting in this sentence, or one in the same place (or a round this stage
        // found there already): the same talks, told again or with their people ("negotiators were due to hold talks in Juba ... Had the talks
        // gone ahead, they would have brought together X and Y").
        let same_place = doc.meetings.iter().chain(records.iter()).any(|m| {
            m.kind != MeetingKind::Visit
                && m.location.as_ref().is_some_and(|l| l.name == location.name)
        });
        let index = index.get_or_insert_with(|| CharIndex::new(&doc.text));
        if same_place || crate::gatherings::told_by_a_reader(doc, index, sentence, true) {
            continue;
        }
        let date = entities
            .iter()
            .filter(|e| {
                e.label == EntityLabel::Date && e.span.start >= noun.end && e.span.end <= until
            })
            .find_map(|e| dates::record_field(doc, e.span, anchor));
        let status = crate::gatherings::gathering_status(text, date.as_ref(), anchor);
        records.push(Meeting {
            id: String::new(),
            kind: MeetingKind::Talks,
            status,
            participants: Vec::new(),
            location: Some(location),
            date,
            topics: Vec::new(),
            gathering: None,
            sources: vec![Evidence::of(doc, index, sentence)],
            confidence: CONFIDENCE,
        });
    }
    doc.meetings.extend(records);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Entity;
    use crate::records::MeetingStatus;
    use crate::segment::{RuleSegmenter, Segmenter};

    /// A document of `text`, segmented, with the entities (each found after the one before)
    /// and dates resolved against 7 March 2008 (a Friday).
    fn doc(text: &str, entities: &[(&str, EntityLabel)]) -> Document {
        let mut doc = Document::from_text("d", text);
        doc.published = Some("2008-03-07".into());
        RuleSegmenter.annotate(&mut doc);
        let mut at = 0;
        for (t, label) in entities {
            let i = at + text[at..].find(t).unwrap();
            at = i + t.len();
            doc.entities.push(Entity {
                span: ByteSpan::new(i, i + t.len()),
                label: *label,
                score: 0.9,
            });
        }
        crate::dates::annotate(&mut doc);
        doc
    }

    fn talks(d: &Document) -> Vec<(MeetingStatus, Option<&str>, Option<String>)> {
        d.meetings
            .iter()
            .map(|m| {
                (
                    m.status,
                    m.location.as_ref().map(|l| l.name.as_str()),
                    m.date
                        .as_ref()
                        .and_then(|f| f.value.as_ref())
                        .map(|v| v.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn placed_rounds_with_nobody_named_are_talks() {
        use EntityLabel::*;
        let mut d = doc(
            "Negotiations on the border treaty resumed in Dili on Thursday after a pause. The next round of talks is \
             expected in Jakarta in May.",
            &[("Dili", Gpe), ("Thursday", Date), ("Jakarta", Gpe), ("May", Date)],
        );
        annotate(&mut d);
        assert_eq!(
            talks(&d),
            [
                (
                    MeetingStatus::Occurred,
                    Some("Dili"),
                    Some("2008-03-06".into())
                ),
                (
                    MeetingStatus::Planned,
                    Some("Jakarta"),
                    Some("2008-05".into())
                )
            ]
        );
        assert!(d
            .meetings
            .iter()
            .all(|m| m.participants.is_empty() && m.kind == MeetingKind::Talks));
    }

    #[test]
    fn unplaced_vague_or_peopled_talks_are_no_record() {
        use EntityLabel::*;
        for (text, entities) in [
            // No place.
            ("Talks on a free trade agreement resumed on Thursday.", vec![("Thursday", Date)]),
            // No word that holds them near the noun.
            ("They urged the parties to use the talks to agree on steps to deliver aid in Sudan.", vec![("Sudan", Gpe)]),
            // A place of the topic, not of the talks.
            ("Talks on a ceasefire in Gaza resumed on Thursday.", vec![("Gaza", Gpe), ("Thursday", Date)]),
            ("Accession talks for Ukraine opened on Thursday.", vec![("Ukraine", Gpe), ("Thursday", Date)]),
            // A person named: the readers' case.
            ("Ana Obi held talks in Dili on Thursday.", vec![("Ana Obi", Person), ("Dili", Gpe), ("Thursday", Date)]),
        ] {
            let mut d = doc(text, &entities);
            annotate(&mut d);
            assert!(d.meetings.is_empty(), "{text}: {:?}", d.meetings);
        }
        let mut d = doc("", &[]);
        annotate(&mut d);
        assert!(d.meetings.is_empty());
    }
}
