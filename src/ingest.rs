//! Ingest: finds input files and turns each into a [`Document`].
//!
//! A file that cannot be used (unreadable, binary, empty, too large) becomes a document with an
//! `error`, so that the batch goes on and the failure is recorded in `documents.jsonl`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::doc::Document;

/// Extensions read as articles.
pub const EXTENSIONS: &[&str] = &["txt", "md"];

/// Largest file read as one article.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One input file and the id it will carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub path: PathBuf,
}

/// Lists article files under `inputs` (folders walked recursively, hidden entries skipped),
/// sorted by id so that output order never depends on the file system.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    let mut found = BTreeMap::new();
    for input in inputs {
        let meta = match fs::metadata(input) {
            Ok(m) => m,
            Err(e) => bail!("cannot read input {}: {e}", input.display()),
        };
        if meta.is_dir() {
            walk(input, input, &mut found)?;
        } else {
            let id = input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            found.entry(id.clone()).or_insert(Source { id, path: input.clone() });
        }
    }
    Ok(found.into_values().collect())
}

fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<String, Source>) -> Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else { continue };
        if file_type.is_dir() {
            walk(root, &path, found)?;
        } else if has_article_extension(&path) {
            let id = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            found.entry(id.clone()).or_insert(Source { id, path });
        }
    }
    Ok(())
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str()))
        .unwrap_or(false)
}

/// Reads one source into a document; failures are recorded on the document, never raised.
pub fn read(source: &Source) -> Document {
    let shown = source.path.to_string_lossy().into_owned();
    let bytes = match fs::metadata(&source.path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Document::failed(&source.id, shown, format!("file is {} bytes, over the {MAX_FILE_BYTES}-byte limit", m.len()))
        }
        Ok(_) => match fs::read(&source.path) {
            Ok(b) => b,
            Err(e) => return Document::failed(&source.id, shown, format!("cannot read file: {e}")),
        },
        Err(e) => return Document::failed(&source.id, shown, format!("cannot read file: {e}")),
    };
    let mut doc = match decode_text(&bytes) {
        Ok((text, warnings)) => Document { warnings, ..Document::from_text(&source.id, text) },
        Err(reason) => return Document::failed(&source.id, shown, reason),
    };
    doc.path = shown;
    doc
}

/// UTF-8 decoding as SPEC.md says: BOM dropped, invalid bytes replaced with a warning;
/// binary and empty content rejected.
pub fn decode_text(bytes: &[u8]) -> std::result::Result<(String, Vec<String>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("file is empty".into());
    }
    if bytes.contains(&0) {
        return Err("file looks binary (contains NUL bytes)".into());
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_owned(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
            warnings.push(format!("invalid UTF-8: {replaced} byte sequence(s) replaced with U+FFFD"));
            text
        }
    };
    Ok((text, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_invalid_bytes_are_replaced_with_a_warning() {
        let (text, warnings) = decode_text(b"\xEF\xBB\xBFHanoi \xFF met").unwrap();
        assert_eq!(text, "Hanoi \u{FFFD} met");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert!(decode_text(b"").is_err());
        assert!(decode_text(b"  \n\t").is_err());
        assert!(decode_text(b"PK\x03\x04\x00\x00").is_err());
    }
}
