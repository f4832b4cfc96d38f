//! User settings (`config.ron` in the platform config dir) and who the annotator is (SPEC §3).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::store::is_valid_annotator;

/// Environment variable naming the annotator.
pub const ANNOTATOR_ENV: &str = "GLOSSER_ANNOTATOR";
/// Environment variable pointing at another config file (tests, shared machines).
pub const CONFIG_ENV: &str = "GLOSSER_CONFIG";

/// The largest `config.ron` glosser reads.
pub const CONFIG_LIMIT: u64 = 1 << 20;

/// The user's `config.ron`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Default annotator name.
    pub annotator: Option<String>,
    /// Key overrides: key description (`"x"`, `"ctrl-d"`) → action name (`"DeleteSpan"`).
    pub keys: BTreeMap<String, String>,
    /// Colour overrides: label name → `#rrggbb` or colour name.
    pub colors: BTreeMap<String, String>,
    /// The suggester whose spans the TUI shows as ghost spans (SPEC §9), as `--suggestions`.
    pub suggestions: Option<String>,
}

/// Where the user's config lives: `$GLOSSER_CONFIG`, else the platform config dir.
pub fn config_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(CONFIG_ENV) {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "glosser").map(|d| d.config_dir().join("config.ron"))
}

/// Reads the config; a missing file is the default, a broken one the default plus a warning
/// that names the file.
pub fn load_config(path: Option<&Path>) -> (Config, Option<String>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    // A regular file only (a FIFO is never waited on), 1 MiB at most; it may be a symlink (into
    // a dotfiles folder) since it is the user's own file, not the corpus's.
    let read = crate::fsio::read_regular(path, CONFIG_LIMIT)
        .and_then(|bytes| crate::fsio::into_text(path, bytes));
    let source = match read {
        Ok(s) => s,
        Err(e) if e.is_not_found() => return (Config::default(), None),
        Err(e) => return (Config::default(), Some(format!("{e}; using defaults"))),
    };
    match crate::fsio::ron_options().from_str::<Config>(&source) {
        Ok(config) => (config, None),
        Err(e) => (
            Config::default(),
            Some(format!(
                "{}:{}: {}; using defaults",
                path.display(),
                e.span.start,
                e.code
            )),
        ),
    }
}

/// An annotator name typed by the user (flag or environment) that is not a valid name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct AnnotatorError(pub String);

impl From<String> for AnnotatorError {
    fn from(why: String) -> Self {
        Self(why)
    }
}

/// The annotator: `--annotator`, else `$GLOSSER_ANNOTATOR`, else the config, else the login
/// name made valid. A name the user typed that is not valid is an error; an unusable config
/// value is skipped with a warning.
pub fn resolve_annotator(
    flag: Option<&str>,
    env: Option<&str>,
    config: Option<&str>,
    login: Option<&str>,
) -> Result<(String, Option<String>), AnnotatorError> {
    let rule = "names are 1-32 characters of a-z, 0-9, '_' or '-', starting with a letter or digit";
    if let Some(name) = flag {
        return if is_valid_annotator(name) {
            Ok((name.to_owned(), None))
        } else {
            Err(format!("--annotator {name:?} is not a valid annotator name; {rule}").into())
        };
    }
    if let Some(name) = env.filter(|n| !n.is_empty()) {
        return if is_valid_annotator(name) {
            Ok((name.to_owned(), None))
        } else {
            Err(format!("{ANNOTATOR_ENV}={name:?} is not a valid annotator name; {rule}").into())
        };
    }
    let mut warning = None;
    if let Some(name) = config {
        if is_valid_annotator(name) {
            return Ok((name.to_owned(), None));
        }
        warning = Some(format!(
            "config annotator {name:?} is not a valid name ({rule}); using the login name"
        ));
    }
    if let Some(name) = login.and_then(sanitize_name) {
        return Ok((name, warning));
    }
    let said = format!(
        "no login name found ($USER, $LOGNAME, the home folder): annotating as \"annotator\"; use --annotator or {ANNOTATOR_ENV} to choose"
    );
    let warning = Some(warning.map_or(said.clone(), |w| format!("{w}; {said}")));
    Ok(("annotator".to_owned(), warning))
}

/// The annotator of whoever runs glosser, as the TUI would pick it without `--annotator`:
/// `$GLOSSER_ANNOTATOR`, else the config, else the login name (`status` shows them their own
/// spans to settle first; the pre-commit hook leaves other annotators' spans to them).
pub fn current_annotator() -> Result<(String, Option<String>), AnnotatorError> {
    let (config, _) = load_config(config_path().as_deref());
    let env = std::env::var(ANNOTATOR_ENV).ok();
    resolve_annotator(
        None,
        env.as_deref(),
        config.annotator.as_deref(),
        login_name().as_deref(),
    )
}

/// The login name from the environment.
pub fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .or_else(|| {
            // Containers and cron often set none of those; the home folder is named after you.
            let home = directories::BaseDirs::new()?.home_dir().to_owned();
            home_name(&home)
        })
}

/// The last component of a home folder (`/home/alice` → `alice`), unless it is the root.
fn home_name(home: &Path) -> Option<String> {
    home.file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
}

/// Makes a valid annotator name of any string: lower case, other characters become `-`.
pub(crate) fn sanitize_name(raw: &str) -> Option<String> {
    let mapped: String = raw
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name: String = mapped
        .trim_start_matches(['-', '_'])
        .chars()
        .take(32)
        .collect();
    is_valid_annotator(&name).then_some(name)
}

#[cfg(test)]
mod tests;
