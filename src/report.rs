//! `report.html`: one self-contained page over an output folder's datasets, for analysts who
//! open a file rather than a notebook: counts, a filterable table of meetings and agreements
//! with their evidence, each document with its entities marked, a timeline by month and a
//! country-pair matrix of meetings.
//!
//! The page is built from the JSON Lines files alone (never from wall times or paths of the
//! run), so a merge of shard outputs writes the same bytes as one run. Data travels as JSON in
//! `<script type="application/json">` blocks with `<`, `>` and `&` escaped, so no article can
//! close a block; the page's script puts every piece of article text into the page with
//! `textContent`, never as markup. Records and document metadata come first and are rendered
//! at once, 50 rows a page; each document's text sits in its own block, parsed only when that
//! document is opened, so the page stays quick at tens of thousands of documents.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::records::{Agreement, Evidence, Meeting};
use crate::write::{DocumentRecord, JsonlWriter};

const TEMPLATE: &str = include_str!("../data/report/report.html");
const STYLE: &str = include_str!("../data/report/report.css");
const SCRIPT: &str = include_str!("../data/report/report.js");

/// File name of the report inside an output folder.
pub const REPORT_FILE: &str = "report.html";

/// One row of the records table.
#[derive(Serialize)]
struct Row<'a> {
    /// `m` meeting, `a` agreement.
    t: &'static str,
    id: &'a str,
    kind: String,
    status: String,
    date: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    countries: Vec<&'a str>,
    /// Participants (meetings) or parties (agreements).
    who: Vec<&'a str>,
    place: Option<&'a str>,
    subject: Option<String>,
    /// `[document index, sentence]` per source.
    src: Vec<(usize, &'a str)>,
    conf: f64,
}

/// Everything but the documents' texts.
#[derive(Serialize)]
struct Data<'a> {
    counts: Counts,
    labels: Vec<String>,
    /// `[doc_id, title, published, url, error, entities]` per document, in file order.
    docs: Vec<(
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        usize,
    )>,
    records: Vec<Row<'a>>,
}

#[derive(Serialize, Default)]
struct Counts {
    documents: usize,
    failed: usize,
    entities: usize,
    meetings: usize,
    agreements: usize,
    by_label: BTreeMap<String, usize>,
}

/// One document's block: text, entities as flat `[start, end, label index, ...]`, warnings,
/// evidence sentences as flat `[start, end, ...]`; offsets in UTF-16 code units, as
/// JavaScript strings count.
#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
    entities: Vec<usize>,
    warnings: &'a [String],
    evidence: Vec<usize>,
}

fn serde_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn read_records<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let file = File::open(path).with_context(|| {
        format!(
            "cannot read {} (is it an attache output folder?)",
            path.display()
        )
    })?;
    let mut out = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&line).with_context(|| {
            format!(
                "{} line {}: not a record of this schema",
                path.display(),
                i + 1
            )
        })?);
    }
    Ok(out)
}

/// Calls `f` on every line of `documents.jsonl`.
fn each_document(path: &Path, mut f: impl FnMut(DocumentRecord) -> Result<()>) -> Result<()> {
    let file = File::open(path).with_context(|| {
        format!(
            "cannot read {} (is it an attache output folder?)",
            path.display()
        )
    })?;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        f(serde_json::from_str(&line)
            .with_context(|| format!("{} line {}: not a document line", path.display(), i + 1))?)?;
    }
    Ok(())
}

/// JSON that can sit inside a `<script>` element: no `<`, `>` or `&` left to end it.
fn script_json<T: Serialize>(value: &T) -> Result<String> {
    let json = serde_json::to_string(value)?;
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Code-point offsets of `text` to UTF-16 offsets (`None`: they are the same).
fn utf16_offsets(text: &str) -> Option<Vec<usize>> {
    if text.chars().all(|c| (c as u32) < 0x10000) {
        return None;
    }
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for c in text.chars() {
        offsets.push(at);
        at += c.len_utf16();
    }
    offsets.push(at);
    Some(offsets)
}

fn row<'a>(
    t: &'static str,
    id: &'a str,
    kind: String,
    status: String,
    date: Option<&'a crate::records::DateField>,
) -> Row<'a> {
    Row {
        t,
        id,
        kind,
        status,
        date: date.map(|d| d.text.as_str()),
        start: date.and_then(|d| d.start()),
        end: date.and_then(|d| d.end()),
        countries: Vec::new(),
        who: Vec::new(),
        place: None,
        subject: None,
        src: Vec::new(),
        conf: 0.0,
    }
}

/// A record's sources as `[document index, sentence]`, noting each sentence's span under its
/// document for the document view.
fn link<'a>(
    sources: &'a [Evidence],
    index: &HashMap<String, usize>,
    evidence: &mut HashMap<usize, Vec<(usize, usize)>>,
) -> Vec<(usize, &'a str)> {
    sources
        .iter()
        .filter_map(|e| {
            let d = *index.get(&e.doc_id)?;
            evidence.entry(d).or_default().push((e.start, e.end));
            Some((d, e.sentence.as_str()))
        })
        .collect()
}

