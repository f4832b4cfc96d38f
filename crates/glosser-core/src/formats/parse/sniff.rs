//! No reader reads a file as nothing (SPEC §6): before a JSON input is read, every record is
//! searched for keys that look like annotations the chosen reader does not read (GATE's
//! `annotation_sets`, JSON-MIN regions, `entities` of another shape); a file that has some is
//! refused whole, its keys named, with the `--format` its content points to. A file none of whose
//! records could be read is told the format it looks like.

use serde_json::Value;

use super::format::{ImportFormat, describe};
use super::{Parsed, ReadError};
use crate::formats::Rejected;

/// `Some(label-studio-min)` when a file given as Label Studio's full export is its JSON-MIN
/// export (no `data`, regions under each `from_name`).
pub(crate) fn json_min_as_label_studio(format: ImportFormat, text: &str) -> Option<ImportFormat> {
    (format == ImportFormat::LabelStudio
        && detected(text, "") == Some(ImportFormat::LabelStudioMin))
    .then_some(ImportFormat::LabelStudioMin)
}

/// The format the content names, if glosser imports it.
fn detected(text: &str, name: &str) -> Option<ImportFormat> {
    glosser_readers::detect(text.as_bytes(), name).and_then(ImportFormat::from_detected)
}

/// The records of a JSON input: an array's elements, the object itself, or each JSON line
/// (only the first for glosser's jsonl, which is read strictly and streamed).
fn records(format: ImportFormat, text: &str) -> Vec<Value> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items,
        Ok(value) => vec![value],
        Err(_) => {
            let lines = text.lines().filter(|l| !l.trim().is_empty());
            let take = if format == ImportFormat::Jsonl {
                1
            } else {
                usize::MAX
            };
            lines
                .take(take)
                .filter_map(|line| serde_json::from_str(line).ok())
                .collect()
        }
    }
}

/// Why a JSON input is refused: keys that look like annotations that `format`'s reader does not
/// read, with how many records and annotations each holds.
pub(crate) fn unread_keys(format: ImportFormat, text: &str, file: &str) -> Option<Rejected> {
    if !format.is_json() {
        return None;
    }
    // key → (records, annotations, what it looks like)
    let mut found: Vec<(String, usize, usize, &'static str)> = Vec::new();
    for record in records(format, text) {
        for unread in glosser_readers::unread_annotation_keys(&record, format.detected()) {
            match found.iter_mut().find(|(key, ..)| *key == unread.key) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 += unread.count;
                }
                None => found.push((unread.key, 1, unread.count, unread.shape.describe())),
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let keys: Vec<String> = found
        .iter()
        .map(|(key, records, count, shape)| {
            format!(
                "`{key}` ({shape}: {count} annotation{} in {records} record{})",
                plural(*count),
                plural(*records)
            )
        })
        .collect();
    let looks = match detected(text, file) {
        Some(other) if other != format => format!(
            "; the file looks like {}: import it with --format {other}",
            describe(other.detected())
        ),
        _ => String::new(),
    };
    Some(Rejected(format!(
        "{file}: {} look{} like annotations that the {format} reader does not read, so nothing was imported from the file{looks}",
        keys.join(", "),
        if found.len() == 1 { "s" } else { "" }
    )))
}

/// Why a file given as CoNLL is refused: its first line names another format (a WebAnno TSV
/// header, an XMI or CAS JSON document), whose columns the CoNLL reader would take for tags.
pub(crate) fn another_format_as_conll(
    format: ImportFormat,
    text: &str,
    file: &str,
) -> Option<Rejected> {
    let other = detected(text, file)?;
    let named = matches!(
        other,
        ImportFormat::WebAnno | ImportFormat::Xmi | ImportFormat::UimaJson
    );
    (format == ImportFormat::Conll && named).then(|| {
        Rejected(format!(
            "{file}: the file looks like {}, not a CoNLL file, so nothing was imported from it: import it with --format {other}",
            describe(other.detected())
        ))
    })
}

/// A reading error, with the format the content points to.
pub(crate) fn suggest_on_error(
    error: ReadError,
    text: &str,
    file: &str,
    format: ImportFormat,
) -> ReadError {
    match (error, detected(text, file)) {
        (ReadError::Shape(why), Some(other)) if other != format => ReadError::Shape(format!(
            "{why}; the file looks like {}: import it with --format {other}",
            describe(other.detected())
        )),
        (error, _) => error,
    }
}

/// When no record of the input could be read, says which format its content points to.
pub(crate) fn suggest_when_nothing_read(
    parsed: &mut Parsed,
    text: &str,
    file: &str,
    format: ImportFormat,
) {
    let nothing = !parsed.records.is_empty() && parsed.records.iter().all(Result::is_err);
    if let (true, Some(other)) = (nothing, detected(text, file))
        && other != format
    {
        parsed.notices.push(format!(
            "{file}: no record could be read as {format}; the file looks like {}: import it with --format {other}",
            describe(other.detected())
        ));
    }
}

/// What the first line of a file given as glosser's jsonl looks like, when it is another format
/// (glosser's jsonl is read strictly: such lines are rejected one by one, each naming its keys).
pub(crate) fn jsonl_looks_like(input: &std::path::Path) -> Vec<String> {
    use std::io::BufRead as _;
    let Ok(file) = std::fs::File::open(input) else {
        return Vec::new();
    };
    let first = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .find(|line| !line.trim().is_empty());
    let name = input.display().to_string();
    match first.and_then(|line| detected(line.trim_start_matches('\u{feff}'), &name)) {
        Some(other) if other != ImportFormat::Jsonl => vec![format!(
            "{name}: the file looks like {}, not glosser's jsonl: import it with --format {other}",
            describe(other.detected())
        )],
        _ => Vec::new(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests;
