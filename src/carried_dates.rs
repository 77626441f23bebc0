//! Dates a record takes from its story when its own sentence gives none.
//!
//! Runs after the readers, on every record of a document that is still undated:
//! - the story's day for an event the lead tells as done ("India and Afghanistan inked a
//!   partnership pact", first sentence of the prose, the page showing its full publication
//!   date): a meeting that happened or an agreement that was signed;
//! - the date of the sentence just before, for a meeting that happened and shares a person (or
//!   two countries) with a dated record told there, in any of its sentences ("The minister
//!   arrived in Cairo on Monday for a gas forum. He met his Egyptian counterpart at the
//!   ministry": the meeting is Monday's); or of the one before that, across a sentence with no
//!   time of its own.
//!
//! - the span of a visit of one of its people told before, for a meeting its sentence does
//!   not date: "X is visiting the Solomon Islands, Nauru and Niue this week. In Nauru, X will
//!   hold bilateral meetings with Y" is this week's. Only a visit dated by a span (a week, a
//!   month, days to days), not by a day: a meeting after "arrived on Friday on a weeklong
//!   visit" could be any day of the week.
//!
//! - the day of the same kind of encounter told of its two countries' people unnamed, up to
//!   three sentences before ("The foreign ministers of A and B held talks Wednesday");
//! - for an undated visit, the day of the meetings its visitor held on it (in its sentence, or
//!   at its place), when they all give one.
//!
//! A date never comes from farther away: a year or day named in an unrelated sentence is not
//! the event's.

use crate::dates::DateValue;
use crate::doc::{Document, EntityLabel};
use crate::gazetteer;
use crate::merge::same_name;
use crate::records::{
    country_set, AgreementStatus, DateField, Evidence, MeetingKind, MeetingStatus, Participant,
    PartyType,
};
use crate::text::CharIndex;

