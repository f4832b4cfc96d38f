//! `update`: applies one event to the state — motions, edits, prompts, mouse, saving.

mod background;
mod command;
mod count;
mod documents;
mod edges;
mod edit;
mod flow;
pub mod follow;
mod guidelines;
mod help;
mod jump;
mod link_edit;
mod link_keys;
mod links;
mod motion;
mod mouse;
mod orphan;
mod picker;
mod prompt;
pub mod review;
mod review_links;
mod save;
mod search;
mod spans;
mod submit;
pub mod suggest;
mod text_objects;

use std::time::Instant;

use super::jobs::{Done, Effect, Job};

use documents::step_document;
pub(crate) use documents::switch_document;
pub(crate) use link_edit::{excerpt, quoted};
pub(crate) use link_keys::link_type_key;
pub use prompt::PromptEdit;
pub(crate) use prompt::prompt_key;
#[cfg(test)]
pub(crate) use save::save_all;
#[cfg(test)]
use save::save_open;
pub(crate) use save::{save_all_for_exit, write_recovery};
pub use search::CorpusHits;
pub(crate) use search::{hits_in as corpus_hits_in, search_documents};

use super::action::Action;
use super::app::{App, Focus, Mode, Prompt, PromptKind, Tone};
use super::layout::Areas;

/// Mouse buttons and wheel, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Down,
    Drag,
    /// The button let go (ends dragging a span's edge).
    Up,
    ScrollUp,
    ScrollDown,
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
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
    /// `Tab` in a prompt: whole words on or off (search), names or texts (the list's filter).
    PromptTab,
    /// A key bound to nothing (its name, as the help writes keys): the status line says so.
    Unbound(String),
    /// Time passes: debounced saving, background list updates.
    Tick(Instant),
    /// A job asked for by an earlier update has finished.
    Done(Done),
}

/// Applies one event, then keeps the views consistent (scroll follows the cursor); returns the
/// work to run off the UI thread (its results come back as [`Event::Done`]).
pub fn update(app: &mut App, event: Event, now: Instant) -> Vec<Effect> {
    let mut effects = Vec::new();
    // An article opened a slice first is whole before anything but drawing touches it.
    if !matches!(event, Event::Resize(..)) {
        app.finish_loading();
    }
    match event {
        Event::Action(action) => {
            if action != Action::Quit && action != Action::ForceQuit {
                app.quit.disarm();
            }
            clear_info(app);
            if documents::must_wait(app, action) {
                app.queued.push(action);
            } else {
                act(app, action, now, &mut effects);
            }
        }
        Event::Unbound(key) => {
            app.quit.disarm();
            app.count = None;
            clear_info(app);
            app.say(
                format!("{key} does nothing here: ? lists every key"),
                Tone::Info,
            );
        }
        Event::PromptTab => prompt::tab(app),
        Event::PromptChar(c) if matches!(app.mode, Mode::Jump(_)) => jump::type_char(app, c),
        Event::PromptCancel if matches!(app.mode, Mode::Jump(_)) => app.mode = Mode::Normal,
        Event::PromptChar(c) if matches!(app.mode, Mode::Picker(_)) => {
            picker::type_char(app, c, now);
        }
        Event::PromptBackspace if matches!(app.mode, Mode::Picker(_)) => picker::backspace(app),
        Event::PromptSubmit if matches!(app.mode, Mode::Picker(_)) => picker::submit(app, now),
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
        Event::PromptSubmit => {
            if let Some(job) = submit::submit_prompt(app, now) {
                effects.push(Effect::Spawn(job));
            }
        }
        Event::PromptCancel => {
            if matches!(&app.mode, Mode::Prompt(p) if p.kind == PromptKind::Filter) {
                motion::apply_filter(app, "");
            }
            app.mode = Mode::Normal;
            clear_info(app);
        }
        Event::Mouse { kind, column, row } => mouse::handle(app, kind, column, row, now),
        Event::Resize(w, h) => app.size = (w, h),
        Event::Tick(time) => {
            super::listing::tick(app, time);
            documents::run_queued(app, now, &mut effects);
            if let Some(job) = follow::poll(app, time) {
                effects.push(Effect::Spawn(job));
            }
            background::tick(app);
            save::tick(app, time);
        }
        Event::Done(Done::Rescanned(rescan)) => follow::rescanned(app, rescan),
        Event::Done(Done::CorpusSearch(found)) => search::corpus_found(app, &found),
        Event::Done(Done::Stats(figures)) => {
            // The view may have been closed meanwhile: then the figures are not wanted.
            if let Mode::Stats(slot @ None) = &mut app.mode {
                *slot = Some(figures);
            }
        }
    }
    if let Mode::Prompt(prompt) = &app.mode
        && prompt.kind == PromptKind::Filter
    {
        let text = prompt.text.clone();
        if text != app.filter {
            motion::apply_filter(app, &text);
        }
    }
    link_edit::show_pending(app);
    follow(app);
    if app.is_loading() && app.wrap.is_for(app.generation) && app.wrap.is_complete() {
        // The screen reaches the end of the first slice: it needs the rest.
        app.finish_loading();
        follow(app);
    }
    effects
}

