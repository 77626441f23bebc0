//! The main job: ingest -> segment -> ner -> write, over a batch of inputs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use crate::doc::Document;
use crate::ingest;
use crate::ner::NerModel;
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
    pub seconds: f64,
}

/// The stages after NER, on one document: dates -> people -> meetings, agreements.
pub fn analyse(doc: &mut Document) {
    crate::dates::annotate(doc);
    crate::people::annotate(doc);
    crate::meetings::annotate(doc);
    crate::agreements::annotate(doc);
}

/// Segments, tags and analyses documents already read (tests, eval, benchmarks).
pub fn annotate_documents(docs: &mut [Document], model: &NerModel) -> Result<()> {
    let segmenter = RuleSegmenter;
    docs.par_iter_mut().filter(|d| d.is_ok()).for_each(|d| segmenter.annotate(d));
    model.annotate(docs)?;
    docs.par_iter_mut().filter(|d| d.is_ok()).for_each(analyse);
    Ok(())
}

/// Reads, segments and tags documents; the caller decides what to write.
pub fn process(sources: &[ingest::Source], model: &NerModel, mut on_batch: impl FnMut(&[Document])) -> Result<RunSummary> {
    let started = Instant::now();
    let segmenter = RuleSegmenter;
    let mut summary = RunSummary::default();
    for chunk in sources.chunks(DOCS_PER_BATCH) {
        let mut docs: Vec<Document> = chunk
            .par_iter()
            .map(|source| {
                let mut doc = ingest::read(source);
                if doc.is_ok() {
                    segmenter.annotate(&mut doc);
                }
                doc
            })
            .collect();
        model.annotate(&mut docs)?;
        docs.par_iter_mut().filter(|d| d.is_ok()).for_each(analyse);
        summary.documents += docs.len();
        summary.failed += docs.iter().filter(|d| !d.is_ok()).count();
        summary.entities += docs.iter().map(|d| d.entities.len()).sum::<usize>();
        on_batch(&docs);
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Version of the output contract written to `run.json` (SPEC.md).
pub const SCHEMA_VERSION: &str = "1";

/// The main job over `inputs`: `documents.jsonl`, `meetings.jsonl`, `agreements.jsonl` and
/// `run.json` in `output`, each replaced atomically.
pub fn run(inputs: &[PathBuf], output: &Path, model: &NerModel) -> Result<RunSummary> {
    let sources = ingest::discover(inputs)?;
    let mut documents = write::JsonlWriter::create(&output.join("documents.jsonl"))?;
    let mut meetings = Vec::new();
    let mut agreements = Vec::new();
    let mut words = 0usize;
    let mut failure = None;
    let mut summary = process(&sources, model, |docs| {
        for doc in docs {
            words += doc.text.split_whitespace().count();
            meetings.extend(doc.meetings.iter().cloned());
            agreements.extend(doc.agreements.iter().cloned());
            if failure.is_none() {
                if let Err(e) = write::document_line(doc).and_then(|line| documents.line(&line)) {
                    failure = Some(e);
                }
            }
        }
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    let started = Instant::now();
    let meetings = merge::merge_meetings(meetings);
    let agreements = merge::merge_agreements(agreements);
    summary.meetings = meetings.len();
    summary.agreements = agreements.len();
    summary.words = words;
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
    documents.commit()?;
    summary.seconds += started.elapsed().as_secs_f64();
    let info = model.info();
    let run = serde_json::json!({
        "tool": "attache",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": SCHEMA_VERSION,
        "model": {"name": info.name, "sha256": info.sha256, "dir": info.dir.display().to_string()},
        "backend": "candle cpu f32",
        "threads": rayon::current_num_threads(),
        "inputs": inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
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
    write::write_file_atomically(&output.join("run.json"), serde_json::to_string_pretty(&run)?.as_bytes())?;
    Ok(summary)
}

fn per_second(n: usize, seconds: f64) -> f64 {
    if seconds > 0.0 { (n as f64 / seconds * 10.0).round() / 10.0 } else { 0.0 }
}
