//! The learned event reader: finds meeting and agreement triggers, their status, the mentions
//! that fill their roles, and what referring phrases ("the two leaders", "her", "the Kenyan
//! president") stand for, from the features the entity tagger already computed (one encoder
//! pass serves entities and events).
//!
//! Input: [`Document::word_features`], filled by [`crate::ner`] when the reader is loaded.
//! Output: [`Document::event_mentions`], turned into records by [`crate::assemble`].

mod heads;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::doc::{Document, EntityLabel};
use crate::text::ByteSpan;
use heads::PairInput;
pub use heads::{EventHeads, HeadsConfig};

/// The encoder features of one sentence's words (`[words, in_dim]`, row-major), in the order of
/// `Document::sentences`.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Byte span of each word in the document.
    pub words: Vec<ByteSpan>,
    pub features: Vec<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Participant,
    Visitor,
    Host,
    Party,
    Signatory,
    Place,
    Date,
}

impl Role {
    fn parse(name: &str) -> Option<Role> {
        Some(match name {
            "participant" => Role::Participant,
            "visitor" => Role::Visitor,
            "host" => Role::Host,
            "party" => Role::Party,
            "signatory" => Role::Signatory,
            "place" => Role::Place,
            "date" => Role::Date,
            _ => return None,
        })
    }
}

/// A mention that fills a role of an event: an entity, or a referring phrase with the entity
/// mentions it was resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Argument {
    pub span: ByteSpan,
    /// `None` for a referring phrase.
    pub label: Option<EntityLabel>,
    pub role: Role,
    pub probability: f32,
    /// For a referring phrase: the entity mentions it stands for (best first).
    pub stands_for: Vec<ByteSpan>,
}

/// One statement of an event in the text: its trigger and what the reader found around it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    pub trigger: ByteSpan,
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// A kind name of the model (`talks`, `memorandum of understanding`, ...).
    pub kind: String,
    pub is_agreement: bool,
    /// `occurred` | `planned` | `cancelled` for meetings; `signed` | `planned` | `discussed`.
    pub status: String,
    /// Mean probability of the trigger's word tags times that of the status.
    pub confidence: f32,
    pub arguments: Vec<Argument>,
}

/// The event reader trained on the encoder in `model_dir`: the `events` folder beside it
/// (`models/l6/ner` -> `models/l6/events`), else the shipped one. Heads read one encoder's
/// features; beside another encoder they would read noise.
pub fn dir_for_model(model_dir: &Path) -> PathBuf {
    match model_dir.parent().map(|p| p.join("events")) {
        Some(beside) if beside.join("heads.safetensors").exists() => beside,
        _ => default_dir(),
    }
}

/// Where the shipped event reader lives: `models/events` beside `models/ner`.
pub fn default_dir() -> PathBuf {
    let local = PathBuf::from("models/events");
    if local.join("heads.safetensors").exists() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models/events")
}

/// The trigger kinds that are meetings; every other kind in `events.json` is an agreement.
const MEETING_KINDS: &[&str] = &["meeting", "talks", "visit", "call", "conference"];

pub struct EventReader {
    heads: EventHeads,
    /// SHA-256 of `heads.safetensors`, hex.
    sha256: String,
    label_index: Vec<Option<EntityLabel>>,
    ref_label: usize,
}

/// A span of words of one sentence with its vector.
struct Mention {
    sentence: usize,
    first_word: usize,
    end_word: usize,
    span: ByteSpan,
    label: Option<EntityLabel>,
    vector: Vec<f32>,
}

const ROLE_THRESHOLD: f32 = 0.5;
const MAX_ARGUMENT_CANDIDATES: usize = 48;
const MAX_ANTECEDENT_CANDIDATES: usize = 24;
const ANTECEDENT_THRESHOLD: f32 = 0.5;

