//! Links in the review sidebar (SPEC §10): under each span of a version, the links that
//! annotator drew from it (`→ speaker: Tsahkna`) and to it (`← speaker: “a leader…`), marked
//! `∉ gold` when their other span is neither in gold nor in the version (accepting the version
//! would not bring them yet); and what gold already holds of the item, links included.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::super::app::App;
use super::super::super::sanitize::sanitize;
use super::super::super::update::excerpt;
use super::super::truncate;
use glosser_core::review::adjudicate::Item;
use glosser_core::store::{Link, LinkEnd};

/// The text of a link's other end: an excerpt of the article there.
fn end_text(app: &App, end: &LinkEnd) -> String {
    app.document().map_or_else(
        || format!("{} {}..{}", end.2, end.0, end.1),
        |doc| excerpt(doc.slice(end.0, end.1)),
    )
}

fn in_gold(app: &App, end: &LinkEnd) -> bool {
    app.session().is_some_and(|s| {
        s.file
            .spans
            .position((end.0, end.1, end.2.as_str()))
            .is_some()
    })
}

/// The links of `links` from or to `span`, in that order.
fn touching<'a>(links: &'a [Link], span: &glosser_core::span::Span) -> Vec<(bool, &'a Link)> {
    let from = links
        .iter()
        .filter(|l| l.from.matches(span))
        .map(|l| (true, l));
    let to = links
        .iter()
        .filter(|l| l.to.matches(span))
        .map(|l| (false, l));
    from.chain(to).collect()
}

/// How many links of `links` touch a span of `version` (each once).
pub(super) fn count(links: &[Link], version: &[glosser_core::span::Span]) -> usize {
    links
        .iter()
        .filter(|l| version.iter().any(|s| l.from.matches(s) || l.to.matches(s)))
        .count()
}

/// One line per link of `links` from or to `span`; `version` are the spans that would go into
/// gold with it, so a link to one of them is not marked.
pub(super) fn span_lines(
    app: &App,
    links: &[Link],
    span: &glosser_core::span::Span,
    version: &[glosser_core::span::Span],
    width: usize,
) -> Vec<Line<'static>> {
    let style = if app.color {
        Style::new().fg(Color::Cyan)
    } else {
        Style::new()
    };
    let missing_style = if app.color {
        Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM)
    } else {
        Style::new().add_modifier(Modifier::DIM)
    };
    touching(links, span)
        .into_iter()
        .map(|(outgoing, link)| {
            let (arrow, other) = if outgoing {
                ("→", &link.to)
            } else {
                ("←", &link.from)
            };
            let text = sanitize(&format!(
                "     {arrow} {}: {}",
                link.kind,
                end_text(app, other)
            ))
            .into_owned();
            let missing = !in_gold(app, other) && !version.iter().any(|s| other.matches(s));
            if missing {
                let note = " ∉ gold";
                let room = width.saturating_sub(note.chars().count());
                Line::from(vec![
                    Span::styled(truncate(&text, room), style),
                    Span::styled(note, missing_style),
                ])
            } else {
                Line::styled(truncate(&text, width), style)
            }
        })
        .collect()
}

/// What gold holds of an item: its spans that gold has (by start, end and label), each with
/// gold's links; nothing when gold holds none of them.
pub(super) fn gold_lines(app: &App, item: &Item, width: usize) -> Vec<Line<'static>> {
    let Some(session) = app.session() else {
        return Vec::new();
    };
    let mut held: Vec<&glosser_core::span::Span> = Vec::new();
    for span in item.versions.iter().flatten() {
        if let Some(gold) = session
            .file
            .spans
            .position(span.key())
            .and_then(|i| session.file.spans.get(i))
            && !held.iter().any(|h| h.key() == gold.key())
        {
            held.push(gold);
        }
    }
    if held.is_empty() {
        return Vec::new();
    }
    held.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut out = vec![Line::styled(
        truncate(" gold holds:", width),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    let spans: Vec<glosser_core::span::Span> = held.iter().map(|s| (*s).clone()).collect();
    for span in &spans {
        out.extend(super::span_lines(app, span, width, None));
        out.extend(span_lines(app, &session.file.links, span, &spans, width));
    }
    out
}
