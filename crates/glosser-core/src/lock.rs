//! Advisory locks: one glosser at a time edits one annotator's file of one document. The lock is
//! a hidden file beside the annotation file (`.NAME.txt.ANN.ron.lock`, skipped by corpus scans)
//! holding the holder's pid, host, start time and a random token.
//!
//! A lock is created whole and atomically: its content goes to a temp file first, which is then
//! hard-linked to the lock name (`link` fails if the name exists), so no glosser ever sees an
//! empty or half-written lock and two glossers can never both take one. It is removed only by
//! its owner (same content), and a lock whose process is gone (`kill(pid, 0)`, no `/proc`
//! needed) is taken over; a lock from another host is respected and the message says which file
//! to delete if that glosser is gone.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The largest lock file glosser reads (a lock is one short line).
const LOCK_LIMIT: u64 = 4096;

/// A held lock, released when dropped.
#[derive(Debug)]
pub struct DocumentLock {
    path: PathBuf,
    /// What we wrote; the file is removed only while it still holds exactly this.
    content: String,
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another glosser (pid {pid} on {host}, since {since}) is editing this file; if it is no longer running, delete {}",
        crate::fsio::display_path(lock)
    )]
    HeldBy {
        pid: u32,
        host: String,
        since: String,
        /// The lock file, to delete by hand if its holder is gone.
        lock: PathBuf,
    },
    #[error(
        "{}: cannot create the lock file: {source}",
        crate::fsio::display_path(path)
    )]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The lock file of an annotation file.
pub fn lock_path(annotation: &Path) -> PathBuf {
    let name = annotation
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    annotation.with_file_name(format!(".{name}.lock"))
}

/// This machine's name (no spaces, so the lock line splits cleanly).
fn host() -> String {
    let uname = rustix::system::uname();
    let name: String = uname
        .nodename()
        .to_string_lossy()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if name.is_empty() {
        "unknown-host".to_owned()
    } else {
        name
    }
}

/// Whether process `pid` exists on this machine: `kill(pid, 0)` succeeds, or fails only for
/// lack of permission (another user's process).
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e != rustix::io::Errno::SRCH,
    }
}

fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A random token, so that two locks written in the same second by the same pid differ.
fn token() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}

/// A lock file's content: `PID HOST SINCE [TOKEN]`.
#[derive(Debug, PartialEq, Eq)]
struct Holder {
    pid: u32,
    host: String,
    since: Option<u64>,
}

fn parse_holder(content: &str) -> Option<Holder> {
    let mut parts = content.split_whitespace();
    let pid: u32 = parts.next()?.parse().ok().filter(|&p| p > 0)?;
    let host = parts.next()?.to_owned();
    let since = parts.next().and_then(|s| s.parse().ok());
    Some(Holder { pid, host, since })
}

/// `14:03 UTC` when `unix` is today (UTC) by `now`, else `2026-11-23 14:03 UTC`.
pub(crate) fn human_time(unix: u64, now: u64) -> String {
    let (day, secs) = (unix / 86_400, unix % 86_400);
    let clock = format!("{:02}:{:02} UTC", secs / 3600, secs % 3600 / 60);
    if day == now / 86_400 {
        return clock;
    }
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02} {clock}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

fn read_lock(path: &Path) -> Option<String> {
    crate::fsio::read_capped(path, LOCK_LIMIT)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
}

impl DocumentLock {
    /// Takes the lock of `annotation`'s file, taking over a stale one (same host, dead process,
    /// or not a lock at all).
    pub fn acquire(annotation: &Path) -> Result<Self, LockError> {
        let path = lock_path(annotation);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let me = host();
        let content = format!(
            "{} {me} {} {:016x}\n",
            std::process::id(),
            now_unix(),
            token()
        );
        // The content is written and synced under a temp name first; the link makes it the
        // lock in one step.
        let mut temp = crate::fsio::AtomicFile::create(&path).map_err(io)?;
        temp.write_all(content.as_bytes()).map_err(io)?;
        temp.file().sync_all().map_err(io)?;
        for _ in 0..3 {
            match std::fs::hard_link(temp.temp_path(), &path) {
                Ok(()) => return Ok(Self { path, content }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(e)),
            }
            let Some(existing) = read_lock(&path) else {
                // Vanished meanwhile (its owner quit): try again. Unreadable: not ours to judge.
                if path.exists() {
                    return Err(io(std::io::Error::other(
                        "the lock file exists but cannot be read; delete it if no glosser is running",
                    )));
                }
                continue;
            };
            match parse_holder(&existing) {
                Some(h) if h.host != me || alive(h.pid) => {
                    return Err(LockError::HeldBy {
                        pid: h.pid,
                        host: h.host,
                        since: h.since.map_or_else(
                            || "an unknown time".to_owned(),
                            |t| human_time(t, now_unix()),
                        ),
                        lock: path,
                    });
                }
                // Stale (its process is gone) or garbage: remove it if it still holds what we
                // judged, then try again.
                _ => {
                    if read_lock(&path).as_deref() == Some(existing.as_str()) {
                        let _ = std::fs::remove_file(&path);
                    }
                }
            }
        }
        Err(io(std::io::Error::other(
            "the stale lock could not be taken over",
        )))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DocumentLock {
    /// Removes the lock only if it is still ours: a lock someone else took over (after deleting
    /// ours by hand) is left alone.
    fn drop(&mut self) {
        if read_lock(&self.path).as_deref() == Some(self.content.as_str()) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests;