/// [`update`], with the jobs it asks for run at once on this thread and their results fed
/// back (tests and benchmarks drive the model without an event loop).
pub fn update_now(app: &mut App, event: Event, now: Instant) {
    let mut effects = update(app, event, now);
    while !effects.is_empty() {
        let done = super::jobs::run_now(effects);
        effects = done
            .into_iter()
            .flat_map(|d| update(app, Event::Done(d), now))
            .collect();
    }
}

/// Where a key goes is decided here, by mode first: an overlay takes every key; in normal mode
/// the layers in [`LAYERS`] each take the keys they own, in that order, and the rest go to the
/// table below.
fn act(app: &mut App, action: Action, now: Instant, effects: &mut Vec<Effect>) {
    match app.mode {
        Mode::Help { .. } => help::key(app, action),
        // The stats view closes on any key; a key that is no letter ends word jumping.
        Mode::Stats(_) | Mode::Jump(_) => app.mode = Mode::Normal,
        Mode::Guidelines { .. } => guidelines::key(app, action),
        Mode::Picker(_) => picker::act(app, action, now),
        Mode::Normal | Mode::Prompt(_) => {
            // A digit with nothing to label is a count (`3j`); see `count.rs`.
            if count::digit(app, action) {
                return;
            }
            for _ in 0..count::times(app, action) {
                if !LAYERS.iter().any(|layer| layer(app, action, now)) {
                    normal(app, action, now, effects);
                }
                follow(app);
            }
        }
    }
}

/// A part of `update` that takes the keys it owns in normal mode (`true`: taken).
type Layer = fn(&mut App, Action, Instant) -> bool;

/// The layers of normal mode, in the order they see a key.
const LAYERS: [Layer; 7] = [
    // An edit waits while the article changed outside: it is saved and reloaded first.
    |app, action, _| follow::is_edit(action) && follow::before_edit(app),
    // While a link's type choice is open its digits pick a type, whatever pane has focus.
    |app, action, now| {
        let choosing = app
            .session()
            .and_then(|s| s.pending_link.as_ref())
            .is_some_and(|p| p.choice.is_some());
        choosing && link_edit::act(app, action, now)
    },
    // Review mode: `0`, `m`, and the digits in the list and sidebar.
    review::act,
    // Moving a span's edges in place (`c`): motions move an edge.
    edges::act,
    // The labelling flow: skip, back, accept or reject the item shown.
    flow::act,
    // The suggestion keys (y, Y, X, and moving between suggestions).
    suggest::act,
    // The link keys (r, R, and Esc while a link is pending).
    link_edit::act,
];

