//! A format-neutral CAS: the feature structures an XMI or JSON file holds, before they are
//! interpreted as spans and relations (`interpret`) or after a document is laid out for
//! writing (`plan`).

pub(crate) mod interpret;
pub(crate) mod plan;

use std::collections::HashMap;

use crate::offsets::OffsetEncoding;

pub(crate) const SOFA: &str = "uima.cas.Sofa";
pub(crate) const INITIAL_VIEW: &str = "_InitialView";
pub(crate) const DOCUMENT_META_DATA: &str =
    "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData";

/// A feature value as the file wrote it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Str(String),
    /// A number, kept as written.
    Number(String),
    Bool(bool),
    Ref(u64),
    /// Several references (an XMI multi-valued reference, a JSON `%ELEMENTS` list).
    Refs(Vec<u64>),
    /// Several strings (XMI child elements, a JSON string array).
    Strings(Vec<String>),
    Null,
    /// An XMI attribute whose type only a type system can tell.
    Raw(String),
}

impl Value {
    /// The value as a string, when it is one value.
    pub(crate) fn as_text(&self) -> Option<String> {
        match self {
            Value::Str(text) | Value::Number(text) | Value::Raw(text) => Some(text.clone()),
            Value::Bool(value) => Some(value.to_string()),
            Value::Ref(id) => Some(id.to_string()),
            Value::Refs(_) | Value::Strings(_) | Value::Null => None,
        }
    }

    /// The value as an integer offset.
    pub(crate) fn as_offset(&self) -> Option<usize> {
        match self {
            Value::Number(text) | Value::Raw(text) | Value::Str(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as references; `Raw` values are read as space-separated ids.
    pub(crate) fn as_refs(&self) -> Option<Vec<u64>> {
        match self {
            Value::Ref(id) => Some(vec![*id]),
            Value::Refs(ids) => Some(ids.clone()),
            Value::Raw(text) => text
                .split_ascii_whitespace()
                .map(|id| id.parse().ok())
                .collect::<Option<Vec<u64>>>()
                .filter(|ids| !ids.is_empty()),
            _ => None,
        }
    }
}

/// One feature structure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fs {
    pub id: u64,
    pub type_name: String,
    pub features: Vec<(String, Value)>,
}

impl Fs {
    pub(crate) fn get(&self, name: &str) -> Option<&Value> {
        self.features
            .iter()
            .find(|(feature, _)| feature == name)
            .map(|(_, value)| value)
    }
}

/// A view: its sofa and the feature structures indexed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct View {
    pub name: Option<String>,
    pub sofa: Option<u64>,
    pub members: Vec<u64>,
}

/// Everything one file holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cas {
    pub structures: Vec<Fs>,
    pub views: Vec<View>,
    pub encoding: OffsetEncoding,
}

impl Cas {
    pub(crate) fn index(&self) -> HashMap<u64, &Fs> {
        self.structures.iter().map(|fs| (fs.id, fs)).collect()
    }

    /// The sofa of the initial view: the one with sofaID `_InitialView`, else the only one.
    pub(crate) fn initial_sofa(&self) -> Option<&Fs> {
        let sofas: Vec<&Fs> = self
            .structures
            .iter()
            .filter(|fs| fs.type_name == SOFA)
            .collect();
        sofas
            .iter()
            .find(|fs| fs.get("sofaID").and_then(Value::as_text).as_deref() == Some(INITIAL_VIEW))
            .or_else(|| {
                if sofas.len() == 1 {
                    sofas.first()
                } else {
                    None
                }
            })
            .copied()
    }
}

#[cfg(test)]
mod tests;
