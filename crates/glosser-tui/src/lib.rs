//! The annotating TUI (SPEC §4): an Elm-style loop. Terminal events become [`update::Event`]s,
//! `update` changes the [`app::App`] and saves, `view::draw` borrows it to draw a frame.

mod error;
mod jump;

pub use error::Error;

pub mod action;
pub mod app;
pub mod jobs;
pub mod keymap;
mod layout;
pub mod listing;
mod picker;
mod resume;
mod sanitize;
mod search;
mod stats;
mod undo;
pub mod update;
pub mod view;
pub mod wrap;

use std::io::Stdout;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use action::Action;
use app::{App, Mode};
use update::{Event, MouseKind};

/// How often the loop wakes up to save and poll when no key arrives.
const TICK: Duration = Duration::from_millis(100);
/// How often it wakes up while the corpus is still being listed, so the list fills in smoothly.
const LISTING_TICK: Duration = Duration::from_millis(20);

/// Runs the TUI on a corpus until the user quits. Returns when everything is saved.
pub fn run(corpus: &Path, annotator: Option<&str>, suggestions: Option<&str>) -> Result<(), Error> {
    let mut app = App::new(corpus, annotator)?;
    if let Some(name) = suggestions {
        app.show_suggestions(name);
    }
    run_app(app)
}

/// Runs the TUI in review mode: builds `into` (gold) from the annotators' files.
/// The TUI in review mode over the documents `keep` accepts; `left_out` (why some documents
/// are not listed) is shown in the status line.
pub fn run_review(
    corpus: &Path,
    annotators: Vec<String>,
    into: &str,
    keep: &dyn Fn(&glosser_core::corpus::DocumentEntry) -> bool,
    left_out: Option<String>,
) -> Result<(), Error> {
    let mut app = App::new_scoped(corpus, Some(into), keep)?;
    crate::update::review::start(&mut app, annotators, Instant::now());
    if let Some(left_out) = left_out {
        let said = match app.message.take() {
            Some((text, tone)) => (format!("{left_out}; {text}"), tone),
            None => (left_out, app::Tone::Info),
        };
        app.message = Some(said);
    }
    run_app(app)
}

fn run_app(mut app: App) -> Result<(), Error> {
    start_status_scan(&mut app);
    let terminate = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&terminate))?;
    }
    install_panic_hook();
    let mut terminal = enter_terminal()?;
    // A panic unwinds to here with the app intact, so it is saved by the same path as `q`.
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &terminate)
    }));
    leave_terminal();
    // Dropping the terminal writes to it, and it may be gone (a closed window): skip that.
    std::mem::forget(terminal);
    let finished = finish(&mut app, outcome);
    if let Some(warning) = resume::remember_app(&app, resume::resume_path().as_deref()) {
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "glosser: {warning}");
    }
    finished
}

/// Every way out ends here: `q`, SIGTERM, SIGHUP, a closed terminal, an error, a panic. The
/// unsaved sessions are saved through the one save path; what cannot be saved goes to the
/// recovery folder; the caller hears what happened. Locks are released when `app` drops.
fn finish(app: &mut App, outcome: std::thread::Result<Result<(), Error>>) -> Result<(), Error> {
    let errors = update::save_all_for_exit(app);
    let mut recovered = std::mem::take(&mut app.recovered);
    let mut lost = None;
    if !errors.is_empty() && recovered.is_empty() && !app.quit.leaves_edits() {
        match update::write_recovery(app) {
            Ok(written) => recovered = written,
            Err(e) => lost = Some(e),
        }
    }
    let saved_note = if errors.is_empty() {
        "every edit was saved".to_owned()
    } else if let Some(e) = &lost {
        format!(
            "could not save: {}; the recovery folder could not be written either ({e}): these edits are lost",
            errors.join("; ")
        )
    } else if app.quit.leaves_edits() {
        format!(
            "could not save: {}; quit without them as asked",
            errors.join("; ")
        )
    } else {
        let paths: Vec<String> = recovered.iter().map(|p| p.display().to_string()).collect();
        format!(
            "could not save: {}; your edits are in {}",
            errors.join("; "),
            paths.join(", ")
        )
    };
    match outcome {
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Error::Panicked {
                what,
                saved: saved_note,
            })
        }
        Ok(Err(e)) if errors.is_empty() => Err(e),
        Ok(Err(e)) => Err(Error::Unsaved {
            saved: saved_note,
            source: Box::new(e),
        }),
        Ok(Ok(())) if errors.is_empty() => Ok(()),
        Ok(Ok(())) => Err(Error::NotSaved(saved_note)),
    }
}

