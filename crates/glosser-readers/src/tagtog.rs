//! tagtog's `ann.json` over a plain text document, with the project's
//! `annotations-legend.json` (`{"e_1": "Person", "r_1": "works_for", …}`) naming the classes.
//!
//! Entity offsets are relative to a document part: `s1v1` is the whole text (tagtog's default
//! `verbatim` format); `s1p1`, `s1p2`, … are the paragraphs of the `formatted` format (runs of
//! non-blank lines, trimmed). Each offset carries its `text`, which must be at its offsets:
//! they are read as code points, or as UTF-16 code units when only that matches (tagtog does not
//! document its unit). Parts of HTML or PDF documents are reported, not guessed.

mod parts;

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::Corpus;
use crate::error::Error;
use crate::json::{as_text, offset};
use crate::model::{Document, Relation, Skipped, Span};
use crate::offsets::{TextIndex, Unit};

const FORMAT: &str = "tagtog ann.json";

/// Class ids and their names, in the legend's order.
pub type Legend = Vec<(String, String)>;

/// Parses an `annotations-legend.json`.
pub fn parse_legend(json: &str) -> Result<Legend, Error> {
    let members = crate::json::ordered_object(json)?.ok_or_else(|| {
        Error::shape(
            "tagtog annotations legend",
            "not a JSON object of class ids and names",
        )
    })?;
    Ok(members
        .into_iter()
        .map(|(id, name)| (id, as_text(&name)))
        .collect())
}

/// Reads the annotations of `ann_json` over `text`, the document's plain text.
pub fn read(ann_json: &str, text: &str, legend: Option<&Legend>) -> Result<Corpus, Error> {
    let value = crate::json::value(ann_json)?;
    let object = value
        .as_object()
        .ok_or_else(|| Error::shape(FORMAT, "not a JSON object"))?;
    let name = |id: &str| -> String {
        legend
            .and_then(|legend| legend.iter().find(|(known, _)| known == id))
            .map_or_else(|| id.to_owned(), |(_, name)| name.clone())
    };
    let mut document = Document::new(text);
    let parts = parts::Parts::new(text);
    let mut keys = HashMap::new();
    let entities = object
        .get("entities")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for (number, entity) in entities.iter().enumerate() {
        entity_spans(&mut document, &parts, entity, number + 1, &name, &mut keys);
    }
    let relations = object
        .get("relations")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for (number, relation) in relations.iter().enumerate() {
        read_relation(&mut document, relation, number + 1, &name, &keys);
    }
    if let Some(metas) = object
        .get("metas")
        .and_then(Value::as_object)
        .filter(|metas| !metas.is_empty())
    {
        let named: Vec<String> = metas
            .iter()
            .map(|(id, meta)| {
                format!(
                    "{}={}",
                    name(id),
                    meta.get("value").map_or_else(String::new, as_text)
                )
            })
            .collect();
        document.skipped.push(Skipped::new(
            "document labels (metas)",
            format!("not kept: {}", named.join(", ")),
        ));
    }
    if object.get("anncomplete").and_then(Value::as_bool) == Some(true) {
        document.skipped.push(Skipped::new(
            "anncomplete",
            "the document is marked complete; the status is not kept",
        ));
    }
    let mut skipped = Vec::new();
    if legend.is_none() {
        skipped.push(Skipped::noted(
            "the labels",
            "no annotations legend: labels are tagtog class ids (e_1, …)",
        ));
    }
    let declared = legend
        .into_iter()
        .flatten()
        .filter(|(id, _)| id.starts_with("e_"))
        .map(|(_, name)| name.clone());
    let declared: Vec<String> = declared.collect();
    Ok(Corpus {
        documents: vec![document],
        labels: Vec::new(),
        skipped,
    }
    .with_labels(declared))
}

/// A relation end as tagtog hashes it: part, class, start and end in the file's unit.
type EntityKey = (String, String, usize, usize);

