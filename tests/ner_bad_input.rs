//! Hostile text through segmenting and tagging: no panic, and every entity offset lies on
//! character boundaries inside its sentence and the text.

use std::path::PathBuf;
use std::sync::OnceLock;

use attache::ner::NerModel;
use attache::segment::{RuleSegmenter, Segmenter};
use attache::text::CharIndex;
use attache::Document;

fn model() -> &'static NerModel {
    static MODEL: OnceLock<NerModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        NerModel::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/ner"))
            .expect("shipped model loads")
    })
}

fn tag(text: &str) -> Document {
    let mut doc = Document::from_text("t", text);
    RuleSegmenter.annotate(&mut doc);
    let mut docs = vec![doc];
    model()
        .annotate(&mut docs)
        .expect("tagging never fails on text");
    docs.pop().unwrap()
}

fn assert_offsets_valid(doc: &Document) {
    let index = CharIndex::new(&doc.text);
    let chars = doc.text.chars().count();
    let mut last_end = 0;
    for e in &doc.entities {
        assert!(
            e.span.start < e.span.end && e.span.end <= doc.text.len(),
            "{e:?}"
        );
        assert!(
            doc.text.is_char_boundary(e.span.start) && doc.text.is_char_boundary(e.span.end),
            "{e:?}"
        );
        assert!(e.span.start >= last_end, "entities overlap: {e:?}");
        last_end = e.span.end;
        assert!(
            doc.sentences
                .iter()
                .any(|s| s.start <= e.span.start && e.span.end <= s.end),
            "entity outside every sentence"
        );
        let c = index.char_span(e.span);
        assert!(c.end <= chars);
        let by_chars: String = doc
            .text
            .chars()
            .skip(c.start)
            .take(c.end - c.start)
            .collect();
        assert_eq!(by_chars, doc.span_text(e.span));
        assert!((0.0..=1.0).contains(&e.score));
    }
}

#[test]
fn empty_and_whitespace_text_give_no_entities() {
    for text in ["", " ", "\n\n\t  \r\n", "\u{00A0}\u{2003}"] {
        let doc = tag(text);
        assert!(doc.entities.is_empty(), "{text:?}");
    }
}

#[test]
fn a_two_megabyte_line_without_newline_is_tagged_whole() {
    let sentence =
        "Defense Minister Dong Jun met Phan Van Giang in Hanoi on Thursday and they talked ";
    let text: String = sentence.repeat(2_000_000 / sentence.len() + 1);
    let doc = tag(&text);
    assert_offsets_valid(&doc);
    // Nothing is truncated: names are found near the end of the line too.
    let last = doc.entities.last().expect("entities found");
    assert!(
        last.span.end > text.len() - 2 * sentence.len(),
        "last entity at {} of {}",
        last.span.end,
        text.len()
    );
}

#[test]
fn control_characters_emoji_cjk_and_replacement_characters() {
    let text = "Chinese Defense Minister\u{0}Dong Jun \u{7}met \u{1b}[31mTo Lam\u{FFFD}\u{FFFD} in 河内 😀🇻🇳 on Thursday.\r\n\
                越南共产党 总书记 苏林 会见 董军。 \u{202E}Hanoi\u{200B}Beijing\u{FEFF} Phạm Minh Chính 👍🏽 said.";
    let doc = tag(text);
    assert_offsets_valid(&doc);
}

#[test]
fn invalid_utf8_is_replaced_then_tagged() {
    let bytes = b"Vietnam and China \xff\xfe signed a deal in Beijing on \xc3 Monday.";
    let (text, warnings) = attache::ingest::decode_text(bytes).unwrap();
    assert_eq!(warnings.len(), 1);
    assert_offsets_valid(&tag(&text));
}

#[test]
fn five_thousand_capitalised_words_in_a_row() {
    let words = [
        "Hanoi", "Beijing", "Dong", "Jun", "Ministry", "Defense", "To", "Lam", "Central", "Command",
    ];
    let text = (0..5000)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let doc = tag(&text);
    assert_offsets_valid(&doc);
}
