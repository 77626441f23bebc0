//! Ingest: finds input files and turns each into a [`Document`].
//!
//! Formats (SPEC.md "Input formats"): `.txt`/`.md` (whole file; the header block gives title
//! and date, see [`header`]), `.html`/`.htm` (visible text, see [`html`]), `.json` (one record)
//! and `.jsonl`/`.ndjson` (one record per line, see [`json`]). Every document also gets its
//! page [`furniture`]: lines that stay in the text but are not article prose.
//!
//! Discovery lists one [`Source`] per document: a file, or one line of a JSON Lines file
//! (indexed by byte offset, so that a large `.jsonl` is read line by line and batched like any
//! folder of files). A file that cannot be used (unreadable, binary, empty, too large, a bad
//! JSON line) becomes a document with an `error`, so that the batch goes on and the failure is
//! recorded in `documents.jsonl`.
//!
//! Publication dates: a date the source declares (JSON `published`, HTML `<meta>`) wins; else
//! the header's "Published:"/"Posted"/bare-date line, the URL's day (`/2024/08/20/`), a
//! dateline ("HANOI, Dec. 19 (Reuters) -", year taken from another header date when it has
//! none), an "Updated:" line, the URL's month (`/202412/` gives `"2024-12"`); failing all
//! these, a wider scan (see `header::wider_scan`): a date line or a timestamped date further
//! down the top of the page (after browser notices, forum chrome), a speech title's date, or a
//! keyed or credited date under the article. A dateline whose year nothing gives leaves
//! `published` null with a warning.

pub mod furniture;
pub mod hdate;
pub mod header;
pub mod html;
pub mod json;

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::doc::Document;
use crate::text::ByteSpan;

/// Extensions read as articles.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "json", "jsonl", "ndjson",
];

/// Largest file (or JSON Lines record) read as one article.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How a source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
    /// A file named on the command line whose extension is not one of [`EXTENSIONS`]: read as
    /// plain text, with a warning.
    Unknown,
}

impl Format {
    /// The format an extension stands for; `None` for extensions that are not read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }
}

/// One line of a JSON Lines file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    /// 1-based line number.
    pub line: usize,
    /// Byte offset of the line in the file, and its length without the newline.
    pub offset: u64,
    pub len: u64,
}

/// One input document and the id it will carry (unless a JSON record brings its own `id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Path relative to the input root; `<path>#<line>` for a JSON Lines record.
    pub id: String,
    pub path: PathBuf,
    pub format: Format,
    /// Set for a line of a JSON Lines file.
    pub record: Option<Record>,
}

/// What discovery found, including what it passed over.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    /// Documents to read, sorted by id (then line), so output order never depends on the file
    /// system.
    pub sources: Vec<Source>,
    /// Files passed over for their extension.
    pub skipped: Vec<PathBuf>,
    /// Folders and entries that could not be read, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
}

impl Discovery {
    /// Log lines for what was passed over (empty when nothing was).
    pub fn warnings(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.skipped.is_empty() {
            let examples: Vec<String> = self
                .skipped
                .iter()
                .take(3)
                .map(|p| p.display().to_string())
                .collect();
            lines.push(format!(
                "skipped {} file(s) with an extension that is not read ({}{}); read are: {}",
                self.skipped.len(),
                examples.join(", "),
                if self.skipped.len() > 3 { ", ..." } else { "" },
                EXTENSIONS.join(", ")
            ));
        }
        for (path, why) in &self.unreadable {
            lines.push(format!("cannot read {}: {why}", path.display()));
        }
        lines
    }
}

/// Lists article files under `inputs` (folders walked recursively, hidden entries skipped),
/// sorted by id. See [`discover_all`] for what is passed over.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    Ok(discover_all(inputs)?.sources)
}

/// Lists the documents under `inputs`: folders are walked recursively (symbolic links followed,
/// each folder once, so link loops end), hidden entries and unknown extensions are passed over,
/// unreadable folders are recorded; a file reached twice is listed once. Only an input that
/// does not exist is an error.
pub fn discover_all(inputs: &[PathBuf]) -> Result<Discovery> {
    let mut walker = Walker::default();
    for input in inputs {
        let meta = match fs::metadata(input) {
            Ok(m) => m,
            Err(e) => bail!("cannot read input {}: {e} (name folders or files of articles: attache PATH... -o OUTPUT)", input.display()),
        };
        if meta.is_dir() {
            walker.walk(input, input);
        } else if meta.is_file() {
            let id = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            walker.add_file(id, input, true);
        } else {
            walker
                .found
                .unreadable
                .push((input.clone(), "not a regular file or folder".into()));
        }
    }
    let mut found = walker.found;
    found.sources = walker.sources.into_values().collect();
    Ok(found)
}

#[derive(Default)]
struct Walker {
    found: Discovery,
    sources: BTreeMap<(String, usize), Source>,
    ids: HashSet<String>,
    files: HashSet<PathBuf>,
    dirs: HashSet<PathBuf>,
}

