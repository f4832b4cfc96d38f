//! One Hugging Face row: its tokens, tag columns, token offsets and glosser's status; columns
//! it does not read are tallied.

use serde_json::Value;

use super::{KNOWN_KEYS, OFFSET_PAIR_KEYS, ReadOptions, Row};
use crate::error::Error;
use crate::json::{Located, as_text, offset};
use crate::model::Skipped;
use crate::report::Tally;
use crate::tags::{Tag, parse_tag};

pub(super) fn row(
    record: &Located,
    tokens_key: &str,
    tags_key: &str,
    options: &ReadOptions,
    unread: &mut Tally,
    problems: &mut Vec<Skipped>,
) -> Result<Row, Error> {
    let place = &record.place;
    let object = record.value.as_object().ok_or_else(|| {
        Error::shape(
            "Hugging Face token-classification",
            format!("{place} is not an object"),
        )
    })?;
    let tokens: Vec<String> = object
        .get(tokens_key)
        .and_then(Value::as_array)
        .and_then(|tokens| {
            tokens
                .iter()
                .map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .ok_or_else(|| {
            Error::shape(
                "Hugging Face token-classification",
                format!("{place} has no list of string tokens in {tokens_key:?}"),
            )
        })?;
    let mut layers = Vec::new();
    for (name, value) in object {
        let is_layer = name == tags_key
            || name
                .strip_prefix(tags_key)
                .and_then(|rest| rest.strip_prefix('_'))
                .is_some_and(|n| n.parse::<usize>().is_ok());
        if is_layer {
            let tags = tags(value, name, place, options)?;
            let fits = tags.len() == tokens.len();
            if !fits {
                problems.push(Skipped::new(
                    format!("{place} {name}"),
                    format!("{} tags for {} tokens: not read", tags.len(), tokens.len()),
                ));
            }
            layers.push((name.clone(), fits.then_some(tags)));
        } else if name == "status" && glossers_status(value).is_some() {
            // glosser's own rows: the document's status, read below.
        } else if name != tokens_key
            && !KNOWN_KEYS.contains(&name.as_str())
            && !OFFSET_PAIR_KEYS.contains(&name.as_str())
        {
            unread.add(
                format!("column {name}"),
                format!("{place}: {}", short(&as_text(value))),
            );
        }
    }
    let offsets = token_offsets(object, tokens.len(), place, problems);
    Ok(Row {
        place: place.clone(),
        document: object.get("document").map(as_text),
        id: object.get("id").map(as_text),
        tokens,
        layers,
        offsets,
        text: object
            .get("text")
            .and_then(Value::as_str)
            .map(str::to_owned),
        status: object.get("status").and_then(glossers_status),
    })
}

/// A `status` value glosser writes.
fn glossers_status(value: &Value) -> Option<String> {
    value
        .as_str()
        .filter(|s| ["Todo", "InProgress", "Done"].contains(s))
        .map(str::to_owned)
}

fn short(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// A tag column as tags: strings, or integers named by the label list.
fn tags(
    value: &Value,
    column: &str,
    place: &str,
    options: &ReadOptions,
) -> Result<Vec<Tag>, Error> {
    let items = value.as_array().ok_or_else(|| {
        Error::shape(
            "Hugging Face token-classification",
            format!("{place}: {column} is not a list"),
        )
    })?;
    items
        .iter()
        .map(|item| {
            let name =
                match item {
                    Value::String(name) => name.clone(),
                    Value::Number(number) => {
                        let names = options.label_names.as_ref().ok_or_else(|| {
                            Error::MissingLabelNames {
                                column: column.to_owned(),
                            }
                        })?;
                        let index = number.as_i64().unwrap_or(-1);
                        usize::try_from(index)
                            .ok()
                            .and_then(|i| names.get(i))
                            .cloned()
                            .ok_or_else(|| Error::LabelIndex {
                                record: place.to_owned(),
                                column: column.to_owned(),
                                value: index,
                                count: names.len(),
                            })?
                    }
                    other => {
                        return Err(Error::shape(
                            "Hugging Face token-classification",
                            format!("{place}: {column} holds {other}, not a tag"),
                        ));
                    }
                };
            Ok(parse_tag(&name).unwrap_or(Tag::Outside))
        })
        .collect()
}

/// The row's token offsets, from `token_starts`/`token_ends` or a list of pairs.
fn token_offsets(
    object: &serde_json::Map<String, Value>,
    count: usize,
    place: &str,
    problems: &mut Vec<Skipped>,
) -> Option<Vec<(usize, usize)>> {
    let numbers = |key: &str| -> Option<Vec<usize>> {
        object.get(key)?.as_array()?.iter().map(offset).collect()
    };
    let pairs = if let (Some(starts), Some(ends)) = (numbers("token_starts"), numbers("token_ends"))
    {
        starts.into_iter().zip(ends).collect::<Vec<_>>()
    } else {
        let list = OFFSET_PAIR_KEYS
            .iter()
            .find_map(|key| object.get(*key)?.as_array())?;
        list.iter()
            .map(|pair| Some((offset(pair.get(0)?)?, offset(pair.get(1)?)?)))
            .collect::<Option<Vec<_>>>()?
    };
    if pairs.len() == count {
        Some(pairs)
    } else {
        problems.push(Skipped::new(
            format!("{place} token offsets"),
            format!("{} offsets for {count} tokens: not used", pairs.len()),
        ));
        None
    }
}
