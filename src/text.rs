//! Offsets: Rust slices text by bytes, our outputs count Unicode code points.
//!
//! Every span inside the pipeline is a [`ByteSpan`] into the document text; it becomes a
//! code-point [`CharSpan`] only when written, through a [`CharIndex`] built once per document.

use serde::Serialize;

/// A half-open byte range into a document's text, always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        ByteSpan { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    /// Shifts a span that is relative to `base` into the coordinates `base` lives in.
    pub fn offset_by(&self, base: usize) -> ByteSpan {
        ByteSpan::new(self.start + base, self.end + base)
    }
}

/// A half-open range of Unicode code points: in Python `text[start:end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

/// Converts byte offsets of one text into code-point offsets in O(1) amortised time.
///
/// Stores the code-point count at every `STRIDE`-th byte, so memory is a small fraction of the
/// text even for a 50 MB article, and a lookup counts at most `STRIDE` bytes.
pub struct CharIndex<'t> {
    text: &'t str,
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 256;

impl<'t> CharIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut chars = 0usize;
        for (i, &b) in bytes.iter().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(chars);
            }
            // A byte that is not a UTF-8 continuation byte starts a code point.
            if (b & 0xC0) != 0x80 {
                chars += 1;
            }
        }
        CharIndex { text, checkpoints }
    }

    /// Code-point offset of byte offset `byte` (which must lie on a char boundary or at the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        debug_assert!(self.text.is_char_boundary(byte));
        if byte >= bytes.len() {
            return self.checkpoints.last().copied().unwrap_or(0)
                + bytes[(self.checkpoints.len().saturating_sub(1)) * STRIDE..]
                    .iter()
                    .filter(|&&b| (b & 0xC0) != 0x80)
                    .count();
        }
        let block = byte / STRIDE;
        self.checkpoints[block]
            + bytes[block * STRIDE..byte]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count()
    }

    pub fn char_span(&self, span: ByteSpan) -> CharSpan {
        CharSpan {
            start: self.char_offset(span.start),
            end: self.char_offset(span.end),
        }
    }
}

/// Byte offset of code-point offset `chars` in `text` (the end of text when past it).
/// The largest char boundary of `text` at or before byte `at` (clamped to the text's length):
/// where a byte window cut at a fixed size may safely end.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_python_indexing() {
        let text = "Vietnam’s “Lam” 越南 met 😀 Dong Jun.".repeat(40);
        let index = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), chars, "at byte {byte}");
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn empty_text_has_offset_zero() {
        let index = CharIndex::new("");
        assert_eq!(index.char_offset(0), 0);
    }

    #[test]
    fn byte_offset_inverts_char_offset() {
        let text = "Hà Nội – Phan Văn Giang";
        let index = CharIndex::new(text);
        for (byte, _) in text.char_indices() {
            assert_eq!(byte_offset(text, index.char_offset(byte)), byte);
        }
    }
}