/// The carried-dates stage.
pub fn annotate(doc: &mut Document) {
    if doc.meetings.is_empty() && doc.agreements.is_empty() {
        return;
    }
    let index = CharIndex::new(&doc.text);
    let sentences = doc.sentence_chars(&index);
    let id = doc.id.clone();
    let sentence_of =
        |sources: &[Evidence]| sentences.holding(sources.iter().find(|e| e.doc_id == id)?.start);
    // The first sentence of the prose: not furniture, not the headline (read for records, but
    // no furniture), nor a line without a full stop (a repeated headline, a user name).
    let in_headline = |s: &crate::text::ByteSpan| {
        doc.headline
            .is_some_and(|h| h.start <= s.start && s.end <= h.end)
    };
    let prose = |s: &crate::text::ByteSpan| {
        s.slice(&doc.text)
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?'])
    };
    let lead = doc
        .sentences
        .iter()
        .position(|s| !doc.is_furniture(*s) && !in_headline(s) && prose(s));
    let story_day = doc.publication_day();

    if let (Some(lead), Some(day)) = (lead, story_day) {
        let story_date = || {
            Some(DateField {
                text: String::new(),
                value: Some(DateValue::Day(day)),
            })
        };
        for m in doc
            .meetings
            .iter_mut()
            .filter(|m| m.date.is_none() && m.status == MeetingStatus::Occurred)
        {
            if sentence_of(&m.sources) == Some(lead) {
                m.date = story_date();
            }
        }
        for a in doc
            .agreements
            .iter_mut()
            .filter(|a| a.date.is_none() && a.status == AgreementStatus::Signed)
        {
            if sentence_of(&a.sources) == Some(lead) {
                a.date = story_date();
            }
        }
    }

    let own_time = sentences_with_own_time(doc);
    dates_of_visit_spans(doc, &sentence_of, story_day, &own_time);

    // Dated records by sentence, with their people and the countries of their people or
    // parties: every sentence that tells one ("On Monday, X met Y. A one-on-one meeting took
    // place between X and Y at the palace. He also held talks with Z": the talks follow the
    // Monday meeting's second sentence).
    let sentences_of = |sources: &[Evidence]| -> Vec<usize> {
        let mut all: Vec<usize> = sources
            .iter()
            .filter(|e| e.doc_id == id)
            .filter_map(|e| sentences.holding(e.start))
            .collect();
        all.dedup();
        all
    };
    // A meeting of people never named ("The foreign ministers of A and B held talks on
    // Wednesday") is of the countries its sentence names: the next sentence's "A's foreign
    // minister X travelled to B's capital for talks with Y" is the same Wednesday's.
    let countries_named_in = |sources: &[Evidence]| -> Vec<&'static str> {
        let mut found: Vec<&'static str> = sentences_of(sources)
            .into_iter()
            .flat_map(|s| doc.entities_in(doc.sentences[s]))
            .filter(|e| matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp))
            .filter_map(|e| {
                gazetteer::country_named(e.span.slice(&doc.text), e.label == EntityLabel::Norp)
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    };
    let meetings_told = doc.meetings.iter().map(|m| {
        let unnamed = m.participants.is_empty() && m.gathering.is_none();
        let countries = if unnamed {
            countries_named_in(&m.sources)
        } else {
            country_set(countries_of(&m.participants))
        };
        (
            &m.date,
            &m.sources,
            &m.participants,
            countries,
            unnamed.then_some(m.kind),
        )
    });
    let agreements_told = doc.agreements.iter().map(|a| {
        let parties = a
            .parties
            .iter()
            .map(|p| (p.kind == PartyType::Country).then_some(p.name.as_str()));
        (
            &a.date,
            &a.sources,
            &a.signatories,
            country_set(parties.chain(countries_of(&a.signatories))),
            None,
        )
    });
    let mut dated: Vec<Told> = Vec::new();
    for (date, sources, people, countries, unnamed_kind) in meetings_told.chain(agreements_told) {
        let Some(date @ DateField { value: Some(_), .. }) = date else {
            continue;
        };
        let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
        let countries: Vec<String> = countries.into_iter().map(str::to_string).collect();
        for sentence in sentences_of(sources) {
            dated.push(Told {
                sentence,
                date: date.clone(),
                names: names.clone(),
                countries: countries.clone(),
                unnamed_kind,
            });
        }
    }
    // By sentence (stable: the first record of a sentence is found first, as before).
    dated.sort_by_key(|t| t.sentence);
    // Not a visit: the same person's visit told right after a dated one is another journey
    // ("X visited China from August 18 to 20. Before that, X visited Laos and Cambodia").
    let receives = |m: &crate::records::Meeting| {
        m.date.is_none() && m.status == MeetingStatus::Occurred && m.kind != MeetingKind::Visit
    };
    let told_back = |s: usize, back: usize| {
        let before = dated.partition_point(|t| t.sentence + back < s);
        dated[before..]
            .iter()
            .take_while(move |t| t.sentence + back == s)
    };
    for m in doc.meetings.iter_mut().filter(|m| receives(m)) {
        let Some(s) = sentence_of(&m.sources) else {
            continue;
        };
        let timed = own_time.get(s).copied().unwrap_or(false);
        let shares_a_person = |names: &[String]| {
            names
                .iter()
                .any(|n| m.participants.iter().any(|p| same_name(n, &p.name)))
        };
        // Or two countries: "Mexico and Guatemala signed a trade deal on Monday. Mexican
        // President X met Guatemalan President Y to sign it."
        let own_countries = country_set(countries_of(&m.participants));
        let shares_two_countries = |countries: &[String]| {
            countries
                .iter()
                .filter(|c| own_countries.contains(&c.as_str()))
                .count()
                >= 2
        };
        // The sentence just before; or the one before that, across a sentence with no time
        // of its own ("On Monday, X met Y. The talks covered trade. X also met Z").
        let reach = if s >= 2 && !own_time[s - 1] { 2 } else { 1 };
        let carried = (1..=if timed { 0 } else { reach.min(s) })
            .find_map(|back| {
                told_back(s, back)
                    .find(|t| shares_a_person(&t.names) || shares_two_countries(&t.countries))
            })
            // Or, up to three sentences back whatever lies between or is dated in its own
            // sentence, the same kind of encounter told of the two countries' people unnamed:
            // "The foreign ministers of A and B held talks Wednesday. [...] A's foreign minister
            // X travelled to B for talks with Y, after the defence chief's visit in August".
            .or_else(|| {
                (1..=3.min(s)).find_map(|back| {
                    told_back(s, back).find(|t| {
                        t.unnamed_kind == Some(m.kind) && shares_two_countries(&t.countries)
                    })
                })
            });
        if let Some(t) = carried {
            m.date = Some(t.date.clone());
        }
    }
    visits_dated_by_their_meetings(doc, &sentence_of);
}

/// For each sentence, whether it has a time of its own, even one no day can be read from ("six
/// months after the two ministers met", "that evening"): such a sentence takes no day from
/// the sentences around it. (Sentences are sorted and disjoint: each date finds its own by
/// binary search.)
fn sentences_with_own_time(doc: &Document) -> Vec<bool> {
    let mut own_time = vec![false; doc.sentences.len()];
    for e in doc.entities.iter().filter(|e| e.label == EntityLabel::Date) {
        let i = doc.sentences.partition_point(|s| s.end < e.span.end);
        if doc
            .sentences
            .get(i)
            .is_some_and(|s| s.start <= e.span.start && e.span.end <= s.end)
        {
            own_time[i] = true;
        }
    }
    own_time
}

