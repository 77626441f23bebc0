//! The main job on the bundled articles (and the seed articles when they are beside the
//! repository): every record's sources point at the sentence they quote, in code points of
//! the published text, and the records keep the quality `attache eval` reports.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use attache::eval::records;
use attache::ner::NerModel;
use attache::pipeline;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(input: &Path, name: &str, model: &NerModel) -> PathBuf {
    let out = std::env::temp_dir().join(format!("attache-records-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    pipeline::run(&[input.to_path_buf()], &out, model).expect("main job runs");
    out
}

fn lines(file: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn check_sources(out: &Path) -> usize {
    let texts: HashMap<String, Vec<char>> = lines(&out.join("documents.jsonl"))
        .into_iter()
        .map(|d| {
            (
                d["doc_id"].as_str().unwrap().to_string(),
                d["text"].as_str().unwrap_or("").chars().collect(),
            )
        })
        .collect();
    let mut checked = 0;
    let mut ids = std::collections::HashSet::new();
    for file in ["meetings.jsonl", "agreements.jsonl"] {
        for record in lines(&out.join(file)) {
            let sources = record["sources"].as_array().unwrap();
            assert!(
                !sources.is_empty(),
                "{file}: a record without sources: {record}"
            );
            for s in sources {
                let text = &texts[s["doc_id"].as_str().unwrap()];
                let (start, end) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert!(
                    start < end && end <= text.len(),
                    "{file}: offsets out of range: {s}"
                );
                let quoted: String = text[start..end].iter().collect();
                assert_eq!(
                    quoted,
                    s["sentence"].as_str().unwrap(),
                    "{file}: sentence differs from text[start..end]"
                );
                checked += 1;
            }
            let id = record["id"].as_str().unwrap();
            assert!(
                id.len() == 16 && (id.starts_with("mtg-") || id.starts_with("agr-")),
                "id {id}"
            );
            assert!(
                ids.insert(id.to_string()),
                "{file}: id {id} given to two records"
            );
        }
    }
    checked
}

#[test]
fn sources_quote_their_sentences_and_records_keep_their_quality() {
    let model = NerModel::load(&root().join("models/ner")).expect("shipped model loads");
    let mut sets = vec![(
        root().join("input"),
        root().join("eval/records/input.jsonl"),
    )];
    let seeds = root().join("../shared/seeds");
    if seeds.is_dir() {
        sets.push((seeds, root().join("eval/records/seeds.jsonl")));
    }
    for (i, (input, gold)) in sets.iter().enumerate() {
        let out = run(input, &i.to_string(), &model);
        assert!(
            check_sources(&out) > 10,
            "{}: too few sources checked",
            input.display()
        );

        let (gold_meetings, gold_agreements) = records::read_gold(gold).unwrap();
        let mut all = records::score(
            &gold_meetings,
            &records::read_output(&out.join("meetings.jsonl"), "participants").unwrap(),
        );
        all.add(&records::score(
            &gold_agreements,
            &records::read_output(&out.join("agreements.jsonl"), "parties").unwrap(),
        ));
        let date_accuracy = all.date_correct as f64 / all.matched.max(1) as f64;
        assert!(
            all.f1() >= 0.90,
            "{}: record F1 {:.3} below 0.90",
            input.display(),
            all.f1()
        );
        assert!(
            date_accuracy >= 0.90,
            "{}: date accuracy {date_accuracy:.3} below 0.90",
            input.display()
        );
        std::fs::remove_dir_all(out).unwrap();
    }
}

#[test]
fn the_same_input_gives_the_same_ids() {
    let model = NerModel::load(&root().join("models/ner")).expect("shipped model loads");
    let a = run(&root().join("input"), "ids-a", &model);
    let b = run(&root().join("input"), "ids-b", &model);
    for file in ["meetings.jsonl", "agreements.jsonl"] {
        assert_eq!(
            std::fs::read(a.join(file)).unwrap(),
            std::fs::read(b.join(file)).unwrap()
        );
    }
    std::fs::remove_dir_all(a).unwrap();
    std::fs::remove_dir_all(b).unwrap();
}
