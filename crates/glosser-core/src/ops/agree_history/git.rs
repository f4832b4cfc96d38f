//! The git plumbing behind `agree --history`: which commits (or tags) to visit, the corpus's
//! files at each (`git ls-tree`), and their bytes (`git cat-file --batch`), never touching the
//! work tree or the index.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::ops::error::refuse;

/// One point of the history: a commit, when it was made, and what names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    /// Committer date, ISO 8601.
    pub date: String,
    /// The subject line, or the tag's name.
    pub title: String,
}

/// A file of the corpus in a commit's tree: path relative to the corpus, and its blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub path: String,
    pub blob: String,
}

/// The corpus folder inside its repository.
pub(crate) struct Repo {
    dir: PathBuf,
}

fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir).stdin(Stdio::null());
    cmd
}

impl Repo {
    /// The repository holding `corpus`; refused when it is not in one.
    pub(crate) fn open(corpus: &Path) -> crate::ops::Result<Self> {
        let repo = Self {
            dir: corpus.to_owned(),
        };
        if repo.run(&["rev-parse", "--show-prefix"]).is_err() {
            refuse!(
                "{}: not inside a git repository; --history reads the corpus's git history (git init, commit the annotation files)",
                corpus.display()
            );
        }
        Ok(repo)
    }

    fn run(&self, args: &[&str]) -> crate::ops::Result<String> {
        let out = git(&self.dir).args(args).output().map_err(|e| {
            crate::ops::Error::Refused(format!(
                "{}: cannot run git ({e}); --history needs git on the PATH",
                self.dir.display()
            ))
        })?;
        if !out.status.success() {
            refuse!(
                "{}: git {} failed: {}",
                self.dir.display(),
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Commits of HEAD's history that changed an annotation file of the corpus, oldest first:
    /// the newest `last` of them (0: all) and how many older ones were left out.
    pub(crate) fn commits(&self, last: usize) -> crate::ops::Result<(Vec<Commit>, usize)> {
        if self.run(&["rev-parse", "--verify", "-q", "HEAD"]).is_err() {
            return Ok((Vec::new(), 0));
        }
        let (txt, md) = (":(glob)**/*.txt.*.ron", ":(glob)**/*.md.*.ron");
        let total: usize = self
            .run(&["rev-list", "--count", "HEAD", "--", txt, md])?
            .trim()
            .parse()
            .unwrap_or(0);
        let limit = if last == 0 { total } else { last.min(total) };
        let count = limit.to_string();
        let log = self.run(&[
            "log",
            "--format=%H%x09%cI%x09%s",
            "-n",
            &count,
            "HEAD",
            "--",
            txt,
            md,
        ])?;
        let mut commits: Vec<Commit> = log.lines().filter_map(parse_commit_line).collect();
        commits.reverse();
        let older = total.saturating_sub(commits.len());
        Ok((commits, older))
    }

    /// Tags, oldest first (by the date of what they point at): the newest `last` (0: all) and
    /// how many older ones were left out.
    pub(crate) fn tags(&self, last: usize) -> crate::ops::Result<(Vec<Commit>, usize)> {
        let refs = self.run(&[
            "for-each-ref",
            "--sort=creatordate",
            "--format=%(refname:short)",
            "refs/tags",
        ])?;
        let names: Vec<&str> = refs.lines().filter(|l| !l.is_empty()).collect();
        let skip = if last == 0 {
            0
        } else {
            names.len().saturating_sub(last)
        };
        let mut out = Vec::new();
        for name in &names[skip..] {
            let peeled = format!("{name}^{{commit}}");
            let line = self.run(&["log", "-1", "--format=%H%x09%cI%x09%s", &peeled])?;
            if let Some(mut commit) = line.lines().next().and_then(parse_commit_line) {
                (*name).clone_into(&mut commit.title);
                out.push(commit);
            }
        }
        Ok((out, skip))
    }

    /// The corpus's regular files in `commit`'s tree, paths relative to the corpus (hidden
    /// folders and files, and symlinks, left out as the corpus walk leaves them out).
    pub(crate) fn tree(&self, commit: &str) -> crate::ops::Result<Vec<Entry>> {
        let out = git(&self.dir)
            .args(["ls-tree", "-r", "-z", commit, "--", "."])
            .output()?;
        if !out.status.success() {
            refuse!(
                "{}: git ls-tree {commit} failed: {}",
                self.dir.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let mut entries = Vec::new();
        for record in out.stdout.split(|&b| b == 0).filter(|r| !r.is_empty()) {
            let record = String::from_utf8_lossy(record);
            let Some((meta, path)) = record.split_once('\t') else {
                continue;
            };
            let fields: Vec<&str> = meta.split_whitespace().collect();
            let [mode, "blob", blob] = fields.as_slice() else {
                continue;
            };
            let regular = *mode == "100644" || *mode == "100755";
            if regular && !path.split('/').any(|part| part.starts_with('.')) {
                entries.push(Entry {
                    path: path.to_owned(),
                    blob: (*blob).to_owned(),
                });
            }
        }
        Ok(entries)
    }

    /// The bytes of `blobs`, in order, through one `git cat-file --batch`.
    pub(crate) fn read(&self, blobs: &[String]) -> crate::ops::Result<Vec<Vec<u8>>> {
        if blobs.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = git(&self.dir)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            refuse!("{}: git cat-file gave no pipes", self.dir.display());
        };
        let input: String = blobs.iter().flat_map(|b| [b.as_str(), "\n"]).collect();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let mut reader = BufReader::new(stdout);
        let mut out = Vec::with_capacity(blobs.len());
        for blob in blobs {
            let mut header = String::new();
            reader.read_line(&mut header)?;
            let size: Option<usize> = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse().ok());
            let Some(size) = size.filter(|_| header.split_whitespace().nth(1) == Some("blob"))
            else {
                refuse!(
                    "{}: git cat-file could not read {blob}: {}",
                    self.dir.display(),
                    header.trim()
                );
            };
            let mut bytes = vec![0; size + 1];
            reader.read_exact(&mut bytes)?;
            bytes.pop();
            out.push(bytes);
        }
        drop(reader);
        let _ = writer.join();
        let _ = child.wait();
        Ok(out)
    }
}

fn parse_commit_line(line: &str) -> Option<Commit> {
    let mut fields = line.splitn(3, '\t');
    Some(Commit {
        id: fields.next()?.to_owned(),
        date: fields.next()?.to_owned(),
        title: fields.next().unwrap_or("").to_owned(),
    })
}
