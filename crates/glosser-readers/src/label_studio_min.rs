//! Label Studio's JSON-MIN export: one flat record per annotation, the task's data fields at
//! the top (`text`, …), each control's result under its `from_name` (`"label": [{"start",
//! "end", "text", "labels": […]}]`; a single choice or text area as a plain string), and
//! `id`, `annotator`, `annotation_id`, `created_at`, `updated_at`, `lead_time`, `agreement`.
//! Documents and annotators are named as glosser names those of the full export: the task's
//! `document`, else `label-studio-ID.txt`; a numeric user id `ls-ID`.
//!
//! Regions become spans of the layer named by their key, one per label; offsets are code
//! points, or UTF-16 when that is what makes the region's own `text` match. Keys that are not
//! text spans (choices, image regions, other data fields) are reported by name.

use serde_json::{Map, Value};

use crate::Corpus;
use crate::error::Error;
use crate::json::{as_text, offset, records};
use crate::model::{Document, Skipped, Span};
use crate::offsets::{TextIndex, Unit};
use crate::report::Tally;

/// How to read the export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The data field holding the text; `None` takes `text`, else the only string field.
    pub text_key: Option<String>,
}

/// Keys JSON-MIN adds to every record, read or deliberately passed over.
const BOOKKEEPING: [&str; 8] = [
    "id",
    "annotator",
    "annotation_id",
    "created_at",
    "updated_at",
    "lead_time",
    "agreement",
    "document",
];

/// Reads a JSON-MIN export (a JSON array, one object, or JSON Lines).
pub fn read(input: &str, options: &ReadOptions) -> Result<Corpus, Error> {
    let mut not_read = Tally::default();
    let mut documents = Vec::new();
    for record in records(input)? {
        let object = record.value.as_object().ok_or_else(|| {
            Error::shape(
                "Label Studio JSON-MIN",
                format!("{} is not an object", record.place),
            )
        })?;
        documents.push(document(object, &record.place, options, &mut not_read)?);
    }
    let skipped = not_read.into_skipped(
        "record",
        "not read: not a list of text regions with start and end",
    );
    Ok(Corpus {
        documents,
        labels: Vec::new(),
        skipped,
    }
    .with_labels([]))
}

fn document(
    object: &Map<String, Value>,
    place: &str,
    options: &ReadOptions,
    not_read: &mut Tally,
) -> Result<Document, Error> {
    let text_key = text_key(object, place, options)?;
    let text = object
        .get(&text_key)
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut document = Document::new(text);
    // Named as glosser's reader of Label Studio's full export names them: the task's
    // `document` (glosser's export), else `label-studio-ID.txt`; a user id is `ls-ID`.
    document.metadata.document_id = object
        .get("document")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| {
            object
                .get("id")
                .map(|id| format!("label-studio-{}.txt", as_text(id)))
        });
    let annotator = object.get("annotator").map(|annotator| match annotator {
        Value::Number(n) => format!("ls-{n}"),
        other => as_text(other),
    });
    if let Some(annotator) = &annotator {
        document.note_annotator(annotator);
    }
    let index = TextIndex::new(text);
    for (key, value) in object {
        let empty_list = value.as_array().is_some_and(Vec::is_empty);
        if *key == text_key || BOOKKEEPING.contains(&key.as_str()) || empty_list {
            continue;
        }
        let regions = value
            .as_array()
            .filter(|items| items.iter().any(is_text_region));
        let Some(regions) = regions else {
            not_read.add(format!("key {key}"), format!("{place}: {}", short(value)));
            continue;
        };
        for (number, region) in regions.iter().enumerate() {
            let what = format!("{place} {key} region {}", number + 1);
            match region.as_object().filter(|_| is_text_region(region)) {
                Some(region) => spans(
                    &mut document,
                    &index,
                    region,
                    key,
                    &what,
                    annotator.as_deref(),
                ),
                None => document.skipped.push(Skipped::new(
                    what,
                    "not a text region with start and end: not read",
                )),
            }
        }
    }
    Ok(document)
}

/// The data field with the text.
fn text_key(
    object: &Map<String, Value>,
    place: &str,
    options: &ReadOptions,
) -> Result<String, Error> {
    if let Some(key) = &options.text_key {
        return match object.get(key) {
            Some(Value::String(_)) => Ok(key.clone()),
            _ => Err(Error::shape(
                "Label Studio JSON-MIN",
                format!("{place} has no string field {key:?}"),
            )),
        };
    }
    if object.get("text").is_some_and(Value::is_string) {
        return Ok("text".to_owned());
    }
    let strings: Vec<&String> = object
        .iter()
        .filter(|(key, value)| value.is_string() && !BOOKKEEPING.contains(&key.as_str()))
        .map(|(key, _)| key)
        .collect();
    match strings.as_slice() {
        [only] => Ok((*only).clone()),
        _ => Err(Error::shape(
            "Label Studio JSON-MIN",
            format!(
                "{place} has no `text` field and {} other string fields; name the field with the text",
                strings.len()
            ),
        )),
    }
}

fn is_text_region(region: &Value) -> bool {
    region.get("start").and_then(offset).is_some() && region.get("end").and_then(offset).is_some()
}

/// The spans of one region: one per label.
fn spans(
    document: &mut Document,
    index: &TextIndex<'_>,
    region: &Map<String, Value>,
    layer: &str,
    what: &str,
    annotator: Option<&str>,
) {
    let (Some(start), Some(end)) = (
        region.get("start").and_then(offset),
        region.get("end").and_then(offset),
    ) else {
        return;
    };
    let expected = region.get("text").and_then(Value::as_str);
    let resolved = match index.resolve(start, end, Unit::CodePointOrUtf16, expected) {
        Ok(resolved) => resolved,
        Err(problem) => {
            document
                .skipped
                .push(Skipped::new(what, format!("{problem}: not read")));
            return;
        }
    };
    if resolved.unit == Unit::Utf16 {
        document.skipped.push(Skipped::noted(
            what,
            "offsets read as UTF-16 code units: its text matches only so",
        ));
    }
    let labels: Vec<&str> = region
        .iter()
        .filter(|(key, _)| key.ends_with("labels"))
        .filter_map(|(_, value)| value.as_array())
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if labels.is_empty() {
        document
            .skipped
            .push(Skipped::new(what, "has no labels: not read"));
    } else if labels.len() > 1 {
        document.skipped.push(Skipped::noted(
            what,
            format!("has {} labels: read as one span per label", labels.len()),
        ));
    }
    let id = region.get("id").map_or_else(|| what.to_owned(), as_text);
    for label in labels {
        document.spans.push(Span {
            id: id.clone(),
            start: resolved.start,
            end: resolved.end,
            layer: layer.to_owned(),
            label: label.to_owned(),
            annotator: annotator.map(str::to_owned),
            ..Span::default()
        });
    }
}

fn short(value: &Value) -> String {
    let text = as_text(value);
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests;
