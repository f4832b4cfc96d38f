//! What opening a corpus needs besides its documents: the annotator, the label set, the keymap
//! and the suggester from the user's config, with the warnings met on the way.

use std::path::Path;

use super::super::keymap::Keymap;
use crate::config;
use crate::labels::LabelSet;

/// The config, resolved for one corpus.
pub struct Settings {
    pub annotator: String,
    pub labels: LabelSet,
    pub keymap: Keymap,
    /// The suggester from the config (`suggestions:`).
    pub suggestions: Option<String>,
    /// Everything worth telling the user, in order.
    pub warnings: Vec<String>,
}

impl Settings {
    /// Reads the config, resolves the annotator and loads the corpus's labels.
    pub fn resolve(root: &Path, annotator_flag: Option<&str>) -> anyhow::Result<Self> {
        let (config, config_warning) = config::load_config(config::config_path().as_deref());
        let env = std::env::var(config::ANNOTATOR_ENV).ok();
        let (annotator, name_warning) = config::resolve_annotator(
            annotator_flag,
            env.as_deref(),
            config.annotator.as_deref(),
            config::login_name().as_deref(),
        )
        .map_err(anyhow::Error::msg)?;
        let (mut labels, label_warning) = LabelSet::for_corpus(root);
        let color_warnings = labels.apply_colors(&config.colors);
        let (keymap, key_warnings) = Keymap::with_overrides(&config.keys);
        let warnings: Vec<String> = [config_warning, name_warning, label_warning]
            .into_iter()
            .flatten()
            .chain(color_warnings)
            .chain(key_warnings)
            .collect();
        Ok(Self {
            annotator,
            labels,
            keymap,
            suggestions: config.suggestions,
            warnings,
        })
    }
}
