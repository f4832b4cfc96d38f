//! Readers for the importable formats: each turns another tool's file into [`Record`]s (or a
//! message naming the line, task or file that could not be read) and an import [`Report`] of
//! what it could not keep. One submodule per tool.

pub mod brat;
pub mod doccano;
pub mod jsonl;
pub mod label_studio;
pub mod prodigy;
pub mod stream;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::import::{Record, Report, Unit};
use super::{Format, Offsets};

pub use brat::brat_record;

/// Reading an import source failed as a whole (a bad record is not this: it is one entry of
/// [`Parsed::records`]).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Shape(String),
}

/// How to read the input.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The unit of doccano offsets (`None`: UTF-16, doccano's own).
    pub offsets: Option<Offsets>,
    /// doccano label ids → names (from `--label-ids`).
    pub label_ids: BTreeMap<i64, String>,
}

/// What a reader made of its input.
#[derive(Debug, Default)]
pub struct Parsed {
    /// One entry per document per annotator, or why a line/task/file could not be read.
    pub records: Vec<Result<Record, crate::formats::Rejected>>,
    /// What was read but not turned into records (rejected answers, cancelled annotations…).
    pub report: Report,
}

/// Reads an import source: a file, or for brat a directory of `.txt` + `.ann` pairs.
pub fn read(format: Format, input: &Path, options: &Options) -> Result<Parsed, ReadError> {
    if format == Format::Brat {
        return brat::read_dir(input);
    }
    let text = std::fs::read_to_string(input).map_err(|source| ReadError::Io {
        path: input.display().to_string(),
        source,
    })?;
    read_str(format, &text, options)
}

/// Reads an import source already in memory (every format but brat, which is a directory).
pub fn read_str(format: Format, text: &str, options: &Options) -> Result<Parsed, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::LabelStudio => label_studio::read(text),
        Format::Prodigy => Ok(prodigy::read(text)),
        Format::Doccano => Ok(doccano::read(text, options)),
        Format::Jsonl => Ok(Parsed {
            records: each_line(text, jsonl::record),
            report: Report::default(),
        }),
        _ => Err(ReadError::Shape(format!(
            "glosser cannot import {format} from a file"
        ))),
    }
}

/// Applies `parse` to every non-blank line (numbered from 1), prefixing errors with the line.
pub(crate) fn each_line<T>(
    text: &str,
    parse: impl Fn(&str, usize) -> Result<T, crate::formats::Rejected>,
) -> Vec<Result<T, crate::formats::Rejected>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| parse(line, i + 1).map_err(|e| format!("line {}: {e}", i + 1).into()))
        .collect()
}

pub(crate) fn field_str(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

pub(crate) fn offset(v: Option<&Value>, what: &str) -> Result<usize, crate::formats::Rejected> {
    let v = v.unwrap_or(&Value::Null);
    v.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{what} {v} is not an offset").into())
}

/// A short stable tag of a text (first 8 hex digits of its SHA-256), to tell documents of
/// different projects with the same numeric id apart.
pub(crate) fn text_tag(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::text::sha256_hex(text.as_bytes())[..8].to_owned()
}

/// A valid annotator name made from a tool's user name or email (its local part): lower-cased,
/// other characters turned into `-`, cut to 32. `None` when nothing usable is left.
pub(crate) fn annotator_name(raw: &str) -> Option<String> {
    let local = raw.split('@').next().unwrap_or(raw);
    let mut name: String = local
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = name.trim_start_matches(['-', '_']).len();
    name.drain(..name.len() - trimmed);
    name.truncate(32);
    let name = name.trim_end_matches('-').to_owned();
    crate::store::is_valid_annotator(&name).then_some(name)
}

/// The unit of doccano offsets for `--offsets`.
pub(crate) fn doccano_unit(offsets: Option<Offsets>) -> Unit {
    match offsets {
        None | Some(Offsets::Utf16) => Unit::Utf16,
        Some(Offsets::Codepoint) => Unit::Codepoint,
        Some(Offsets::Grapheme) => Unit::Grapheme,
    }
}

#[cfg(test)]
mod tests;
