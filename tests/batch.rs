//! The main job as users run it, through the binary: determinism across thread counts,
//! resuming after SIGKILL, incremental runs over a grown folder, shards merged back, and
//! hostile input that must not stop a batch.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use attache::pipeline::Shard;

/// What a run writes that must not depend on threads, resumption, shards or caching
/// (`run.json` holds wall time and origin, which may).
const DATASETS: [&str; 5] = [
    "documents.jsonl",
    "meetings.jsonl",
    "agreements.jsonl",
    "document_records.jsonl",
    "report.html",
];

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_attache"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-batch-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("binary runs");
    assert!(
        out.status.code().is_some(),
        "killed by a signal: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn assert_same_datasets(a: &Path, b: &Path) {
    for f in DATASETS {
        let (x, y) = (fs::read(a.join(f)).unwrap(), fs::read(b.join(f)).unwrap());
        assert!(
            x == y,
            "{f} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

/// A corpus of `n` articles made from the sample articles, each made unique by a last line.
fn corpus(dir: &Path, n: usize) {
    let samples: Vec<(String, String)> = fs::read_dir(root().join("input"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    let mut samples = samples;
    samples.sort();
    for i in 0..n {
        let (name, text) = &samples[i % samples.len()];
        let sub = dir.join(format!("batch{:02}", i / 50));
        fs::create_dir_all(&sub).unwrap();
        fs::write(
            sub.join(format!("{i:04}-{name}")),
            format!("{text}\nReference {i}.\n"),
        )
        .unwrap();
    }
}

#[test]
fn one_and_two_threads_give_byte_identical_datasets() {
    let dir = scratch("threads");
    let input = root().join("input");
    let (one, two) = (dir.join("one"), dir.join("two"));
    run_ok(&[
        input.to_str().unwrap(),
        "-o",
        one.to_str().unwrap(),
        "--threads",
        "1",
        "--quiet",
        "--fresh",
    ]);
    run_ok(&[
        input.to_str().unwrap(),
        "-o",
        two.to_str().unwrap(),
        "--threads",
        "2",
        "--quiet",
        "--fresh",
    ]);
    assert_same_datasets(&one, &two);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_run_killed_midway_completes_on_rerun_with_identical_files() {
    let dir = scratch("kill");
    let input = dir.join("in");
    corpus(&input, 300);
    let (killed, clean) = (dir.join("killed"), dir.join("clean"));
    run_ok(&[
        input.to_str().unwrap(),
        "-o",
        clean.to_str().unwrap(),
        "--quiet",
        "--fresh",
    ]);

    let mut child = bin()
        .args([
            input.to_str().unwrap(),
            "-o",
            killed.to_str().unwrap(),
            "--quiet",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill once the first batches are done and cached, well before the end.
    let cache = killed.join(".attache-cache");
    let started = Instant::now();
    loop {
        let cached = fs::read_dir(&cache)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
                    .count()
            })
            .unwrap_or(0);
        if cached >= 64 || started.elapsed() > Duration::from_secs(120) {
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let finished_before_kill = child.try_wait().unwrap().is_some();
    child.kill().ok(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        !finished_before_kill,
        "the run finished before it could be killed; make the corpus larger"
    );
    assert!(
        !killed.join("documents.jsonl").exists(),
        "a killed first run must not leave a documents.jsonl"
    );

    let rerun = run_ok(&[input.to_str().unwrap(), "-o", killed.to_str().unwrap()]);
    let summary = String::from_utf8_lossy(&rerun.stderr);
    assert!(
        summary.contains("reused"),
        "the rerun reused nothing: {summary}"
    );
    assert_same_datasets(&killed, &clean);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_grown_folder_processes_only_new_documents_and_equals_a_fresh_run() {
    let dir = scratch("grow");
    let input = dir.join("in");
    corpus(&input, 20);
    let (incremental, fresh) = (dir.join("inc"), dir.join("fresh"));
    run_ok(&[
        input.to_str().unwrap(),
        "-o",
        incremental.to_str().unwrap(),
        "--quiet",
    ]);
    // Grow the folder and change one document.
    fs::write(input.join("batch00/new-article.txt"), "HANOI, Dec. 19 (Reuters) - Vietnam's Defense Minister Phan Van Giang met Chinese Defense Minister Dong Jun in Hanoi on Thursday.\n").unwrap();
    let changed = input
        .join("batch00")
        .read_dir()
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("0003-"))
        .next()
        .unwrap();
    fs::write(
        &changed,
        fs::read_to_string(&changed).unwrap() + "Edited.\n",
    )
    .unwrap();
    let out = run_ok(&[input.to_str().unwrap(), "-o", incremental.to_str().unwrap()]);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("21 documents") && summary.contains("19 reused"),
        "expected 19 of 21 reused: {summary}"
    );
    run_ok(&[
        input.to_str().unwrap(),
        "-o",
        fresh.to_str().unwrap(),
        "--quiet",
        "--fresh",
    ]);
    assert_same_datasets(&incremental, &fresh);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn four_shards_merged_equal_a_single_run() {
    let dir = scratch("shards");
    let input = dir.join("in");
    corpus(&input, 30);
    let single = dir.join("single");
    run_ok(&[
        input.to_str().unwrap(),
        "-o",
        single.to_str().unwrap(),
        "--quiet",
        "--fresh",
    ]);
    let mut parts = Vec::new();
    let mut total = 0;
    for k in 1..=4 {
        let part = dir.join(format!("part{k}"));
        run_ok(&[
            input.to_str().unwrap(),
            "-o",
            part.to_str().unwrap(),
            "--shard",
            &format!("{k}/4"),
            "--quiet",
        ]);
        total += fs::read_to_string(part.join("documents.jsonl"))
            .unwrap()
            .lines()
            .count();
        parts.push(part.to_string_lossy().into_owned());
    }
    assert_eq!(total, 30, "every document is in exactly one shard");
    let merged = dir.join("merged");
    let mut args: Vec<&str> = vec!["merge"];
    args.extend(parts.iter().map(String::as_str));
    args.extend(["-o", merged.to_str().unwrap(), "--quiet"]);
    run_ok(&args);
    assert_same_datasets(&single, &merged);
    let bad = run(&[input.to_str().unwrap(), "--shard", "5/4"]);
    assert_eq!(bad.status.code(), Some(2), "a bad shard is a usage error");
    fs::remove_dir_all(dir).unwrap();
}

/// Two names whose documents `--shard K/2` puts in different shards, `first` in shard 2.
fn names_in_two_shards(stem: &str) -> (String, String) {
    let (one, two) = (
        Shard::from_str("1/2").unwrap(),
        Shard::from_str("2/2").unwrap(),
    );
    let names: Vec<String> = (0..64).map(|i| format!("{stem}-{i:02}.txt")).collect();
    let first = names.iter().find(|n| two.contains(n)).unwrap().clone();
    let later = names
        .iter()
        .find(|n| one.contains(n) && n.as_str() > first.as_str())
        .unwrap()
        .clone();
    (first, later)
}

#[test]
fn duplicates_split_over_shards_merge_as_one_run_warns() {
    let dir = scratch("dupshards");
    let input = dir.join("in");
    corpus(&input, 12);
    // The same article three times: its first copy in shard 2, the later ones in shard 1 (and
    // one more in shard 2), so each shard alone would call a different copy the original.
    let article = fs::read_to_string(root().join("input/2024-hanoi-beijing-talks.txt")).unwrap();
    let (first, later) = names_in_two_shards("dup");
    let (other_first, _) = names_in_two_shards("zz");
    for name in [&first, &later, &other_first] {
        fs::write(input.join(name), &article).unwrap();
    }
    // A JSON Lines file of 12 records (two of them equal): line 10 must follow line 9, not 1.
    let mut lines = String::new();
    for i in 1..=12 {
        let text = if i == 12 {
            "Japan and the Philippines signed a Reciprocal Access Agreement in Manila on July 8, 2024.".to_string()
        } else {
            format!("Record {i}: Japan and the Philippines signed a Reciprocal Access Agreement in Manila on July 8, 2024.")
        };
        let text = if i == 11 {
            "Japan and the Philippines signed a Reciprocal Access Agreement in Manila on July 8, 2024.".to_string()
        } else {
            text
        };
        lines.push_str(&serde_json::json!({"text": text, "published": "2024-07-09"}).to_string());
        lines.push('\n');
    }
    fs::write(input.join("feed.jsonl"), lines).unwrap();

    let single = dir.join("single");
    run_ok(&[
        input.to_str().unwrap(),
        "-o",
        single.to_str().unwrap(),
        "--quiet",
        "--fresh",
    ]);
    let mut parts = Vec::new();
    for k in 1..=2 {
        let part = dir.join(format!("part{k}"));
        run_ok(&[
            input.to_str().unwrap(),
            "-o",
            part.to_str().unwrap(),
            "--shard",
            &format!("{k}/2"),
            "--quiet",
            "--fresh",
        ]);
        parts.push(part);
    }
    // Each shard alone names another original: the merge has to recompute.
    let warning_of = |dir: &Path, id: &str| -> String {
        let text = fs::read_to_string(dir.join("documents.jsonl")).unwrap();
        let line = text
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|l| l["doc_id"] == id)
            .unwrap();
        line["warnings"].to_string()
    };
    assert_eq!(
        warning_of(&single, &later),
        format!("[\"same content as {first}\"]")
    );
    assert_eq!(
        warning_of(&single, &other_first),
        format!("[\"same content as {first}\"]")
    );
    assert_eq!(warning_of(&single, &first), "[]");
    assert_eq!(
        warning_of(&parts[0], &later),
        "[]",
        "shard 1 alone does not see the original"
    );
    let ids: Vec<String> = fs::read_to_string(single.join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let feed: Vec<&String> = ids
        .iter()
        .filter(|i| i.starts_with("feed.jsonl#"))
        .collect();
    assert_eq!(feed.len(), 12);
    assert_eq!(
        feed[8..10],
        [&"feed.jsonl#9".to_string(), &"feed.jsonl#10".to_string()],
        "records in line order"
    );
    assert!(warning_of(&single, "feed.jsonl#12").contains("same content as feed.jsonl#11"));

    let merged = dir.join("merged");
    let mut args: Vec<&str> = vec!["merge"];
    args.extend(parts.iter().map(|p| p.to_str().unwrap()));
    args.extend(["-o", merged.to_str().unwrap(), "--quiet"]);
    run_ok(&args);
    assert_same_datasets(&single, &merged);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn hostile_files_are_recorded_and_the_batch_goes_on() {
    let dir = scratch("hostile");
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    fs::copy(
        root().join("input/2024-hanoi-beijing-talks.txt"),
        input.join("good.txt"),
    )
    .unwrap();
    fs::copy(
        root().join("input/2024-hanoi-beijing-talks.txt"),
        input.join("duplicate.txt"),
    )
    .unwrap();
    fs::write(
        input.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 1, 2, 0, 0, 255],
    )
    .unwrap();
    fs::write(
        input.join("latin1.txt"),
        b"Hanoi \xe9t\xe9 Vietnam met China \xff on Monday.\n",
    )
    .unwrap();
    fs::write(input.join("empty.txt"), b"").unwrap();
    fs::write(input.join("notes.docx"), b"PK\x03\x04 not read").unwrap();
    // A 50 MB article: over the per-article limit, recorded as an error without reading it.
    let big = fs::File::create(input.join("huge.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    // Deep nesting and a symbolic link loop.
    let mut deep = input.join("deep");
    for i in 0..60 {
        deep = deep.join(format!("d{i}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(
        deep.join("deep.txt"),
        "Kazakh President Kassym-Jomart Tokayev met To Lam in Hanoi on Monday.\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, input.join("deep/loop")).unwrap();
    let output = dir.join("out");

    let out = run(&[input.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "some documents failed: exit status 3; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("notes.docx") || stderr.contains("skipped 1 file"),
        "unknown extension is reported: {stderr}"
    );
    let lines: Vec<serde_json::Value> = fs::read_to_string(output.join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_id = |id: &str| {
        lines
            .iter()
            .find(|l| l["doc_id"] == id)
            .unwrap_or_else(|| panic!("{id} has a line"))
    };
    for failed in ["binary.txt", "empty.txt", "huge.txt"] {
        assert!(by_id(failed)["error"].is_string(), "{failed} has an error");
    }
    assert!(by_id("latin1.txt")["warnings"][0]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
    assert!(
        by_id("duplicate.txt")["warnings"]
            .to_string()
            .contains("same content as")
            || by_id("good.txt")["warnings"]
                .to_string()
                .contains("same content as")
    );
    assert!(by_id("good.txt")["error"].is_null());
    assert!(!by_id("good.txt")["entities"].as_array().unwrap().is_empty());
    let deep_line = lines
        .iter()
        .find(|l| l["doc_id"].as_str().unwrap().ends_with("deep.txt"))
        .expect("the deeply nested file is read");
    assert!(deep_line["error"].is_null());
    assert_eq!(
        lines
            .iter()
            .filter(|l| l["doc_id"].as_str().unwrap().ends_with("deep.txt"))
            .count(),
        1,
        "the link loop does not read files twice"
    );
    fs::remove_dir_all(dir).unwrap();
}

/// Event heads trained on one encoder, run on another, would write plausible nonsense: the
/// job refuses before reading anything and names the folder to use; without `--events` a
/// model with no heads of its own says so and points to `--reader rules`, which runs.
#[test]
fn heads_paired_with_another_model_are_refused_with_the_fix() {
    let input = root().join("input").to_string_lossy().into_owned();
    let out = scratch("foreign-heads");
    let out_s = out.to_string_lossy().into_owned();
    let refused = run(&[
        &input,
        "-o",
        &out_s,
        "-q",
        "--model",
        "models/l6/ner",
        "--events",
        "models/events",
    ]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("--events models/l6/events"), "{stderr}");
    assert!(!out.join("meetings.jsonl").exists(), "nothing written");

    // A model folder with no events folder beside it: the shipped heads are not its own.
    let lone = scratch("lone-model").join("ner");
    fs::create_dir_all(&lone).unwrap();
    for f in [
        "config.json",
        "labels.json",
        "model.safetensors",
        "tokenizer.json",
    ] {
        fs::copy(root().join("models/l6/ner").join(f), lone.join(f)).unwrap();
    }
    let lone_s = lone.to_string_lossy().into_owned();
    let refused = run(&[&input, "-o", &out_s, "-q", "--model", &lone_s]);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("no event reader of its own") && stderr.contains("--reader rules"),
        "{stderr}"
    );
    run_ok(&[
        &input, "-o", &out_s, "-q", "--model", &lone_s, "--reader", "rules",
    ]);
    assert!(out.join("meetings.jsonl").exists());
    let _ = fs::remove_dir_all(&out);
    let _ = fs::remove_dir_all(lone.parent().unwrap());
}
