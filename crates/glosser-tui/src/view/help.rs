//! The help overlay: every binding of the live keymap and the mouse, each description wrapped
//! (never cut), in a view that scrolls (`j` `k`, `PgDn` `PgUp`) and fits any terminal glosser
//! runs in, 80×24 included.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::action::Action;
use super::super::app::App;
use super::{centered, render, truncate};

/// The help's lines: one per action that has a key (digits only for labels that exist, review
/// keys only in review mode).
pub fn lines(app: &App) -> Vec<(String, String)> {
    let extend = [
        Action::ExtendLeft,
        Action::ExtendRight,
        Action::ExtendUp,
        Action::ExtendDown,
    ];
    let rows = app.keymap.help_rows();
    let shift_arrows = ["Shift-Left", "Shift-Right", "Shift-Up", "Shift-Down"];
    // The four extend keys take one line when they are the default Shift+arrows.
    let collapse = extend
        .iter()
        .zip(shift_arrows)
        .all(|(a, k)| rows.iter().any(|(keys, b)| b == a && keys == k));
    let mut out: Vec<(String, String)> = rows_for(app, rows);
    let after_links = out
        .iter()
        .position(|(_, d)| *d == Action::Unlink.describe())
        .map_or(out.len(), |i| i + 1);
    out.splice(after_links..after_links, link_type_keys(app));
    pair_up(&mut out);
    if collapse && let Some(at) = out.iter().position(|(k, _)| k == "Shift-Left") {
        out[at] = ("Shift-arrows".to_owned(), "extend the selection".to_owned());
        out.retain(|(k, _)| !shift_arrows[1..].contains(&k.as_str()));
    }
    out
}

/// One line per link type with a key: what the key does while a link is pending.
fn link_type_keys(app: &App) -> Vec<(String, String)> {
    app.labels
        .link_types()
        .iter()
        .filter_map(|t| {
            let key = t.key?;
            Some((
                key.to_string(),
                format!(
                    "linking, on the other span: a {} link ({} → {})",
                    t.name,
                    t.from.join("/"),
                    t.to.join("/")
                ),
            ))
        })
        .collect()
}

/// Opposite motions share a line (`w / b  next word / previous word`), so the help fits an
/// 80×24 terminal in two columns.
const PAIRS: &[(Action, Action, &str)] = &[
    (Action::NextPane, Action::PrevPane, "next / previous pane"),
    (
        Action::MoveLeft,
        Action::MoveRight,
        "left / right one character",
    ),
    (
        Action::MoveUp,
        Action::MoveDown,
        "up / down one line (previous / next item)",
    ),
    (Action::NextWord, Action::PrevWord, "next / previous word"),
    (
        Action::NextSentence,
        Action::PrevSentence,
        "next / previous sentence",
    ),
    (
        Action::NextParagraph,
        Action::PrevParagraph,
        "next / previous paragraph",
    ),
    (Action::Start, Action::End, "start / end of the article"),
    (Action::PageUp, Action::PageDown, "page up / down"),
    (Action::NextSpan, Action::PrevSpan, "next / previous span"),
    (
        Action::NextMatch,
        Action::PrevMatch,
        "next / previous match",
    ),
    (Action::Undo, Action::Redo, "undo / redo"),
    (
        Action::NextDocument,
        Action::PrevDocument,
        "next / previous document",
    ),
    (
        Action::LineStart,
        Action::LineEnd,
        "start / end of the screen line",
    ),
    (
        Action::NextBigWord,
        Action::PrevBigWord,
        "next / previous WORD (blank-separated)",
    ),
    (
        Action::HalfPageDown,
        Action::HalfPageUp,
        "half a page down / up",
    ),
    (
        Action::Search,
        Action::SearchBack,
        "search the article forwards / backwards (Tab in the prompt: whole words; / in the list: filter, Tab there: search every document)",
    ),
    (
        Action::SearchWord,
        Action::SearchWordBack,
        "search the word under the cursor forwards / backwards (whole word)",
    ),
    (
        Action::SelectToPunctuation,
        Action::SelectFromPunctuation,
        "select from the cursor to the punctuation / from the punctuation to the cursor (again: one clause more)",
    ),
];

fn pair_up(out: &mut Vec<(String, String)>) {
    for &(a, b, both) in PAIRS {
        let find = |action: Action, out: &[(String, String)]| {
            out.iter().position(|(_, d)| *d == action.describe())
        };
        if let (Some(i), Some(j)) = (find(a, out), find(b, out)) {
            let keys = format!("{} / {}", out[i].0, out[j].0);
            out[i] = (keys, both.to_owned());
            out.remove(j);
        }
    }
}

