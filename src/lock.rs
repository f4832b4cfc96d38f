//! Advisory locks: one glosser at a time edits one annotator's file of one document. The lock is
//! a hidden file beside the annotation file (`.NAME.txt.ANN.ron.lock`, skipped by corpus scans)
//! holding the holder's pid, host and start time; a lock whose process is gone is taken over.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A held lock, released when dropped.
#[derive(Debug)]
pub struct DocumentLock {
    path: PathBuf,
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("another glosser (pid {pid} on {host}, since {since}) is editing this file")]
    HeldBy {
        pid: u32,
        host: String,
        since: String,
    },
    #[error("{}: cannot create the lock file: {source}", path.display())]
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

fn host() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "unknown-host".to_owned())
}

/// Whether a process is alive on this machine.
fn alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists() || !Path::new("/proc/self").exists()
}

impl DocumentLock {
    /// Takes the lock of `annotation`'s file, taking over a stale one (same host, dead process).
    pub fn acquire(annotation: &Path) -> Result<Self, LockError> {
        let path = lock_path(annotation);
        for _ in 0..2 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    let since = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_secs());
                    let _ = writeln!(file, "{} {} {since}", std::process::id(), host());
                    return Ok(Self { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let content = std::fs::read_to_string(&path).unwrap_or_default();
                    let mut parts = content.split_whitespace();
                    let pid: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
                    let holder_host = parts.next().unwrap_or("").to_owned();
                    let since = parts.next().unwrap_or("?").to_owned();
                    let stale = pid == 0 || (holder_host == host() && !alive(pid));
                    if stale {
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                    return Err(LockError::HeldBy {
                        pid,
                        host: holder_host,
                        since: format!("{since} (Unix time)"),
                    });
                }
                Err(source) => return Err(LockError::Io { path, source }),
            }
        }
        Err(LockError::Io {
            path,
            source: std::io::Error::other("the stale lock could not be taken over"),
        })
    }
}

impl Drop for DocumentLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_release_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let ann = dir.path().join("a.txt.alice.ron");
        let lock = DocumentLock::acquire(&ann).unwrap();
        assert!(dir.path().join(".a.txt.alice.ron.lock").exists());
        let err = DocumentLock::acquire(&ann).unwrap_err().to_string();
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
        drop(lock);
        assert!(!dir.path().join(".a.txt.alice.ron.lock").exists());
        assert!(DocumentLock::acquire(&ann).is_ok());
    }

    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let ann = dir.path().join("a.txt.alice.ron");
        // pid 2^31 - 2 is not a running process.
        std::fs::write(lock_path(&ann), format!("2147483646 {} 0\n", host())).unwrap();
        assert!(DocumentLock::acquire(&ann).is_ok());
        // A lock from another machine is respected, whatever its pid.
        let other = dir.path().join("b.txt.alice.ron");
        std::fs::write(lock_path(&other), "2147483646 some-other-host 0\n").unwrap();
        assert!(matches!(
            DocumentLock::acquire(&other),
            Err(LockError::HeldBy { .. })
        ));
        // Garbage in the lock file is stale.
        let junk = dir.path().join("c.txt.alice.ron");
        std::fs::write(lock_path(&junk), "not a lock").unwrap();
        assert!(DocumentLock::acquire(&junk).is_ok());
    }
}
