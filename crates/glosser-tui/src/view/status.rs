//! The status line: document, annotator, saved state, mode and cursor; then the prompt, the last
//! message, or key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, Focus, Mode, PromptKind, Tone};
use super::super::sanitize::sanitize;
use super::render;

/// "saved", "unsaved" or "read-only" for the open document.
pub(crate) fn save_state(app: &App) -> &'static str {
    match app.session() {
        None => "",
        Some(s) if s.read_only.is_some() => "read-only",
        Some(s) if s.is_dirty() => "unsaved",
        Some(s) if s.on_disk => "saved",
        Some(_) => "no edits",
    }
}

fn mode_name(app: &App) -> &'static str {
    match &app.mode {
        Mode::Help { .. } => "HELP",
        Mode::Jump(_) => "JUMP",
        Mode::Guidelines { .. } => "GUIDELINES",
        Mode::Stats(_) => "STATS",
        Mode::Picker(_) => "LABEL",
        Mode::Prompt(p) => match p.kind {
            PromptKind::Search => "SEARCH",
            PromptKind::SearchBack => "SEARCH BACK",
            PromptKind::Filter => "FILTER",
            PromptKind::CorpusSearch => "CORPUS SEARCH",
            PromptKind::Command => "COMMAND",
            PromptKind::Note { .. } => "NOTE",
        },
        Mode::Normal if app.edges.is_some() => "EDGES",
        Mode::Normal if app.flow.is_some() => "FLOW",
        Mode::Normal if app.session().is_some_and(|s| s.anchor.is_some()) => "SELECT",
        Mode::Normal if app.reviewing.is_some() && app.focus == Focus::Sidebar => "REVIEW",
        Mode::Normal => match app.focus {
            Focus::List => "LIST",
            Focus::Article => "ARTICLE",
            Focus::Sidebar => "SPANS",
        },
    }
}

