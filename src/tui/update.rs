//! `update`: applies one event to the state — motions, edits, prompts, mouse, saving.

mod edit;
mod motion;
mod mouse;
mod prompt;
pub mod review;
mod save;
pub mod suggest;

use std::time::Instant;

pub use prompt::{PromptEdit, prompt_key};
pub use save::{recovery_dir, save_all, save_open, write_recovery};

use super::action::Action;
use super::app::{App, Focus, Mode, Prompt, PromptKind, Tone};
use super::layout::Areas;

/// Mouse buttons and wheel, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Down,
    Drag,
    ScrollUp,
    ScrollDown,
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key bound to an action.
    Action(Action),
    /// A character typed into the prompt.
    PromptChar(char),
    PromptBackspace,
    /// A prompt editing key: cursor moves, Ctrl-U, Ctrl-W, Delete.
    PromptEdit(PromptEdit),
    /// Text pasted with bracketed paste: inserted into a prompt (line breaks become spaces,
    /// controls dropped); ignored anywhere else, never run as keys.
    Paste(String),
    PromptSubmit,
    PromptCancel,
    Mouse {
        kind: MouseKind,
        column: u16,
        row: u16,
    },
    Resize(u16, u16),
    /// Time passes: debounced saving, background list updates.
    Tick(Instant),
}

/// Applies one event, then keeps the views consistent (scroll follows the cursor).
pub fn update(app: &mut App, event: Event, now: Instant) {
    match event {
        Event::Action(action) => {
            if action != Action::Quit && action != Action::ForceQuit {
                app.quit_armed = false;
                app.force_quit_armed = false;
            }
            act(app, action, now);
        }
        Event::PromptChar(c) => {
            if let Mode::Prompt(prompt) = &mut app.mode {
                prompt::insert(prompt, &c.to_string());
            }
        }
        Event::PromptBackspace => {
            if let Mode::Prompt(prompt) = &mut app.mode {
                prompt::edit(prompt, PromptEdit::Backspace);
            }
        }
        Event::PromptEdit(edit) => {
            if let Mode::Prompt(prompt) = &mut app.mode {
                prompt::edit(prompt, edit);
            }
        }
        Event::Paste(text) => {
            if let Mode::Prompt(prompt) = &mut app.mode {
                prompt::insert(prompt, &prompt::clean_paste(&text));
            }
        }
        Event::PromptSubmit => edit::submit_prompt(app, now),
        Event::PromptCancel => {
            if matches!(&app.mode, Mode::Prompt(p) if p.kind == PromptKind::Filter) {
                motion::apply_filter(app, "");
            }
            app.mode = Mode::Normal;
        }
        Event::Mouse { kind, column, row } => mouse::handle(app, kind, column, row, now),
        Event::Resize(w, h) => app.size = (w, h),
        Event::Tick(time) => save::tick(app, time),
    }
    if let Mode::Prompt(prompt) = &app.mode
        && prompt.kind == PromptKind::Filter
    {
        let text = prompt.text.clone();
        if text != app.filter {
            motion::apply_filter(app, &text);
        }
    }
    follow(app);
}

fn act(app: &mut App, action: Action, now: Instant) {
    if matches!(app.mode, Mode::Help | Mode::Stats(_)) {
        app.mode = Mode::Normal;
        if matches!(action, Action::Help | Action::Cancel | Action::Stats) {
            return;
        }
    }
    if review::act(app, action, now) || suggest::act(app, action, now) {
        return;
    }
    match action {
        Action::Quit => save::quit(app, now),
        Action::ForceQuit => save::force_quit(app),
        Action::Help => app.mode = Mode::Help,
        Action::Stats => {
            save::save_all(app);
            // Files written since start-up (ours, a teammate's) count too: list them afresh.
            let fresh = crate::corpus::Corpus::scan(&app.corpus.root);
            let corpus = fresh.as_ref().unwrap_or(&app.corpus);
            let figures = super::stats::gather(corpus, &app.labels, &app.annotator);
            app.mode = Mode::Stats(Box::new(figures));
        }
        Action::Save => save::save_now(app),
        Action::NextPane => app.focus = cycle(app.focus, true),
        Action::PrevPane => app.focus = cycle(app.focus, false),
        Action::Undo => edit::undo(app, now, true),
        Action::Redo => edit::undo(app, now, false),
        Action::ToggleDone => edit::toggle_done(app, now),
        Action::Label(n) => edit::label(app, n, now),
        Action::DeleteSpan => edit::delete(app, now),
        Action::PlaceOrphan => edit::place_orphan(app, now),
        Action::DropOrphan => edit::drop_orphan(app, now),
        Action::EditNote => edit::start_note(app),
        Action::Search => {
            let kind = if app.focus == Focus::List {
                PromptKind::Filter
            } else {
                PromptKind::Search
            };
            let text = if kind == PromptKind::Filter {
                app.filter.clone()
            } else {
                String::new()
            };
            app.mode = Mode::Prompt(Prompt::new(kind, text));
        }
        Action::Cancel => {
            if let Some(s) = app.session_mut() {
                s.anchor = None;
            }
            app.search.matches.clear();
            app.message = None;
        }
        Action::Confirm => match app.focus {
            Focus::List => {
                if let Some(&index) = app.visible_docs.get(app.list_cursor) {
                    switch_document(app, index, now);
                    app.focus = Focus::Article;
                }
            }
            Focus::Sidebar => app.focus = Focus::Article,
            Focus::Article => {}
        },
        other => match app.focus {
            Focus::List => motion::list(app, other),
            Focus::Sidebar if matches!(other, Action::MoveUp | Action::MoveDown) => {
                motion::article(app, span_step(other));
            }
            _ => motion::article(app, other),
        },
    }
}

