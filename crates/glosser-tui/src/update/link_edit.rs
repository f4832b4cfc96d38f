//! `r` and `R` (SPEC §10): draw a typed link from the span under the cursor to another span, and
//! remove the links of a span. Both go through `Change::Links`, so they undo.

use std::time::Instant;

use super::super::action::Action;
use super::super::app::{App, PendingLink, Tone};
use super::super::undo::Change;
use super::edit::{commit, edit_blocker};
use super::refuse;
use glosser_core::span::Span;
use glosser_core::store::{Link, LinkEnd};

/// A short, one-line excerpt of a span's text for the status line and sidebar.
pub(crate) fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 32 {
        flat
    } else {
        let cut: String = flat.chars().take(31).collect();
        format!("{cut}…")
    }
}

/// [`excerpt`] in quotation marks — unless it begins with one already (a quotation taken with
/// its marks), so that “positive,” is never shown as ““positive,””.
pub(crate) fn quoted(text: &str) -> String {
    let cut = excerpt(text);
    let marked = cut
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '“' | '"' | '«' | '‘' | '„'));
    if marked { cut } else { format!("“{cut}”") }
}

/// Handles the keys a pending link changes (`r`, `R`, `Esc`, and the digits of a type choice);
/// returns whether the action was used up. Motions and search fall through, so the user moves
/// to the other span any way they like.
pub(crate) fn act(app: &mut App, action: Action, now: Instant) -> bool {
    let choosing = app
        .session()
        .and_then(|s| s.pending_link.as_ref())
        .and_then(|p| p.choice.clone());
    match action {
        Action::Link => link_key(app, now),
        Action::LinkAs(key) => super::link_keys::link_as(app, key, now),
        Action::Unlink => unlink(app, now),
        Action::Cancel if pending(app) => {
            set_pending(app, None);
            app.say("link cancelled", Tone::Info);
        }
        Action::Label(n) if choosing.is_some() => {
            let Some((to, types)) = choosing else {
                return true;
            };
            match types.get(usize::from(n).saturating_sub(1)) {
                Some(kind) => {
                    let kind = kind.clone();
                    create(app, &to, &kind, now);
                }
                None => refuse(app, &format!("no link type on {n}")),
            }
        }
        _ => return false,
    }
    true
}

fn pending(app: &App) -> bool {
    app.session().is_some_and(|s| s.pending_link.is_some())
}

fn set_pending(app: &mut App, link: Option<PendingLink>) {
    if let Some(session) = app.session_mut() {
        session.pending_link = link;
    }
}

pub(super) fn span_under_cursor(app: &App) -> Option<Span> {
    let session = app.session()?;
    let spans = &session.file.spans;
    session.current_span().and_then(|i| spans.get(i)).cloned()
}

/// `r`: start a link at the span under the cursor, or finish the pending one there (which span,
/// where spans nest: `update/spans.rs`).
fn link_key(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let pending = app
        .session()
        .and_then(|s| s.pending_link.as_ref())
        .map(|p| p.from.clone());
    let here = app.session().and_then(|s| match &pending {
        Some(from) => super::spans::link_end(s, &app.labels, from),
        None => super::spans::link_start(s, &app.labels),
    });
    let Some(here) = here else {
        return refuse(
            app,
            "no span under the cursor: r starts and ends a link on a span",
        );
    };
    let Some(from) = pending else {
        if app.labels.link_types().is_empty() {
            return refuse(
                app,
                "the label set declares no link types (links in glosser.ron)",
            );
        }
        return set_pending(
            app,
            Some(PendingLink {
                from: here,
                choice: None,
            }),
        );
    };
    if from.key() == here.key() {
        return refuse(app, "move to the other span first (a link joins two spans)");
    }
    let types: Vec<String> = app
        .labels
        .link_types_for(&from.label, &here.label)
        .into_iter()
        .map(|t| t.name.clone())
        .collect();
    match types.as_slice() {
        [] => {
            let reverse = !app
                .labels
                .link_types_for(&here.label, &from.label)
                .is_empty();
            let hint = if reverse {
                " (links go the other way: start at the other span)"
            } else {
                ""
            };
            refuse(
                app,
                &format!(
                    "no link type goes from {} to {}{hint}; move on or Esc",
                    from.label, here.label
                ),
            );
        }
        [kind] => {
            let kind = kind.clone();
            create(app, &here, &kind, now);
        }
        _ => set_pending(
            app,
            Some(PendingLink {
                from,
                choice: Some((here, types)),
            }),
        ),
    }
}

