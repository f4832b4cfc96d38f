//! Classifying annotation-file errors (file broken, disk full, permission denied, read-only file
//! system, …) — the one mapping from I/O errors every writer's messages come from — refusing
//! files that may not be replaced, and turning `fsio` refusals into errors.

use std::io::ErrorKind;
use std::path::Path;

use super::StoreError;

/// What kind of trouble a [`StoreError`] is, for callers that react differently to each (the
/// save pipeline: a broken file is never overwritten, a full disk or a permission problem goes to
/// the recovery folder with the reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreErrorKind {
    /// The file is there but not a usable annotation file (does not parse, wrong names, not
    /// UTF-8, too large, not a regular file, a symlink out of the corpus).
    Broken,
    /// The file does not exist.
    NotFound,
    /// The disk or the quota is full.
    NoSpace,
    /// No permission (the file or its folder), or the file is read-only.
    PermissionDenied,
    /// The file system is mounted read-only.
    ReadOnly,
    /// Any other I/O error.
    Other,
}

impl StoreError {
    /// Classifies the error: file broken, disk full, permission denied, read-only, other.
    pub fn kind(&self) -> StoreErrorKind {
        match self {
            Self::Parse { .. } | Self::Invalid { .. } => StoreErrorKind::Broken,
            Self::Read { source, .. } | Self::Write { source, .. } => classify_io(source),
        }
    }
}

/// What kind of trouble an I/O error on a corpus file is: the one mapping behind
/// [`StoreError::kind`] and `save::SaveError::from_io`, so every writer names a full disk, a
/// permission problem and a read-only file system (`EROFS`) the same way.
pub(crate) fn classify_io(source: &std::io::Error) -> StoreErrorKind {
    match source.kind() {
        ErrorKind::NotFound => StoreErrorKind::NotFound,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => StoreErrorKind::NoSpace,
        ErrorKind::PermissionDenied => StoreErrorKind::PermissionDenied,
        ErrorKind::ReadOnlyFilesystem => StoreErrorKind::ReadOnly,
        ErrorKind::InvalidData => StoreErrorKind::Broken,
        _ => StoreErrorKind::Other,
    }
}

/// Why the existing file at `path` may not be replaced, if it may not: a read-only file system
/// (`EROFS`, kept as such), no write permission bit at all (`chmod a-w`, 0444, refused even for
/// root), or the process may not write it (another owner). `None` for a missing file.
pub(crate) fn write_refusal(path: &Path) -> Option<std::io::Error> {
    use std::os::unix::fs::PermissionsExt as _;
    let meta = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)?;
    refusal(
        meta.permissions().mode(),
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK),
    )
}

/// [`write_refusal`] from a file's mode and what `access(W_OK)` said of it.
fn refusal(mode: u32, access: rustix::io::Result<()>) -> Option<std::io::Error> {
    match access {
        Err(e) if e == rustix::io::Errno::ROFS => Some(e.into()),
        _ if mode & 0o222 == 0 => Some(std::io::Error::new(
            ErrorKind::PermissionDenied,
            "the file is read-only; make it writable (chmod u+w) to change it",
        )),
        Err(e) => Some(e.into()),
        Ok(()) => None,
    }
}

/// Whether `path` exists and may not be replaced ([`write_refusal`]): the TUI opens such a file
/// read-only.
pub fn is_read_only(path: &Path) -> bool {
    write_refusal(path).is_some()
}

/// Refuses a file that may not be replaced ([`write_refusal`]) before anything is written: every
/// writer (`store::save`, `store::stage`, `glosser mv`) checks with this.
pub(crate) fn check_writable(path: &Path) -> Result<(), StoreError> {
    match write_refusal(path) {
        Some(source) => Err(StoreError::Write {
            path: path.to_owned(),
            source,
        }),
        None => Ok(()),
    }
}

impl From<crate::fsio::FsError> for StoreError {
    /// Refused files (not regular, a symlink out of the corpus, too large) are `Invalid`; I/O
    /// errors stay `Read` with their kind, so a missing file is still `NotFound`.
    fn from(e: crate::fsio::FsError) -> Self {
        match e {
            crate::fsio::FsError::Io { path, source } => Self::Read { path, source },
            other => Self::Invalid {
                path: other.path().to_owned(),
                message: other.reason(),
            },
        }
    }
}

#[cfg(test)]
mod tests;
