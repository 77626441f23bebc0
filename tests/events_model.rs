//! The shipped event reader: parity with the training code, and bounded, valid output on
//! hostile text.

use std::path::{Path, PathBuf};
use std::time::Instant;

use attache::doc::Document;
use attache::events::EventReader;
use attache::ner::NerModel;
use attache::pipeline::{self, Reader};
use attache::segment::{RuleSegmenter, Segmenter};

fn model() -> NerModel {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut model = NerModel::load(&root.join("models/ner")).expect("shipped NER model");
    let reader = EventReader::load(&root.join("models/events")).expect("shipped event reader");
    model
        .attach_events(reader, Reader::Learned)
        .expect("heads fit the encoder");
    model
}

#[test]
fn rust_heads_match_the_training_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let parity: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("models/events/parity.json")).unwrap(),
    )
    .unwrap();
    let model = model();
    let reader = model.events().unwrap();
    let (words, trig, refs) = reader
        .sentence_logits(&model, parity["sentence"].as_str().unwrap())
        .unwrap();
    assert_eq!(
        words as u64,
        parity["words"].as_u64().unwrap(),
        "word count differs from the training code"
    );
    for (name, ours, theirs) in [
        ("trigger", &trig, &parity["trigger_logits"]),
        ("ref", &refs, &parity["ref_logits"]),
    ] {
        let theirs: Vec<f32> = theirs
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap() as f32)
            .collect();
        assert_eq!(ours.len(), theirs.len(), "{name} logits");
        let worst = ours
            .iter()
            .zip(&theirs)
            .map(|(a, b)| (a - b).abs())
            .fold(0f32, f32::max);
        assert!(
            worst < 0.05,
            "{name} logits differ from the training code by up to {worst}"
        );
    }
}

fn code_points(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Runs the whole learned path on one text; checks time and every offset.
fn run_hostile(name: &str, text: String) {
    let model = model();
    let mut docs = vec![Document::from_text(name, text)];
    RuleSegmenter.annotate(&mut docs[0]);
    let started = Instant::now();
    model.annotate(&mut docs).unwrap();
    pipeline::analyse(&mut docs[0], &model);
    let seconds = started.elapsed().as_secs_f64();
    assert!(seconds < 120.0, "{name}: took {seconds:.1}s");
    let doc = &docs[0];
    for m in &doc.event_mentions {
        assert!(
            m.trigger.end <= doc.text.len()
                && doc.text.is_char_boundary(m.trigger.start)
                && doc.text.is_char_boundary(m.trigger.end)
        );
        for a in &m.arguments {
            assert!(
                doc.text.is_char_boundary(a.span.start) && doc.text.is_char_boundary(a.span.end),
                "{name}: argument offsets"
            );
        }
    }
    for source in doc
        .meetings
        .iter()
        .flat_map(|m| &m.sources)
        .chain(doc.agreements.iter().flat_map(|a| &a.sources))
    {
        assert_eq!(
            code_points(&doc.text, source.start, source.end),
            source.sentence,
            "{name}: evidence offsets"
        );
    }
}

#[test]
fn hostile_texts_stay_bounded_and_valid() {
    let names = [
        "Anna Lindqvist",
        "Pham Minh Chinh",
        "Olu Adeyemi",
        "Karim Haddad",
        "Mei Tanaka",
    ];
    let long_sentence: String = (0..2000)
        .map(|i| {
            if i % 7 == 0 {
                "met"
            } else {
                ["the", "minister", "and", "talks", "in", "Hanoi"][i % 6]
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    run_hostile("long-sentence", long_sentence + ".");
    let people: String = (0..300)
        .map(|i| names[i % names.len()])
        .collect::<Vec<_>>()
        .join(", ");
    run_hostile(
        "people",
        format!("{people} held talks and signed an agreement in Geneva on Monday."),
    );
    let countries: String = attache::gazetteer::countries()
        .iter()
        .take(80)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    run_hostile(
        "countries",
        format!("Leaders of {countries} met in Paris and signed a joint declaration."),
    );
    let no_breaks: String = (0..600)
        .map(|i| format!("{} met {} in Rome", names[i % 5], names[(i + 1) % 5]))
        .collect::<Vec<_>>()
        .join(" and ");
    run_hostile("no-breaks", no_breaks);
    run_hostile("furniture", "Home | World | Politics\nSubscribe\nShare this article\nUpdated: 19-02-2021 22:26 IST\nREAD ALSO: Leaders meet\nCookie settings\n".repeat(40));
}

/// Heads read one encoder's features: `--model models/l6/ner` must bring `models/l6/events`,
/// and a model folder with no `events` beside it falls back to the shipped reader.
#[test]
fn the_event_reader_is_the_one_beside_the_model() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        attache::events::dir_for_model(&root.join("models/l6/ner")),
        root.join("models/l6/events")
    );
    assert_eq!(
        attache::events::dir_for_model(&root.join("models/ner")),
        root.join("models/events")
    );
    let lone = std::env::temp_dir()
        .join(format!("attache-lone-model-{}", std::process::id()))
        .join("ner");
    assert_eq!(
        attache::events::dir_for_model(&lone),
        attache::events::default_dir()
    );
    // both shipped readers load
    for dir in ["models/events", "models/l6/events"] {
        EventReader::load(&root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
    }
}

/// Heads paired with the wrong encoder would read hidden states they were never trained on
/// and write plausible-looking nonsense: attaching them is refused, with the fix named.
#[test]
fn heads_of_another_encoder_are_refused() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut model = NerModel::load(&root.join("models/ner")).expect("shipped NER model");
    let foreign = EventReader::load(&root.join("models/l6/events")).expect("6-layer event reader");
    let err = model
        .attach_events(foreign, Reader::Hybrid)
        .expect_err("heads of the 6-layer encoder on the 4-layer one");
    let message = err.to_string();
    assert!(message.contains("another encoder"), "{message}");
    let own = EventReader::load(&root.join("models/events")).expect("shipped event reader");
    model
        .attach_events(own, Reader::Hybrid)
        .expect("the reader beside the model attaches");
}

/// A bug in the record stages costs one document its records, not the batch: a document whose
/// sentence starts inside a character (a state no reader should see) is left with its entities,
/// no records and a warning that says what happened.
#[test]
fn a_panic_in_the_record_stages_stays_with_its_document() {
    let model = model();
    let text = "Président Ana Soto met President Luis Vega in Lima on Monday.";
    let mut docs = vec![
        Document::from_text("broken", text),
        Document::from_text("fine", text),
    ];
    for d in &mut docs {
        RuleSegmenter.annotate(d);
    }
    model.annotate(&mut docs).unwrap();
    // "é" is bytes 2 and 3: a sentence from byte 3 starts inside it.
    docs[0].sentences = vec![attache::text::ByteSpan::new(3, text.len())];
    // (The caught panic still prints its message on stderr.)
    for d in &mut docs {
        pipeline::analyse_isolated(d, &model);
    }
    assert!(docs[0].meetings.is_empty() && docs[0].agreements.is_empty());
    assert!(
        docs[0]
            .warnings
            .iter()
            .any(|w| w.contains("internal error")),
        "{:?}",
        docs[0].warnings
    );
    assert!(!docs[0].entities.is_empty(), "the entities are kept");
    assert_eq!(
        docs[1].meetings.len(),
        1,
        "the next document is read as ever"
    );
    assert!(docs[1].warnings.is_empty());
}