fn enter_terminal() -> Result<Terminal<CrosstermBackend<Stdout>>, Error> {
    enable_raw_mode()?;
    let mut stdout = std::io::stdout();
    execute!(
        stdout,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Ok(Terminal::new(CrosstermBackend::new(stdout))?)
}

/// Gives the terminal back; every write may fail (the terminal may be gone) and is ignored.
fn leave_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// On panic: give the terminal back so the message is readable. Saving happens after the
/// unwind, in [`finish`], through the same checks as every other save.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    terminate: &AtomicBool,
) -> Result<(), Error> {
    let size = terminal.size()?;
    let jobs = jobs::Jobs::default();
    jobs.start(update::update(
        app,
        Event::Resize(size.width, size.height),
        Instant::now(),
    ));
    // Terminal events are read on their own thread: if the terminal goes away, crossterm can
    // spin inside a read, and the loop must still notice SIGHUP, save and exit.
    let (sender, events) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if sender.send(event).is_err() {
                return;
            }
        }
    });
    let panic_key = test_panic_key();
    loop {
        terminal.draw(|frame| view::draw(frame, app))?;
        let wait = if app.listing.is_listing() {
            LISTING_TICK
        } else {
            TICK
        };
        match events.recv_timeout(wait) {
            Ok(term_event) => {
                for term_event in std::iter::once(term_event).chain(events.try_iter()) {
                    // Keys typed after `q` in the same burst must not run (`question`: q, then
                    // u would undo an edit before the final save).
                    if app.quit.is_leaving() {
                        break;
                    }
                    assert!(
                        !panic_key.is_some_and(|key| is_key(&term_event, key)),
                        "test panic injected by GLOSSER_TEST_PANIC_KEY"
                    );
                    if let Some(event) = translate(app, &term_event) {
                        jobs.start(update::update(app, event, Instant::now()));
                    }
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
        for done in jobs.finished() {
            jobs.start(update::update(app, Event::Done(done), Instant::now()));
        }
        jobs.start(update::update(
            app,
            Event::Tick(Instant::now()),
            Instant::now(),
        ));
        if app.quit.is_leaving() || terminate.load(Ordering::Relaxed) {
            return Ok(());
        }
    }
}

/// End-to-end tests make glosser panic on a key (`GLOSSER_TEST_PANIC_KEY=F12`) to check that a
/// panic saves like `q`. Only debug builds look at the variable.
fn test_panic_key() -> Option<KeyCode> {
    if !cfg!(debug_assertions) {
        return None;
    }
    match std::env::var("GLOSSER_TEST_PANIC_KEY").ok()?.as_str() {
        "F12" => Some(KeyCode::F(12)),
        _ => None,
    }
}

fn is_key(event: &TermEvent, code: KeyCode) -> bool {
    matches!(event, TermEvent::Key(key) if key.code == code && key.kind != KeyEventKind::Release)
}

/// Terminal event → app event: keys through the keymap (or into the prompt), mouse, resize.
pub(crate) fn translate(app: &App, event: &TermEvent) -> Option<Event> {
    match event {
        TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
            if let Mode::Prompt(_) = app.mode {
                return update::prompt_key(*key);
            }
            if let Mode::Jump(_) = app.mode {
                return match key.code {
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                        Some(Event::PromptChar(c))
                    }
                    _ => Some(Event::PromptCancel),
                };
            }
            if let Mode::Picker(_) = app.mode {
                return match key.code {
                    KeyCode::Up => Some(Event::Action(Action::MoveUp)),
                    KeyCode::Down => Some(Event::Action(Action::MoveDown)),
                    KeyCode::Enter => Some(Event::PromptSubmit),
                    KeyCode::Esc => Some(Event::PromptCancel),
                    KeyCode::Backspace => Some(Event::PromptBackspace),
                    KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        Some(Event::PromptCancel)
                    }
                    KeyCode::Char(c) => Some(Event::PromptChar(c)),
                    _ => None,
                };
            }
            if let Some(action) = update::link_type_key(app, *key) {
                return Some(Event::Action(action));
            }
            let action = app.keymap.action_for(*key);
            // Any key closes an overlay, bound or not (and does nothing else).
            if matches!(app.mode, Mode::Help { .. } | Mode::Stats(_)) {
                return Some(Event::Action(action.unwrap_or(Action::Cancel)));
            }
            match action {
                Some(action) => Some(Event::Action(action)),
                None => keymap::Key::from_event(*key).map(|k| Event::Unbound(k.label())),
            }
        }
        TermEvent::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Down,
                MouseEventKind::Drag(MouseButton::Left) => MouseKind::Drag,
                MouseEventKind::Up(MouseButton::Left) => MouseKind::Up,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                _ => return None,
            };
            Some(Event::Mouse {
                kind,
                column: mouse.column,
                row: mouse.row,
            })
        }
        TermEvent::Resize(w, h) => Some(Event::Resize(*w, *h)),
        // Pasted text never runs as keys: `update` inserts it into a prompt or ignores it.
        TermEvent::Paste(text) => Some(Event::Paste(text.clone())),
        _ => None,
    }
}

/// Reads this annotator's files in the background so the list shows statuses and the gauge
/// fills in without delaying the first frame. While the corpus is still being listed, the
/// documents listed later are queued as they arrive (`listing.rs`).
fn start_status_scan(app: &mut App) {
    let (jobs, receiver) = listing::status_worker();
    for (index, entry) in app.corpus.documents.iter().enumerate() {
        let path = entry.annotation(&app.annotator).map(|a| a.path.clone());
        if jobs.send((index, path.unwrap_or_default())).is_err() {
            break;
        }
    }
    app.listing.feed_statuses(jobs);
    app.info_updates = Some(receiver);
}
