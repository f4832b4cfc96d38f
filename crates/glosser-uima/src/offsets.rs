//! Converting between code points and the offsets other tools count: UTF-16 code units (Java,
//! and so UIMA, INCEpTION and WebAnno TSV), UTF-8 bytes, or code points.

/// The unit a file counts its offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OffsetEncoding {
    /// UTF-16 code units: Java `String` indices, UIMA's default.
    #[default]
    Utf16,
    /// UTF-8 bytes.
    Utf8,
    /// Unicode code points (UIMA JSON calls this UTF-32).
    CodePoint,
}

impl OffsetEncoding {
    /// How many units `ch` counts for.
    pub fn width(self, ch: char) -> usize {
        match self {
            OffsetEncoding::Utf16 => ch.len_utf16(),
            OffsetEncoding::Utf8 => ch.len_utf8(),
            OffsetEncoding::CodePoint => 1,
        }
    }

    /// The name UIMA CAS JSON uses in `%HEADER.offset-encoding`.
    pub fn json_name(self) -> &'static str {
        match self {
            OffsetEncoding::Utf16 => "UTF-16",
            OffsetEncoding::Utf8 => "UTF-8",
            OffsetEncoding::CodePoint => "UTF-32",
        }
    }

    /// Parses a UIMA CAS JSON encoding name (case-insensitive; `codepoint` is accepted too).
    pub fn from_json_name(name: &str) -> Option<Self> {
        match name.to_ascii_uppercase().replace(['_', ' '], "-").as_str() {
            "UTF-16" | "UTF16" => Some(OffsetEncoding::Utf16),
            "UTF-8" | "UTF8" => Some(OffsetEncoding::Utf8),
            "UTF-32" | "UTF32" | "CODEPOINT" | "CODEPOINTS" | "CODE-POINT" | "CODE-POINTS" => {
                Some(OffsetEncoding::CodePoint)
            }
            _ => None,
        }
    }
}

/// Why an offset could not be turned into a code point offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetProblem {
    /// The offset falls inside a character: between the two halves of a UTF-16 surrogate pair,
    /// or inside a UTF-8 sequence.
    SplitsCharacter { code_point: usize },
    /// The offset is past the end of the text.
    PastEnd { length: usize },
}

impl std::fmt::Display for OffsetProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OffsetProblem::SplitsCharacter { code_point } => write!(
                f,
                "falls inside character {code_point} (splits a surrogate pair or a multi-byte character)"
            ),
            OffsetProblem::PastEnd { length } => {
                write!(f, "is past the end of the text ({length} units)")
            }
        }
    }
}

/// Offsets of one text in one encoding, convertible to and from code points.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    encoding: OffsetEncoding,
    /// `starts[i]` is where code point `i` starts in units; the last entry is the length.
    starts: Vec<usize>,
}

impl OffsetMap {
    pub fn new(text: &str, encoding: OffsetEncoding) -> Self {
        let mut starts = Vec::with_capacity(text.len() + 1);
        let mut unit = 0;
        for ch in text.chars() {
            starts.push(unit);
            unit += encoding.width(ch);
        }
        starts.push(unit);
        Self { encoding, starts }
    }

    pub fn encoding(&self) -> OffsetEncoding {
        self.encoding
    }

    /// The text's length in units.
    pub fn len_units(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }

    /// The text's length in code points.
    pub fn len_code_points(&self) -> usize {
        self.starts.len() - 1
    }

    /// The code point offset of a unit offset.
    pub fn to_code_point(&self, unit: usize) -> Result<usize, OffsetProblem> {
        match self.starts.binary_search(&unit) {
            Ok(code_point) => Ok(code_point),
            Err(after) if after < self.starts.len() => Err(OffsetProblem::SplitsCharacter {
                code_point: after - 1,
            }),
            Err(_) => Err(OffsetProblem::PastEnd {
                length: self.len_units(),
            }),
        }
    }

    /// The unit offset of a code point offset (`None` past the end).
    pub fn to_unit(&self, code_point: usize) -> Option<usize> {
        self.starts.get(code_point).copied()
    }
}

#[cfg(test)]
mod tests;
