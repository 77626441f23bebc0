//! The NER stage: finds PERSON, ORG, GPE, LOC, NORP and DATE mentions with the shipped
//! transformer tagger.
//!
//! Each sentence is cut into windows of at most `max_len` word pieces that overlap by
//! `max_len - stride` pieces, so nothing is ever truncated; windows of all documents in a
//! batch are sorted by length and run together so that little is spent on padding. A word is
//! tagged from its first word piece, by the window in which it sits farthest from an edge; a
//! constrained Viterbi pass then yields only valid BIO spans made of whole words.

pub mod companies;
mod day_parts;
mod heads;
pub mod names;
pub mod org_names;
pub mod shape;
pub mod tags;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokenizers::Tokenizer;

use crate::doc::{Document, Entity};
pub(crate) use crate::encoder::elementwise::gelu;
pub use crate::encoder::{Backend, BertConfig};
use crate::encoder::{Encoder, Packed};
use crate::text::ByteSpan;
use heads::TagHead;
use tags::Tag;

/// `labels.json` of a model folder.
#[derive(Debug, Clone, Deserialize)]
struct LabelMap {
    name: String,
    labels: Vec<String>,
    shapes: Vec<String>,
    shape_dim: usize,
    max_len: usize,
}

/// What identifies the loaded model in `run.json` and the model card.
#[derive(Debug, Clone)]
pub struct ModelInfo {
    pub name: String,
    pub dir: PathBuf,
    /// SHA-256 of what produces the outputs: `model.safetensors`, and with the event reader
    /// also its heads and the reader mode, hex.
    pub sha256: String,
    /// SHA-256 of `model.safetensors`, hex.
    pub ner_sha256: String,
}

/// How windows are cut and batched.
#[derive(Debug, Clone, Copy)]
pub struct NerOptions {
    /// Word pieces per window including `[CLS]` and `[SEP]` (at most the model's `max_len`).
    pub max_len: usize,
    /// Word pieces between the starts of two consecutive windows of one long sentence.
    pub stride: usize,
    /// Upper bound of the positions one batch computes (rows x width when the backend pads).
    pub batch_tokens: usize,
    /// Largest share of padding in a batch of a padding backend.
    pub max_padding: f64,
}

impl Default for NerOptions {
    fn default() -> Self {
        NerOptions {
            max_len: 128,
            stride: 96,
            batch_tokens: 4096,
            max_padding: 0.10,
        }
    }
}

/// A sentence as word pieces, with the words they form.
struct EncodedSentence {
    doc: usize,
    /// Byte offset of the sentence in its document.
    base: usize,
    ids: Vec<u32>,
    shapes: Vec<u32>,
    /// Index of each word's first word piece.
    word_first_piece: Vec<usize>,
    /// Byte span of each word, relative to the sentence.
    word_spans: Vec<ByteSpan>,
}

/// A run of word pieces `[start, end)` of one sentence fed to the encoder as one row; its
/// predictions are kept for the pieces `[own_start, own_end)`.
struct Window {
    sentence: usize,
    start: usize,
    end: usize,
    own_start: usize,
    own_end: usize,
}

pub struct NerModel {
    tokenizer: Tokenizer,
    encoder: Box<dyn Encoder>,
    head: TagHead,
    backend: Backend,
    tags: Vec<Tag>,
    cls: u32,
    sep: u32,
    options: NerOptions,
    info: ModelInfo,
    /// The event reader's heads, run on the same encoder pass when attached.
    events: Option<crate::events::EventReader>,
    reader: crate::pipeline::Reader,
}

impl NerModel {
    /// Loads a model folder (`config.json`, `tokenizer.json`, `labels.json`, `model.safetensors`)
    /// with the f32 `packed` encoder: the library's default is the exact one, which the parity
    /// tests hold to the training code. The command line's default is `auto`
    /// ([`Backend::fastest`]); [`NerModel::load_backend`] picks any.
    pub fn load(dir: &Path) -> Result<Self> {
        Self::load_with(dir, NerOptions::default())
    }

    pub fn load_with(dir: &Path, options: NerOptions) -> Result<Self> {
        Self::load_backend(dir, options, Backend::default())
    }

