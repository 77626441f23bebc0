//! The main job: ingest -> segment -> ner -> dates -> people -> meetings/agreements -> merge
//! -> write, over a batch of inputs, resumable through [`crate::cache`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Instant;

use anyhow::{bail, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::cache::{Cache, DocOutcome};
use crate::doc::Document;
use crate::ingest;
use crate::ner::NerModel;
use crate::progress::{self, Progress};
use crate::records::{Agreement, Meeting};
use crate::segment::{RuleSegmenter, Segmenter};
use crate::{merge, write};

/// Where the shipped model lives: `models/ner` under the working directory, else the one in
/// the source tree this binary was built from.
pub fn default_model_dir() -> PathBuf {
    let local = PathBuf::from("models/ner");
    if local.join("model.safetensors").exists() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ner")
}

/// Documents per NER batch: enough windows to sort by length, few enough to bound memory.
const DOCS_PER_BATCH: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    pub documents: usize,
    pub failed: usize,
    pub entities: usize,
    pub meetings: usize,
    pub agreements: usize,
    pub words: usize,
    /// Documents whose outcome came from the cache of an earlier run.
    pub reused: usize,
    pub seconds: f64,
}

/// One of N stable parts of a corpus (`--shard K/N`, K from 1): a document belongs to the part
/// its id hashes to, whatever machine or run looks at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let (k, n) = s.split_once('/').ok_or("a shard is K/N, e.g. 2/4")?;
        let (index, count): (usize, usize) = (
            k.trim().parse().map_err(|_| "K in K/N is a number")?,
            n.trim().parse().map_err(|_| "N in K/N is a number")?,
        );
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {s}: K must be between 1 and N"));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    pub fn contains(&self, source_id: &str) -> bool {
        let digest = Sha256::digest(source_id.as_bytes());
        let h = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
        (h % self.count as u64) as usize == self.index - 1
    }
}

#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    pub shard: Option<Shard>,
    pub progress: progress::Mode,
    /// Reuse and keep per-document outcomes under the output folder.
    pub cache: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            shard: None,
            progress: progress::Mode::Quiet,
            cache: true,
        }
    }
}

/// A line of `document_records.jsonl`: one document's records before merging, what
/// `attache merge` needs to fold shard outputs together as one run would.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentRecords {
    /// Where the document comes in the output (see [`order_key`]).
    pub order_key: String,
    pub doc_id: String,
    /// SHA-256 of the bytes the document was read from, so that merging shard outputs finds
    /// duplicate files across shards ("same content as ..."); null when they could not be read.
    #[serde(default)]
    pub content_hash: Option<String>,
    pub failed: bool,
    pub entities: usize,
    pub words: usize,
    pub meetings: Vec<Meeting>,
    pub agreements: Vec<Agreement>,
}

/// The stages after NER with the rules reader only: dates -> people -> meetings, agreements,
/// gatherings, rounds of talks, adopted documents -> the records' finishing stages.
pub fn analyse_rules(doc: &mut Document) {
    read_by_rules(doc);
    finish_records(doc);
}

fn read_by_rules(doc: &mut Document) {
    crate::dates::annotate(doc);
    crate::people::annotate(doc);
    crate::meetings::annotate(doc);
    crate::agreements::annotate(doc);
    crate::gatherings::annotate(doc);
    crate::rounds::annotate(doc);
    crate::adopted::annotate(doc);
}

/// What every reader's records go through last: party types, bundles named one by one split,
/// calls to several people split, places, the headline's repeats dropped, dates carried from the story.
fn finish_records(doc: &mut Document) {
    crate::parties::annotate(&mut doc.agreements, &doc.text);
    crate::bundles::annotate(doc);
    crate::calls::annotate(doc);
    crate::places::annotate(doc);
    crate::headline::annotate(doc);
    crate::carried_dates::annotate(doc);
}

/// The reader the main job uses unless told otherwise.
pub const DEFAULT_READER: Reader = Reader::Hybrid;

/// How meetings and agreements are read from a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Reader {
    /// The hand-written clause rules (`meetings`, `agreements`).
    #[default]
    Rules,
    /// The learned event reader (`events`, `assemble`).
    Learned,
    /// The rules' records, and the learned reader's meetings where the rules found nothing in
    /// a sentence and the reader is sure (confidence >= 0.7, or 0.5 for a pair or a lone
    /// traveller; complete; not an encounter the rules already read).
    Hybrid,
}

