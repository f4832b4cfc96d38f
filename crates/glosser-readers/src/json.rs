//! Reading JSON inputs: one value, an array of records, or JSON Lines; and small accessors.

use serde_json::Value;

use crate::error::Error;

/// A record of a JSON input and where it was: `record 3` (array) or `line 3` (JSON Lines).
#[derive(Debug, Clone)]
pub struct Located {
    pub place: String,
    pub value: Value,
}

/// The members of a JSON object in the file's order (serde_json's maps sort their keys).
pub fn ordered_object(text: &str) -> Result<Option<Vec<(String, Value)>>, Error> {
    struct Members(Option<Vec<(String, Value)>>);

    impl<'de> serde::Deserialize<'de> for Members {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(MembersVisitor)
        }
    }

    struct MembersVisitor;

    impl<'de> serde::de::Visitor<'de> for MembersVisitor {
        type Value = Members;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON value")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
            let mut members = Vec::new();
            while let Some(member) = map.next_entry::<String, Value>()? {
                members.push(member);
            }
            Ok(Members(Some(members)))
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Members, A::Error> {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok(Members(None))
        }

        fn visit_bool<E>(self, _: bool) -> Result<Members, E> {
            Ok(Members(None))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Members, E> {
            Ok(Members(None))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Members, E> {
            Ok(Members(None))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Members, E> {
            Ok(Members(None))
        }
        fn visit_str<E>(self, _: &str) -> Result<Members, E> {
            Ok(Members(None))
        }
        fn visit_unit<E>(self) -> Result<Members, E> {
            Ok(Members(None))
        }
    }

    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Members>(text)
        .map(|members| members.0)
        .map_err(|error| Error::Json {
            line: None,
            message: error.to_string(),
        })
}

/// The records of `text`: the elements of a top-level array, the object itself, or each
/// non-empty line of a JSON Lines file.
pub fn records(text: &str) -> Result<Vec<Located>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => Ok(items
            .into_iter()
            .enumerate()
            .map(|(index, value)| Located {
                place: format!("record {}", index + 1),
                value,
            })
            .collect()),
        Ok(value) => Ok(vec![Located {
            place: "record 1".to_owned(),
            value,
        }]),
        Err(whole) => {
            let lines: Vec<(usize, &str)> = text
                .lines()
                .enumerate()
                .filter(|(_, line)| !line.trim().is_empty())
                .collect();
            if lines.len() < 2 {
                return Err(Error::Json {
                    line: None,
                    message: whole.to_string(),
                });
            }
            lines
                .into_iter()
                .map(|(index, line)| {
                    serde_json::from_str(line)
                        .map(|value| Located {
                            place: format!("line {}", index + 1),
                            value,
                        })
                        .map_err(|error| Error::Json {
                            line: Some(index + 1),
                            message: error.to_string(),
                        })
                })
                .collect()
        }
    }
}

/// Parses one JSON value.
pub fn value(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|error| Error::Json {
        line: None,
        message: error.to_string(),
    })
}

/// A non-negative integer (also one written as `3.0`).
pub fn offset(value: &Value) -> Option<usize> {
    if let Some(number) = value.as_u64() {
        return usize::try_from(number).ok();
    }
    let float = value.as_f64()?;
    (float >= 0.0 && float.fract() == 0.0 && float < 9.0e15).then_some(float as usize)
}

/// A scalar as text: strings as they are, numbers and booleans written out, `None` for null,
/// arrays and objects.
pub fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// Any value as text: scalars as [`scalar`] writes them, arrays and objects as compact JSON.
pub fn as_text(value: &Value) -> String {
    scalar(value).unwrap_or_else(|| value.to_string())
}

#[cfg(test)]
mod tests;
