//! Documents as glosser reads them, and exact conversions between char, byte and UTF-16 offsets.
//!
//! Offsets in glosser's files count Unicode scalar values (Rust `char`). A [`Document`] keeps a
//! sparse index of checkpoints so that converting an offset costs a short walk, not a scan of a
//! 5 MB article.

pub mod bounds;
mod index;
mod progressive;

pub use progressive::{FIRST_SLICE, Loaded, Opening, Rest};

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use sha2::{Digest, Sha256};
use unicode_segmentation::GraphemeCursor;

/// Largest document glosser will open.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

use index::{CHECKPOINT_EVERY, HEAD_CHARS, Index};

/// Why a file cannot be annotated.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("{}: cannot read the file: {source}", crate::fsio::display_path(path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: not valid UTF-8 (first bad byte at byte {offset}); re-save it as UTF-8 to annotate it",
        crate::fsio::display_path(path)
    )]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error(
        "{}: the file is empty; there is nothing to annotate",
        crate::fsio::display_path(path)
    )]
    Empty { path: PathBuf },
    /// `size` is the file's size, or the bytes read before giving up (the limit plus one).
    #[error(
        "{}: larger than the 64 MiB limit; split the article to annotate it",
        crate::fsio::display_path(path)
    )]
    TooLarge { path: PathBuf, size: u64 },
    /// Not a regular file, or a symlink out of its folder or corpus.
    #[error(transparent)]
    Refused(crate::fsio::FsError),
}

impl From<crate::fsio::FsError> for DocumentError {
    fn from(e: crate::fsio::FsError) -> Self {
        match e {
            crate::fsio::FsError::Io { path, source } => Self::Io { path, source },
            crate::fsio::FsError::TooLarge { path, size, .. } => Self::TooLarge { path, size },
            other => Self::Refused(other),
        }
    }
}

impl DocumentError {
    /// The reason alone, without the path, for lists that already show the path.
    pub fn reason(&self) -> String {
        match self {
            Self::Io { source, .. } => format!("cannot read: {source}"),
            Self::NotUtf8 { offset, .. } => format!("not valid UTF-8 (byte {offset})"),
            Self::Empty { .. } => "empty file".to_owned(),
            Self::TooLarge { .. } => "over the 64 MiB limit".to_owned(),
            Self::Refused(e) => e.reason(),
        }
    }
}

/// The text of one article with its offset index and the hash of its bytes on disk.
///
/// The hash is computed on first use (or by [`Document::prefetch`] on another thread):
/// only saving, restamping and checking need it, and it costs a pass over the whole text.
#[derive(Clone)]
pub struct Document {
    text: Arc<String>,
    /// Whether the file on disk started with a byte order mark (dropped from `text`, hashed).
    bom: bool,
    sha256: Arc<OnceLock<String>>,
    char_len: usize,
    /// The offset index of the first [`HEAD_CHARS`] chars, built on load.
    head: Arc<Index>,
    /// The whole offset index, built on first use past `head` (or by [`Self::prefetch`]).
    full: Arc<OnceLock<Index>>,
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document")
            .field("chars", &self.char_len)
            .field("sha256", &self.sha256.get())
            .finish_non_exhaustive()
    }
}

impl Document {
    /// Reads a document from disk following SPEC §1: UTF-8, BOM dropped, nothing else changed.
    pub fn load(path: &Path) -> Result<Self, DocumentError> {
        Self::from_bytes(path, read_capped(path)?)
    }

    /// Checks that a file could be opened as a document without building one (no hash, no index).
    pub(crate) fn check_file(path: &Path) -> Result<(), DocumentError> {
        let bytes = read_capped(path)?;
        let text = std::str::from_utf8(&bytes).map_err(|e| DocumentError::NotUtf8 {
            path: path.to_owned(),
            offset: e.valid_up_to(),
        })?;
        if text.strip_prefix('\u{feff}').unwrap_or(text).is_empty() {
            return Err(DocumentError::Empty {
                path: path.to_owned(),
            });
        }
        Ok(())
    }