/// The stages after NER, on one document: dates -> people -> meetings, agreements (rules,
/// learned reader or both, as `model` was set up).
pub fn analyse(doc: &mut Document, model: &NerModel) {
    let reader = model.reader();
    if reader == Reader::Learned {
        crate::dates::annotate(doc);
        crate::people::annotate(doc);
    } else {
        // The rules' records are finished before the learned reader looks for gaps: the
        // headline's repeats are gone and places carried when it asks what the rules read.
        analyse_rules(doc);
    }
    if let (Some(events), true) = (model.events(), reader != Reader::Rules) {
        let _t = crate::timing::stage("events(doc)");
        events.annotate(doc);
        let (meetings, agreements) = crate::assemble::records(doc);
        if reader == Reader::Hybrid {
            let meetings = crate::assemble::gaps_left_by_rules(doc, meetings);
            doc.meetings.extend(meetings);
        } else {
            doc.meetings.extend(meetings);
            doc.agreements.extend(agreements);
        }
        finish_records(doc);
    }
    doc.word_features = Vec::new();
}

/// [`analyse`], with a failure of the record stages kept to its document: a panic (a bug in
/// the rules on some text) leaves the document's entities, no records and a warning that says
/// so, and the batch goes on.
pub fn analyse_isolated(doc: &mut Document, model: &NerModel) {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(doc, model)));
    if let Err(panic) = outcome {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let why: String = why.chars().take(200).collect();
        doc.meetings.clear();
        doc.agreements.clear();
        doc.event_mentions.clear();
        doc.word_features = Vec::new();
        doc.warnings.push(format!(
            "meetings and agreements not read: internal error in the record stages ({why}); the entities are kept. \
             This is a bug: please report it with this file"
        ));
    }
}

/// Segments, tags and analyses documents already read (tests, eval, benchmarks).
pub fn annotate_documents(docs: &mut [Document], model: &NerModel) -> Result<()> {
    let segmenter = RuleSegmenter;
    docs.par_iter_mut()
        .filter(|d| d.is_ok())
        .for_each(|d| segmenter.annotate(d));
    model.annotate(docs)?;
    docs.par_iter_mut()
        .filter(|d| d.is_ok())
        .for_each(|d| analyse_isolated(d, model));
    Ok(())
}

/// The key output files are ordered by: discovery's order (file id, then line of a JSON Lines
/// file) as one string that sorts the same way, so that merged shard outputs come in the order
/// of one run. File ids never hold a NUL, and line numbers are zero-padded.
pub fn order_key(source: &ingest::Source) -> String {
    let line = source.record.map_or(0, |r| r.line);
    let file = match source.record {
        Some(r) => source
            .id
            .strip_suffix(&format!("#{}", r.line))
            .unwrap_or(&source.id),
        None => &source.id,
    };
    format!("{file}\u{0}{line:010}")
}

/// Reads and runs every stage on `sources`: rayon across documents, one encoder pass over all
/// their sentences.
pub fn process_sources(sources: &[&ingest::Source], model: &NerModel) -> Result<Vec<DocOutcome>> {
    let segmenter = RuleSegmenter;
    let t = crate::timing::stage("read+segment");
    let mut docs: Vec<Document> = sources
        .par_iter()
        .map(|source| {
            let mut doc = ingest::read(source);
            if doc.is_ok() {
                segmenter.annotate(&mut doc);
            }
            doc
        })
        .collect();
    drop(t);
    let t = crate::timing::stage("ner");
    model.annotate(&mut docs)?;
    drop(t);
    let _t = crate::timing::stage("analyse");
    Ok(docs
        .par_iter_mut()
        .zip(sources.par_iter())
        .map(|(doc, source)| {
            if doc.is_ok() {
                analyse_isolated(doc, model);
            }
            DocOutcome {
                order_key: order_key(source),
                document: write::DocumentRecord::from_document(doc),
                meetings: std::mem::take(&mut doc.meetings),
                agreements: std::mem::take(&mut doc.agreements),
                words: doc.text.split_whitespace().count(),
            }
        })
        .collect())
}

/// Version of the output contract written to `run.json` (SPEC.md).
pub const SCHEMA_VERSION: &str = "3";

/// The main job over `inputs`: `documents.jsonl`, `meetings.jsonl`, `agreements.jsonl`,
/// `document_records.jsonl` and `run.json` in `output`, each replaced atomically.
pub fn run(inputs: &[PathBuf], output: &Path, model: &NerModel) -> Result<RunSummary> {
    run_with(inputs, output, model, RunOptions::default())
}

