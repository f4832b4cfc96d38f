//! The stats view (`S`): spans per label per annotator as a bar chart, agreement per label (with
//! the team's γ and the warnings `glosser agree` gives), and corpus progress.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Clear, Gauge, Paragraph};

use super::super::app::App;
use super::super::stats::CorpusStats;
use super::{centered, label_color, render};

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
fn gamma_line(stats: &CorpusStats) -> String {
    match stats.gamma.as_ref() {
        Some(g) => match &g.overall {
            Some(o) => format!(
                "gamma {:.3} (γ-cat {:.3}) over {}; {} samples, seed {}",
                o.gamma,
                o.gamma_cat,
                g.annotators.join(", "),
                g.settings.samples,
                g.settings.seed
            ),
            None => "gamma: no document has spans by two annotators".to_owned(),
        },
        None => String::new(),
    }
}

/// The stats view while its job reads the corpus.
pub(crate) fn draw_gathering(buf: &mut Buffer, screen: Rect) {
    let area = centered(screen, 110, 32);
    render(buf, Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Corpus statistics — any key closes ");
    let inner = block.inner(area);
    render(buf, block, area);
    render(
        buf,
        Paragraph::new("reading the corpus's annotation files…"),
        inner,
    );
}

pub fn draw(buf: &mut Buffer, app: &App, screen: Rect, stats: &CorpusStats) {
    let area = centered(screen, 110, 32);
    render(buf, Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Corpus statistics — any key closes ");
    let inner = block.inner(area);
    render(buf, block, area);
    // Header, a row per label, γ's line, the warnings shown and the line counting the rest.
    let warning_rows = stats.warnings.len().min(MAX_WARNINGS + 1) as u16;
    let agreement_rows = stats
        .agreement
        .as_ref()
        .map_or(1, |a| a.len() as u16 + 2 + warning_rows);
    let [chart, legend, agreement, progress] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(agreement_rows),
        Constraint::Length(2),
    ])
    .areas(inner);
    let groups: Vec<BarGroup> = stats
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let bars: Vec<Bar> = stats
                .counts
                .iter()
                .enumerate()
                .map(|(a, (_, row))| {
                    let color = if app.color {
                        ANNOTATOR_COLORS[a % ANNOTATOR_COLORS.len()]
                    } else {
                        Color::Reset
                    };
                    Bar::default()
                        .value(row[i])
                        .style(Style::new().fg(color))
                        .value_style(Style::new().add_modifier(Modifier::REVERSED))
                })
                .collect();
            let title_style = label_color(app, label)
                .filter(|_| app.color)
                .map_or(Style::new(), |c| Style::new().fg(c));
            BarGroup::default()
                .label(Line::styled(label.clone(), title_style))
                .bars(&bars)
        })
        .collect();
    let mut chart_widget = BarChart::default().bar_width(5).bar_gap(1).group_gap(4);
    for group in groups {
        chart_widget = chart_widget.data(group);
    }
    if stats.counts.is_empty() {
        render(buf, Paragraph::new("no annotation files yet"), chart);
    } else {
        render(buf, chart_widget, chart);
    }
    let mut spans = vec![ratatui::text::Span::raw("spans per label, by annotator:")];
    for (a, (name, _)) in stats.counts.iter().enumerate() {
        let style = if app.color {
            Style::new().fg(ANNOTATOR_COLORS[a % ANNOTATOR_COLORS.len()])
        } else {
            Style::new()
        };
        spans.push(ratatui::text::Span::styled(format!("  ■ {name}"), style));
    }
    render(buf, Paragraph::new(Line::from(spans)), legend);
    let mut lines = Vec::new();
    match &stats.agreement {
        Some(rows) => {
            lines.push(Line::styled(
                format!(
                    "{:<14} {:>7} {:>8} {:>9} {:>7}",
                    "agreement", "kappa", "alpha_u", "f1_strict", "gamma"
                ),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            let cell = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"));
            for (label, f) in rows {
                let gamma = stats.gamma.as_ref().and_then(|g| {
                    g.labels
                        .iter()
                        .find(|(l, _, _)| l == label)
                        .and_then(|(_, f, _)| f.gamma)
                });
                let flagged = stats
                    .warnings
                    .iter()
                    .any(|(place, _)| place == label || place.starts_with(&format!("{label} (")));
                lines.push(Line::raw(format!(
                    "{label:<14} {:>7} {:>8} {:>9} {:>7}{}",
                    cell(f.kappa),
                    cell(f.alpha_u),
                    cell(f.f1_strict),
                    cell(gamma),
                    if flagged { "  !" } else { "" }
                )));
            }
            lines.push(Line::raw(gamma_line(stats)));
            let room = if stats.warnings.len() > MAX_WARNINGS + 1 {
                MAX_WARNINGS
            } else {
                MAX_WARNINGS + 1
            };
            for (place, message) in stats.warnings.iter().take(room) {
                lines.push(Line::raw(format!("! {place}: {message}")));
            }
            if stats.warnings.len() > room {
                lines.push(Line::raw(format!(
                    "! … {} more: glosser agree lists them all",
                    stats.warnings.len() - room
                )));
            }
        }
        None => lines.push(Line::raw(
            "agreement: needs two annotators on the same documents",
        )),
    }
    render(buf, Paragraph::new(lines), agreement);
    let total = (stats.done + stats.in_progress + stats.todo).max(1);
    let mut label = format!(
        "{}: {} done · {} in progress · {} to do",
        app.annotator, stats.done, stats.in_progress, stats.todo
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
        Rect::new(progress.x, progress.y + 1, progress.width, 1),
    );
}