/// Writes `dir/report.html` from the datasets in `dir` (atomically) and returns its path.
pub fn write_report(dir: &Path) -> Result<PathBuf> {
    let meetings: Vec<Meeting> = read_records(&dir.join("meetings.jsonl"))?;
    let agreements: Vec<Agreement> = read_records(&dir.join("agreements.jsonl"))?;
    let documents = dir.join("documents.jsonl");

    // Pass 1: metadata of every document.
    let mut counts = Counts::default();
    let mut docs = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    each_document(&documents, |d| {
        counts.documents += 1;
        counts.failed += usize::from(d.error.is_some());
        counts.entities += d.entities.len();
        for e in &d.entities {
            *counts.by_label.entry(e.label.clone()).or_default() += 1;
        }
        index.insert(d.doc_id.clone(), docs.len());
        docs.push((
            d.doc_id,
            d.title,
            d.published,
            d.url,
            d.error,
            d.entities.len(),
        ));
        Ok(())
    })?;
    counts.meetings = meetings.len();
    counts.agreements = agreements.len();
    let labels: Vec<String> = counts.by_label.keys().cloned().collect();
    let label_index: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();

    // Evidence sentences by document, in code points.
    let mut evidence: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    let mut records = Vec::with_capacity(meetings.len() + agreements.len());
    for m in &meetings {
        let mut r = row(
            "m",
            &m.id,
            serde_name(&m.kind),
            serde_name(&m.status),
            m.date.as_ref(),
        );
        r.countries = m.countries();
        r.who = m.participants.iter().map(|p| p.name.as_str()).collect();
        r.place = m.location.as_ref().map(|l| l.name.as_str());
        // A gathering is named where a meeting of people lists its topics.
        r.subject = m
            .gathering
            .clone()
            .or_else(|| (!m.topics.is_empty()).then(|| m.topics.join(", ")));
        r.src = link(&m.sources, &index, &mut evidence);
        r.conf = m.confidence;
        records.push(r);
    }
    for a in &agreements {
        let mut r = row(
            "a",
            &a.id,
            serde_name(&a.kind),
            serde_name(&a.status),
            a.date.as_ref(),
        );
        r.countries = a.countries();
        r.who = a.parties.iter().map(|p| p.name.as_str()).collect();
        r.place = a.location.as_ref().map(|l| l.name.as_str());
        r.subject = a.title.clone().or_else(|| a.subject.clone());
        r.src = link(&a.sources, &index, &mut evidence);
        r.conf = a.confidence;
        records.push(r);
    }
    for spans in evidence.values_mut() {
        spans.sort_unstable();
        spans.dedup();
    }
    let data = Data {
        counts,
        labels: labels.clone(),
        docs,
        records,
    };

    let (head, rest) = TEMPLATE
        .split_once("{{DATA}}")
        .context("report template: no {{DATA}}")?;
    let (middle, tail) = rest
        .split_once("{{TEXTS}}")
        .context("report template: no {{TEXTS}}")?;
    let path = dir.join(REPORT_FILE);
    let mut out = JsonlWriter::create(&path)?;
    out.raw(head.replace("{{STYLE}}", STYLE).as_bytes())?;
    out.raw(b"<script type=\"application/json\" id=\"attache-data\">")?;
    out.raw(script_json(&data)?.as_bytes())?;
    out.raw(b"</script>")?;
    out.raw(middle.replace("{{SCRIPT}}", SCRIPT).as_bytes())?;

    // Pass 2: each document's text in its own block.
    let mut i = 0usize;
    each_document(&documents, |d| {
        let offsets = utf16_offsets(&d.text);
        let at = |cp: usize| {
            offsets.as_ref().map_or(cp, |o| {
                o.get(cp).copied().unwrap_or(*o.last().unwrap_or(&0))
            })
        };
        let mut entities = Vec::with_capacity(d.entities.len() * 3);
        for e in &d.entities {
            entities.extend([
                at(e.start),
                at(e.end),
                label_index.get(e.label.as_str()).copied().unwrap_or(0),
            ]);
        }
        let mut spans = Vec::new();
        for &(s, e) in evidence.get(&i).map(Vec::as_slice).unwrap_or(&[]) {
            spans.extend([at(s), at(e)]);
        }
        let block = Text {
            text: &d.text,
            entities,
            warnings: &d.warnings,
            evidence: spans,
        };
        out.raw(format!("<script type=\"application/json\" id=\"t{i}\">").as_bytes())?;
        out.raw(script_json(&block)?.as_bytes())?;
        out.raw(b"</script>\n")?;
        i += 1;
        Ok(())
    })?;
    out.raw(tail.as_bytes())?;
    out.commit()?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = script_json(&"</script><img src=x onerror=alert(1)> & <!--").unwrap();
        assert!(
            !json.contains('<') && !json.contains('>') && !json.contains('&'),
            "{json}"
        );
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, "</script><img src=x onerror=alert(1)> & <!--");
    }

    #[test]
    fn offsets_become_utf16_only_past_the_basic_plane() {
        assert!(utf16_offsets("Việt Nam").is_none());
        let o = utf16_offsets("a😀b").unwrap();
        assert_eq!(o, vec![0, 1, 3, 4]);
    }

    #[test]
    fn template_has_its_slots_and_loads_nothing_from_outside() {
        for slot in ["{{STYLE}}", "{{DATA}}", "{{SCRIPT}}", "{{TEXTS}}"] {
            assert_eq!(TEMPLATE.matches(slot).count(), 1, "{slot}");
        }
        for part in [TEMPLATE, STYLE, SCRIPT] {
            let lower = part.to_lowercase();
            for bad in [
                "http://",
                "https://",
                "@import",
                "innerhtml",
                "outerhtml",
                "insertadjacenthtml",
                "document.write",
                "eval(",
            ] {
                assert!(!lower.contains(bad), "the report template uses {bad}");
            }
        }
    }
}