/// An undated visit takes the day of the meetings its visitor held on it, when the story dates
/// them and no other: "Guelleh visit to Mogadishu" over "The president today welcomed his
/// counterpart Guelleh in Mogadishu"; "X travelled to Niamey for talks with Y" after "The two
/// ministers held talks Wednesday". A meeting is on the visit when it is told in the visit's
/// sentence or held at its place (or in its country), with the same status.
fn visits_dated_by_their_meetings(
    doc: &mut Document,
    sentence_of: &dyn Fn(&[Evidence]) -> Option<usize>,
) {
    let mut carried: Vec<(usize, DateField)> = Vec::new();
    for (i, v) in doc.meetings.iter().enumerate() {
        if v.kind != MeetingKind::Visit || v.date.is_some() {
            continue;
        }
        let Some(visitor) = v.participants.first() else {
            continue;
        };
        let visit_sentence = sentence_of(&v.sources);
        let on_the_visit = |m: &&crate::records::Meeting| {
            !matches!(m.kind, MeetingKind::Visit | MeetingKind::Call)
                && m.status == v.status
                && m.participants
                    .iter()
                    .any(|p| same_name(&p.name, &visitor.name))
                && ((visit_sentence.is_some() && sentence_of(&m.sources) == visit_sentence)
                    || matches!((&m.location, &v.location), (Some(a), Some(b)) if same_place_or_country(a, b)))
        };
        let mut days = doc
            .meetings
            .iter()
            .filter(on_the_visit)
            .filter_map(|m| m.date.clone().filter(|d| d.value.is_some()));
        let Some(first) = days.next() else { continue };
        if days.all(|d| d.value == first.value) {
            carried.push((i, first));
        }
    }
    for (i, date) in carried {
        doc.meetings[i].date = Some(date);
    }
}

/// A dated record, by one of the sentences that tell it.
struct Told {
    sentence: usize,
    date: DateField,
    names: Vec<String>,
    countries: Vec<String>,
    /// The kind of a meeting of people never named; `None` for any other record.
    unnamed_kind: Option<MeetingKind>,
}

/// Whether two places are one, or lie in one country (a meeting in Cairo during a visit to
/// Egypt).
fn same_place_or_country(a: &crate::records::Location, b: &crate::records::Location) -> bool {
    let country_of = |l: &crate::records::Location| {
        l.country
            .clone()
            .or_else(|| gazetteer::canonical_country(&l.name).map(str::to_string))
    };
    a.name == b.name || (country_of(a).is_some() && country_of(a) == country_of(b))
}

/// The countries people are of, as written on them.
fn countries_of(people: &[Participant]) -> impl Iterator<Item = Option<&str>> {
    people.iter().map(|p| p.country.as_deref())
}

/// How far after a visit a meeting it dates may be told, in sentences, unless the meeting is
/// placed in the visit's country.
const VISIT_SPAN_REACH: usize = 12;

/// Whether a visit's sentences say it lasts more than a day ("a three-day visit", "a weeklong
/// tour", "for two days") or is of a kind that does (a tour, a state visit): its one date is
/// then only its first day.
fn announces_length(visit: &crate::records::Meeting) -> bool {
    static LENGTH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:[0-9]+|two|three|four|five|six|seven|eight|nine|ten|several|multi)[- ](?:day|week|nation|country|leg)\b|\bweek-?long\b|\b(?:[0-9]+|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+days\b|\btour\b|\bstate visit\b",
        )
        .unwrap()
    });
    visit.sources.iter().any(|e| LENGTH.is_match(&e.sentence))
}

