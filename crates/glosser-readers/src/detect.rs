//! Naming a file's format from its content (and, to break ties, its name), for `--format
//! auto` and for "this looks like X, use --format X": the formats this crate reads, and those
//! read elsewhere (glosser's own readers, `glosser-uima`) that a wrong `--format` would
//! otherwise read as nothing. [`unread_annotation_keys`] names the keys of a JSON record that
//! look like annotations but that a given reader does not read.

mod keys;
mod record;
mod text;

use serde_json::Value;

pub use keys::{Shape, UnreadKey, unread_annotation_keys};
pub use record::classify_record;

/// A format a file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// CoNLL / IOB columns ([`crate::conll`]).
    Conll,
    /// Hugging Face token-classification rows ([`crate::hf`]).
    HfRows,
    /// Label Studio JSON-MIN ([`crate::label_studio_min`]).
    LabelStudioMin,
    /// GATE bdocjs ([`crate::gate`]).
    GateBdocjs,
    /// A tagtog `ann.json` ([`crate::tagtog`]).
    TagtogAnnJson,
    /// A tagtog `annotations-legend.json` ([`crate::tagtog::parse_legend`]).
    TagtogLegend,
    /// Argilla records ([`crate::argilla`]).
    Argilla,
    /// spaCy v2 JSON ([`crate::spacy_v2`]).
    SpacyV2,
    /// doccano JSONL (read by glosser).
    Doccano,
    /// Label Studio's full JSON export (read by glosser).
    LabelStudio,
    /// Prodigy JSONL (read by glosser).
    Prodigy,
    /// glosser's own `jsonl` (read by glosser).
    GlosserJsonl,
    /// glosser's `spacy` export (text, `spans.sc`, `words`, `spaces`), input to its DocBin script.
    GlosserSpacy,
    /// brat standoff `.ann` (read by glosser).
    Brat,
    /// UIMA CAS JSON (read by `glosser-uima`).
    UimaCasJson,
    /// UIMA CAS XMI (read by `glosser-uima`).
    UimaXmi,
    /// WebAnno TSV 3 (read by `glosser-uima`).
    WebAnnoTsv,
}

impl Format {
    /// The `--format` name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Conll => "conll",
            Format::HfRows => "hf",
            Format::LabelStudioMin => "label-studio-min",
            Format::GateBdocjs => "gate",
            Format::TagtogAnnJson => "tagtog",
            Format::TagtogLegend => "tagtog-legend",
            Format::Argilla => "argilla",
            Format::SpacyV2 => "spacy-v2",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Prodigy => "prodigy",
            Format::GlosserJsonl => "jsonl",
            Format::GlosserSpacy => "spacy",
            Format::Brat => "brat",
            Format::UimaCasJson => "uima-json",
            Format::UimaXmi => "xmi",
            Format::WebAnnoTsv => "webanno",
        }
    }

    /// Whether this crate reads the format.
    pub fn read_here(self) -> bool {
        matches!(
            self,
            Format::Conll
                | Format::HfRows
                | Format::LabelStudioMin
                | Format::GateBdocjs
                | Format::TagtogAnnJson
                | Format::TagtogLegend
                | Format::Argilla
                | Format::SpacyV2
        )
    }
}

/// How many bytes the text checks look at.
const WINDOW: usize = 64 * 1024;

/// Names the format of a file from its bytes; `file_name` (may be empty) only breaks ties
/// (`.bdocjs`, `.ann`, `.conll`, …). `None` when it is none of the [`Format`]s.
pub fn detect(bytes: &[u8], file_name: &str) -> Option<Format> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let trimmed = bytes.trim_ascii_start();
    let name = file_name.to_ascii_lowercase();
    if trimmed.starts_with(b"{") || trimmed.starts_with(b"[") {
        return json(trimmed).or_else(|| name.ends_with(".bdocjs").then_some(Format::GateBdocjs));
    }
    let head = String::from_utf8_lossy(&trimmed[..trimmed.len().min(WINDOW)]);
    if head.starts_with("#FORMAT=WebAnno TSV 3") {
        return Some(Format::WebAnnoTsv);
    }
    if head.starts_with('<') {
        return (head.contains("http://www.omg.org/XMI")).then_some(Format::UimaXmi);
    }
    if text::looks_like_brat(&head) || (name.ends_with(".ann") && head.trim().is_empty()) {
        return Some(Format::Brat);
    }
    let hinted = [
        ".conll",
        ".iob",
        ".bio",
        ".iob2",
        ".conll03",
        ".conll2003",
        ".conll2002",
    ]
    .iter()
    .any(|ext| name.ends_with(ext));
    text::looks_like_conll(&head, hinted).then_some(Format::Conll)
}

/// The format of a JSON document or JSON Lines file, by its first record.
fn json(bytes: &[u8]) -> Option<Format> {
    let first = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Array(items)) => items.into_iter().find(Value::is_object)?,
        Ok(value) => value,
        Err(_) => {
            let line = bytes
                .split(|b| *b == b'\n')
                .find(|line| !line.trim_ascii().is_empty())?;
            serde_json::from_slice(line).ok()?
        }
    };
    classify_record(&first)
}

#[cfg(test)]
mod tests;
