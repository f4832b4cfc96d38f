//! Counts: digits typed before a motion repeat it (`3j`, `5w`, `2)`), as in vim. A digit is a
//! count when there is nothing it could label — no selection beyond the cursor's character, no
//! span picked with `]` `[` or in the sidebar, no flow item, no review decision or link type to
//! choose — or when a count is already being typed. Otherwise it labels. So no digit sequence
//! ever changes a span the user did not select: `3j` on a claim moves three lines, `v 5 e`
//! extends the selection by five word ends.

use super::super::action::Action;
use super::super::app::{App, Focus, Tone};

/// The largest count kept (a motion is repeated at most this many times).
pub(crate) const MAX: usize = 9_999;

/// Takes `action` as a digit of a count when it is one; `true` when it was.
pub(super) fn digit(app: &mut App, action: Action) -> bool {
    let digit = match action {
        Action::Label(n) => usize::from(n),
        // `0` continues a count (`10j`); on its own it is review's reject.
        Action::Reject if app.count.is_some() => 0,
        _ => return false,
    };
    if app.count.is_none() && labels_here(app) {
        return false;
    }
    let first = app.count.is_none();
    let count = (app.count.unwrap_or(0) * 10 + digit).min(MAX);
    app.count = Some(count);
    let text = if first {
        format!(
            "count {count}: a motion repeats {count} times · Esc drops it · to label, select: s \" t v"
        )
    } else {
        format!("count {count}: a motion repeats {count} times · Esc drops it")
    };
    app.say(text, Tone::Info);
    true
}

/// Whether a digit here labels (or decides, or picks a link type) rather than counts.
pub(crate) fn labels_here(app: &App) -> bool {
    if app.reviewing.is_some() && app.focus != Focus::Article {
        return true;
    }
    // While a span's edges move, `3l` moves an edge three characters.
    if app.edges.is_some() {
        return false;
    }
    let Some(session) = app.session() else {
        return false;
    };
    if session
        .pending_link
        .as_ref()
        .is_some_and(|p| p.choice.is_some())
    {
        return true;
    }
    if app.focus == Focus::Sidebar && session.current_span().is_some() {
        return true;
    }
    // The flow's item is a selection too.
    let selected = session.anchor.is_some_and(|a| a != session.cursor);
    let picked = session.picked.as_ref().is_some_and(|key| {
        session
            .file
            .spans
            .position((key.0, key.1, &key.2))
            .and_then(|i| session.file.spans.get(i))
            .is_some_and(|s| s.start <= session.cursor && session.cursor < s.end)
    });
    selected || picked
}

/// Whether `action` is repeated by a count.
pub(super) fn repeats(action: Action) -> bool {
    matches!(
        action,
        Action::MoveLeft
            | Action::MoveRight
            | Action::MoveUp
            | Action::MoveDown
            | Action::NextWord
            | Action::PrevWord
            | Action::WordEnd
            | Action::NextBigWord
            | Action::PrevBigWord
            | Action::NextSentence
            | Action::PrevSentence
            | Action::NextParagraph
            | Action::PrevParagraph
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::ExtendLeft
            | Action::ExtendRight
            | Action::ExtendUp
            | Action::ExtendDown
            | Action::NextSpan
            | Action::PrevSpan
            | Action::NextMatch
            | Action::PrevMatch
            | Action::NextSuggestion
            | Action::PrevSuggestion
            | Action::NextDocument
            | Action::PrevDocument
            | Action::SelectToPunctuation
            | Action::SelectFromPunctuation
            | Action::Flow
            | Action::FlowBack
            | Action::Undo
            | Action::Redo
    )
}

/// How many times to run `action` with the count typed before it (taken); a count before a key
/// that takes none is dropped, and the status line says so.
pub(super) fn times(app: &mut App, action: Action) -> usize {
    let Some(count) = app.count.take() else {
        return 1;
    };
    if repeats(action) {
        return count.max(1);
    }
    if action != Action::Cancel {
        app.say(
            format!("count {count} dropped: that key takes no count"),
            Tone::Info,
        );
    }
    1
}
