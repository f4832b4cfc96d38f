//! Classifying annotation-file errors (file broken, disk full, permission denied, …) and turning
//! `fsio` refusals into them.

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
            Self::Read { source, .. } | Self::Write { source, .. } => match source.kind() {
                std::io::ErrorKind::NotFound => StoreErrorKind::NotFound,
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    StoreErrorKind::NoSpace
                }
                std::io::ErrorKind::PermissionDenied => StoreErrorKind::PermissionDenied,
                std::io::ErrorKind::ReadOnlyFilesystem => StoreErrorKind::ReadOnly,
                std::io::ErrorKind::InvalidData => StoreErrorKind::Broken,
                _ => StoreErrorKind::Other,
            },
        }
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