/// Help lines for keymap rows: digits only for labels that exist, review keys only in review,
/// orphan keys only with orphans, suggestion keys only with `--suggestions`.
fn rows_for(app: &App, rows: Vec<(String, Action)>) -> Vec<(String, String)> {
    rows.into_iter()
        .filter(|(_, action)| {
            app.reviewing.is_some() || !matches!(action, Action::Reject | Action::AcceptMajority)
        })
        .filter(|(_, action)| {
            app.suggestions.is_some()
                || !matches!(
                    action,
                    Action::AcceptSuggestion
                        | Action::AcceptAllSuggestions
                        | Action::RejectSuggestion
                        | Action::NextSuggestion
                        | Action::PrevSuggestion
                )
        })
        .filter(|(_, action)| {
            app.session().is_some_and(|s| !s.file.orphans.is_empty())
                || !matches!(action, Action::PlaceOrphan | Action::DropOrphan)
        })
        .filter_map(|(keys, action)| match action.label_key() {
            Some(k) => app
                .labels
                .by_key(k)
                .map(|l| (keys, format!("label {} — {}", l.name, l.description))),
            None => Some((keys, action.describe())),
        })
        .collect()
}

/// What the help says after the keys: the mouse, saving, where to read more.
const FOOTER: [&str; 3] = [
    "mouse: click moves the cursor, opens a document or picks a span; drag selects; drag the first or last character of a span to move that edge; the wheel scrolls",
    "every edit is saved within a second · g at the top of this help: the team's guidelines · every key with examples: docs/keys.md",
    "counts: a number before a motion repeats it (3j, 5w, 2)) when nothing is selected; with a selection (or a span picked with ] [, or the flow's item) a digit labels it",
];

/// The help box for a screen: nearly all of it, at most 110 columns wide.
fn help_area(screen: Rect) -> Rect {
    centered(screen, 110.min(screen.width), screen.height)
}

/// Rows of text the help box shows (its height less the border and the keys line).
fn visible_rows(screen: Rect) -> usize {
    usize::from(help_area(screen).height.saturating_sub(3))
}

/// Every line of the help for a text `width`: each binding with its description wrapped under
/// itself (nothing cut), then the footer, wrapped too.
pub(crate) fn wrapped_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let rows = lines(app);
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .filter(|&w| w <= 16)
        .max()
        .unwrap_or(4);
    let text_width = width.saturating_sub(key_width + 3).max(10);
    let mut out = Vec::new();
    for (keys, description) in rows {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut pieces = super::wrap_words(&description, text_width).into_iter();
        if keys.chars().count() > key_width {
            // A long key list takes its own line, the description under it.
            out.push(Line::styled(format!(" {keys}"), bold));
        } else {
            let first = pieces.next().unwrap_or_default();
            out.push(Line::from(vec![
                Span::styled(format!(" {keys:>key_width$}  "), bold),
                Span::raw(first),
            ]));
        }
        for piece in pieces {
            out.push(Line::raw(format!(" {:key_width$}  {piece}", "")));
        }
    }
    out.push(Line::raw(""));
    for line in FOOTER {
        for piece in super::wrap_words(line, width.saturating_sub(1).max(10)) {
            out.push(Line::raw(format!(" {piece}")));
        }
    }
    out
}

/// The last line the help can be scrolled to at the app's terminal size.
pub(crate) fn last_top(app: &App) -> usize {
    let screen = Rect::new(0, 0, app.size.0, app.size.1);
    let width = usize::from(help_area(screen).width.saturating_sub(2));
    wrapped_lines(app, width)
        .len()
        .saturating_sub(visible_rows(screen))
}

pub fn draw(buf: &mut Buffer, app: &App, screen: Rect, top: usize) {
    let area = help_area(screen);
    render(buf, Clear, area);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let lines = wrapped_lines(app, inner_width);
    let height = visible_rows(screen);
    let top = top.min(lines.len().saturating_sub(height));
    let last = (top + height).min(lines.len());
    let title = format!(" Keys · lines {}–{last} of {} ", top + 1, lines.len());
    let block = Block::new().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    render(buf, block, area);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    render(
        buf,
        Paragraph::new(shown),
        Rect::new(
            inner.x,
            inner.y,
            inner.width,
            inner.height.saturating_sub(1),
        ),
    );
    let keys = "j k PgDn PgUp scroll · g top, then guidelines · any other key closes";
    render(
        buf,
        Paragraph::new(Line::styled(
            truncate(keys, inner_width),
            Style::new().add_modifier(Modifier::REVERSED),
        )),
        Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        ),
    );
}
