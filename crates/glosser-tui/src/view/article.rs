//! The article pane: draws only the visible rows of the wrap cache, with spans in their label
//! colours, nested spans marked, the selection, search matches and the cursor. Cell priority:
//! cursor > selection > search match > label; the cursor inside a selection is drawn selected.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Paragraph, Widget};

use super::super::app::{App, Focus};
use super::super::sanitize::{grapheme_cell, graphemes, sanitize};
use super::super::search::matches_in;
use super::super::wrap::WrapCache;
use super::{has_focus, pane_block, render};
use glosser_core::labels::{LabelSet, parse_color};
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::text::Document;

/// The article text of one document, ready to draw.
pub struct ArticleView<'a> {
    pub doc: &'a Document,
    pub spans: &'a AnnotationSet,
    pub labels: &'a LabelSet,
    pub wrap: &'a WrapCache,
    pub top_row: usize,
    pub cursor: usize,
    pub selection: Option<Range<usize>>,
    /// Sorted by start and disjoint (each row finds its own by binary search).
    pub matches: &'a [Range<usize>],
    /// The spans linked to the one under the cursor (SPEC §10): bold and underlined, and in a
    /// link colour when colours are on.
    pub linked: &'a [Range<usize>],
    pub focused: bool,
    /// False under `NO_COLOR`: spans are then underlined, nested ones also bold.
    pub color: bool,
    /// Suggestions not yet accepted or rejected (SPEC §9), drawn where no real span is.
    pub ghosts: &'a [Span],
}

const CURSOR_BG: Color = Color::Rgb(250, 250, 250);
const SELECTION_BG: Color = Color::Rgb(70, 70, 140);
const MATCH_BG: Color = Color::Rgb(255, 235, 120);
const LINKED_FG: Color = Color::Rgb(120, 0, 140);
const CURSOR_IN_SELECTION_FG: Color = Color::Rgb(255, 220, 90);

impl ArticleView<'_> {
    /// The style of the cell showing the grapheme at char offset `c`.
    fn style_at(
        &self,
        c: usize,
        row_spans: &[&Span],
        row_matches: &[Range<usize>],
        row_ghosts: &[&Span],
    ) -> Style {
        let mut style = Style::new();
        let covers = |s: &&&Span| s.start <= c && c < s.end;
        if let Some(inner) = row_spans
            .iter()
            .filter(covers)
            .min_by(|a, b| a.len().cmp(&b.len()).then(b.start.cmp(&a.start)))
        {
            let rgb = self
                .labels
                .get(&inner.label)
                .and_then(|l| parse_color(&l.color));
            style = match (self.color, rgb) {
                (true, Some((r, g, b))) => Style::new().bg(Color::Rgb(r, g, b)).fg(Color::Black),
                _ => Style::new().add_modifier(Modifier::UNDERLINED),
            };
            if row_spans.iter().filter(covers).nth(1).is_some() {
                // Nested: the outer span shows through as an underline (bold without colour).
                style = style.add_modifier(if self.color {
                    Modifier::UNDERLINED
                } else {
                    Modifier::BOLD
                });
            }
            if row_spans.iter().any(|s| s.start == c) {
                // A span boundary: its first character is italic, so touching spans part.
                style = style.add_modifier(Modifier::ITALIC);
            }
        } else if let Some(g) = row_ghosts.iter().find(|g| g.start <= c && c < g.end) {
            let rgb = self
                .labels
                .get(&g.label)
                .and_then(|l| parse_color(&l.color));
            style = super::ghost::style(self.color, rgb.map(|(r, g, b)| Color::Rgb(r, g, b)));
        }
        if self.linked.iter().any(|r| r.contains(&c)) {
            style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            if self.color {
                style = style.fg(LINKED_FG);
            }
        }
        if row_matches.iter().any(|m| m.contains(&c)) {
            style = if self.color {
                style.bg(MATCH_BG).fg(Color::Black)
            } else {
                // Reversed, as a highlighter would; italic tells it from the selection.
                style.add_modifier(Modifier::REVERSED | Modifier::ITALIC)
            };
        }
        let selected = self.selection.as_ref().is_some_and(|s| s.contains(&c));
        if selected {
            style = if self.color {
                style.bg(SELECTION_BG).fg(Color::White)
            } else {
                style.add_modifier(Modifier::REVERSED)
            };
        }
        if c == self.cursor {
            style = self.cursor_style(selected);
        }
        style
    }

    /// The cursor's cell. Inside a selection it keeps the selection's look (what is drawn as
    /// selected is what a label key stores) and is marked by an underline instead.
    fn cursor_style(&self, selected: bool) -> Style {
        let base = match (self.color, selected) {
            (true, true) => Style::new()
                .bg(SELECTION_BG)
                .fg(CURSOR_IN_SELECTION_FG)
                .add_modifier(Modifier::UNDERLINED),
            (true, false) => Style::new().bg(CURSOR_BG).fg(Color::Black),
            (false, _) => Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
        };
        if self.focused {
            base.add_modifier(Modifier::BOLD)
        } else {
            base.add_modifier(Modifier::DIM)
        }
    }
}

