//! Naming the format of one JSON record by the keys each tool writes.

use serde_json::{Map, Value};

use super::Format;
use super::keys::{is_offset_item, is_triple};

/// The format a JSON record (one element of an array, one line of JSON Lines, or a whole
/// document) is in, or `None`.
pub fn classify_record(record: &Value) -> Option<Format> {
    let object = record.as_object()?;
    let has = |key: &str| object.contains_key(key);
    let list = |key: &str| object.get(key).and_then(Value::as_array);
    if object.keys().any(|key| key.starts_with('%')) {
        return Some(Format::UimaCasJson);
    }
    if has("annotation_sets") || (has("offset_type") && has("text")) {
        return Some(Format::GateBdocjs);
    }
    let tagtog_entities = list("entities").is_some_and(|items| {
        items
            .iter()
            .any(|item| item.get("classId").is_some() && item.get("offsets").is_some())
    });
    if has("annotatable") || has("anncomplete") || tagtog_entities {
        return Some(Format::TagtogAnnJson);
    }
    if is_legend(object) {
        return Some(Format::TagtogLegend);
    }
    if list("paragraphs").is_some() {
        return Some(Format::SpacyV2);
    }
    if object.get("data").is_some_and(Value::is_object)
        && (has("annotations") || has("completions") || has("predictions"))
    {
        return Some(Format::LabelStudio);
    }
    if is_argilla(object) {
        return Some(Format::Argilla);
    }
    if ["_input_hash", "_task_hash", "_view_id", "answer"]
        .iter()
        .any(|key| has(key))
    {
        return Some(Format::Prodigy);
    }
    let tokens = ["tokens", "words"]
        .iter()
        .find_map(|key| list(key))
        .filter(|tokens| tokens.iter().all(Value::is_string));
    if let Some(tokens) = tokens {
        let tag_list = object.iter().any(|(key, value)| {
            let named = ["tag", "ner", "label"]
                .iter()
                .any(|word| key.contains(word));
            named
                && value
                    .as_array()
                    .is_some_and(|tags| tags.len() == tokens.len())
        });
        if tag_list {
            return Some(Format::HfRows);
        }
    }
    if object.get("document").is_some_and(Value::is_string)
        && has("text")
        && list("spans").is_some()
    {
        return Some(Format::GlosserJsonl);
    }
    if object
        .get("spans")
        .is_some_and(|spans| spans.get("sc").is_some())
        && has("words")
    {
        return Some(Format::GlosserSpacy);
    }
    let min_regions = object.values().any(|value| {
        value.as_array().is_some_and(|items| {
            !items.is_empty()
                && items.iter().all(|item| {
                    is_offset_item(item)
                        && item
                            .as_object()
                            .is_some_and(|o| o.keys().any(|k| k.ends_with("labels")))
                })
        })
    });
    if min_regions || (has("annotation_id") && has("lead_time")) {
        return Some(Format::LabelStudioMin);
    }
    let text = object.get("text").is_some_and(Value::is_string)
        || object.get("data").is_some_and(Value::is_string);
    let doccano_labels = ["label", "labels"]
        .iter()
        .any(|key| list(key).is_some_and(|items| items.iter().all(|item| is_triple(item, false))));
    let doccano_entities = ["entities", "annotations"].iter().any(|key| {
        list(key).is_some_and(|items| {
            !items.is_empty() && items.iter().all(|item| item.get("start_offset").is_some())
        })
    });
    if text && (doccano_labels || doccano_entities) {
        return Some(Format::Doccano);
    }
    if text && list("spans").is_some_and(|spans| spans.iter().all(is_offset_item)) {
        return Some(Format::Prodigy);
    }
    None
}

/// `{"e_1": "Person", "r_1": "works_for", …}`.
fn is_legend(object: &Map<String, Value>) -> bool {
    !object.is_empty()
        && object.iter().all(|(key, value)| {
            let mut parts = key.splitn(2, '_');
            let kind = parts.next().unwrap_or_default();
            let number = parts.next().unwrap_or_default();
            ["e", "m", "r", "f", "n"].contains(&kind)
                && number.parse::<usize>().is_ok()
                && value.is_string()
        })
}

fn is_argilla(object: &Map<String, Value>) -> bool {
    let has = |key: &str| object.contains_key(key);
    if object.get("fields").is_some_and(Value::is_object)
        && (has("responses") || has("suggestions"))
    {
        return true;
    }
    if object
        .keys()
        .any(|key| key.ends_with(".responses") || key.ends_with(".suggestion"))
    {
        return true;
    }
    if !object.get("text").is_some_and(Value::is_string) {
        return false;
    }
    if has("annotation_agent") || has("prediction_agent") {
        return true;
    }
    ["annotation", "prediction"].iter().any(|key| {
        object
            .get(*key)
            .and_then(Value::as_array)
            .is_some_and(|items| {
                !items.is_empty()
                    && items.iter().all(|item| {
                        is_triple(item, true)
                            || (is_offset_item(item) && item.get("label").is_some())
                    })
            })
    })
}

#[cfg(test)]
mod tests;
