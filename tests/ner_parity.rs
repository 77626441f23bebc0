//! The Rust network must compute what the training code computes: word-piece ids, case
//! shapes and label probabilities for fixed sentences, against torch's output for the shipped
//! weights (written by `training/bench_torch.py --parity` when the model is exported).

use std::path::PathBuf;

use attache::ner::NerModel;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    sentence: String,
    ids: Vec<u32>,
    shapes: Vec<u32>,
    probs: Vec<Vec<f32>>,
}

#[test]
fn rust_network_matches_torch_on_the_shipped_model() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let model_dir = std::env::var("ATTACHE_MODEL")
        .map(PathBuf::from)
        .unwrap_or(root.join("models/ner"));
    let fixture = std::env::var("ATTACHE_PARITY")
        .map(PathBuf::from)
        .unwrap_or(model_dir.join("parity.json"));
    let model = NerModel::load(&model_dir).expect("shipped model loads");
    let cases: Vec<Case> =
        serde_json::from_str(&std::fs::read_to_string(&fixture).expect("parity fixture")).unwrap();
    assert!(!cases.is_empty());
    for case in cases {
        let (ids, shapes, probs) = model.piece_probabilities(&case.sentence).unwrap();
        assert_eq!(ids, case.ids, "word pieces of {:?}", case.sentence);
        assert_eq!(shapes, case.shapes, "shapes of {:?}", case.sentence);
        let k = model.labels();
        for (piece, expected) in case.probs.iter().enumerate() {
            for (label, &p) in expected.iter().enumerate() {
                let got = probs[piece * k + label];
                assert!(
                    (got - p).abs() < 2e-3,
                    "{:?} piece {piece} label {label}: rust {got} torch {p}",
                    case.sentence
                );
            }
        }
    }
}
