//! What a dataset card says about its data beyond the annotations: a pretty name, a licence and
//! the languages, from `glosser.ron`'s `dataset: (pretty_name: "…", license: "cc-by-4.0",
//! language: ["en"])` or the export's flags (which win). Licences are the Hugging Face Hub's
//! identifiers and languages ISO 639 codes, so the card the Hub validates says what was meant.

use std::path::Path;

use serde::Deserialize;

use crate::ops::error::refuse;

/// The card's metadata; `None` and empty lists are left out of the card (and said in its prose).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetMeta {
    #[serde(default)]
    pub pretty_name: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
    #[serde(default)]
    pub language: Vec<String>,
}

/// The part of `glosser.ron` this module reads.
#[derive(Deserialize)]
struct CorpusConfig {
    #[serde(default)]
    dataset: Option<DatasetMeta>,
}

/// The Hub's licence identifiers (huggingface.js, `packages/hub/src/types/public.ts`, type
/// `License`; docs: https://huggingface.co/docs/hub/repositories-licenses).
pub const LICENSES: [&str; 75] = [
    "apache-2.0",
    "mit",
    "openrail",
    "bigscience-openrail-m",
    "creativeml-openrail-m",
    "bigscience-bloom-rail-1.0",
    "bigcode-openrail-m",
    "afl-3.0",
    "artistic-2.0",
    "bsl-1.0",
    "bsd",
    "bsd-2-clause",
    "bsd-3-clause",
    "bsd-3-clause-clear",
    "c-uda",
    "cc",
    "cc0-1.0",
    "cc-by-2.0",
    "cc-by-2.5",
    "cc-by-3.0",
    "cc-by-4.0",
    "cc-by-sa-3.0",
    "cc-by-sa-4.0",
    "cc-by-nc-2.0",
    "cc-by-nc-3.0",
    "cc-by-nc-4.0",
    "cc-by-nd-4.0",
    "cc-by-nc-nd-3.0",
    "cc-by-nc-nd-4.0",
    "cc-by-nc-sa-2.0",
    "cc-by-nc-sa-3.0",
    "cc-by-nc-sa-4.0",
    "cdla-sharing-1.0",
    "cdla-permissive-1.0",
    "cdla-permissive-2.0",
    "wtfpl",
    "ecl-2.0",
    "epl-1.0",
    "epl-2.0",
    "etalab-2.0",
    "eupl-1.1",
    "agpl-3.0",
    "gfdl",
    "gpl",
    "gpl-2.0",
    "gpl-3.0",
    "lgpl",
    "lgpl-2.1",
    "lgpl-3.0",
    "isc",
    "lppl-1.3c",
    "ms-pl",
    "mpl-2.0",
    "odc-by",
    "odbl",
    "openrail++",
    "osl-3.0",
    "postgresql",
    "ofl-1.1",
    "ncsa",
    "unlicense",
    "zlib",
    "pddl",
    "lgpl-lr",
    "deepfloyd-if-license",
    "llama2",
    "llama3",
    "llama3.1",
    "llama3.2",
    "llama3.3",
    "gemma",
    "apple-ascl",
    "apple-amlr",
    "unknown",
    "other",
];

impl DatasetMeta {
    /// The corpus's `glosser.ron` `dataset` entry (nothing when the file or the entry is absent).
    pub fn of_corpus(root: &Path) -> crate::ops::Result<Self> {
        let path = root.join(crate::labels::CORPUS_CONFIG_FILE);
        let source =
            match crate::fsio::read_in_corpus(root, &path, crate::labels::CORPUS_CONFIG_LIMIT)
                .and_then(|bytes| crate::fsio::into_text(&path, bytes))
            {
                Ok(source) => source,
                Err(e) if e.is_not_found() => return Ok(Self::default()),
                Err(e) => return Err(e.into()),
            };
        match crate::fsio::ron_options().from_str::<CorpusConfig>(&source) {
            Ok(config) => {
                let meta = config.dataset.unwrap_or_default();
                meta.check(&crate::fsio::display_path(&path))?;
                Ok(meta)
            }
            // The labels' reader says what is wrong with a broken file; the card does without.
            Err(_) => Ok(Self::default()),
        }
    }

    /// `self` with every field `flags` sets replaced.
    #[must_use]
    pub fn overridden_by(mut self, flags: &DatasetMeta) -> Self {
        if flags.pretty_name.is_some() {
            self.pretty_name.clone_from(&flags.pretty_name);
        }
        if flags.license.is_some() {
            self.license.clone_from(&flags.license);
        }
        if !flags.language.is_empty() {
            self.language.clone_from(&flags.language);
        }
        self
    }

    /// Refuses a licence the Hub does not know and a language that is not an ISO 639 code;
    /// `origin` is where they were given (a file, or the flags).
    pub fn check(&self, origin: &str) -> crate::ops::Result<()> {
        if let Some(license) = &self.license
            && !LICENSES.contains(&license.as_str())
        {
            refuse!(
                "{origin}: license {license:?} is not a Hugging Face Hub licence identifier (such as cc-by-4.0, apache-2.0, mit, other; the list: https://huggingface.co/docs/hub/repositories-licenses)"
            );
        }
        for code in &self.language {
            let ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
            if !ok {
                refuse!(
                    "{origin}: language {code:?} is not an ISO 639 code (two or three lowercase letters, such as en or deu)"
                );
            }
        }
        if self
            .pretty_name
            .as_deref()
            .is_some_and(|n| n.trim().is_empty() || n.contains(['\n', '\r']))
        {
            refuse!("{origin}: pretty_name must be one line of text");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