    /// Loads a model folder with the encoder run by `backend`.
    pub fn load_backend(dir: &Path, options: NerOptions, backend: Backend) -> Result<Self> {
        let read = |name: &str| -> Result<String> {
            std::fs::read_to_string(dir.join(name)).with_context(|| {
                format!(
                    "cannot read {} (is {} a model folder? the shipped one is models/ner)",
                    dir.join(name).display(),
                    dir.display()
                )
            })
        };
        let config: BertConfig = serde_json::from_str(&read("config.json")?)
            .context("config.json is not a BERT config")?;
        let label_map: LabelMap =
            serde_json::from_str(&read("labels.json")?).context("labels.json is malformed")?;
        let tags = label_map
            .labels
            .iter()
            .map(|l| Tag::parse(l))
            .collect::<Result<Vec<_>>>()?;
        let weights = dir.join("model.safetensors");
        // The tokenizer and the file's hash beside the weights' conversion.
        let (tokenizer_and_hash, encoder) = rayon::join(
            || -> Result<(Tokenizer, String)> {
                let tokenizer = Tokenizer::from_file(dir.join("tokenizer.json")).map_err(|e| {
                    anyhow::anyhow!("cannot load {}: {e}", dir.join("tokenizer.json").display())
                })?;
                let bytes = crate::encoder::weights::map(&weights)?;
                Ok((tokenizer, format!("{:x}", Sha256::digest(&bytes[..]))))
            },
            || crate::encoder::load(backend, &weights, &config, label_map.shapes.len()),
        );
        let (tokenizer, sha256) = tokenizer_and_hash?;
        let encoder = encoder?;
        let cls = tokenizer
            .token_to_id("[CLS]")
            .context("tokenizer has no [CLS] token")?;
        let sep = tokenizer
            .token_to_id("[SEP]")
            .context("tokenizer has no [SEP] token")?;
        let head = TagHead::load(
            &weights,
            config.hidden_size,
            label_map.shapes.len(),
            label_map.shape_dim,
            tags.len(),
        )?;
        let max_len = options
            .max_len
            .min(label_map.max_len)
            .min(encoder.max_positions());
        if max_len < 8 || options.stride == 0 || options.stride > max_len - 2 {
            bail!(
                "window of {max_len} pieces with stride {} cannot cover a sentence",
                options.stride
            );
        }
        Ok(NerModel {
            tokenizer,
            encoder,
            head,
            backend,
            tags,
            cls,
            sep,
            options: NerOptions { max_len, ..options },
            info: ModelInfo {
                name: label_map.name,
                dir: dir.to_path_buf(),
                ner_sha256: sha256.clone(),
                sha256,
            },
            events: None,
            reader: crate::pipeline::Reader::Rules,
        })
    }

    /// Runs `reader`'s heads on every encoder pass from now on, and reads records with `mode`.
    pub fn attach_events(
        &mut self,
        reader: crate::events::EventReader,
        mode: crate::pipeline::Reader,
    ) -> Result<()> {
        if reader.in_dim() != self.head.feature_dim() {
            bail!("the event reader wants {} features per word, the entity model gives {}: retrain it on this model", reader.in_dim(), self.head.feature_dim());
        }
        if let Some(trained_on) = reader
            .encoder_sha256()
            .filter(|&h| h != self.info.ner_sha256)
        {
            bail!(
                "the event reader was trained on another encoder (model.safetensors {}..., this model's is {}...)",
                &trained_on[..trained_on.len().min(12)],
                &self.info.ner_sha256[..12.min(self.info.ner_sha256.len())],
            );
        }
        self.events = Some(reader);
        self.set_reader(mode);
        Ok(())
    }

    pub fn events(&self) -> Option<&crate::events::EventReader> {
        self.events.as_ref()
    }

    /// Switches how records are read (the event reader must be attached for anything but rules).
    pub fn set_reader(&mut self, mode: crate::pipeline::Reader) {
        self.reader = mode;
        // What identifies the outputs (run.json, the per-document cache): the entity model
        // alone for the rules, else with the event heads and the reader.
        self.info.sha256 = match (&self.events, mode) {
            (Some(events), m) if m != crate::pipeline::Reader::Rules => {
                format!(
                    "{:x}",
                    Sha256::digest(
                        format!("{}+{}+{m:?}", self.info.ner_sha256, events.sha256()).as_bytes()
                    )
                )
            }
            _ => self.info.ner_sha256.clone(),
        };
    }

