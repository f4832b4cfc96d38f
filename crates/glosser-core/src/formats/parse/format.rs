//! The formats `glosser import` reads, by their `--format` names, and how a file's content names
//! its format (`--format auto`, and "this looks like X" when the wrong one was given).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use glosser_readers::Format as Detected;

use crate::formats::Rejected;

/// A format `glosser import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// glosser's own `jsonl`.
    Jsonl,
    Doccano,
    /// Label Studio's JSON export (a JSON-MIN file given as this is read as JSON-MIN).
    LabelStudio,
    /// Label Studio's JSON-MIN export (regions under each `from_name`).
    LabelStudioMin,
    Prodigy,
    /// A directory of brat `.txt` + `.ann` pairs.
    Brat,
    /// UIMA CAS JSON (INCEpTION's "UIMA CAS JSON"): a file or a directory of them.
    UimaJson,
    /// UIMA CAS XMI (with its `TypeSystem.xml` when there is one beside it).
    Xmi,
    /// WebAnno TSV 3.x.
    WebAnno,
    /// CoNLL / IOB columns.
    Conll,
    /// Hugging Face token-classification rows (JSON Lines or a JSON list).
    Hf,
    /// GATE `bdocjs`.
    Gate,
    /// A directory of tagtog `.ann.json` files beside their plain texts.
    Tagtog,
    /// Argilla records (v1, v2, v2 flattened).
    Argilla,
    /// spaCy v2 JSON training data.
    SpacyV2,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 15] = [
        ImportFormat::Jsonl,
        ImportFormat::Doccano,
        ImportFormat::LabelStudio,
        ImportFormat::LabelStudioMin,
        ImportFormat::Prodigy,
        ImportFormat::Brat,
        ImportFormat::UimaJson,
        ImportFormat::Xmi,
        ImportFormat::WebAnno,
        ImportFormat::Conll,
        ImportFormat::Hf,
        ImportFormat::Gate,
        ImportFormat::Tagtog,
        ImportFormat::Argilla,
        ImportFormat::SpacyV2,
    ];

    /// The `--format` name.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Doccano => "doccano",
            ImportFormat::LabelStudio => "label-studio",
            ImportFormat::LabelStudioMin => "label-studio-min",
            ImportFormat::Prodigy => "prodigy",
            ImportFormat::Brat => "brat",
            ImportFormat::UimaJson => "uima-json",
            ImportFormat::Xmi => "xmi",
            ImportFormat::WebAnno => "webanno",
            ImportFormat::Conll => "conll",
            ImportFormat::Hf => "hf",
            ImportFormat::Gate => "gate",
            ImportFormat::Tagtog => "tagtog",
            ImportFormat::Argilla => "argilla",
            ImportFormat::SpacyV2 => "spacy-v2",
        }
    }

    /// Every `--format` name `import` takes, `auto` included.
    pub fn names() -> String {
        let mut names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
        names.push("auto");
        names.join(", ")
    }

    /// The format the sniffer names, when glosser imports it.
    pub(crate) fn from_detected(detected: Detected) -> Option<Self> {
        Some(match detected {
            Detected::Conll => ImportFormat::Conll,
            Detected::HfRows => ImportFormat::Hf,
            Detected::LabelStudioMin => ImportFormat::LabelStudioMin,
            Detected::GateBdocjs => ImportFormat::Gate,
            Detected::TagtogAnnJson => ImportFormat::Tagtog,
            Detected::Argilla => ImportFormat::Argilla,
            Detected::SpacyV2 => ImportFormat::SpacyV2,
            Detected::Doccano => ImportFormat::Doccano,
            Detected::LabelStudio => ImportFormat::LabelStudio,
            Detected::Prodigy => ImportFormat::Prodigy,
            Detected::GlosserJsonl => ImportFormat::Jsonl,
            Detected::Brat => ImportFormat::Brat,
            Detected::UimaCasJson => ImportFormat::UimaJson,
            Detected::UimaXmi => ImportFormat::Xmi,
            Detected::WebAnnoTsv => ImportFormat::WebAnno,
            Detected::TagtogLegend | Detected::GlosserSpacy => return None,
        })
    }

    /// The sniffer's name for the format (to ask which keys its reader reads).
    pub(crate) fn detected(self) -> Detected {
        match self {
            ImportFormat::Jsonl => Detected::GlosserJsonl,
            ImportFormat::Doccano => Detected::Doccano,
            ImportFormat::LabelStudio => Detected::LabelStudio,
            ImportFormat::LabelStudioMin => Detected::LabelStudioMin,
            ImportFormat::Prodigy => Detected::Prodigy,
            ImportFormat::Brat => Detected::Brat,
            ImportFormat::UimaJson => Detected::UimaCasJson,
            ImportFormat::Xmi => Detected::UimaXmi,
            ImportFormat::WebAnno => Detected::WebAnnoTsv,
            ImportFormat::Conll => Detected::Conll,
            ImportFormat::Hf => Detected::HfRows,
            ImportFormat::Gate => Detected::GateBdocjs,
            ImportFormat::Tagtog => Detected::TagtogAnnJson,
            ImportFormat::Argilla => Detected::Argilla,
            ImportFormat::SpacyV2 => Detected::SpacyV2,
        }
    }

    /// Whether the input is JSON (one document, an array or JSON Lines).
    pub(crate) fn is_json(self) -> bool {
        !matches!(
            self,
            ImportFormat::Brat
                | ImportFormat::Xmi
                | ImportFormat::WebAnno
                | ImportFormat::Conll
                | ImportFormat::Tagtog
        )
    }
}

