//! The main job: ingest -> segment -> ner -> write, over a batch of inputs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use crate::doc::Document;
use crate::ingest;
use crate::ner::NerModel;
use crate::segment::{RuleSegmenter, Segmenter};
use crate::write;

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

/// The main job over `inputs`, writing `documents.jsonl` into `output`.
pub fn run(inputs: &[PathBuf], output: &Path, model: &NerModel) -> Result<RunSummary> {
    let sources = ingest::discover(inputs)?;
    let mut lines = Vec::with_capacity(sources.len());
    let summary = process(&sources, model, |docs| {
        lines.extend(docs.iter().map(write::document_line));
    })?;
    write::write_atomically(&output.join("documents.jsonl"), lines)?;
    Ok(summary)
}
