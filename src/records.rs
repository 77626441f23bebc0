//! The records users load: meetings and agreements, shaped as SPEC.md's `meetings.jsonl` and
//! `agreements.jsonl` lines.
//!
//! Extraction ([`crate::meetings`], [`crate::agreements`]) makes one record per mention of an
//! event in one document, with one [`Evidence`] each; [`crate::merge`] folds records of the
//! same event (in one document or across documents) together and gives them their ids.

use serde::{Deserialize, Serialize};

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
    /// The evidence of `sentence` (a byte span of `doc.text`), with code-point offsets.
    pub fn of(doc: &crate::doc::Document, sentence: crate::text::ByteSpan) -> Evidence {
        let start = doc.text[..sentence.start].chars().count();
        let text = sentence.slice(&doc.text);
        Evidence { doc_id: doc.id.clone(), sentence: text.to_string(), start, end: start + text.chars().count() }
    }
}

/// A date as written and as resolved (`value` null when nothing anchors it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateField {
    pub text: String,
    pub value: Option<DateValue>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