impl EventReader {
    pub fn load(dir: &Path) -> Result<Self> {
        let heads = EventHeads::load(dir)?;
        let bytes = std::fs::read(dir.join("heads.safetensors"))?;
        let sha256 = format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&bytes));
        let label_index: Vec<Option<EntityLabel>> = heads
            .config
            .mention_labels
            .iter()
            .map(|l| EntityLabel::parse(l))
            .collect();
        let ref_label = heads
            .config
            .mention_labels
            .iter()
            .position(|l| l == "REF")
            .unwrap_or(label_index.len());
        Ok(EventReader {
            heads,
            sha256,
            label_index,
            ref_label,
        })
    }

    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    pub fn name(&self) -> &str {
        &self.heads.config.name
    }

    pub fn in_dim(&self) -> usize {
        self.heads.config.in_dim
    }

    /// SHA-256 of the encoder weights the heads were trained with, when `events.json` says.
    pub fn encoder_sha256(&self) -> Option<&str> {
        self.heads.config.encoder_sha256.as_deref()
    }

    /// Per-word trigger and reference-tag logits of one sentence run alone through `model`
    /// (which must have this reader attached): the raw view, for parity with the training code.
    pub fn sentence_logits(
        &self,
        model: &crate::ner::NerModel,
        sentence: &str,
    ) -> Result<(usize, Vec<f32>, Vec<f32>)> {
        let mut docs = [Document::from_text("parity", sentence)];
        docs[0].sentences = vec![ByteSpan::new(0, sentence.len())];
        model.annotate(&mut docs)?;
        let s = docs[0]
            .word_features
            .first()
            .ok_or_else(|| anyhow::anyhow!("no features: attach the reader with a learned mode"))?;
        let hidden = self.heads.words(&[(s.features.as_slice(), s.words.len())]);
        let (trig, refs) = self.heads.word_logits(&hidden);
        Ok((s.words.len(), trig, refs))
    }

    /// Reads the events of one document from its word features (then dropped).
    pub fn annotate(&self, doc: &mut Document) {
        let features = std::mem::take(&mut doc.word_features);
        doc.event_mentions = self.read(doc, &features);
    }

    fn read(&self, doc: &Document, sentences: &[SentenceFeatures]) -> Vec<EventMention> {
        let cfg = &self.heads.config;
        let dim = cfg.dim;
        let inputs: Vec<(&[f32], usize)> = sentences
            .iter()
            .map(|s| (s.features.as_slice(), s.words.len()))
            .collect();
        let hidden_all = self.heads.words(&inputs);
        let (trig_all, refs_all) = self.heads.word_logits(&hidden_all);
        let (kt, kr) = (cfg.trigger_tags.len(), cfg.ref_tags.len());
        // Each sentence's rows of the document-wide matrices.
        let mut hidden: Vec<&[f32]> = Vec::with_capacity(sentences.len());
        let mut triggers = Vec::new(); // (sentence, first, end, kind index, confidence)
        let mut mentions: Vec<Mention> = Vec::new();
        let mut at = 0;
        for (si, s) in sentences.iter().enumerate() {
            let n = s.words.len();
            let (from, to) = (at, at + n);
            at = to;
            hidden.push(&hidden_all[from * dim..to * dim]);
            if n == 0 {
                continue;
            }
            for (first, end, tag, p) in
                decode_bio(&trig_all[from * kt..to * kt], n, &cfg.trigger_tags)
            {
                triggers.push((si, first, end, tag, p));
            }
            for (first, end, _, _) in decode_bio(&refs_all[from * kr..to * kr], n, &cfg.ref_tags) {
                mentions.push(self.mention(hidden[si], s, si, first, end, None));
            }
            for e in doc.entities_in(doc.sentences[si]) {
                let first = s.words.iter().position(|w| w.end > e.span.start);
                let end = s
                    .words
                    .iter()
                    .rposition(|w| w.start < e.span.end)
                    .map(|i| i + 1);
                if let (Some(first), Some(end)) = (first, end) {
                    if first < end {
                        let mut m = self.mention(hidden[si], s, si, first, end, Some(e.label));
                        m.span = e.span;
                        mentions.push(m);
                    }
                }
            }
        }
        if triggers.is_empty() {
            return Vec::new();
        }
        mentions.sort_by_key(|m| (m.sentence, m.first_word, m.end_word));
        // The mention halves of the pair scorers, once per mention (see `heads::PairScorer`).
        let vectors: Vec<f32> = mentions
            .iter()
            .flat_map(|m| m.vector.iter().copied())
            .collect();
        let role_right = self.heads.roles.right(&vectors);
        let mut resolved = Resolved {
            right: None,
            stands_for: vec![None; mentions.len()],
        };
        let mut out = Vec::new();
        for (si, first, end, kind, p) in triggers {
            let span = ByteSpan::new(
                sentences[si].words[first].start,
                sentences[si].words[end - 1].end,
            );
            if doc.is_furniture(span) {
                continue;
            }
            let vector = mean(hidden[si], dim, first, end);
            let is_agreement = !MEETING_KINDS.contains(&cfg.kinds[kind].as_str());
            let status_logits = self.heads.status_logits(&vector);
            // A trigger's status is chosen among its own type's statuses (events.json lists the
            // meeting statuses first, then those of agreements from "signed" on).
            let agreement_from = cfg
                .statuses
                .iter()
                .position(|s| s == "signed")
                .unwrap_or(cfg.statuses.len());
            let range = if is_agreement {
                agreement_from..cfg.statuses.len()
            } else {
                0..agreement_from
            };
            let probs = softmax(&status_logits[range.clone()]);
            let best = argmax(&probs);
            let status = match cfg.statuses[range.start + best].as_str() {
                "planned-agreement" => "planned".to_string(),
                other => other.to_string(),
            };
            let mut arguments = Vec::new();
            // (mention index, sentence offset, signed word distance)
            let mut candidates: Vec<(usize, isize, isize)> = mentions
                .iter()
                .enumerate()
                .filter_map(|(i, m)| {
                    let offset = m.sentence as isize - si as isize;
                    if offset.abs() > 1 || (offset == 0 && m.first_word < end && m.end_word > first)
                    {
                        return None;
                    }
                    let words = if offset == 0 {
                        m.first_word as isize - first as isize
                    } else if offset > 0 {
                        (sentences[si].words.len() - first + m.first_word) as isize
                    } else {
                        -((first + sentences[m.sentence].words.len() - m.first_word) as isize)
                    };
                    Some((i, offset, words))
                })
                .collect();
            // The nearest mentions only: arguments sit within a few dozen words of their trigger,
            // and the cap bounds the work on a sentence of hundreds of names.
            candidates.sort_by_key(|&(i, _, words)| (words.unsigned_abs(), mentions[i].span.start));
            candidates.truncate(MAX_ARGUMENT_CANDIDATES);
            candidates.sort_by_key(|&(i, _, _)| {
                (
                    mentions[i].sentence,
                    mentions[i].first_word,
                    mentions[i].end_word,
                )
            });
            let hdim = self.heads.roles.hidden();
            let pairs: Vec<PairInput> = candidates
                .iter()
                .map(|&(i, offset, words)| PairInput {
                    vector: &mentions[i].vector,
                    right: &role_right[i * hdim..(i + 1) * hdim],
                    distance: self.heads.role_distance(offset, words),
                    label: mentions[i]
                        .label
                        .map(|l| self.label_of(l))
                        .unwrap_or(self.ref_label),
                })
                .collect();
            let logits = self
                .heads
                .roles
                .score(&vector, &self.heads.roles.left(&vector), &pairs);
            let nroles = cfg.roles.len();
            for (&(i, _, _), logits) in candidates.iter().zip(logits.chunks(nroles)) {
                let m = &mentions[i];
                for (r, &l) in logits.iter().enumerate() {
                    let prob = sigmoid(l);
                    if prob < ROLE_THRESHOLD {
                        continue;
                    }
                    let Some(role) = Role::parse(&cfg.roles[r]) else {
                        continue;
                    };
                    let stands_for = if m.label.is_none() {
                        self.antecedents(i, &mentions, sentences, &mut resolved)
                            .to_vec()
                    } else {
                        Vec::new()
                    };
                    arguments.push(Argument {
                        span: m.span,
                        label: m.label,
                        role,
                        probability: prob,
                        stands_for,
                    });
                }
            }
            out.push(EventMention {
                trigger: span,
                sentence: doc
                    .sentences
                    .iter()
                    .position(|s| s.start <= span.start && span.end <= s.end)
                    .unwrap_or(si),
                kind: cfg.kinds[kind].clone(),
                is_agreement,
                status,
                confidence: p * probs[best],
                arguments,
            });
        }
        out
    }

    fn label_of(&self, label: EntityLabel) -> usize {
        self.label_index
            .iter()
            .position(|l| *l == Some(label))
            .unwrap_or(0)
    }

    fn mention(
        &self,
        hidden: &[f32],
        s: &SentenceFeatures,
        si: usize,
        first: usize,
        end: usize,
        label: Option<EntityLabel>,
    ) -> Mention {
        Mention {
            sentence: si,
            first_word: first,
            end_word: end,
            span: ByteSpan::new(s.words[first].start, s.words[end - 1].end),
            label,
            vector: mean(hidden, self.heads.config.dim, first, end),
        }
    }

    /// The names a referring phrase (`mentions[reference]`) stands for: earlier PERSON, ORG,
    /// GPE and NORP mentions within a few sentences whose antecedent probability passes the
    /// threshold (best first), else the single best one when it is at least half as likely.
    /// Worked out once per phrase (it fills roles of several triggers).
    fn antecedents<'r>(
        &self,
        reference: usize,
        mentions: &[Mention],
        sentences: &[SentenceFeatures],
        resolved: &'r mut Resolved,
    ) -> &'r [ByteSpan] {
        if resolved.stands_for[reference].is_none() {
            let found = self.find_antecedents(reference, mentions, sentences, &mut resolved.right);
            resolved.stands_for[reference] = Some(found);
        }
        resolved.stands_for[reference]
            .as_deref()
            .unwrap_or_default()
    }

    fn find_antecedents(
        &self,
        reference: usize,
        mentions: &[Mention],
        sentences: &[SentenceFeatures],
        right: &mut Option<Vec<f32>>,
    ) -> Vec<ByteSpan> {
        let back = self.heads.config.antecedent_sentences;
        let r = &mentions[reference];
        let mut candidates: Vec<(usize, usize, isize, usize)> = Vec::new(); // (mention, gap, words, label)
                                                                            // Nearest first, so that the cap keeps the closest names.
        for (i, c) in mentions.iter().enumerate().rev() {
            let Some(label) = c.label else { continue };
            if !matches!(
                label,
                EntityLabel::Person | EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Norp
            ) {
                continue;
            }
            if c.sentence > r.sentence || c.sentence + back < r.sentence {
                continue;
            }
            if c.sentence == r.sentence && c.first_word >= r.first_word {
                continue;
            }
            let gap = r.sentence - c.sentence;
            let words = if gap == 0 {
                (r.first_word - c.first_word) as isize
            } else {
                (r.first_word + sentences[c.sentence].words.len() - c.first_word) as isize
            };
            candidates.push((i, gap, words, self.label_of(label)));
            if candidates.len() >= MAX_ANTECEDENT_CANDIDATES {
                break;
            }
        }
        if candidates.is_empty() {
            return Vec::new();
        }
        let scorer = &self.heads.antecedents;
        // The candidate halves, once per document for all mentions.
        let right = right.get_or_insert_with(|| {
            let vectors: Vec<f32> = mentions
                .iter()
                .flat_map(|m| m.vector.iter().copied())
                .collect();
            scorer.right(&vectors)
        });
        let hdim = scorer.hidden();
        let pairs: Vec<PairInput> = candidates
            .iter()
            .map(|&(i, gap, words, label)| PairInput {
                vector: &mentions[i].vector,
                right: &right[i * hdim..(i + 1) * hdim],
                distance: self.heads.antecedent_distance(gap, words),
                label,
            })
            .collect();
        let logits = scorer.score(&r.vector, &scorer.left(&r.vector), &pairs);
        let mut scored: Vec<(f32, ByteSpan)> = candidates
            .iter()
            .zip(&logits)
            .map(|(&(i, ..), &l)| (sigmoid(l), mentions[i].span))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
        let passing: Vec<ByteSpan> = scored
            .iter()
            .filter(|(p, _)| *p >= ANTECEDENT_THRESHOLD)
            .map(|(_, s)| *s)
            .collect();
        if !passing.is_empty() {
            return passing;
        }
        scored
            .first()
            .filter(|(p, _)| *p >= ANTECEDENT_THRESHOLD / 2.0)
            .map(|(_, s)| vec![*s])
            .unwrap_or_default()
    }
}

