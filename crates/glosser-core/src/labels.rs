//! Label sets: the shipped default (`assets/labels.ron`) and a corpus's own `glosser.ron`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub mod add;
mod repair;
mod ron_edit;

/// The default label set, embedded in the binary.
pub const DEFAULT_LABELS_RON: &str = include_str!("../../../assets/labels.ron");

/// Why a label set (assets/labels.ron, a corpus's glosser.ron) cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LabelSetError(pub String);

impl From<String> for LabelSetError {
    fn from(why: String) -> Self {
        Self(why)
    }
}

impl From<&str> for LabelSetError {
    fn from(why: &str) -> Self {
        Self(why.to_owned())
    }
}

/// Name of the corpus file that replaces the default labels.
pub const CORPUS_CONFIG_FILE: &str = "glosser.ron";

/// The largest `glosser.ron` glosser reads.
pub const CORPUS_CONFIG_LIMIT: u64 = 1 << 20;

/// One label: the name stored in files, its key, colour and a one-line definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub name: String,
    /// The digit `1`..`9` that applies this label. Optional: labels without one get the free
    /// digits in order, and the rest (a set may have any number of labels) are reached by a
    /// picker.
    #[serde(default)]
    pub key: Option<char>,
    /// `#rrggbb` or a colour name (see [`parse_color`]); grey when left out.
    #[serde(default = "default_color")]
    pub color: String,
    #[serde(default)]
    pub description: String,
}

fn default_color() -> String {
    "gray".to_owned()
}

/// A link type (SPEC §10): its name as stored in files, which labels it may go from and to, and
/// an optional key: while a link is pending in the TUI, that key on the second span creates a
/// link of this type (and picks it in the type picker). `r` still creates every type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkType {
    pub name: String,
    pub from: Vec<String>,
    pub to: Vec<String>,
    #[serde(default)]
    pub key: Option<char>,
}

impl LinkType {
    /// Whether this type may link a span labelled `from` to one labelled `to`.
    pub fn allows(&self, from: &str, to: &str) -> bool {
        self.from.iter().any(|l| l == from) && self.to.iter().any(|l| l == to)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelFile {
    labels: Vec<Label>,
    /// Where the team's guidelines are (read by `crate::guidelines`, not here).
    #[serde(default, rename = "guidelines")]
    _guidelines: Option<String>,
    #[serde(default)]
    links: Vec<LinkType>,
    /// What a published dataset card says (read by `crate::ops::export::metadata`, not here).
    #[serde(default, rename = "dataset")]
    _dataset: Option<serde::de::IgnoredAny>,
}

/// Why a label set was refused.
#[derive(Debug, thiserror::Error)]
pub enum LabelError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// An ordered set of labels (the order is the legend's and breaks ties in exports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelSet {
    labels: Vec<Label>,
    links: Vec<LinkType>,
}

impl Default for LabelSet {
    fn default() -> Self {
        Self::parse(DEFAULT_LABELS_RON, "assets/labels.ron").unwrap_or_else(|_| Self {
            labels: Vec::new(),
            links: Vec::new(),
        })
    }
}

impl LabelSet {
    /// Parses and checks a label file; `origin` names it in errors.
    pub fn parse(source: &str, origin: &str) -> Result<Self, LabelError> {
        let invalid = |message: String| LabelError::Invalid {
            path: origin.to_owned(),
            message,
        };
        let file: LabelFile = crate::fsio::ron_options()
            .from_str(source)
            .map_err(|e| invalid(format!("{}: {}", e.span.start, e.code)))?;
        Self::new(file.labels)
            .and_then(|set| set.with_links(file.links))
            .map_err(|e| invalid(e.0))
    }

    /// The set with these link types, checking that names are valid and unique and that every
    /// label they name is in the set.
    pub fn with_links(mut self, links: Vec<LinkType>) -> Result<Self, LabelSetError> {
        for (i, link) in links.iter().enumerate() {
            if !is_valid_label_name(&link.name) {
                return Err(format!("link type name {:?} is not allowed", link.name).into());
            }
            if links[..i].iter().any(|l| l.name == link.name) {
                return Err(format!("link type {:?} is defined twice", link.name).into());
            }
            if link.from.is_empty() || link.to.is_empty() {
                return Err(format!(
                    "link type {:?} needs at least one label in `from` and in `to`",
                    link.name
                )
                .into());
            }
            if let Some(unknown) = link.from.iter().chain(&link.to).find(|l| !self.contains(l)) {
                return Err(format!(
                    "link type {:?} names label {unknown:?}, which the set does not define",
                    link.name
                )
                .into());
            }
            if let Some(key) = link.key {
                check_link_key(link, key, &links[..i])?;
            }
        }
        self.links = links;
        Ok(self)
    }

