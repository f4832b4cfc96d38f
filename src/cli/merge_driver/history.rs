//! Finding the article text a merge will end with. Git runs the driver before it updates the
//! work tree, so when only *their* side edited the article, the article beside `%P` is still
//! our old text. Their version is then looked up in git by its hash (`text_sha256`): among the
//! recent versions of the article in every ref (remote branches, the stash, the branch being
//! picked or rebased).

use std::path::Path;
use std::process::{Command, Stdio};

use crate::text::Document;

/// How many versions of the article are looked at, newest first.
const MAX_VERSIONS: &str = "200";

fn git(args: &[&str]) -> Option<Vec<u8>> {
    let out = Command::new("git")
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout)
}

/// The version of the article at `article` (relative to the top of the work tree, where git
/// runs drivers) whose SHA-256 is `sha256`, if git has it.
pub fn find_text(article: &Path, sha256: &str) -> Option<Document> {
    let path = article.to_str()?;
    let commits = git(&["rev-list", "--all", "-n", MAX_VERSIONS, "--", path])?;
    let commits = String::from_utf8(commits).ok()?;
    commits.lines().find_map(|commit| {
        let bytes = git(&["show", &format!("{commit}:{path}")])?;
        (crate::text::sha256_hex(&bytes) == sha256)
            .then(|| Document::from_bytes(article, bytes).ok())
            .flatten()
    })
}
