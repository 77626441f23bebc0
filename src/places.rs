//! Places of meetings as a reader gives them: the most specific place the report names.
//!
//! Runs after the readers, on every meeting of a document:
//! - a place that is only the start of a longer name ("San" of "San Carlos Palace") is no place;
//! - the country of a meeting gives way to a city of that country named in the meeting's
//!   sentence or the sentences beside it ("talks in Russia" when the next sentence says "in
//!   the Black Sea resort of Sochi");
//! - the country of a visit gives way to the one city of it the visit's own sentence names
//!   ("arrived in Bishkek on a state visit to Kyrgyzstan"), not a dateline's;
//! - a meeting its sentence does not place takes the place of the sentence right after it when
//!   that sentence says where "the meeting took place" ("... The meeting took place on the
//!   sidelines of the G20 conclave in the Indonesian city of Bali").

use std::sync::LazyLock;

use regex::Regex;

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
    let sentence_chars = doc.sentence_chars(&index);
    let mut meetings = std::mem::take(&mut doc.meetings);
    // Sentences telling more than one visit ("Following X's visits to China, Y arrived in
    // Beijing to start a visit"): which visit a city is of, the sentence does not say.
    let visit_sentences: Vec<usize> = meetings
        .iter()
        .filter(|m| m.kind == MeetingKind::Visit)
        .filter_map(|m| m.sources.iter().find(|e| e.doc_id == doc.id))
        .filter_map(|e| sentence_chars.holding(e.start))
        .collect();
    let one_visit_told = |at: usize| visit_sentences.iter().filter(|&&s| s == at).count() == 1;
    for meeting in meetings.iter_mut().filter(|m| m.kind != MeetingKind::Call) {
        let Some(evidence) = meeting.sources.iter().find(|e| e.doc_id == doc.id) else {
            continue;
        };
        let Some(at) = sentence_chars.holding(evidence.start) else {
            continue;
        };
        let Some(location) = meeting.location.as_ref() else {
            if meeting.kind != MeetingKind::Visit {
                meeting.location = venue_told_next(doc, at);
            }
            continue;
        };
        if is_cut_name(doc, doc.sentences[at], &location.name) {
            meeting.location = None;
            continue;
        }
        // A visit to a country is told with the city it goes to when its sentence names one
        // city of that country ("arrived in Bishkek on a state visit to Kyrgyzstan"): the most
        // specific place; several cities are a tour of the country.
        if meeting.kind == MeetingKind::Visit {
            if let Some(country) = gazetteer::canonical_country(&location.name) {
                if let Some(city) =
                    the_city_visited(doc, at, country).filter(|_| one_visit_told(at))
                {
                    meeting.location = Some(Location {
                        name: city,
                        country: Some(country.to_string()),
                    });
                }
            }
            continue;
        }
        if let Some(country) = gazetteer::canonical_country(&location.name) {
            if let Some(city) = city_nearby(doc, at, country) {
                meeting.location = Some(Location {
                    name: city,
                    country: Some(country.to_string()),
                });
            }
        }
    }
    carry_places(&mut meetings);
    doc.meetings = meetings;
}