    /// The link types in order.
    pub fn link_types(&self) -> &[LinkType] {
        &self.links
    }

    /// The link type with this name.
    pub fn link_type(&self, name: &str) -> Option<&LinkType> {
        self.links.iter().find(|l| l.name == name)
    }

    /// The link type whose key is `key`.
    pub fn link_type_by_key(&self, key: char) -> Option<&LinkType> {
        self.links.iter().find(|l| l.key == Some(key))
    }

    /// The link types that may go from a span labelled `from` to one labelled `to`.
    pub fn link_types_for(&self, from: &str, to: &str) -> Vec<&LinkType> {
        self.links.iter().filter(|l| l.allows(from, to)).collect()
    }

    /// Builds a set, checking names, keys and colours; labels without a key get the digits no
    /// label claimed, in order, while they last.
    pub fn new(mut labels: Vec<Label>) -> Result<Self, LabelSetError> {
        if labels.is_empty() {
            return Err("the label set is empty; define at least one label"
                .to_owned()
                .into());
        }
        for (i, label) in labels.iter().enumerate() {
            if !is_valid_label_name(&label.name) {
                return Err(format!(
                    "label name {:?} is not allowed: use letters, digits, spaces (not at either end), '_', '-', '.', ':', '/', '&' or '+'",
                    label.name
                ).into());
            }
            if let Some(key) = label.key
                && !('1'..='9').contains(&key)
            {
                return Err(format!(
                    "label {:?} has key {key:?}; keys are the digits 1 to 9",
                    label.name
                )
                .into());
            }
            if parse_color(&label.color).is_none() {
                return Err(format!(
                    "label {:?} has colour {:?}; use #rrggbb or a colour name",
                    label.name, label.color
                )
                .into());
            }
            if let Some(other) = labels[..i].iter().find(|l| l.name == label.name) {
                return Err(format!("label {:?} is defined twice", other.name).into());
            }
            if let Some(key) = label.key
                && let Some(other) = labels[..i].iter().find(|l| l.key == Some(key))
            {
                return Err(format!(
                    "labels {:?} and {:?} share the key {key}",
                    other.name, label.name
                )
                .into());
            }
        }
        let taken: Vec<char> = labels.iter().filter_map(|l| l.key).collect();
        let mut free = ('1'..='9').filter(|d| !taken.contains(d));
        for label in labels.iter_mut().filter(|l| l.key.is_none()) {
            label.key = free.next();
        }
        Ok(Self {
            labels,
            links: Vec::new(),
        })
    }

    /// The labels in order.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The label with this name.
    pub fn get(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// Whether a label of this name exists.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The label bound to a digit key.
    pub fn by_key(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.key == Some(key))
    }

    /// Position of a label in the set (unknown labels sort last).
    pub fn rank(&self, name: &str) -> usize {
        self.labels
            .iter()
            .position(|l| l.name == name)
            .unwrap_or(self.labels.len())
    }

    /// Replaces colours by name (user overrides); unknown names and bad colours are reported.
    pub fn apply_colors<'a>(
        &mut self,
        colors: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Vec<String> {
        let mut warnings = Vec::new();
        for (name, color) in colors {
            match (
                self.labels.iter_mut().find(|l| &l.name == name),
                parse_color(color),
            ) {
                (Some(label), Some(_)) => label.color.clone_from(color),
                (None, _) => warnings.push(format!("colour for unknown label {name:?} ignored")),
                (_, None) => {
                    warnings.push(format!("colour {color:?} for {name:?} is not a colour"));
                }
            }
        }
        warnings
    }

