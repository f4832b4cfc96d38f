//! The labels and link types an import source declares or uses (`import --add-labels`): brat's
//! `annotation.conf`, a Label Studio labelling config, doccano's label list, a tagtog legend,
//! Hugging Face `ClassLabel` names, INCEpTION's layers and tagsets, and the labels and relation
//! types its records use.

mod brat_conf;
mod label_studio_config;

use std::path::Path;

use crate::formats::Rejected;
use crate::formats::import::Record;

pub use brat_conf::brat_conf;
pub use label_studio_config::label_studio_config;

/// A link type as a file declares or uses it: its name and the labels at each end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkDecl {
    pub name: String,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

/// Labels and link types, in the order they were first declared or met.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schema {
    pub labels: Vec<String>,
    pub links: Vec<LinkDecl>,
}

impl Schema {
    /// Adds a label once (empty names are left out).
    pub fn add_label(&mut self, name: &str) {
        if !name.is_empty() && !self.labels.iter().any(|l| l == name) {
            self.labels.push(name.to_owned());
        }
    }

    /// Adds a link type, or the ends it lacks to one already there.
    pub fn add_link(&mut self, name: &str, from: &[String], to: &[String]) {
        if name.is_empty() {
            return;
        }
        let at = if let Some(at) = self.links.iter().position(|l| l.name == name) {
            at
        } else {
            self.links.push(LinkDecl {
                name: name.to_owned(),
                ..LinkDecl::default()
            });
            self.links.len() - 1
        };
        let link = &mut self.links[at];
        for (ends, new) in [(&mut link.from, from), (&mut link.to, to)] {
            for label in new {
                if !label.is_empty() && !ends.contains(label) {
                    ends.push(label.clone());
                }
            }
        }
    }

    /// Everything `other` declares, after what this one does.
    pub fn merge(&mut self, other: Schema) {
        for label in &other.labels {
            self.add_label(label);
        }
        for link in other.links {
            self.add_link(&link.name, &link.from, &link.to);
        }
    }

    /// The labels a record's spans (and rejected suggestions) use, and its links' types with the
    /// labels of their ends.
    pub fn note_record(&mut self, record: &Record) {
        for span in &record.spans {
            self.add_label(&span.label);
        }
        for span in &record.rejected {
            self.add_label(&span.label);
        }
        for link in &record.links {
            let (Some(from), Some(to)) = (record.spans.get(link.from), record.spans.get(link.to))
            else {
                continue;
            };
            self.add_link(
                &link.kind,
                std::slice::from_ref(&from.label),
                std::slice::from_ref(&to.label),
            );
        }
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.links.is_empty()
    }
}

/// Reads a file that declares labels (`--schema FILE`): a Label Studio labelling config (XML), a
/// doccano label list or tagtog legend or Hugging Face `dataset_info.json` (JSON), else a brat
/// `annotation.conf`.
pub fn read_file(path: &Path) -> Result<Schema, Rejected> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Rejected(format!("{}: cannot read: {e}", path.display())))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let at = |e: String| Rejected(format!("{}: {e}", path.display()));
    let trimmed = text.trim_start();
    if trimmed.starts_with('<') {
        return label_studio_config(text).map_err(|e| at(e.0));
    }
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        return json_labels(text).map_err(|e| at(e.0));
    }
    Ok(brat_conf(text))
}

/// Labels from a JSON label file: doccano's label list (`[{"id", "text"}]`), a list of names, a
/// tagtog legend (`{"e_1": "Person"}`) or a Hugging Face `dataset_info.json` (its `ClassLabel`
/// names, `B-`/`I-` prefixes dropped).
fn json_labels(text: &str) -> Result<Schema, Rejected> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut schema = Schema::default();
    match &value {
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(name) => schema.add_label(name),
                    Value::Object(_) => {
                        let name = ["text", "name", "value"]
                            .iter()
                            .find_map(|k| item.get(k).and_then(Value::as_str))
                            .ok_or_else(|| format!("label {item} has no text or name"))?;
                        schema.add_label(name);
                    }
                    other => return Err(format!("{other} is not a label").into()),
                }
            }
        }
        Value::Object(_) if text.contains("ClassLabel") => {
            let names =
                glosser_readers::hf::label_names(text, "ner_tags").map_err(|e| e.to_string())?;
            for name in names {
                let bare = name
                    .split_once('-')
                    .filter(|(prefix, _)| ["B", "I", "E", "S", "L", "U"].contains(prefix))
                    .map_or(name.as_str(), |(_, bare)| bare);
                if bare != "O" {
                    schema.add_label(bare);
                }
            }
        }
        Value::Object(_) => {
            let legend = glosser_readers::tagtog::parse_legend(text).map_err(|e| e.to_string())?;
            for (id, name) in legend {
                if id.starts_with("e_") {
                    schema.add_label(&name);
                }
            }
        }
        _ => return Err("not a label list".to_owned().into()),
    }
    Ok(schema)
}

#[cfg(test)]
mod tests;
