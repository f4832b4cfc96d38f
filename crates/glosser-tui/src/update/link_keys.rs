//! A link type's own key (SPEC §10: `(name: "speaker", …, key: 'r')` in the label set): while a
//! link is pending, the key on the second span creates a link of that type, and in the type
//! picker it picks that type. With no link pending, or with the cursor still on the first span
//! or off any span, the key does what the keymap says, so it can be a motion too.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::action::Action;
use super::super::app::{App, Mode};
use super::edit::edit_blocker;
use super::link_edit::create;
use super::refuse;
use glosser_core::labels::LinkType;

/// The action of a terminal key that is a link type's key and has a link to act on: the type
/// picker is open and the type is one of its choices (or is not, to say why), or the cursor is on
/// a span other than the link's first. `r` (the key of `Link`) stays `Link` outside the picker.
pub(crate) fn link_type_key(app: &App, key: KeyEvent) -> Option<Action> {
    if app.mode != Mode::Normal
        || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let kind = app.labels.link_type_by_key(c)?;
    let pending = app.session()?.pending_link.as_ref()?;
    let is_link_key = app.keymap.action_for(key) == Some(Action::Link);
    if let Some((_, types)) = &pending.choice {
        return (!is_link_key || types.contains(&kind.name)).then_some(Action::LinkAs(c));
    }
    let here = super::spans::link_end(app.session()?, &app.labels, &pending.from)?;
    (!is_link_key && here.key() != pending.from.key()).then_some(Action::LinkAs(c))
}

/// `Action::LinkAs`: the pending link, to the span under the cursor (or the one the type picker
/// asks about), as the type with key `key` — refused, saying why, when that type does not go
/// between the two labels.
pub(crate) fn link_as(app: &mut App, key: char, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(kind) = app.labels.link_type_by_key(key).cloned() else {
        return refuse(app, &format!("no link type has the key {key}"));
    };
    let Some(pending) = app.session().and_then(|s| s.pending_link.clone()) else {
        return refuse(
            app,
            &format!(
                "no link is pending: r on a span starts one, then {key} on the other span makes it {}",
                kind.name
            ),
        );
    };
    let to = match pending.choice {
        Some((to, _)) => to,
        None => match app
            .session()
            .and_then(|s| super::spans::link_end(s, &app.labels, &pending.from))
        {
            Some(here) => here,
            None => {
                return refuse(
                    app,
                    &format!("no span under the cursor: move to the other span, then {key}"),
                );
            }
        },
    };
    if to.key() == pending.from.key() {
        return refuse(app, "move to the other span first (a link joins two spans)");
    }
    if !kind.allows(&pending.from.label, &to.label) {
        return refuse(
            app,
            &format!(
                "{} links go from {} to {}, not from {} to {}; move on or Esc",
                kind.name,
                either(&kind.from),
                either(&kind.to),
                pending.from.label,
                to.label
            ),
        );
    }
    create(app, &to, &kind.name, now);
}

/// `quote`, `quote or claim`, `a, b or c`.
fn either(labels: &[String]) -> String {
    match labels {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The keys of the link types that may start at a span labelled `from`, for the status line
/// while a link is pending (` · s speaker`); a type whose key is `r` itself needs no mention.
pub fn hint(app: &App, from: &str) -> String {
    let listed: Vec<String> = app
        .labels
        .link_types()
        .iter()
        .filter(|t| t.from.iter().any(|l| l == from))
        .filter_map(|t| keyed(app, t))
        .collect();
    if listed.is_empty() {
        String::new()
    } else {
        format!(" · {}", listed.join(" · "))
    }
}

/// The keys of the picker's choices (` · keys: r speaker, c cites`).
pub(crate) fn choice_hint(app: &App, types: &[String]) -> String {
    let listed: Vec<String> = types
        .iter()
        .filter_map(|name| app.labels.link_type(name))
        .filter_map(|t| t.key.map(|k| format!("{k} {}", t.name)))
        .collect();
    if listed.is_empty() {
        String::new()
    } else {
        format!(" · keys: {}", listed.join(", "))
    }
}

/// `c cites` for a type with a key that is not the link key.
fn keyed(app: &App, kind: &LinkType) -> Option<String> {
    let key = kind.key?;
    let event = KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE);
    (app.keymap.action_for(event) != Some(Action::Link)).then(|| format!("{key} {}", kind.name))
}
