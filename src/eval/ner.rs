//! Exact-span NER evaluation: per-label and overall precision, recall and F1.
//!
//! Gold files are JSON Lines (see eval/ner/GUIDELINES.md): each record has either its `text`
//! or a `path` to the article, and `entities` with code-point offsets. Predictions of another
//! system (the spaCy teacher) come in the same format, matched by `id`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::doc::{Document, EntityLabel};
use crate::ingest;
use crate::ner::NerModel;
use crate::segment::{RuleSegmenter, Segmenter};
use crate::text::CharIndex;

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct GoldEntity {
    pub start: usize,
    pub end: usize,
    pub label: String,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldLine {
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    path: Option<String>,
    entities: Vec<GoldEntity>,
}

/// A gold document with its text resolved.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub entities: Vec<GoldEntity>,
}

/// Gold files and what was skipped while reading them (e.g. seed articles not present).
pub struct GoldSet {
    pub docs: Vec<GoldDoc>,
    pub skipped: Vec<String>,
}

/// Reads gold files; a `path` is resolved against the working directory, then against the
/// repository root the gold file lives in (`<root>/eval/ner/x.jsonl`).
pub fn read_gold(files: &[PathBuf]) -> Result<GoldSet> {
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for file in files {
        let content = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read gold file {}", file.display()))?;
        let root = file
            .parent()
            .and_then(Path::parent)
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        for (n, line) in content
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let gold: GoldLine = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a gold record", file.display(), n + 1))?;
            let text = match (gold.text, gold.path) {
                (Some(text), _) => text,
                (None, Some(path)) => {
                    let candidates = [PathBuf::from(&path), root.join(&path)];
                    match candidates.iter().find_map(|p| std::fs::read(p).ok()) {
                        Some(bytes) => match ingest::decode_text(&bytes) {
                            Ok((text, _)) => text,
                            Err(e) => {
                                skipped.push(format!("{path}: {e}"));
                                continue;
                            }
                        },
                        None => {
                            skipped.push(format!("{path}: not found"));
                            continue;
                        }
                    }
                }
                (None, None) => anyhow::bail!(
                    "{}:{}: record has neither text nor path",
                    file.display(),
                    n + 1
                ),
            };
            docs.push(GoldDoc {
                id: gold.id,
                text,
                entities: gold.entities,
            });
        }
    }
    Ok(GoldSet { docs, skipped })
}

/// Counts of one label (or of all labels together).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of one system on the gold set.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub by_label: BTreeMap<String, Counts>,
    pub overall: Counts,
}

type SpanKey = (String, usize, usize, String);

/// Exact-span matching of predicted against gold entities (code-point offsets).
pub fn score(gold: &[GoldDoc], predicted: &HashMap<String, Vec<GoldEntity>>) -> Scores {
    let key = |id: &str, e: &GoldEntity| (id.to_string(), e.start, e.end, e.label.clone());
    let gold_set: HashSet<SpanKey> = gold
        .iter()
        .flat_map(|d| d.entities.iter().map(|e| key(&d.id, e)))
        .collect();
    let ids: HashSet<&str> = gold.iter().map(|d| d.id.as_str()).collect();
    let pred_set: HashSet<SpanKey> = predicted
        .iter()
        .filter(|(id, _)| ids.contains(id.as_str()))
        .flat_map(|(id, es)| es.iter().map(|e| key(id, e)))
        .collect();
    let mut scores = Scores::default();
    for label in EntityLabel::ALL {
        scores
            .by_label
            .insert(label.as_str().to_string(), Counts::default());
    }
    for k in &gold_set {
        let c = scores.by_label.entry(k.3.clone()).or_default();
        if pred_set.contains(k) {
            c.true_positives += 1;
        } else {
            c.false_negatives += 1;
        }
    }
    for k in pred_set.difference(&gold_set) {
        scores
            .by_label
            .entry(k.3.clone())
            .or_default()
            .false_positives += 1;
    }
    for c in scores.by_label.values() {
        scores.overall.true_positives += c.true_positives;
        scores.overall.false_positives += c.false_positives;
        scores.overall.false_negatives += c.false_negatives;
    }
    scores
}

