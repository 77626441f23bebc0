//! Parts of the day as dates: "this morning", "this afternoon", "this evening", "tonight", "last
//! night", "earlier today", "later today". The tagger was trained on labels that file these
//! under time, not date, so it leaves them untagged; but "the MoUs were signed this morning"
//! dates a record to the story's day, which the dates stage resolves ("this morning" is the
//! anchor day). Each untagged occurrence, as whole words, becomes a DATE entity.

use std::sync::LazyLock;

use regex::Regex;

use crate::doc::{Document, Entity, EntityLabel};
use crate::text::ByteSpan;

static DAY_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:this\s+(?:morning|afternoon|evening)|tonight|last\s+night|earlier\s+today|later\s+today)\b").unwrap()
});

/// Adds a DATE entity for each part of the day no entity covers.
pub fn annotate(doc: &mut Document) {
    let text = doc.text.as_str();
    let mut added: Vec<Entity> = DAY_PART
        .find_iter(text)
        .map(|m| ByteSpan::new(m.start(), m.end()))
        .filter(|s| {
            !doc.entities
                .iter()
                .any(|e| e.span.start < s.end && s.start < e.span.end)
        })
        .map(|span| Entity {
            span,
            label: EntityLabel::Date,
            score: 1.0,
        })
        .collect();
    if added.is_empty() {
        return;
    }
    doc.entities.append(&mut added);
    doc.entities.sort_by_key(|e| (e.span.start, e.span.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untagged_parts_of_the_day_become_dates() {
        let mut d = Document::from_text(
            "t",
            "The MoUs were signed this morning; talks resume tonight. Lastnight is no word."
                .to_string(),
        );
        let tonight = d.text.find("tonight").unwrap();
        d.entities.push(Entity {
            span: ByteSpan::new(tonight, tonight + 7),
            label: EntityLabel::Date,
            score: 0.9,
        });
        annotate(&mut d);
        let dates: Vec<&str> = d.entities.iter().map(|e| e.span.slice(&d.text)).collect();
        assert_eq!(dates, ["this morning", "tonight"]);
        assert_eq!(d.entities[1].score, 0.9, "a tagged one is kept as it is");
    }
}
