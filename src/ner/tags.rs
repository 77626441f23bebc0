//! BIO tags and the constrained Viterbi decoder that turns word tag probabilities into spans.

use anyhow::{bail, Result};

use crate::doc::EntityLabel;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Outside,
    Begin(EntityLabel),
    Inside(EntityLabel),
}

impl Tag {
    pub fn parse(name: &str) -> Result<Tag> {
        if name == "O" {
            return Ok(Tag::Outside);
        }
        let (prefix, label) = name.split_once('-').unwrap_or(("", ""));
        let Some(label) = EntityLabel::parse(label) else {
            bail!("unknown entity label in tag {name:?}")
        };
        match prefix {
            "B" => Ok(Tag::Begin(label)),
            "I" => Ok(Tag::Inside(label)),
            _ => bail!("tag {name:?} is not BIO"),
        }
    }

    /// Whether `next` may follow `self` in a valid BIO sequence.
    fn may_precede(self, next: Tag) -> bool {
        match next {
            Tag::Inside(label) => matches!(self, Tag::Begin(l) | Tag::Inside(l) if l == label),
            _ => true,
        }
    }
}

/// A decoded span over words `[start, end)` with the mean probability of its tags.
#[derive(Debug, Clone, PartialEq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
    pub score: f32,
}

/// Most probable tag sequence among the valid BIO sequences, given per-word probabilities
/// `probs[word * tags.len() + tag]`; returns the entity spans it contains.
pub fn decode(tags: &[Tag], probs: &[f32], words: usize) -> Vec<WordSpan> {
    let k = tags.len();
    if words == 0 || k == 0 {
        return Vec::new();
    }
    debug_assert_eq!(probs.len(), words * k);
    let log = |p: f32| p.max(1e-12).ln();
    let mut score: Vec<f32> = (0..k)
        .map(|j| {
            if matches!(tags[j], Tag::Inside(_)) {
                f32::NEG_INFINITY
            } else {
                log(probs[j])
            }
        })
        .collect();
    let mut back = vec![0usize; words * k];
    for w in 1..words {
        let mut next = vec![f32::NEG_INFINITY; k];
        for j in 0..k {
            let mut best = (f32::NEG_INFINITY, 0);
            for i in 0..k {
                if tags[i].may_precede(tags[j]) && score[i] > best.0 {
                    best = (score[i], i);
                }
            }
            next[j] = best.0 + log(probs[w * k + j]);
            back[w * k + j] = best.1;
        }
        score = next;
    }
    let mut path = vec![0usize; words];
    path[words - 1] = (0..k)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    for w in (1..words).rev() {
        path[w - 1] = back[w * k + path[w]];
    }

    let mut spans = Vec::new();
    let mut w = 0;
    while w < words {
        if let Tag::Begin(label) = tags[path[w]] {
            let start = w;
            let mut total = probs[w * k + path[w]];
            w += 1;
            while w < words && tags[path[w]] == Tag::Inside(label) {
                total += probs[w * k + path[w]];
                w += 1;
            }
            spans.push(WordSpan {
                start,
                end: w,
                label,
                score: total / (w - start) as f32,
            });
        } else {
            w += 1;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags() -> Vec<Tag> {
        ["O", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE"]
            .iter()
            .map(|t| Tag::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn an_inside_tag_never_starts_a_span() {
        // Argmax would give I-PERSON I-PERSON: invalid; the decoder must open with B-PERSON.
        let probs = [0.1, 0.35, 0.45, 0.05, 0.05, 0.05, 0.05, 0.8, 0.05, 0.05];
        let spans = decode(&tags(), &probs, 2);
        assert_eq!(
            spans,
            vec![WordSpan {
                start: 0,
                end: 2,
                label: EntityLabel::Person,
                score: (0.35 + 0.8) / 2.0
            }]
        );
    }

    #[test]
    fn inside_of_another_label_cannot_continue_a_span() {
        // B-PERSON then I-GPE is invalid.
        let probs = [0.0, 0.9, 0.0, 0.1, 0.0, 0.3, 0.0, 0.0, 0.0, 0.7];
        // Valid paths: B-PERSON O (0.27) beats B-GPE I-GPE (0.07).
        let spans = decode(&tags(), &probs, 2);
        assert_eq!(
            spans,
            vec![WordSpan {
                start: 0,
                end: 1,
                label: EntityLabel::Person,
                score: 0.9
            }]
        );
    }

    #[test]
    fn no_words_no_spans() {
        assert!(decode(&tags(), &[], 0).is_empty());
    }
}
