//! Opening a document a slice first (issue 14), so that the first frame of a 5 MB article costs
//! what a 50 KB one does: [`Document::open`] reads and validates only the first
//! [`FIRST_SLICE`] bytes (cut back to a char boundary) and hands them over as a document of their
//! own, for drawing; a thread reads the rest from the same open file and builds the whole
//! document exactly as [`Document::load`] would, then its offset index and hash.
//!
//! The first slice is for drawing only: nothing may be saved, stamped, re-anchored or searched
//! against it. Its owner waits for the whole document ([`Rest::wait`], a few ms for 5 MB) before
//! anything else. A file that turns out not to be UTF-8, over the size limit or unreadable past
//! the first slice ends in the error [`Document::load`] gives; a file that changed on disk
//! between the two reads (size, times or inode) is read again whole, and says so.
//! No memory map: a file truncated under it (a `git pull`) would kill glosser with SIGBUS.

use std::fs::{File, Metadata};
use std::io::{self, Read as _};
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use super::{Document, DocumentError, MAX_DOCUMENT_BYTES};

/// Bytes read, validated, counted and indexed before the first frame: a few 200×60 screens
/// even of CJK text, and about what a 50 KB article costs to load whole.
pub const FIRST_SLICE: usize = 64 * 1024;

/// A document being opened.
#[derive(Debug)]
pub enum Opening {
    /// The whole document: it fit in the first slice, or was read whole to name its error.
    Whole(Document),
    /// The text of the first slice (for drawing only) and the rest on its way.
    Partial { head: Document, rest: Rest },
}

/// The rest of the document: the open file and the bytes read so far until [`Rest::start`],
/// then the thread reading it.
#[derive(Debug)]
pub struct Rest {
    path: PathBuf,
    pending: Option<(File, Vec<u8>, Stamp)>,
    receiver: Option<Receiver<Loaded>>,
}

/// The outcome of opening a document.
#[derive(Debug)]
pub struct Loaded {
    /// What [`Document::load`] gives for the file.
    pub doc: Result<Document, DocumentError>,
    /// The file changed on disk between the first slice and the rest: `doc` is the file as it
    /// is now, read again whole, and the first slice may not be a prefix of it.
    pub changed: bool,
}

impl Opening {
    /// Waits for the whole document.
    pub fn finish(self) -> Loaded {
        match self {
            Self::Whole(doc) => Loaded {
                doc: Ok(doc),
                changed: false,
            },
            Self::Partial { rest, .. } => rest.wait(),
        }
    }
}

impl Rest {
    /// Starts reading the rest on a thread (once), which then builds the document, its offset
    /// index and its hash. The caller starts it when its own reads are done, so that the thread
    /// does not compete with them; [`Rest::wait`] starts it if nobody has.
    pub fn start(&mut self) {
        let Some((file, bytes, before)) = self.pending.take() else {
            return;
        };
        let (sender, receiver) = mpsc::channel();
        let path = self.path.clone();
        let spawned = std::thread::Builder::new()
            .name("glosser-load".into())
            .spawn(move || {
                let loaded = load_rest(file, bytes, &path, before);
                let doc = loaded.doc.as_ref().ok().cloned();
                if sender.send(loaded).is_ok()
                    && let Some(doc) = doc
                {
                    doc.fill_caches();
                }
            });
        if spawned.is_err() {
            // No thread: the file and the bytes went with the closure; read the file again
            // whole here (what a whole open gives; the first slice may not be its prefix).
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(Loaded {
                doc: Document::load(&self.path),
                changed: true,
            });
            self.receiver = Some(receiver);
            return;
        }
        self.receiver = Some(receiver);
    }

    /// Waits for the whole document (the hash and index go on being built on the thread).
    pub fn wait(mut self) -> Loaded {
        self.start();
        let loaded = self.receiver.take().and_then(|r| r.recv().ok());
        loaded.unwrap_or_else(|| Loaded {
            doc: Err(DocumentError::Io {
                path: self.path,
                source: io::Error::other("the thread reading the file stopped"),
            }),
            changed: false,
        })
    }
}

