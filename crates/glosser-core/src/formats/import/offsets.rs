//! Offsets as other tools count them, turned into glosser's code points: UTF-16 code units
//! (doccano, JavaScript), grapheme clusters (doccano's grapheme mode), code points over text read
//! with universal newlines (brat, where CRLF is one character), and a leading BOM that the tool
//! counted but glosser drops (SPEC §1).

use unicode_segmentation::UnicodeSegmentation;

use crate::text::Document;

/// How a record's offsets are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Code points; UTF-16 accepted when that is what makes the span texts match.
    CodepointOrUtf16,
    /// UTF-16 code units (doccano's default, JavaScript string indices).
    Utf16,
    /// Code points only.
    Codepoint,
    /// Grapheme clusters (doccano projects in grapheme mode).
    Grapheme,
    /// Code points of the text read with universal newlines (brat: `\r\n` counts one).
    UniversalNewlines,
}

/// Maps one record's offsets into a document's code points.
pub struct Converter<'a> {
    doc: &'a Document,
    unit: Unit,
    /// The tool's text began with a BOM, which it counted as one unit.
    bom: bool,
    /// Grapheme mode: the code-point offset of every grapheme boundary.
    graphemes: Vec<usize>,
    /// Universal newlines: where each `\r\n` sits in the tool's offsets, in order.
    crlf: Vec<usize>,
}

impl<'a> Converter<'a> {
    /// A converter for offsets counted in `unit` over `tool_text` (the record's text, BOM and
    /// all), which must be `doc`'s text once its BOM is dropped.
    pub fn new(doc: &'a Document, unit: Unit, tool_text: &str) -> Self {
        let text = doc.text();
        let graphemes = if unit == Unit::Grapheme {
            let mut at = 0;
            let mut bounds = vec![0];
            for g in text.graphemes(true) {
                at += g.chars().count();
                bounds.push(at);
            }
            bounds
        } else {
            Vec::new()
        };
        let crlf = if unit == Unit::UniversalNewlines {
            let mut out = Vec::new();
            let mut prev_cr = false;
            for (i, c) in text.chars().enumerate() {
                if prev_cr && c == '\n' {
                    // The `\r` at i - 1, minus the `\n`s of the earlier pairs.
                    out.push(i - 1 - out.len());
                }
                prev_cr = c == '\r';
            }
            out
        } else {
            Vec::new()
        };
        Self {
            doc,
            unit,
            bom: tool_text.starts_with('\u{feff}'),
            graphemes,
            crlf,
        }
    }

    /// Whether the tool's text started with a BOM (its offsets are shifted by one).
    pub(crate) fn shifted_by_bom(&self) -> bool {
        self.bom
    }

    /// The code-point offset of `offset`, counted in `unit` (for [`Unit::CodepointOrUtf16`],
    /// callers pick one of its two), or `None` when it is past the end in UTF-16 or graphemes
    /// or inside a character. Code points past the end are returned for the span check.
    pub(crate) fn to_char(&self, offset: usize, unit: Unit) -> Option<usize> {
        let offset = if self.bom {
            offset.saturating_sub(1)
        } else {
            offset
        };
        // Code points past the end are left for the span check to name.
        Some(match unit {
            Unit::Codepoint | Unit::CodepointOrUtf16 => offset,
            Unit::Utf16 => self.doc.utf16_to_char(offset)?,
            Unit::Grapheme => *self.graphemes.get(offset)?,
            Unit::UniversalNewlines => offset + self.crlf.partition_point(|&q| q < offset),
        })
    }

    /// The unit the record declared.
    pub fn unit(&self) -> Unit {
        self.unit
    }
}

/// Converts glosser code points into brat's offsets (universal newlines: each `\r\n` before `c`
/// counts one), for export.
#[cfg(test)]
pub(crate) fn universal_newline_offset(text_before: &str) -> usize {
    let chars = text_before.chars().count();
    chars - text_before.matches("\r\n").count()
}

#[cfg(test)]
mod tests;
