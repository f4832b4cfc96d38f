//! The help overlay: every binding of the live keymap, and the mouse; in two columns when the
//! terminal is too short for one.

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
const PAIRS: [(Action, Action, &str); 12] = [
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
];

fn pair_up(out: &mut Vec<(String, String)>) {
    for (a, b, both) in PAIRS {
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
            !app.suggestions.is_empty()
                || app.learner.is_some()
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

pub fn draw(buf: &mut Buffer, app: &App, screen: Rect) {
    let rows = lines(app);
    let footer = [
        " mouse: click moves the cursor, opens a document or picks a span; drag selects; wheel scrolls",
        " every edit is saved within a second · g: the team's guidelines · more in docs/keys.md · any other key closes",
    ];
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(4)
        .min(20);
    // Fewest columns that fit, with the footer if there is room for it.
    let inner_height = usize::from(screen.height.saturating_sub(2));
    let (columns, footer) = [
        (1, &footer[..]),
        (2, &footer[..]),
        (2, &[][..]),
        (3, &[][..]),
    ]
    .into_iter()
    .find(|(c, f)| rows.len().div_ceil(*c) + f.len() <= inner_height)
    .unwrap_or((3, &[][..]));
    let per_column = rows.len().div_ceil(columns);
    let area = centered(screen, 118, (per_column + footer.len() + 2) as u16);
    render(buf, Clear, area);
    let block = Block::new().borders(Borders::ALL).title(" Keys ");
    let inner = block.inner(area);
    render(buf, block, area);
    let column_width = inner.width / columns as u16;
    for (c, chunk) in rows.chunks(per_column.max(1)).enumerate() {
        let text_width = usize::from(column_width).saturating_sub(key_width + 3);
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(keys, description)| {
                Line::from(vec![
                    Span::styled(
                        format!(" {keys:>key_width$}  "),
                        Style::new().add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(truncate(description, text_width)),
                ])
            })
            .collect();
        let x = inner.x + c as u16 * column_width;
        render(
            buf,
            Paragraph::new(lines),
            Rect::new(x, inner.y, column_width, inner.height),
        );
    }
    let footer_y = inner.y + inner.height.saturating_sub(footer.len() as u16);
    let footer_height = inner.height.min(footer.len() as u16);
    let footer: Vec<Line> = footer.iter().map(|l| Line::raw(*l)).collect();
    render(
        buf,
        Paragraph::new(footer),
        Rect::new(inner.x, footer_y, inner.width, footer_height),
    );
}