pub fn draw(buf: &mut Buffer, app: &App, area: Rect) {
    let id = app.open.map_or_else(
        || "no document".to_owned(),
        |i| sanitize(&app.corpus.documents[i].id).into_owned(),
    );
    let state = save_state(app);
    let position = app
        .session()
        .and_then(|s| {
            let doc = s.doc.as_ref().ok()?;
            if let Some(r) = &s.review {
                let figure =
                    |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"));
                let names = app
                    .review_annotators()
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let absent = r.without_file(names);
                let figures = if r.has_file.iter().filter(|h| **h).count() < 2 {
                    // No pair to compare: not κ 0, simply no figures (agree skips it too).
                    "no pair to compare".to_owned()
                } else {
                    format!("κ {} │ F1 {}", figure(r.kappa), figure(r.f1))
                };
                let absent = match absent.as_slice() {
                    [] => String::new(),
                    all if all.len() == names.len() => " │ nobody has a file".to_owned(),
                    [one] => format!(" │ {one} has no file"),
                    many => format!(" │ {} have no file", many.join(", ")),
                };
                let changed = if r.flag_changed() {
                    " │ changed since adjudication"
                } else {
                    ""
                };
                return Some(format!(
                    "review: {} left │ {figures}{absent}{changed}",
                    r.left()
                ));
            }
            if s.loading.is_some() {
                // The length is known once the rest of the article is read.
                return Some(format!("{}/…", s.cursor));
            }
            Some(format!("{}/{}", s.cursor, doc.char_len()))
        })
        .unwrap_or_default();
    let bar = if app.color {
        Style::new().bg(Color::Rgb(40, 44, 52)).fg(Color::White)
    } else {
        Style::new().add_modifier(Modifier::REVERSED)
    };
    let state_style = match (state, app.color) {
        ("unsaved", true) => bar.fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ("read-only", true) => bar.fg(Color::LightRed).add_modifier(Modifier::BOLD),
        ("saved", true) => bar.fg(Color::LightGreen),
        _ => bar,
    };
    // The mode, the saved state, the count and the position are never cut: the document's
    // name gives way first, then the annotator's.
    let mode = format!(" {} ", mode_name(app));
    let count = app.count.map(|n| format!(" │ {n}…")).unwrap_or_default();
    let tail = format!(" │ {position}{count}");
    let fixed = mode.chars().count() + state.chars().count() + tail.chars().count() + 2;
    // What is left for "{id} │ {annotator} │ ": the annotator keeps up to a third of it.
    let room = usize::from(area.width).saturating_sub(fixed);
    let names = if room >= 10 {
        let annotator = sanitize(&app.annotator);
        let annotator = super::truncate(&annotator, (room / 3).max(4));
        let id_room = room.saturating_sub(annotator.chars().count() + 6);
        format!("{} │ {annotator} │ ", super::truncate(&id, id_room.max(1)))
    } else if room >= 4 {
        format!("{} │ ", super::truncate(&id, room - 3))
    } else {
        String::new()
    };
    let top = Line::from(vec![
        Span::styled(mode, bar.add_modifier(Modifier::BOLD)),
        Span::styled(format!("│ {names}"), bar),
        Span::styled(state.to_owned(), state_style),
        Span::styled(tail, bar),
    ]);
    render(
        buf,
        Paragraph::new(top).style(bar),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let bottom = match &app.mode {
        Mode::Prompt(prompt) => {
            let head = match &prompt.kind {
                PromptKind::Search => "/".to_owned(),
                PromptKind::SearchBack => "\\".to_owned(),
                PromptKind::Filter => "filter names: ".to_owned(),
                PromptKind::CorpusSearch => "search every document: ".to_owned(),
                PromptKind::Command => ":".to_owned(),
                PromptKind::Note { key } => format!("note for {} {}..{}: ", key.2, key.0, key.1),
            };
            let words = if app.search.whole_word { "on" } else { "off" };
            let tail = match &prompt.kind {
                PromptKind::Search | PromptKind::SearchBack => {
                    format!("  Tab whole words ({words}) · Enter ok · Esc cancel")
                }
                PromptKind::Filter => "  Tab search the texts instead · Esc cancel".to_owned(),
                PromptKind::CorpusSearch => {
                    format!("  Tab filter names instead · whole words {words} · Esc cancel")
                }
                PromptKind::Command => {
                    "  w save · q quit · e DOC open · label NAME · help · stats A,B".to_owned()
                }
                PromptKind::Note { .. } => "  Enter ok · Esc cancel".to_owned(),
            };
            // The cursor is drawn on the character it stands on (a space at the end).
            let at = prompt
                .text
                .char_indices()
                .nth(prompt.cursor)
                .map_or(prompt.text.len(), |(i, _)| i);
            let (before, rest) = prompt.text.split_at(at);
            let mut under = rest.chars();
            let cursor = under.next().map_or(" ".to_owned(), String::from);
            Line::from(vec![
                Span::styled(head, Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(sanitize(before).into_owned()),
                Span::styled(
                    sanitize(&cursor).into_owned(),
                    Style::new().add_modifier(Modifier::REVERSED),
                ),
                Span::raw(sanitize(under.as_str()).into_owned()),
                Span::styled(tail, Style::new().fg(Color::DarkGray)),
            ])
        }
        _ => match &app.message {
            Some((text, tone)) => {
                let style = match (tone, app.color) {
                    (Tone::Error, true) => Style::new()
                        .fg(Color::LightRed)
                        .add_modifier(Modifier::BOLD),
                    (Tone::Warning, true) => Style::new().fg(Color::Yellow),
                    (Tone::Error, false) => Style::new().add_modifier(Modifier::BOLD),
                    _ => Style::new(),
                };
                Line::styled(sanitize(text).into_owned(), style)
            }
            None => Line::styled(
                hints(app, usize::from(area.width)),
                Style::new().fg(Color::DarkGray),
            ),
        },
    };
    render(
        buf,
        Paragraph::new(bottom),
        Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(1),
        ),
    );
}

/// Key hints for what the keys do now, the most important first, as many as fit in `width`;
/// `? help · q quit` always fits.
fn hints(app: &App, width: usize) -> String {
    let suggestions = app.suggestions.is_some()
        && app
            .session()
            .is_some_and(|s| !crate::update::suggest::ghosts(s).is_empty());
    let selecting = app.session().is_some_and(|s| s.anchor.is_some());
    let parts: &[&str] = match app.focus {
        _ if app.count.is_some() => &["a motion repeats", "Esc drops the count"],
        Focus::List => &[
            "j/k move",
            "Enter open",
            "/ filter (Tab: texts)",
            "J/K doc",
            "Tab pane",
        ],
        Focus::Sidebar if app.reviewing.is_some() => &[
            "1-9 version",
            "j/k span",
            "Space mark",
            "Enter take",
            "0 reject",
            "m majority",
            "] [ item",
        ],
        Focus::Sidebar => &[
            "j/k span",
            "1-9 relabel",
            "x delete",
            "a note",
            "c edges",
            "r link",
        ],
        Focus::Article if app.edges.is_some() => &[
            "h/l char",
            "w/b word",
            "t/T punct",
            "; other edge",
            "Enter done",
        ],
        Focus::Article if app.flow.is_some() && suggestions => &[
            "1-9 label",
            "y accept",
            "X reject",
            "Space skip",
            "⌫ back",
            "t punct",
            "f jump",
            "Esc leave",
        ],
        Focus::Article if app.flow.is_some() => &[
            "1-9 label",
            "Space skip",
            "⌫ back",
            "t punct",
            "f jump",
            "\" quote",
            "Esc leave",
        ],
        Focus::Article if selecting => &[
            "1-9 label",
            "Enter labels",
            "t punct",
            "; other end",
            "Esc cancel",
        ],
        Focus::Article if suggestions => &[
            "y accept",
            "X reject",
            "Y all",
            "> next",
            "Space flow",
            "s sentence",
            "1-9 label",
        ],
        Focus::Article => &[
            "Space flow",
            "s sentence",
            "\" quote",
            "t punct",
            "1-9 label",
            "f jump",
            "] [ spans",
            "c edges",
            ": command",
        ],
    };
    let tail = "? help · q quit";
    let mut out = String::new();
    for part in parts {
        if out.chars().count() + part.chars().count() + 3 + tail.chars().count() > width {
            break;
        }
        out.push_str(part);
        out.push_str(" · ");
    }
    out.push_str(tail);
    out
}