impl fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ImportFormat {
    type Err = Rejected;

    fn from_str(s: &str) -> Result<Self, Rejected> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                Rejected(format!(
                    "glosser cannot import {s:?}; use one of {}",
                    Self::names()
                ))
            })
    }
}

/// The format of an import source by its content: a file by its bytes (its name breaks ties), a
/// directory by the files in it (tagtog's `.ann.json`, brat's `.ann`, then the first UIMA or
/// WebAnno file).
pub fn detect(input: &Path) -> Result<ImportFormat, Rejected> {
    let found = if input.is_dir() {
        detect_dir(input)
    } else {
        let bytes = std::fs::read(input)
            .map_err(|e| Rejected(format!("{}: cannot read: {e}", input.display())))?;
        let name = input.file_name().map(|n| n.to_string_lossy().into_owned());
        glosser_readers::detect(&bytes, name.as_deref().unwrap_or_default())
    };
    let what = if input.is_dir() { "directory" } else { "file" };
    match found {
        Some(detected) => ImportFormat::from_detected(detected).ok_or_else(|| {
            Rejected(format!(
                "{}: this {what} looks like {}, which glosser does not import{}",
                input.display(),
                describe(detected),
                if detected == Detected::GlosserSpacy {
                    " (import glosser's jsonl export instead)"
                } else {
                    ""
                }
            ))
        }),
        None => Err(Rejected(format!(
            "{}: cannot tell the format of this {what}; give --format (one of {})",
            input.display(),
            ImportFormat::ALL
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// The format of a directory's files: tagtog (`.ann.json`) first, then brat (`.ann`), then
/// the first other file whose content names a format (in sorted order).
fn detect_dir(dir: &Path) -> Option<Detected> {
    let files = files_under(dir);
    if files.iter().any(|f| has_suffix(f, ".ann.json")) {
        return Some(Detected::TagtogAnnJson);
    }
    if files.iter().any(|f| has_suffix(f, ".ann")) {
        return Some(Detected::Brat);
    }
    files.iter().find_map(|file| {
        let bytes = std::fs::read(file).ok()?;
        let name = file.file_name()?.to_string_lossy().into_owned();
        glosser_readers::detect(&bytes, &name)
    })
}

/// The regular files under `dir`, sorted, hidden ones left out.
pub(crate) fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(entry.path()),
                Ok(t) if t.is_file() => files.push(entry.path()),
                _ => {}
            }
        }
    }
    files.sort();
    files
}

pub(crate) fn has_suffix(path: &Path, suffix: &str) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().to_ascii_lowercase().ends_with(suffix))
}

/// A format as a sentence names it.
pub(crate) fn describe(detected: Detected) -> &'static str {
    match detected {
        Detected::Conll => "a CoNLL / IOB file",
        Detected::HfRows => "Hugging Face token-classification rows",
        Detected::LabelStudioMin => "Label Studio's JSON-MIN export",
        Detected::GateBdocjs => "a GATE bdocjs file",
        Detected::TagtogAnnJson => "a tagtog ann.json file",
        Detected::TagtogLegend => "a tagtog annotations legend",
        Detected::Argilla => "Argilla records",
        Detected::SpacyV2 => "spaCy v2 JSON training data",
        Detected::Doccano => "a doccano export",
        Detected::LabelStudio => "Label Studio's JSON export",
        Detected::Prodigy => "a Prodigy export",
        Detected::GlosserJsonl => "glosser's jsonl",
        Detected::GlosserSpacy => "glosser's spacy export",
        Detected::Brat => "brat standoff",
        Detected::UimaCasJson => "UIMA CAS JSON",
        Detected::UimaXmi => "UIMA CAS XMI",
        Detected::WebAnnoTsv => "WebAnno TSV 3",
    }
}

#[cfg(test)]
mod tests;