    /// How records are read: rules, the learned reader, or both.
    pub fn reader(&self) -> crate::pipeline::Reader {
        if self.events.is_some() {
            self.reader
        } else {
            crate::pipeline::Reader::Rules
        }
    }

    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The backend running the encoder.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Tags the sentences of every document that has no error; replaces `entities`.
    pub fn annotate(&self, docs: &mut [Document]) -> Result<()> {
        let jobs: Vec<(usize, ByteSpan)> = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_ok())
            .flat_map(|(i, d)| d.sentences.iter().map(move |s| (i, *s)))
            .collect();
        let t = crate::timing::stage("tokenise");
        let sentences: Vec<EncodedSentence> = jobs
            .par_iter()
            .map(|&(doc, span)| self.encode(doc, span, span.slice(&docs[doc].text)))
            .collect::<Result<_>>()?;
        drop(t);
        let t = crate::timing::stage("tag_pieces");
        let keep = self.events.is_some() && self.reader != crate::pipeline::Reader::Rules;
        let (probs, features) = self.tag_pieces(&sentences, keep)?;
        drop(t);

        let k = self.tags.len();
        let found: Vec<Vec<Entity>> = sentences
            .par_iter()
            .zip(probs.par_iter())
            .map(|(sentence, piece_probs)| {
                let words = sentence.word_first_piece.len();
                let mut word_probs = Vec::with_capacity(words * k);
                for &piece in &sentence.word_first_piece {
                    word_probs.extend_from_slice(&piece_probs[piece * k..(piece + 1) * k]);
                }
                tags::decode(&self.tags, &word_probs, words)
                    .into_iter()
                    .map(|span| Entity {
                        span: without_stray_punctuation(
                            &docs[sentence.doc].text,
                            ByteSpan::new(
                                sentence.word_spans[span.start].start + sentence.base,
                                sentence.word_spans[span.end - 1].end + sentence.base,
                            ),
                        ),
                        label: span.label,
                        score: span.score,
                    })
                    .collect()
            })
            .collect();
        for doc in docs.iter_mut() {
            doc.entities.clear();
            doc.word_features.clear();
        }
        for (sentence, entities) in sentences.iter().zip(found) {
            docs[sentence.doc].entities.extend(entities);
        }
        if let Some(features) = features {
            for (sentence, words) in sentences.iter().zip(features) {
                let spans = sentence
                    .word_spans
                    .iter()
                    .map(|w| ByteSpan::new(w.start + sentence.base, w.end + sentence.base))
                    .collect();
                docs[sentence.doc]
                    .word_features
                    .push(crate::events::SentenceFeatures {
                        words: spans,
                        features: words,
                    });
            }
        }
        for doc in docs.iter_mut() {
            doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
            org_names::annotate(doc);
            companies::annotate(doc);
            names::annotate(doc);
            day_parts::annotate(doc);
        }
        Ok(())
    }

    /// Word-piece ids, shape classes and label probabilities (`[pieces * labels]`) of one
    /// sentence: the network's raw view, for parity checks against the training code.
    pub fn piece_probabilities(&self, sentence: &str) -> Result<(Vec<u32>, Vec<u32>, Vec<f32>)> {
        let encoded = self.encode(0, ByteSpan::new(0, sentence.len()), sentence)?;
        let probs = self
            .tag_pieces(std::slice::from_ref(&encoded), false)?
            .0
            .pop()
            .unwrap_or_default();
        Ok((encoded.ids, encoded.shapes, probs))
    }

    /// Label names in the order of the probabilities.
    pub fn labels(&self) -> usize {
        self.tags.len()
    }

    fn encode(&self, doc: usize, span: ByteSpan, text: &str) -> Result<EncodedSentence> {
        let encoding = self
            .tokenizer
            .encode(text, false)
            .map_err(|e| anyhow::anyhow!("tokenizer failed: {e}"))?;
        let mut word_first_piece = Vec::new();
        let mut word_spans: Vec<ByteSpan> = Vec::new();
        let mut piece_word = Vec::with_capacity(encoding.len());
        let mut last_word = None;
        for (piece, (word, &(start, end))) in encoding
            .get_word_ids()
            .iter()
            .zip(encoding.get_offsets())
            .enumerate()
        {
            // Word pieces without a word (none occur without special tokens) join the previous word.
            if word.is_some() && *word != last_word {
                word_first_piece.push(piece);
                word_spans.push(ByteSpan::new(start, end));
                last_word = *word;
            } else if let Some(current) = word_spans.last_mut() {
                current.end = current.end.max(end);
            } else {
                word_first_piece.push(piece);
                word_spans.push(ByteSpan::new(start, end));
            }
            piece_word.push(word_spans.len() - 1);
        }
        let word_shapes: Vec<u32> = word_spans
            .iter()
            .map(|w| shape::word_shape(w.slice(text)))
            .collect();
        let shapes = piece_word.iter().map(|&w| word_shapes[w]).collect();
        Ok(EncodedSentence {
            doc,
            base: span.start,
            ids: encoding.get_ids().to_vec(),
            shapes,
            word_first_piece,
            word_spans,
        })
    }

    fn windows(&self, sentences: &[EncodedSentence]) -> Vec<Window> {
        let width = self.options.max_len - 2;
        let stride = self.options.stride;
        let mut windows = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            let n = sentence.ids.len();
            if n == 0 {
                continue;
            }
            let first = windows.len();
            let mut start = 0;
            loop {
                let end = (start + width).min(n);
                windows.push(Window {
                    sentence: index,
                    start,
                    end,
                    own_start: start,
                    own_end: end,
                });
                if end == n {
                    break;
                }
                start += stride;
            }
            // Split each overlap in the middle: every piece is owned by exactly one window.
            for w in first + 1..windows.len() {
                let middle = (windows[w].start + windows[w - 1].end) / 2;
                windows[w - 1].own_end = middle;
                windows[w].own_start = middle;
            }
        }
        windows
    }

    /// Cuts length-sorted windows into batches: at most `batch_tokens` positions computed
    /// (half that for a backend that does not pad),
    /// and, for a backend that pads, at most `max_padding` of them padding. Depends only on
    /// the windows, never on the thread count.
    fn batches(&self, windows: &[Window]) -> Vec<std::ops::Range<usize>> {
        self.batches_for(windows, self.encoder.pads())
    }

    /// [`Self::batches`] as cut for a backend that pads (`pads`) or one that does not.
    fn batches_for(&self, windows: &[Window], pads: bool) -> Vec<std::ops::Range<usize>> {
        // A packed backend runs batches side by side, each holding its own activations: half
        // the size keeps two of them in the memory one took, and the load even. A window's
        // result does not depend on its batch.
        let limit = if pads {
            self.options.batch_tokens
        } else {
            (self.options.batch_tokens / 2).max(1)
        };
        let mut out = Vec::new();
        let mut at = 0;
        while at < windows.len() {
            let width = windows[at].end - windows[at].start + 2;
            let mut real = 0;
            let mut end = at;
            while end < windows.len() {
                let len = windows[end].end - windows[end].start + 2;
                let rows = end + 1 - at;
                let computed = if pads { rows * width } else { real + len };
                if end > at && computed > limit {
                    break;
                }
                if pads
                    && end > at
                    && (computed - real - len) as f64 > self.options.max_padding * computed as f64
                {
                    break;
                }
                real += len;
                end += 1;
            }
            out.push(at..end);
            at = end;
        }
        out
    }

    /// Label probabilities of every word piece of every sentence, `[pieces * labels]` each.
    /// With `keep_features`, also the classifier's input features of every word's first piece,
    /// `[words * feature_dim]` each: what the event reader reads. Only those rows are kept (not
    /// every piece's, to be picked from later), which saves a copy of the batch's features at
    /// the memory peak.
    #[allow(clippy::type_complexity)]
    fn tag_pieces(
        &self,
        sentences: &[EncodedSentence],
        keep_features: bool,
    ) -> Result<(Vec<Vec<f32>>, Option<Vec<Vec<f32>>>)> {
        let k = self.tags.len();
        let h = self.encoder.hidden();
        let dim = self.head.feature_dim();
        let mut probs: Vec<Vec<f32>> = sentences
            .iter()
            .map(|s| vec![0f32; s.ids.len() * k])
            .collect();
        let mut features: Option<Vec<Vec<f32>>> = keep_features.then(|| {
            sentences
                .iter()
                .map(|s| vec![0f32; s.word_first_piece.len() * dim])
                .collect()
        });
        let mut windows = self.windows(sentences);
        // Longest first; ties keep text order, so batches never depend on the thread count.
        windows.sort_by_key(|w| std::cmp::Reverse(w.end - w.start));
        let batches = self.batches(&windows);

        // Where each window's own pieces go: disjoint slices of its sentence's outputs, so
        // that batches can fill them in any order.
        let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
        for (i, w) in windows.iter().enumerate() {
            by_sentence[w.sentence].push(i);
        }
        let mut outs: Vec<Option<WindowOut>> = (0..windows.len()).map(|_| None).collect();
        let mut feature_rows = features
            .as_mut()
            .map(|f| f.iter_mut().map(Some).collect::<Vec<_>>());
        for ((sentence, list), sentence_probs) in
            by_sentence.iter_mut().enumerate().zip(probs.iter_mut())
        {
            list.sort_by_key(|&i| windows[i].own_start);
            let mut p_rest = sentence_probs.as_mut_slice();
            let mut f_rest = feature_rows
                .as_mut()
                .and_then(|rows| rows[sentence].take())
                .map(|f| f.as_mut_slice());
            let mut at = 0;
            for &i in list.iter() {
                let w = &windows[i];
                if w.own_start != at || w.own_end < w.own_start {
                    bail!("windows of a sentence do not tile it");
                }
                let pieces = w.own_end - w.own_start;
                let (p, rest) = std::mem::take(&mut p_rest).split_at_mut(pieces * k);
                p_rest = rest;
                // The words that start among the window's own pieces.
                let first_pieces = &sentences[sentence].word_first_piece;
                let words = first_pieces.partition_point(|&q| q < w.own_start)
                    ..first_pieces.partition_point(|&q| q < w.own_end);
                let f = match f_rest.take() {
                    Some(all) => {
                        let (f, rest) = all.split_at_mut(words.len() * dim);
                        f_rest = Some(rest);
                        Some(f)
                    }
                    None => None,
                };
                outs[i] = Some(WindowOut {
                    probs: p,
                    features: f,
                    words,
                });
                at = w.own_end;
            }
        }
        let mut tasks = Vec::with_capacity(batches.len());
        for range in batches {
            let parts = outs[range.clone()]
                .iter_mut()
                .map(|o| o.take())
                .collect::<Option<Vec<_>>>();
            let Some(parts) = parts else {
                bail!("a window without its output")
            };
            tasks.push((range, parts));
        }

        // With several threads and enough batches, batches run side by side, each on one
        // thread; else one after another, each over all threads. Every value is the same.
        let threads = rayon::current_num_threads();
        let side_by_side = threads > 1 && self.encoder.serial() && tasks.len() >= 2 * threads;
        let run = |(range, mut parts): (std::ops::Range<usize>, Vec<WindowOut>)| -> Result<()> {
            let group = &windows[range];
            let packed = self.pack(sentences, group);
            let hidden = if side_by_side {
                self.encoder.encode_serial(&packed)?
            } else {
                self.encoder.encode(&packed)?
            };
            let mut logits = vec![0f32; k];
            for (row, (window, out)) in group.iter().zip(parts.iter_mut()).enumerate() {
                // +1: position 0 of a window is [CLS].
                let position_of = |piece: usize| packed.offsets[row] + (piece - window.start) + 1;
                for piece in window.own_start..window.own_end {
                    let local = piece - window.own_start;
                    let position = position_of(piece);
                    let state = &hidden[position * h..(position + 1) * h];
                    self.head
                        .logits(state, packed.shape_ids[position], &mut logits)?;
                    softmax_into(&logits, &mut out.probs[local * k..(local + 1) * k]);
                }
                if let Some(f) = out.features.as_deref_mut() {
                    let first_pieces = &sentences[window.sentence].word_first_piece;
                    for (local, word) in out.words.clone().enumerate() {
                        let position = position_of(first_pieces[word]);
                        let row = &mut f[local * dim..(local + 1) * dim];
                        row[..h].copy_from_slice(&hidden[position * h..(position + 1) * h]);
                        row[h..]
                            .copy_from_slice(self.head.case_embedding(packed.shape_ids[position])?);
                    }
                }
            }
            Ok(())
        };
        if side_by_side {
            tasks
                .into_par_iter()
                .map(run)
                .collect::<Result<Vec<()>>>()?;
        } else {
            tasks.into_iter().map(run).collect::<Result<Vec<()>>>()?;
        }
        Ok((probs, features))
    }

    fn pack(&self, sentences: &[EncodedSentence], group: &[Window]) -> Packed {
        let mut packed = Packed::new();
        let mut ids = Vec::new();
        let mut shapes = Vec::new();
        for window in group {
            let sentence = &sentences[window.sentence];
            ids.clear();
            shapes.clear();
            ids.push(self.cls);
            ids.extend_from_slice(&sentence.ids[window.start..window.end]);
            ids.push(self.sep);
            shapes.push(shape::SPECIAL);
            shapes.extend_from_slice(&sentence.shapes[window.start..window.end]);
            shapes.push(shape::SPECIAL);
            packed.push(&ids, &shapes);
        }
        packed
    }

    /// The encoder's whole input for `docs`, exactly as [`Self::annotate`] would feed it:
    /// every window (with `[CLS]` and `[SEP]`) in the order batches are cut from, and the
    /// batches a padding backend and a packed backend would run. For benchmarking the
    /// encoder alone.
    pub fn encoder_input(&self, docs: &[Document]) -> Result<EncoderInput> {
        let jobs: Vec<(usize, ByteSpan)> = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_ok())
            .flat_map(|(i, d)| d.sentences.iter().map(move |s| (i, *s)))
            .collect();
        let sentences: Vec<EncodedSentence> = jobs
            .par_iter()
            .map(|&(doc, span)| self.encode(doc, span, span.slice(&docs[doc].text)))
            .collect::<Result<_>>()?;
        let mut windows = self.windows(&sentences);
        windows.sort_by_key(|w| std::cmp::Reverse(w.end - w.start));
        Ok(EncoderInput {
            sentences: sentences.len(),
            pieces: sentences.iter().map(|s| s.ids.len()).sum(),
            windows: self.pack(&sentences, &windows),
            padded_batches: self.batches_for(&windows, true),
            packed_batches: self.batches_for(&windows, false),
        })
    }

    /// The encoder backend this model runs.
    pub fn encoder(&self) -> &dyn Encoder {
        self.encoder.as_ref()
    }

    /// How the windows of `docs` would be cut and batched: (windows, real positions,
    /// positions computed including padding, positions computed by a padding backend).
    pub fn batching_stats(&self, docs: &[Document]) -> Result<BatchingStats> {
        let jobs: Vec<(usize, ByteSpan)> = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.is_ok())
            .flat_map(|(i, d)| d.sentences.iter().map(move |s| (i, *s)))
            .collect();
        let sentences: Vec<EncodedSentence> = jobs
            .iter()
            .map(|&(doc, span)| self.encode(doc, span, span.slice(&docs[doc].text)))
            .collect::<Result<_>>()?;
        let mut windows = self.windows(&sentences);
        windows.sort_by_key(|w| std::cmp::Reverse(w.end - w.start));
        let mut stats = BatchingStats {
            pieces: sentences.iter().map(|s| s.ids.len()).sum(),
            windows: windows.len(),
            ..Default::default()
        };
        for range in self.batches(&windows) {
            let group = &windows[range];
            let width = group[0].end - group[0].start + 2;
            let real: usize = group.iter().map(|w| w.end - w.start + 2).sum();
            stats.batches += 1;
            stats.real_positions += real;
            stats.computed_positions += if self.encoder.pads() {
                width * group.len()
            } else {
                real
            };
        }
        Ok(stats)
    }
}

