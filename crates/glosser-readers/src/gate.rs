//! GATE's `bdocjs` (the JSON "basic document" of gatenlp and GATE's Format_Bdoc plugin):
//! `text`, `name`, `features`, `offset_type` (`"p"`: Python code points, `"j"`: Java UTF-16
//! code units; gatenlp assumes `"p"` when it is missing) and `annotation_sets`: set name →
//! `annotations` of `start`, `end`, `type`, `id`, `features`.
//!
//! Each annotation becomes a span: the set name is its layer (`""` is GATE's default set), the
//! annotation type its label, scalar features its features (lists and maps as compact JSON).
//! Zero-length annotations (GATE's markers) are kept as zero-length spans.

use serde_json::{Map, Value};

use crate::Corpus;
use crate::error::Error;
use crate::json::{as_text, offset};
use crate::model::{Document, Skipped, Span};
use crate::offsets::{TextIndex, Unit};

/// Which annotations to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The annotation sets to read (`""` is the default set); `None` reads every set that has
    /// annotations and reports which.
    pub sets: Option<Vec<String>>,
    /// Only annotations of these types; `None` reads every type.
    pub types: Option<Vec<String>>,
}

const FORMAT: &str = "GATE bdocjs";

/// Reads one `bdocjs` document.
pub fn read(input: &str, options: &ReadOptions) -> Result<Corpus, Error> {
    let value = crate::json::value(input)?;
    let object = value
        .as_object()
        .ok_or_else(|| Error::shape(FORMAT, "the document is not a JSON object"))?;
    let text = match object.get("text") {
        Some(Value::String(text)) => text.as_str(),
        None | Some(Value::Null) => "",
        Some(other) => {
            return Err(Error::shape(
                FORMAT,
                format!("`text` is {other}, not a string"),
            ));
        }
    };
    let mut skipped = Vec::new();
    let unit = match object.get("offset_type").and_then(Value::as_str) {
        Some("p") => Unit::CodePoint,
        Some("j") => Unit::Utf16,
        None => {
            skipped.push(Skipped::noted(
                "offset_type",
                "missing: offsets read as Python code points (\"p\"), as gatenlp does",
            ));
            Unit::CodePoint
        }
        Some(other) => {
            return Err(Error::shape(
                FORMAT,
                format!("offset_type {other:?} is neither \"p\" (Python) nor \"j\" (Java)"),
            ));
        }
    };
    let mut document = Document::new(text);
    document.metadata.document_id = object
        .get("name")
        .and_then(Value::as_str)
        .filter(|name| !name.is_empty())
        .map(str::to_owned);
    if let Some(features) = object.get("features").and_then(Value::as_object) {
        document_features(&mut document, features);
    }
    let empty = Map::new();
    let sets = match object.get("annotation_sets") {
        Some(Value::Object(sets)) => sets,
        None | Some(Value::Null) => &empty,
        Some(_) => {
            return Err(Error::shape(
                FORMAT,
                "`annotation_sets` is not an object of sets",
            ));
        }
    };
    let index = TextIndex::new(text);
    let mut read_sets = Vec::new();
    for (name, set) in sets {
        let annotations = set
            .get("annotations")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let chosen = options
            .sets
            .as_ref()
            .map_or(!annotations.is_empty(), |sets| sets.contains(name));
        if !chosen {
            if !annotations.is_empty() {
                skipped.push(Skipped::new(
                    format!("annotation set {name:?}"),
                    format!("not chosen: {} annotations not read", annotations.len()),
                ));
            }
            continue;
        }
        let before = document.spans.len();
        for annotation in annotations {
            read_annotation(&mut document, &index, unit, name, annotation, options);
        }
        read_sets.push(format!(
            "{name:?} ({} spans)",
            document.spans.len() - before
        ));
    }
    for missing in options
        .sets
        .iter()
        .flatten()
        .filter(|name| !sets.contains_key(*name))
    {
        skipped.push(Skipped::noted(
            format!("annotation set {missing:?}"),
            "asked for, but the document has no such set",
        ));
    }
    if options.sets.is_none() {
        let read = if read_sets.is_empty() {
            "none: the document has no annotations".to_owned()
        } else {
            read_sets.join(", ")
        };
        skipped.push(Skipped::noted(
            "annotation sets",
            format!("every set with annotations was read: {read}"),
        ));
    }
    Ok(Corpus {
        documents: vec![document],
        labels: Vec::new(),
        skipped,
    }
    .with_labels([]))
}

/// Keeps the source URL; reports the other document features by name.
fn document_features(document: &mut Document, features: &Map<String, Value>) {
    let mut others = Vec::new();
    for (name, value) in features {
        match (name.as_str(), value.as_str()) {
            ("gate.SourceURL", Some(url)) if url != "created from String" => {
                document.metadata.document_uri = Some(url.to_owned());
            }
            ("gate.SourceURL", _) => {}
            _ => others.push(name.as_str()),
        }
    }
    if !others.is_empty() {
        document.skipped.push(Skipped::new(
            "document features",
            format!("not kept: {}", others.join(", ")),
        ));
    }
}

fn read_annotation(
    document: &mut Document,
    index: &TextIndex<'_>,
    unit: Unit,
    set: &str,
    annotation: &Value,
    options: &ReadOptions,
) {
    let id = annotation.get("id").map_or_else(|| "?".to_owned(), as_text);
    let what = format!("annotation {id} of set {set:?}");
    let kind = annotation
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if options
        .types
        .as_ref()
        .is_some_and(|types| !types.iter().any(|t| t == kind))
    {
        return;
    }
    let (Some(start), Some(end)) = (
        annotation.get("start").and_then(offset),
        annotation.get("end").and_then(offset),
    ) else {
        document
            .skipped
            .push(Skipped::new(what, "has no start and end offsets: not read"));
        return;
    };
    let resolved = match index.resolve(start, end, unit, None) {
        Ok(resolved) => resolved,
        Err(problem) => {
            document
                .skipped
                .push(Skipped::new(what, format!("{problem}: not read")));
            return;
        }
    };
    let features = annotation
        .get("features")
        .and_then(Value::as_object)
        .map(|features| {
            features
                .iter()
                .map(|(name, value)| (name.clone(), as_text(value)))
                .collect()
        })
        .unwrap_or_default();
    document.spans.push(Span {
        id: format!("{set}#{id}"),
        start: resolved.start,
        end: resolved.end,
        layer: set.to_owned(),
        label: kind.to_owned(),
        features,
        ..Span::default()
    });
}

#[cfg(test)]
mod tests;
