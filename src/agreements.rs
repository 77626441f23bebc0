//! The agreements stage (being written).

use crate::doc::Document;

/// Fills `doc.agreements`.
pub fn annotate(doc: &mut Document) {
    doc.agreements.clear();
}
