//! What each document's suggestions were made from: `.glosser-suggest/NAME.json` in the corpus
//! (a hidden folder, so never a document), `{"documents": {ID: {"text_sha256", "input"}}}`,
//! where `input` is a digest of the suggester's input for that document (the pattern file, the
//! learned model, the command line). A re-run skips documents whose entry still matches.

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
}

/// The state of one suggester.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
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
