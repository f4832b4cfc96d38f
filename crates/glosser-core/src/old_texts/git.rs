//! Old texts of an article from its git history: every version of the file in any commit
//! reachable from a ref, the reflog or a merge or rebase in progress (following renames), and
//! the index's stages, hashed until one has the wanted SHA-256. Git names blobs by SHA-1, so the
//! versions are read and hashed, newest first, at most [`MAX_VERSIONS`] of them.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::document_if;
use crate::text::Document;

/// Most versions of an article read from git for one lookup.
pub const MAX_VERSIONS: usize = 500;
/// Heads git writes while an operation is under way; their commits may be on no branch yet.
const SPECIAL_HEADS: [&str; 4] = ["MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD", "ORIG_HEAD"];

/// The git history of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitHistory {
    article: PathBuf,
}

impl GitHistory {
    pub fn new(article: &Path) -> Self {
        Self {
            article: article.to_owned(),
        }
    }

    /// The version of the article whose bytes hash to `sha256`, if git has one.
    pub fn find(&self, sha256: &str) -> Option<Document> {
        let dir = super::folder_of(&self.article);
        let name = self.article.file_name()?.to_str()?;
        let git_dir = run(&dir, &["rev-parse", "--absolute-git-dir"])?;
        let git_dir = PathBuf::from(git_dir.trim());
        let mut blobs = index_blobs(&dir, name);
        blobs.extend(history_blobs(&dir, &git_dir, name));
        let mut seen = std::collections::HashSet::new();
        blobs.retain(|b| seen.insert(b.clone()));
        blobs.truncate(MAX_VERSIONS);
        read_until(&dir, &blobs, sha256, &self.article)
    }
}

fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C")
        .arg(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Runs git in `dir`; its output when it succeeds.
fn run(dir: &Path, args: &[&str]) -> Option<String> {
    let out = git(dir).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The blobs of the article in the index (every stage, during a conflicted merge).
fn index_blobs(dir: &Path, name: &str) -> Vec<String> {
    run(dir, &["ls-files", "--stage", "--", name])
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_whitespace().nth(1).map(str::to_owned))
        .collect()
}

/// The blobs of the article in its history, newest first (both sides of every change).
fn history_blobs(dir: &Path, git_dir: &Path, name: &str) -> Vec<String> {
    let count = MAX_VERSIONS.to_string();
    let mut args = vec![
        "log",
        "--all",
        "--reflog",
        "--follow",
        "--format=",
        "--raw",
        "--no-abbrev",
        "-n",
        &count,
    ];
    args.extend(SPECIAL_HEADS.iter().filter(|h| git_dir.join(h).is_file()));
    args.extend(["--", name]);
    let log = run(dir, &args).unwrap_or_default();
    let mut blobs = Vec::new();
    for line in log.lines().filter(|l| l.starts_with(':')) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        for oid in [fields.get(3), fields.get(2)].into_iter().flatten() {
            if oid.bytes().any(|b| b != b'0') {
                blobs.push((*oid).to_owned());
            }
        }
    }
    blobs
}

/// Reads `blobs` with one `git cat-file --batch` and returns the first whose bytes hash to
/// `sha256`.
fn read_until(dir: &Path, blobs: &[String], sha256: &str, article: &Path) -> Option<Document> {
    if blobs.is_empty() {
        return None;
    }
    let mut child = git(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input: String = blobs.iter().flat_map(|b| [b.as_str(), "\n"]).collect();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = BufReader::new(child.stdout.take()?);
    let mut found = None;
    for _ in blobs {
        let mut header = String::new();
        if out.read_line(&mut header).ok()? == 0 {
            break;
        }
        let fields: Vec<&str> = header.split_whitespace().collect();
        let Some(size) = fields.get(2).and_then(|s| s.parse::<usize>().ok()) else {
            continue;
        };
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes).ok()?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline).ok()?;
        if fields.get(1) == Some(&"blob")
            && let Some(doc) = document_if(bytes, sha256, article)
        {
            found = Some(doc);
            break;
        }
    }
    drop(out);
    let _ = child.kill();
    let _ = child.wait();
    let _ = writer.join();
    found
}

#[cfg(test)]
mod tests;
