//! The NER-stage benchmark: Rust (candle) against the same weights in Python torch, in one run.
//!
//! Both sides get the same sentences (from our segmenter), the same windowing and the same
//! length-sorted batching; the ratio of their throughputs is what is reported, since absolute
//! numbers on shared machines are noisy.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::doc::Document;
use crate::ingest;
use crate::ner::{NerModel, NerOptions};
use crate::segment::{RuleSegmenter, Segmenter};

#[derive(Debug, Clone)]
pub struct Throughput {
    pub seconds: f64,
    pub words: usize,
    pub sentences: usize,
}

impl Throughput {
    pub fn words_per_second(&self) -> f64 {
        self.words as f64 / self.seconds
    }
    pub fn sentences_per_second(&self) -> f64 {
        self.sentences as f64 / self.seconds
    }
}

/// Reads and segments the benchmark input once.
pub fn load_docs(inputs: &[PathBuf]) -> Result<Vec<Document>> {
    let sources = ingest::discover(inputs)?;
    if sources.is_empty() {
        bail!("no articles found in {:?}", inputs);
    }
    Ok(sources
        .iter()
        .map(|s| {
            let mut d = ingest::read(s);
            RuleSegmenter.annotate(&mut d);
            d
        })
        .collect())
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Times the NER stage (tokenise, window, encode, decode) over `docs`, median of `repeat` runs
/// after one warm-up.
pub fn time_rust(model: &NerModel, docs: &[Document], repeat: usize) -> Result<Throughput> {
    let mut work = docs.to_vec();
    model.annotate(&mut work)?;
    let mut times = Vec::new();
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        model.annotate(&mut work)?;
        times.push(started.elapsed().as_secs_f64());
    }
    let sentences: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|s| s.slice(&d.text)))
        .collect();
    Ok(Throughput {
        seconds: median(times),
        words: sentences.iter().map(|s| s.split_whitespace().count()).sum(),
        sentences: sentences.len(),
    })
}

/// Time of the rule stages (dates, people, meetings, agreements) and of merging over `docs`
/// already tagged, median of `repeat` runs: they must stay a small fraction of the NER stage.
pub fn time_rules(model: &NerModel, docs: &[Document], repeat: usize) -> Result<(f64, f64)> {
    let mut tagged = docs.to_vec();
    model.annotate(&mut tagged)?;
    let mut rules = Vec::new();
    let mut merging = Vec::new();
    for _ in 0..repeat.max(1) {
        let mut work = tagged.clone();
        let started = Instant::now();
        for doc in work.iter_mut().filter(|d| d.is_ok()) {
            crate::pipeline::analyse_rules(doc);
        }
        rules.push(started.elapsed().as_secs_f64());
        let started = Instant::now();
        let meetings = crate::merge::merge_meetings(
            work.iter_mut()
                .flat_map(|d| std::mem::take(&mut d.meetings))
                .collect(),
        );
        let agreements = crate::merge::merge_agreements(
            work.iter_mut()
                .flat_map(|d| std::mem::take(&mut d.agreements))
                .collect(),
        );
        std::hint::black_box((meetings, agreements));
        merging.push(started.elapsed().as_secs_f64());
    }
    Ok((median(rules), median(merging)))
}

#[derive(Deserialize)]
struct PythonResult {
    seconds: f64,
    entities: usize,
    torch: String,
    threads: usize,
}

