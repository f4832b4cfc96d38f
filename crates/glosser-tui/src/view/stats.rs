//! The stats view (`S`): spans per label for each annotator compared, as one row of bars per
//! label (every label, however many); each annotator's bars have their own fill (█ ▓ ▒ ░, then
//! letters) named in the legend, so they are told apart without colour. Then `agree`'s figures
//! for the same annotators (with the team's γ and the warnings `glosser agree` gives), who was
//! left out and why, and this annotator's progress.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph};

use super::super::app::App;
use super::super::sanitize::sanitize;
use super::super::stats::CorpusStats;
use super::{centered, label_color, render, truncate};

const ANNOTATOR_COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Yellow,
    Color::Green,
    Color::Blue,
    Color::Red,
];

/// Warning lines shown under the agreement table (the rest are counted).
const MAX_WARNINGS: usize = 4;

/// The team's γ over all labels and how it was computed, in one line.
fn gamma_line(stats: &CorpusStats) -> Option<String> {
    let g = stats.gamma.as_ref()?;
    Some(match &g.overall {
        Some(o) => format!(
            "gamma {:.3} (γ-cat {:.3}) over {}; {} samples, seed {}",
            o.gamma,
            o.gamma_cat,
            g.annotators.join(", "),
            g.settings.samples,
            g.settings.seed
        ),
        None => "gamma: no document has spans by two annotators".to_owned(),
    })
}

/// Whether a warning is on `label` (its place is the label, or the label and a pair or γ).
fn flagged(stats: &CorpusStats, label: &str) -> bool {
    stats
        .warnings
        .iter()
        .any(|(place, _)| place == label || place.starts_with(&format!("{label} (")))
}

/// The fill of annotator `n`'s bars: four shades, then the letters of the alphabet.
pub(crate) fn fill(n: usize) -> char {
    const SHADES: [char; 4] = ['█', '▓', '▒', '░'];
    SHADES
        .get(n)
        .copied()
        .or_else(|| char::from_u32(u32::from(b'a') + (n - SHADES.len()) as u32 % 26))
        .unwrap_or('?')
}

fn annotator_style(app: &App, n: usize) -> Style {
    if app.color {
        Style::new().fg(ANNOTATOR_COLORS[n % ANNOTATOR_COLORS.len()])
    } else {
        Style::new()
    }
}

