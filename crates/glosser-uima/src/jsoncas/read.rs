//! Reading UIMA CAS JSON into feature structures, then into a document.

use serde_json::{Map, Value as Json};

use crate::Imported;
use crate::cas::{Cas, Fs, Value, View, interpret::interpret};
use crate::error::Error;
use crate::offsets::OffsetEncoding;
use crate::typesystem::{FeatureDescription, TOP, TypeDescription, TypeSystem};

fn malformed(message: impl Into<String>) -> Error {
    Error::Structure {
        format: "JSON",
        message: message.into(),
    }
}

/// Reads a UIMA CAS JSON file.
pub fn read(json: &str) -> Result<Imported, Error> {
    let root: Json = serde_json::from_str(json.strip_prefix('\u{feff}').unwrap_or(json))?;
    let mut cas = Cas::default();
    let types = match &root {
        Json::Object(root) => {
            cas.encoding = encoding(root)?;
            if let Some(views) = root.get("%VIEWS") {
                cas.views = views_of(views)?;
            }
            let structures = root
                .get("%FEATURE_STRUCTURES")
                .ok_or_else(|| malformed("there is no %FEATURE_STRUCTURES"))?;
            cas.structures = structures_of(structures)?;
            root.get("%TYPES").map(types_of).transpose()?
        }
        Json::Array(_) => {
            cas.structures = structures_of(&root)?;
            None
        }
        _ => return Err(malformed("the file is neither a JSON object nor an array")),
    };
    let types = types.filter(|types| !types.types.is_empty());
    interpret(&cas, types.as_ref())
}

fn encoding(root: &Map<String, Json>) -> Result<OffsetEncoding, Error> {
    let name = root
        .get("%HEADER")
        .and_then(|header| header.get("offset-encoding"))
        .or_else(|| root.get("%OFFSET_ENCODING"));
    match name {
        None | Some(Json::Null) => Ok(OffsetEncoding::Utf16),
        Some(Json::String(name)) => {
            OffsetEncoding::from_json_name(name).ok_or_else(|| Error::OffsetEncoding(name.clone()))
        }
        Some(other) => Err(Error::OffsetEncoding(other.to_string())),
    }
}

fn types_of(types: &Json) -> Result<TypeSystem, Error> {
    let types = types
        .as_object()
        .ok_or_else(|| malformed("%TYPES is not an object"))?;
    let mut all = Vec::new();
    for (name, description) in types {
        let description = description
            .as_object()
            .ok_or_else(|| malformed(format!("type {name} is not an object")))?;
        let supertype = description
            .get("%SUPER_TYPE")
            .and_then(Json::as_str)
            .unwrap_or(TOP)
            .to_owned();
        let features = description
            .iter()
            .filter(|(key, _)| !key.starts_with('%'))
            .map(|(key, feature)| FeatureDescription {
                name: key.clone(),
                range: feature
                    .get("%RANGE")
                    .and_then(Json::as_str)
                    .unwrap_or(TOP)
                    .to_owned(),
                element_type: feature
                    .get("%ELEMENT_TYPE")
                    .and_then(Json::as_str)
                    .map(str::to_owned),
            })
            .collect();
        all.push(TypeDescription {
            name: name.clone(),
            supertype,
            features,
        });
    }
    Ok(TypeSystem { types: all })
}

fn views_of(views: &Json) -> Result<Vec<View>, Error> {
    let views = views
        .as_object()
        .ok_or_else(|| malformed("%VIEWS is not an object"))?;
    Ok(views
        .iter()
        .map(|(name, view)| View {
            name: Some(name.clone()),
            sofa: view.get("%SOFA").and_then(Json::as_u64),
            members: view
                .get("%MEMBERS")
                .and_then(Json::as_array)
                .map(|members| members.iter().filter_map(Json::as_u64).collect())
                .unwrap_or_default(),
        })
        .collect())
}

fn structures_of(structures: &Json) -> Result<Vec<Fs>, Error> {
    match structures {
        Json::Array(all) => all.iter().map(|fs| structure(fs, None)).collect(),
        Json::Object(by_id) => by_id
            .iter()
            .map(|(id, fs)| {
                let id = id
                    .parse()
                    .map_err(|_| malformed(format!("feature structure key {id:?} is not an id")))?;
                structure(fs, Some(id))
            })
            .collect(),
        _ => Err(malformed(
            "%FEATURE_STRUCTURES is neither an array nor an object",
        )),
    }
}

fn structure(fs: &Json, id: Option<u64>) -> Result<Fs, Error> {
    let fs = fs
        .as_object()
        .ok_or_else(|| malformed("a feature structure is not an object"))?;
    let id = id
        .or_else(|| fs.get("%ID").and_then(Json::as_u64))
        .ok_or_else(|| malformed("a feature structure has no numeric %ID"))?;
    let type_name = fs
        .get("%TYPE")
        .and_then(Json::as_str)
        .ok_or_else(|| malformed(format!("feature structure {id} has no %TYPE")))?
        .to_owned();
    let mut features = Vec::new();
    for (key, value) in fs {
        if key == "%ELEMENTS" {
            features.push(("elements".to_owned(), elements(value)));
        } else if key.starts_with('%') {
        } else if let Some(name) = key.strip_prefix('@') {
            let value = match value {
                Json::Number(number) => number.as_u64().map_or(Value::Null, Value::Ref),
                Json::Array(ids) => Value::Refs(ids.iter().filter_map(Json::as_u64).collect()),
                _ => Value::Null,
            };
            features.push((name.to_owned(), value));
        } else {
            let name = key.trim_start_matches(['^', '#']);
            features.push((name.to_owned(), primitive(value)));
        }
    }
    Ok(Fs {
        id,
        type_name,
        features,
    })
}

fn elements(value: &Json) -> Value {
    match value {
        Json::Array(items) if items.iter().all(|item| item.is_u64() || item.is_null()) => {
            Value::Refs(items.iter().filter_map(Json::as_u64).collect())
        }
        Json::Array(items) => Value::Strings(
            items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map_or_else(|| item.to_string(), str::to_owned)
                })
                .collect(),
        ),
        other => primitive(other),
    }
}

fn primitive(value: &Json) -> Value {
    match value {
        Json::String(text) => Value::Str(text.clone()),
        Json::Number(number) => Value::Number(number.to_string()),
        Json::Bool(flag) => Value::Bool(*flag),
        Json::Null | Json::Object(_) => Value::Null,
        Json::Array(items) => Value::Strings(
            items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map_or_else(|| item.to_string(), str::to_owned)
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests;