/// Runs `training/bench_torch.py` with `python` on the same sentences.
pub fn time_python(
    python: &str,
    script: &Path,
    model_dir: &Path,
    docs: &[Document],
    options: NerOptions,
    repeat: usize,
    threads: usize,
) -> Result<(Throughput, String)> {
    let sentences: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|s| s.slice(&d.text)))
        .collect();
    let file = std::env::temp_dir().join(format!("attache-bench-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::to_string(&sentences)?)?;
    let output = Command::new(python)
        .arg(script)
        .arg("--model")
        .arg(model_dir)
        .arg("--sentences")
        .arg(&file)
        .args([
            "--repeat",
            &repeat.to_string(),
            "--threads",
            &threads.to_string(),
        ])
        .args([
            "--max-len",
            &options.max_len.to_string(),
            "--stride",
            &options.stride.to_string(),
        ])
        .args(["--batch-tokens", &options.batch_tokens.to_string()])
        .output()
        .with_context(|| format!("cannot start {python}"))?;
    let _ = std::fs::remove_file(&file);
    if !output.status.success() {
        bail!(
            "{python} {} failed: {}\n(install the training requirements: python3 -m venv training/.venv && training/.venv/bin/pip install -r training/requirements.txt)",
            script.display(),
            String::from_utf8_lossy(&output.stderr).lines().last().unwrap_or("")
        );
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let result: PythonResult = serde_json::from_str(stdout.lines().last().unwrap_or(""))
        .with_context(|| format!("unexpected output from the torch benchmark: {stdout}"))?;
    let words = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    Ok((
        Throughput {
            seconds: result.seconds,
            words,
            sentences: sentences.len(),
        },
        format!(
            "torch {} eager fp32, {} threads, {} entities",
            result.torch, result.threads, result.entities
        ),
    ))
}

/// Peak resident memory of this process in MB (Linux), if known.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// One side of `attache bench`: a whole run as a child process.
#[derive(Debug, Clone)]
pub struct JobRun {
    pub name: String,
    pub seconds: f64,
    /// Peak resident memory of the child in MB, when `/usr/bin/time` could measure it.
    pub peak_rss_mb: Option<f64>,
}

/// Runs `program args` as a child under `/usr/bin/time` (when present) and returns its wall
/// time including start-up and model load, and its peak RSS.
pub fn time_child(name: &str, program: &Path, args: &[String]) -> Result<JobRun> {
    let time = Path::new("/usr/bin/time");
    // The side's name may hold paths ("--model models/ner"): keep the file name flat.
    let flat: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let stats =
        std::env::temp_dir().join(format!("attache-bench-time-{}-{flat}", std::process::id()));
    let mut command = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%M").arg("-o").arg(&stats).arg(program);
        c
    } else {
        Command::new(program)
    };
    command
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let started = Instant::now();
    let output = command
        .output()
        .with_context(|| format!("cannot start {}", program.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        bail!(
            "{name} failed: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
    }
    let peak_rss_mb = std::fs::read_to_string(&stats)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse::<f64>().ok()))
        .map(|kb| kb / 1024.0);
    let _ = std::fs::remove_file(&stats);
    Ok(JobRun {
        name: name.to_string(),
        seconds,
        peak_rss_mb,
    })
}

/// The CPU model and its vector extensions, from `/proc/cpuinfo`.
pub fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = info
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .unwrap_or("unknown")
        .trim();
    let flags: Vec<&str> = info
        .lines()
        .find(|l| l.starts_with("flags"))
        .map(|l| l.split_whitespace().collect())
        .unwrap_or_default();
    let ext: Vec<&str> = ["avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16"]
        .into_iter()
        .filter(|f| flags.contains(f))
        .collect();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    // The family and model numbers tell generations apart where the name does not (a VM's
    // "AMD EPYC").
    let field = |name: &str| {
        info.lines()
            .find(|l| l.split(':').next().is_some_and(|k| k.trim() == name))
            .and_then(|l| l.split(':').nth(1))
            .map(str::trim)
    };
    let generation = match (field("cpu family"), field("model")) {
        (Some(f), Some(m)) => format!("family {f} model {m}, "),
        _ => String::new(),
    };
    format!("{model} ({generation}{cores} cores; {})", ext.join(" "))
}

/// Words of a finished run, from its `run.json`.
pub fn run_words(output: &Path) -> Result<usize> {
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(output.join("run.json"))?)?;
    run["counts"]["words"]
        .as_u64()
        .map(|w| w as usize)
        .context("run.json has no word count")
}
