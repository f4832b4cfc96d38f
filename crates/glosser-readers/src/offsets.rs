//! Turning the offsets other tools count into code points: UTF-16 code units (Java and
//! JavaScript: GATE's `"j"` offsets, tagtog, Label Studio in some versions) or code points, and
//! telling them apart by the text an annotation says it covers.

/// The unit a file counts its offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Unicode code points (Python `str` indices).
    CodePoint,
    /// UTF-16 code units (Java and JavaScript string indices).
    Utf16,
    /// Code points, or UTF-16 when that is what makes the annotation's own text match.
    CodePointOrUtf16,
}

/// Why an offset pair could not be turned into code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetProblem {
    /// The offset falls between the two halves of a UTF-16 surrogate pair.
    SplitsCharacter { code_point: usize },
    /// The offset is past the end of the text (its length given in the file's unit).
    PastEnd { offset: usize, length: usize },
    /// The end comes before the start.
    Reversed { start: usize, end: usize },
    /// The annotation names a text that is not at its offsets, counted either way.
    TextMismatch { expected: String, found: String },
}

impl std::fmt::Display for OffsetProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OffsetProblem::SplitsCharacter { code_point } => write!(
                f,
                "an offset falls inside character {code_point} (between the halves of a UTF-16 surrogate pair)"
            ),
            OffsetProblem::PastEnd { offset, length } => {
                write!(f, "offset {offset} is past the end of the text ({length})")
            }
            OffsetProblem::Reversed { start, end } => {
                write!(f, "the end {end} comes before the start {start}")
            }
            OffsetProblem::TextMismatch { expected, found } => write!(
                f,
                "the annotation's text {expected:?} is not at its offsets (found {found:?}, counting code points or UTF-16)"
            ),
        }
    }
}

/// Offsets resolved into code points, and the unit that made them match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub start: usize,
    pub end: usize,
    pub unit: Unit,
}

/// One text, indexed for converting offsets and slicing by code points.
#[derive(Debug, Clone)]
pub struct TextIndex<'a> {
    text: &'a str,
    /// `bytes[i]` is where code point `i` starts in bytes; the last entry is the length.
    bytes: Vec<usize>,
    /// `utf16[i]` is where code point `i` starts in UTF-16 units; the last entry is the length.
    utf16: Vec<usize>,
}

impl<'a> TextIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        let mut utf16 = Vec::with_capacity(text.len() + 1);
        let mut unit = 0;
        for (byte, ch) in text.char_indices() {
            bytes.push(byte);
            utf16.push(unit);
            unit += ch.len_utf16();
        }
        bytes.push(text.len());
        utf16.push(unit);
        Self { text, bytes, utf16 }
    }

    /// The text's length in code points.
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text between two code point offsets (`None` when outside or reversed).
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        Some(&self.text[*self.bytes.get(start)?..*self.bytes.get(end)?])
    }

    /// The code point offset of `offset` counted in UTF-16 units.
    pub fn from_utf16(&self, offset: usize) -> Result<usize, OffsetProblem> {
        match self.utf16.binary_search(&offset) {
            Ok(code_point) => Ok(code_point),
            Err(after) if after < self.utf16.len() => Err(OffsetProblem::SplitsCharacter {
                code_point: after - 1,
            }),
            Err(_) => Err(OffsetProblem::PastEnd {
                offset,
                length: self.utf16.last().copied().unwrap_or(0),
            }),
        }
    }

    /// The UTF-16 offset of a code point offset (`None` past the end).
    pub fn to_utf16(&self, code_point: usize) -> Option<usize> {
        self.utf16.get(code_point).copied()
    }

    /// Turns a pair of offsets counted in `unit` into code points; `expected` is the text the
    /// annotation says it covers, which must be there when given.
    pub fn resolve(
        &self,
        start: usize,
        end: usize,
        unit: Unit,
        expected: Option<&str>,
    ) -> Result<Resolved, OffsetProblem> {
        if end < start {
            return Err(OffsetProblem::Reversed { start, end });
        }
        match unit {
            Unit::CodePoint => self.check(self.code_points(start, end)?, Unit::CodePoint, expected),
            Unit::Utf16 => {
                let (start, end) = (self.from_utf16(start)?, self.from_utf16(end)?);
                self.check((start, end), Unit::Utf16, expected)
            }
            Unit::CodePointOrUtf16 => {
                let as_code_points = self
                    .code_points(start, end)
                    .and_then(|pair| self.check(pair, Unit::CodePoint, expected));
                match as_code_points {
                    Ok(resolved) => Ok(resolved),
                    Err(first) if expected.is_some() => self
                        .resolve(start, end, Unit::Utf16, expected)
                        .map_err(|_| first),
                    Err(first) => Err(first),
                }
            }
        }
    }

    fn code_points(&self, start: usize, end: usize) -> Result<(usize, usize), OffsetProblem> {
        let length = self.len();
        if end > length {
            return Err(OffsetProblem::PastEnd {
                offset: end,
                length,
            });
        }
        Ok((start, end))
    }

    fn check(
        &self,
        (start, end): (usize, usize),
        unit: Unit,
        expected: Option<&str>,
    ) -> Result<Resolved, OffsetProblem> {
        if let Some(expected) = expected {
            let found = self.slice(start, end).unwrap_or_default();
            if found != expected {
                return Err(OffsetProblem::TextMismatch {
                    expected: expected.to_owned(),
                    found: found.to_owned(),
                });
            }
        }
        Ok(Resolved { start, end, unit })
    }
}

#[cfg(test)]
mod tests;