fn entity_spans(
    document: &mut Document,
    parts: &parts::Parts,
    entity: &Value,
    number: usize,
    name: &dyn Fn(&str) -> String,
    keys: &mut HashMap<EntityKey, usize>,
) {
    let what = format!("entity {number}");
    let class = entity
        .get("classId")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let part = entity
        .get("part")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let confidence = entity.get("confidence");
    if confidence
        .and_then(|c| c.get("state"))
        .and_then(Value::as_str)
        == Some("pre-removed")
    {
        document.skipped.push(Skipped::new(
            what,
            "a pre-annotation the annotator removed (state pre-removed): not read",
        ));
        return;
    }
    let Some((base, part_text)) = parts.get(part) else {
        document.skipped.push(Skipped::new(what, format!("part {part:?} is not a part of a plain text (s1v1, or s1p1, s1p2, … of a formatted text): not read")));
        return;
    };
    let pieces = entity
        .get("offsets")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if pieces.len() > 1 {
        document.skipped.push(Skipped::new(
            what.clone(),
            format!("in {} pieces: read as one span per piece", pieces.len()),
        ));
    }
    let annotator = confidence
        .and_then(|c| c.get("who"))
        .and_then(Value::as_array)
        .and_then(|who| who.first())
        .and_then(Value::as_str)
        .map(|who| who.strip_prefix("user:").unwrap_or(who).to_owned());
    let features = features(entity, confidence, name);
    let index = TextIndex::new(part_text);
    for piece in pieces {
        let (Some(start), Some(covered)) = (
            piece.get("start").and_then(offset),
            piece.get("text").and_then(Value::as_str),
        ) else {
            document.skipped.push(Skipped::new(
                what.clone(),
                "an offset without start and text: not read",
            ));
            continue;
        };
        let by_code_points = index.resolve(
            start,
            start + covered.chars().count(),
            Unit::CodePoint,
            Some(covered),
        );
        let by_utf16 = || {
            index.resolve(
                start,
                start + covered.encode_utf16().count(),
                Unit::Utf16,
                Some(covered),
            )
        };
        let resolved = match by_code_points.or_else(|problem| by_utf16().map_err(|_| problem)) {
            Ok(resolved) => resolved,
            Err(problem) => {
                document
                    .skipped
                    .push(Skipped::new(what.clone(), format!("{problem}: not read")));
                continue;
            }
        };
        if resolved.unit == Unit::Utf16 {
            document.skipped.push(Skipped::noted(
                what.clone(),
                "offsets read as UTF-16 code units: its text matches only so",
            ));
        }
        for end in [
            start + covered.chars().count(),
            start + covered.encode_utf16().count(),
        ] {
            keys.insert(
                (part.to_owned(), class.to_owned(), start, end),
                document.spans.len(),
            );
        }
        if let Some(annotator) = &annotator {
            document.note_annotator(annotator);
        }
        document.spans.push(Span {
            id: what.clone(),
            start: base + resolved.start,
            end: base + resolved.end,
            layer: "entities".to_owned(),
            label: name(class),
            annotator: annotator.clone(),
            features: features.clone(),
            ..Span::default()
        });
    }
}

/// Entity labels (fields), normalizations and the probability, by name.
fn features(
    entity: &Value,
    confidence: Option<&Value>,
    name: &dyn Fn(&str) -> String,
) -> std::collections::BTreeMap<String, String> {
    let mut features = std::collections::BTreeMap::new();
    let empty = Map::new();
    for (id, field) in entity
        .get("fields")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
    {
        if let Some(value) = field.get("value") {
            features.insert(name(id), as_text(value));
        }
    }
    for (id, normalization) in entity
        .get("normalizations")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
    {
        let source = normalization
            .get("source")
            .and_then(|s| s.get("id"))
            .or_else(|| normalization.get("recName"));
        if let Some(source) = source {
            features.insert(name(id), as_text(source));
        }
    }
    if let Some(probability) = confidence.and_then(|c| c.get("prob")) {
        features.insert("probability".to_owned(), as_text(probability));
    }
    features
}

fn read_relation(
    document: &mut Document,
    relation: &Value,
    number: usize,
    name: &dyn Fn(&str) -> String,
    keys: &HashMap<EntityKey, usize>,
) {
    let what = format!("relation {number}");
    let ends: Vec<Option<usize>> = relation
        .get("entities")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|end| keys.get(&entity_key(end.as_str()?)?).copied())
        .collect();
    let [Some(from), Some(to)] = ends.as_slice() else {
        document.skipped.push(Skipped::new(
            what,
            format!(
                "its {} entity ends are not two read entities: not read",
                ends.len()
            ),
        ));
        return;
    };
    let mut features = std::collections::BTreeMap::new();
    for key in ["type", "directed"] {
        if let Some(value) = relation.get(key) {
            features.insert(key.to_owned(), as_text(value));
        }
    }
    document.relations.push(Relation {
        id: what,
        layer: "relations".to_owned(),
        label: name(
            relation
                .get("classId")
                .and_then(Value::as_str)
                .unwrap_or_default(),
        ),
        from: *from,
        to: *to,
        features,
    });
}

/// Parses `s1p1|e_1|9,17`.
fn entity_key(hash: &str) -> Option<EntityKey> {
    let mut fields = hash.split('|');
    let (part, class, range) = (fields.next()?, fields.next()?, fields.next()?);
    let (start, end) = range.split_once(',')?;
    Some((
        part.to_owned(),
        class.to_owned(),
        start.trim().parse().ok()?,
        end.trim().parse().ok()?,
    ))
}

#[cfg(test)]
mod tests;
