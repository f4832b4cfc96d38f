//! The offset index of a [`super::Document`]: the byte and UTF-16 offsets of every 64th char.
//! A document builds it for its first chars when it loads (what a first screen needs) and for the
//! whole text on first use of an offset past them, or on another thread (`Document::prefetch`).

/// Characters between two checkpoints.
pub const CHECKPOINT_EVERY: usize = 64;

/// Chars indexed when a document loads; the rest waits for the first offset past them.
pub const HEAD_CHARS: usize = 1 << 18;

/// Checkpoints of a prefix of the text (or all of it).
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Byte offset of every `CHECKPOINT_EVERY`-th char (index `i` holds char `i * CHECKPOINT_EVERY`).
    pub byte_at: Vec<usize>,
    /// UTF-16 offset of the same checkpoints.
    pub utf16_at: Vec<usize>,
    /// Whether the checkpoints reach the end of the text.
    pub complete: bool,
}

impl Index {
    /// Checkpoints for the chars up to `limit` (every checkpoint when `limit` is past the end).
    pub fn build(text: &str, limit: usize) -> Self {
        let capacity = text.len().min(limit.saturating_mul(4)) / CHECKPOINT_EVERY + 1;
        let mut byte_at = Vec::with_capacity(capacity);
        let mut utf16_at = Vec::with_capacity(capacity);
        let mut utf16 = 0;
        let mut chars = 0;
        for (byte, ch) in text.char_indices() {
            if chars % CHECKPOINT_EVERY == 0 {
                if chars > limit {
                    return Self {
                        byte_at,
                        utf16_at,
                        complete: false,
                    };
                }
                byte_at.push(byte);
                utf16_at.push(utf16);
            }
            chars += 1;
            utf16 += ch.len_utf16();
        }
        if chars % CHECKPOINT_EVERY == 0 {
            byte_at.push(text.len());
            utf16_at.push(utf16);
        }
        Self {
            byte_at,
            utf16_at,
            complete: true,
        }
    }

    /// Whether char offset `c` can be found from these checkpoints.
    pub(crate) fn has_char(&self, c: usize) -> bool {
        self.complete || c / CHECKPOINT_EVERY < self.byte_at.len()
    }

    /// Whether byte offset `b` can be found from these checkpoints.
    pub(crate) fn has_byte(&self, b: usize) -> bool {
        self.complete || self.byte_at.last().is_some_and(|&last| b <= last)
    }

    /// Whether UTF-16 offset `u` can be found from these checkpoints.
    pub(crate) fn has_utf16(&self, u: usize) -> bool {
        self.complete || self.utf16_at.last().is_some_and(|&last| u <= last)
    }
}

/// Chars in a UTF-8 string: the bytes that start one (a loop the compiler vectorises).
pub(crate) fn count_chars(text: &str) -> usize {
    text.as_bytes()
        .iter()
        .filter(|&&b| b.cast_signed() >= -0x40)
        .count()
}
