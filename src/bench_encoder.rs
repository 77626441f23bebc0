//! The encoder alone, part of `attache bench`: our backends against Python ONNX Runtime
//! (fp32 on the fused graph, and dynamic int8) on the same weights, windows and batches.
//!
//! The Rust side cuts the articles into windows and batches exactly as the NER stage does
//! ([`NerModel::encoder_input`]), times each backend's `encode` over those batches only (no
//! tokenising, no tag head), and writes the windows, both batchings and its backends' hidden
//! states to a file that `bench/ort/bench.py` reads: it pads each batch, times ONNX Runtime
//! on the same batches with the same number of intra-op threads, and checks its hidden states
//! and tag decisions against ours. Each side's time is the median of `repeat` passes after
//! one warm-up pass.
//!
//! Two batchings of the same windows (longest first, as the NER stage sorts them):
//! - `padded`: cut for a backend that pads (at most `batch_tokens` positions, at most 10 %
//!   of them padding), what the `candle` backend runs;
//! - `packed`: cut for a backend that does not (at most `batch_tokens` real positions),
//!   what `packed` and `int8` run.
//!
//! ONNX Runtime pads whatever it gets; every ratio compares two sides on the same batches.
//!
//! Two schedules of each pass, both sides: `together` (one batch at a time over all threads:
//! our rayon pool, ONNX Runtime's intra-op threads) and `side-by-side` (each batch on one
//! thread, as many batches at once as threads: what the NER stage does when it has at least
//! two batches per thread; ONNX Runtime: one-thread runs on a pool of Python threads, which
//! `InferenceSession.run` allows, as it releases the GIL). The side-by-side hidden states must
//! equal the together ones bit for bit, or the bench fails.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::encoder::{Backend, Encoder, Packed};
use crate::ner::{EncoderInput, NerModel, NerOptions};

/// What `attache bench` compares for the encoder alone.
#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<PathBuf>,
    pub model_dir: PathBuf,
    pub backends: Vec<Backend>,
    /// Threads of our backends and intra-op threads of ONNX Runtime.
    pub threads: usize,
    /// Timed passes per side (median reported), after one warm-up pass.
    pub repeat: usize,
    /// Python with onnxruntime (bench/ort/.venv); `None` skips ONNX Runtime.
    pub python: Option<String>,
    /// `bench/ort/bench.py`.
    pub script: PathBuf,
    /// Folder with `encoder.fused.onnx` and `encoder.int8.onnx` (bench/ort/run.sh makes them).
    pub onnx_dir: PathBuf,
    /// Where the windows file goes (kept); default: a temporary file, removed afterwards.
    pub dump: Option<PathBuf>,
}

/// How a set of windows is cut into batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    Padded,
    Packed,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Padded => "padded",
            Layout::Packed => "packed",
        }
    }
}

/// How the batches of one pass share the threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Schedule {
    /// One batch at a time, each over all threads (ONNX Runtime's intra-op threads).
    #[default]
    Together,
    /// Batches side by side, each on one thread: what the NER stage does when it has at
    /// least two batches per thread (ONNX Runtime: one-thread runs on a thread pool).
    SideBySide,
}

impl Schedule {
    pub fn name(self) -> &'static str {
        match self {
            Schedule::Together => "together",
            Schedule::SideBySide => "side-by-side",
        }
    }
}

/// One timed side on one batching and schedule.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timing {
    pub side: String,
    pub layout: Layout,
    #[serde(default)]
    pub schedule: Schedule,
    pub seconds: f64,
    /// Positions the side computes, padding included.
    pub computed: usize,
}

/// What `bench/ort/bench.py` prints (its last line).
#[derive(Debug, Clone, Deserialize)]
pub struct OrtReport {
    pub onnxruntime: String,
    pub threads: usize,
    pub timings: Vec<Timing>,
    /// Largest |difference| of a hidden state, ONNX Runtime fp32 vs each of our backends.
    pub max_abs_diff: Vec<(String, f64)>,
    /// Share of word pieces whose tag (argmax of our tag head) two sides agree on.
    pub tag_agreement: Vec<(String, f64)>,
    #[serde(default)]
    pub notes: Vec<String>,
}

/// The encoder-only comparison.
#[derive(Debug, Clone)]
pub struct Report {
    pub cpu: String,
    pub load_before: String,
    pub load_after: String,
    pub threads: usize,
    pub repeat: usize,
    pub documents: usize,
    pub sentences: usize,
    pub pieces: usize,
    pub windows: usize,
    pub real_positions: usize,
    pub batches: Vec<(Layout, usize, usize)>,
    pub rust: Vec<Timing>,
    pub ort: Option<OrtReport>,
    pub ort_skipped: Option<String>,
}