pub fn run_with(
    inputs: &[PathBuf],
    output: &Path,
    model: &NerModel,
    options: RunOptions,
) -> Result<RunSummary> {
    let started = Instant::now();
    let discovery = ingest::discover_all(inputs)?;
    let mut sources = discovery.sources.clone();
    if let Some(shard) = options.shard {
        sources.retain(|s| shard.contains(&s.id));
    }
    let mut progress = Progress::new(sources.len(), options.progress);
    for line in discovery.warnings() {
        progress.note(&line);
    }
    let mut cache = if options.cache {
        Some(Cache::open(
            output,
            &format!(
                "{}:{}:{:?}",
                model.info().sha256,
                model.backend(),
                model.reader()
            ),
        )?)
    } else {
        None
    };
    let mut writer = OutputWriter::create(output)?;
    let mut duplicates = Duplicates::default();
    let mut reused_total = 0;

    for chunk in sources.chunks(DOCS_PER_BATCH) {
        let hashes: Vec<Option<String>> = chunk.par_iter().map(ingest::content_hash).collect();
        let keys: Vec<Option<String>> = chunk
            .iter()
            .zip(&hashes)
            .map(|(s, h)| Some(cache.as_ref()?.key(&s.id, h.as_ref()?)))
            .collect();
        let mut outcomes: Vec<Option<DocOutcome>> = keys
            .iter()
            .map(|k| Some(cache.as_mut()?.load(k.as_ref()?)?))
            .collect();
        let reused = outcomes.iter().filter(|o| o.is_some()).count();
        reused_total += reused;
        let todo: Vec<usize> = (0..chunk.len())
            .filter(|&i| outcomes[i].is_none())
            .collect();
        let fresh = process_sources(&todo.iter().map(|&i| &chunk[i]).collect::<Vec<_>>(), model)?;
        for (i, outcome) in todo.into_iter().zip(fresh) {
            if let (Some(cache), Some(key)) = (cache.as_mut(), keys[i].as_ref()) {
                cache.store(key, &outcome);
            }
            outcomes[i] = Some(outcome);
        }
        let mut batch = progress::Counts {
            reused,
            ..Default::default()
        };
        for ((outcome, hash), source) in outcomes.into_iter().flatten().zip(hashes).zip(chunk) {
            let mut outcome = outcome;
            // Entries cached by an older release may carry another form of the key.
            outcome.order_key = order_key(source);
            if let Some(warning) = duplicates.check(hash.as_deref(), &outcome.document.doc_id) {
                outcome.document.warnings.push(warning);
            }
            batch.documents += 1;
            batch.failed += usize::from(outcome.document.error.is_some());
            batch.entities += outcome.document.entities.len();
            batch.meetings += outcome.meetings.len();
            batch.agreements += outcome.agreements.len();
            writer.push(outcome, hash)?;
        }
        progress.advance(batch);
    }
    progress.finish();
    let _t = crate::timing::stage("finish");
    let mut summary = writer.finish(output, model, inputs, options.shard, started)?;
    if let Some(cache) = &cache {
        if options.shard.is_none() {
            cache.prune();
        }
    }
    summary.reused = reused_total;
    Ok(summary)
}

/// Streams documents and their unmerged records to disk; merges and writes the record files
/// at the end. Memory holds only the records, never the documents' text.
pub struct OutputWriter {
    documents: write::JsonlWriter,
    parts: write::JsonlWriter,
    meetings: Vec<Meeting>,
    agreements: Vec<Agreement>,
    summary: RunSummary,
}

impl OutputWriter {
    pub fn create(output: &Path) -> Result<Self> {
        write::remove_stale_temporaries(output);
        Ok(OutputWriter {
            documents: write::JsonlWriter::create(&output.join("documents.jsonl"))?,
            parts: write::JsonlWriter::create(&output.join("document_records.jsonl"))?,
            meetings: Vec::new(),
            agreements: Vec::new(),
            summary: RunSummary::default(),
        })
    }

