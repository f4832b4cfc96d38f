//! What each document's suggestions were made from: `.glosser-suggest/NAME.json` in the corpus
//! (a hidden folder, so never a document), `{"suggester": {...}, "documents": {ID:
//! {"text_sha256", "input", "model"?, "prompt_hash"?}}}`, where `input` is a digest of the
//! suggester's input for that document (the pattern file, the learned model, the command line,
//! the model and prompt hash). `suggester` says what the last run was (its kind; a model
//! server's model, prompt hash and base URL; the annotator a learner learned from). A re-run
//! skips documents whose entry still matches.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The state folder's name in the corpus root.
pub const DIR: &str = ".glosser-suggest";

/// The state file of suggester `name`.
pub fn path(root: &Path, name: &str) -> PathBuf {
    root.join(DIR).join(format!("{name}.json"))
}

/// What one document's suggestions were made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub text_sha256: String,
    pub input: String,
    /// The model that answered (`--llm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The hash of the prompt it was asked with (`--llm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_hash: Option<String>,
}

/// What suggester wrote the files, as of its last run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct About {
    /// `patterns`, `builtin quotes`, `learn`, `learn sentences`, `command`, `llm`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The annotator a learner learned from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
}

/// The state of one suggester.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggester: Option<About>,
    pub documents: BTreeMap<String, Entry>,
}

impl State {
    /// Reads the state; a missing file is an empty state, a broken one too (with a warning).
    pub fn load(root: &Path, name: &str) -> (Self, Option<String>) {
        let path = path(root, name);
        match crate::fsio::read_regular(&path, 64 * 1024 * 1024) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(state) => (state, None),
                Err(e) => (
                    Self::default(),
                    Some(format!(
                        "{}: {e}; every document is suggested again",
                        crate::fsio::display_path(&path)
                    )),
                ),
            },
            Err(e) if e.is_not_found() => (Self::default(), None),
            Err(e) => (
                Self::default(),
                Some(format!("{e}; every document is suggested again")),
            ),
        }
    }

    /// Writes the state atomically, creating the folder.
    pub fn save(&self, root: &Path, name: &str) -> std::io::Result<()> {
        let path = path(root, name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        crate::fsio::write_atomic(&path, text.as_bytes())
    }

    /// Whether document `id` was suggested from this text and input.
    pub(crate) fn is_current(&self, id: &str, text_sha256: &str, input: &str) -> bool {
        self.documents
            .get(id)
            .is_some_and(|e| e.text_sha256 == text_sha256 && e.input == input)
    }
}
