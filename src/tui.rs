//! The annotating TUI (SPEC §4): an Elm-style loop. Terminal events become [`update::Event`]s,
//! `update` changes the [`app::App`] and saves, `view::draw` borrows it to draw a frame.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod picker;
pub mod resume;
pub mod sanitize;
pub mod stats;
pub mod undo;
pub mod update;
pub mod view;
pub mod wrap;

use std::io::Stdout;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent, KeyCode, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use action::Action;
use app::{App, DocInfo, Mode};
use update::{Event, MouseKind};

/// How often the loop wakes up to save and poll when no key arrives.
const TICK: Duration = Duration::from_millis(100);

/// Runs the TUI on a corpus until the user quits. Returns when everything is saved.
pub fn run(corpus: &Path, annotator: Option<&str>) -> anyhow::Result<()> {
    run_app(App::new(corpus, annotator)?)
}

/// Runs the TUI in review mode: builds `into` (gold) from the annotators' files.
pub fn run_review(corpus: &Path, annotators: Vec<String>, into: &str) -> anyhow::Result<()> {
    let mut app = App::new(corpus, Some(into))?;
    app.start_review(annotators, Instant::now());
    run_app(app)
}

fn run_app(mut app: App) -> anyhow::Result<()> {
    start_status_scan(&mut app);
    let terminate = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&terminate))?;
    }
    // The panic hook cannot borrow the app, so unsaved sessions are handed to it through a slot
    // that the loop refreshes; on panic it restores the terminal and writes them out.
    let rescue: Arc<Mutex<Option<Rescue>>> = Arc::new(Mutex::new(None));
    install_panic_hook(Arc::clone(&rescue));
    let mut terminal = enter_terminal()?;
    let result = event_loop(&mut terminal, &mut app, &terminate, &rescue);
    leave_terminal();
    let errors = update::save_all(&mut app);
    if let Some(warning) = resume::remember_app(&app, resume::resume_path().as_deref()) {
        eprintln!("glosser: {warning}");
    }
    result?;
    if !errors.is_empty() {
        let recovered: Vec<String> = app
            .recovered
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        anyhow::bail!(
            "could not save: {}{}",
            errors.join("; "),
            if recovered.is_empty() {
                String::new()
            } else {
                format!("; your edits are in {}", recovered.join(", "))
            }
        );
    }
    Ok(())
}

/// Unsaved annotation files to write if the program panics.
struct Rescue {
    files: Vec<(std::path::PathBuf, crate::store::AnnotationFile)>,
}

fn enter_terminal() -> anyhow::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut stdout = std::io::stdout();
    execute!(stdout, EnterAlternateScreen, EnableMouseCapture)?;
    Ok(Terminal::new(CrosstermBackend::new(stdout))?)
}

fn leave_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(std::io::stdout(), DisableMouseCapture, LeaveAlternateScreen);
}

fn install_panic_hook(rescue: Arc<Mutex<Option<Rescue>>>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
        if let Ok(guard) = rescue.lock()
            && let Some(rescue) = guard.as_ref()
        {
            for (path, file) in &rescue.files {
                match crate::store::save(path, file) {
                    Ok(()) => eprintln!("glosser: saved unsaved edits to {}", path.display()),
                    Err(e) => eprintln!("glosser: {e}"),
                }
            }
        }
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    terminate: &AtomicBool,
    rescue: &Mutex<Option<Rescue>>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update::update(app, Event::Resize(size.width, size.height), Instant::now());
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
    loop {
        terminal.draw(|frame| view::draw(frame, app))?;
        match events.recv_timeout(TICK) {
            Ok(term_event) => {
                if let Some(event) = translate(app, &term_event) {
                    update::update(app, event, Instant::now());
                }
                for term_event in events.try_iter() {
                    if let Some(event) = translate(app, &term_event) {
                        update::update(app, event, Instant::now());
                    }
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        }
        update::update(app, Event::Tick(Instant::now()), Instant::now());
        refresh_rescue(app, rescue);
        if app.should_quit || terminate.load(Ordering::Relaxed) {
            return Ok(());
        }
    }
}

fn refresh_rescue(app: &App, rescue: &Mutex<Option<Rescue>>) {
    let files = app
        .sessions
        .iter()
        .filter(|(_, s)| s.is_dirty() && s.read_only.is_none() && s.doc.is_ok())
        .map(|(&i, s)| {
            let mut file = s.file.clone();
            if let Ok(doc) = &s.doc {
                doc.sha256().clone_into(&mut file.text_sha256);
            }
            (
                app.corpus.documents[i].annotation_path(&s.file.annotator),
                file,
            )
        })
        .collect();
    if let Ok(mut slot) = rescue.lock() {
        *slot = Some(Rescue { files });
    }
}

/// Terminal event → app event: keys through the keymap (or into the prompt), mouse, resize.
pub fn translate(app: &App, event: &TermEvent) -> Option<Event> {
    match event {
        TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
            if let Mode::Prompt(_) | Mode::Picker(_) = app.mode {
                return match key.code {
                    KeyCode::Up if matches!(app.mode, Mode::Picker(_)) => {
                        Some(Event::Action(Action::MoveUp))
                    }
                    KeyCode::Down if matches!(app.mode, Mode::Picker(_)) => {
                        Some(Event::Action(Action::MoveDown))
                    }
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
            let action = app.keymap.action_for(*key);
            // Any key closes an overlay, bound or not (and does nothing else).
            if matches!(app.mode, Mode::Help | Mode::Stats(_)) {
                return Some(Event::Action(action.unwrap_or(Action::Cancel)));
            }
            action.map(Event::Action)
        }
        TermEvent::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Down,
                MouseEventKind::Drag(MouseButton::Left) => MouseKind::Drag,
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
        TermEvent::Paste(text) => match app.mode {
            Mode::Prompt(_) => text.chars().next().map(Event::PromptChar),
            _ => None,
        },
        _ => None,
    }
}

/// Reads this annotator's files in the background so the list shows statuses and the gauge
/// fills in without delaying the first frame.
fn start_status_scan(app: &mut App) {
    let (sender, receiver) = std::sync::mpsc::channel();
    let jobs: Vec<(usize, std::path::PathBuf)> = app
        .corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let path = d.annotation(&app.annotator).map(|a| a.path.clone());
            (i, path.unwrap_or_default())
        })
        .collect();
    std::thread::spawn(move || {
        for (index, path) in jobs {
            let info = if path.as_os_str().is_empty() {
                DocInfo::None
            } else {
                match crate::store::load(&path) {
                    Ok(file) => DocInfo::Annotated {
                        status: file.status,
                        spans: file.spans.len(),
                    },
                    Err(_) => DocInfo::Broken,
                }
            };
            if sender.send((index, info)).is_err() {
                return;
            }
        }
    });
    app.info_updates = Some(receiver);
}