/// The encoder's input for a set of documents (see [`NerModel::encoder_input`]).
#[derive(Debug, Clone)]
pub struct EncoderInput {
    pub sentences: usize,
    /// Word pieces of all sentences (without `[CLS]` / `[SEP]`, overlaps counted once).
    pub pieces: usize,
    /// Every window, longest first.
    pub windows: Packed,
    /// Batches (ranges of `windows`) as cut for a padding backend: at most `batch_tokens`
    /// positions and `max_padding` of them padding.
    pub padded_batches: Vec<std::ops::Range<usize>>,
    /// Batches as cut for a packed backend: at most `batch_tokens / 2` real positions.
    pub packed_batches: Vec<std::ops::Range<usize>>,
}

/// The outputs one window fills: label probabilities of its own pieces and (if kept) features
/// of the words that start among them (`words`, indices into its sentence's words).
struct WindowOut<'a> {
    probs: &'a mut [f32],
    features: Option<&'a mut [f32]>,
    words: std::ops::Range<usize>,
}

/// What the encoder computes for a set of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchingStats {
    /// Word pieces of all sentences.
    pub pieces: usize,
    pub windows: usize,
    pub batches: usize,
    /// Positions of all windows, with `[CLS]`, `[SEP]` and overlaps.
    pub real_positions: usize,
    /// Positions the encoder computes, padding included.
    pub computed_positions: usize,
}

