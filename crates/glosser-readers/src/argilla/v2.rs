//! Argilla v2 records: nested (`fields`, `responses`, `suggestions`) and flattened
//! (`QUESTION.responses`, `QUESTION.suggestion` columns).

use serde_json::{Map, Value};

use super::{FORMAT, ReadOptions, V2_KEYS, new_document, span_value};
use crate::error::Error;
use crate::json::as_text;
use crate::model::Document;
use crate::offsets::TextIndex;
use crate::report::Tally;

pub(super) fn nested(
    object: &Map<String, Value>,
    place: &str,
    options: &ReadOptions,
    not_read: &mut Tally,
) -> Result<Document, Error> {
    let empty = Map::new();
    let fields = object
        .get("fields")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let text = text_field(fields, place, options)?;
    let mut document = new_document(object, text);
    let index = TextIndex::new(text);
    for (question, responses) in object
        .get("responses")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
    {
        for response in responses.as_array().map_or(&[][..], Vec::as_slice) {
            let user = response
                .get("user_id")
                .filter(|user| !user.is_null())
                .map(as_text);
            let value = response.get("value").unwrap_or(&Value::Null);
            span_value(
                &mut document,
                &index,
                value,
                question,
                user.as_deref(),
                None,
                place,
                not_read,
            );
        }
    }
    for (question, suggestion) in object
        .get("suggestions")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
    {
        let agent = suggestion.get("agent").and_then(Value::as_str);
        let value = suggestion.get("value").unwrap_or(&Value::Null);
        span_value(
            &mut document,
            &index,
            value,
            &format!("{question}.suggestion"),
            agent,
            suggestion.get("score"),
            place,
            not_read,
        );
    }
    for (key, value) in object {
        let empty_value = value.is_null() || value.as_object().is_some_and(Map::is_empty);
        if !V2_KEYS.contains(&key.as_str()) && !empty_value {
            not_read.add(format!("key {key}"), format!("{place}: {}", as_text(value)));
        }
    }
    Ok(document)
}

pub(super) fn flat(
    object: &Map<String, Value>,
    place: &str,
    options: &ReadOptions,
    not_read: &mut Tally,
) -> Result<Document, Error> {
    let text = text_field(object, place, options)?;
    let text_key = options.text_field.as_deref().unwrap_or("text");
    let mut document = new_document(object, text);
    let index = TextIndex::new(text);
    let mut understood = vec![
        "id".to_owned(),
        "_server_id".to_owned(),
        text_key.to_owned(),
    ];
    for (key, value) in object {
        if let Some(question) = key.strip_suffix(".responses") {
            let users = object
                .get(&format!("{key}.users"))
                .and_then(Value::as_array);
            for (number, response) in value
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .enumerate()
            {
                let user = users
                    .and_then(|users| users.get(number))
                    .filter(|user| !user.is_null())
                    .map(as_text);
                span_value(
                    &mut document,
                    &index,
                    response,
                    question,
                    user.as_deref(),
                    None,
                    place,
                    not_read,
                );
            }
            understood.extend([key.clone(), format!("{key}.users"), format!("{key}.status")]);
        } else if let Some(question) = key.strip_suffix(".suggestion") {
            let agent = object.get(&format!("{key}.agent")).and_then(Value::as_str);
            let score = object.get(&format!("{key}.score"));
            span_value(
                &mut document,
                &index,
                value,
                &format!("{question}.suggestion"),
                agent,
                score,
                place,
                not_read,
            );
            understood.extend([key.clone(), format!("{key}.agent"), format!("{key}.score")]);
        }
    }
    for (key, value) in object {
        if !understood.contains(key) && !value.is_null() {
            not_read.add(format!("key {key}"), format!("{place}: {}", as_text(value)));
        }
    }
    Ok(document)
}

/// The text of a record's fields.
fn text_field<'a>(
    fields: &'a Map<String, Value>,
    place: &str,
    options: &ReadOptions,
) -> Result<&'a str, Error> {
    if let Some(name) = &options.text_field {
        return fields
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| Error::shape(FORMAT, format!("{place} has no text field {name:?}")));
    }
    if let Some(text) = fields.get("text").and_then(Value::as_str) {
        return Ok(text);
    }
    let strings: Vec<&str> = fields.values().filter_map(Value::as_str).collect();
    match strings.as_slice() {
        [only] => Ok(only),
        _ => Err(Error::shape(
            FORMAT,
            format!(
                "{place} has no `text` field and {} other text fields; name the field",
                strings.len()
            ),
        )),
    }
}
