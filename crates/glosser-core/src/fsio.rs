//! Files as glosser touches them (SPEC §5, §8): regular files only, opened without blocking, size
//! capped by reading, symlinks never followed out of the corpus, new files created with the
//! umask's mode, and names from the corpus escaped before they are printed.
//!
//! Every reader of a corpus file (documents, annotation files, `glosser.ron`, `config.ron`, lock
//! files) goes through [`read_capped`] or [`read_in_corpus`]; every writer through
//! [`AtomicFile`] (or [`write_atomic`], built on it). The durable batch (`batch`) is the one other
//! way in: many temp files made durable by one `syncfs`, then renamed (import).

use std::fs::File;
use std::io::{self, Read as _, Write as _};
use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};

mod batch;
mod escape;
#[cfg(test)]
pub mod fault;
mod new_folders;
mod park;
pub use batch::Staged;
pub(crate) use batch::{make_durable, sync_dirs};
#[cfg(test)]
use escape::escape_controls;
pub use escape::{EscapeWriter, display_path, escape_lines, is_bidi_control, is_unsafe_char};
pub use new_folders::NewFolders;
pub(crate) use park::{park, unpark};

/// Why a file was not read; every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    /// A FIFO, device, socket or directory where a file was expected.
    #[error(
        "{}: {what}, not a regular file; glosser reads regular files only",
        display_path(path)
    )]
    NotRegular { path: PathBuf, what: &'static str },
    /// A symlink (or a path through one) that resolves outside the allowed folder.
    #[error(
        "{}: a symbolic link to {}, outside {}; glosser does not follow links out of the corpus",
        display_path(path),
        display_path(target),
        display_path(root)
    )]
    OutsideCorpus {
        path: PathBuf,
        target: PathBuf,
        root: PathBuf,
    },
    /// The file holds more than `limit` bytes: its size says so, or reading found one byte more
    /// (`size` is then `limit + 1`; metadata alone is never trusted to stop a read).
    #[error("{}: larger than the {} limit", display_path(path), human_bytes(*limit))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The operating system refused (missing file, permission, I/O error).
    #[error("{}: cannot read: {source}", display_path(path))]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl FsError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::NotRegular { path, .. }
            | Self::OutsideCorpus { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Io { path, .. } => path,
        }
    }

    /// The I/O error kind for [`FsError::Io`]; `None` for files refused on purpose.
    pub(crate) fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            Self::Io { source, .. } => Some(source.kind()),
            _ => None,
        }
    }

    /// Whether the file does not exist.
    pub(crate) fn is_not_found(&self) -> bool {
        self.io_kind() == Some(io::ErrorKind::NotFound)
    }

    /// The reason alone, without the path, for lists that already show the path.
    pub fn reason(&self) -> String {
        match self {
            Self::NotRegular { what, .. } => format!("{what}, not a regular file"),
            Self::OutsideCorpus { target, .. } => {
                format!(
                    "a symbolic link to {}, outside the corpus; not followed",
                    display_path(target)
                )
            }
            Self::TooLarge { limit, .. } => format!("over the {} limit", human_bytes(*limit)),
            Self::Io { source, .. } => format!("cannot read: {source}"),
        }
    }
}

/// `64 MiB`, `4 KiB`, `100 bytes`.
pub(crate) fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

fn io_error(path: &Path) -> impl Fn(io::Error) -> FsError + '_ {
    move |source| FsError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Opens `path` for reading without ever blocking (a FIFO with no writer returns at once) and
/// checks the opened handle (`fstat`, so nothing can be swapped in between): anything but a
/// regular file is refused.
pub(crate) fn open_regular(path: &Path) -> Result<File, FsError> {
    let nonblock = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(nonblock.bits().cast_signed())
        .open(path)
        .map_err(io_error(path))?;
    let kind = file.metadata().map_err(io_error(path))?.file_type();
    let what = if kind.is_file() {
        return Ok(file);
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    };
    Err(FsError::NotRegular {
        path: path.to_owned(),
        what,
    })
}