impl BatchingStats {
    pub fn padding(&self) -> f64 {
        1.0 - self.real_positions as f64 / self.computed_positions.max(1) as f64
    }
}

fn softmax_into(logits: &[f32], out: &mut [f32]) {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for (o, &l) in out.iter_mut().zip(logits) {
        *o = (l - max).exp();
        sum += *o;
    }
    for o in out.iter_mut() {
        *o /= sum;
    }
}

/// A tagged span without the punctuation a word of the tokenizer carried past the name:
/// "(Sunday)," tagged as a date is "Sunday", "Joko “" is "Joko". A bracket closes only what
/// the span does not open ("Kyiv (Kiev)" keeps its own), and a final period stays ("U.S.").
fn without_stray_punctuation(text: &str, span: ByteSpan) -> ByteSpan {
    let Some(slice) = text.get(span.start..span.end) else {
        return span;
    };
    let stray_end = |c: char| matches!(c, ',' | ';' | ':' | '/' | '“' | '"') || c.is_whitespace();
    let stray_start = |c: char| matches!(c, '“' | '"') || c.is_whitespace();
    let mut t = slice
        .trim_end_matches(stray_end)
        .trim_start_matches(stray_start);
    // Brackets around the whole name ("(Sunday)"), or one the span does not open or close.
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        if !inner.contains(['(', ')']) {
            t = inner;
        }
    }
    if !t.contains('(') {
        t = t.trim_end_matches(')');
    }
    if !t.contains(')') {
        t = t.trim_start_matches('(');
    }
    let t = t
        .trim_end_matches(stray_end)
        .trim_start_matches(stray_start);
    if t.is_empty() {
        return span;
    }
    // `t` is a subslice of `slice`: its offset is where it starts in it.
    let start = span.start + (t.as_ptr() as usize - slice.as_ptr() as usize);
    ByteSpan::new(start, start + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tidy(text: &str) -> &str {
        without_stray_punctuation(text, ByteSpan::new(0, text.len())).slice(text)
    }

    #[test]
    fn punctuation_a_word_carried_past_the_name_is_left_out() {
        for (tagged, name) in [
            ("Sunday),", "Sunday"),
            ("(Sunday),", "Sunday"),
            ("(Kiev", "Kiev"),
            ("Joko “", "Joko"),
            ("15 April, 2024 /", "15 April, 2024"),
            ("“Hamas", "Hamas"),
            // A bracket the span opens is its own; an abbreviation keeps its period; with
            // nothing left, the span stays as it was.
            ("Kyiv (Kiev)", "Kyiv (Kiev)"),
            ("U.S.", "U.S."),
            ("),", "),"),
        ] {
            assert_eq!(tidy(tagged), name, "{tagged}");
        }
        let text = "met (Sunday), with";
        let span = without_stray_punctuation(text, ByteSpan::new(5, 13));
        assert_eq!(span.slice(text), "Sunday");
        assert_eq!((span.start, span.end), (5, 11));
    }
}
