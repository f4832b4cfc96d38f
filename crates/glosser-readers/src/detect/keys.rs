//! The keys of a JSON record that look like annotations, and which of them a reader reads: so
//! that a reader given a file of another shape can refuse it instead of reading it as nothing.

use serde_json::{Map, Value};

use super::Format;
use crate::json::offset;

/// What an annotation-like value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A list of objects with character offsets (`start`/`end`, `start_offset`/`end_offset`,
    /// `begin`/`end`, `startOffset`/`endOffset`).
    Regions,
    /// Such a list whose items carry a `…labels` list: Label Studio regions (JSON-MIN).
    LabelledRegions,
    /// A list of `[start, end, label]` (doccano) or `[label, start, end]` (Argilla v1) lists.
    Triples,
    /// GATE's `annotation_sets`.
    GateSets,
    /// tagtog entities (`classId`, `offsets`).
    TagtogEntities,
    /// Label Studio annotations or predictions (`result` lists).
    LabelStudioResults,
    /// Argilla v2 `responses` / `suggestions`, or flattened `QUESTION.responses` columns.
    ArgillaAnswers,
    /// One tag per token, beside a `tokens` / `words` list.
    TokenTags,
    /// A list of relations between annotations.
    Relations,
    /// spaCy v2 `paragraphs`.
    Paragraphs,
    /// UIMA CAS JSON feature structures.
    CasFeatureStructures,
}

impl Shape {
    pub fn describe(self) -> &'static str {
        match self {
            Shape::Regions => "a list of annotations with character offsets",
            Shape::LabelledRegions => {
                "Label Studio regions (start, end, labels), as JSON-MIN writes them"
            }
            Shape::Triples => "a list of [start, end, label] entities",
            Shape::GateSets => "GATE annotation sets",
            Shape::TagtogEntities => "tagtog entities (classId, offsets)",
            Shape::LabelStudioResults => "Label Studio annotations (result lists)",
            Shape::ArgillaAnswers => "Argilla responses or suggestions",
            Shape::TokenTags => "one tag per token",
            Shape::Relations => "relations between annotations",
            Shape::Paragraphs => "spaCy v2 paragraphs of tagged tokens",
            Shape::CasFeatureStructures => "UIMA CAS feature structures",
        }
    }
}

/// A key that looks like annotations a reader does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadKey {
    pub key: String,
    pub shape: Shape,
    /// How many annotations it holds (list items, GATE annotations, Label Studio results).
    pub count: usize,
}

