//! Suggestions in the TUI (SPEC §9): a suggester's spans that the analyst has neither accepted
//! nor rejected are ghost spans; `y` accepts the one under the cursor, `Y` all of them (one undo
//! step), `X` rejects (kept in the analyst's `rejected` list), `>` `<` jump between them.

use std::time::Instant;

use super::super::action::Action;
use super::super::app::{App, Session, Tone};
use super::super::undo::Change;
use super::edit::commit;
use super::refuse;
use glosser_core::span::Span;
use glosser_core::suggest::ghosts::{accepted, open_suggestions, rejected};

impl App {
    /// Shows suggester `name`'s spans as ghost spans from now on, beside those shown already.
    pub(crate) fn show_suggestions(&mut self, name: &str) {
        if !glosser_core::store::is_valid_annotator(name) || name == self.annotator {
            self.say(
                format!("suggestions: {name:?} cannot be shown as suggestions here"),
                Tone::Warning,
            );
            return;
        }
        if !self.suggestions.iter().any(|n| n == name) {
            self.suggestions.push(name.to_owned());
        }
        self.reload_suggestions();
    }
}

/// The open suggestions (ghost spans) of a session, in text order: the suggesters' and the
/// live learner's, merged.
pub(crate) fn ghosts(session: &Session) -> Vec<Span> {
    let Some(suggested) = session.suggested.as_deref() else {
        return Vec::new();
    };
    if session.learned.is_empty() {
        return open_suggestions(suggested, &session.file);
    }
    let all = glosser_core::suggest::ghosts::merge(
        suggested.iter().chain(&session.learned).cloned().collect(),
    );
    open_suggestions(&all, &session.file)
}

/// The innermost ghost span covering `offset`.
pub(crate) fn ghost_at(ghosts: &[Span], offset: usize) -> Option<&Span> {
    ghosts
        .iter()
        .filter(|g| g.start <= offset && offset < g.end)
        .min_by(|a, b| a.len().cmp(&b.len()).then(b.start.cmp(&a.start)))
}

/// Handles the suggestion actions; `false` for every other action.
pub(crate) fn act(app: &mut App, action: Action, now: Instant) -> bool {
    if !matches!(
        action,
        Action::AcceptSuggestion
            | Action::AcceptAllSuggestions
            | Action::RejectSuggestion
            | Action::NextSuggestion
            | Action::PrevSuggestion
    ) {
        return false;
    }
    if app.suggestions.is_empty() && app.learner.is_none() {
        refuse(
            app,
            "no suggestions shown: open the corpus with --suggestions NAME (see `glosser suggest`)",
        );
        return true;
    }
    let Some(session) = app.session() else {
        return true;
    };
    let ghosts = ghosts(session);
    let cursor = session.cursor;
    match action {
        Action::NextSuggestion | Action::PrevSuggestion => {
            let target = if action == Action::NextSuggestion {
                ghosts.iter().find(|g| g.start > cursor)
            } else {
                ghosts.iter().rev().find(|g| g.start < cursor)
            };
            match target.map(|g| g.start) {
                Some(start) => {
                    if let Some(s) = app.session_mut() {
                        s.cursor = start;
                        s.anchor = None;
                    }
                }
                None => refuse(app, "no more suggestions in this direction"),
            }
        }
        _ => {
            if let Some(why) = session.read_only.clone() {
                refuse(app, &why);
                return true;
            }
            let edit: Vec<Change> = match action {
                Action::AcceptAllSuggestions => {
                    ghosts.iter().map(|g| Change::Add(accepted(g))).collect()
                }
                Action::AcceptSuggestion => ghost_at(&ghosts, cursor)
                    .map(|g| vec![Change::Add(accepted(g))])
                    .unwrap_or_default(),
                _ => ghost_at(&ghosts, cursor)
                    .map(|g| vec![Change::Reject(rejected(g))])
                    .unwrap_or_default(),
            };
            let valid = edit.iter().all(|c| match (c, &session.doc) {
                (Change::Add(s) | Change::Reject(s), Ok(doc)) => s.check(doc, &app.labels).is_ok(),
                _ => false,
            });
            if edit.is_empty() {
                let why = if action == Action::AcceptAllSuggestions {
                    "no suggestions left in this document"
                } else {
                    "no suggestion under the cursor (> jumps to the next)"
                };
                refuse(app, why);
            } else if !valid {
                refuse(
                    app,
                    "a suggestion does not fit this text or label set; run `glosser suggest` again",
                );
            } else {
                let n = edit.len();
                commit(app, edit, now);
                let what = match action {
                    Action::RejectSuggestion => "rejected the suggestion".to_owned(),
                    _ if n == 1 => "accepted the suggestion".to_owned(),
                    _ => format!("accepted {n} suggestions"),
                };
                app.say(format!("{what} (u undoes)"), Tone::Info);
            }
        }
    }
    true
}

#[cfg(test)]
mod tests;