/// An undated meeting of someone whose visit, told before it, is dated by a span takes the
/// span: planned during a planned visit, held during one held, or planned during a visit under
/// way on the story's day. A placed meeting must be in the visit's country. A visit dated by
/// one day is a span of that day when its sentences give it no length ("Zarif on Monday paid
/// an official visit to Iraq ... Zarif also met the Speaker": Monday).
fn dates_of_visit_spans(
    doc: &mut Document,
    sentence_of: &dyn Fn(&[Evidence]) -> Option<usize>,
    story_day: Option<chrono::NaiveDate>,
    own_time: &[bool],
) {
    let spans: Vec<(usize, usize)> = doc
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, v)| v.kind == MeetingKind::Visit)
        .filter(
            |(_, v)| match v.date.as_ref().and_then(|d| d.value.as_ref()) {
                // A visit dated by one day is that day's when nothing says it lasts longer.
                Some(DateValue::Day(_)) => !announces_length(v),
                Some(_) => true,
                None => false,
            },
        )
        .filter_map(|(i, v)| Some((i, sentence_of(&v.sources)?)))
        .collect();
    if spans.is_empty() {
        return;
    }
    let mut carried: Vec<(usize, DateField)> = Vec::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        if m.date.is_some() || matches!(m.kind, MeetingKind::Visit | MeetingKind::Call) {
            continue;
        }
        let Some(s) = sentence_of(&m.sources) else {
            continue;
        };
        let visit = spans
            .iter()
            .rev()
            .filter(|&&(_, t)| t <= s && (s - t <= VISIT_SPAN_REACH || m.location.is_some()))
            .map(|&(j, _)| &doc.meetings[j])
            .filter(|v| crate::merge::shares_participant(v, m))
            .filter(|v| {
                let value = v.date.as_ref().and_then(|d| d.value.as_ref());
                let under_way = match (value, story_day) {
                    (Some(d), Some(day)) => {
                        d.first_day().is_some_and(|a| a <= day)
                            && d.last_day().is_some_and(|b| day <= b)
                    }
                    _ => false,
                };
                v.status == m.status
                    || (v.status == MeetingStatus::Occurred
                        && m.status == MeetingStatus::Planned
                        && under_way)
            })
            .find(|v| match (&m.location, &v.location) {
                (None, _) => true,
                (Some(a), Some(b)) => same_place_or_country(a, b),
                (Some(_), None) => false,
            });
        // A visit's one day is not given to a sentence with a time of its own ("that
        // evening"): it may be the next day's.
        let timed = own_time.get(s).copied().unwrap_or(false);
        let one_day = |v: &crate::records::Meeting| {
            matches!(
                v.date.as_ref().and_then(|d| d.value.as_ref()),
                Some(DateValue::Day(_))
            )
        };
        if let Some(date) = visit
            .filter(|v| !(one_day(v) && timed))
            .and_then(|v| v.date.clone())
        {
            carried.push((i, date));
        }
    }
    for (i, date) in carried {
        doc.meetings[i].date = Some(date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Agreement, AgreementKind, Meeting, MeetingKind, Participant};
    use crate::text::ByteSpan;

    const HEADLINE: &str = "Minister tours the Gulf";
    const TEXT: &str =
        "Minister tours the Gulf\nDOHA - Qatar and Oman signed a shipping accord. Amal Rahim met Said Nasser. \
                        Amal Rahim arrived in Muscat on Monday. She met Omar Haddad there. Lina Vos met Piet Kuyper. \
                        Amal Rahim visited Sohar.";

    fn sentence(text: &str) -> ByteSpan {
        let i = TEXT.find(text).unwrap();
        ByteSpan::new(i, i + text.len())
    }

    fn evidence(text: &str) -> Vec<Evidence> {
        // The text is ASCII: byte offsets are code-point offsets.
        let span = sentence(text);
        vec![Evidence {
            doc_id: "d".into(),
            sentence: text.into(),
            start: span.start,
            end: span.end,
        }]
    }

    fn meeting(
        kind: MeetingKind,
        status: MeetingStatus,
        names: &[&str],
        said: &str,
        day: Option<&str>,
    ) -> Meeting {
        Meeting {
            id: String::new(),
            kind,
            status,
            participants: names
                .iter()
                .map(|n| Participant {
                    name: (*n).into(),
                    role: None,
                    country: None,
                    organization: None,
                })
                .collect(),
            location: None,
            date: day.map(|d| DateField {
                text: "on Monday".into(),
                value: DateValue::from_iso(d),
            }),
            topics: vec![],
            gathering: None,
            sources: evidence(said),
            confidence: 0.9,
        }
    }

    fn story(published: Option<&str>) -> Document {
        let mut doc = Document::from_text("d", TEXT);
        doc.published = published.map(str::to_string);
        doc.furniture = vec![sentence(HEADLINE)];
        let said = [
            HEADLINE,
            "DOHA - Qatar and Oman signed a shipping accord.",
            "Amal Rahim met Said Nasser.",
            "Amal Rahim arrived in Muscat on Monday.",
            "She met Omar Haddad there.",
            "Lina Vos met Piet Kuyper.",
            "Amal Rahim visited Sohar.",
        ];
        doc.sentences = said.iter().map(|s| sentence(s)).collect();
        let done = MeetingStatus::Occurred;
        doc.meetings = vec![
            meeting(
                MeetingKind::Meeting,
                MeetingStatus::Planned,
                &["Amal Rahim", "Said Nasser"],
                said[1],
                None,
            ),
            meeting(
                MeetingKind::Meeting,
                done,
                &["Amal Rahim", "Said Nasser"],
                said[2],
                None,
            ),
            meeting(
                MeetingKind::Visit,
                done,
                &["Amal Rahim"],
                said[3],
                Some("2024-03-04"),
            ),
            meeting(
                MeetingKind::Meeting,
                done,
                &["Amal Rahim", "Omar Haddad"],
                said[4],
                None,
            ),
            meeting(
                MeetingKind::Meeting,
                done,
                &["Lina Vos", "Piet Kuyper"],
                said[5],
                None,
            ),
            meeting(MeetingKind::Visit, done, &["Amal Rahim"], said[6], None),
        ];
        doc.agreements = vec![Agreement::signed_for_test(
            AgreementKind::Agreement,
            vec![],
            evidence(said[1]),
        )];
        doc
    }

    fn days(doc: &Document) -> Vec<Option<String>> {
        doc.meetings
            .iter()
            .map(|m| m.date.as_ref().and_then(DateField::start))
            .collect()
    }

    /// The byte span of `sentence` in `text` (ASCII: bytes are code points).
    fn span_in(text: &str, sentence: &str) -> ByteSpan {
        let i = text.find(sentence).unwrap();
        ByteSpan::new(i, i + sentence.len())
    }

    /// Evidence of a record told in `sentences` of `text`.
    fn told_in(text: &str, sentences: &[&str]) -> Vec<Evidence> {
        sentences
            .iter()
            .map(|t| {
                let s = span_in(text, t);
                Evidence {
                    doc_id: "d".into(),
                    sentence: (*t).into(),
                    start: s.start,
                    end: s.end,
                }
            })
            .collect()
    }

    /// A document of `text` split into `sentences`.
    fn story_of(text: &str, sentences: &[&str]) -> Document {
        let mut doc = Document::from_text("d", text);
        doc.sentences = sentences.iter().map(|t| span_in(text, t)).collect();
        doc
    }

    fn with_country(name: &str, country: &str) -> Participant {
        Participant {
            name: name.into(),
            role: None,
            country: Some(country.into()),
            organization: None,
        }
    }

    #[test]
    fn the_lead_event_done_takes_the_story_day() {
        let mut doc = story(Some("2024-03-05"));
        annotate(&mut doc);
        // The signing told in the lead (after the headline): the story's day; the plan told
        // there stays undated, and so does the meeting of the second sentence.
        assert_eq!(
            doc.agreements[0]
                .date
                .as_ref()
                .and_then(DateField::start)
                .as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(days(&doc)[0], None);
        assert_eq!(days(&doc)[1], None);
        // A page showing only a month gives no day.
        let mut doc = story(Some("2024-03"));
        annotate(&mut doc);
        assert_eq!(doc.agreements[0].date, None);
        // As ingest leaves it: the headline is no furniture but the headline line, and is no
        // lead either.
        let mut doc = story(Some("2024-03-05"));
        doc.furniture.clear();
        doc.headline = Some(sentence(HEADLINE));
        annotate(&mut doc);
        assert_eq!(
            doc.agreements[0]
                .date
                .as_ref()
                .and_then(DateField::start)
                .as_deref(),
            Some("2024-03-05")
        );
    }

    #[test]
    fn a_meeting_takes_the_date_of_its_persons_record_just_before() {
        let mut doc = story(None);
        annotate(&mut doc);
        let monday = Some("2024-03-04".to_string());
        // "She met Omar Haddad there" follows her dated arrival: Monday. Other people's
        // meeting after it, and her next visit, are not told as that day's.
        assert_eq!(days(&doc)[3], monday);
        assert_eq!(days(&doc)[4], None);
        assert_eq!(days(&doc)[5], None);
        // Nothing dated before the first two: nothing carried.
        assert_eq!(days(&doc)[1], None);
        assert_eq!(doc.agreements[0].date, None);
        // A sentence with a time of its own that gives no day takes none from before.
        let mut doc = story(None);
        let there = sentence("She met Omar Haddad there.");
        doc.entities.push(crate::doc::Entity {
            span: ByteSpan::new(there.start, there.start + 3),
            label: EntityLabel::Date,
            score: 0.9,
        });
        annotate(&mut doc);
        assert_eq!(days(&doc)[3], None);
    }

    #[test]
    fn a_date_carries_from_any_sentence_of_its_record_across_one_without_time() {
        const STORY: &str = "Amal Rahim met Said Nasser on Monday. Their meeting took place at the palace. \
                             Trade was discussed. Amal Rahim also held talks with Omar Haddad. Lina Vos met Piet Kuyper.";
        let said = [
            "Amal Rahim met Said Nasser on Monday.",
            "Their meeting took place at the palace.",
            "Trade was discussed.",
            "Amal Rahim also held talks with Omar Haddad.",
            "Lina Vos met Piet Kuyper.",
        ];
        let span = |t: &str| span_in(STORY, t);
        let told = |ts: &[&str]| told_in(STORY, ts);
        let mut doc = story_of(STORY, &said);
        let done = MeetingStatus::Occurred;
        let mut first = meeting(
            MeetingKind::Meeting,
            done,
            &["Amal Rahim", "Said Nasser"],
            "",
            Some("2024-03-04"),
        );
        first.sources = told(&said[..2]);
        let mut talks = meeting(
            MeetingKind::Talks,
            done,
            &["Amal Rahim", "Omar Haddad"],
            "",
            None,
        );
        talks.sources = told(&said[3..4]);
        let mut other = meeting(
            MeetingKind::Meeting,
            done,
            &["Lina Vos", "Piet Kuyper"],
            "",
            None,
        );
        other.sources = told(&said[4..]);
        doc.meetings = vec![first, talks, other];
        annotate(&mut doc);
        // The talks are two sentences after the meeting's second one, past a sentence with no
        // time: Monday's. The next meeting shares no one: undated.
        assert_eq!(days(&doc)[1].as_deref(), Some("2024-03-04"));
        assert_eq!(days(&doc)[2], None);
        // A sentence with a time between them stops the carry.
        doc.meetings[1].date = None;
        let between = span("Trade was discussed.");
        doc.entities.push(crate::doc::Entity {
            span: ByteSpan::new(between.start, between.start + 5),
            label: EntityLabel::Date,
            score: 0.9,
        });
        annotate(&mut doc);
        assert_eq!(days(&doc)[1], None);
    }

    #[test]
    fn a_meeting_of_two_countries_takes_their_signing_just_before() {
        let mut doc = story(None);
        // "Qatar and Oman signed a shipping accord [on Monday]. Amal Rahim met Said Nasser."
        doc.meetings.truncate(2);
        doc.meetings[1].participants = vec![
            with_country("Amal Rahim", "Qatar"),
            with_country("Said Nasser", "Oman"),
        ];
        let party = |n: &str| crate::records::Party {
            name: n.into(),
            kind: PartyType::Country,
        };
        doc.agreements[0].parties = vec![party("Qatar"), party("Oman")];
        doc.agreements[0].date = Some(DateField {
            text: "on Monday".into(),
            value: DateValue::from_iso("2024-03-04"),
        });
        annotate(&mut doc);
        assert_eq!(days(&doc)[1].as_deref(), Some("2024-03-04"));
        // One country in common is not enough.
        let mut doc = story(None);
        doc.meetings.truncate(2);
        doc.meetings[1].participants = vec![
            with_country("Amal Rahim", "Qatar"),
            with_country("Said Nasser", "Peru"),
        ];
        doc.agreements[0].parties = vec![party("Qatar"), party("Oman")];
        doc.agreements[0].date = Some(DateField {
            text: "on Monday".into(),
            value: DateValue::from_iso("2024-03-04"),
        });
        annotate(&mut doc);
        assert_eq!(days(&doc)[1], None);
    }

    #[test]
    fn a_meeting_during_a_visit_dated_by_a_span_takes_the_span() {
        const WEEK: &str =
            "Amal Rahim is visiting Oman and Qatar this week. Trade grew. In Oman, Amal Rahim will meet \
                            Said Nasser. Amal Rahim will also meet Omar Haddad in Peru. Amal Rahim met Lina Vos.";
        let mut doc = Document::from_text("d", WEEK);
        let said = [
            "Amal Rahim is visiting Oman and Qatar this week.",
            "Trade grew.",
            "In Oman, Amal Rahim will meet Said Nasser.",
            "Amal Rahim will also meet Omar Haddad in Peru.",
            "Amal Rahim met Lina Vos.",
        ];
        let span = |t: &str| span_in(WEEK, t);
        doc.sentences = said.iter().map(|t| span(t)).collect();
        doc.published = Some("2024-07-02".into());
        let week = DateField {
            text: "this week".into(),
            value: DateValue::from_iso("2024-07-01/2024-07-07"),
        };
        let at = |name: &str| {
            Some(crate::records::Location {
                name: name.into(),
                country: Some(name.into()),
            })
        };
        let with =
            |kind, status, names: &[&str], t: &str, place: Option<crate::records::Location>| {
                let mut m = meeting(kind, status, names, "", None);
                let s = span(t);
                m.sources = vec![Evidence {
                    doc_id: "d".into(),
                    sentence: t.into(),
                    start: s.start,
                    end: s.end,
                }];
                m.location = place;
                m
            };
        let (done, planned) = (MeetingStatus::Occurred, MeetingStatus::Planned);
        let mut visit = with(
            MeetingKind::Visit,
            done,
            &["Amal Rahim"],
            said[0],
            at("Oman"),
        );
        visit.date = Some(week.clone());
        doc.meetings = vec![
            visit,
            with(
                MeetingKind::Meeting,
                planned,
                &["Amal Rahim", "Said Nasser"],
                said[2],
                at("Oman"),
            ),
            with(
                MeetingKind::Meeting,
                planned,
                &["Amal Rahim", "Omar Haddad"],
                said[3],
                at("Peru"),
            ),
            with(
                MeetingKind::Meeting,
                done,
                &["Amal Rahim", "Lina Vos"],
                said[4],
                None,
            ),
        ];
        annotate(&mut doc);
        let spans: Vec<Option<String>> = doc
            .meetings
            .iter()
            .map(|m| m.date.as_ref().map(|d| d.text.clone()))
            .collect();
        // The visit is under way on the story's day: the meeting planned in Oman is this
        // week's, the one in Peru is not; one held, undated, is of the visit's span too.
        assert_eq!(spans[1].as_deref(), Some("this week"));
        assert_eq!(spans[2], None);
        assert_eq!(spans[3].as_deref(), Some("this week"));
        // Not under way (the story is a month later): a planned meeting is not the visit's.
        for m in doc.meetings.iter_mut().skip(1) {
            m.date = None;
        }
        doc.published = Some("2024-08-02".into());
        annotate(&mut doc);
        assert_eq!(doc.meetings[1].date, None);
    }
    #[test]
    fn a_meeting_during_a_visit_of_one_day_takes_the_day() {
        let said = [
            "Amal Rahim on Monday paid an official visit to Oman.",
            "Trade grew.",
            "Ties are strong.",
            "Amal Rahim also met Said Nasser.",
        ];
        let text = said.join(" ");
        let story = |visit_said: &str| {
            let text = text.replace(said[0], visit_said);
            let mut doc = story_of(&text, &[visit_said, said[1], said[2], said[3]]);
            let mut visit = meeting(
                MeetingKind::Visit,
                MeetingStatus::Occurred,
                &["Amal Rahim"],
                "",
                Some("2024-03-04"),
            );
            visit.sources = told_in(&text, &[visit_said]);
            let mut met = meeting(
                MeetingKind::Meeting,
                MeetingStatus::Occurred,
                &["Amal Rahim", "Said Nasser"],
                "",
                None,
            );
            met.sources = told_in(&text, &[said[3]]);
            doc.meetings = vec![visit, met];
            annotate(&mut doc);
            doc.meetings[1].date.as_ref().and_then(DateField::start)
        };
        assert_eq!(story(said[0]).as_deref(), Some("2024-03-04"));
        // The meeting's sentence with a time of its own that gives no day ("that evening"):
        // it may be the next day's.
        let text = said.join(" ");
        let mut doc = story_of(&text, &said);
        let mut visit = meeting(
            MeetingKind::Visit,
            MeetingStatus::Occurred,
            &["Amal Rahim"],
            "",
            Some("2024-03-04"),
        );
        visit.sources = told_in(&text, &[said[0]]);
        let mut met = meeting(
            MeetingKind::Meeting,
            MeetingStatus::Occurred,
            &["Amal Rahim", "Said Nasser"],
            "",
            None,
        );
        met.sources = told_in(&text, &[said[3]]);
        doc.meetings = vec![visit, met];
        let at = text.find("also").unwrap();
        doc.entities.push(crate::doc::Entity {
            span: ByteSpan::new(at, at + 4),
            label: EntityLabel::Date,
            score: 0.9,
        });
        annotate(&mut doc);
        assert_eq!(doc.meetings[1].date, None);
        // A visit of several days dated by its first: the meeting may be on any of them.
        assert_eq!(
            story("Amal Rahim on Monday began a three-day official visit to Oman."),
            None
        );
        assert_eq!(
            story("Amal Rahim on Monday began a state visit to Oman."),
            None
        );
    }

    #[test]
    fn named_talks_take_the_day_of_the_two_countries_unnamed_talks_told_before() {
        const STORY: &str = "The foreign ministers of Ghana and Togo held talks on Wednesday. It comes after Ghana this month renewed its calls. Ghana's minister Amal Rahim travelled to Lome for talks with Togo's minister Said Nasser, after a visit in August.";
        let said = [
            "The foreign ministers of Ghana and Togo held talks on Wednesday.",
            "It comes after Ghana this month renewed its calls.",
            "Ghana's minister Amal Rahim travelled to Lome for talks with Togo's minister Said Nasser, after a visit in August.",
        ];
        let mut doc = story_of(STORY, &said);
        for (t, label) in [
            ("Ghana", EntityLabel::Gpe),
            ("Togo", EntityLabel::Gpe),
            ("this month", EntityLabel::Date),
            ("August", EntityLabel::Date),
        ] {
            for (i, _) in STORY.match_indices(t) {
                doc.entities.push(crate::doc::Entity {
                    span: ByteSpan::new(i, i + t.len()),
                    label,
                    score: 0.9,
                });
            }
        }
        doc.entities.sort_by_key(|e| e.span.start);
        let evidence_of = |t: &str| told_in(STORY, &[t]);
        let done = MeetingStatus::Occurred;
        let mut unnamed = meeting(MeetingKind::Talks, done, &[], "", Some("2024-03-06"));
        unnamed.sources = evidence_of(said[0]);
        let mut named = meeting(MeetingKind::Talks, done, &[], "", None);
        named.participants = vec![
            with_country("Amal Rahim", "Ghana"),
            with_country("Said Nasser", "Togo"),
        ];
        named.sources = evidence_of(said[2]);
        doc.meetings = vec![unnamed, named.clone()];
        annotate(&mut doc);
        assert_eq!(days(&doc)[1].as_deref(), Some("2024-03-06"));
        // Not a meeting of another kind, nor one whose people are of one of the countries only.
        let mut call = named.clone();
        call.kind = MeetingKind::Call;
        let mut elsewhere = named;
        elsewhere.participants[1].country = Some("Benin".into());
        for other in [call, elsewhere] {
            doc.meetings.truncate(1);
            doc.meetings.push(other);
            annotate(&mut doc);
            assert_eq!(days(&doc)[1], None);
        }
    }
    #[test]
    fn an_undated_visit_takes_the_day_of_the_meetings_held_on_it() {
        const STORY: &str = "Rahim visit to Muscat unexplained. The sultan today welcomed Amal Rahim in Muscat. They talked.";
        let said = [
            "Rahim visit to Muscat unexplained.",
            "The sultan today welcomed Amal Rahim in Muscat.",
            "They talked.",
        ];
        let mut doc = story_of(STORY, &said);
        let evidence_of = |t: &str| told_in(STORY, &[t]);
        let muscat = || {
            Some(crate::records::Location {
                name: "Muscat".into(),
                country: Some("Oman".into()),
            })
        };
        let done = MeetingStatus::Occurred;
        let mut visit = meeting(MeetingKind::Visit, done, &["Amal Rahim"], "", None);
        visit.sources = evidence_of(said[0]);
        visit.location = muscat();
        let mut welcome = meeting(
            MeetingKind::Meeting,
            done,
            &["Said Nasser", "Amal Rahim"],
            "",
            Some("2024-03-06"),
        );
        welcome.sources = evidence_of(said[1]);
        welcome.location = muscat();
        doc.meetings = vec![visit.clone(), welcome.clone()];
        annotate(&mut doc);
        assert_eq!(days(&doc)[0].as_deref(), Some("2024-03-06"));
        // Meetings there on two different days date no visit; nor does one elsewhere.
        let mut other_day = welcome.clone();
        other_day.date = Some(DateField {
            text: "on Tuesday".into(),
            value: DateValue::from_iso("2024-03-05"),
        });
        doc.meetings = vec![visit.clone(), welcome.clone(), other_day];
        annotate(&mut doc);
        assert_eq!(days(&doc)[0], None);
        let mut elsewhere = welcome;
        elsewhere.location = Some(crate::records::Location {
            name: "Doha".into(),
            country: Some("Qatar".into()),
        });
        doc.meetings = vec![visit, elsewhere];
        annotate(&mut doc);
        assert_eq!(days(&doc)[0], None);
    }
}