/// The windows file: what `bench/ort/bench.py` reads.
#[derive(Serialize)]
struct Dump<'a> {
    threads: usize,
    repeat: usize,
    sentences: usize,
    pieces: usize,
    hidden: usize,
    /// Every window's word-piece ids and case classes, `[CLS]` and `[SEP]` included.
    ids: Vec<&'a [u32]>,
    shapes: Vec<&'a [u32]>,
    /// Batches as `[first window, end window)`, per batching.
    layouts: Vec<(Layout, Vec<[usize; 2]>)>,
    /// Our backends' hidden states of every position of every window, f32 little-endian,
    /// `[positions, hidden]` in window order.
    references: Vec<(String, String)>,
    model: String,
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Batch `range` of `all` as its own packed input.
fn slice(all: &Packed, range: &std::ops::Range<usize>) -> Packed {
    let (a, b) = (all.offsets[range.start], all.offsets[range.end]);
    Packed {
        token_ids: all.token_ids[a..b].to_vec(),
        shape_ids: all.shape_ids[a..b].to_vec(),
        offsets: all.offsets[range.start..=range.end]
            .iter()
            .map(|o| o - a)
            .collect(),
    }
}

/// Positions computed for `batches` by a backend that pads (`pads`) or one that does not.
fn computed(batches: &[Packed], pads: bool) -> usize {
    batches
        .iter()
        .map(|b| {
            if pads {
                b.windows() * b.max_len()
            } else {
                b.tokens()
            }
        })
        .sum()
}

/// Median seconds of `repeat` passes of `encoder` over `batches` after one warm-up pass,
/// and the hidden states of the warm-up pass. Runs on the current rayon pool.
pub fn time_encoder(
    encoder: &dyn Encoder,
    batches: &[Packed],
    repeat: usize,
    schedule: Schedule,
) -> Result<(f64, Vec<f32>)> {
    let pass = || -> Result<Vec<Vec<f32>>> {
        match schedule {
            Schedule::Together => batches.iter().map(|b| encoder.encode(b)).collect(),
            Schedule::SideBySide => {
                use rayon::prelude::*;
                // One batch per task, so the pool hands the next batch to whichever thread
                // is free (batches differ in size).
                batches
                    .par_iter()
                    .with_max_len(1)
                    .map(|b| encoder.encode_serial(b))
                    .collect()
            }
        }
    };
    let hidden = pass()?.concat();
    let mut times = Vec::new();
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        std::hint::black_box(pass()?);
        times.push(started.elapsed().as_secs_f64());
    }
    Ok((median(times), hidden))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// Runs the comparison: our backends here, ONNX Runtime in `options.python`.