/// An in-person meeting the text does not place, of someone whose other encounter of the story
/// the text does place: there ("Lavrov met Lukashenko in Minsk ... He had also held talks with
/// his counterpart Makei"). A dated meeting takes the place of an encounter of the same date
/// only; only encounters that happened count, and every placed encounter of the people must
/// agree on one place (a country agrees with a city in it: "visited Iraq ... met X in
/// Baghdad" places the next meeting in Baghdad): a tour of several cities gives none.
fn carry_places(meetings: &mut [crate::records::Meeting]) {
    fn date_of(m: &crate::records::Meeting) -> Option<&crate::dates::DateValue> {
        m.date.as_ref().and_then(|d| d.value.as_ref())
    }
    use crate::records::MeetingStatus;
    let in_person = |m: &crate::records::Meeting| {
        m.kind != MeetingKind::Call && m.status == MeetingStatus::Occurred
    };
    let mut carried: Vec<(usize, Location)> = Vec::new();
    for (i, m) in meetings.iter().enumerate() {
        if m.location.is_some()
            || !in_person(m)
            || m.kind == MeetingKind::Visit
            || m.participants.is_empty()
        {
            continue;
        }
        let day = date_of(m);
        let places: Vec<&Location> = meetings
            .iter()
            .filter(|o| o.location.is_some() && in_person(o))
            .filter(|o| crate::merge::shares_participant(o, m))
            .filter(|o| day.is_none() || date_of(o) == day)
            .filter_map(|o| o.location.as_ref())
            .collect();
        // A visit to a country and talks in its capital agree: the city is the one place.
        // (The countries the other places lie in, found once: a story of hundreds of meetings
        // stays linear in its places.)
        let countries_of_cities: Vec<&str> = places
            .iter()
            .filter(|q| gazetteer::canonical_country(&q.name).is_none())
            .filter_map(|q| {
                q.country
                    .as_deref()
                    .or_else(|| gazetteer::country_of_place(&q.name))
            })
            .collect();
        let within_another = |p: &Location| {
            gazetteer::canonical_country(&p.name)
                .is_some_and(|country| countries_of_cities.contains(&country))
        };
        let specific: Vec<&Location> = places
            .iter()
            .copied()
            .filter(|p| !within_another(p))
            .collect();
        if let Some(first) = specific.first() {
            if specific.iter().all(|p| p.name == first.name) {
                carried.push((i, (*first).clone()));
            }
        }
    }
    for (i, place) in carried {
        meetings[i].location = Some(place);
    }
}

/// Whether every time `name` is written in the sentence, a capitalised word follows it: the
/// tagger cut a longer name. A date is no part of a name ("arrived in China Friday").
fn is_cut_name(doc: &Document, sentence: crate::text::ByteSpan, name: &str) -> bool {
    let s = sentence.slice(&doc.text);
    let starts_date = |at: usize| {
        doc.entities
            .iter()
            .any(|e| e.span.start == at && e.label == EntityLabel::Date)
    };
    let mut found = false;
    for (i, _) in s.match_indices(name) {
        found = true;
        let after = &s[i + name.len()..];
        let next_is_name = after
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
            && !starts_date(sentence.start + i + name.len() + 1);
        if !next_is_name {
            return false;
        }
    }
    found
}

/// A sentence that says where the encounter just told was held.
static VENUE_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The|This|That|Their)\s+(?:meeting|meetings|talks|encounter|discussions|consultations|session)\s+(?:took\s+place|was\s+held|were\s+held|happened)\b").unwrap()
});

/// The place the sentence after `at` gives for "the meeting" told in `at`: the last place it
/// tags (the most specific: "in the Indonesian city of Bali", "a retreat held in Nadi").
fn venue_told_next(doc: &Document, at: usize) -> Option<Location> {
    let next = *doc.sentences.get(at + 1)?;
    if !VENUE_SENTENCE.is_match(next.slice(&doc.text).trim_start()) {
        return None;
    }
    let place = doc
        .entities_in(next)
        .iter()
        .rev()
        .find(|e| matches!(e.label, EntityLabel::Gpe | EntityLabel::Loc))?;
    let name = place_name(place.span.slice(&doc.text));
    let country = gazetteer::canonical_country(name).or_else(|| gazetteer::country_of_place(name));
    Some(Location {
        name: gazetteer::record_place_name(name),
        country: country.map(str::to_string),
    })
}

/// A tagged place as a record names it: trimmed, without a leading "the ".
fn place_name(tagged: &str) -> &str {
    let name = tagged.trim();
    name.strip_prefix("the ").unwrap_or(name)
}

/// The one city of `country` named in sentence `at` (not its dateline's), if only one is.
fn the_city_visited(doc: &Document, at: usize, country: &str) -> Option<String> {
    let sentence = *doc.sentences.get(at)?;
    let mut cities: Vec<String> = Vec::new();
    for entity in doc.entities_in(sentence) {
        let Some(name) = city_of(doc, entity, country) else {
            continue;
        };
        // A dateline's city (the place opening the sentence, then ",", "(", "/", ":" or a
        // dash) is where the report was filed from.
        let opens = doc
            .text
            .get(sentence.start..entity.span.start)
            .is_some_and(|t| t.trim().is_empty());
        let after = doc
            .text
            .get(entity.span.end..sentence.end)
            .unwrap_or("")
            .trim_start();
        if opens && after.starts_with([',', '(', '/', ':', '-', '\u{2013}', '\u{2014}']) {
            continue;
        }
        let city = gazetteer::record_place_name(name);
        if !cities.contains(&city) {
            cities.push(city);
        }
    }
    (cities.len() == 1).then(|| cities.remove(0))
}