    /// Parses a corpus's label file, repairing what is wrong in it instead of refusing it (see
    /// `repair`): the set, and one warning per thing dropped. Only a file that does not parse,
    /// or that has no usable label at all, is refused.
    pub fn parse_repairing(source: &str, origin: &str) -> Result<(Self, Vec<String>), LabelError> {
        let invalid = |message: String| LabelError::Invalid {
            path: origin.to_owned(),
            message,
        };
        let file: LabelFile = crate::fsio::ron_options()
            .from_str(source)
            .map_err(|e| invalid(format!("{}: {}", e.span.start, e.code)))?;
        let (labels, links, warnings) = repair::repair(file.labels, file.links);
        let set = Self::new(labels)
            .and_then(|set| set.with_links(links))
            .map_err(|e| invalid(e.0))?;
        let warnings = warnings
            .into_iter()
            .map(|w| format!("{origin}: {w}"))
            .collect();
        Ok((set, warnings))
    }

    /// The corpus's labels: its `glosser.ron` if present and valid, else the default set.
    /// A broken `glosser.ron` gives the default set and a warning naming the file; a mistake in
    /// one label or link type drops only that (see [`LabelSet::for_corpus_warnings`]).
    pub fn for_corpus(root: &Path) -> (Self, Option<String>) {
        let (set, warnings) = Self::for_corpus_warnings(root);
        (set, (!warnings.is_empty()).then(|| warnings.join("; ")))
    }

    /// The corpus's labels, with one warning per thing `glosser.ron` had wrong: a bad key,
    /// colour, label or link type is dropped and the rest kept; a file that does not parse (or
    /// cannot be read) gives the default set.
    pub fn for_corpus_warnings(root: &Path) -> (Self, Vec<String>) {
        let path: PathBuf = root.join(CORPUS_CONFIG_FILE);
        let read = crate::fsio::read_in_corpus(root, &path, CORPUS_CONFIG_LIMIT)
            .and_then(|bytes| crate::fsio::into_text(&path, bytes));
        match read {
            Ok(source) => match Self::parse_repairing(&source, &crate::fsio::display_path(&path)) {
                Ok((set, warnings)) => (set, warnings),
                Err(e) => (
                    Self::default(),
                    vec![format!("{e}; using the default labels")],
                ),
            },
            Err(e) if e.is_not_found() => (Self::default(), Vec::new()),
            Err(e) => (
                Self::default(),
                vec![format!("{e}; using the default labels")],
            ),
        }
    }
}

/// A link type's key: one printable character that is not a label digit, unique among the link
/// types (`earlier`).
fn check_link_key(link: &LinkType, key: char, earlier: &[LinkType]) -> Result<(), LabelSetError> {
    if key.is_control() || key.is_whitespace() {
        return Err(format!(
            "link type {:?} has key {:?}, which is not a printable character; use a letter or sign such as 'r'",
            link.name,
            key.escape_default().to_string()
        ).into());
    }
    if ('1'..='9').contains(&key) {
        return Err(format!(
            "link type {:?} has key '{key}', but the digits 1 to 9 are label keys; use a letter or sign such as 'r'",
            link.name
        ).into());
    }
    if let Some(other) = earlier.iter().find(|l| l.key == Some(key)) {
        return Err(format!(
            "link types {:?} and {:?} share the key '{key}'; give each its own key (or leave `key` out)",
            other.name, link.name
        ).into());
    }
    Ok(())
}

/// Label names: non-empty, at most 64 chars: letters, digits, `_ - . : / & +` and single spaces
/// inside (`Worked At`, as Label Studio and doccano allow; conll and hf replace the space).
pub(crate) fn is_valid_label_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= 64
        && !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.:/&+ ".contains(c))
}

/// `#rrggbb` or one of a few colour names, as RGB.
pub fn parse_color(s: &str) -> Option<(u8, u8, u8)> {
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some((byte(0)?, byte(2)?, byte(4)?));
    }
    let rgb = match s.to_ascii_lowercase().as_str() {
        "red" => (255, 95, 95),
        "green" => (95, 215, 95),
        "yellow" => (255, 215, 95),
        "blue" => (95, 135, 255),
        "magenta" => (215, 95, 215),
        "cyan" => (95, 215, 215),
        "orange" => (255, 175, 0),
        "pink" => (255, 135, 175),
        "purple" => (175, 95, 255),
        "gray" | "grey" => (168, 168, 168),
        "white" => (238, 238, 238),
        _ => return None,
    };
    Some(rgb)
}

#[cfg(test)]
mod tests;