impl Widget for ArticleView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let last_row = self.wrap.row_count();
        for (y, row) in (self.top_row..last_row)
            .take(usize::from(area.height))
            .enumerate()
        {
            let range = self.wrap.row_range(row);
            let row_spans: Vec<&Span> = self
                .spans
                .intersecting(range.clone())
                .map(|(_, s)| s)
                .collect();
            let row_matches = matches_in(self.matches, range.clone());
            let row_ghosts: Vec<&Span> = self
                .ghosts
                .iter()
                .filter(|g| g.start < range.end && g.end > range.start)
                .collect();
            let y = area.y + y as u16;
            let mut x = 0u16;
            let mut c = range.start;
            // Under NO_COLOR a span's label marker goes in the blank cell before its start.
            let mut blank_before: Option<u16> = None;
            let text = self.doc.slice(range.start, range.end);
            for g in graphemes(text) {
                if !self.color
                    && let Some(at) = blank_before
                    && let Some(span) = starting_here(&row_spans, c)
                {
                    let marker = super::marker_in(self.labels, &span.label);
                    buf[(area.x + at, y)].set_symbol(&marker.to_string());
                }
                blank_before = (g.chars().all(char::is_whitespace) && x < area.width).then_some(x);
                let chars = g.chars().count();
                let Some((shown, width)) = grapheme_cell(g) else {
                    if c == self.cursor && x < area.width {
                        buf[(area.x + x, y)]
                            .set_symbol(" ")
                            .set_style(self.cursor_style(false));
                    }
                    c += chars;
                    continue;
                };
                if x >= area.width {
                    break;
                }
                let style = self.style_at(c, &row_spans, row_matches, &row_ghosts);
                if width > area.width - x {
                    buf[(area.x + x, y)].set_symbol("…").set_style(style);
                } else if g == "\t" {
                    for dx in 0..width {
                        buf[(area.x + x + dx, y)].set_symbol(" ").set_style(style);
                    }
                } else {
                    buf[(area.x + x, y)].set_symbol(&shown).set_style(style);
                    for dx in 1..width {
                        // The cells a wide character covers stay empty, as ratatui expects.
                        buf[(area.x + x + dx, y)].reset();
                    }
                }
                x = x.saturating_add(width);
                c += chars;
            }
            let at_end = row + 1 == last_row && self.cursor >= self.doc.char_len();
            if at_end && x < area.width {
                buf[(area.x + x, y)]
                    .set_symbol(" ")
                    .set_style(self.cursor_style(false));
            }
        }
    }
}

/// The innermost span starting at char `c`, if one does.
fn starting_here<'a>(spans: &[&'a Span], c: usize) -> Option<&'a Span> {
    spans
        .iter()
        .filter(|s| s.start == c)
        .min_by_key(|s| s.len())
        .copied()
}

