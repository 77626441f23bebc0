//! Scores `meetings.jsonl` and `agreements.jsonl` against hand-made gold records
//! (`eval/records/*.jsonl`, format in `eval/records/README.md`).
//!
//! A predicted record matches a gold record of the same type when they share a source
//! document and their people (meetings) or parties (agreements) mostly agree: Jaccard >= 0.5
//! with names compared as [`crate::merge::same_name`] does (a record without names matches
//! one without names). Pairs are taken greedily, best first, each record used once; the score
//! prefers pairs whose kind, date and status also agree. Precision, recall and F1 count
//! matched records; the accuracies of date, place, status, kind and source list are over the
//! matched pairs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::Value;

use crate::gazetteer;
use crate::merge::same_name;

/// One record, gold or predicted, reduced to what is scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparable {
    pub kind: String,
    pub status: String,
    pub names: Vec<String>,
    pub location: Option<String>,
    pub date: Option<String>,
    pub sources: BTreeSet<String>,
}

#[derive(Deserialize)]
struct GoldLine {
    #[serde(rename = "type")]
    record_type: String,
    sources: Vec<String>,
    kind: String,
    status: String,
    #[serde(default)]
    participants: Vec<String>,
    #[serde(default)]
    parties: Vec<String>,
    location: Option<String>,
    date: Option<String>,
}

/// Gold meetings and agreements of one file.
pub fn read_gold(file: &Path) -> Result<(Vec<Comparable>, Vec<Comparable>)> {
    let content = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read gold records {}", file.display()))?;
    let (mut meetings, mut agreements) = (Vec::new(), Vec::new());
    for (n, line) in content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        if is_document_line(line) {
            continue;
        }
        let g: GoldLine = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a gold record", file.display(), n + 1))?;
        let names = if g.record_type == "meeting" {
            g.participants
        } else {
            g.parties
        };
        let record = Comparable {
            kind: g.kind,
            status: g.status,
            names,
            location: g.location,
            date: g.date,
            sources: g.sources.into_iter().collect(),
        };
        match g.record_type.as_str() {
            "meeting" => meetings.push(record),
            "agreement" => agreements.push(record),
            other => anyhow::bail!(
                "{}:{}: unknown record type {other:?}",
                file.display(),
                n + 1
            ),
        }
    }
    Ok((meetings, agreements))
}

fn is_document_line(line: &str) -> bool {
    serde_json::from_str::<Value>(line).is_ok_and(|v| v["type"] == "document")
}

/// Gold publication dates of a gold file's `{"type": "document", "source": ..., "published":
/// ...}` lines: what the page shows (`None` when it shows no date).
pub fn read_gold_published(file: &Path) -> Result<BTreeMap<String, Option<String>>> {
    let content = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read gold records {}", file.display()))?;
    let mut out = BTreeMap::new();
    for line in content.lines().filter(|l| is_document_line(l)) {
        let v: Value = serde_json::from_str(line)?;
        if let Some(source) = v["source"].as_str() {
            out.insert(
                source.to_string(),
                v["published"].as_str().map(str::to_string),
            );
        }
    }
    Ok(out)
}

/// Publication dates against the gold: pages that show one, how many we found, how many right.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PublishedScores {
    pub shown: usize,
    pub found: usize,
    pub right: usize,
    /// Pages that show no date but got one.
    pub invented: usize,
}

/// Compares `documents.jsonl` of a run with the gold publication dates.
pub fn score_published(
    gold: &BTreeMap<String, Option<String>>,
    documents: &Path,
) -> Result<PublishedScores> {
    let content = std::fs::read_to_string(documents)
        .with_context(|| format!("cannot read {}", documents.display()))?;
    let mut s = PublishedScores::default();
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line)?;
        let Some(Some(id)) = v["doc_id"].as_str().map(|id| gold.get_key_value(id)) else {
            continue;
        };
        let found = v["published"].as_str();
        match &gold[id.0] {
            Some(day) => {
                s.shown += 1;
                s.found += usize::from(found.is_some());
                s.right += usize::from(found == Some(day.as_str()));
            }
            None => s.invented += usize::from(found.is_some()),
        }
    }
    Ok(s)
}