impl std::fmt::Display for UnreadKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}`: {} ({} annotations)",
            self.key,
            self.shape.describe(),
            self.count
        )
    }
}

/// The keys of `record` that look like annotations and that `reader` does not read: what a
/// reader should report (and refuse the file for) instead of reading it as nothing.
pub fn unread_annotation_keys(record: &Value, reader: Format) -> Vec<UnreadKey> {
    let Some(object) = record.as_object() else {
        return Vec::new();
    };
    object
        .iter()
        .filter_map(|(key, value)| {
            let (shape, count) = shape(key, value, object)?;
            (!reads(reader, key, shape)).then(|| UnreadKey {
                key: key.clone(),
                shape,
                count,
            })
        })
        .collect()
}

/// Whether `reader` reads `key` when it has `shape`.
fn reads(reader: Format, key: &str, shape: Shape) -> bool {
    use Shape::{
        ArgillaAnswers, GateSets, LabelStudioResults, LabelledRegions, Paragraphs, Regions,
        Relations, TagtogEntities, TokenTags, Triples,
    };
    match reader {
        Format::Doccano => matches!(
            (key, shape),
            ("label" | "labels", Triples)
                | ("entities" | "annotations", Regions)
                | ("relations", Relations)
        ),
        Format::LabelStudio => matches!(
            (key, shape),
            (
                "annotations" | "completions" | "predictions",
                LabelStudioResults
            )
        ),
        Format::LabelStudioMin => shape == LabelledRegions,
        Format::Prodigy => matches!((key, shape), ("spans", Regions) | ("relations", Relations)),
        Format::GlosserJsonl => matches!(
            (key, shape),
            ("spans" | "rejected", Regions) | ("relations", Relations)
        ),
        Format::GateBdocjs => shape == GateSets,
        Format::TagtogAnnJson => matches!(
            (key, shape),
            ("entities", TagtogEntities) | ("relations", Relations)
        ),
        Format::Argilla => matches!(
            (key, shape),
            ("annotation" | "prediction" | "spans", Regions | Triples) | (_, ArgillaAnswers)
        ),
        Format::HfRows => shape == TokenTags,
        Format::SpacyV2 => shape == Paragraphs,
        Format::UimaCasJson => shape == Shape::CasFeatureStructures,
        Format::Conll
        | Format::TagtogLegend
        | Format::GlosserSpacy
        | Format::Brat
        | Format::UimaXmi
        | Format::WebAnnoTsv => false,
    }
}

/// The shape of an annotation-like value and how many annotations it holds.
fn shape(key: &str, value: &Value, record: &Map<String, Value>) -> Option<(Shape, usize)> {
    // Token lists (Prodigy's `tokens` with offsets, `words`) are tokenization, not annotations.
    if key == "tokens" || key == "words" {
        return None;
    }
    if key.starts_with('%') {
        return Some((Shape::CasFeatureStructures, count(value)));
    }
    if key.ends_with(".responses") || key.ends_with(".suggestion") {
        return (!value.is_null()).then(|| (Shape::ArgillaAnswers, count(value)));
    }
    if key == "annotation_sets" {
        let sets = value.as_object()?;
        let total = sets
            .values()
            .filter_map(|set| set.get("annotations")?.as_array())
            .map(Vec::len)
            .sum();
        return Some((Shape::GateSets, total));
    }
    if (key == "responses" || key == "suggestions") && value.is_object() {
        return Some((Shape::ArgillaAnswers, value.as_object().map_or(0, Map::len)));
    }
    if key == "paragraphs" {
        return value.is_array().then(|| (Shape::Paragraphs, count(value)));
    }
    let items = value.as_array().filter(|items| !items.is_empty())?;
    let all = |test: &dyn Fn(&Value) -> bool| items.iter().all(test);
    if all(&|item| item.get("result").is_some_and(Value::is_array)) {
        let results = items
            .iter()
            .filter_map(|item| item.get("result")?.as_array())
            .map(Vec::len)
            .sum();
        return Some((Shape::LabelStudioResults, results));
    }
    if all(&|item| item.get("classId").is_some() && item.get("offsets").is_some()) {
        return Some((Shape::TagtogEntities, items.len()));
    }
    if all(&is_offset_item) {
        let labelled = all(&|item| {
            item.as_object()
                .is_some_and(|o| o.keys().any(|k| k.ends_with("labels")))
        });
        return Some((
            if labelled {
                Shape::LabelledRegions
            } else {
                Shape::Regions
            },
            items.len(),
        ));
    }
    if all(&|item| is_triple(item, false) || is_triple(item, true)) {
        return Some((Shape::Triples, items.len()));
    }
    let relation_keys = [
        ("from_id", "to_id"),
        ("head", "child"),
        ("from", "to"),
        ("Governor", "Dependent"),
        ("head_span", "child_span"),
    ];
    if all(&|item| {
        relation_keys
            .iter()
            .any(|(a, b)| item.get(*a).is_some() && item.get(*b).is_some())
    }) {
        return Some((Shape::Relations, items.len()));
    }
    let tokens = ["tokens", "words"]
        .iter()
        .find_map(|k| record.get(*k)?.as_array())
        .map(Vec::len);
    let tag_named = ["tag", "ner", "label"]
        .iter()
        .any(|word| key.contains(word));
    if tag_named && tokens == Some(items.len()) && all(&|item| item.is_string() || item.is_number())
    {
        return Some((Shape::TokenTags, items.len()));
    }
    None
}

fn count(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.len(),
        Value::Object(object) => object.len(),
        _ => 1,
    }
}

/// An object with a pair of character offsets.
pub(super) fn is_offset_item(item: &Value) -> bool {
    let pairs = [
        ("start", "end"),
        ("start_offset", "end_offset"),
        ("begin", "end"),
        ("startOffset", "endOffset"),
    ];
    pairs.iter().any(|(start, end)| {
        item.get(*start).and_then(offset).is_some() && item.get(*end).and_then(offset).is_some()
    })
}

/// `[start, end, label]`, or `[label, start, end(, score)]` when `label_first`.
pub(super) fn is_triple(item: &Value, label_first: bool) -> bool {
    let Some(parts) = item.as_array() else {
        return false;
    };
    if label_first {
        (3..=4).contains(&parts.len())
            && parts[0].is_string()
            && offset(&parts[1]).is_some()
            && offset(&parts[2]).is_some()
    } else {
        parts.len() == 3
            && offset(&parts[0]).is_some()
            && offset(&parts[1]).is_some()
            && parts[2].is_string()
    }
}

#[cfg(test)]
mod tests;