impl Walker {
    fn walk(&mut self, root: &Path, dir: &Path) {
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.dirs.insert(canonical) {
            return; // already walked: a link loop, or a second way into the same folder
        }
        let reader = match fs::read_dir(dir) {
            Ok(r) => r,
            Err(e) => {
                self.found
                    .unreadable
                    .push((dir.to_path_buf(), e.to_string()));
                return;
            }
        };
        let mut entries = Vec::new();
        for entry in reader {
            match entry {
                Ok(e) => entries.push(e),
                Err(e) => self
                    .found
                    .unreadable
                    .push((dir.to_path_buf(), e.to_string())),
            }
        }
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // Follows symbolic links; a broken link is recorded.
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    self.found.unreadable.push((path, e.to_string()));
                    continue;
                }
            };
            if meta.is_dir() {
                self.walk(root, &path);
            } else if meta.is_file() {
                let id = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                self.add_file(id, &path, false);
            }
            // Pipes, sockets and devices are passed over: reading them could block forever.
        }
    }

    fn add_file(&mut self, id: String, path: &Path, named: bool) {
        let format = match Format::of(path) {
            Some(f) => f,
            None if named => Format::Unknown,
            None => {
                self.found.skipped.push(path.to_path_buf());
                return;
            }
        };
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.files.insert(canonical) {
            return;
        }
        // Two roots can hold the same relative path: the later one is named by its full path.
        let mut id = id;
        if self.ids.contains(&id) {
            id = path.to_string_lossy().replace('\\', "/");
            let base = id.clone();
            let mut n = 2;
            while self.ids.contains(&id) {
                id = format!("{base}~{n}");
                n += 1;
            }
        }
        self.ids.insert(id.clone());
        if format == Format::JsonLines {
            if let Ok(records) = index_lines(path) {
                if !records.is_empty() {
                    for record in records {
                        let source = Source {
                            id: format!("{id}#{}", record.line),
                            path: path.to_path_buf(),
                            format,
                            record: Some(record),
                        };
                        self.sources.insert((id.clone(), record.line), source);
                    }
                    return;
                }
            }
            // Unreadable or without records: read() reports why, as one failed document.
        }
        self.sources.insert(
            (id.clone(), 0),
            Source {
                id,
                path: path.to_path_buf(),
                format,
                record: None,
            },
        );
    }
}

/// The non-blank lines of a JSON Lines file, by byte offset (one pass, constant memory per line).
pub fn index_lines(path: &Path) -> io::Result<Vec<Record>> {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut records = Vec::new();
    let mut offset = 0u64;
    if reader.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
        reader.consume(3);
        offset = 3;
    }
    let (mut line, mut start, mut blank) = (1usize, offset, true);
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        for (i, &b) in buf.iter().enumerate() {
            if b == b'\n' {
                let end = offset + i as u64;
                if !blank {
                    records.push(Record {
                        line,
                        offset: start,
                        len: end - start,
                    });
                }
                line += 1;
                start = end + 1;
                blank = true;
            } else if !b.is_ascii_whitespace() {
                blank = false;
            }
        }
        offset += n as u64;
        reader.consume(n);
    }
    if !blank {
        records.push(Record {
            line,
            offset: start,
            len: offset - start,
        });
    }
    Ok(records)
}

/// SHA-256 (hex) of the bytes a source is read from (the file, or the line of a JSON Lines
/// file); `None` when they cannot be read or are over the size limit, which reading reports.
pub fn content_hash(source: &Source) -> Option<String> {
    use sha2::{Digest, Sha256};
    let bytes = match source.record {
        Some(record) => {
            if record.len > MAX_FILE_BYTES {
                return None;
            }
            let mut bytes = vec![0; record.len as usize];
            let mut file = File::open(&source.path).ok()?;
            file.seek(SeekFrom::Start(record.offset)).ok()?;
            file.read_exact(&mut bytes).ok()?;
            bytes
        }
        None => {
            if fs::metadata(&source.path).ok()?.len() > MAX_FILE_BYTES {
                return None;
            }
            fs::read(&source.path).ok()?
        }
    };
    Some(format!("{:x}", Sha256::digest(&bytes)))
}

/// Reads one source into a document; failures are recorded on the document, never raised.
pub fn read(source: &Source) -> Document {
    let shown = source.path.to_string_lossy().into_owned();
    let mut doc = match source.record {
        Some(record) => read_record(source, record),
        None => read_file(source),
    };
    doc.path = shown;
    doc
}