/// The place an entity names when it is a place of `country` other than the country itself
/// (a city, a region, a resort), as tagged (trimmed, no leading "the ").
fn city_of<'d>(doc: &'d Document, entity: &crate::doc::Entity, country: &str) -> Option<&'d str> {
    if !matches!(entity.label, EntityLabel::Gpe | EntityLabel::Loc) {
        return None;
    }
    let name = place_name(entity.span.slice(&doc.text));
    (gazetteer::canonical_country(name).is_none()
        && gazetteer::country_of_place(name) == Some(country))
    .then_some(name)
}

/// A city (or other place) of `country` tagged in sentence `at` or beside it, the meeting's own
/// sentence first.
fn city_nearby(doc: &Document, at: usize, country: &str) -> Option<String> {
    let order = [Some(at), at.checked_sub(1), Some(at + 1)];
    for i in order
        .into_iter()
        .flatten()
        .filter(|&i| i < doc.sentences.len())
    {
        let sentence = doc.sentences[i];
        for entity in doc
            .entities
            .iter()
            .filter(|e| sentence.start <= e.span.start && e.span.end <= sentence.end)
        {
            if let Some(name) = city_of(doc, entity, country) {
                // A dateline's city in capitals ("PUTRAJAYA, Nov 28") is written as a name.
                return Some(gazetteer::record_place_name(name));
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

    fn doc_with(
        text: &str,
        sentences: &[&str],
        entities: &[(&str, EntityLabel)],
        place: &str,
    ) -> Document {
        let mut doc = Document::from_text("d", text);
        doc.sentences = sentences
            .iter()
            .map(|s| {
                let i = text.find(s).unwrap();
                ByteSpan::new(i, i + s.len())
            })
            .collect();
        doc.entities = entities
            .iter()
            .map(|(t, label)| {
                let i = text.find(t).unwrap();
                Entity {
                    span: ByteSpan::new(i, i + t.len()),
                    label: *label,
                    score: 0.9,
                }
            })
            .collect();
        let first = doc.sentences[0];
        doc.meetings = vec![Meeting {
            id: String::new(),
            kind: MeetingKind::Talks,
            status: MeetingStatus::Occurred,
            participants: vec![Participant {
                name: "John Kerry".into(),
                role: None,
                country: None,
                organization: None,
            }],
            location: Some(Location {
                name: place.into(),
                country: None,
            }),
            date: None,
            topics: vec![],
            gathering: None,
            sources: vec![Evidence {
                doc_id: "d".into(),
                sentence: first.slice(text).into(),
                start: first.start,
                end: first.end,
            }],
            confidence: 0.9,
        }];
        doc
    }

    #[test]
    fn a_country_gives_way_to_its_city_nearby() {
        let text = "Kerry held talks with Putin in Russia. They met at his residence in Sochi. He then flew to Berlin.";
        let mut doc = doc_with(
            text,
            &[
                "Kerry held talks with Putin in Russia.",
                "They met at his residence in Sochi.",
                "He then flew to Berlin.",
            ],
            &[
                ("Russia", EntityLabel::Gpe),
                ("Sochi", EntityLabel::Gpe),
                ("Berlin", EntityLabel::Gpe),
            ],
            "Russia",
        );
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location.as_ref().unwrap().name, "Sochi");
    }

    #[test]
    fn a_visit_to_a_country_is_told_with_the_one_city_its_sentence_names() {
        let visits_in = |text: &str, entities: &[(&str, EntityLabel)], visits: usize| {
            let mut doc = doc_with(text, &[text], entities, "Kyrgyzstan");
            doc.meetings[0].kind = MeetingKind::Visit;
            let other = doc.meetings[0].clone();
            doc.meetings.extend(std::iter::repeat_n(other, visits - 1));
            annotate(&mut doc);
            doc.meetings[0].location.as_ref().unwrap().name.clone()
        };
        let visit_in = |text: &str, entities: &[(&str, EntityLabel)]| visits_in(text, entities, 1);
        let (bishkek, osh, kyrgyzstan) = (
            ("Bishkek", EntityLabel::Gpe),
            ("Osh", EntityLabel::Gpe),
            ("Kyrgyzstan", EntityLabel::Gpe),
        );
        assert_eq!(
            visit_in(
                "Kerry arrived in Bishkek on a state visit to Kyrgyzstan.",
                &[bishkek, kyrgyzstan]
            ),
            "Bishkek"
        );
        // Two visits told in the sentence: whose the city is, it does not say.
        assert_eq!(
            visits_in(
                "After Lee's visit to Kyrgyzstan, Kerry arrived in Bishkek on a state visit.",
                &[kyrgyzstan, bishkek],
                2
            ),
            "Kyrgyzstan"
        );
        // Two cities: a tour of the country. A dateline's city: where the report was filed.
        assert_eq!(
            visit_in(
                "Kerry visited Kyrgyzstan, stopping in Bishkek and Osh.",
                &[kyrgyzstan, bishkek, osh]
            ),
            "Kyrgyzstan"
        );
        assert_eq!(
            visit_in(
                "BISHKEK, May 3 - Kerry is visiting Kyrgyzstan.",
                &[("BISHKEK", EntityLabel::Gpe), kyrgyzstan]
            ),
            "Kyrgyzstan"
        );
        assert_eq!(
            visit_in(
                "Bishkek, May 3 (AKIpress) - Kerry is visiting Kyrgyzstan.",
                &[bishkek, kyrgyzstan]
            ),
            "Kyrgyzstan"
        );
    }

    #[test]
    fn a_dateline_city_in_capitals_is_written_as_a_name() {
        let text = "PUTRAJAYA, Nov 28 -- Kerry held talks with Anwar in Malaysia.";
        let mut doc = doc_with(
            text,
            &[text],
            &[
                ("PUTRAJAYA", EntityLabel::Gpe),
                ("Malaysia", EntityLabel::Gpe),
            ],
            "Malaysia",
        );
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location.as_ref().unwrap().name, "Putrajaya");
    }

    #[test]
    fn the_venue_sentence_after_an_unplaced_meeting() {
        let sentences = [
            "Kerry held talks with Lavrov on Friday.",
            "The meeting took place on the sidelines of a forum in the Greek city of Delphi.",
            "Kerry then flew to Rome.",
        ];
        let text = sentences.join(" ");
        let entities = [
            ("Greek", EntityLabel::Norp),
            ("Delphi", EntityLabel::Gpe),
            ("Rome", EntityLabel::Gpe),
        ];
        let mut doc = doc_with(&text, &sentences, &entities, "-");
        doc.meetings[0].location = None;
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location.as_ref().unwrap().name, "Delphi");
        // Any other sentence after it says nothing of where.
        let sentences = [
            "Kerry held talks with Lavrov on Friday.",
            "Kerry then flew to Rome.",
        ];
        let text = sentences.join(" ");
        let mut doc = doc_with(&text, &sentences, &[("Rome", EntityLabel::Gpe)], "-");
        doc.meetings[0].location = None;
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location, None);
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
        // A date after the place is no part of its name.
        let text = "Maduro met Araujo in Bogota Friday.";
        let mut doc = doc_with(
            text,
            &[text],
            &[("Bogota", EntityLabel::Gpe), ("Friday", EntityLabel::Date)],
            "Bogota",
        );
        annotate(&mut doc);
        assert_eq!(doc.meetings[0].location.as_ref().unwrap().name, "Bogota");
        let mut doc = doc_with(text, &[text], &[("Bogota", EntityLabel::Gpe)], "Bogota");
        annotate(&mut doc);
        assert_eq!(
            doc.meetings[0].location, None,
            "untagged, 'Friday' could end the name"
        );
    }

    fn encounter(
        kind: MeetingKind,
        names: &[&str],
        place: Option<&str>,
        day: Option<&str>,
    ) -> Meeting {
        Meeting {
            id: String::new(),
            kind,
            status: MeetingStatus::Occurred,
            participants: names
                .iter()
                .map(|n| Participant {
                    name: (*n).into(),
                    role: None,
                    country: None,
                    organization: None,
                })
                .collect(),
            location: place.map(|p| Location {
                name: p.into(),
                country: None,
            }),
            date: day.map(|d| crate::records::DateField {
                text: d.into(),
                value: crate::dates::DateValue::from_iso(d),
            }),
            topics: vec![],
            gathering: None,
            sources: vec![],
            confidence: 0.9,
        }
    }

    #[test]
    fn an_unplaced_encounter_takes_the_place_of_the_same_persons_other_one() {
        let lavrov_minsk = || {
            encounter(
                MeetingKind::Meeting,
                &["Sergei Lavrov", "Aleksandr Lukashenko"],
                Some("Minsk"),
                Some("2020-05-29"),
            )
        };
        // Undated talks of Lavrov's: in Minsk.
        let mut ms = vec![
            lavrov_minsk(),
            encounter(
                MeetingKind::Talks,
                &["Sergei Lavrov", "Vladimir Makei"],
                None,
                None,
            ),
        ];
        carry_places(&mut ms);
        assert_eq!(
            ms[1].location.as_ref().map(|l| l.name.as_str()),
            Some("Minsk")
        );
        // Talks dated another day stay unplaced; so do talks of other people and calls.
        let mut ms = vec![
            lavrov_minsk(),
            encounter(
                MeetingKind::Talks,
                &["Sergei Lavrov", "Vladimir Makei"],
                None,
                Some("2020-04-11"),
            ),
            encounter(
                MeetingKind::Talks,
                &["Ann Linde", "Vladimir Makei"],
                None,
                None,
            ),
            encounter(
                MeetingKind::Call,
                &["Sergei Lavrov", "Ann Linde"],
                None,
                None,
            ),
        ];
        carry_places(&mut ms);
        assert!(ms[1..].iter().all(|m| m.location.is_none()), "{ms:#?}");
        // Two placed encounters in different cities: no place is carried.
        let mut ms = vec![
            lavrov_minsk(),
            encounter(
                MeetingKind::Meeting,
                &["Sergei Lavrov", "Ilham Aliyev"],
                Some("Baku"),
                Some("2020-05-30"),
            ),
            encounter(
                MeetingKind::Talks,
                &["Sergei Lavrov", "Vladimir Makei"],
                None,
                None,
            ),
        ];
        carry_places(&mut ms);
        assert_eq!(ms[2].location, None);
    }

    #[test]
    fn a_visit_to_a_country_agrees_with_talks_in_its_city() {
        let zarif = |kind, with: &str, place, day| {
            encounter(kind, &["Mohammad Javad Zarif", with], place, day)
        };
        let mut ms = vec![
            encounter(
                MeetingKind::Visit,
                &["Mohammad Javad Zarif"],
                Some("Iraq"),
                Some("2021-04-26"),
            ),
            zarif(
                MeetingKind::Talks,
                "Fuad Hussein",
                Some("Baghdad"),
                Some("2021-04-26"),
            ),
            zarif(MeetingKind::Meeting, "Mohammed al-Halbousi", None, None),
        ];
        carry_places(&mut ms);
        assert_eq!(
            ms[2].location.as_ref().map(|l| l.name.as_str()),
            Some("Baghdad")
        );
        // Two cities of the country: a tour, no place.
        let mut ms = vec![
            encounter(
                MeetingKind::Visit,
                &["Mohammad Javad Zarif"],
                Some("Iraq"),
                None,
            ),
            zarif(MeetingKind::Talks, "Fuad Hussein", Some("Baghdad"), None),
            zarif(
                MeetingKind::Meeting,
                "Nechirvan Barzani",
                Some("Erbil"),
                None,
            ),
            zarif(MeetingKind::Meeting, "Mohammed al-Halbousi", None, None),
        ];
        carry_places(&mut ms);
        assert_eq!(ms[3].location, None);
    }
}