    pub fn push(&mut self, outcome: DocOutcome, content_hash: Option<String>) -> Result<()> {
        self.documents.record(&outcome.document)?;
        let records = DocumentRecords {
            order_key: outcome.order_key,
            doc_id: outcome.document.doc_id,
            content_hash,
            failed: outcome.document.error.is_some(),
            entities: outcome.document.entities.len(),
            words: outcome.words,
            meetings: outcome.meetings,
            agreements: outcome.agreements,
        };
        self.push_records(&records)?;
        self.meetings.extend(records.meetings);
        self.agreements.extend(records.agreements);
        Ok(())
    }

    /// A document line already serialised (merging shard outputs copies lines verbatim).
    pub fn push_line(&mut self, document_line: &str, records: DocumentRecords) -> Result<()> {
        self.documents.line(document_line)?;
        self.push_records(&records)?;
        self.meetings.extend(records.meetings);
        self.agreements.extend(records.agreements);
        Ok(())
    }

    fn push_records(&mut self, records: &DocumentRecords) -> Result<()> {
        self.parts.record(records)?;
        self.summary.documents += 1;
        self.summary.failed += usize::from(records.failed);
        self.summary.entities += records.entities;
        self.summary.words += records.words;
        Ok(())
    }

    pub fn finish(
        self,
        output: &Path,
        model: &NerModel,
        inputs: &[PathBuf],
        shard: Option<Shard>,
        started: Instant,
    ) -> Result<RunSummary> {
        let info = model.info();
        let model_json = serde_json::json!({"name": info.name, "sha256": info.sha256, "dir": info.dir.display().to_string(), "backend": model.backend().describe()});
        let inputs: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        self.finish_with(
            output,
            model_json,
            serde_json::json!({"inputs": inputs, "shard": shard.map(|s| format!("{}/{}", s.index, s.count))}),
            started,
        )
    }

    /// Merges the records, writes the record files and `run.json`, and moves every file into
    /// place (documents last, so that a complete `documents.jsonl` means a complete run).
    pub fn finish_with(
        self,
        output: &Path,
        mut model: serde_json::Value,
        origin: serde_json::Value,
        started: Instant,
    ) -> Result<RunSummary> {
        let backend = model
            .as_object_mut()
            .and_then(|m| m.remove("backend"))
            .unwrap_or_else(|| "candle cpu f32".into());
        let OutputWriter {
            documents,
            parts,
            meetings,
            agreements,
            mut summary,
        } = self;
        let meetings = merge::merge_meetings(meetings);
        let agreements = merge::merge_agreements(agreements);
        summary.meetings = meetings.len();
        summary.agreements = agreements.len();
        let mut file = write::JsonlWriter::create(&output.join("meetings.jsonl"))?;
        for m in &meetings {
            file.record(m)?;
        }
        file.commit()?;
        let mut file = write::JsonlWriter::create(&output.join("agreements.jsonl"))?;
        for a in &agreements {
            file.record(a)?;
        }
        file.commit()?;
        parts.commit()?;
        documents.commit()?;
        crate::report::write_report(output)?;
        summary.seconds = started.elapsed().as_secs_f64();
        let run = serde_json::json!({
            "tool": "attache",
            "version": env!("CARGO_PKG_VERSION"),
            "schema_version": SCHEMA_VERSION,
            "model": model,
            "backend": backend,
            "threads": rayon::current_num_threads(),
            "origin": origin,
            "counts": {
                "documents": summary.documents,
                "failed_documents": summary.failed,
                "entities": summary.entities,
                "meetings": summary.meetings,
                "agreements": summary.agreements,
                "words": summary.words,
            },
            "wall_seconds": (summary.seconds * 1000.0).round() / 1000.0,
            "throughput": {
                "documents_per_second": per_second(summary.documents, summary.seconds),
                "words_per_second": per_second(summary.words, summary.seconds),
            },
        });
        write::write_file_atomically(
            &output.join("run.json"),
            (serde_json::to_string_pretty(&run)? + "\n").as_bytes(),
        )?;
        Ok(summary)
    }
}