    /// Builds a document from the bytes of a file; `path` only names the file in errors.
    pub(crate) fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, DocumentError> {
        if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TooLarge {
                path: path.to_owned(),
                size: bytes.len() as u64,
            });
        }
        let mut text = String::from_utf8(bytes).map_err(|e| DocumentError::NotUtf8 {
            path: path.to_owned(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        let bom = text.starts_with('\u{feff}');
        if bom {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if text.is_empty() {
            return Err(DocumentError::Empty {
                path: path.to_owned(),
            });
        }
        Ok(Self::with_text(text, bom))
    }

    /// A document from text already in memory (the hash is of the text's UTF-8 bytes).
    pub fn from_text(text: impl Into<String>) -> Self {
        Self::with_text(text.into(), false)
    }

    fn with_text(text: String, bom: bool) -> Self {
        let head = Index::build(&text, HEAD_CHARS);
        let char_len = index::count_chars(&text);
        Self {
            text: Arc::new(text),
            bom,
            sha256: Arc::default(),
            char_len,
            head: Arc::new(head),
            full: Arc::default(),
        }
    }

    /// The checkpoints to use for char offset `c`.
    fn index_for_char(&self, c: usize) -> &Index {
        if self.head.has_char(c) {
            &self.head
        } else {
            self.full()
        }
    }

    /// The whole index, built now if no other thread has.
    fn full(&self) -> &Index {
        self.full
            .get_or_init(|| Index::build(&self.text, usize::MAX))
    }

    /// Whether the file began with a byte order mark (dropped from [`Self::text`], hashed).
    pub(crate) fn has_bom(&self) -> bool {
        self.bom
    }

    /// The whole text (BOM dropped).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Hex SHA-256 of the file's bytes as read from disk (byte order mark included), computed
    /// on first use; a hash being computed by [`Self::prefetch`] is waited for.
    pub fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| hash_text(self.bom, &self.text))
    }

    /// Whether [`Self::sha256`] would return at once.
    pub fn sha256_ready(&self) -> bool {
        self.sha256.get().is_some()
    }

    /// Starts building the whole offset index and computing the hash on another thread, so
    /// that offsets far into the text and [`Self::sha256`] find them ready. Costs nothing when
    /// both are already there.
    pub fn prefetch(&self) {
        let need_index = !self.head.complete && self.full.get().is_none();
        if self.sha256.get().is_some() && !need_index {
            return;
        }
        let doc = self.clone();
        let spawned = std::thread::Builder::new()
            .name("glosser-prefetch".into())
            .spawn(move || doc.fill_caches());
        // Without a thread the hash is simply computed on first use.
        drop(spawned);
    }

    /// Builds the whole offset index and the hash on this thread (what [`Self::prefetch`] runs).
    fn fill_caches(&self) {
        if !self.head.complete {
            self.full();
        }
        self.sha256();
    }

    /// Length in chars (Unicode scalar values).
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Length in UTF-16 code units.
    #[cfg(test)]
    pub(crate) fn utf16_len(&self) -> usize {
        self.char_to_utf16(self.char_len)
    }

    /// Byte offset of char offset `c`; offsets past the end clamp to the end.
    pub fn char_to_byte(&self, c: usize) -> usize {
        let c = c.min(self.char_len);
        let checkpoint = c / CHECKPOINT_EVERY;
        let base = self.index_for_char(c).byte_at[checkpoint];
        let rest = c - checkpoint * CHECKPOINT_EVERY;
        base + self.text[base..]
            .chars()
            .take(rest)
            .map(char::len_utf8)
            .sum::<usize>()
    }

    /// Char offset of byte offset `b`, or `None` when `b` is past the end or inside a char.
    pub fn byte_to_char(&self, b: usize) -> Option<usize> {
        if b > self.text.len() || !self.text.is_char_boundary(b) {
            return None;
        }
        let index = if self.head.has_byte(b) {
            &*self.head
        } else {
            self.full()
        };
        let checkpoint = index.byte_at.partition_point(|&x| x <= b) - 1;
        let base = index.byte_at[checkpoint];
        Some(checkpoint * CHECKPOINT_EVERY + self.text[base..b].chars().count())
    }

    /// UTF-16 offset of char offset `c` (clamped to the end).
    pub(crate) fn char_to_utf16(&self, c: usize) -> usize {
        let c = c.min(self.char_len);
        let checkpoint = c / CHECKPOINT_EVERY;
        let rest = c - checkpoint * CHECKPOINT_EVERY;
        let index = self.index_for_char(c);
        index.utf16_at[checkpoint]
            + self.text[index.byte_at[checkpoint]..]
                .chars()
                .take(rest)
                .map(char::len_utf16)
                .sum::<usize>()
    }

    /// Char offset of UTF-16 offset `u`, or `None` when `u` is past the end or splits a surrogate pair.
    pub(crate) fn utf16_to_char(&self, u: usize) -> Option<usize> {
        let index = if self.head.has_utf16(u) {
            &*self.head
        } else {
            self.full()
        };
        let checkpoint = index.utf16_at.partition_point(|&x| x <= u).checked_sub(1)?;
        let mut at = index.utf16_at[checkpoint];
        let mut c = checkpoint * CHECKPOINT_EVERY;
        for ch in self.text[index.byte_at[checkpoint]..].chars() {
            if at >= u {
                break;
            }
            at += ch.len_utf16();
            c += 1;
        }
        (at == u).then_some(c)
    }

    /// The text between two char offsets (clamped to the text).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (s, e) = (self.char_to_byte(start), self.char_to_byte(end));
        &self.text[s..e.max(s)]
    }

    /// The char at offset `c`, if any.
    pub fn char_at(&self, c: usize) -> Option<char> {
        if c >= self.char_len {
            return None;
        }
        self.text[self.char_to_byte(c)..].chars().next()
    }

    /// Whether char offset `c` falls between two grapheme clusters (0 and the end always do).
    pub fn is_grapheme_boundary(&self, c: usize) -> bool {
        if c > self.char_len {
            return false;
        }
        let byte = self.char_to_byte(c);
        let mut cursor = GraphemeCursor::new(byte, self.text.len(), true);
        cursor.is_boundary(&self.text, 0).unwrap_or(false)
    }

    /// The start of the grapheme cluster after the one at `c` (the end stays the end).
    pub fn next_grapheme(&self, c: usize) -> usize {
        let byte = self.char_to_byte(c);
        let mut cursor = GraphemeCursor::new(byte, self.text.len(), true);
        match cursor.next_boundary(&self.text, 0) {
            Ok(Some(b)) => self.byte_to_char(b).unwrap_or(self.char_len),
            _ => self.char_len,
        }
    }

    /// The start of the grapheme cluster before `c` (0 stays 0).
    pub fn prev_grapheme(&self, c: usize) -> usize {
        let byte = self.char_to_byte(c);
        let mut cursor = GraphemeCursor::new(byte, self.text.len(), true);
        match cursor.prev_boundary(&self.text, 0) {
            Ok(Some(b)) => self.byte_to_char(b).unwrap_or(0),
            _ => 0,
        }
    }

    /// `c` moved back to the nearest grapheme boundary at or before it.
    pub fn grapheme_floor(&self, c: usize) -> usize {
        let c = c.min(self.char_len);
        if self.is_grapheme_boundary(c) {
            c
        } else {
            self.prev_grapheme(c)
        }
    }

    /// `c` moved forward to the nearest grapheme boundary at or after it.
    pub fn grapheme_ceil(&self, c: usize) -> usize {
        let c = c.min(self.char_len);
        if self.is_grapheme_boundary(c) {
            c
        } else {
            self.next_grapheme(c)
        }
    }
}

/// A file's bytes, refusing files over the size limit before reading them.
/// A regular file (never a FIFO or device, never waited on) of at most 64 MiB, counted by
/// reading; a symlink only if it stays in the document's folder.
fn read_capped(path: &Path) -> Result<Vec<u8>, DocumentError> {
    Ok(crate::fsio::read_capped(path, MAX_DOCUMENT_BYTES)?)
}

/// Hex SHA-256 of a file's bytes given as its text and whether a byte order mark preceded it.
fn hash_text(bom: bool, text: &str) -> String {
    let mut hasher = Sha256::new();
    if bom {
        hasher.update("\u{feff}".as_bytes());
    }
    hasher.update(text.as_bytes());
    hex(&hasher.finalize())
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(64);
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[cfg(test)]
mod tests;
