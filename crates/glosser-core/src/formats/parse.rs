//! Readers for the importable formats: each turns another tool's file into [`Record`]s (or a
//! message naming the line, task or file that could not be read) and an import [`Report`] of
//! what it could not keep. One submodule per tool; the formats of `glosser-uima` and
//! `glosser-readers` come in through their neutral model (`neutral`).

pub mod brat;
pub mod doccano;
mod field;
pub mod format;
pub mod jsonl;
pub mod label_studio;
mod neutral;
pub mod prodigy;
mod sniff;
pub mod stream;
mod uima;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Offsets;
use super::import::{Record, Report, Unit};
use super::schema::Schema;

pub use brat::brat_record;
pub use format::ImportFormat;
pub use glosser_readers::Scheme;

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
    /// The tag scheme of CoNLL and Hugging Face rows (`None`: detected, and said).
    pub scheme: Option<glosser_readers::Scheme>,
    /// The CoNLL column of the tags, from 0 (`None`: the last).
    pub tag_column: Option<usize>,
    /// The names of Hugging Face integer tags (a `ClassLabel`'s names).
    pub label_names: Vec<String>,
    /// The type system of UIMA CAS XMI files (`None`: a `TypeSystem.xml` beside each file).
    pub typesystem: Option<PathBuf>,
    /// Only spans of these layers (UIMA types, GATE sets, tag columns…); every layer when empty.
    pub layers: Vec<String>,
}

/// What a reader made of its input.
#[derive(Debug, Default)]
pub struct Parsed {
    /// One entry per document per annotator, or why a line/task/file could not be read.
    pub records: Vec<Result<Record, crate::formats::Rejected>>,
    /// What was read but not turned into records (rejected answers, cancelled annotations…).
    pub report: Report,
    /// What was read under an assumption or recognised (the text rebuilt from tokens, the tag
    /// scheme detected, a JSON-MIN file read as such): said, nothing lost.
    pub notices: Vec<String>,
    /// The labels and link types the input declares (brat's `annotation.conf`, a tagtog legend,
    /// INCEpTION's tagsets, `ClassLabel` names), for `--add-labels`.
    pub schema: Schema,
}

/// Reads an import source: a file, or a directory (brat, tagtog, and files of the UIMA formats
/// and GATE).
pub fn read(format: ImportFormat, input: &Path, options: &Options) -> Result<Parsed, ReadError> {
    match format {
        ImportFormat::Brat => return suggested(format, input, brat::read_dir(input)),
        ImportFormat::Xmi | ImportFormat::UimaJson | ImportFormat::WebAnno => {
            let read = uima::read(format, input, options).map(|read| from_neutral(read, options));
            return suggested(format, input, read);
        }
        ImportFormat::Tagtog => {
            return Ok(from_neutral(field::read(format, input, options)?, options));
        }
        ImportFormat::Gate if input.is_dir() => {
            return Ok(from_neutral(field::read(format, input, options)?, options));
        }
        _ => {}
    }
    if input.is_dir() {
        return Err(ReadError::Shape(format!(
            "{}: is a directory; {format} is imported from a file",
            input.display()
        )));
    }
    let text = std::fs::read_to_string(input).map_err(|source| ReadError::Io {
        path: input.display().to_string(),
        source,
    })?;
    let file = input.display().to_string();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Label Studio's JSON-MIN export given as its full export is read as what it is.
    let (format, recognised) = match sniff::json_min_as_label_studio(format, text) {
        Some(min) => (
            min,
            Some(format!(
                "{file}: Label Studio's JSON-MIN export, read as --format {min}"
            )),
        ),
        None => (format, None),
    };
    if let Some(refused) = sniff::unread_keys(format, text, &file)
        .or_else(|| sniff::another_format_as_conll(format, text, &file))
    {
        return Ok(Parsed {
            records: vec![Err(refused)],
            ..Parsed::default()
        });
    }
    let mut parsed = match format {
        ImportFormat::Jsonl
        | ImportFormat::Doccano
        | ImportFormat::LabelStudio
        | ImportFormat::Prodigy => read_str(format, text, options)
            .map_err(|e| sniff::suggest_on_error(e, text, &file, format))?,
        _ => from_neutral(
            vec![field::from_text(format, input, text, options)],
            options,
        ),
    };
    parsed.notices.splice(0..0, recognised);
    sniff::suggest_when_nothing_read(&mut parsed, text, &file, format);
    Ok(parsed)
}

