//! The Rust side of the encoder-only comparison (`attache bench --encoder-only`): the windows
//! file it hands to bench/ort/bench.py holds every window once, both batchings cover them in
//! order, and our hidden states are there for every position. ONNX Runtime itself is not run.

use std::path::PathBuf;

use attache::bench_encoder::{run, Layout, Options, Schedule};
use attache::encoder::Backend;

#[test]
fn windows_file_holds_every_window_and_batch() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir =
        std::env::temp_dir().join(format!("attache-test-bench-encoder-{}", std::process::id()));
    let dump = dir.join("windows.json");
    let options = Options {
        inputs: vec![root.join("input/2024-hanoi-beijing-talks.txt")],
        model_dir: root.join("models/ner"),
        backends: vec![Backend::Packed],
        threads: 2,
        repeat: 1,
        python: None,
        script: root.join("bench/ort/bench.py"),
        onnx_dir: root.join("bench/ort/out"),
        dump: Some(dump.clone()),
    };
    let report = run(&options).unwrap();
    assert!(report.sentences > 0 && report.windows >= report.sentences);
    // packed backend: its own batching and the padded one, each one batch at a time and
    // (two threads) batches side by side.
    assert_eq!(report.rust.len(), 4);
    for layout in [Layout::Packed, Layout::Padded] {
        for schedule in [Schedule::Together, Schedule::SideBySide] {
            assert!(
                report
                    .rust
                    .iter()
                    .any(|t| t.layout == layout && t.schedule == schedule),
                "{layout:?} {schedule:?}"
            );
        }
    }
    assert!(report.to_string().contains("ONNX Runtime: skipped"));

    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&dump).unwrap()).unwrap();
    let ids = file["ids"].as_array().unwrap();
    let shapes = file["shapes"].as_array().unwrap();
    assert_eq!(ids.len(), report.windows);
    let lengths: Vec<usize> = ids.iter().map(|w| w.as_array().unwrap().len()).collect();
    assert!(lengths.windows(2).all(|p| p[0] >= p[1]), "longest first");
    assert_eq!(lengths.iter().sum::<usize>(), report.real_positions);
    for (w, s) in ids.iter().zip(shapes) {
        let (w, s) = (w.as_array().unwrap(), s.as_array().unwrap());
        assert_eq!(w.len(), s.len());
        assert_eq!(w[0], 101, "[CLS] first");
        assert_eq!(w[w.len() - 1], 102, "[SEP] last");
    }
    for layout in file["layouts"].as_array().unwrap() {
        let ranges = layout[1].as_array().unwrap();
        let mut at = 0;
        for r in ranges {
            let (start, end) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            assert_eq!(start, at);
            assert!(end > start);
            at = end;
        }
        assert_eq!(at, report.windows, "{} covers every window", layout[0]);
    }
    let references = file["references"].as_array().unwrap();
    assert_eq!(references.len(), 1);
    let hidden = std::fs::metadata(references[0][1].as_str().unwrap())
        .unwrap()
        .len() as usize;
    assert_eq!(
        hidden,
        report.real_positions * file["hidden"].as_u64().unwrap() as usize * 4
    );
    let _ = std::fs::remove_dir_all(&dir);
}
