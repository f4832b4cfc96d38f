//! Argilla token and span classification exports, in the three shapes its SDKs write:
//!
//! - **v1** records (`TokenClassificationRecord.dict()`, or `to_datasets()` rows): `text`,
//!   `tokens`, `annotation` / `prediction` (or `spans`) as `[label, start, end(, score)]` lists
//!   or `{label, start, end(, score)}` objects, `annotation_agent`, `prediction_agent`.
//! - **v2** records (`dataset.records.to_json()`, `Record.to_dict()`): `fields`, `responses`
//!   (question → `[{value, user_id}]`) and `suggestions` (question → `{value, score, agent}`),
//!   span values being lists of `{start, end, label}`.
//! - **v2 flattened** (`to_list(flatten=True)`, the Hub export's columns): the text field at
//!   the top, `QUESTION.responses` with `QUESTION.responses.users`, `QUESTION.suggestion` with
//!   `.score` and `.agent`.
//!
//! Offsets are Python string indices: code points. Each annotation list is a layer: `annotation`,
//! `prediction`, a question's name, or `QUESTION.suggestion`.

use serde_json::{Map, Value};

use crate::Corpus;
use crate::error::Error;
use crate::json::{as_text, offset, records};
use crate::model::{Document, Skipped, Span};
use crate::offsets::{TextIndex, Unit};
use crate::report::Tally;

mod v2;

const FORMAT: &str = "Argilla";

/// How to read the records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The v2 field that holds the text; `None` takes `text`, else the only string field.
    pub text_field: Option<String>,
}

/// v1 keys read or deliberately passed over.
const V1_KEYS: [&str; 11] = [
    "text",
    "tokens",
    "annotation",
    "prediction",
    "spans",
    "annotation_agent",
    "prediction_agent",
    "id",
    "event_timestamp",
    "metrics",
    "search_keywords",
];
/// v2 keys read or deliberately passed over.
const V2_KEYS: [&str; 6] = [
    "id",
    "fields",
    "responses",
    "suggestions",
    "vectors",
    "_server_id",
];

/// Reads Argilla records (a JSON array, one object, or JSON Lines).
pub fn read(input: &str, options: &ReadOptions) -> Result<Corpus, Error> {
    let mut not_read = Tally::default();
    let mut documents = Vec::new();
    for record in records(input)? {
        let place = record.place;
        let object = record
            .value
            .as_object()
            .ok_or_else(|| Error::shape(FORMAT, format!("{place} is not an object")))?;
        let document = if object.get("fields").is_some_and(Value::is_object) {
            v2::nested(object, &place, options, &mut not_read)?
        } else if object
            .keys()
            .any(|key| key.ends_with(".responses") || key.ends_with(".suggestion"))
        {
            v2::flat(object, &place, options, &mut not_read)?
        } else {
            v1(object, &place, &mut not_read)?
        };
        documents.push(document);
    }
    let skipped = not_read.into_skipped("record", "not read");
    Ok(Corpus {
        documents,
        labels: Vec::new(),
        skipped,
    }
    .with_labels([]))
}

fn new_document(object: &Map<String, Value>, text: &str) -> Document {
    let mut document = Document::new(text);
    document.metadata.document_id = object.get("id").filter(|id| !id.is_null()).map(as_text);
    document
}

fn v1(object: &Map<String, Value>, place: &str, not_read: &mut Tally) -> Result<Document, Error> {
    let text = object.get("text").and_then(Value::as_str).ok_or_else(|| {
        Error::shape(
            FORMAT,
            format!("{place} has no `text`, `fields` or QUESTION.responses columns"),
        )
    })?;
    let mut document = new_document(object, text);
    let index = TextIndex::new(text);
    for (layer, agent) in [
        ("annotation", "annotation_agent"),
        ("prediction", "prediction_agent"),
        ("spans", "annotation_agent"),
    ] {
        let agent = object.get(agent).and_then(Value::as_str);
        let Some(items) = object.get(layer).and_then(Value::as_array) else {
            continue;
        };
        for (number, item) in items.iter().enumerate() {
            let what = format!("{place} {layer} {}", number + 1);
            let parsed = match item {
                Value::Array(parts) => parts
                    .first()
                    .and_then(Value::as_str)
                    .zip(parts.get(1).and_then(offset))
                    .zip(parts.get(2).and_then(offset))
                    .map(|((label, start), end)| (label, start, end, parts.get(3))),
                Value::Object(_) => span_object(item)
                    .map(|(label, start, end)| (label, start, end, item.get("score"))),
                _ => None,
            };
            let Some((label, start, end, score)) = parsed else {
                document.skipped.push(Skipped::new(
                    what,
                    "not a [label, start, end] entity: not read",
                ));
                continue;
            };
            let score = score.filter(|score| !score.is_null()).map(as_text);
            push_span(
                &mut document,
                &index,
                (start, end),
                layer,
                label,
                agent,
                score,
                what,
            );
        }
    }
    for (key, value) in object {
        if !V1_KEYS.contains(&key.as_str()) && !value.is_null() {
            not_read.add(format!("key {key}"), format!("{place}: {}", as_text(value)));
        }
    }
    Ok(document)
}

fn span_object(item: &Value) -> Option<(&str, usize, usize)> {
    Some((
        item.get("label")?.as_str()?,
        item.get("start").and_then(offset)?,
        item.get("end").and_then(offset)?,
    ))
}

/// The spans of one answer to a span question; other answers are tallied as not read.
#[allow(clippy::too_many_arguments)]
fn span_value(
    document: &mut Document,
    index: &TextIndex<'_>,
    value: &Value,
    layer: &str,
    annotator: Option<&str>,
    score: Option<&Value>,
    place: &str,
    not_read: &mut Tally,
) {
    let Some(items) = value
        .as_array()
        .filter(|items| items.iter().all(|item| span_object(item).is_some()))
    else {
        if !value.is_null() {
            not_read.add(
                format!("question {layer}"),
                format!("{place}: {} (not a span answer)", as_text(value)),
            );
        }
        return;
    };
    for (number, item) in items.iter().enumerate() {
        let Some((label, start, end)) = span_object(item) else {
            continue;
        };
        let score = match score {
            Some(Value::Array(scores)) => scores.get(number).map(as_text),
            Some(Value::Null) | None => None,
            Some(score) => Some(as_text(score)),
        };
        push_span(
            document,
            index,
            (start, end),
            layer,
            label,
            annotator,
            score,
            format!("{place} {layer} {}", number + 1),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn push_span(
    document: &mut Document,
    index: &TextIndex<'_>,
    (start, end): (usize, usize),
    layer: &str,
    label: &str,
    annotator: Option<&str>,
    score: Option<String>,
    what: String,
) {
    if let Err(problem) = index.resolve(start, end, Unit::CodePoint, None) {
        document
            .skipped
            .push(Skipped::new(what, format!("{problem}: not read")));
        return;
    }
    if let Some(annotator) = annotator {
        document.note_annotator(annotator);
    }
    let mut span = Span {
        id: what,
        start,
        end,
        layer: layer.to_owned(),
        label: label.to_owned(),
        annotator: annotator.map(str::to_owned),
        ..Span::default()
    };
    if let Some(score) = score {
        span.features.insert("score".to_owned(), score);
    }
    document.spans.push(span);
}

#[cfg(test)]
mod tests;