/// `attache merge`: combines the outputs of shard runs (or of any runs over disjoint
/// documents) into `output`, as one run over all their documents would have written them.
pub fn merge_outputs(dirs: &[PathBuf], output: &Path) -> Result<RunSummary> {
    let started = Instant::now();
    let mut items: Vec<(DocumentRecords, String)> = Vec::new();
    let mut model = serde_json::Value::Null;
    for dir in dirs {
        let documents = std::fs::read_to_string(dir.join("documents.jsonl")).map_err(|e| {
            anyhow::anyhow!(
                "cannot read {}: {e} (is it an attache output folder?)",
                dir.join("documents.jsonl").display()
            )
        })?;
        let parts = std::fs::read_to_string(dir.join("document_records.jsonl")).map_err(|e| {
            anyhow::anyhow!(
                "cannot read {}: {e} (outputs of attache before 0.1 cannot be merged)",
                dir.join("document_records.jsonl").display()
            )
        })?;
        let (doc_lines, part_lines): (Vec<&str>, Vec<&str>) =
            (documents.lines().collect(), parts.lines().collect());
        if doc_lines.len() != part_lines.len() {
            bail!(
                "{}: documents.jsonl and document_records.jsonl disagree ({} vs {} lines); re-run that shard",
                dir.display(),
                doc_lines.len(),
                part_lines.len()
            );
        }
        if let Ok(run) = std::fs::read_to_string(dir.join("run.json"))
            .map(|t| serde_json::from_str::<serde_json::Value>(&t))
        {
            if let Ok(run) = run {
                if run["schema_version"] != SCHEMA_VERSION {
                    bail!(
                        "{} was written with output schema {} and this attache writes schema {SCHEMA_VERSION}; re-run that shard with this version",
                        dir.display(),
                        run["schema_version"]
                    );
                }
                if model.is_null() {
                    model = run["model"].clone();
                } else if model["sha256"] != run["model"]["sha256"] {
                    bail!(
                        "{} was made with another model than the other folders; re-run it with the same model",
                        dir.display()
                    );
                }
            }
        }
        for (doc, part) in doc_lines.into_iter().zip(part_lines) {
            let records: DocumentRecords = serde_json::from_str(part).map_err(|e| {
                anyhow::anyhow!("{}: bad document_records.jsonl line: {e}", dir.display())
            })?;
            items.push((records, doc.to_string()));
        }
    }
    items.sort_by(|a, b| (&a.0.order_key, &a.0.doc_id).cmp(&(&b.0.order_key, &b.0.doc_id)));
    let before = items.len();
    items.dedup_by(|b, a| a.0.order_key == b.0.order_key && a.0.doc_id == b.0.doc_id);
    if items.len() < before {
        eprintln!(
            "attache: {} document(s) appeared in more than one folder; kept once",
            before - items.len()
        );
    }
    let mut writer = OutputWriter::create(output)?;
    let mut duplicates = Duplicates::default();
    for (records, line) in items {
        let line = duplicates.rewrite(&line, &records)?;
        writer.push_line(&line, records)?;
    }
    let dirs: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    writer.finish_with(
        output,
        model,
        serde_json::json!({"merged_from": dirs}),
        started,
    )
}

/// The "same content as FIRST" warnings: the first document (in output order) with given bytes
/// is the original, every later one names it. One run and a merge of shards walk documents in
/// the same order through this, so they warn alike.
#[derive(Default)]
struct Duplicates {
    first_with_content: HashMap<String, String>,
}

const SAME_CONTENT: &str = "same content as ";

impl Duplicates {
    /// The warning for the document `doc_id` read from bytes hashing to `hash`, if any.
    fn check(&mut self, hash: Option<&str>, doc_id: &str) -> Option<String> {
        let hash = hash?;
        match self.first_with_content.get(hash) {
            Some(first) => Some(format!("{SAME_CONTENT}{first}")),
            None => {
                self.first_with_content
                    .insert(hash.to_string(), doc_id.to_string());
                None
            }
        }
    }

    /// A shard's `documents.jsonl` line with its duplicate warning recomputed over all
    /// shards. Lines of outputs without content hashes are kept as they are.
    fn rewrite(&mut self, line: &str, records: &DocumentRecords) -> Result<String> {
        let Some(hash) = records.content_hash.as_deref() else {
            return Ok(line.to_string());
        };
        let warning = self.check(Some(hash), &records.doc_id);
        if warning.is_none() && !line.contains(SAME_CONTENT) {
            return Ok(line.to_string()); // the common case: nothing to parse
        }
        let mut document: write::DocumentRecord = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("{}: bad documents.jsonl line: {e}", records.doc_id))?;
        document.warnings.retain(|w| !w.starts_with(SAME_CONTENT));
        document.warnings.extend(warning);
        Ok(serde_json::to_string(&document)?)
    }
}

fn per_second(n: usize, seconds: f64) -> f64 {
    if seconds > 0.0 {
        (n as f64 / seconds * 10.0).round() / 10.0
    } else {
        0.0
    }
}
