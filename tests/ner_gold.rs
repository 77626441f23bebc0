//! The shipped model must keep the accuracy its model card states: this fails when exact-span
//! F1 on the gold set drops more than 2 points below the card's reference figure.

use std::path::{Path, PathBuf};

use attache::eval::ner;
use attache::ner::NerModel;

const TOLERANCE: f64 = 0.02;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `ci-reference-f1 NAME: VALUE` from the model card.
fn reference(card: &str, name: &str) -> f64 {
    let key = format!("ci-reference-f1 {name}:");
    let line = card
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(&key))
        .unwrap_or_else(|| panic!("model card has no line {key:?}"));
    line[key.len()..]
        .trim()
        .parse()
        .expect("reference F1 is a number")
}

fn f1_on(model: &NerModel, files: &[PathBuf]) -> Option<f64> {
    let set = ner::read_gold(files).expect("gold files read");
    if !set.skipped.is_empty() {
        return None;
    }
    let predicted = ner::predict(model, &set.docs).expect("model runs");
    Some(ner::score(&set.docs, &predicted).overall.f1())
}

#[test]
fn shipped_model_keeps_the_f1_of_its_model_card() {
    let dir = root().join("models/ner");
    let card = std::fs::read_to_string(dir.join("README.md")).expect("model card");
    let model = NerModel::load(&dir).expect("shipped model loads");
    let written = root().join("eval/ner/written.jsonl");

    let f1 = f1_on(&model, std::slice::from_ref(&written))
        .expect("written gold set is in the repository");
    let expected = reference(&card, "written");
    assert!(
        f1 >= expected - TOLERANCE,
        "F1 on the written gold set is {f1:.4}, the model card says {expected:.4}"
    );

    // The second written set, kept apart: nothing in the model or the NER stage was shaped on it.
    let fresh = root().join("eval/ner/written_b.jsonl");
    let f1 = f1_on(&model, std::slice::from_ref(&fresh))
        .expect("second written gold set is in the repository");
    let expected = reference(&card, "written_b");
    assert!(
        f1 >= expected - TOLERANCE,
        "F1 on the second written gold set is {f1:.4}, the model card says {expected:.4}"
    );

    // The seed articles live beside the repository (../shared/seeds); score them when present.
    let with_seeds = [written, root().join("eval/ner/seeds.jsonl")];
    if Path::new(&root()).join("../shared/seeds").exists() {
        if let Some(f1) = f1_on(&model, &with_seeds) {
            let expected = reference(&card, "written+seeds");
            assert!(
                f1 >= expected - TOLERANCE,
                "F1 on written+seeds is {f1:.4}, the model card says {expected:.4}"
            );
        }
    }
}
