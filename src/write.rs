//! Writing the datasets: JSON Lines with code-point offsets, replaced atomically.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::doc::{Document, EntityLabel};
use crate::text::CharIndex;

/// One entity of a `documents.jsonl` line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub text: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    pub score: f64,
    /// PERSON: the person's fullest name in the document; GPE: the canonical country when the
    /// mention names one; else the text.
    pub canonical: String,
    /// DATE: the resolved ISO value (null when unresolvable); absent for other labels.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "present_or_null"
    )]
    pub value: Option<Option<String>>,
}

/// `value` is absent for non-dates and may be `null` for dates: keep the two apart when
/// reading a line back.
mod present_or_null {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<Option<String>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(Some(v)) => s.serialize_str(v),
            _ => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<String>>, D::Error> {
        Ok(Some(Option::<String>::deserialize(d)?))
    }
}

/// One `documents.jsonl` line (SPEC.md), owned, so that it can be cached and read back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub doc_id: String,
    pub path: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub warnings: Vec<String>,
    pub error: Option<String>,
    pub entities: Vec<EntityRecord>,
}

/// Scores are rounded so that files compare byte for byte across machines.
pub fn round4(x: f32) -> f64 {
    ((x as f64) * 1e4).round() / 1e4
}

impl DocumentRecord {
    pub fn from_document(doc: &Document) -> DocumentRecord {
        let index = CharIndex::new(&doc.text);
        let entities = doc
            .entities
            .iter()
            .map(|e| {
                let chars = index.char_span(e.span);
                let text = doc.span_text(e.span);
                let canonical = match e.label {
                    EntityLabel::Person => crate::people::person_at(&doc.people, e.span)
                        .map(|p| doc.people[p].name.as_str()),
                    EntityLabel::Gpe => crate::gazetteer::canonical_country(text),
                    _ => None,
                }
                .unwrap_or(text);
                let value = (e.label == EntityLabel::Date).then(|| {
                    doc.dates
                        .iter()
                        .find(|d| d.span == e.span)
                        .and_then(|d| d.value.as_ref())
                        .map(|v| v.iso())
                });
                EntityRecord {
                    text: text.to_string(),
                    label: e.label.as_str().to_string(),
                    start: chars.start,
                    end: chars.end,
                    score: round4(e.score),
                    canonical: canonical.to_string(),
                    value,
                }
            })
            .collect();
        DocumentRecord {
            doc_id: doc.id.clone(),
            path: doc.path.clone(),
            title: doc.title.clone(),
            published: doc.published.clone(),
            url: doc.url.clone(),
            text: doc.text.clone(),
            warnings: doc.warnings.clone(),
            error: doc.error.clone(),
            entities,
        }
    }
}

/// One `documents.jsonl` line.
pub fn document_line(doc: &Document) -> Result<String> {
    Ok(serde_json::to_string(&DocumentRecord::from_document(doc))?)
}

/// A JSON Lines file written through a temporary file in the same folder and renamed into
/// place by [`JsonlWriter::commit`], so a reader never sees a half-written file and a killed
/// run leaves the previous file intact.
pub struct JsonlWriter {
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
    lines: usize,
}

impl JsonlWriter {
    pub fn create(path: &Path) -> Result<Self> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(dir).with_context(|| {
            format!(
                "cannot create output folder {} (check its permissions or pick another with -o)",
                dir.display()
            )
        })?;
        let name = path
            .file_name()
            .context("output path has no file name")?
            .to_string_lossy();
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        Ok(JsonlWriter {
            path: path.to_path_buf(),
            tmp,
            out: BufWriter::new(file),
            lines: 0,
        })
    }

    pub fn line(&mut self, line: &str) -> Result<()> {
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.lines += 1;
        Ok(())
    }

    /// Bytes as they are (for files that are not JSON Lines, such as the HTML report).
    pub fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes)?;
        Ok(())
    }

    pub fn record<T: Serialize>(&mut self, record: &T) -> Result<()> {
        self.line(&serde_json::to_string(record)?)
    }

    pub fn commit(self) -> Result<usize> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&self.tmp, &self.path)
            .with_context(|| format!("cannot move {} into place", self.tmp.display()))?;
        Ok(self.lines)
    }
}

/// Removes the temporary files a killed run left in `dir` (`.NAME.tmp-PID`).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.contains(".tmp-") && entry.path().is_file() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `lines` to `path` atomically (see [`JsonlWriter`]).
pub fn write_atomically<I>(path: &Path, lines: I) -> Result<()>
where
    I: IntoIterator<Item = Result<String>>,
{
    let mut writer = JsonlWriter::create(path)?;
    for line in lines {
        writer.line(&line?)?;
    }
    writer.commit()?;
    Ok(())
}

/// Writes `bytes` to `path` atomically.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .context("output path has no file name")?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot move {} into place", tmp.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Entity;
    use crate::text::ByteSpan;

    #[test]
    fn entity_offsets_are_code_points() {
        let mut doc = Document::from_text("a.txt", "“Việt Nam” – Dong Jun");
        let start = doc.text.find("Dong").unwrap();
        doc.entities.push(Entity {
            span: ByteSpan::new(start, doc.text.len()),
            label: EntityLabel::Person,
            score: 0.98767,
        });
        let line_text = document_line(&doc).unwrap();
        let back: DocumentRecord = serde_json::from_str(&line_text).unwrap();
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            line_text,
            "a line reads back to the same bytes"
        );
        let line: serde_json::Value = serde_json::from_str(&line_text).unwrap();
        let entity = &line["entities"][0];
        assert_eq!(entity["start"], 13);
        assert_eq!(entity["end"], 21);
        let chars: Vec<char> = doc.text.chars().collect();
        assert_eq!(chars[13..21].iter().collect::<String>(), "Dong Jun");
        assert_eq!(entity["score"], 0.9877);
    }

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("attache-write-{}", std::process::id()));
        let path = dir.join("x.jsonl");
        write_atomically(&path, vec![Ok("{}".to_string())]).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}\n");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(dir).unwrap();
    }
}
