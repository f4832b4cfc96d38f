//! A response cache in a folder the caller chooses (e.g. inside the corpus, committed with it):
//! one JSON file per (model, prompt hash, text hash), written atomically, so a re-run asks the
//! model nothing and a teammate sees the same answers.
//!
//! Layout: `ROOT/<model-slug>-<8 hex of the model's SHA-256>/<prompt hash>/<text SHA-256>.json`.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::client::Parameters;
use crate::hash::sha256_hex;

/// The version of the entry format written in every file.
pub const ENTRY_FORMAT: u32 = 1;

/// What names one cached answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CacheKey {
    pub model: String,
    pub prompt_hash: String,
    pub text_sha256: String,
}

/// One cached answer and what produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CacheEntry {
    pub format: u32,
    pub model: String,
    pub prompt_hash: String,
    pub text_sha256: String,
    pub parameters: Parameters,
    /// The model's message content, exactly as received.
    pub answer: String,
    /// The model name the server reported, when it said one.
    #[serde(default)]
    pub answered_by: Option<String>,
}

impl CacheEntry {
    pub fn key(&self) -> CacheKey {
        CacheKey {
            model: self.model.clone(),
            prompt_hash: self.prompt_hash.clone(),
            text_sha256: self.text_sha256.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CacheError {
    #[error("cache entry {path} is damaged ({detail}); delete it and the model is asked again")]
    Corrupt { path: String, detail: String },
    #[error("cannot read cache entry {path}: {detail}")]
    Read { path: String, detail: String },
    #[error("cannot write cache entry {path}: {detail}")]
    Write { path: String, detail: String },
    #[error("cache key part {part:?} is not a 64-digit lowercase hex SHA-256: {value:?}")]
    BadKey { part: &'static str, value: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseCache {
    root: PathBuf,
}

impl ResponseCache {
    /// A cache under `root`; the folder is created on the first write.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the entry for `key` lives.
    pub fn path_of(&self, key: &CacheKey) -> Result<PathBuf, CacheError> {
        check_hex("prompt_hash", &key.prompt_hash)?;
        check_hex("text_sha256", &key.text_sha256)?;
        Ok(self
            .root
            .join(model_folder(&key.model))
            .join(&key.prompt_hash)
            .join(format!("{}.json", key.text_sha256)))
    }

    /// The entry for `key`, or `None` when there is none.
    pub fn get(&self, key: &CacheKey) -> Result<Option<CacheEntry>, CacheError> {
        let path = self.path_of(key)?;
        let shown = path.display().to_string();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(CacheError::Read {
                    path: shown,
                    detail: e.to_string(),
                });
            }
        };
        let entry: CacheEntry =
            serde_json::from_slice(&bytes).map_err(|e| CacheError::Corrupt {
                path: shown.clone(),
                detail: e.to_string(),
            })?;
        if entry.format != ENTRY_FORMAT {
            return Err(CacheError::Corrupt {
                path: shown,
                detail: format!("format {} where {ENTRY_FORMAT} was expected", entry.format),
            });
        }
        if entry.key() != *key {
            return Err(CacheError::Corrupt {
                path: shown,
                detail: "its model, prompt hash or text hash is not the one its path names".into(),
            });
        }
        Ok(Some(entry))
    }

    /// Writes `entry` atomically (a temp file in the same folder, synced, renamed over).
    pub fn put(&self, entry: &CacheEntry) -> Result<PathBuf, CacheError> {
        let path = self.path_of(&entry.key())?;
        let shown = path.display().to_string();
        let failed = |detail: String| CacheError::Write {
            path: shown.clone(),
            detail,
        };
        let dir = path
            .parent()
            .ok_or_else(|| failed("no parent folder".into()))?;
        std::fs::create_dir_all(dir).map_err(|e| failed(e.to_string()))?;
        let mut json = serde_json::to_string_pretty(entry).map_err(|e| failed(e.to_string()))?;
        json.push('\n');
        let mut temp = tempfile::Builder::new()
            .prefix(".glosser-cache-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| failed(e.to_string()))?;
        temp.write_all(json.as_bytes())
            .and_then(|()| temp.as_file().sync_all())
            .map_err(|e| failed(e.to_string()))?;
        temp.persist(&path)
            .map_err(|e| failed(e.error.to_string()))?;
        if let Ok(folder) = std::fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(path)
    }
}

/// A folder name for a model: its safe characters, then 8 hex digits of its SHA-256 so two
/// names that differ only in unsafe characters (`a:b`, `a/b`) never share a folder.
pub fn model_folder(model: &str) -> String {
    let slug: String = model
        .chars()
        .take(80)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let slug = slug.trim_start_matches('.');
    format!("{slug}-{}", &sha256_hex(model.as_bytes())[..8])
}

fn check_hex(part: &'static str, value: &str) -> Result<(), CacheError> {
    if value.len() == 64
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        Ok(())
    } else {
        Err(CacheError::BadKey {
            part,
            value: value.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests;
