//! From event mentions (what the learned reader found) to records: meetings and agreements
//! with canonical people, places with their country, resolved dates and evidence.
//!
//! Everything here is bookkeeping the model does not learn: names come from
//! [`crate::people`], date values from [`crate::dates`], countries from
//! [`crate::gazetteer`]. Records of one event stated several times are folded later by
//! [`crate::merge`].

use crate::dates::{self, DateValue};
use crate::doc::{Document, EntityLabel};
use crate::events::{Argument, EventMention, Role};
use crate::gazetteer;
use crate::people;
use crate::records::{
    Agreement, AgreementKind, AgreementStatus, DateField, Evidence, Location, Meeting, MeetingKind, MeetingStatus, Participant, Party,
    PartyType,
};
use crate::text::ByteSpan;

/// The meetings and agreements `doc.event_mentions` state, one record per mention.
pub fn records(doc: &Document) -> (Vec<Meeting>, Vec<Agreement>) {
    let lead = lead_sentence(doc);
    let mut meetings = Vec::new();
    let mut agreements = Vec::new();
    for mention in &doc.event_mentions {
        let evidence = Evidence::of(doc, doc.sentences[mention.sentence]);
        let date = date_of(doc, mention, lead);
        let location = place_of(doc, mention);
        if mention.is_agreement {
            let Some(kind) = agreement_kind(&mention.kind) else { continue };
            let status = match mention.status.as_str() {
                "signed" => AgreementStatus::Signed,
                "planned" => AgreementStatus::Planned,
                _ => AgreementStatus::Discussed,
            };
            let signatories = people_in(doc, mention, &[Role::Signatory]);
            let mut parties = parties_of(doc, mention, &[Role::Party]);
            if parties.is_empty() {
                // No party found: the countries of the people who signed or took part.
                let people = people_in(doc, mention, &[Role::Signatory, Role::Participant, Role::Visitor, Role::Host]);
                for country in people.iter().filter_map(|p| p.country.clone()) {
                    if !parties.iter().any(|p| p.name == country) {
                        parties.push(Party { name: country, kind: PartyType::Country });
                    }
                }
            }
            if parties.is_empty() && signatories.is_empty() {
                continue;
            }
            agreements.push(Agreement {
                id: String::new(),
                kind,
                status,
                title: None,
                parties,
                signatories,
                subject: None,
                date,
                location,
                sources: vec![evidence],
                confidence: round(mention.confidence),
            });
        } else {
            let Some(kind) = meeting_kind(&mention.kind) else { continue };
            let status = match mention.status.as_str() {
                "occurred" => MeetingStatus::Occurred,
                "planned" => MeetingStatus::Planned,
                _ => MeetingStatus::Cancelled,
            };
            let participants = people_in(doc, mention, &[Role::Participant, Role::Visitor, Role::Host]);
            if participants.is_empty() {
                continue;
            }
            meetings.push(Meeting {
                id: String::new(),
                kind,
                status,
                participants,
                location: if kind == MeetingKind::Call { None } else { location },
                date,
                topics: Vec::new(),
                sources: vec![evidence],
                confidence: round(mention.confidence),
            });
        }
    }
    (meetings, agreements)
}

/// Probability a role filler in a neighbouring sentence needs.
const CROSS_SENTENCE_ROLE: f32 = 0.8;

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

fn meeting_kind(kind: &str) -> Option<MeetingKind> {
    Some(match kind {
        "meeting" => MeetingKind::Meeting,
        "talks" => MeetingKind::Talks,
        "visit" => MeetingKind::Visit,
        "call" => MeetingKind::Call,
        "conference" => MeetingKind::Conference,
        _ => return None,
    })
}

fn agreement_kind(kind: &str) -> Option<AgreementKind> {
    Some(match kind {
        "memorandum of understanding" => AgreementKind::MemorandumOfUnderstanding,
        "agreement" => AgreementKind::Agreement,
        "treaty" => AgreementKind::Treaty,
        "joint statement" => AgreementKind::JointStatement,
        "partnership" => AgreementKind::Partnership,
        "contract" => AgreementKind::Contract,
        "protocol" => AgreementKind::Protocol,
        "declaration" => AgreementKind::Declaration,
        _ => return None,
    })
}

/// The entity mentions an argument names: itself, or what a referring phrase stands for.
fn named(argument: &Argument) -> Vec<ByteSpan> {
    if argument.label.is_some() {
        vec![argument.span]
    } else {
        argument.stands_for.clone()
    }
}

fn label_at(doc: &Document, span: ByteSpan) -> Option<EntityLabel> {
    doc.entities.iter().find(|e| e.span == span).map(|e| e.label)
}

