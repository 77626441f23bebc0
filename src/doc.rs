//! The document that every stage reads and adds to: it owns the text and its spans.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{ByteSpan, CharIndex};

/// Entity types of the NER model (OntoNotes names, see SPEC.md "Span conventions").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Date,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 6] = [
        EntityLabel::Person,
        EntityLabel::Org,
        EntityLabel::Gpe,
        EntityLabel::Loc,
        EntityLabel::Norp,
        EntityLabel::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Date => "DATE",
        }
    }

    pub fn parse(name: &str) -> Option<EntityLabel> {
        EntityLabel::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

impl fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entity mention found by the NER stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: ByteSpan,
    pub label: EntityLabel,
    /// Mean probability the model gave the mention's word tags, in [0, 1].
    pub score: f32,
}

/// An input article on its way through the pipeline.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Path relative to the input root, or the `id` of a JSON record.
    pub id: String,
    /// Where it was read from, as given on the command line.
    pub path: String,
    pub title: Option<String>,
    /// Publication date as found in the source (ISO `YYYY-MM-DD` when known).
    pub published: Option<String>,
    pub url: Option<String>,
    /// The text every offset points into, exactly as published in `documents.jsonl`.
    pub text: String,
    pub warnings: Vec<String>,
    /// Set when the document could not be processed; it then has no text-derived fields.
    pub error: Option<String>,
    /// Lines (trimmed, in text order) that are page furniture, not article prose: section
    /// label, date lines, bylines, photo credits, "READ ALSO:" links, share/subscribe
    /// boilerplate, trailing footnotes (filled by [`crate::ingest`]). They stay in `text` and
    /// are tagged, but record mining must skip them.
    pub furniture: Vec<ByteSpan>,
    /// The headline's line when the text opens with one (filled by [`crate::ingest`]): read
    /// like the body, but its records are kept only for what the body does not tell
    /// ([`crate::headline`]).
    pub headline: Option<ByteSpan>,
    /// Sentences in text order (filled by [`crate::segment`]).
    pub sentences: Vec<ByteSpan>,
    /// Entities in text order, never overlapping (filled by [`crate::ner`]).
    pub entities: Vec<Entity>,
    /// The DATE entities with their resolved values, in text order (filled by [`crate::dates`]).
    pub dates: Vec<crate::dates::DateMention>,
    /// The people the PERSON entities name (filled by [`crate::people`]).
    pub people: Vec<crate::people::Person>,
    /// Meetings read from this document alone, before merging (filled by [`crate::meetings`]).
    pub meetings: Vec<crate::records::Meeting>,
    /// Agreements read from this document alone (filled by [`crate::agreements`]).
    pub agreements: Vec<crate::records::Agreement>,
    /// Encoder features of each sentence's words, kept by [`crate::ner`] for the event reader
    /// when one is loaded (and dropped by it).
    pub word_features: Vec<crate::events::SentenceFeatures>,
    /// Event triggers with status and arguments (filled by [`crate::events`]).
    pub event_mentions: Vec<crate::events::EventMention>,
}

impl Document {
    /// The day the page was published, when it shows a full date (a month alone names no
    /// day a story can be told on).
    pub fn publication_day(&self) -> Option<chrono::NaiveDate> {
        self.published
            .as_deref()
            .filter(|p| p.len() == 10)
            .and_then(crate::dates::publication_anchor)
    }

    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        let id = id.into();
        Document {
            path: id.clone(),
            id,
            text: text.into(),
            ..Default::default()
        }
    }

    /// A document with the given mentions tagged, each found in `text` after the one before
    /// (for the tests of the stages that repair the tagger's output).
    #[cfg(test)]
    pub fn with_mentions_for_test(text: &str, mentions: &[(&str, EntityLabel)]) -> Self {
        let mut doc = Document::from_text("test", text);
        let mut from = 0;
        for &(mention, label) in mentions {
            let at = from + text[from..].find(mention).expect("mention in text");
            doc.entities.push(Entity {
                span: ByteSpan::new(at, at + mention.len()),
                label,
                score: 0.9,
            });
            from = at + mention.len();
        }
        doc
    }

    pub fn failed(
        id: impl Into<String>,
        path: impl Into<String>,
        error: impl Into<String>,
    ) -> Self {
        Document {
            id: id.into(),
            path: path.into(),
            error: Some(error.into()),
            ..Default::default()
        }
    }

    pub fn is_ok(&self) -> bool {
        self.error.is_none()
    }

    pub fn span_text(&self, span: ByteSpan) -> &str {
        span.slice(&self.text)
    }

    /// The sentence that holds byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<ByteSpan> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).copied().filter(|s| s.start <= at)
    }

    /// The sentences as code-point spans (the offsets record evidence is given in), through
    /// `index`, the document's one [`CharIndex`].
    pub fn sentence_chars(&self, index: &CharIndex) -> SentenceChars {
        SentenceChars(
            self.sentences
                .iter()
                .map(|s| (index.char_offset(s.start), index.char_offset(s.end)))
                .collect(),
        )
    }

    /// Whether `span` lies in page furniture (headline, credits, "READ ALSO:" lines ...),
    /// which records are never read from.
    pub fn is_furniture(&self, span: ByteSpan) -> bool {
        self.furniture
            .iter()
            .any(|f| f.start <= span.start && span.end <= f.end)
    }

    /// Entities inside `span`, in text order.
    pub fn entities_in(&self, span: ByteSpan) -> &[Entity] {
        let first = self.entities.partition_point(|e| e.span.start < span.start);
        let last = self.entities.partition_point(|e| e.span.start < span.end);
        let slice = &self.entities[first..last.max(first)];
        let keep = slice.iter().take_while(|e| e.span.end <= span.end).count();
        &slice[..keep]
    }
}

/// A document's sentences as code-point spans, in text order ([`Document::sentence_chars`]).
pub struct SentenceChars(Vec<(usize, usize)>);

impl SentenceChars {
    /// The index of the sentence that holds code point `at` (a record's evidence start).
    pub fn holding(&self, at: usize) -> Option<usize> {
        let i = self.0.partition_point(|&(_, end)| end <= at);
        self.0.get(i).filter(|&&(start, _)| start <= at).map(|_| i)
    }
}