/// Word jumping's hints (`f`): each hint's letters still to type, over the first cells of its
/// word.
pub(crate) fn draw_hints(buf: &mut Buffer, app: &App, text: Rect, jump: &crate::jump::Jump) {
    let Some(session) = app.session() else { return };
    let Ok(doc) = &session.doc else { return };
    let banner = u16::from(session.read_only.is_some());
    let style = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    let style = if app.color {
        style.fg(Color::Rgb(255, 220, 90))
    } else {
        style
    };
    for (hint, at) in &jump.targets {
        let Some(rest) = hint.strip_prefix(jump.typed.as_str()) else {
            continue;
        };
        let row = app.wrap.row_of(*at);
        let Some(line) = row.checked_sub(session.top_row) else {
            continue;
        };
        let y = text.y + banner + line as u16;
        if y >= text.y + text.height {
            continue;
        }
        let x = app.wrap.column_of(doc, *at);
        for (i, ch) in rest.chars().enumerate() {
            let cx = x + i as u16;
            if cx < text.width {
                buf[(text.x + cx, y)]
                    .set_symbol(&ch.to_string())
                    .set_style(style);
            }
        }
    }
}

/// Draws the article pane of the open document.
pub fn draw(buf: &mut Buffer, app: &App, area: Rect) {
    let focused = has_focus(app, Focus::Article);
    let Some(session) = app.session() else {
        render(
            buf,
            pane_block(" Article ".to_owned(), focused, app.color),
            area,
        );
        return;
    };
    let id = app
        .open
        .map(|i| sanitize(&app.corpus.documents[i].id).into_owned())
        .unwrap_or_default();
    let block = pane_block(format!(" {id} "), focused, app.color);
    let mut inner = block.inner(area);
    render(buf, block, area);
    if let Some(why) = &session.read_only {
        let banner = Rect::new(inner.x, inner.y, inner.width, 1);
        let style = if app.color {
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        };
        render(
            buf,
            Paragraph::new(sanitize(why).into_owned()).style(style),
            banner,
        );
        inner = Rect::new(
            inner.x,
            inner.y + 1,
            inner.width,
            inner.height.saturating_sub(1),
        );
    }
    let Ok(doc) = &session.doc else {
        return;
    };
    // In review, the characters where the annotators' versions differ are highlighted.
    let differing: Vec<std::ops::Range<usize>> = session
        .review
        .as_ref()
        .and_then(|r| r.items.get(r.current))
        .map(glosser_core::review::adjudicate::differing)
        .unwrap_or_default();
    let matches = if differing.is_empty() {
        &app.search.matches
    } else {
        &differing
    };
    draw_gutter(buf, app, session, area, inner);
    let ghosts = crate::update::suggest::ghosts(session);
    let linked = super::links::linked_ranges(app);
    render(
        buf,
        ArticleView {
            ghosts: &ghosts,
            doc,
            spans: &session.file.spans,
            labels: &app.labels,
            wrap: &app.wrap,
            top_row: session.top_row,
            cursor: session.cursor,
            selection: session.selection(),
            matches,
            linked: &linked,
            focused,
            color: app.color,
        },
        inner,
    );
}

/// The label marker of each visible row's span in the pane's left border (the innermost span
/// covering the row's first character, else the first span starting on it), so labels can be
/// told apart in the article without colour, too.
fn draw_gutter(
    buf: &mut Buffer,
    app: &App,
    session: &super::super::app::Session,
    area: Rect,
    text: Rect,
) {
    if area.width < 2 {
        return;
    }
    let last_row = app.wrap.row_count();
    for (y, row) in (session.top_row..last_row)
        .take(usize::from(text.height))
        .enumerate()
    {
        let range = app.wrap.row_range(row);
        let spans: Vec<&Span> = session
            .file
            .spans
            .intersecting(range.clone())
            .map(|(_, s)| s)
            .collect();
        let covering = spans
            .iter()
            .filter(|s| s.start <= range.start && range.start < s.end)
            .min_by_key(|s| s.len());
        let starting = spans.iter().find(|s| range.contains(&s.start));
        let Some(span) = covering.or(starting) else {
            continue;
        };
        let marker = super::marker_in(&app.labels, &span.label);
        let style = match (app.color, super::label_color(app, &span.label)) {
            (true, Some(c)) => Style::new().fg(c),
            _ => Style::new(),
        };
        let cell = &mut buf[(area.x, text.y + y as u16)];
        cell.set_symbol(&marker.to_string()).set_style(style);
    }
}

#[cfg(test)]
mod tests;
