//! The records users load: meetings and agreements, shaped as SPEC.md's `meetings.jsonl` and
//! `agreements.jsonl` lines.
//!
//! Extraction ([`crate::meetings`], [`crate::agreements`]) makes one record per mention of an
//! event in one document, with one [`Evidence`] each; [`crate::merge`] folds records of the
//! same event (in one document or across documents) together and gives them their ids.

use std::collections::BTreeSet;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::dates::DateValue;

/// The sentence a record was read from: `doc_text[start..end] == sentence`, in code points.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub doc_id: String,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
}

impl Evidence {
    /// The evidence of `sentence` (a byte span of `doc.text`), with code-point offsets through
    /// `index`, the document's one [`CharIndex`](crate::text::CharIndex) (counting from the
    /// start of the text for every record would be quadratic on long documents).
    pub fn of(
        doc: &crate::doc::Document,
        index: &crate::text::CharIndex,
        sentence: crate::text::ByteSpan,
    ) -> Evidence {
        let span = index.char_span(sentence);
        Evidence {
            doc_id: doc.id.clone(),
            sentence: sentence.slice(&doc.text).to_string(),
            start: span.start,
            end: span.end,
        }
    }
}

/// A date as written and as resolved (`value` null when nothing anchors it). Written with
/// `start` and `end`, the first and last ISO days `value` covers (null when it is null), so
/// that analysts filter and group by plain dates; reading a line back ignores them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DateField {
    pub text: String,
    pub value: Option<DateValue>,
}

impl DateField {
    /// The first day `value` covers, as `YYYY-MM-DD`.
    pub fn start(&self) -> Option<String> {
        self.value
            .as_ref()?
            .first_day()
            .map(|d| d.format("%Y-%m-%d").to_string())
    }

    /// The last day `value` covers, as `YYYY-MM-DD`.
    pub fn end(&self) -> Option<String> {
        self.value
            .as_ref()?
            .last_day()
            .map(|d| d.format("%Y-%m-%d").to_string())
    }
}

impl Serialize for DateField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("DateField", 4)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("value", &self.value)?;
        out.serialize_field("start", &self.start())?;
        out.serialize_field("end", &self.end())?;
        out.end()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
    pub country: Option<String>,
    pub organization: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingKind {
    Meeting,
    Talks,
    Visit,
    Call,
    Conference,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    Occurred,
    Planned,
    Cancelled,
}

/// Serialised with `countries` (see [`Meeting::countries`]) after `location`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Meeting {
    /// `mtg-` and 12 hex digits of a hash of what identifies the event; set by
    /// [`crate::merge`], empty before.
    pub id: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    pub participants: Vec<Participant>,
    pub location: Option<Location>,
    pub date: Option<DateField>,
    pub topics: Vec<String>,
    /// The multilateral gathering the record is, when it is one ("G20 summit", "Foreign
    /// Affairs Council"): set by [`crate::gatherings`], null for meetings of people.
    #[serde(default)]
    pub gathering: Option<String>,
    pub sources: Vec<Evidence>,
    pub confidence: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AgreementKind {
    #[serde(rename = "memorandum of understanding")]
    MemorandumOfUnderstanding,
    #[serde(rename = "agreement")]
    Agreement,
    #[serde(rename = "treaty")]
    Treaty,
    #[serde(rename = "joint statement")]
    JointStatement,
    #[serde(rename = "partnership")]
    Partnership,
    #[serde(rename = "contract")]
    Contract,
    #[serde(rename = "protocol")]
    Protocol,
    #[serde(rename = "declaration")]
    Declaration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgreementStatus {
    Signed,
    Planned,
    Discussed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartyType {
    Country,
    Organization,
    Person,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: PartyType,
}

/// Serialised with `countries` (see [`Agreement::countries`]) after `location`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Agreement {
    /// `agr-` and 12 hex digits, set by [`crate::merge`].
    pub id: String,
    pub kind: AgreementKind,
    pub status: AgreementStatus,
    /// A proper name when the text gives one ("Reciprocal Access Agreement").
    pub title: Option<String>,
    pub parties: Vec<Party>,
    pub signatories: Vec<Participant>,
    /// What it is about ("establishment of a hotline between ...").
    pub subject: Option<String>,
    pub date: Option<DateField>,
    pub location: Option<Location>,
    pub sources: Vec<Evidence>,
    pub confidence: f64,
}

#[cfg(test)]
impl Agreement {
    /// A signed agreement of `kind` between `parties`, read from `sources`, every other field
    /// empty: what stage tests start from.
    pub fn signed_for_test(
        kind: AgreementKind,
        parties: Vec<Party>,
        sources: Vec<Evidence>,
    ) -> Agreement {
        Agreement {
            id: String::new(),
            kind,
            status: AgreementStatus::Signed,
            title: None,
            parties,
            signatories: vec![],
            subject: None,
            date: None,
            location: None,
            sources,
            confidence: 0.9,
        }
    }
}

/// Sorted, deduplicated country names.
pub(crate) fn country_set<'a>(names: impl Iterator<Item = Option<&'a str>>) -> Vec<&'a str> {
    names
        .flatten()
        .filter(|c| !c.is_empty())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

