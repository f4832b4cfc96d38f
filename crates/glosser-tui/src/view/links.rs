//! Links in the views (SPEC §10): the lines the detail box shows for the span under the cursor
//! (`→ speaker: Tsahkna`, `← speaker: “a leader…`) and the ranges of the spans it is linked
//! to, which the article highlights — in review, also the spans the current item's versions
//! link to.

use std::ops::Range;

use super::super::app::App;
use super::super::sanitize::sanitize;
use super::super::update::excerpt;
use glosser_core::span::Span;
use glosser_core::store::{AnnotationFile, LinkEnd};

/// The span under the open document's cursor ([`Session::current_span`](crate::app::Session::current_span)).
fn current(app: &App) -> Option<(&AnnotationFile, &Span)> {
    let session = app.session()?;
    let spans = &session.file.spans;
    let span = session.current_span().and_then(|i| spans.get(i))?;
    Some((&session.file, span))
}

/// The text of the span a link end names, or its label and offsets when no such span is held.
fn end_text(file: &AnnotationFile, end: &LinkEnd) -> String {
    file.spans
        .position((end.0, end.1, end.2.as_str()))
        .and_then(|i| file.spans.get(i))
        .map_or_else(
            || format!("{} {}..{}", end.2, end.0, end.1),
            |s| excerpt(&s.quote),
        )
}

/// One line per link of `span`: `→ type: text` for links from it, `← type: text` for links to
/// it, sanitised.
pub(crate) fn lines_for(file: &AnnotationFile, span: &Span) -> Vec<String> {
    let me = LinkEnd::of(span);
    let mut out = Vec::new();
    for link in &file.links {
        if link.from == me {
            out.push(format!("→ {}: {}", link.kind, end_text(file, &link.to)));
        }
        if link.to == me {
            out.push(format!("← {}: {}", link.kind, end_text(file, &link.from)));
        }
    }
    out.into_iter().map(|l| sanitize(&l).into_owned()).collect()
}

/// The detail box's link lines for the span under the cursor.
pub(crate) fn detail_lines(app: &App) -> Vec<String> {
    current(app).map_or_else(Vec::new, |(file, span)| lines_for(file, span))
}

/// The ranges the article highlights: the spans linked to the one under the cursor, and the
/// first span of a link being drawn.
pub(crate) fn linked_ranges(app: &App) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if let Some((file, span)) = current(app) {
        let me = LinkEnd::of(span);
        for link in &file.links {
            if link.from == me {
                out.push(link.to.0..link.to.1);
            }
            if link.to == me {
                out.push(link.from.0..link.from.1);
            }
        }
    }
    if let Some(pending) = app.session().and_then(|s| s.pending_link.as_ref()) {
        out.push(pending.from.start..pending.from.end);
    }
    out.extend(review_linked(app));
    out
}

/// In review, the spans the current item's versions link to or from (every annotator's), so a
/// disagreement about links shows where each link goes.
fn review_linked(app: &App) -> Vec<Range<usize>> {
    let Some(review) = app.session().and_then(|s| s.review.as_ref()) else {
        return Vec::new();
    };
    let Some(item) = review.items.get(review.current) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (version, links) in item.versions.iter().zip(&review.links) {
        for span in version {
            for link in links {
                if link.from.matches(span) {
                    out.push(link.to.0..link.to.1);
                }
                if link.to.matches(span) {
                    out.push(link.from.0..link.from.1);
                }
            }
        }
    }
    out
}