/// Normal mode's own keys.
fn normal(app: &mut App, action: Action, now: Instant, effects: &mut Vec<Effect>) {
    match action {
        Action::Quit => save::quit(app, now),
        Action::ForceQuit => save::force_quit(app),
        Action::Help => app.mode = Mode::Help { top: 0 },
        Action::CommandLine => {
            app.mode = Mode::Prompt(Prompt::new(PromptKind::Command, String::new()));
        }
        Action::Flow | Action::FlowBack => flow::start(app),
        Action::EditEdges => edges::start(app),
        Action::RepeatLabel => edit::repeat_label(app, now),
        Action::JumpToWord => jump::start(app),
        Action::SearchWord | Action::SearchWordBack => {
            search::word_under_cursor(app, action == Action::SearchWordBack);
        }
        Action::SearchBack if app.focus != Focus::List => {
            app.mode = Mode::Prompt(Prompt::new(PromptKind::SearchBack, String::new()));
        }
        Action::Stats => effects.push(Effect::Spawn(stats_job(app, None))),
        Action::Save => save::save_now(app),
        Action::NextPane => app.focus = cycle(app.focus, true),
        Action::PrevPane => app.focus = cycle(app.focus, false),
        Action::Undo => edit::undo(app, now, true),
        Action::Redo => edit::undo(app, now, false),
        Action::ToggleDone => edit::toggle_done(app, now),
        Action::Label(n) => edit::label(app, n, now),
        Action::PickLabel => picker::open(app),
        Action::NextDocument => step_document(app, true, now),
        Action::PrevDocument => step_document(app, false, now),
        Action::DeleteSpan => edit::delete(app, now),
        Action::PlaceOrphan => orphan::place_orphan(app, now),
        Action::DropOrphan => orphan::drop_orphan(app, now),
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
            if app.focus == Focus::List && !app.filter.is_empty() {
                // Esc in the list clears a filter confirmed with Enter, too.
                motion::apply_filter(app, "");
            }
            if app.corpus_search.take().is_some() {
                motion::apply_filter(app, "");
            }
            if let Some(s) = app.session_mut() {
                s.anchor = None;
                s.picked = None;
            }
            app.search.matches.clear();
            app.search.scan = None;
            app.message = None;
        }
        Action::Confirm => match app.focus {
            Focus::List => {
                if let Some(&index) = app.visible_docs.get(app.list_cursor) {
                    switch_document(app, index, now);
                    search::open_corpus_hit(app);
                    // In review the keys that decide work in the review sidebar.
                    app.focus = if app.reviewing.is_some() {
                        Focus::Sidebar
                    } else {
                        Focus::Article
                    };
                }
            }
            Focus::Sidebar => app.focus = Focus::Article,
            Focus::Article => picker::open(app),
        },
        Action::NextMatch | Action::PrevMatch => search::step(app, action == Action::NextMatch),
        other => match app.focus {
            Focus::List => motion::list(app, other),
            Focus::Sidebar if matches!(other, Action::MoveUp | Action::MoveDown) => {
                motion::article(app, span_step(other));
            }
            _ => motion::article(app, other),
        },
    }
}

/// `S` (or `:stats A,B`): opens the stats view and asks for its figures. Saved first, so that
/// they count this session's edits.
fn stats_job(app: &mut App, named: Option<&str>) -> Job {
    save::save_all(app);
    app.mode = Mode::Stats(None);
    Job::Stats {
        root: app.corpus.root.clone(),
        listed: Box::new(app.corpus.clone()),
        labels: app.labels.clone(),
        annotator: app.annotator.clone(),
        named: named.filter(|n| !n.trim().is_empty()).map(str::to_owned),
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

/// Keeps the wrap cache current and the cursor, list row and sidebar row on screen.
pub fn follow(app: &mut App) {
    let Some(areas) = Areas::of(app) else {
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
        session.cursor = session.cursor.min(doc.char_len());
        // Only the rows this screen (and a page move from it) needs; `Tick`s wrap the rest.
        let margin = 2 * height + 2;
        app.wrap
            .prepare(doc, generation, text.width.max(1), session.cursor, margin);
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
    if let Some(session) = app.session()
        && let Some(current) = session
            .current_span()
            .or_else(|| session.file.spans.prev_before(session.cursor + 1))
    {
        let rows = usize::from(super::view::sidebar::span_rows(app, areas.sidebar)).max(1);
        if current < app.sidebar_top {
            app.sidebar_top = current;
        } else if current >= app.sidebar_top + rows {
            app.sidebar_top = current + 1 - rows;
        }
    }
}

/// "1 match", "3 matches": a count with its noun in the right number.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A message lasts until the next key (errors until Esc or the next message), so "note saved"
/// or "select text first" never lingers over later work.
fn clear_info(app: &mut App) {
    if matches!(app.message, Some((_, Tone::Info | Tone::Warning))) {
        app.message = None;
    }
}

/// Tells the user, in the status line, that an edit was refused and why.
fn refuse(app: &mut App, why: &str) {
    app.say(why.to_owned(), Tone::Warning);
}

#[cfg(test)]
mod tests;
