//! Finished work survives a killed run: each document's outcome is stored under the output
//! folder as soon as its batch is done, keyed by what determines it (tool version and build, model hash,
//! document id and the bytes read), so re-running the same command reuses it, and a grown or
//! edited folder costs only its new and changed documents.
//!
//! Entries are single files written through a temporary file and a rename, so a kill never
//! leaves a half-written entry that would be trusted; an entry that cannot be read back is
//! simply recomputed.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::records::{Agreement, Meeting};
use crate::write::DocumentRecord;

/// What processing one document leaves behind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocOutcome {
    /// The source's id before reading (`path` or `path#line`): the order documents are
    /// written in, also when shard outputs are merged.
    pub order_key: String,
    pub document: DocumentRecord,
    pub meetings: Vec<Meeting>,
    pub agreements: Vec<Agreement>,
    pub words: usize,
}

/// Folder name of the cache inside the output folder.
pub const CACHE_DIR: &str = ".attache-cache";

pub struct Cache {
    dir: PathBuf,
    /// Tool version, build (a hash of the sources and word lists it was built from) and model
    /// hash: a new model, release or build recomputes everything.
    salt: String,
    used: HashSet<String>,
}

impl Cache {
    pub fn open(output: &Path, model_sha256: &str) -> std::io::Result<Cache> {
        let dir = output.join(CACHE_DIR);
        fs::create_dir_all(&dir)?;
        Ok(Cache {
            dir,
            salt: format!(
                "{}:{}:{model_sha256}",
                env!("CARGO_PKG_VERSION"),
                env!("ATTACHE_SOURCE_HASH")
            ),
            used: HashSet::new(),
        })
    }

    /// The key of a document with id `source_id` read from bytes hashing to `content`.
    pub fn key(&self, source_id: &str, content: &str) -> String {
        let mut h = Sha256::new();
        for part in [self.salt.as_str(), source_id, content] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        format!("{:x}", h.finalize())
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    pub fn load(&mut self, key: &str) -> Option<DocOutcome> {
        let bytes = fs::read(self.path(key)).ok()?;
        let outcome = serde_json::from_slice(&bytes).ok()?;
        self.used.insert(key.to_string());
        Some(outcome)
    }

    /// Stores an outcome; a failure to store only costs recomputation later.
    pub fn store(&mut self, key: &str, outcome: &DocOutcome) {
        self.used.insert(key.to_string());
        let Ok(bytes) = serde_json::to_vec(outcome) else {
            return;
        };
        let tmp = self.dir.join(format!(".{key}.tmp-{}", std::process::id()));
        if fs::write(&tmp, bytes).is_ok() {
            let _ = fs::rename(&tmp, self.path(key));
        }
    }

    /// Removes the entries this run did not use (documents removed or changed since), and
    /// temporary files a killed run left.
    pub fn prune(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let keep = name
                .strip_suffix(".json")
                .is_some_and(|key| self.used.contains(key));
            if !keep {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
