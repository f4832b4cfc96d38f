//! The team's annotation guidelines (SPEC §11): `GUIDELINES.md` at the corpus root, or the path
//! (relative to the corpus root) given as `guidelines: "docs/guide.md"` in `glosser.ron`; shown
//! from the TUI's help overlay. Read through `fsio` like every corpus file (regular files only,
//! nothing outside the corpus, at most [`LIMIT`] bytes).

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

/// The guidelines' file name at the corpus root.
pub const GUIDELINES_FILE: &str = "GUIDELINES.md";
/// The largest guidelines file read.
pub const LIMIT: u64 = 1 << 20;

/// Why there are no guidelines to show: one sentence for the help overlay.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct GuidelinesError(pub String);

impl From<String> for GuidelinesError {
    fn from(why: String) -> Self {
        Self(why)
    }
}

impl From<&str> for GuidelinesError {
    fn from(why: &str) -> Self {
        Self(why.to_owned())
    }
}

/// The part of `glosser.ron` this module reads (labels are `crate::labels`' business).
#[derive(Deserialize)]
struct CorpusConfig {
    #[serde(default)]
    guidelines: Option<String>,
}

/// Where the guidelines are: `glosser.ron`'s `guidelines` path (relative, inside the corpus),
/// else `GUIDELINES.md` at the root.
fn location(root: &Path) -> Result<PathBuf, GuidelinesError> {
    let config = root.join(crate::labels::CORPUS_CONFIG_FILE);
    let configured = crate::fsio::read_in_corpus(root, &config, crate::labels::CORPUS_CONFIG_LIMIT)
        .and_then(|bytes| crate::fsio::into_text(&config, bytes))
        .ok()
        .and_then(|source| {
            crate::fsio::ron_options()
                .from_str::<CorpusConfig>(&source)
                .ok()
        })
        .and_then(|c| c.guidelines);
    match configured {
        None => Ok(root.join(GUIDELINES_FILE)),
        Some(rel) => {
            let path = Path::new(&rel);
            if path
                .components()
                .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
            {
                Ok(root.join(path))
            } else {
                Err(format!(
                    "guidelines: {rel:?} in glosser.ron must be a path inside the corpus, relative to its root"
                ).into())
            }
        }
    }
}

/// The guidelines' text, or a sentence saying why there is none to show.
pub fn load(root: &Path) -> Result<String, GuidelinesError> {
    let path = location(root)?;
    match crate::fsio::read_in_corpus(root, &path, LIMIT)
        .and_then(|bytes| crate::fsio::into_text(&path, bytes))
    {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()),
        Err(e) if e.is_not_found() => Err(format!(
            "no guidelines: put the team's guidelines in {GUIDELINES_FILE} at the corpus root (or name a file with guidelines: in glosser.ron); {} is missing",
            crate::fsio::display_path(&path)
        ).into()),
        Err(e) => Err(format!("guidelines: {e}").into()),
    }
}

#[cfg(test)]
mod tests;
