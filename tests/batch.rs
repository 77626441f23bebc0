//! The main job as users run it, through the binary: determinism across thread counts,
//! resuming after SIGKILL, incremental runs over a grown folder, shards merged back, and
//! hostile input that must not stop a batch.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const DATASETS: [&str; 3] = ["documents.jsonl", "meetings.jsonl", "agreements.jsonl"];

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
    assert!(out.status.code().is_some(), "killed by a signal: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn assert_same_datasets(a: &Path, b: &Path) {
    for f in DATASETS {
        let (x, y) = (fs::read(a.join(f)).unwrap(), fs::read(b.join(f)).unwrap());
        assert!(x == y, "{f} differs between {} and {}", a.display(), b.display());
    }
}

/// A corpus of `n` articles made from the sample articles, each made unique by a last line.
fn corpus(dir: &Path, n: usize) {
    let samples: Vec<(String, String)> = fs::read_dir(root().join("input"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read_to_string(e.path()).unwrap()))
        .collect();
    let mut samples = samples;
    samples.sort();
    for i in 0..n {
        let (name, text) = &samples[i % samples.len()];
        let sub = dir.join(format!("batch{:02}", i / 50));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join(format!("{i:04}-{name}")), format!("{text}\nReference {i}.\n")).unwrap();
    }
}

#[test]
fn one_and_two_threads_give_byte_identical_datasets() {
    let dir = scratch("threads");
    let input = root().join("input");
    let (one, two) = (dir.join("one"), dir.join("two"));
    run_ok(&[input.to_str().unwrap(), "-o", one.to_str().unwrap(), "--threads", "1", "--quiet", "--fresh"]);
    run_ok(&[input.to_str().unwrap(), "-o", two.to_str().unwrap(), "--threads", "2", "--quiet", "--fresh"]);
    assert_same_datasets(&one, &two);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_run_killed_midway_completes_on_rerun_with_identical_files() {
    let dir = scratch("kill");
    let input = dir.join("in");
    corpus(&input, 300);
    let (killed, clean) = (dir.join("killed"), dir.join("clean"));
    run_ok(&[input.to_str().unwrap(), "-o", clean.to_str().unwrap(), "--quiet", "--fresh"]);

    let mut child = bin()
        .args([input.to_str().unwrap(), "-o", killed.to_str().unwrap(), "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill once the first batches are done and cached, well before the end.
    let cache = killed.join(".attache-cache");
    let started = Instant::now();
    loop {
        let cached = fs::read_dir(&cache).map(|d| d.flatten().filter(|e| e.file_name().to_string_lossy().ends_with(".json")).count()).unwrap_or(0);
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
    assert!(!finished_before_kill, "the run finished before it could be killed; make the corpus larger");
    assert!(!killed.join("documents.jsonl").exists(), "a killed first run must not leave a documents.jsonl");

    let rerun = run_ok(&[input.to_str().unwrap(), "-o", killed.to_str().unwrap()]);
    let summary = String::from_utf8_lossy(&rerun.stderr);
    assert!(summary.contains("reused"), "the rerun reused nothing: {summary}");
    assert_same_datasets(&killed, &clean);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_grown_folder_processes_only_new_documents_and_equals_a_fresh_run() {
    let dir = scratch("grow");
    let input = dir.join("in");
    corpus(&input, 20);
    let (incremental, fresh) = (dir.join("inc"), dir.join("fresh"));
    run_ok(&[input.to_str().unwrap(), "-o", incremental.to_str().unwrap(), "--quiet"]);
    // Grow the folder and change one document.
    fs::write(input.join("batch00/new-article.txt"), "HANOI, Dec. 19 (Reuters) - Vietnam's Defense Minister Phan Van Giang met Chinese Defense Minister Dong Jun in Hanoi on Thursday.\n").unwrap();
    let changed = input.join("batch00").read_dir().unwrap().flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().contains("0003-")).next().unwrap();
    fs::write(&changed, fs::read_to_string(&changed).unwrap() + "Edited.\n").unwrap();
    let out = run_ok(&[input.to_str().unwrap(), "-o", incremental.to_str().unwrap()]);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("21 documents") && summary.contains("19 reused"), "expected 19 of 21 reused: {summary}");
    run_ok(&[input.to_str().unwrap(), "-o", fresh.to_str().unwrap(), "--quiet", "--fresh"]);
    assert_same_datasets(&incremental, &fresh);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn four_shards_merged_equal_a_single_run() {
    let dir = scratch("shards");
    let input = dir.join("in");
    corpus(&input, 30);
    let single = dir.join("single");
    run_ok(&[input.to_str().unwrap(), "-o", single.to_str().unwrap(), "--quiet", "--fresh"]);
    let mut parts = Vec::new();
    let mut total = 0;
    for k in 1..=4 {
        let part = dir.join(format!("part{k}"));
        run_ok(&[input.to_str().unwrap(), "-o", part.to_str().unwrap(), "--shard", &format!("{k}/4"), "--quiet"]);
        total += fs::read_to_string(part.join("documents.jsonl")).unwrap().lines().count();
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

#[test]
fn hostile_files_are_recorded_and_the_batch_goes_on() {
    let dir = scratch("hostile");
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    fs::copy(root().join("input/2024-hanoi-beijing-talks.txt"), input.join("good.txt")).unwrap();
    fs::copy(root().join("input/2024-hanoi-beijing-talks.txt"), input.join("duplicate.txt")).unwrap();
    fs::write(input.join("binary.txt"), [0x7f, b'E', b'L', b'F', 0, 1, 2, 0, 0, 255]).unwrap();
    fs::write(input.join("latin1.txt"), b"Hanoi \xe9t\xe9 Vietnam met China \xff on Monday.\n").unwrap();
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
    fs::write(deep.join("deep.txt"), "Kazakh President Kassym-Jomart Tokayev met To Lam in Hanoi on Monday.\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, input.join("deep/loop")).unwrap();
    let output = dir.join("out");

    let out = run(&[input.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "some documents failed: exit status 3; stderr: {}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("notes.docx") || stderr.contains("skipped 1 file"), "unknown extension is reported: {stderr}");
    let lines: Vec<serde_json::Value> = fs::read_to_string(output.join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_id = |id: &str| lines.iter().find(|l| l["doc_id"] == id).unwrap_or_else(|| panic!("{id} has a line"));
    for failed in ["binary.txt", "empty.txt", "huge.txt"] {
        assert!(by_id(failed)["error"].is_string(), "{failed} has an error");
    }
    assert!(by_id("latin1.txt")["warnings"][0].as_str().unwrap().contains("UTF-8"));
    assert!(by_id("duplicate.txt")["warnings"].to_string().contains("same content as") || by_id("good.txt")["warnings"].to_string().contains("same content as"));
    assert!(by_id("good.txt")["error"].is_null());
    assert!(!by_id("good.txt")["entities"].as_array().unwrap().is_empty());
    let deep_line = lines.iter().find(|l| l["doc_id"].as_str().unwrap().ends_with("deep.txt")).expect("the deeply nested file is read");
    assert!(deep_line["error"].is_null());
    assert_eq!(lines.iter().filter(|l| l["doc_id"].as_str().unwrap().ends_with("deep.txt")).count(), 1, "the link loop does not read files twice");
    fs::remove_dir_all(dir).unwrap();
}
