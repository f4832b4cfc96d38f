//! Hugging Face token-classification rows (JSON Lines or a JSON array): `tokens` (or `words`)
//! and tags (`ner_tags`, `ner`, `tags` or `labels`; strings, or integers with the dataset's
//! ClassLabel names), with glosser's `hf` export columns when present: `document` (rows of one
//! document are one [`Document`]), `sentence`, `token_starts`/`token_ends` (code points) and
//! extra tag layers `ner_tags_2`, `ner_tags_3`, ….
//!
//! With token offsets the spans keep their exact offsets; the characters between tokens are
//! not in the file and are filled with spaces (reported). With a `text` column the tokens are
//! found in it. Otherwise the text is the tokens joined with single spaces, rows with line
//! breaks, and that assumption is reported.

mod row;
mod text;

use serde_json::Value;

use crate::error::Error;
use crate::json::records;
use crate::model::{Document, Skipped, Span};
use crate::report::Tally;
use crate::tags::{Tag, decode, detect_scheme, parse_tag};
use crate::{Corpus, Scheme};

/// How to read the rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The tokens column; `None` takes `tokens`, else `words`.
    pub tokens_key: Option<String>,
    /// The tags column; `None` takes the first of `ner_tags`, `ner`, `tags`, `labels`.
    pub tags_key: Option<String>,
    /// The ClassLabel names for integer tags (see [`label_names`]).
    pub label_names: Option<Vec<String>>,
    /// The tagging scheme; `None` detects it per tag column.
    pub scheme: Option<Scheme>,
}

const TOKEN_KEYS: [&str; 2] = ["tokens", "words"];
const TAG_KEYS: [&str; 4] = ["ner_tags", "ner", "tags", "labels"];
const OFFSET_PAIR_KEYS: [&str; 3] = ["token_offsets", "offsets", "token_spans"];
/// Columns this reader understands besides tokens, tags and offsets.
const KNOWN_KEYS: [&str; 6] = [
    "document",
    "sentence",
    "id",
    "text",
    "token_starts",
    "token_ends",
];

/// One row, parsed.
struct Row {
    place: String,
    document: Option<String>,
    id: Option<String>,
    tokens: Vec<String>,
    /// Tag columns: the column name and its tags (`None` where a row's tags do not fit).
    layers: Vec<(String, Option<Vec<Tag>>)>,
    offsets: Option<Vec<(usize, usize)>>,
    text: Option<String>,
    /// glosser's `status` column (`Todo`, `InProgress`, `Done`).
    status: Option<String>,
}

/// Reads token-classification rows into documents.
pub fn read(input: &str, options: &ReadOptions) -> Result<Corpus, Error> {
    let located = records(input)?;
    let Some(first) = located.first() else {
        return Ok(Corpus::default());
    };
    let tokens_key = key(
        &first.value,
        options.tokens_key.as_deref(),
        &TOKEN_KEYS,
        "tokens",
    )?;
    let tags_key = key(&first.value, options.tags_key.as_deref(), &TAG_KEYS, "tags")?;
    let mut unread = Tally::default();
    let mut row_problems = Vec::new();
    let mut rows = Vec::with_capacity(located.len());
    for record in &located {
        rows.push(row::row(
            record,
            &tokens_key,
            &tags_key,
            options,
            &mut unread,
            &mut row_problems,
        )?);
    }
    let mut layers: Vec<String> = Vec::new();
    for (name, _) in rows.iter().flat_map(|row| &row.layers) {
        if !layers.contains(name) {
            layers.push(name.clone());
        }
    }
    let mut skipped = Vec::new();
    let mut schemes = Vec::new();
    for layer in &layers {
        let sentences: Vec<&[Tag]> = rows
            .iter()
            .flat_map(|row| row.layers.iter().filter(|(name, _)| name == layer))
            .filter_map(|(_, tags)| tags.as_deref())
            .collect();
        let scheme = options.scheme.unwrap_or_else(|| detect_scheme(sentences));
        let how = if options.scheme.is_some() {
            "as given"
        } else {
            "detected from the tags"
        };
        skipped.push(Skipped::noted(
            format!("the tags of {layer}"),
            format!("read as {} ({how})", scheme.name()),
        ));
        schemes.push((layer.clone(), scheme));
    }
    skipped.extend(unread.into_skipped("row", "not read"));
    let grouped = rows.iter().any(|row| row.document.is_some());
    let mut documents: Vec<(Option<String>, Vec<Row>)> = Vec::new();
    for row in rows {
        let key = if grouped {
            row.document.clone()
        } else {
            row.id.clone()
        };
        match documents.iter_mut().find(|(id, _)| grouped && *id == key) {
            Some((_, group)) => group.push(row),
            None => documents.push((key, vec![row])),
        }
    }
    let documents = documents
        .into_iter()
        .map(|(id, group)| document(id, &group, &schemes))
        .collect();
    let declared = options
        .label_names
        .iter()
        .flatten()
        .filter_map(|name| match parse_tag(name) {
            Some(Tag::Entity { label, .. }) => Some(label),
            _ => None,
        });
    let declared: Vec<String> = declared.collect();
    skipped.extend(row_problems);
    Ok(Corpus {
        documents,
        labels: Vec::new(),
        skipped,
    }
    .with_labels(declared))
}

