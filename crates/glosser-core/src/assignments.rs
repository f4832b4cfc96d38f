//! Who annotates what (SPEC §11): `assignments.ron` at the corpus root, beside `glosser.ron`.
//!
//! ```ron
//! (
//!     // annotator → documents: ids (`politics/ukraine.txt`) or patterns, where `*` matches
//!     // within one folder level, `?` one character and `**` any number of folders
//!     assign: {
//!         "alice": ["politics/**", "sport/match1.txt"],
//!         "bob": ["politics/**"],
//!     },
//!     // optional: how many annotators each assigned document needs (overlap for agreement);
//!     // `glosser status` flags documents assigned to fewer
//!     overlap: 2,
//!     // optional: the control set — documents annotated blind, with no suggestions shown in
//!     // the TUI, so `glosser agree --control` can compare labels made with and without them
//!     blind: ["politics/2025/*.txt"],
//!     // optional: documents blind for one annotator only (a crossover design)
//!     blind_for: {"bob": ["sport/**"]},
//! )
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// The file name of a corpus's assignments.
pub const ASSIGNMENTS_FILE: &str = "assignments.ron";
const LIMIT: u64 = 4 << 20;

/// A corpus's assignments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignments {
    /// Annotator → document ids or patterns.
    #[serde(default)]
    pub assign: BTreeMap<String, Vec<String>>,
    /// How many annotators each assigned document needs; 0 or absent: no requirement.
    #[serde(default)]
    pub overlap: usize,
    /// The control set: documents (ids or patterns) annotated blind by everyone — the TUI
    /// shows no suggestions on them.
    #[serde(default)]
    pub blind: Vec<String>,
    /// Documents annotated blind by one annotator only.
    #[serde(default)]
    pub blind_for: BTreeMap<String, Vec<String>>,
}

/// Why `assignments.ron` was not used.
#[derive(Debug, thiserror::Error)]
pub enum AssignmentsError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl Assignments {
    /// Parses and checks an assignments file; `origin` names it in errors.
    pub fn parse(source: &str, origin: &str) -> Result<Self, AssignmentsError> {
        let invalid = |message: String| AssignmentsError::Invalid {
            path: origin.to_owned(),
            message,
        };
        let parsed: Self = crate::fsio::ron_options().from_str(source).map_err(|e| {
            invalid(format!(
                "{}:{}: {}",
                e.span.start.line, e.span.start.col, e.code
            ))
        })?;
        for name in parsed.assign.keys().chain(parsed.blind_for.keys()) {
            if !crate::store::is_valid_annotator(name) {
                return Err(invalid(format!(
                    "{name:?} is not a valid annotator name ([a-z0-9][a-z0-9_-]{{0,31}})"
                )));
            }
        }
        Ok(parsed)
    }

    /// The corpus's assignments: none when there is no file; a broken file gives none and a
    /// warning naming it.
    pub fn for_corpus(root: &Path) -> (Self, Option<String>) {
        let path = root.join(ASSIGNMENTS_FILE);
        let read = crate::fsio::read_in_corpus(root, &path, LIMIT)
            .and_then(|bytes| crate::fsio::into_text(&path, bytes));
        match read {
            Ok(source) => match Self::parse(&source, &crate::fsio::display_path(&path)) {
                Ok(set) => (set, None),
                Err(e) => (Self::default(), Some(format!("{e}; assignments ignored"))),
            },
            Err(e) if e.is_not_found() => (Self::default(), None),
            Err(e) => (Self::default(), Some(format!("{e}; assignments ignored"))),
        }
    }

    /// Whether `annotator` annotates document `id` blind (no suggestions shown): it is in the
    /// control set for everyone or for them.
    pub fn is_blind(&self, annotator: &str, id: &str) -> bool {
        self.blind.iter().any(|p| matches(p, id))
            || self
                .blind_for
                .get(annotator)
                .is_some_and(|patterns| patterns.iter().any(|p| matches(p, id)))
    }

    /// Whether any document is blind for anyone.
    pub fn has_control_set(&self) -> bool {
        !self.blind.is_empty() || self.blind_for.values().any(|p| !p.is_empty())
    }

    /// Whether there is anything assigned.
    pub fn is_empty(&self) -> bool {
        self.assign.values().all(Vec::is_empty)
    }

    /// The annotators assigned the document `id`, sorted.
    pub fn assigned(&self, id: &str) -> Vec<String> {
        self.assign
            .iter()
            .filter(|(_, patterns)| patterns.iter().any(|p| matches(p, id)))
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Whether `annotator` is assigned the document `id`.
    pub fn is_assigned(&self, annotator: &str, id: &str) -> bool {
        self.assign
            .get(annotator)
            .is_some_and(|patterns| patterns.iter().any(|p| matches(p, id)))
    }
}

/// Puts the documents assigned to `annotator` first (each group keeps natural order), so the
/// TUI lists an analyst's own work at the top. Nothing changes without an assignment for them.
pub fn assigned_first(corpus: &mut crate::corpus::Corpus, annotator: &str) {
    let (assignments, _) = Assignments::for_corpus(&corpus.root);
    if assignments.assign.contains_key(annotator) {
        corpus
            .documents
            .sort_by_key(|d| !assignments.is_assigned(annotator, &d.id));
    }
}

/// Whether the document id matches a pattern (`*` within a level, `?` one character, `**` any
/// number of levels); a pattern without wildcards is an exact id.
pub fn matches(pattern: &str, id: &str) -> bool {
    let pattern: Vec<&str> = pattern.split('/').collect();
    let id: Vec<&str> = id.split('/').collect();
    match_levels(&pattern, &id)
}

fn match_levels(pattern: &[&str], id: &[&str]) -> bool {
    match pattern.split_first() {
        None => id.is_empty(),
        Some((&"**", rest)) => (0..=id.len()).any(|skip| match_levels(rest, &id[skip..])),
        Some((first, rest)) => id.split_first().is_some_and(|(level, id_rest)| {
            match_level(first, level) && match_levels(rest, id_rest)
        }),
    }
}

fn match_level(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Classic wildcard matching with one backtrack point.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests;
