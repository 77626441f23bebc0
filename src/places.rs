//! Places of meetings as a reader gives them: the most specific place the report names.
//!
//! Runs after the readers, on every meeting of a document:
//! - a place that is only the start of a longer name ("San" of "San Carlos Palace") is no place;
//! - the country of a meeting (not of a visit: a visit to a country is a visit to the country)
//!   gives way to a city of that country named in the meeting's sentence or the sentences
//!   beside it ("talks in Russia" when the next sentence says "in the Black Sea resort of
//!   Sochi").

use crate::doc::{Document, EntityLabel};
use crate::gazetteer;
use crate::records::{Location, MeetingKind};
use crate::text::CharIndex;

/// The places stage.
pub fn annotate(doc: &mut Document) {
    if doc.meetings.is_empty() {
        return;
    }
    let index = CharIndex::new(&doc.text);
    let sentence_chars: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (index.char_offset(s.start), index.char_offset(s.end))).collect();
    let mut meetings = std::mem::take(&mut doc.meetings);
    for meeting in meetings.iter_mut().filter(|m| m.kind != MeetingKind::Call) {
        let Some(evidence) = meeting.sources.iter().find(|e| e.doc_id == doc.id) else { continue };
        let Some(at) = sentence_chars.iter().position(|&(s, t)| s <= evidence.start && evidence.start < t.max(s + 1)) else { continue };
        let Some(location) = meeting.location.as_ref() else { continue };
        if is_cut_name(&doc.text, doc.sentences[at], &location.name) {
            meeting.location = None;
            continue;
        }
        // A visit to a country is a visit to the country; talks in it were held somewhere.
        if meeting.kind == MeetingKind::Visit {
            continue;
        }
        if let Some(country) = gazetteer::canonical_country(&location.name) {
            if let Some(city) = city_nearby(doc, at, country) {
                meeting.location = Some(Location { name: city, country: Some(country.to_string()) });
            }
        }
    }
    doc.meetings = meetings;
}

/// Whether every time `name` is written in the sentence, a capitalised word follows it: the
/// tagger cut a longer name.
fn is_cut_name(text: &str, sentence: crate::text::ByteSpan, name: &str) -> bool {
    let s = sentence.slice(text);
    let mut found = false;
    for (i, _) in s.match_indices(name) {
        found = true;
        let after = &s[i + name.len()..];
        let next_is_name = after.strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase));
        if !next_is_name {
            return false;
        }
    }
    found
}

/// A city (or other place) of `country` tagged in sentence `at` or beside it, the meeting's own
/// sentence first.
fn city_nearby(doc: &Document, at: usize, country: &str) -> Option<String> {
    let order = [Some(at), at.checked_sub(1), Some(at + 1)];
    for i in order.into_iter().flatten().filter(|&i| i < doc.sentences.len()) {
        let sentence = doc.sentences[i];
        for entity in doc.entities.iter().filter(|e| sentence.start <= e.span.start && e.span.end <= sentence.end) {
            if !matches!(entity.label, EntityLabel::Gpe | EntityLabel::Loc) {
                continue;
            }
            let name = entity.span.slice(&doc.text).trim();
            let name = name.strip_prefix("the ").unwrap_or(name);
            if gazetteer::canonical_country(name).is_none() && gazetteer::country_of_place(name) == Some(country) {
                return Some(name.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Entity;
    use crate::records::{Evidence, Meeting, MeetingStatus, Participant};
    use crate::text::ByteSpan;

    fn doc_with(text: &str, sentences: &[&str], entities: &[(&str, EntityLabel)], place: &str) -> Document {
        let mut doc = Document::from_text("d", text);
        doc.sentences = sentences.iter().map(|s| { let i = text.find(s).unwrap(); ByteSpan::new(i, i + s.len()) }).collect();
        doc.entities = entities.iter().map(|(t, label)| { let i = text.find(t).unwrap(); Entity { span: ByteSpan::new(i, i + t.len()), label: *label, score: 0.9 } }).collect();
        let first = doc.sentences[0];
        doc.meetings = vec![Meeting {
            id: String::new(),
            kind: MeetingKind::Talks,
            status: MeetingStatus::Occurred,
            participants: vec![Participant { name: "John Kerry".into(), role: None, country: None, organization: None }],
            location: Some(Location { name: place.into(), country: None }),
            date: None,
            topics: vec![],
            gathering: None,
            sources: vec![Evidence { doc_id: "d".into(), sentence: first.slice(text).into(), start: first.start, end: first.end }],
            confidence: 0.9,
        }];
        doc
    }

    #[test]
    fn a_country_gives_way_to_its_city_nearby() {
        let text = "Kerry held talks with Putin in Russia. They met at his residence in Sochi. He then flew to Berlin.";
        let mut doc = doc_with(text, &["Kerry held talks with Putin in Russia.", "They met at his residence in Sochi.", "He then flew to Berlin."],
            &[("Russia", EntityLabel::Gpe), ("Sochi", EntityLabel::Gpe), ("Berlin", EntityLabel::Gpe)], "Russia");
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location.as_ref().unwrap().name, "Sochi");
    }

    #[test]
    fn the_start_of_a_longer_name_is_no_place() {
        let text = "Maduro met Araujo at the San Carlos Palace.";
        let mut doc = doc_with(text, &[text], &[("San", EntityLabel::Gpe)], "San");
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location, None);
        let text = "Maduro met Araujo in Bogota on Wednesday.";
        let mut doc = doc_with(text, &[text], &[("Bogota", EntityLabel::Gpe)], "Bogota");
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location.as_ref().unwrap().name, "Bogota");
    }
}