/// Records of an output file (`meetings.jsonl` or `agreements.jsonl`); `names` is the field
/// holding people or parties.
pub fn read_output(file: &Path, names: &str) -> Result<Vec<Comparable>> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    content
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line)
                .with_context(|| format!("bad line in {}", file.display()))?;
            let text = |v: &Value| v.as_str().map(str::to_string);
            Ok(Comparable {
                kind: text(&v["kind"]).unwrap_or_default(),
                status: text(&v["status"]).unwrap_or_default(),
                names: v[names]
                    .as_array()
                    .map(|a| a.iter().filter_map(|p| text(&p["name"])).collect())
                    .unwrap_or_default(),
                location: text(&v["location"]["name"]),
                date: text(&v["date"]["value"]),
                sources: v["sources"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|s| text(&s["doc_id"])).collect())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Scores of one record type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordScores {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub date_correct: usize,
    pub place_correct: usize,
    pub status_correct: usize,
    pub kind_correct: usize,
    pub sources_correct: usize,
    /// Gold records no prediction matched, and predictions that matched nothing (for review).
    pub missed: Vec<Comparable>,
    pub spurious: Vec<Comparable>,
    /// Matched (gold, predicted) pairs that differ in date, place or status.
    pub differing: Vec<(Comparable, Comparable)>,
}

impl RecordScores {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, other: &RecordScores) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
        self.date_correct += other.date_correct;
        self.place_correct += other.place_correct;
        self.status_correct += other.status_correct;
        self.kind_correct += other.kind_correct;
        self.sources_correct += other.sources_correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        if a == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        a as f64 / b as f64
    }
}

/// Jaccard similarity of two name lists under [`same_name`], a country under any of its
/// names ("Czech Republic" and "Czechia").
fn name_jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let same = |x: &String, y: &String| {
        same_name(x, y)
            || gazetteer::canonical_country(x)
                .is_some_and(|c| gazetteer::canonical_country(y) == Some(c))
    };
    let shared = a.iter().filter(|x| b.iter().any(|y| same(x, y))).count();
    let union = a.len() + b.len() - shared;
    shared as f64 / union.max(1) as f64
}

fn same_place(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            same_name(x, y)
                || gazetteer::canonical_country(x)
                    .is_some_and(|c| gazetteer::canonical_country(y) == Some(c))
        }
        _ => false,
    }
}

pub fn score(gold: &[Comparable], predicted: &[Comparable]) -> RecordScores {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            let names = name_jaccard(&g.names, &p.names);
            if names < 0.5 || g.sources.is_disjoint(&p.sources) {
                continue;
            }
            let bonus = 0.5 * f64::from(u8::from(g.kind == p.kind))
                + 0.25 * f64::from(u8::from(g.date == p.date))
                + 0.25 * f64::from(u8::from(g.status == p.status))
                + 0.1 * f64::from(u8::from(same_place(&g.location, &p.location)));
            pairs.push((names + bonus, gi, pi));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_gold = vec![false; gold.len()];
    let mut used_pred = vec![false; predicted.len()];
    let mut s = RecordScores {
        gold: gold.len(),
        predicted: predicted.len(),
        ..Default::default()
    };
    for (_, gi, pi) in pairs {
        if used_gold[gi] || used_pred[pi] {
            continue;
        }
        used_gold[gi] = true;
        used_pred[pi] = true;
        let (g, p) = (&gold[gi], &predicted[pi]);
        s.matched += 1;
        s.date_correct += usize::from(g.date == p.date);
        s.place_correct += usize::from(same_place(&g.location, &p.location));
        s.status_correct += usize::from(g.status == p.status);
        s.kind_correct += usize::from(g.kind == p.kind);
        s.sources_correct += usize::from(g.sources == p.sources);
        if g.date != p.date || !same_place(&g.location, &p.location) || g.status != p.status {
            s.differing.push((g.clone(), p.clone()));
        }
    }
    s.missed = gold
        .iter()
        .zip(&used_gold)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| g.clone())
        .collect();
    s.spurious = predicted
        .iter()
        .zip(&used_pred)
        .filter(|(_, u)| !**u)
        .map(|(p, _)| p.clone())
        .collect();
    s
}