/// Runs the shipped pipeline's NER (segmenter + model) over the gold texts.
pub fn predict(model: &NerModel, gold: &[GoldDoc]) -> Result<HashMap<String, Vec<GoldEntity>>> {
    let mut docs: Vec<Document> = gold
        .iter()
        .map(|g| {
            let mut d = Document::from_text(&g.id, g.text.clone());
            RuleSegmenter.annotate(&mut d);
            d
        })
        .collect();
    model.annotate(&mut docs)?;
    Ok(docs
        .iter()
        .map(|d| {
            let index = CharIndex::new(&d.text);
            let ents = d
                .entities
                .iter()
                .map(|e| {
                    let c = index.char_span(e.span);
                    GoldEntity {
                        start: c.start,
                        end: c.end,
                        label: e.label.as_str().to_string(),
                        text: None,
                    }
                })
                .collect();
            (d.id.clone(), ents)
        })
        .collect())
}

/// Writes predictions in the gold format (with mention texts), one document per line in id
/// order, so that they can be diffed against the gold files.
pub fn write_predictions(
    file: &Path,
    gold: &[GoldDoc],
    predicted: &HashMap<String, Vec<GoldEntity>>,
) -> Result<()> {
    let lines = gold.iter().map(|g| {
        let chars: Vec<char> = g.text.chars().collect();
        let entities: Vec<GoldEntity> = predicted
            .get(&g.id)
            .map(|ents| {
                ents.iter()
                    .map(|e| GoldEntity {
                        text: Some(chars[e.start..e.end].iter().collect()),
                        ..e.clone()
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(serde_json::json!({"id": g.id, "entities": entities}).to_string())
    });
    crate::write::write_atomically(file, lines)
}

/// Reads predictions of another system (same JSON Lines format as gold, `text`/`path` unused).
pub fn read_predictions(file: &Path) -> Result<HashMap<String, Vec<GoldEntity>>> {
    let content = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read predictions {}", file.display()))?;
    content
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let g: GoldLine = serde_json::from_str(l)
                .with_context(|| format!("bad line in {}", file.display()))?;
            Ok((g.id, g.entities))
        })
        .collect()
}

/// A side-by-side table: one column group per system.
pub fn report(systems: &[(&str, &Scores)]) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:<8}", "label");
    for (name, _) in systems {
        let _ = write!(out, " | {:^26}", name);
    }
    out.push('\n');
    let _ = write!(out, "{:<8}", "");
    for _ in systems {
        let _ = write!(out, " | {:>6} {:>6} {:>6} {:>5}", "P", "R", "F1", "gold");
    }
    out.push('\n');
    let labels: Vec<String> = systems[0].1.by_label.keys().cloned().collect();
    let row = |out: &mut String, name: &str, pick: &dyn Fn(&Scores) -> Counts| {
        let _ = write!(out, "{:<8}", name);
        for (_, s) in systems {
            let c = pick(s);
            let _ = write!(
                out,
                " | {:>6.3} {:>6.3} {:>6.3} {:>5}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.true_positives + c.false_negatives
            );
        }
        out.push('\n');
    };
    for label in &labels {
        row(&mut out, label, &|s: &Scores| {
            s.by_label.get(label).copied().unwrap_or_default()
        });
    }
    row(&mut out, "overall", &|s: &Scores| s.overall);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(start: usize, end: usize, label: &str) -> GoldEntity {
        GoldEntity {
            start,
            end,
            label: label.into(),
            text: None,
        }
    }

    #[test]
    fn exact_span_scoring_counts_boundary_errors_twice() {
        let gold = vec![GoldDoc {
            id: "a".into(),
            text: String::new(),
            entities: vec![ent(0, 6, "PERSON"), ent(10, 15, "GPE")],
        }];
        // One exact hit, one span too short (a false positive and a false negative), one extra.
        let pred = HashMap::from([(
            "a".to_string(),
            vec![ent(0, 6, "PERSON"), ent(11, 15, "GPE"), ent(20, 24, "DATE")],
        )]);
        let s = score(&gold, &pred);
        assert_eq!(
            s.overall,
            Counts {
                true_positives: 1,
                false_positives: 2,
                false_negatives: 1
            }
        );
        assert!((s.overall.f1() - 0.4).abs() < 1e-9);
        assert_eq!(s.by_label["GPE"].false_negatives, 1);
    }
}