/// The people filling `roles`, in text order of their first argument, each once.
fn people_in(doc: &Document, mention: &EventMention, roles: &[Role]) -> Vec<Participant> {
    let same_sentence = |a: &Argument| doc.sentences[mention.sentence].start <= a.span.start && a.span.end <= doc.sentences[mention.sentence].end;
    let mut spans: Vec<ByteSpan> = mention
        .arguments
        .iter()
        .filter(|a| roles.contains(&a.role))
        // A name in a neighbouring sentence takes part only when the reader is sure of it.
        .filter(|a| same_sentence(a) || a.label.is_none() || a.probability >= CROSS_SENTENCE_ROLE)
        .flat_map(named)
        .filter(|s| label_at(doc, *s) == Some(EntityLabel::Person))
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Participant> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for span in spans {
        let Some(i) = people::person_at(&doc.people, span) else { continue };
        if seen.contains(&i) {
            continue;
        }
        seen.push(i);
        let p = &doc.people[i];
        out.push(Participant { name: p.name.clone(), role: p.role.clone(), country: p.country.clone(), organization: p.organization.clone() });
    }
    out
}

fn parties_of(doc: &Document, mention: &EventMention, roles: &[Role]) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    let mut spans: Vec<ByteSpan> = mention.arguments.iter().filter(|a| roles.contains(&a.role)).flat_map(named).collect();
    spans.sort_by_key(|s| (s.start, s.end));
    for span in spans {
        let text = strip_article(span.slice(&doc.text));
        let party = match label_at(doc, span) {
            Some(EntityLabel::Gpe) | Some(EntityLabel::Loc) => {
                Party { name: gazetteer::canonical_country(text).unwrap_or(text).to_string(), kind: PartyType::Country }
            }
            Some(EntityLabel::Norp) => match gazetteer::country_of_demonym(text) {
                Some(country) => Party { name: country.to_string(), kind: PartyType::Country },
                None => continue,
            },
            Some(EntityLabel::Org) => Party { name: text.to_string(), kind: PartyType::Organization },
            Some(EntityLabel::Person) => match people::person_at(&doc.people, span) {
                Some(i) => Party { name: doc.people[i].name.clone(), kind: PartyType::Person },
                None => continue,
            },
            _ => continue,
        };
        if !out.iter().any(|p| p.name == party.name) {
            out.push(party);
        }
    }
    out
}

fn strip_article(text: &str) -> &str {
    text.strip_prefix("the ").or_else(|| text.strip_prefix("The ")).unwrap_or(text).trim()
}

/// The most likely place argument that is a GPE or LOC.
fn place_of(doc: &Document, mention: &EventMention) -> Option<Location> {
    let best = mention
        .arguments
        .iter()
        .filter(|a| a.role == Role::Place && a.label.is_some_and(|l| matches!(l, EntityLabel::Gpe | EntityLabel::Loc)))
        .max_by(|a, b| a.probability.total_cmp(&b.probability).then(b.span.start.cmp(&a.span.start)))?;
    let name = strip_article(best.span.slice(&doc.text)).to_string();
    let country = gazetteer::country_of_place(&name).map(str::to_string);
    Some(Location { name, country })
}

/// The first sentence of the article's prose (not headline, byline or dateline furniture).
fn lead_sentence(doc: &Document) -> Option<usize> {
    doc.sentences.iter().position(|s| !doc.is_furniture(*s))
}

/// The date argument's resolved value; an undated event told in the lead as having happened
/// takes the story's (publication) day.
fn date_of(doc: &Document, mention: &EventMention, lead: Option<usize>) -> Option<DateField> {
    let anchor = doc.published.as_deref().and_then(dates::publication_anchor);
    let best = mention
        .arguments
        .iter()
        .filter(|a| a.role == Role::Date && a.label == Some(EntityLabel::Date))
        .max_by(|a, b| a.probability.total_cmp(&b.probability).then(b.span.start.cmp(&a.span.start)));
    if let Some(arg) = best {
        let text = arg.span.slice(&doc.text).to_string();
        let value = doc.dates.iter().find(|d| d.span == arg.span).and_then(|d| d.value.clone());
        let value = value.map(|v| dates::record_value(&text, v, anchor));
        return Some(DateField { text, value });
    }
    if Some(mention.sentence) == lead && !mention.is_agreement && mention.status == "occurred" {
        if let Some(day) = anchor {
            if doc.published.as_deref().is_some_and(|p| p.len() == 10) {
                return Some(DateField { text: String::new(), value: Some(DateValue::Day(day)) });
            }
        }
    }
    None
}