/// What [`EventReader::antecedents`] worked out in one document: the candidate halves of the
/// antecedent scorer, and each referring phrase's names, by mention index.
struct Resolved {
    right: Option<Vec<f32>>,
    stands_for: Vec<Option<Vec<ByteSpan>>>,
}

fn mean(hidden: &[f32], dim: usize, first: usize, end: usize) -> Vec<f32> {
    let mut v = vec![0f32; dim];
    for w in first..end {
        for (a, b) in v.iter_mut().zip(&hidden[w * dim..(w + 1) * dim]) {
            *a += b;
        }
    }
    let n = (end - first) as f32;
    v.iter_mut().for_each(|a| *a /= n);
    v
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

fn softmax(x: &[f32]) -> Vec<f32> {
    let max = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = x.iter().map(|v| (v - max).exp()).collect();
    let sum: f32 = e.iter().sum();
    e.into_iter().map(|v| v / sum).collect()
}

fn argmax(x: &[f32]) -> usize {
    let mut best = 0;
    for (i, v) in x.iter().enumerate() {
        if *v > x[best] {
            best = i;
        }
    }
    best
}

/// Spans of a greedy BIO decoding of per-word logits (`[words, tags]`): `(first, end, type
/// index, mean probability)`, where the type index counts the `B-`/`I-` pairs after `O`. An
/// `I-` tag that continues nothing starts a span.
fn decode_bio(logits: &[f32], words: usize, tags: &[String]) -> Vec<(usize, usize, usize, f32)> {
    let k = tags.len();
    let mut spans = Vec::new();
    let mut current: Option<(usize, usize, f32)> = None; // first, type, sum of probabilities
    for w in 0..=words {
        let (tag, p) = if w < words {
            let probs = softmax(&logits[w * k..(w + 1) * k]);
            let t = argmax(&probs);
            (t, probs[t])
        } else {
            (0, 1.0)
        };
        let kind = if tag == 0 {
            None
        } else {
            Some(((tag - 1) / 2, (tag - 1) % 2 == 0))
        };
        let continues = matches!((current, kind), (Some((_, t, _)), Some((kt, false))) if t == kt);
        if continues {
            if let Some(c) = current.as_mut() {
                c.2 += p;
            }
            continue;
        }
        if let Some((first, t, sum)) = current.take() {
            spans.push((first, w, t, sum / (w - first) as f32));
        }
        if let Some((t, _)) = kind {
            current = Some((w, t, p));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags() -> Vec<String> {
        ["O", "B-a", "I-a", "B-b", "I-b"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn one_hot(seq: &[usize]) -> Vec<f32> {
        seq.iter()
            .flat_map(|&t| (0..5).map(move |i| if i == t { 10.0 } else { 0.0 }))
            .collect()
    }

    #[test]
    fn bio_decoding_makes_whole_spans() {
        // O B-a I-a O I-b B-b B-b
        let spans = decode_bio(&one_hot(&[0, 1, 2, 0, 4, 3, 3]), 7, &tags());
        let shape: Vec<(usize, usize, usize)> = spans.iter().map(|s| (s.0, s.1, s.2)).collect();
        assert_eq!(shape, vec![(1, 3, 0), (4, 5, 1), (5, 6, 1), (6, 7, 1)]);
        assert!(spans.iter().all(|s| s.3 > 0.99));
    }

    #[test]
    fn bio_decoding_of_nothing_is_empty() {
        assert!(decode_bio(&[], 0, &tags()).is_empty());
        assert!(decode_bio(&one_hot(&[0, 0]), 2, &tags()).is_empty());
    }
}
