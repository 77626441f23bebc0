//! Every encoder backend against the torch fixture (`models/ner/parity.json`), and the
//! determinism every backend promises: a window's result does not depend on the other windows
//! of its batch or on the thread count.

use std::path::PathBuf;

use attache::encoder::{self, Backend, BertConfig, Packed};
use attache::ner::{NerModel, NerOptions};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    sentence: String,
    ids: Vec<u32>,
    probs: Vec<Vec<f32>>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cases() -> Vec<Case> {
    serde_json::from_str(&std::fs::read_to_string(root().join("models/ner/parity.json")).unwrap())
        .unwrap()
}

fn argmax(xs: &[f32]) -> usize {
    xs.iter()
        .enumerate()
        .fold(0, |best, (i, &x)| if x > xs[best] { i } else { best })
}

/// f32 backends (and `rust-bert`, in builds with that feature): probabilities within 2e-3 of torch. int8: the same tag (argmax) for every
/// word piece the f32 model is sure of, probabilities within 0.1.
#[test]
fn every_backend_matches_torch() {
    for backend in Backend::ALL {
        let model =
            NerModel::load_backend(&root().join("models/ner"), NerOptions::default(), backend)
                .unwrap();
        let k = model.labels();
        for case in cases() {
            let (ids, _, probs) = model.piece_probabilities(&case.sentence).unwrap();
            assert_eq!(ids, case.ids);
            for (piece, expected) in case.probs.iter().enumerate() {
                let got = &probs[piece * k..(piece + 1) * k];
                let tolerance = if backend == Backend::Int8 { 0.1 } else { 2e-3 };
                for (label, (&g, &p)) in got.iter().zip(expected).enumerate() {
                    assert!(
                        (g - p).abs() < tolerance,
                        "{backend}: {:?} piece {piece} label {label}: {g} vs torch {p}",
                        case.sentence
                    );
                }
                if expected[argmax(expected)] > 0.9 {
                    assert_eq!(
                        argmax(got),
                        argmax(expected),
                        "{backend}: {:?} piece {piece}",
                        case.sentence
                    );
                }
            }
        }
    }
}

fn window(seed: u32, len: usize) -> (Vec<u32>, Vec<u32>) {
    let mut s = seed;
    let mut ids = vec![101];
    let mut shapes = vec![0];
    for _ in 0..len {
        s = s.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        ids.push(1000 + (s >> 8) % 20000);
        shapes.push(1 + (s >> 4) % 8);
    }
    ids.push(102);
    shapes.push(0);
    (ids, shapes)
}

#[test]
fn window_results_do_not_depend_on_batch_or_threads() {
    let dir = root().join("models/ner");
    let config: BertConfig =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let windows: Vec<_> = (0..40)
        .map(|i| window(i, 5 + (i as usize * 7) % 60))
        .collect();
    let mut batch = Packed::new();
    for (ids, shapes) in &windows {
        batch.push(ids, shapes);
    }
    let mut alone = Packed::new();
    alone.push(&windows[17].0, &windows[17].1);
    for backend in [Backend::Packed, Backend::Int8] {
        let enc = encoder::load(backend, &dir.join("model.safetensors"), &config, 9).unwrap();
        let h = enc.hidden();
        let run = |threads: usize, input: &Packed| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| enc.encode(input).unwrap())
        };
        let all2 = run(2, &batch);
        let all1 = run(1, &batch);
        assert!(all1 == all2, "{backend}: 1 and 2 threads differ");
        let one = run(2, &alone);
        let r = batch.window(17);
        assert!(
            all2[r.start * h..r.end * h] == one[..],
            "{backend}: a window's result depends on its batch"
        );
    }
}