/// The ClassLabel names of `column` in a `dataset_info.json` (or `dataset_infos.json`, whose
/// configurations are searched in order).
pub fn label_names(dataset_info: &str, column: &str) -> Result<Vec<String>, Error> {
    let info = crate::json::value(dataset_info)?;
    let candidates: Vec<&Value> = match info.get("features") {
        Some(features) => vec![features],
        None => info
            .as_object()
            .into_iter()
            .flat_map(|configs| configs.values())
            .filter_map(|config| config.get("features"))
            .collect(),
    };
    candidates
        .into_iter()
        .find_map(|features| class_label_names(features.get(column)?))
        .ok_or_else(|| {
            Error::shape(
                "Hugging Face dataset_info",
                format!("no ClassLabel names for column {column:?}"),
            )
        })
}

fn class_label_names(feature: &Value) -> Option<Vec<String>> {
    if let Some(names) = feature.get("names").and_then(Value::as_array) {
        return names
            .iter()
            .map(|name| name.as_str().map(str::to_owned))
            .collect();
    }
    class_label_names(feature.get("feature")?)
}

/// The column to read: the one asked for, else the first candidate the first row has.
fn key(
    first: &Value,
    asked: Option<&str>,
    candidates: &[&str],
    what: &str,
) -> Result<String, Error> {
    if let Some(asked) = asked {
        return Ok(asked.to_owned());
    }
    candidates
        .iter()
        .find(|candidate| first.get(**candidate).is_some_and(Value::is_array))
        .map(|found| (*found).to_owned())
        .ok_or_else(|| {
            Error::shape(
                "Hugging Face token-classification",
                format!(
                    "the first row has no {what} column (looked for {}); name the column",
                    candidates.join(", ")
                ),
            )
        })
}

/// One document from its rows.
fn document(id: Option<String>, rows: &[Row], schemes: &[(String, Scheme)]) -> Document {
    let (text, ranges, assumption) = text::assemble(rows);
    let mut document = Document::new(text);
    document.metadata.document_id = id;
    document.metadata.status = rows.first().and_then(|row| row.status.clone());
    document.metadata.gaps_filled = text::gaps_filled(&assumption);
    document.skipped.extend(assumption);
    for (row, ranges) in rows.iter().zip(&ranges) {
        for (layer, tags) in &row.layers {
            let (Some(tags), Some(scheme)) = (
                tags,
                schemes
                    .iter()
                    .find(|(name, _)| name == layer)
                    .map(|(_, s)| *s),
            ) else {
                continue;
            };
            let (spans, tag_problems) = decode(tags, scheme);
            for problem in tag_problems {
                document.skipped.push(Skipped::noted(
                    format!("{} {layer} token {}", row.place, problem.token + 1),
                    problem.message,
                ));
            }
            for span in spans {
                document.spans.push(Span {
                    id: format!("{} token {}", row.place, span.start + 1),
                    start: ranges[span.start].0,
                    end: ranges[span.end - 1].1,
                    layer: layer.clone(),
                    label: span.label,
                    ..Span::default()
                });
            }
        }
    }
    document
}

#[cfg(test)]
mod tests;
