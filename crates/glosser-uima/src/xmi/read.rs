//! Reading CAS XMI into feature structures, then into a document.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::Imported;
use crate::cas::{Cas, Fs, Value, View, interpret::interpret};
use crate::error::Error;
use crate::typesystem::TypeSystem;
use crate::xml::{attributes, element_name, push_reference, push_text, syntax_error};

const XMI_NAMESPACE: &str = "http://www.omg.org/XMI";

/// Reads a CAS XMI file. With the export's type system, every feature is read as what it is;
/// without it, references are recognised by INCEpTION's feature names (`Governor`,
/// `Dependent`, ...) and by pointing at non-annotation feature structures.
pub fn read(xmi: &str, typesystem: Option<&TypeSystem>) -> Result<Imported, Error> {
    let cas = parse(xmi)?;
    interpret(&cas, typesystem)
}

/// A feature structure element being read, with its multi-valued string children.
struct Open {
    fs: Fs,
    child: Option<(String, String)>,
    strings: Vec<(String, String)>,
}

fn parse(xmi: &str) -> Result<Cas, Error> {
    let mut reader = Reader::from_str(xmi.strip_prefix('\u{feff}').unwrap_or(xmi));
    let mut packages: HashMap<String, String> = HashMap::new();
    let mut cas = Cas::default();
    let mut depth = 0usize;
    let mut open: Option<Open> = None;
    let mut seen_root = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| syntax_error(&reader, &error))?;
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Start(element) | Event::Empty(element) if depth == 0 => {
                let name = element_name(&element);
                let attributes = attributes(&reader, &element)?;
                if !name.ends_with("XMI") {
                    return Err(Error::Structure {
                        format: "XMI",
                        message: format!("the root element is <{name}>, not <xmi:XMI>"),
                    });
                }
                for (key, value) in attributes {
                    if let Some(prefix) = key.strip_prefix("xmlns:")
                        && value != XMI_NAMESPACE
                    {
                        packages.insert(prefix.to_owned(), package_of(&value));
                    }
                }
                seen_root = true;
                if is_start {
                    depth = 1;
                }
            }
            Event::Start(element) | Event::Empty(element) if depth == 1 => {
                let name = element_name(&element);
                let attributes = attributes(&reader, &element)?;
                if let Some(fs) = structure(&name, attributes, &packages, &mut cas)? {
                    if is_start {
                        open = Some(Open {
                            fs,
                            child: None,
                            strings: Vec::new(),
                        });
                    } else {
                        cas.structures.push(fs);
                    }
                }
                if is_start {
                    depth = 2;
                }
            }
            Event::Start(element) => {
                if depth == 2
                    && let Some(current) = open.as_mut()
                {
                    current.child = Some((element_name(&element), String::new()));
                }
                depth += 1;
            }
            Event::Empty(element) => {
                if depth == 2
                    && let Some(current) = open.as_mut()
                {
                    current
                        .strings
                        .push((element_name(&element), String::new()));
                }
            }
            Event::Text(text) => {
                if let Some((_, value)) = open.as_mut().and_then(|current| current.child.as_mut()) {
                    push_text(value, &text);
                }
            }
            Event::GeneralRef(reference) => {
                if let Some((_, value)) = open.as_mut().and_then(|current| current.child.as_mut()) {
                    push_reference(&reader, value, &reference)?;
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 2
                    && let Some(current) = open.as_mut()
                    && let Some(child) = current.child.take()
                {
                    current.strings.push(child);
                } else if depth == 1
                    && let Some(current) = open.take()
                {
                    cas.structures.push(close(current));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(Error::Structure {
            format: "XMI",
            message: "there is no <xmi:XMI> element".into(),
        });
    }
    Ok(cas)
}

/// Adds multi-valued string children (`<feature>value</feature>`) to their structure.
fn close(mut current: Open) -> Fs {
    let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
    for (name, value) in current.strings {
        match grouped.iter_mut().find(|(known, _)| *known == name) {
            Some((_, values)) => values.push(value),
            None => grouped.push((name, vec![value])),
        }
    }
    for (name, values) in grouped {
        current.fs.features.push((name, Value::Strings(values)));
    }
    current.fs
}

/// Reads one child of the root: a view, or a feature structure (`None` for `cas:NULL` and
/// XMI's own elements).
fn structure(
    name: &str,
    attributes: Vec<(String, String)>,
    packages: &HashMap<String, String>,
    cas: &mut Cas,
) -> Result<Option<Fs>, Error> {
    let (prefix, local) = name.split_once(':').unwrap_or(("", name));
    if prefix == "xmi" || (prefix == "cas" && local == "NULL") {
        return Ok(None);
    }
    if prefix == "cas" && local == "View" {
        let get = |key: &str| {
            attributes
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.as_str())
        };
        cas.views.push(View {
            name: None,
            sofa: get("sofa").and_then(|sofa| sofa.trim().parse().ok()),
            members: get("members")
                .unwrap_or_default()
                .split_ascii_whitespace()
                .filter_map(|id| id.parse().ok())
                .collect(),
        });
        return Ok(None);
    }
    let package = packages.get(prefix).ok_or_else(|| Error::Structure {
        format: "XMI",
        message: format!("element <{name}> uses the undeclared namespace prefix {prefix:?}"),
    })?;
    let type_name = if package.is_empty() {
        local.to_owned()
    } else {
        format!("{package}.{local}")
    };
    let mut id = None;
    let mut features = Vec::new();
    for (key, value) in attributes {
        if key == "xmi:id" {
            id = value.trim().parse::<u64>().ok();
        } else if !key.contains(':') {
            features.push((key, Value::Raw(value)));
        }
    }
    let id = id.ok_or_else(|| Error::Structure {
        format: "XMI",
        message: format!("<{name}> has no numeric xmi:id"),
    })?;
    Ok(Some(Fs {
        id,
        type_name,
        features,
    }))
}

/// `http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore` → `de.tudarmstadt...ner.type`.
fn package_of(uri: &str) -> String {
    let path = uri
        .trim_start_matches("http://")
        .trim_start_matches('/')
        .trim_end_matches(".ecore");
    if path == "uima/noNamespace" {
        String::new()
    } else {
        path.replace('/', ".")
    }
}

#[cfg(test)]
mod tests;