pub fn run(options: &Options) -> Result<Report> {
    let docs = crate::bench::load_docs(&options.inputs)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.max(1))
        .build()
        .context("cannot set up threads")?;
    let load_before = load_average();
    let first = NerModel::load_backend(&options.model_dir, NerOptions::default(), Backend::Packed)?;
    let input: EncoderInput = pool.install(|| first.encoder_input(&docs))?;
    let layouts = [
        (Layout::Padded, &input.padded_batches),
        (Layout::Packed, &input.packed_batches),
    ];
    let batches: Vec<(Layout, Vec<Packed>)> = layouts
        .iter()
        .map(|(l, ranges)| {
            (
                *l,
                ranges.iter().map(|r| slice(&input.windows, r)).collect(),
            )
        })
        .collect();

    let scratch =
        std::env::temp_dir().join(format!("attache-bench-encoder-{}", std::process::id()));
    let dump = options
        .dump
        .clone()
        .unwrap_or_else(|| scratch.join("windows.json"));
    let dump_dir = dump
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dump_dir)?;

    let mut rust = Vec::new();
    let mut references = Vec::new();
    for &backend in &options.backends {
        let model = NerModel::load_backend(&options.model_dir, NerOptions::default(), backend)?;
        let encoder = model.encoder();
        for (layout, batches) in &batches {
            // A padding backend runs the padded batching only: that is how it is used.
            if encoder.pads() && *layout == Layout::Packed {
                continue;
            }
            let (seconds, hidden) = pool
                .install(|| time_encoder(encoder, batches, options.repeat, Schedule::Together))?;
            let side = format!("attache {backend}");
            let computed = computed(batches, encoder.pads());
            rust.push(Timing {
                side: side.clone(),
                layout: *layout,
                schedule: Schedule::Together,
                seconds,
                computed,
            });
            if options.threads > 1 && encoder.serial() {
                let (seconds, side_hidden) = pool.install(|| {
                    time_encoder(encoder, batches, options.repeat, Schedule::SideBySide)
                })?;
                if side_hidden != hidden {
                    bail!(
                        "{side}: batches side by side give other hidden states than one at a time"
                    );
                }
                rust.push(Timing {
                    side,
                    layout: *layout,
                    schedule: Schedule::SideBySide,
                    seconds,
                    computed,
                });
            }
            if *layout == Layout::Padded {
                let stem = dump
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "windows.json".into());
                let path = dump_dir.join(format!("{stem}.{backend}.f32"));
                let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
                for x in &hidden {
                    file.write_all(&x.to_le_bytes())?;
                }
                file.flush()?;
                references.push((backend.name().to_string(), path.display().to_string()));
            }
        }
    }

    let all = &input.windows;
    let record = Dump {
        threads: options.threads,
        repeat: options.repeat,
        sentences: input.sentences,
        pieces: input.pieces,
        hidden: first.encoder().hidden(),
        ids: (0..all.windows())
            .map(|w| &all.token_ids[all.window(w)])
            .collect(),
        shapes: (0..all.windows())
            .map(|w| &all.shape_ids[all.window(w)])
            .collect(),
        layouts: layouts
            .iter()
            .map(|(l, ranges)| (*l, ranges.iter().map(|r| [r.start, r.end]).collect()))
            .collect(),
        references,
        model: options.model_dir.display().to_string(),
    };
    std::fs::write(&dump, serde_json::to_string(&record)?)
        .with_context(|| format!("cannot write {}", dump.display()))?;

    let (ort, ort_skipped) = match &options.python {
        None => (None, Some("skipped (--ort-python '')".to_string())),
        Some(python) => {
            let fused = options.onnx_dir.join("encoder.fused.onnx");
            if !fused.exists() {
                (None, Some(format!("skipped: no {} (run bench/ort/run.sh, or bench/ort/setup.sh then bench/ort/export.py and bench/ort/optimize.py)", fused.display())))
            } else {
                (Some(run_ort(python, options, &dump)?), None)
            }
        }
    };
    if options.dump.is_none() {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    Ok(Report {
        cpu: crate::bench::cpu_model(),
        load_before,
        load_after: load_average(),
        threads: options.threads,
        repeat: options.repeat,
        documents: docs.len(),
        sentences: input.sentences,
        pieces: input.pieces,
        windows: all.windows(),
        real_positions: all.tokens(),
        batches: batches
            .iter()
            .map(|(l, b)| (*l, b.len(), computed(b, true)))
            .collect(),
        rust,
        ort,
        ort_skipped,
    })
}

fn run_ort(python: &str, options: &Options, dump: &Path) -> Result<OrtReport> {
    let output = Command::new(python)
        .arg(&options.script)
        .arg("--windows")
        .arg(dump)
        .arg("--onnx")
        .arg(&options.onnx_dir)
        .args([
            "--threads",
            &options.threads.to_string(),
            "--repeat",
            &options.repeat.to_string(),
        ])
        .stderr(std::process::Stdio::inherit())
        .output()
        .with_context(|| format!("cannot start {python} (make it with bench/ort/setup.sh)"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "{python} {} failed: {}",
            options.script.display(),
            stdout.lines().last().unwrap_or("")
        );
    }
    serde_json::from_str(stdout.lines().last().unwrap_or("")).with_context(|| {
        format!(
            "unexpected output from {}: {stdout}",
            options.script.display()
        )
    })
}

impl Report {
    fn ort_timing(&self, precision: &str, layout: Layout, schedule: Schedule) -> Option<&Timing> {
        self.ort
            .as_ref()?
            .timings
            .iter()
            .find(|t| t.layout == layout && t.schedule == schedule && t.side.contains(precision))
    }

