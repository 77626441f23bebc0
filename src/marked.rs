//! Test documents written with their entities marked inline: "[Dong Jun|PERSON] met ...".
//! The stages' unit tests build their documents with it.

use crate::doc::{Document, Entity, EntityLabel};
use crate::segment::{RuleSegmenter, Segmenter};
use crate::text::ByteSpan;

/// The document `marked` describes: the text without the brackets, each `[text|LABEL]` an
/// entity of that label (score 1), segmented into sentences.
pub(crate) fn document(marked: &str) -> Document {
    let mut text = String::new();
    let mut entities = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(']').expect("unclosed [");
        let (inner, label) = after[..close].rsplit_once('|').expect("[text|LABEL]");
        let start = text.len();
        text.push_str(inner);
        let label = EntityLabel::parse(label).expect("label");
        entities.push(Entity {
            span: ByteSpan::new(start, text.len()),
            label,
            score: 1.0,
        });
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    let mut d = Document::from_text("test", text);
    d.entities = entities;
    RuleSegmenter.annotate(&mut d);
    d
}
