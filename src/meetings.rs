//! The meetings stage (being written).

use crate::doc::Document;

/// Fills `doc.meetings`.
pub fn annotate(doc: &mut Document) {
    doc.meetings.clear();
}