/// The table `attache eval` prints.
pub fn report(rows: &[(&str, &RecordScores)]) -> String {
    let mut out = String::from(
        "records      gold  pred match     P      R     F1 | date  place status  kind sources\n",
    );
    for (name, s) in rows {
        let acc = |n: usize| {
            if s.matched == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", ratio(n, s.matched))
            }
        };
        out += &format!(
            "{:<11} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} | {:>5} {:>5} {:>6} {:>5} {:>7}\n",
            name,
            s.gold,
            s.predicted,
            s.matched,
            s.precision(),
            s.recall(),
            s.f1(),
            acc(s.date_correct),
            acc(s.place_correct),
            acc(s.status_correct),
            acc(s.kind_correct),
            acc(s.sources_correct)
        );
    }
    out
}

/// One line per missed or spurious record, for `attache eval --verbose`.
pub fn describe(record: &Comparable) -> String {
    format!(
        "{} {} [{}] at {} on {} from {}",
        record.kind,
        record.status,
        record.names.join(", "),
        record.location.as_deref().unwrap_or("-"),
        record.date.as_deref().unwrap_or("-"),
        record
            .sources
            .iter()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: &str, names: &[&str], date: Option<&str>, docs: &[&str]) -> Comparable {
        Comparable {
            kind: kind.into(),
            status: "occurred".into(),
            names: names.iter().map(|s| s.to_string()).collect(),
            location: None,
            date: date.map(str::to_string),
            sources: docs.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn matching_needs_a_shared_document_and_mostly_the_same_people() {
        let gold = vec![rec(
            "meeting",
            &["To Lam", "Dong Jun"],
            Some("2024-12-19"),
            &["a", "b"],
        )];
        let hit = vec![rec(
            "meeting",
            &["Lam", "Dong Jun", "Zhang"],
            Some("2024-12-19"),
            &["b"],
        )];
        let s = score(&gold, &hit);
        // "Lam" alone does not match "To Lam" (one word), so Jaccard is 1/4: no match.
        assert_eq!(s.matched, 0);
        let hit = vec![rec(
            "meeting",
            &["To Lam", "Dong Jun"],
            Some("2024-12-20"),
            &["b"],
        )];
        let s = score(&gold, &hit);
        assert_eq!((s.matched, s.date_correct, s.sources_correct), (1, 0, 0));
        let elsewhere = vec![rec(
            "meeting",
            &["To Lam", "Dong Jun"],
            Some("2024-12-19"),
            &["c"],
        )];
        assert_eq!(score(&gold, &elsewhere).matched, 0);
    }

    #[test]
    fn each_record_is_used_once_and_the_better_pair_wins() {
        let gold = vec![
            rec("visit", &["X Y"], Some("2024-01-01"), &["a"]),
            rec("meeting", &["X Y"], Some("2024-01-02"), &["a"]),
        ];
        let pred = vec![rec("meeting", &["X Y"], Some("2024-01-02"), &["a"])];
        let s = score(&gold, &pred);
        assert_eq!((s.matched, s.kind_correct, s.date_correct), (1, 1, 1));
        assert!((s.recall() - 0.5).abs() < 1e-9 && (s.precision() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_country_matches_under_any_of_its_names() {
        assert_eq!(
            name_jaccard(
                &["Germany".into(), "Czech Republic".into()],
                &["Czechia".into(), "Germany".into()]
            ),
            1.0
        );
        assert_eq!(name_jaccard(&["Slovakia".into()], &["Czechia".into()]), 0.0);
    }
}

/// One scored (set, reader) pair of `attache eval`.
pub struct SetResult {
    pub set: String,
    pub reader: crate::pipeline::Reader,
    pub meetings: RecordScores,
    pub agreements: RecordScores,
    pub published: Option<PublishedScores>,
}

/// Runs the main job on every `INPUT=GOLD` set once per reader and scores it; prints each
/// set's table (and with `verbose` the missed and spurious records) as it goes.
pub fn evaluate_sets(
    model: &mut crate::ner::NerModel,
    sets: &[(String, std::path::PathBuf)],
    readers: &[crate::pipeline::Reader],
    verbose: bool,
) -> Result<Vec<SetResult>> {
    let mut results = Vec::new();
    for &reader in readers {
        model.set_reader(reader);
        for (i, (input, gold)) in sets.iter().enumerate() {
            let out = std::env::temp_dir().join(format!("attache-eval-{}-{i}", std::process::id()));
            let _ = std::fs::remove_dir_all(&out);
            crate::pipeline::run_with(
                &[std::path::PathBuf::from(input)],
                &out,
                model,
                crate::pipeline::RunOptions {
                    cache: false,
                    ..Default::default()
                },
            )?;
            let result = score_output(input, reader, &out, gold)?;
            println!("{input} against {} ({reader:?} reader)", gold.display());
            let mut both = result.meetings.clone();
            both.add(&result.agreements);
            print!(
                "{}",
                report(&[
                    ("meetings", &result.meetings),
                    ("agreements", &result.agreements),
                    ("all", &both)
                ])
            );
            if let Some(p) = result.published {
                println!("publication date: shown on {} pages, found on {}, right on {} ({:.3}); invented on {} pages showing none", p.shown, p.found, p.right, ratio(p.right, p.shown), p.invented);
            }
            if verbose {
                for r in result
                    .meetings
                    .missed
                    .iter()
                    .chain(&result.agreements.missed)
                {
                    println!("  missed   {}", describe(r));
                }
                for (g, p) in result
                    .meetings
                    .differing
                    .iter()
                    .chain(&result.agreements.differing)
                {
                    println!("  differs  {}\n       as  {}", describe(g), describe(p));
                }
                for r in result
                    .meetings
                    .spurious
                    .iter()
                    .chain(&result.agreements.spurious)
                {
                    println!("  spurious {}", describe(r));
                }
            }
            println!();
            let _ = std::fs::remove_dir_all(&out);
            results.push(result);
        }
    }
    Ok(results)
}

/// Scores an output folder against a gold file.
pub fn score_output(
    set: &str,
    reader: crate::pipeline::Reader,
    out: &Path,
    gold: &Path,
) -> Result<SetResult> {
    let (gold_meetings, gold_agreements) = read_gold(gold)?;
    let meetings = score(
        &gold_meetings,
        &read_output(&out.join("meetings.jsonl"), "participants")?,
    );
    let agreements = score(
        &gold_agreements,
        &read_output(&out.join("agreements.jsonl"), "parties")?,
    );
    let published_gold = read_gold_published(gold)?;
    let published = if published_gold.is_empty() {
        None
    } else {
        Some(score_published(
            &published_gold,
            &out.join("documents.jsonl"),
        )?)
    };
    Ok(SetResult {
        set: set.to_string(),
        reader,
        meetings,
        agreements,
        published,
    })
}

/// The side-by-side table: one row per set and reader.
pub fn summary_table(results: &[SetResult]) -> String {
    let mut out = String::from("| set | reader | records | F1 | meetings F1 | agreements F1 | date acc. | place acc. | status acc. | pub. date right |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for r in results {
        let mut both = r.meetings.clone();
        both.add(&r.agreements);
        let acc = |n: usize| {
            if both.matched == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", ratio(n, both.matched))
            }
        };
        let published = r
            .published
            .map(|p| format!("{}/{} ({:.3})", p.right, p.shown, ratio(p.right, p.shown)))
            .unwrap_or_else(|| "-".into());
        out += &format!(
            "| {} | {:?} | {} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {} |\n",
            r.set,
            r.reader,
            both.gold,
            both.f1(),
            r.meetings.f1(),
            r.agreements.f1(),
            acc(both.date_correct),
            acc(both.place_correct),
            acc(both.status_correct),
            published
        );
    }
    out
}