/// A file read as `format` that gave nothing, or failed, with the format its content points to.
fn suggested(
    format: ImportFormat,
    input: &Path,
    read: Result<Parsed, ReadError>,
) -> Result<Parsed, ReadError> {
    let nothing = match &read {
        Ok(parsed) => !parsed.records.is_empty() && parsed.records.iter().all(Result::is_err),
        Err(_) => true,
    };
    if !nothing || input.is_dir() {
        return read;
    }
    let Ok(bytes) = std::fs::read(input) else {
        return read;
    };
    let text = String::from_utf8_lossy(&bytes);
    let file = input.display().to_string();
    match read {
        Ok(mut parsed) => {
            sniff::suggest_when_nothing_read(&mut parsed, &text, &file, format);
            Ok(parsed)
        }
        Err(error) => Err(sniff::suggest_on_error(error, &text, &file, format)),
    }
}

/// Reads an import source already in memory: glosser's jsonl, doccano, Label Studio (full
/// export) and Prodigy.
pub fn read_str(format: ImportFormat, text: &str, options: &Options) -> Result<Parsed, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        ImportFormat::LabelStudio => label_studio::read(text),
        ImportFormat::Prodigy => Ok(prodigy::read(text)),
        ImportFormat::Doccano => Ok(doccano::read(text, options)),
        ImportFormat::Jsonl => Ok(Parsed {
            records: each_line(text, jsonl::record),
            ..Parsed::default()
        }),
        _ => Err(ReadError::Shape(format!(
            "{format} is read from a file or directory, not from text"
        ))),
    }
}

/// One input file of a neutral-model reader: its documents, what it passed over for the file as
/// a whole, what it declares — or why it could not be read.
pub(crate) struct NeutralInput {
    /// The file as messages name it, relative to the input.
    pub origin: String,
    /// What document ids are made from when a document names none.
    pub stem: String,
    pub documents: Vec<glosser_interchange::Document>,
    pub skipped: Vec<glosser_interchange::Skipped>,
    pub schema: Schema,
    pub failed: Option<String>,
}

impl NeutralInput {
    pub(crate) fn new(origin: String, stem: String) -> Self {
        Self {
            origin,
            stem,
            documents: Vec::new(),
            skipped: Vec::new(),
            schema: Schema::default(),
            failed: None,
        }
    }
}

/// The records of neutral-model inputs, with what their readers passed over and assumed.
fn from_neutral(inputs: Vec<NeutralInput>, options: &Options) -> Parsed {
    let mut parsed = Parsed::default();
    let mut assumed = neutral::Assumptions::default();
    for input in inputs {
        if let Some(why) = input.failed {
            parsed
                .records
                .push(Err(format!("{}: {why}", input.origin).into()));
            continue;
        }
        for skipped in &input.skipped {
            neutral::note_skipped(skipped, &input.origin, &mut parsed.report, &mut assumed);
        }
        // With --layers, only the labels the chosen spans use come in (noted from the records).
        if options.layers.is_empty() {
            parsed.schema.merge(input.schema);
        }
        let naming = neutral::Naming {
            origin: &input.origin,
            stem: &input.stem,
            count: input.documents.len(),
            layers: &options.layers,
        };
        for (index, document) in input.documents.into_iter().enumerate() {
            neutral::records(document, index, &naming, &mut parsed, &mut assumed);
        }
    }
    parsed.notices = assumed.lines();
    parsed
}

/// The names of Hugging Face integer tags (`--label-names`): a `dataset_info.json` (the
/// `ClassLabel` of its `ner_tags`, else of its only tag column) or a JSON list of names.
pub fn hf_label_names(path: &Path) -> Result<Vec<String>, crate::formats::Rejected> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if let Ok(names) = serde_json::from_str::<Vec<String>>(text) {
        return Ok(names);
    }
    ["ner_tags", "ner", "tags", "labels"]
        .iter()
        .find_map(|column| glosser_readers::hf::label_names(text, column).ok())
        .ok_or_else(|| {
            format!(
                "{}: neither a JSON list of tag names nor a dataset_info.json with a ClassLabel tag column",
                path.display()
            )
            .into()
        })
}

/// `file` relative to `root`, with `/` separators.
pub(crate) fn relative(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
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