fn span_step(action: Action) -> Action {
    if action == Action::MoveUp {
        Action::PrevSpan
    } else {
        Action::NextSpan
    }
}

fn cycle(focus: Focus, forward: bool) -> Focus {
    match (focus, forward) {
        (Focus::List, true) | (Focus::Sidebar, false) => Focus::Article,
        (Focus::Article, true) | (Focus::List, false) => Focus::Sidebar,
        (Focus::Sidebar, true) | (Focus::Article, false) => Focus::List,
    }
}

/// Saves the open document if it has edits, then opens another.
pub fn switch_document(app: &mut App, index: usize, now: Instant) {
    if app.open == Some(index) {
        return;
    }
    save::save_open(app);
    app.open_document(index);
    app.sidebar_top = 0;
    review::prepare(app, now);
}

/// Keeps the wrap cache current and the cursor, list row and sidebar row on screen.
pub fn follow(app: &mut App) {
    let Some(areas) = Areas::new(app.size.0, app.size.1) else {
        return;
    };
    let text = areas.article_text();
    let banner = u16::from(app.session().is_some_and(|s| s.read_only.is_some()));
    let height = usize::from(text.height.saturating_sub(banner)).max(1);
    let generation = app.generation;
    if let Some(index) = app.open
        && let Some(session) = app.sessions.get_mut(&index)
        && let Ok(doc) = &session.doc
    {
        app.wrap.update(doc, generation, text.width.max(1));
        session.cursor = session.cursor.min(doc.char_len());
        let row = app.wrap.row_of(session.cursor);
        if row < session.top_row {
            session.top_row = row;
        } else if row >= session.top_row + height {
            session.top_row = row + 1 - height;
        }
        session.top_row = session.top_row.min(app.wrap.row_count().saturating_sub(1));
    }
    let list_height = usize::from(areas.list.height.saturating_sub(3)).max(1);
    app.list_cursor = app
        .list_cursor
        .min(app.visible_docs.len().saturating_sub(1));
    if app.list_cursor < app.list_top {
        app.list_top = app.list_cursor;
    } else if app.list_cursor >= app.list_top + list_height {
        app.list_top = app.list_cursor + 1 - list_height;
    }
    let sidebar_height = usize::from(areas.sidebar.height.saturating_sub(2)).max(1);
    if let Some(session) = app.session()
        && let Some(current) = session
            .file
            .spans
            .innermost(session.cursor)
            .or_else(|| session.file.spans.prev_before(session.cursor + 1))
    {
        let rows = sidebar_height
            .saturating_sub(app.labels.labels().len() + 1)
            .max(1);
        if current < app.sidebar_top {
            app.sidebar_top = current;
        } else if current >= app.sidebar_top + rows {
            app.sidebar_top = current + 1 - rows;
        }
    }
}

/// Tells the user, in the status line, that an edit was refused and why.
fn refuse(app: &mut App, why: &str) {
    app.say(why.to_owned(), Tone::Warning);
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod exit_tests;

#[cfg(test)]
mod prompt_tests;

#[cfg(test)]
mod fs_tests;

#[cfg(test)]
#[path = "update/review_tests.rs"]
mod review_tests;
