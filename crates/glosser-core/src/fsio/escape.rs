//! Names and messages from the corpus made safe to print: control, bidi and line-separator
//! characters are written visibly (`\x1b`, `\u{202e}`) so that a file name cannot drive the
//! terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// Characters that can drive or reorder a terminal: C0 and C1 controls, DEL, bidi controls and
/// the Unicode line and paragraph separators.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text from the corpus made safe to print: every [`is_unsafe_char`] is written visibly as
/// `\x1b` (ASCII) or `\u{202e}` (others); everything else, `\` included, is unchanged.
pub(crate) fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !is_unsafe_char(c) {
            out.push(c);
        } else if u32::from(c) < 0x80 {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        } else {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
    Cow::Owned(out)
}

/// Several lines made safe to print: like [`escape_controls`], but line breaks and tabs stay.
pub fn escape_lines(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_unsafe_char(c) && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(s);
    }
    let lines: Vec<String> = s
        .split('\n')
        .map(|line| {
            line.split('\t')
                .map(|part| escape_controls(part).into_owned())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect();
    Cow::Owned(lines.join("\n"))
}

/// A writer that escapes [`is_unsafe_char`]s (but not line breaks and tabs) in everything
/// written through it, a line at a time: for reports that print names from the corpus.
pub struct EscapeWriter<W: io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: io::Write> EscapeWriter<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_out(&mut self, upto: usize) -> io::Result<()> {
        let chunk: Vec<u8> = self.pending.drain(..upto).collect();
        let text = String::from_utf8_lossy(&chunk);
        self.inner.write_all(escape_lines(&text).as_bytes())
    }
}

impl<W: io::Write> io::Write for EscapeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if let Some(last) = self.pending.iter().rposition(|&b| b == b'\n') {
            self.write_out(last + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out(self.pending.len())?;
        self.inner.flush()
    }
}

impl<W: io::Write> Drop for EscapeWriter<W> {
    fn drop(&mut self) {
        let _ = io::Write::flush(self);
    }
}

/// A path made safe to print (lossy UTF-8, controls escaped).
pub fn display_path(path: &Path) -> String {
    escape_controls(&path.to_string_lossy()).into_owned()
}

/// Bidi embedding, override and isolate controls, which can reorder what a terminal shows.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