/// Reads at most `limit` bytes of an opened regular file; one byte more is an error. A file
/// whose size is already over the limit is refused unread.
fn read_limited(file: File, path: &Path, limit: u64) -> Result<Vec<u8>, FsError> {
    let size = file.metadata().map_or(0, |m| m.len());
    if size > limit {
        return Err(FsError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        });
    }
    let hint = size as usize;
    let mut bytes = Vec::with_capacity(hint);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error(path))?;
    if bytes.len() as u64 > limit {
        return Err(FsError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Reads a regular file of at most `limit` bytes wherever symlinks lead: for the user's own files
/// outside any corpus (`config.ron`, often a link into a dotfiles folder).
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, FsError> {
    read_limited(open_regular(path)?, path, limit)
}

/// Reads a regular file of at most `limit` bytes. If `path` is a symlink, it must resolve inside
/// the folder that holds it (an annotation file linking to `/etc/passwd` is refused); use
/// [`read_in_corpus`] when the corpus root is known.
pub(crate) fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, FsError> {
    read_limited(open_in_folder(path)?, path, limit)
}

/// Opens a regular file for reading (never a FIFO or device, never waited on); if `path` is a
/// symlink, it must resolve inside the folder that holds it. What [`read_capped`] reads from,
/// for readers that take a file in pieces.
pub(crate) fn open_in_folder(path: &Path) -> Result<File, FsError> {
    let is_link = std::fs::symlink_metadata(path)
        .map_err(io_error(path))?
        .file_type()
        .is_symlink();
    if is_link {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        check_inside(dir, path)?;
    }
    open_regular(path)
}

/// Reads a regular file of at most `limit` bytes that must resolve inside `root` (after
/// following every symlink on the way).
pub(crate) fn read_in_corpus(root: &Path, path: &Path, limit: u64) -> Result<Vec<u8>, FsError> {
    check_inside(root, path)?;
    read_limited(open_regular(path)?, path, limit)
}

/// Bytes read by one of the functions above as UTF-8 text (invalid UTF-8 is an `InvalidData`
/// I/O error naming the byte).
pub(crate) fn into_text(path: &Path, bytes: Vec<u8>) -> Result<String, FsError> {
    String::from_utf8(bytes).map_err(|e| FsError::Io {
        path: path.to_owned(),
        source: io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        ),
    })
}

/// Refuses `path` if, with every symlink followed, it is not inside `root`.
pub(crate) fn check_inside(root: &Path, path: &Path) -> Result<(), FsError> {
    let target = std::fs::canonicalize(path).map_err(io_error(path))?;
    let root_real = std::fs::canonicalize(root).map_err(io_error(root))?;
    if target.starts_with(&root_real) {
        Ok(())
    } else {
        Err(FsError::OutsideCorpus {
            path: path.to_owned(),
            target,
            root: root.to_owned(),
        })
    }
}

/// A file being written: a temp file beside `path` (created with mode 0666 minus the umask,
/// like `git` and `cp`, never 0600) that replaces `path` only on [`AtomicFile::commit`], after an
/// fsync; the directory is fsynced after the rename. An existing file keeps its mode. Dropped
/// without a commit, the temp file is removed and `path` is untouched.
#[derive(Debug)]
pub struct AtomicFile {
    file: File,
    temp: PathBuf,
    path: PathBuf,
}

impl AtomicFile {
    /// Creates the temp file in `path`'s directory.
    pub fn create(path: &Path) -> io::Result<Self> {
        let dir = parent_dir(path);
        let seed = temp_seed();
        for attempt in 0u64..64 {
            let temp = dir.join(temp_name(seed, attempt));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o666)
                .open(&temp)
            {
                Ok(file) => {
                    return Ok(Self {
                        file,
                        temp,
                        path: path.to_owned(),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "could not find a free temporary file name",
        ))
    }

    /// The open temp file, for writing.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// The open temp file, for a second handle (`try_clone`).
    pub(crate) fn file_ref(&self) -> &File {
        &self.file
    }

    /// The file this one will replace.
    pub fn target(&self) -> &Path {
        &self.path
    }

    /// Where the temp file is (removed on drop unless committed).
    pub(crate) fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Flushes, fsyncs and renames the temp file over `path`, then fsyncs the directory.
    pub fn commit(mut self) -> io::Result<()> {
        #[cfg(test)]
        fault::check(&self.path)?;
        self.file.flush()?;
        if let Ok(meta) = std::fs::metadata(&self.path) {
            self.file.set_permissions(meta.permissions())?;
        }
        self.file.sync_all()?;
        std::fs::rename(&self.temp, &self.path)?;
        self.temp = PathBuf::new();
        if let Ok(d) = File::open(parent_dir(&self.path)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl io::Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// A random start for [`temp_name`], different in every call and process.
fn temp_seed() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.finish()
}

/// The `attempt`th hidden temp name from `seed`: `.glosser-<16 hex digits>.tmp`, a name every
/// corpus walk skips.
fn temp_name(seed: u64, attempt: u64) -> String {
    format!(
        ".glosser-{:016x}.tmp",
        seed.wrapping_add(attempt.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    )
}

/// Whether `name` is one of [`temp_name`]'s: a save's temp file or an import's staging folder,
/// left behind only if glosser stopped before it was put in place or removed.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(".glosser-")
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` atomically with [`AtomicFile`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = AtomicFile::create(path)?;
    out.file().write_all(bytes)?;
    out.commit()
}

/// RON options shared by every glosser file: `Some` may be left out (`note: "x"`).
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(32)
}

#[cfg(test)]
mod tests;