fn read_file(source: &Source) -> Document {
    let failed = |reason: String| Document::failed(&source.id, "", reason);
    let bytes = match fs::metadata(&source.path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return failed(format!("file is {} bytes, over the {MAX_FILE_BYTES}-byte limit for one article (split it into several files)", m.len()))
        }
        Ok(_) => match fs::read(&source.path) {
            Ok(b) => b,
            Err(e) => return failed(format!("cannot read file: {e}")),
        },
        Err(e) => return failed(format!("cannot read file: {e}")),
    };
    let (text, mut warnings) = match decode_text(&bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return failed(reason),
    };
    match source.format {
        Format::Text | Format::Markdown => {
            assemble(source.id.clone(), text, Known::default(), warnings)
        }
        Format::Unknown => {
            warnings.push("extension not known: read as plain text".into());
            assemble(source.id.clone(), text, Known::default(), warnings)
        }
        Format::Html => {
            let page = html::extract(&text);
            if page.text.trim().is_empty() {
                return failed("page has no visible text".into());
            }
            let known = Known {
                title: page.title,
                published: page.published,
                url: page.url,
                last_resort_date: page.modified,
            };
            assemble(source.id.clone(), page.text, known, warnings)
        }
        Format::Json => match json::parse(&text) {
            Ok(record) => from_record(source.id.clone(), record, warnings),
            Err(e) => failed(e),
        },
        Format::JsonLines => {
            // Discovery found no record here (or could not read the file then).
            match index_lines(&source.path) {
                Ok(r) if r.is_empty() => failed("file has no records".into()),
                Ok(_) => failed("file changed while the run was going on".into()),
                Err(e) => failed(format!("cannot read file: {e}")),
            }
        }
    }
}

fn read_record(source: &Source, record: Record) -> Document {
    let line = record.line;
    let failed =
        |reason: String| Document::failed(&source.id, "", format!("line {line}: {reason}"));
    if record.len > MAX_FILE_BYTES {
        return failed(format!(
            "record is {} bytes, over the {MAX_FILE_BYTES}-byte limit",
            record.len
        ));
    }
    let mut bytes = vec![0; record.len as usize];
    let read = File::open(&source.path).and_then(|mut f| {
        f.seek(SeekFrom::Start(record.offset))?;
        f.read_exact(&mut bytes)
    });
    if let Err(e) = read {
        return failed(format!("cannot read record: {e}"));
    }
    let (text, warnings) = match decode_text(&bytes) {
        Ok(decoded) => decoded,
        Err(reason) => return failed(reason.replace("file", "record")),
    };
    match json::parse(&text) {
        Ok(r) => from_record(source.id.clone(), r, warnings),
        Err(e) => failed(e),
    }
}

fn from_record(default_id: String, record: json::Record, mut warnings: Vec<String>) -> Document {
    warnings.extend(record.warnings);
    let known = Known {
        title: record.title,
        published: record.published,
        url: record.url,
        last_resort_date: None,
    };
    assemble(
        record.id.unwrap_or(default_id),
        record.text,
        known,
        warnings,
    )
}

/// What the source itself declares, which the text's header only completes.
#[derive(Default)]
struct Known {
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    /// A date used only when nothing else dates the document (an HTML modification date).
    last_resort_date: Option<String>,
}

/// Title, date, URL and furniture for `text`; header fields only fill what `known` lacks.
fn assemble(id: String, text: String, known: Known, mut warnings: Vec<String>) -> Document {
    let header = header::parse(&text, known.url.as_deref());
    let mut spans: Vec<ByteSpan> = furniture::scan(&text);
    spans.extend(
        header
            .furniture
            .iter()
            .copied()
            .filter(|&s| Some(s) != header.title_line),
    );
    spans.sort();
    spans.dedup();
    let published = known
        .published
        .or(header.published)
        .or(known.last_resort_date);
    if published.is_none() {
        warnings.extend(header.warnings);
    }
    let mut doc = Document::from_text(id, text);
    doc.title = known.title.or(header.title);
    doc.published = published;
    doc.url = known.url.or(header.url);
    doc.warnings = warnings;
    doc.furniture = spans;
    doc.headline = header.title_line;
    doc
}

/// Decoding as SPEC.md says: UTF-8 with the BOM dropped and invalid bytes replaced (with a
/// warning); UTF-16 with a BOM is decoded too; binary and empty content is rejected.
pub fn decode_text(bytes: &[u8]) -> std::result::Result<(String, Vec<String>), String> {
    if let Some(utf16) = decode_utf16(bytes) {
        return utf16;
    }
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
            let replaced = text
                .chars()
                .filter(|&c| c == char::REPLACEMENT_CHARACTER)
                .count();
            warnings.push(format!(
                "invalid UTF-8: {replaced} byte sequence(s) replaced with U+FFFD"
            ));
            text
        }
    };
    Ok((text, warnings))
}

fn decode_utf16(bytes: &[u8]) -> Option<std::result::Result<(String, Vec<String>), String>> {
    let little = bytes.starts_with(b"\xFF\xFE");
    if !little && !bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    let body = &bytes[2..];
    let units: Vec<u16> = body
        .chunks(2)
        .map(|c| {
            let pair = [c[0], *c.get(1).unwrap_or(&0)];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect();
    let text = String::from_utf16_lossy(&units);
    if text.trim().is_empty() {
        return Some(Err("file is empty".into()));
    }
    if text.contains('\0') {
        return Some(Err("file looks binary (contains NUL characters)".into()));
    }
    let mut warnings = vec!["decoded as UTF-16 (byte order mark)".to_string()];
    let replaced = text
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    if replaced > 0 || body.len() % 2 == 1 {
        warnings.push(format!(
            "invalid UTF-16: {replaced} code unit(s) replaced with U+FFFD"
        ));
    }
    Some(Ok((text, warnings)))
}

#[cfg(test)]
mod tests;
