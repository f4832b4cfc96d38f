//! `import --add-labels`: the labels and link types an import source declares or uses, written
//! into the corpus's `glosser.ron` (created from the default set when there is none, so the
//! labels in use stay). Existing labels and link types are never changed; what could not be
//! added is said, with why.

use std::path::Path;

use super::{CORPUS_CONFIG_FILE, LabelSet, is_valid_label_name, ron_edit};
use crate::formats::schema::Schema;

/// What adding a schema to a corpus did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Added {
    /// Labels written into `glosser.ron`.
    pub labels: Vec<String>,
    /// Link types written, as `name (from → to)`.
    pub links: Vec<String>,
    /// What was not added, and why (a name that cannot be a label, a link type that exists but
    /// does not allow some pairs the input uses).
    pub not_added: Vec<String>,
}

impl Added {
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.links.is_empty() && self.not_added.is_empty()
    }
}

/// Why the labels could not be added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(
        "{path}: does not parse ({why}); --add-labels never rewrites a broken glosser.ron — fix it and import again"
    )]
    Broken { path: String, why: String },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Colours new labels take in turn (after the default set's).
const PALETTE: [&str; 10] = [
    "#00afaf", "#d7af00", "#af5fd7", "#5f87d7", "#d75f5f", "#87af5f", "#d787af", "#5fafd7",
    "#af875f", "#87d7af",
];

/// Writes what `schema` declares and the corpus lacks into its `glosser.ron`; `source` names the
/// import in the new labels' descriptions.
pub fn add(root: &Path, schema: &Schema, source: &str) -> Result<Added, AddError> {
    let path = root.join(CORPUS_CONFIG_FILE);
    let shown = crate::fsio::display_path(&path);
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(AddError::Broken {
                path: shown,
                why: e.to_string(),
            });
        }
    };
    let (current, _) = match &existing {
        Some(text) => LabelSet::parse_repairing(text, &shown).map_err(|e| AddError::Broken {
            path: shown.clone(),
            why: e.to_string(),
        })?,
        None => (LabelSet::default(), Vec::new()),
    };
    let mut added = Added::default();
    let mut label_entries = Vec::new();
    let mut names: Vec<String> = current.labels().iter().map(|l| l.name.clone()).collect();
    for label in &schema.labels {
        if names.contains(label) {
            continue;
        }
        if !is_valid_label_name(label) {
            added.not_added.push(format!(
                "{label:?} cannot be a label name (letters, digits, `_ - . : / & +` and single spaces, at most 64 characters)"
            ));
            continue;
        }
        let color = PALETTE[label_entries.len() % PALETTE.len()];
        label_entries.push(format!(
            "(name: {}, color: {}, description: {})",
            quoted(label),
            quoted(color),
            quoted(&format!("Added by glosser import from {source}."))
        ));
        names.push(label.clone());
        added.labels.push(label.clone());
    }
    let mut link_entries = Vec::new();
    for link in &schema.links {
        if let Some(there) = current.link_type(&link.name) {
            let missing: Vec<String> = link
                .from
                .iter()
                .flat_map(|f| link.to.iter().map(move |t| (f, t)))
                .filter(|(f, t)| !there.allows(f, t))
                .map(|(f, t)| format!("{f} → {t}"))
                .collect();
            if !missing.is_empty() {
                added.not_added.push(format!(
                    "link type {:?} is already defined and is not changed; it does not allow {} (edit it in {shown} to allow them)",
                    link.name,
                    missing.join(", ")
                ));
            }
            continue;
        }
        if !is_valid_label_name(&link.name) {
            added
                .not_added
                .push(format!("{:?} cannot be a link type name", link.name));
            continue;
        }
        let known = |ends: &[String]| -> Vec<String> {
            ends.iter().filter(|l| names.contains(l)).cloned().collect()
        };
        let (from, to) = (known(&link.from), known(&link.to));
        if from.is_empty() || to.is_empty() {
            added.not_added.push(format!(
                "link type {:?}: the labels at its ends are not labels of the corpus",
                link.name
            ));
            continue;
        }
        let list = |ends: &[String]| {
            ends.iter()
                .map(|l| quoted(l))
                .collect::<Vec<_>>()
                .join(", ")
        };
        link_entries.push(format!(
            "(name: {}, from: [{}], to: [{}])",
            quoted(&link.name),
            list(&from),
            list(&to)
        ));
        added.links.push(format!(
            "{} ({} → {})",
            link.name,
            from.join("|"),
            to.join("|")
        ));
    }
    if label_entries.is_empty() && link_entries.is_empty() {
        return Ok(added);
    }
    let base = existing.unwrap_or_else(|| super::DEFAULT_LABELS_RON.to_owned());
    let edited =
        ron_edit::append(&base, &label_entries, &link_entries).ok_or_else(|| AddError::Broken {
            path: shown.clone(),
            why: "no top-level `labels` list found".to_owned(),
        })?;
    // The edited file must keep every label and link type as it was, and parse as it will be
    // read: refuse to write anything else.
    let (after, _) = LabelSet::parse_repairing(&edited, &shown).map_err(|e| AddError::Broken {
        path: shown.clone(),
        why: format!("the edited file would not parse: {e}"),
    })?;
    let unchanged = current
        .labels()
        .iter()
        .all(|l| after.get(&l.name) == Some(l))
        && current
            .link_types()
            .iter()
            .all(|l| after.link_type(&l.name) == Some(l));
    if !unchanged {
        return Err(AddError::Broken {
            path: shown,
            why: "the edited file would change existing labels".to_owned(),
        });
    }
    crate::fsio::write_atomic(&path, edited.as_bytes()).map_err(|source| AddError::Write {
        path: shown,
        source,
    })?;
    Ok(added)
}

/// A RON string literal.
fn quoted(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
}

#[cfg(test)]
mod tests;
