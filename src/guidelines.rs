//! The team's annotation guidelines (SPEC §11): `GUIDELINES.md` at the corpus root, shown from
//! the TUI's help overlay. Read through `fsio` like every corpus file (regular files only, no
//! link out of the corpus, at most [`LIMIT`] bytes).

use std::path::Path;

/// The guidelines' file name at the corpus root.
pub const GUIDELINES_FILE: &str = "GUIDELINES.md";
/// The largest guidelines file read.
pub const LIMIT: u64 = 1 << 20;

/// The guidelines' text, or a sentence saying why there is none to show.
pub fn load(root: &Path) -> Result<String, String> {
    let path = root.join(GUIDELINES_FILE);
    match crate::fsio::read_in_corpus(root, &path, LIMIT)
        .and_then(|bytes| crate::fsio::into_text(&path, bytes))
    {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()),
        Err(e) if e.is_not_found() => Err(format!(
            "no guidelines: put the team's guidelines in {GUIDELINES_FILE} at the corpus root"
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
}