fn frame(buf: &mut Buffer, screen: Rect) -> Rect {
    let area = centered(screen, 110, screen.height.saturating_sub(2).max(10));
    render(buf, Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Corpus statistics — any key closes ");
    let inner = block.inner(area);
    render(buf, block, area);
    inner
}

/// The stats view while its job reads the corpus.
pub(crate) fn draw_gathering(buf: &mut Buffer, screen: Rect) {
    let inner = frame(buf, screen);
    render(
        buf,
        Paragraph::new("reading the corpus's annotation files…"),
        inner,
    );
}

/// One row of bars per label: each annotator's count as a bar of its fill, scaled to the most.
fn chart(app: &App, stats: &CorpusStats, width: usize) -> Vec<Line<'static>> {
    let mut legend = vec![Span::styled(
        "spans per label:",
        Style::new().add_modifier(Modifier::BOLD),
    )];
    for (n, (name, _)) in stats.counts.iter().enumerate() {
        legend.push(Span::styled(
            format!("  {} {}", fill(n), sanitize(name)),
            annotator_style(app, n),
        ));
    }
    let mut lines = vec![Line::from(legend)];
    if stats.counts.is_empty() {
        lines.push(Line::raw("no annotation files yet"));
        return lines;
    }
    let label_width = stats
        .labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(5)
        .min(14);
    let most = stats
        .counts
        .iter()
        .flat_map(|(_, row)| row.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let each = width.saturating_sub(label_width + 1) / stats.counts.len();
    let digits = most.to_string().len();
    let room = each.saturating_sub(digits + 2).max(1) as u64;
    for (i, label) in stats.labels.iter().enumerate() {
        let style = label_color(app, label)
            .filter(|_| app.color)
            .map_or(Style::new(), |c| Style::new().fg(c));
        let mut row = vec![Span::styled(
            format!("{:<label_width$} ", truncate(label, label_width)),
            style,
        )];
        for (n, (_, counts)) in stats.counts.iter().enumerate() {
            let count = counts.get(i).copied().unwrap_or(0);
            let length = (count * room).div_ceil(most) as usize;
            let bar: String = std::iter::repeat_n(fill(n), length).collect();
            let pad = each.saturating_sub(length + digits + 1);
            row.push(Span::styled(
                format!("{bar} {count:<digits$}{}", " ".repeat(pad)),
                annotator_style(app, n),
            ));
        }
        lines.push(Line::from(row));
    }
    lines
}

/// `agree`'s figures for the annotators compared, or why there are none; who was left out.
fn agreement(stats: &CorpusStats, width: usize) -> Vec<Line<'static>> {
    let cell = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"));
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = Vec::new();
    match (&stats.agreement, &stats.refused) {
        (Some(a), _) => {
            lines.push(Line::styled(
                truncate(
                    &format!(
                        "agreement: {} over {} (as glosser agree)",
                        a.title,
                        crate::update::counted(a.documents, "document", "documents")
                    ),
                    width,
                ),
                bold,
            ));
            lines.push(Line::styled(
                format!(
                    "{:<14} {:>7} {:>8} {:>9} {:>10} {:>7}",
                    "label", "kappa", "alpha_u", "f1_strict", "f1_overlap", "gamma"
                ),
                bold,
            ));
            let overall = ("overall".to_owned(), a.overall);
            for (label, f) in a.labels.iter().chain(std::iter::once(&overall)) {
                let gamma = stats.gamma.as_ref().and_then(|g| {
                    if label == "overall" {
                        g.overall.map(|o| o.gamma)
                    } else {
                        g.labels
                            .iter()
                            .find(|(l, _, _)| l == label)
                            .and_then(|(_, f, _)| f.gamma)
                    }
                });
                lines.push(Line::raw(format!(
                    "{:<14} {:>7} {:>8} {:>9} {:>10} {:>7}{}",
                    truncate(label, 14),
                    cell(f.kappa),
                    cell(f.alpha_u),
                    cell(f.f1_strict),
                    cell(f.f1_overlap),
                    cell(gamma),
                    if flagged(stats, label) { "  !" } else { "" }
                )));
            }
            if !a.pairs.is_empty() {
                let pairs: Vec<String> = a
                    .pairs
                    .iter()
                    .map(|(name, kappa)| format!("{} κ {}", sanitize(name), cell(*kappa)))
                    .collect();
                for piece in super::wrap_words(&format!("pairs: {}", pairs.join(" · ")), width) {
                    lines.push(Line::raw(piece));
                }
            }
            lines.extend(gamma_line(stats).map(|l| Line::raw(truncate(&l, width))));
            let room = if stats.warnings.len() > MAX_WARNINGS + 1 {
                MAX_WARNINGS
            } else {
                MAX_WARNINGS + 1
            };
            for (place, message) in stats.warnings.iter().take(room) {
                let text = format!("! {}: {}", sanitize(place), sanitize(message));
                lines.push(Line::raw(truncate(&text, width)));
            }
            if stats.warnings.len() > room {
                lines.push(Line::raw(format!(
                    "! … {} more: glosser agree lists them all",
                    stats.warnings.len() - room
                )));
            }
        }
        (None, Some(why)) => {
            for piece in super::wrap_words(&format!("agreement: {}", sanitize(why)), width) {
                lines.push(Line::raw(piece));
            }
        }
        (None, None) => lines.push(Line::raw(
            "agreement: the annotators compared share no document yet",
        )),
    }
    if !stats.left_out.is_empty() {
        let names: Vec<String> = stats
            .left_out
            .iter()
            .map(|(name, why)| format!("{} ({why})", sanitize(name)))
            .collect();
        let text = format!(
            "left out: {} — :stats A,B,NAME compares whom you name, as agree --annotators",
            names.join(", ")
        );
        for piece in super::wrap_words(&text, width) {
            lines.push(Line::styled(
                piece,
                Style::new().add_modifier(Modifier::DIM),
            ));
        }
    }
    lines
}

pub fn draw(buf: &mut Buffer, app: &App, screen: Rect, stats: &CorpusStats) {
    let inner = frame(buf, screen);
    let width = usize::from(inner.width);
    let mut lines = chart(app, stats, width);
    lines.push(Line::raw(""));
    lines.extend(agreement(stats, width));
    let text_height = inner.height.saturating_sub(2);
    render(
        buf,
        Paragraph::new(lines),
        Rect::new(inner.x, inner.y, inner.width, text_height),
    );
    let total = (stats.done + stats.in_progress + stats.todo).max(1);
    let mut label = format!(
        "{}: {} done · {} in progress · {} to do",
        sanitize(&app.annotator),
        stats.done,
        stats.in_progress,
        stats.todo
    );
    if stats.links > 0 {
        label.push_str(" · ");
        label.push_str(&crate::update::counted(stats.links, "link", "links"));
    }
    render(
        buf,
        Gauge::default()
            .ratio(stats.done as f64 / total as f64)
            .label(label)
            .gauge_style(if app.color {
                Style::new().fg(Color::Green)
            } else {
                Style::new()
            }),
        Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        ),
    );
}