/// The packed backends run batches side by side, each on one thread (`encode_serial`): the
/// same bits as the batch over the whole pool, called from inside a pool of 2 as the NER
/// stage does, with two batches at once.
#[test]
fn serial_encoding_gives_the_same_bits() {
    let dir = root().join("models/ner");
    let config: BertConfig =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let windows: Vec<_> = (0..30)
        .map(|i| window(100 + i, 3 + (i as usize * 11) % 120))
        .collect();
    let mut first = Packed::new();
    let mut second = Packed::new();
    for (i, (ids, shapes)) in windows.iter().enumerate() {
        if i % 2 == 0 {
            first.push(ids, shapes)
        } else {
            second.push(ids, shapes)
        }
    }
    for backend in [Backend::Packed, Backend::Int8] {
        let enc = encoder::load(backend, &dir.join("model.safetensors"), &config, 9).unwrap();
        assert!(enc.serial(), "{backend}: should encode on one thread");
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let (a, b) = pool.install(|| (enc.encode(&first).unwrap(), enc.encode(&second).unwrap()));
        let (sa, sb) = pool.install(|| {
            rayon::join(
                || enc.encode_serial(&first).unwrap(),
                || enc.encode_serial(&second).unwrap(),
            )
        });
        assert_eq!(a.len(), first.tokens() * enc.hidden());
        assert!(a == sa, "{backend}: serial and parallel encoding differ");
        assert!(
            b == sb,
            "{backend}: serial and parallel encoding differ (second batch)"
        );
        assert!(
            a != b[..a.len().min(b.len())],
            "{backend}: different batches gave the same states"
        );
    }
}

/// The rust-bert backend (libtorch; `bash scripts/rust-bert.sh`): the same probabilities as
/// the other f32 backends within the tolerance they keep to torch (its agreement with torch
/// itself is checked by `every_backend_matches_torch`, which runs every backend of the build),
/// the same hidden states whatever the thread count, bit for bit, and a window's hidden
/// states independent of the windows padded beside it.
#[cfg(feature = "rust-bert")]
#[test]
fn rust_bert_matches_other_backends_and_is_deterministic() {
    let dir = root().join("models/ner");
    let load = |backend| NerModel::load_backend(&dir, NerOptions::default(), backend).unwrap();
    let rust_bert = load(Backend::RustBert);
    let k = rust_bert.labels();
    for other in [Backend::Packed, Backend::Candle] {
        let other_model = load(other);
        for case in cases() {
            let (ids, _, got) = rust_bert.piece_probabilities(&case.sentence).unwrap();
            let (other_ids, _, expected) = other_model.piece_probabilities(&case.sentence).unwrap();
            assert_eq!(ids, other_ids);
            for (i, (&g, &e)) in got.iter().zip(&expected).enumerate() {
                assert!(
                    (g - e).abs() < 2e-3,
                    "rust-bert vs {other}: {:?} piece {} label {}: {g} vs {e}",
                    case.sentence,
                    i / k,
                    i % k
                );
            }
        }
    }

    let config: BertConfig =
        serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let windows: Vec<_> = (0..40)
        .map(|i| window(i, 5 + (i as usize * 7) % 60))
        .collect();
    let mut batch = Packed::new();
    for (ids, shapes) in &windows {
        batch.push(ids, shapes);
    }
    let enc = encoder::load(
        Backend::RustBert,
        &dir.join("model.safetensors"),
        &config,
        9,
    )
    .unwrap();
    let h = enc.hidden();
    let run = |threads: usize, input: &Packed| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| enc.encode(input).unwrap())
    };
    let all2 = run(2, &batch);
    let all1 = run(1, &batch);
    let all4 = run(4, &batch);
    assert!(all1 == all2, "rust-bert: 1 and 2 threads differ");
    assert!(all4 == all2, "rust-bert: 2 and 4 threads differ");
    let packed = encoder::load(Backend::Packed, &dir.join("model.safetensors"), &config, 9)
        .unwrap()
        .encode(&batch)
        .unwrap();
    let worst = all2
        .iter()
        .zip(&packed)
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    assert!(
        worst < 2e-3,
        "rust-bert vs packed hidden states: largest difference {worst}"
    );
    for w in [0, 17, 39] {
        let mut alone = Packed::new();
        alone.push(&windows[w].0, &windows[w].1);
        let one = run(2, &alone);
        let r = batch.window(w);
        let worst = all2[r.start * h..r.end * h]
            .iter()
            .zip(&one)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        eprintln!("rust-bert: window {w} alone vs in its batch: largest difference {worst:e}");
        assert!(
            worst < 1e-4,
            "rust-bert: window {w}'s result depends on its batch by {worst}"
        );
    }
}
