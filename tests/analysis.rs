//! README's DuckDB and pandas examples, run as written against a real run's output with the
//! current `duckdb` and `pandas` from PyPI (tests/readme_examples.py extracts them from
//! README.md). Skips with a message when python3 or the modules are missing; `.ci/run` installs
//! them, so CI runs it.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn python() -> String {
    std::env::var("ATTACHE_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

#[test]
fn readme_duckdb_and_pandas_examples_run_on_a_real_output() {
    let probe = Command::new(python())
        .args(["-c", "import duckdb, pandas"])
        .output();
    if !probe.map(|o| o.status.success()).unwrap_or(false) {
        eprintln!("SKIPPED readme examples: `{} -c 'import duckdb, pandas'` failed (pip install duckdb pandas; .ci/run does)", python());
        return;
    }
    let dir = std::env::temp_dir().join(format!("attache-analysis-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let output = dir.join("output");
    let status = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args([
            root().join("input").to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--quiet",
            "--fresh",
        ])
        .status()
        .unwrap();
    assert!(status.success());

    // The fields the examples rely on are there.
    let first: serde_json::Value = serde_json::from_str(
        fs::read_to_string(output.join("meetings.jsonl"))
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert!(
        first["countries"].is_array()
            && (first["date"]["start"].is_string() || first["date"].is_null()),
        "{first}"
    );

    let out = Command::new(python())
        .arg(root().join("tests/readme_examples.py"))
        .arg(root().join("README.md"))
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "README examples failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("sql and")
            && !stdout.contains("ran 0 sql")
            && stdout.contains(", 0 failures"),
        "{stdout}"
    );
    // The pair-per-month query finds the China-Vietnam talks of March 2024 in input/.
    assert!(
        stdout.contains("('2024-03', 'China', 'Vietnam',"),
        "country pairs per month:\n{stdout}"
    );
    eprintln!("{}", stdout.lines().next().unwrap_or(""));
    fs::remove_dir_all(dir).ok();
}