/// Adds the link from the pending span to `to` as one undoable change.
pub(super) fn create(app: &mut App, to: &Span, kind: &str, now: Instant) {
    let Some(session) = app.session_mut() else {
        return;
    };
    let Some(pending) = session.pending_link.take() else {
        return;
    };
    let link = Link {
        kind: kind.to_owned(),
        from: LinkEnd::of(&pending.from),
        to: LinkEnd::of(to),
    };
    if session.file.links.contains(&link) {
        return refuse(app, &format!("already linked ({kind})"));
    }
    let old = session.file.links.clone();
    let mut new = old.clone();
    new.push(link);
    new.sort();
    commit(app, vec![Change::Links { old, new }], now);
    app.say(
        format!(
            "linked {kind}: {} {} → {} {} (u to undo)",
            pending.from.label,
            quoted(&pending.from.quote),
            to.label,
            quoted(&to.quote)
        ),
        Tone::Info,
    );
}

/// `R`: removes every link from or to the span under the cursor.
fn unlink(app: &mut App, now: Instant) {
    if let Some(why) = edit_blocker(app) {
        return refuse(app, &why);
    }
    let Some(here) = span_under_cursor(app) else {
        return refuse(app, "no span under the cursor");
    };
    let Some(session) = app.session_mut() else {
        return;
    };
    session.pending_link = None;
    let end = LinkEnd::of(&here);
    let old = session.file.links.clone();
    let new: Vec<Link> = old
        .iter()
        .filter(|l| l.from != end && l.to != end)
        .cloned()
        .collect();
    let gone = old.len() - new.len();
    if gone == 0 {
        return refuse(app, "this span has no links");
    }
    commit(app, vec![Change::Links { old, new }], now);
    app.say(
        format!(
            "removed {} (u to undo)",
            super::counted(gone, "link", "links")
        ),
        Tone::Info,
    );
}

/// While a link is pending and nothing else is said, the status line says what to do next.
pub(crate) fn show_pending(app: &mut App) {
    if app.message.is_some() {
        return;
    }
    let Some(pending) = app.session().and_then(|s| s.pending_link.clone()) else {
        return;
    };
    let from = format!("{} {}", pending.from.label, quoted(&pending.from.quote));
    let target = app
        .session()
        .and_then(|s| super::spans::link_end(s, &app.labels, &pending.from))
        .filter(|t| t.key() != pending.from.key());
    let text = match &pending.choice {
        None => match target {
            Some(to) => format!(
                "link from {from} → {} {}: r links · ] [ other spans · Esc cancels{}",
                to.label,
                quoted(&to.quote),
                super::link_keys::hint(app, &pending.from.label)
            ),
            None => format!(
                "link from {from}: ] [ step to the spans it can end on, r links, Esc cancels{}",
                super::link_keys::hint(app, &pending.from.label)
            ),
        },
        Some((_, types)) => {
            let listed: Vec<String> = types
                .iter()
                .enumerate()
                .map(|(i, t)| format!("{} {t}", i + 1))
                .collect();
            format!(
                "link from {from}: which type? {}{} · Esc to cancel",
                listed.join(" · "),
                super::link_keys::choice_hint(app, types)
            )
        }
    };
    app.say(text, Tone::Info);
}