impl Meeting {
    /// The countries involved: every participant's `country` and the location's country,
    /// sorted and deduplicated (the `countries` field of a `meetings.jsonl` line).
    pub fn countries(&self) -> Vec<&str> {
        country_set(
            self.participants
                .iter()
                .map(|p| p.country.as_deref())
                .chain(std::iter::once(
                    self.location.as_ref().and_then(|l| l.country.as_deref()),
                )),
        )
    }
}

impl Agreement {
    /// The countries involved: parties of type country, every signatory's `country` and the
    /// location's country, sorted and deduplicated (the `countries` field).
    pub fn countries(&self) -> Vec<&str> {
        country_set(
            self.parties
                .iter()
                .map(|p| (p.kind == PartyType::Country).then_some(p.name.as_str()))
                .chain(self.signatories.iter().map(|p| p.country.as_deref()))
                .chain(std::iter::once(
                    self.location.as_ref().and_then(|l| l.country.as_deref()),
                )),
        )
    }
}

impl Serialize for Meeting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Line<'a> {
            id: &'a str,
            kind: MeetingKind,
            status: MeetingStatus,
            participants: &'a [Participant],
            location: &'a Option<Location>,
            countries: Vec<&'a str>,
            date: &'a Option<DateField>,
            topics: &'a [String],
            gathering: &'a Option<String>,
            sources: &'a [Evidence],
            confidence: f64,
        }
        Line {
            id: &self.id,
            kind: self.kind,
            status: self.status,
            participants: &self.participants,
            location: &self.location,
            countries: self.countries(),
            date: &self.date,
            topics: &self.topics,
            gathering: &self.gathering,
            sources: &self.sources,
            confidence: self.confidence,
        }
        .serialize(s)
    }
}

impl Serialize for Agreement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Line<'a> {
            id: &'a str,
            kind: AgreementKind,
            status: AgreementStatus,
            title: &'a Option<String>,
            parties: &'a [Party],
            signatories: &'a [Participant],
            subject: &'a Option<String>,
            date: &'a Option<DateField>,
            location: &'a Option<Location>,
            countries: Vec<&'a str>,
            sources: &'a [Evidence],
            confidence: f64,
        }
        Line {
            id: &self.id,
            kind: self.kind,
            status: self.status,
            title: &self.title,
            parties: &self.parties,
            signatories: &self.signatories,
            subject: &self.subject,
            date: &self.date,
            location: &self.location,
            countries: self.countries(),
            sources: &self.sources,
            confidence: self.confidence,
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn field(value: Option<DateValue>) -> serde_json::Value {
        serde_json::to_value(DateField {
            text: "x".into(),
            value,
        })
        .unwrap()
    }

    #[test]
    fn dates_carry_the_days_they_cover() {
        let day = |y, m, d| DateValue::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let cases = [
            (Some(day(2024, 8, 20)), "2024-08-20", "2024-08-20"),
            (
                Some(DateValue::Month {
                    year: 2024,
                    month: 2,
                }),
                "2024-02-01",
                "2024-02-29",
            ),
            (Some(DateValue::Year(2023)), "2023-01-01", "2023-12-31"),
            (
                DateValue::interval(day(2024, 4, 11), day(2024, 4, 12)),
                "2024-04-11",
                "2024-04-12",
            ),
        ];
        for (value, start, end) in cases {
            let json = field(value);
            assert_eq!(
                (json["start"].as_str(), json["end"].as_str()),
                (Some(start), Some(end)),
                "{json}"
            );
        }
        let none = field(None);
        assert!(none["start"].is_null() && none["end"].is_null() && none["value"].is_null());
        let back: DateField = serde_json::from_value(field(Some(day(2024, 1, 2)))).unwrap();
        assert_eq!(back.value, Some(day(2024, 1, 2)));
    }

    #[test]
    fn countries_are_sorted_and_deduplicated() {
        let person = |c: Option<&str>| Participant {
            name: "X".into(),
            role: None,
            country: c.map(Into::into),
            organization: None,
        };
        let m = Meeting {
            id: String::new(),
            kind: MeetingKind::Meeting,
            status: MeetingStatus::Occurred,
            participants: vec![person(Some("Vietnam")), person(None), person(Some("China"))],
            location: Some(Location {
                name: "Hanoi".into(),
                country: Some("Vietnam".into()),
            }),
            date: None,
            topics: vec![],
            gathering: None,
            sources: vec![],
            confidence: 0.5,
        };
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["countries"], serde_json::json!(["China", "Vietnam"]));
        let back: Meeting = serde_json::from_value(json).unwrap();
        assert_eq!(back, m);
        let a = Agreement {
            id: String::new(),
            kind: AgreementKind::Treaty,
            status: AgreementStatus::Signed,
            title: None,
            parties: vec![
                Party {
                    name: "Laos".into(),
                    kind: PartyType::Country,
                },
                Party {
                    name: "ASEAN".into(),
                    kind: PartyType::Organization,
                },
            ],
            signatories: vec![],
            subject: None,
            date: None,
            location: Some(Location {
                name: "Tokyo".into(),
                country: Some("Japan".into()),
            }),
            sources: vec![],
            confidence: 0.5,
        };
        assert_eq!(a.countries(), ["Japan", "Laos"]);
    }
}
