//! The command line: its arguments (clap), and what each subcommand runs in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use crate::encoder::Backend;
use crate::ner::{NerModel, NerOptions};
use crate::{bench, eval, pipeline, progress};

/// Reads folders of English news articles and files a report: who met whom, where and when,
/// and what they signed.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Args)]
struct RunArgs {
    /// Folders (walked recursively) or files to read.
    #[arg(default_value = "input")]
    inputs: Vec<PathBuf>,
    /// Folder the datasets are written to.
    #[arg(short, long, default_value = "output")]
    output: PathBuf,
    /// Process only part K of N of the documents (stable by document id, K from 1); combine
    /// the parts with `attache merge`.
    #[arg(long, value_name = "K/N")]
    shard: Option<pipeline::Shard>,
    /// Recompute every document instead of reusing the outcomes an earlier run left in
    /// OUTPUT/.attache-cache.
    #[arg(long)]
    fresh: bool,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args, Clone)]
struct CommonArgs {
    /// Model folder (default: models/ner).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Encoder backend: auto (int8 on CPUs with AVX-512 VNNI, else packed), packed (f32, no
    /// padding), int8 (quantized), candle (f32, padded), rust-bert (libtorch; only in builds
    /// with `--features rust-bert`).
    #[arg(long, default_value = "auto", env = "ATTACHE_BACKEND")]
    backend: Backend,
    /// No progress or log lines on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// How meetings and agreements are read: the learned event reader, the rules, or both.
    #[arg(long, value_enum, default_value_t = pipeline::DEFAULT_READER)]
    reader: pipeline::Reader,
    /// Event reader folder (default: the `events` folder beside the model folder, so
    /// models/events for models/ner).
    #[arg(long)]
    events: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Combines the output folders of shard runs into one, merging events reported in
    /// documents of different shards, as a single run over all documents would.
    Merge {
        /// Output folders of `attache --shard K/N` runs.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Folder the combined datasets are written to.
        #[arg(short, long)]
        output: PathBuf,
        /// No summary line on stderr.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Writes DIR/report.html, the self-contained HTML report over the datasets of an
    /// existing output folder (every run writes it too).
    Report {
        /// An attache output folder.
        dir: PathBuf,
    },
    /// Runs the main job on inputs with hand-made gold records and scores meetings and
    /// agreements: precision/recall/F1 per record type, date, place, status and kind accuracy.
    Eval {
        /// INPUT=GOLD pairs (default: input=eval/records/input.jsonl and, when present,
        /// ../shared/seeds=eval/records/seeds.jsonl).
        #[arg(long = "set")]
        sets: Vec<String>,
        /// Score this existing output folder against --gold instead of running the job.
        #[arg(long, requires = "gold")]
        scored: Option<PathBuf>,
        /// Gold records for --scored.
        #[arg(long)]
        gold: Option<PathBuf>,
        /// Also list missed and spurious records.
        #[arg(short, long)]
        verbose: bool,
        /// Score each of these readers side by side (default: the one --reader names).
        #[arg(long, value_enum, value_delimiter = ',')]
        readers: Vec<pipeline::Reader>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// Scores the NER model against gold files, side by side with a reference system.
    EvalNer {
        /// Gold JSONL files (default: eval/ner/written.jsonl and eval/ner/seeds.jsonl).
        #[arg(long)]
        gold: Vec<PathBuf>,
        /// Predictions of a reference system, as NAME=FILE (default: the spaCy md teacher's).
        #[arg(long)]
        compare: Vec<String>,
        /// Also write the model's predictions (gold format) to this file, for error analysis.
        #[arg(long)]
        predictions: Option<PathBuf>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// NER-stage throughput, Rust against Python torch on the same weights and sentences.
    BenchNer {
        /// Articles to run on.
        #[arg(default_value = "../shared/seeds")]
        inputs: Vec<PathBuf>,
        /// Timed repetitions (median reported).
        #[arg(long, default_value_t = 5)]
        repeat: usize,
        /// Python with torch for the reference side; empty to skip it.
        #[arg(long, env = "ATTACHE_PYTHON")]
        python: Option<String>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// The main job on one folder, once per encoder backend and once by the spaCy peer, each
    /// as its own process: words/s including model load, peak RSS, ratios, the CPU.
    Bench {
        /// Articles to run on.
        #[arg(default_value = "../shared/seeds")]
        input: PathBuf,
        /// Backends to run (default: all).
        #[arg(long = "run-backend")]
        backends: Vec<Backend>,
        /// The peer's runner, called as `PEER INPUT OUT` (empty to skip).
        #[arg(long, default_value = "../shared/peer/run.sh")]
        peer: String,
        /// Runs of each side (the fastest is reported).
        #[arg(long, default_value_t = 1)]
        repeat: usize,
        /// Worker threads of each attache run (default: all cores); also the threads of the
        /// encoder-only comparison, ours and ONNX Runtime's intra-op threads.
        #[arg(long)]
        threads: Option<usize>,
        /// Only the encoder-only comparison against ONNX Runtime, not the main job.
        #[arg(long, conflicts_with = "no_encoder")]
        encoder_only: bool,
        /// Only the main job, not the encoder-only comparison.
        #[arg(long)]
        no_encoder: bool,
        /// Articles the encoder-only comparison runs on (default: INPUT).
        #[arg(long)]
        encoder_input: Vec<PathBuf>,
        /// Timed passes of each side of the encoder-only comparison (median reported).
        #[arg(long, default_value_t = 5)]
        encoder_repeat: usize,
        /// Python with onnxruntime for the encoder-only comparison (bench/ort/setup.sh makes
        /// bench/ort/.venv); empty to skip ONNX Runtime.
        #[arg(long, env = "ATTACHE_ORT_PYTHON")]
        ort_python: Option<String>,
        /// Folder with encoder.fused.onnx and encoder.int8.onnx (default: bench/ort/out of
        /// the source tree; bench/ort/run.sh makes them).
        #[arg(long)]
        onnx_dir: Option<PathBuf>,
        /// Keep the encoder windows, batches and our hidden states in FILE (and FILE.BACKEND.f32)
        /// for bench/ort/bench.py.
        #[arg(long, value_name = "FILE")]
        dump_windows: Option<PathBuf>,
        /// Model folder (default: models/ner); repeat it to time several models side by side
        /// in the main job (each with the event reader beside it). The encoder-only comparison
        /// uses the first.
        #[arg(long)]
        model: Vec<PathBuf>,
    },
    /// Writes a synthetic corpus: COUNT realistic articles under OUTPUT/articles (txt, some md,
    /// html and one .jsonl) and the events they were generated from to OUTPUT/expected.jsonl.
    Generate {
        /// Articles to write.
        #[arg(long)]
        count: usize,
        /// Folder to write to (OUTPUT/articles must not hold articles yet).
        #[arg(short, long)]
        output: PathBuf,
        /// Seed: the same seed gives the same files.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

/// Parses the command line and runs what it asks for; errors are printed, not panicked.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("attache: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn setup(common: &CommonArgs) -> Result<NerModel> {
    setup_for(common, &[common.reader])
}

/// Loads the entity model, and the event reader when one of `readers` needs it.
fn setup_for(common: &CommonArgs, readers: &[pipeline::Reader]) -> Result<NerModel> {
    if let Some(n) = common.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot set up threads")?;
    }
    let dir = common
        .model
        .clone()
        .unwrap_or_else(pipeline::default_model_dir);
    let wants_events = readers.iter().any(|r| *r != pipeline::Reader::Rules);
    let events = common
        .events
        .clone()
        .unwrap_or_else(|| crate::events::dir_for_model(&dir));
    // The event reader loads beside the entity model.
    let (model, reader) = rayon::join(
        || {
            NerModel::load_backend(&dir, NerOptions::default(), common.backend)
                .with_context(|| format!("cannot load the NER model from {}", dir.display()))
        },
        || -> Result<Option<crate::events::EventReader>> {
            if !wants_events {
                return Ok(None);
            }
            let reader = crate::events::EventReader::load(&events)
                .with_context(|| format!("cannot load the event reader from {} (run with --reader rules to do without it)", events.display()))?;
            Ok(Some(reader))
        },
    );
    let mut model = model?;
    if let Some(reader) = reader? {
        model.attach_events(reader, common.reader).with_context(|| match &common.events {
            Some(given) => format!(
                "{} does not go with the model in {}: pass the events folder that sits beside the model (--events {}), or leave --events out",
                given.display(),
                dir.display(),
                crate::events::dir_for_model(&dir).display()
            ),
            None => format!(
                "{} has no event reader of its own (no events folder with heads beside it; {} belongs to another model): run with --reader rules, or train heads for it (training/events/joint.py)",
                dir.display(),
                events.display()
            ),
        })?;
    }
    Ok(model)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => {
            let args = cli.run;
            let t = crate::timing::stage("load");
            let model = setup(&args.common)?;
            drop(t);
            let options = pipeline::RunOptions {
                shard: args.shard,
                progress: if args.common.quiet {
                    progress::Mode::Quiet
                } else {
                    progress::Mode::Auto
                },
                cache: !args.fresh,
            };
            let summary = pipeline::run_with(&args.inputs, &args.output, &model, options)?;
            if !args.common.quiet {
                print_summary(&summary, &args.output);
            }
            Ok(if summary.failed > 0 {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Merge {
            dirs,
            output,
            quiet,
        }) => {
            let summary = pipeline::merge_outputs(&dirs, &output)?;
            if !quiet {
                print_summary(&summary, &output);
            }
            Ok(if summary.failed > 0 {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Report { dir }) => {
            let path = crate::report::write_report(&dir)?;
            eprintln!("attache: wrote {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval {
            sets,
            scored,
            gold,
            verbose,
            readers,
            common,
        }) => {
            if let (Some(dir), Some(gold)) = (&scored, &gold) {
                let result = eval::records::score_output(
                    &dir.display().to_string(),
                    common.reader,
                    dir,
                    gold,
                )?;
                print!("{}", eval::records::summary_table(&[result]));
                return Ok(ExitCode::SUCCESS);
            }
            let sets = if sets.is_empty() {
                let mut d = vec!["input=eval/records/input.jsonl".to_string()];
                if PathBuf::from("../shared/seeds").is_dir() {
                    d.push("../shared/seeds=eval/records/seeds.jsonl".to_string());
                }
                d
            } else {
                sets
            };
            let sets: Vec<(String, PathBuf)> = sets
                .iter()
                .map(|s| {
                    s.split_once('=')
                        .map(|(i, g)| (i.to_string(), PathBuf::from(g)))
                        .context("--set takes INPUT=GOLD")
                })
                .collect::<Result<_>>()?;
            let readers = if readers.is_empty() {
                vec![common.reader]
            } else {
                readers
            };
            let mut model = setup_for(&common, &readers)?;
            let results = eval::records::evaluate_sets(&mut model, &sets, &readers, verbose)?;
            print!("{}", eval::records::summary_table(&results));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::EvalNer {
            gold,
            compare,
            predictions,
            common,
        }) => {
            // Entities only: no event reader needed (a model without heads of its own scores too).
            let model = setup_for(&common, &[pipeline::Reader::Rules])?;
            let gold = if gold.is_empty() {
                vec![
                    PathBuf::from("eval/ner/written.jsonl"),
                    PathBuf::from("eval/ner/seeds.jsonl"),
                ]
            } else {
                gold
            };
            let set = eval::ner::read_gold(&gold)?;
            for s in &set.skipped {
                eprintln!("attache: skipped gold document {s}");
            }
            let predicted = eval::ner::predict(&model, &set.docs)?;
            if let Some(file) = &predictions {
                eval::ner::write_predictions(file, &set.docs, &predicted)?;
            }
            let ours = eval::ner::score(&set.docs, &predicted);
            let mut others = Vec::new();
            let compare =
                if compare.is_empty() && PathBuf::from("eval/ner/teacher_md.jsonl").exists() {
                    vec!["spacy-md=eval/ner/teacher_md.jsonl".to_string()]
                } else {
                    compare
                };
            for spec in &compare {
                let (name, file) = spec.split_once('=').context("--compare takes NAME=FILE")?;
                let predictions = eval::ner::read_predictions(&PathBuf::from(file))?;
                others.push((name.to_string(), eval::ner::score(&set.docs, &predictions)));
            }
            let entities: usize = set.docs.iter().map(|d| d.entities.len()).sum();
            println!(
                "NER exact-span scores on {} gold documents ({} entities)",
                set.docs.len(),
                entities
            );
            let mut systems = vec![(model.info().name.as_str(), &ours)];
            systems.extend(others.iter().map(|(n, s)| (n.as_str(), s)));
            print!("{}", eval::ner::report(&systems));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Bench {
            input,
            backends,
            peer,
            repeat,
            threads,
            encoder_only,
            no_encoder,
            encoder_input,
            encoder_repeat,
            ort_python,
            onnx_dir,
            dump_windows,
            model,
        }) => {
            let backends = if backends.is_empty() {
                Backend::ALL.to_vec()
            } else {
                backends
            };
            if !encoder_only {
                bench_job(&input, &backends, &model, &peer, repeat, threads)?;
            }
            if !no_encoder {
                let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
                let python = ort_python.unwrap_or_else(|| {
                    let venv = root.join("bench/ort/.venv/bin/python");
                    if venv.exists() {
                        venv.display().to_string()
                    } else {
                        "python3".into()
                    }
                });
                let options = crate::bench_encoder::Options {
                    inputs: if encoder_input.is_empty() {
                        vec![input]
                    } else {
                        encoder_input
                    },
                    model_dir: model
                        .first()
                        .cloned()
                        .unwrap_or_else(pipeline::default_model_dir),
                    backends,
                    threads: threads.unwrap_or_else(|| {
                        std::thread::available_parallelism()
                            .map(|n| n.get())
                            .unwrap_or(1)
                    }),
                    repeat: encoder_repeat,
                    python: (!python.is_empty()).then_some(python),
                    script: root.join("bench/ort/bench.py"),
                    onnx_dir: onnx_dir.unwrap_or_else(|| root.join("bench/ort/out")),
                    dump: dump_windows,
                };
                print!("{}", crate::bench_encoder::run(&options)?);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::BenchNer {
            inputs,
            repeat,
            python,
            common,
        }) => {
            let model = setup(&common)?;
            let docs = bench::load_docs(&inputs)?;
            let rust = bench::time_rust(&model, &docs, repeat)?;
            let threads = rayon::current_num_threads();
            println!(
                "NER stage on {} documents, {} sentences, {} words; {} threads",
                docs.len(),
                rust.sentences,
                rust.words,
                threads
            );
            let dir = common
                .model
                .clone()
                .unwrap_or_else(pipeline::default_model_dir);
            let sides = [
                (
                    "before: padded batches of 4096 positions",
                    Backend::Candle,
                    1.0,
                ),
                ("padding backend, padding <= 10%", Backend::Candle, 0.10),
                ("packed backends", Backend::Packed, 0.10),
            ];
            for (label, backend, max_padding) in sides {
                let m = NerModel::load_backend(
                    &dir,
                    NerOptions {
                        max_padding,
                        ..NerOptions::default()
                    },
                    backend,
                )?;
                let s = m.batching_stats(&docs)?;
                println!(
                    "batching, {label:<41}: {} pieces, {} windows, {} batches, {} positions computed, {:.1}% padding",
                    s.pieces, s.windows, s.batches, s.computed_positions, 100.0 * s.padding()
                );
            }
            println!(
                "rust {:<9}: {:>8.1} words/s {:>7.1} sentences/s ({:.3}s)",
                model.backend().name(),
                rust.words_per_second(),
                rust.sentences_per_second(),
                rust.seconds
            );
            let (rules, merging) = bench::time_rules(&model, &docs, repeat)?;
            println!(
                "rules + merge : {:.4}s + {:.4}s = {:.1}% of the NER stage (single thread)",
                rules,
                merging,
                100.0 * (rules + merging) / rust.seconds
            );
            let python = python.unwrap_or_else(default_python);
            if !python.is_empty() {
                let script =
                    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("training/bench_torch.py");
                let dir = common
                    .model
                    .clone()
                    .unwrap_or_else(pipeline::default_model_dir);
                let (py, note) = bench::time_python(
                    &python,
                    &script,
                    &dir,
                    &docs,
                    NerOptions::default(),
                    repeat,
                    threads,
                )?;
                println!(
                    "python torch  : {:>8.1} words/s {:>7.1} sentences/s ({:.3}s; {note})",
                    py.words_per_second(),
                    py.sentences_per_second(),
                    py.seconds
                );
                println!("ratio rust/python: {:.2}x", py.seconds / rust.seconds);
            }
            if let Some(mb) = bench::peak_rss_mb() {
                println!("peak RSS of the rust process: {mb:.0} MB");
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Generate {
            count,
            output,
            seed,
        }) => {
            println!("{}", crate::generate::write_corpus(&output, count, seed)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The main job on `input`, once per backend and once by the peer, each as its own process:
/// words/s including model load, peak RSS, ratios to the peer.
fn bench_job(
    input: &std::path::Path,
    backends: &[Backend],
    models: &[PathBuf],
    peer: &str,
    repeat: usize,
    threads: Option<usize>,
) -> Result<()> {
    let exe = std::env::current_exe().context("cannot find the attache executable")?;
    let scratch = std::env::temp_dir().join(format!("attache-bench-{}", std::process::id()));
    println!("CPU: {}", bench::cpu_model());
    // Every side is a child process; repetitions go round all sides in turn, so that
    // a change in the machine's load hits every side alike.
    let mut sides: Vec<(String, PathBuf, Vec<String>)> = Vec::new();
    let models: Vec<Option<&PathBuf>> = if models.is_empty() {
        vec![None]
    } else {
        models.iter().map(Some).collect()
    };
    let mut first_out = None;
    for model in &models {
        for backend in backends {
            let out = scratch.join(format!("{}-{}", backend.name(), sides.len()));
            first_out.get_or_insert_with(|| out.clone());
            let mut args = vec![
                input.display().to_string(),
                "-o".into(),
                out.display().to_string(),
                "--fresh".into(),
                "--quiet".into(),
            ];
            args.extend(["--backend".to_string(), backend.name().to_string()]);
            let mut name = format!("attache --backend {backend}");
            if let Some(dir) = model {
                args.extend(["--model".to_string(), dir.display().to_string()]);
                if models.len() > 1 {
                    name = format!("{name} --model {}", dir.display());
                }
            }
            if let Some(t) = threads {
                args.extend(["--threads".to_string(), t.to_string()]);
            }
            sides.push((name, exe.clone(), args));
        }
    }
    if !peer.is_empty() {
        let args = vec![
            peer.to_string(),
            input.display().to_string(),
            scratch.join("peer").display().to_string(),
        ];
        sides.push((
            "spaCy md peer".to_string(),
            PathBuf::from("/bin/bash"),
            args,
        ));
    }
    let mut runs: Vec<Option<bench::JobRun>> = vec![None; sides.len()];
    for _ in 0..repeat.max(1) {
        for (best, (name, program, args)) in runs.iter_mut().zip(&sides) {
            let run = bench::time_child(name, program, args)?;
            if best.as_ref().is_none_or(|b| run.seconds < b.seconds) {
                *best = Some(run);
            }
        }
    }
    let runs: Vec<bench::JobRun> = runs.into_iter().flatten().collect();
    let words = match first_out {
        Some(out) => bench::run_words(&out)?,
        None => 0,
    };
    let _ = std::fs::remove_dir_all(&scratch);
    println!(
        "main job on {} ({words} words), wall time including start-up and model load:",
        input.display()
    );
    let reference = runs
        .iter()
        .find(|r| r.name.contains("peer"))
        .map(|r| r.seconds);
    for run in &runs {
        let rss = run
            .peak_rss_mb
            .map_or("?".to_string(), |m| format!("{m:.0} MB"));
        let ratio = reference.map_or(String::new(), |p| format!("  {:.2}x peer", p / run.seconds));
        println!(
            "{:<30} {:>8.1} words/s  {:>7.2} s  peak RSS {rss:>7}{ratio}",
            run.name,
            words as f64 / run.seconds,
            run.seconds
        );
    }
    Ok(())
}

fn print_summary(summary: &pipeline::RunSummary, output: &std::path::Path) {
    let reused = if summary.reused > 0 {
        format!(", {} reused", summary.reused)
    } else {
        String::new()
    };
    eprintln!(
        "attache: {} documents ({} failed{reused}), {} entities, {} meetings, {} agreements in {:.1}s ({:.0} words/s) -> {}",
        summary.documents,
        summary.failed,
        summary.entities,
        summary.meetings,
        summary.agreements,
        summary.seconds,
        summary.words as f64 / summary.seconds.max(1e-9),
        output.display()
    );
}

fn default_python() -> String {
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("training/.venv/bin/python");
    if venv.exists() {
        venv.to_string_lossy().into_owned()
    } else {
        "python3".into()
    }
}

// Candle allocates a fresh buffer per tensor op; the system allocator returned them to the
// kernel and paid page faults on every batch (14% of NER time), mimalloc keeps them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
