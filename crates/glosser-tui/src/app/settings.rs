//! Opening a corpus for the TUI: what it needs besides its documents (the annotator, the label
//! set, the keymap and the suggester from the user's config, with the warnings met on the way),
//! and [`App::new`], which lists the corpus on a thread.

use std::path::Path;
use std::time::{Duration, Instant};

use super::super::keymap::Keymap;
use super::{App, Tone};
use glosser_core::config;
use glosser_core::labels::LabelSet;

/// What the TUI shows as suggestions (SPEC §9): the suggesters whose files it reads, the
/// lowest score shown, and whether the live sentence learner runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suggesting {
    pub names: Vec<String>,
    pub min_score: Option<f64>,
    pub learner: bool,
}

impl Suggesting {
    /// Suggester names from a comma-separated list (`suggestions:` in the config).
    pub fn names_from(list: &str) -> Vec<String> {
        list.split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The config, resolved for one corpus.
pub struct Settings {
    pub annotator: String,
    pub labels: LabelSet,
    pub keymap: Keymap,
    /// The suggesters, lowest score and learner from the config.
    pub suggesting: Suggesting,
    /// Everything worth telling the user, in order.
    pub warnings: Vec<String>,
}

impl Settings {
    /// Reads the config, resolves the annotator and loads the corpus's labels.
    pub(crate) fn resolve(
        root: &Path,
        annotator_flag: Option<&str>,
    ) -> Result<Self, glosser_core::config::AnnotatorError> {
        let (config, config_warning) = config::load_config(config::config_path().as_deref());
        let env = std::env::var(config::ANNOTATOR_ENV).ok();
        let (annotator, name_warning) = config::resolve_annotator(
            annotator_flag,
            env.as_deref(),
            config.annotator.as_deref(),
            config::login_name().as_deref(),
        )?;
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
            suggesting: Suggesting {
                names: config
                    .suggestions
                    .as_deref()
                    .map(Suggesting::names_from)
                    .unwrap_or_default(),
                min_score: config.min_score.map(|s| s.0),
                learner: config.learner,
            },
            warnings,
        })
    }
}

/// How long opening waits for the start document to be listed before the first frame (it is
/// usually listed within milliseconds; a resumed one deep in a big tree may take longer, and
/// then opens on a later `Tick`).
const START_WAIT: Duration = Duration::from_millis(100);

impl App {
    /// Opens a corpus for an annotator: labels, config, keymap. The corpus is listed on a
    /// thread (`listing.rs`); the document to start at (where the annotator left off, else
    /// the first) is opened as soon as it is listed, waiting for it at most a moment.
    pub fn new(root: &Path, annotator_flag: Option<&str>) -> Result<Self, crate::Error> {
        let settings = Settings::resolve(root, annotator_flag)?;
        // Reopening a corpus resumes at the last document and cursor.
        let start = super::super::resume::resume_path()
            .and_then(|path| super::super::resume::recall(&path, root, &settings.annotator))
            .map_or(super::super::listing::Start::First, |place| {
                super::super::listing::Start::Resume {
                    id: place.document,
                    cursor: place.cursor,
                }
            });
        let mut app = Self::listed(
            root,
            settings.labels,
            settings.annotator,
            settings.keymap,
            start,
        )?;
        let now = Instant::now();
        super::super::listing::wait_for_start(&mut app, START_WAIT, now);
        app.finish_settings(&settings.suggesting, &settings.warnings);
        Ok(app)
    }

    /// The suggesters, `NO_COLOR` and the warnings met while opening.
    pub(super) fn finish_settings(&mut self, suggesting: &Suggesting, warnings: &[String]) {
        self.assignments = glosser_core::assignments::Assignments::for_corpus(&self.corpus.root).0;
        self.set_suggesting(suggesting);
        self.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        if !warnings.is_empty() {
            self.message = Some((warnings.join("; "), Tone::Warning));
        }
    }
}
