use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use attache::ner::{NerModel, NerOptions};
use attache::{bench, eval, pipeline, progress};

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
    /// No progress or log lines on stderr.
    #[arg(short, long)]
    quiet: bool,
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

fn main() -> ExitCode {
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
    if let Some(n) = common.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().context("cannot set up threads")?;
    }
    let dir = common.model.clone().unwrap_or_else(pipeline::default_model_dir);
    NerModel::load(&dir).with_context(|| format!("cannot load the NER model from {}", dir.display()))
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => {
            let args = cli.run;
            let model = setup(&args.common)?;
            let options = pipeline::RunOptions {
                shard: args.shard,
                progress: if args.common.quiet { progress::Mode::Quiet } else { progress::Mode::Auto },
                cache: !args.fresh,
            };
            let summary = pipeline::run_with(&args.inputs, &args.output, &model, options)?;
            if !args.common.quiet {
                print_summary(&summary, &args.output);
            }
            Ok(if summary.failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
        }
        Some(Command::Merge { dirs, output, quiet }) => {
            let summary = pipeline::merge_outputs(&dirs, &output)?;
            if !quiet {
                print_summary(&summary, &output);
            }
            Ok(if summary.failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
        }
        Some(Command::Report { dir }) => {
            let path = attache::report::write_report(&dir)?;
            eprintln!("attache: wrote {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval { sets, scored, gold, verbose, common }) => {
            let mut runs: Vec<(String, PathBuf, PathBuf)> = Vec::new();
            if let (Some(dir), Some(gold)) = (&scored, &gold) {
                runs.push((dir.display().to_string(), dir.clone(), gold.clone()));
            } else {
                let sets = if sets.is_empty() {
                    let mut d = vec!["input=eval/records/input.jsonl".to_string()];
                    if PathBuf::from("../shared/seeds").is_dir() {
                        d.push("../shared/seeds=eval/records/seeds.jsonl".to_string());
                    }
                    d
                } else {
                    sets
                };
                let model = setup(&common)?;
                for (i, set) in sets.iter().enumerate() {
                    let (input, gold) = set.split_once('=').context("--set takes INPUT=GOLD")?;
                    let out = std::env::temp_dir().join(format!("attache-eval-{}-{i}", std::process::id()));
                    pipeline::run(&[PathBuf::from(input)], &out, &model)?;
                    runs.push((input.to_string(), out, PathBuf::from(gold)));
                }
            }
            let (mut all_meetings, mut all_agreements) = (eval::records::RecordScores::default(), eval::records::RecordScores::default());
            for (name, out, gold) in &runs {
                let (gold_meetings, gold_agreements) = eval::records::read_gold(gold)?;
                let meetings = eval::records::score(&gold_meetings, &eval::records::read_output(&out.join("meetings.jsonl"), "participants")?);
                let agreements = eval::records::score(&gold_agreements, &eval::records::read_output(&out.join("agreements.jsonl"), "parties")?);
                let mut both = meetings.clone();
                both.add(&agreements);
                println!("{name} against {}", gold.display());
                print!("{}", eval::records::report(&[("meetings", &meetings), ("agreements", &agreements), ("all", &both)]));
                if verbose {
                    for r in meetings.missed.iter().chain(&agreements.missed) {
                        println!("  missed   {}", eval::records::describe(r));
                    }
                    for r in meetings.spurious.iter().chain(&agreements.spurious) {
                        println!("  spurious {}", eval::records::describe(r));
                    }
                }
                println!();
                all_meetings.add(&meetings);
                all_agreements.add(&agreements);
                if scored.is_none() {
                    let _ = std::fs::remove_dir_all(out);
                }
            }
            if runs.len() > 1 {
                let mut both = all_meetings.clone();
                both.add(&all_agreements);
                println!("all sets");
                print!("{}", eval::records::report(&[("meetings", &all_meetings), ("agreements", &all_agreements), ("all", &both)]));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::EvalNer { gold, compare, predictions, common }) => {
            let model = setup(&common)?;
            let gold = if gold.is_empty() {
                vec![PathBuf::from("eval/ner/written.jsonl"), PathBuf::from("eval/ner/seeds.jsonl")]
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
            let compare = if compare.is_empty() && PathBuf::from("eval/ner/teacher_md.jsonl").exists() {
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
            println!("NER exact-span scores on {} gold documents ({} entities)", set.docs.len(), entities);
            let mut systems = vec![(model.info().name.as_str(), &ours)];
            systems.extend(others.iter().map(|(n, s)| (n.as_str(), s)));
            print!("{}", eval::ner::report(&systems));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::BenchNer { inputs, repeat, python, common }) => {
            let model = setup(&common)?;
            let docs = bench::load_docs(&inputs)?;
            let rust = bench::time_rust(&model, &docs, repeat)?;
            let threads = rayon::current_num_threads();
            println!("NER stage on {} documents, {} sentences, {} words; {} threads", docs.len(), rust.sentences, rust.words, threads);
            println!(
                "rust candle   : {:>8.1} words/s {:>7.1} sentences/s ({:.3}s)",
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
                let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("training/bench_torch.py");
                let dir = common.model.clone().unwrap_or_else(pipeline::default_model_dir);
                let (py, note) = bench::time_python(&python, &script, &dir, &docs, NerOptions::default(), repeat, threads)?;
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
        Some(Command::Generate { count, output, seed }) => {
            println!("{}", attache::generate::write_corpus(&output, count, seed)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_summary(summary: &pipeline::RunSummary, output: &std::path::Path) {
    let reused = if summary.reused > 0 { format!(", {} reused", summary.reused) } else { String::new() };
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
