//! Fuzzing the text-to-records path (segment -> dates -> people -> meetings/agreements ->
//! merge -> write) with proptest, for a bounded number of cases so that it runs in CI: no
//! panic on any text or entity layout, and every offset written is valid.
//!
//! Entities come from a stand-in for the tagger (random word-aligned spans with random
//! labels), so that the rules see layouts the model would rarely produce; the real model's
//! behaviour on hostile text is covered by tests/ner_bad_input.rs.

use attache::doc::{Document, Entity, EntityLabel};
use attache::segment::{RuleSegmenter, Segmenter};
use attache::text::ByteSpan;
use attache::{merge, pipeline, write};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "met",
    "met with",
    "held talks with",
    "received",
    "visited",
    "arrived in",
    "to start a visit to",
    "signed",
    "inked",
    "a memorandum of understanding",
    "on",
    "the",
    "agreement",
    "between",
    "and",
    "will meet",
    "postponed",
    "called off",
    "spoke by phone with",
    "his",
    "Vietnamese",
    "counterpart",
    "Defense Minister",
    "General",
    "Mr.",
    "Dong Jun",
    "To Lam",
    "Phan Van Giang",
    "Hanoi",
    "Beijing",
    "China",
    "Vietnam",
    "Thursday",
    "August 20, 2024",
    "From April 11 to 12",
    "last week",
    "in late May",
    "Published: Dec 20, 2024 11:19 PM",
    "HANOI, Dec. 19 (Reuters) -",
    ".",
    ",",
    "\n",
    "\n\n",
    "“",
    "”",
    "’s",
    "'s",
    "—",
    "(",
    ")",
    ":",
    "越南",
    "😀",
    "\u{0}",
    "\u{7}",
    "\u{FFFD}",
    "\u{200B}",
    "Ð",
    "e\u{301}",
    "READ ALSO:",
    "Photo: VCG",
    "[1]",
    "https://example.com/2024/08/20/x",
    // Gatherings and adopted documents.
    "summit",
    "Summit",
    "mini-summit",
    "leaders'",
    "(AL)",
    "sidelines",
    "postponed",
    "here",
    "Council",
    "met",
    "meeting of the",
    "between",
    "attended",
    "adopted",
    "adoption of",
    "Declaration",
    "joint",
    "communique",
    "Strategy",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![4 => prop::sample::select(WORDS).prop_map(str::to_string), 1 => any::<String>()], 0..120)
        .prop_map(|parts| parts.join(" "))
}

/// Random non-overlapping word-aligned spans with labels, as a tagger might produce.
fn fake_entities(text: &str, picks: &[(u16, u8, u8)]) -> Vec<Entity> {
    let words: Vec<ByteSpan> = {
        let mut spans = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    spans.push(ByteSpan::new(s, i));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            spans.push(ByteSpan::new(s, text.len()));
        }
        spans
    };
    if words.is_empty() {
        return Vec::new();
    }
    let mut chosen: Vec<(usize, usize, EntityLabel)> = picks
        .iter()
        .map(|&(at, len, label)| {
            let first = at as usize % words.len();
            let last = (first + len as usize % 4).min(words.len() - 1);
            (
                first,
                last,
                EntityLabel::ALL[label as usize % EntityLabel::ALL.len()],
            )
        })
        .collect();
    chosen.sort();
    let mut out: Vec<Entity> = Vec::new();
    let mut next_free = 0;
    for (first, last, label) in chosen {
        if first < next_free {
            continue;
        }
        out.push(Entity {
            span: ByteSpan::new(words[first].start, words[last].end),
            label,
            score: 0.9,
        });
        next_free = last + 1;
    }
    out
}

fn code_point_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_and_entity_layout_gives_valid_records(text in text_strategy(), picks in prop::collection::vec(any::<(u16, u8, u8)>(), 0..40), published in prop::option::of("20[0-3][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])")) {
        let mut doc = Document::from_text("fuzz.txt", text.clone());
        doc.published = published;
        RuleSegmenter.annotate(&mut doc);
        doc.entities = fake_entities(&doc.text, &picks);
        pipeline::analyse_rules(&mut doc);

        let record = write::DocumentRecord::from_document(&doc);
        let line = serde_json::to_string(&record).unwrap();
        let back: write::DocumentRecord = serde_json::from_str(&line).unwrap();
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), line);
        for e in &record.entities {
            prop_assert_eq!(code_point_slice(&doc.text, e.start, e.end), e.text.clone());
        }
        let meetings = merge::merge_meetings(doc.meetings.clone());
        let agreements = merge::merge_agreements(doc.agreements.clone());
        let sources = meetings.iter().flat_map(|m| m.sources.iter()).chain(agreements.iter().flat_map(|a| a.sources.iter()));
        for s in sources {
            prop_assert_eq!(code_point_slice(&doc.text, s.start, s.end), s.sentence.clone());
        }
        for m in &meetings {
            prop_assert!(m.id.starts_with("mtg-"));
            prop_assert!((0.0..=1.0).contains(&m.confidence));
            serde_json::to_string(m).unwrap();
        }
        for a in &agreements {
            prop_assert!(a.id.starts_with("agr-"));
            prop_assert!((0.0..=1.0).contains(&a.confidence));
            serde_json::to_string(a).unwrap();
        }
    }
}
