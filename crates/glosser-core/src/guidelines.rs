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

/// The part of `glosser.ron` this module reads (labels are `crate::labels`' business).
#[derive(Deserialize)]
struct CorpusConfig {
    #[serde(default)]
    guidelines: Option<String>,
}

/// Where the guidelines are: `glosser.ron`'s `guidelines` path (relative, inside the corpus),
/// else `GUIDELINES.md` at the root.
fn location(root: &Path) -> Result<PathBuf, String> {
    let config = root.join(crate::labels::CORPUS_CONFIG_FILE);
    let configured = crate::fsio::read_in_corpus(root, &config, crate::labels::CORPUS_CONFIG_LIMIT)
        .and_then(|bytes| crate::fsio::into_text(&config, bytes))
        .ok()
        .and_then(|source| {
            crate::store::ron_options()
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
                ))
            }
        }
    }
}

/// The guidelines' text, or a sentence saying why there is none to show.
pub fn load(root: &Path) -> Result<String, String> {
    let path = location(root)?;
    match crate::fsio::read_in_corpus(root, &path, LIMIT)
        .and_then(|bytes| crate::fsio::into_text(&path, bytes))
    {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()),
        Err(e) if e.is_not_found() => Err(format!(
            "no guidelines: put the team's guidelines in {GUIDELINES_FILE} at the corpus root (or name a file with guidelines: in glosser.ron); {} is missing",
            crate::fsio::display_path(&path)
        )),
        Err(e) => Err(format!("guidelines: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_file_or_says_where_it_goes() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let missing = load(tmp.path()).expect_err("none yet");
        assert!(missing.contains("GUIDELINES.md"), "{missing}");
        std::fs::write(
            tmp.path().join(GUIDELINES_FILE),
            "\u{feff}# Claims\nA claim is…\n",
        )
        .expect("write");
        assert_eq!(load(tmp.path()).expect("read"), "# Claims\nA claim is…\n");
        std::fs::remove_file(tmp.path().join(GUIDELINES_FILE)).expect("rm");
        std::os::unix::fs::symlink("/etc/passwd", tmp.path().join(GUIDELINES_FILE)).expect("link");
        assert!(
            load(tmp.path()).is_err(),
            "a link out of the corpus is refused"
        );
    }

    #[test]
    fn glosser_ron_can_name_another_file_inside_the_corpus() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let labels = r#"(labels: [(name: "claim", key: '1', color: "red", description: "A claim.")], guidelines: "docs/guide.md")"#;
        std::fs::write(tmp.path().join("glosser.ron"), labels).expect("write");
        let (set, warning) = crate::labels::LabelSet::for_corpus(tmp.path());
        assert!(warning.is_none(), "{warning:?}");
        assert_eq!(set.labels().len(), 1);
        let missing = load(tmp.path()).expect_err("not there yet");
        assert!(missing.contains("guide.md"), "{missing}");
        std::fs::create_dir(tmp.path().join("docs")).expect("mkdir");
        std::fs::write(tmp.path().join("docs/guide.md"), "Be kind.").expect("write");
        assert_eq!(load(tmp.path()).expect("read"), "Be kind.");
        let outside = labels.replace("docs/guide.md", "../etc/passwd");
        std::fs::write(tmp.path().join("glosser.ron"), outside).expect("write");
        let refused = load(tmp.path()).expect_err("outside");
        assert!(refused.contains("inside the corpus"), "{refused}");
    }
}