    /// Ours (default backend on its fastest batching and schedule) over ONNX Runtime
    /// `precision` on its fastest: the headline ratio.
    /// Our `backend` against ONNX Runtime at `precision`, each on its fastest batching and
    /// schedule: the ratio of their seconds to ours.
    pub fn headline(&self, backend: Backend, precision: &str) -> Option<(f64, &Timing, &Timing)> {
        let ours = self
            .rust
            .iter()
            .filter(|t| t.side == format!("attache {backend}"))
            .min_by(|a, b| a.seconds.total_cmp(&b.seconds))?;
        let theirs = self
            .ort
            .as_ref()?
            .timings
            .iter()
            .filter(|t| t.side.contains(precision))
            .min_by(|a, b| a.seconds.total_cmp(&b.seconds))?;
        Some((theirs.seconds / ours.seconds, ours, theirs))
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "encoder alone: {} documents, {} sentences, {} word pieces -> {} windows ({} positions with [CLS]/[SEP]); {} threads each side; median of {} passes after a warm-up",
            self.documents, self.sentences, self.pieces, self.windows, self.real_positions, self.threads, self.repeat
        )?;
        writeln!(
            f,
            "CPU: {}; load average before {}, after {}",
            self.cpu, self.load_before, self.load_after
        )?;
        for (layout, n, padded) in &self.batches {
            writeln!(
                f,
                "batching {:<6}: {n:>3} batches, {padded} positions when padded ({:.1}% padding)",
                layout.name(),
                100.0 * (1.0 - self.real_positions as f64 / *padded as f64)
            )?;
        }
        writeln!(
            f,
            "{:<28} {:<8} {:<13} {:>9} {:>12} {:>10} {:>10} {:>11} {:>11}",
            "side",
            "batches",
            "schedule",
            "seconds",
            "sentences/s",
            "windows/s",
            "pieces/s",
            "x ORT fp32",
            "x ORT int8"
        )?;
        let ort = self
            .ort
            .as_ref()
            .map(|o| o.timings.as_slice())
            .unwrap_or(&[]);
        for t in self.rust.iter().chain(ort) {
            let ratio = |precision: &str| {
                self.ort_timing(precision, t.layout, t.schedule)
                    .map_or("-".to_string(), |o| {
                        format!("{:.2}x", o.seconds / t.seconds)
                    })
            };
            writeln!(
                f,
                "{:<28} {:<8} {:<13} {:>9.3} {:>12.1} {:>10.1} {:>10.0} {:>11} {:>11}",
                t.side,
                t.layout.name(),
                t.schedule.name(),
                t.seconds,
                self.sentences as f64 / t.seconds,
                self.windows as f64 / t.seconds,
                self.pieces as f64 / t.seconds,
                ratio("fp32"),
                ratio("int8")
            )?;
        }
        match &self.ort {
            Some(o) => {
                for (what, d) in &o.max_abs_diff {
                    writeln!(f, "hidden states, {what}: max |diff| {d:.2e}")?;
                }
                for (what, share) in &o.tag_agreement {
                    writeln!(
                        f,
                        "tag decisions, {what}: {:.2}% of word pieces agree",
                        100.0 * share
                    )?;
                }
                for note in &o.notes {
                    writeln!(f, "{note}")?;
                }
                // What `--backend auto` runs here against both, and each precision like for like.
                let mut pairs: Vec<(Backend, &str)> = Vec::new();
                for pair in [
                    (Backend::fastest(), "fp32"),
                    (Backend::fastest(), "int8"),
                    (Backend::Packed, "fp32"),
                    (Backend::Int8, "int8"),
                ] {
                    if !pairs.contains(&pair) {
                        pairs.push(pair);
                    }
                }
                for (backend, precision) in pairs {
                    if let Some((ratio, ours, theirs)) = self.headline(backend, precision) {
                        writeln!(
                            f,
                            "{} ({} batches, {}) vs ONNX Runtime {} {precision} ({} batches, {}), each on its fastest batching and schedule: {ratio:.2}x",
                            ours.side,
                            ours.layout.name(),
                            ours.schedule.name(),
                            o.onnxruntime,
                            theirs.layout.name(),
                            theirs.schedule.name()
                        )?;
                    }
                }
            }
            None => writeln!(
                f,
                "ONNX Runtime: {}",
                self.ort_skipped.as_deref().unwrap_or("skipped")
            )?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slicing_a_batch_keeps_its_windows() {
        let mut all = Packed::new();
        all.push(&[101, 5, 6, 102], &[0, 1, 1, 0]);
        all.push(&[101, 7, 102], &[0, 2, 0]);
        all.push(&[101, 8, 102], &[0, 1, 0]);
        let batch = slice(&all, &(1..3));
        assert_eq!(batch.token_ids, vec![101, 7, 102, 101, 8, 102]);
        assert_eq!(batch.shape_ids, vec![0, 2, 0, 0, 1, 0]);
        assert_eq!(batch.offsets, vec![0, 3, 6]);
        assert_eq!(computed(std::slice::from_ref(&batch), true), 6);
        assert_eq!(computed(&[slice(&all, &(0..2))], true), 8);
        assert_eq!(computed(&[slice(&all, &(0..2))], false), 7);
    }
}