impl Document {
    /// Opens a document the way the TUI does: its first `first` bytes now, the rest on a thread
    /// (see the module) once [`Rest::start`]ed. Errors found in the first slice, and any that
    /// need the whole file to be named exactly (invalid UTF-8 in the first slice), come back at
    /// once, as [`Document::load`] gives them; a whole document needs [`Document::prefetch`]
    /// for its hash.
    pub fn open(path: &Path, first: usize) -> Result<Opening, DocumentError> {
        Ok(match start(path, first)? {
            Started::Whole(doc) => Opening::Whole(doc),
            Started::Partial {
                head,
                file,
                bytes,
                before,
            } => Opening::Partial {
                head,
                rest: Rest {
                    path: path.to_owned(),
                    pending: Some((file, bytes, before)),
                    receiver: None,
                },
            },
        })
    }
}

/// What [`Document::open`] does on the caller's thread.
#[derive(Debug)]
pub(super) enum Started {
    Whole(Document),
    /// The first slice as a document, and what the loading thread takes: the open file (read
    /// up to the end of `bytes`), the bytes read, and the file's stamp before reading them.
    Partial {
        head: Document,
        file: File,
        bytes: Vec<u8>,
        before: Stamp,
    },
}

/// Opens the file and reads its first `first` bytes: the whole document when they are all of
/// it, or when the whole file is needed to name an error exactly.
pub(super) fn start(path: &Path, first: usize) -> Result<Started, DocumentError> {
    let mut file = crate::fsio::open_in_folder(path)?;
    let meta = file.metadata().map_err(io_error(path))?;
    if meta.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let over_limit = MAX_DOCUMENT_BYTES + 1;
    let first = u64::try_from(first).unwrap_or(u64::MAX);
    let want = if meta.len() > first {
        first
    } else {
        over_limit
    };
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::by_ref(&mut file)
        .take(want)
        .read_to_end(&mut bytes)
        .map_err(io_error(path))?;
    if (bytes.len() as u64) < want || want == over_limit {
        // The end of the file (or past the limit, which `from_bytes` names).
        return Document::from_bytes(path, bytes).map(Started::Whole);
    }
    let Some((text, bom)) = head_text(&bytes) else {
        // Invalid UTF-8 in the first slice, or nothing but a BOM: read on to name it exactly.
        let bytes = read_rest(&mut file, bytes, path)?;
        return Document::from_bytes(path, bytes).map(Started::Whole);
    };
    Ok(Started::Partial {
        head: Document::with_text(text, bom),
        file,
        bytes,
        before: Stamp::of(&meta),
    })
}

/// The text of a first slice cut back to a char boundary, BOM dropped (and whether there was
/// one); `None` when the slice holds invalid UTF-8 or no text.
fn head_text(bytes: &[u8]) -> Option<(String, bool)> {
    let valid = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Only the last char is cut: the rest of it comes with the next read.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    let text = valid.strip_prefix('\u{feff}');
    let bom = text.is_some();
    let text = text.unwrap_or(valid);
    (!text.is_empty()).then(|| (text.to_owned(), bom))
}

/// Reads the rest of the file after `bytes`, refusing it past the size limit.
fn read_rest(file: &mut File, mut bytes: Vec<u8>, path: &Path) -> Result<Vec<u8>, DocumentError> {
    let left = (MAX_DOCUMENT_BYTES + 1).saturating_sub(bytes.len() as u64);
    file.take(left)
        .read_to_end(&mut bytes)
        .map_err(io_error(path))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The loading thread: the rest of the file, checked against what it was when the first slice
/// was read; a change means reading it again whole.
pub(super) fn load_rest(mut file: File, bytes: Vec<u8>, path: &Path, before: Stamp) -> Loaded {
    let read = read_rest(&mut file, bytes, path);
    let same_length = read.as_ref().map_or(true, |b| b.len() as u64 == before.len);
    let unchanged = same_length
        && file.metadata().ok().map(|m| Stamp::of(&m)) == Some(before)
        && std::fs::metadata(path).ok().map(|m| Stamp::of(&m)) == Some(before);
    if !unchanged {
        return Loaded {
            doc: Document::load(path),
            changed: true,
        };
    }
    Loaded {
        doc: read.and_then(|bytes| Document::from_bytes(path, bytes)),
        changed: false,
    }
}

/// What tells a file changed: its size, modification and status-change times, and which file
/// it is (a file replaced by a rename is another inode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    inode: (u64, u64),
}

impl Stamp {
    fn of(meta: &Metadata) -> Self {
        Self {
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
            inode: (meta.dev(), meta.ino()),
        }
    }
}

fn io_error(path: &Path) -> impl Fn(io::Error) -> DocumentError + '_ {
    move |source| DocumentError::Io {
        path: path.to_owned(),
        source,
    }
}
