//! Which span keys act on where spans nest or share a start: `]` and `[` step through the spans
//! in reading order — by start, and at one start the outermost first (a claim, then the source
//! that opens it) — so `[` from a quote reaches the source before the claim around both; `[` at
//! the start of a span not picked yet picks that span. While a link is pending they stop only on
//! the spans it can end on. `r` starts a link on the span
//! picked with `]` `[` (or in the sidebar), else on the innermost span under the cursor that
//! some link type starts from, and ends it on the picked span, else on the innermost one the
//! link can end on.

use std::cmp::Reverse;

use super::super::app::Session;
use glosser_core::labels::LabelSet;
use glosser_core::span::Span;

/// Reading order: by start, the longer first, then by label.
fn order(span: &Span) -> (usize, Reverse<usize>, &str) {
    (span.start, Reverse(span.end), span.label.as_str())
}

/// Whether a pending link (from `from`) can end on `span`.
fn can_end(labels: &LabelSet, from: &Span, span: &Span) -> bool {
    span.key() != from.key() && !labels.link_types_for(&from.label, &span.label).is_empty()
}

/// The span `]` (`forward`) or `[` goes to, as an index into the session's file.
pub(super) fn step(session: &Session, labels: &LabelSet, forward: bool) -> Option<usize> {
    let spans = session.file.spans.spans();
    let cursor = session.cursor;
    let pending = session.pending_link.as_ref().map(|p| &p.from);
    let candidates = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| pending.is_none_or(|from| can_end(labels, from, s)));
    let current = session
        .current_span()
        .and_then(|i| spans.get(i))
        .filter(|s| s.start == cursor);
    // `[` at the start of a span nobody picked picks that span first.
    if let Some(here) = current
        && !forward
        && session.picked.as_ref() != Some(&here.owned_key())
        && pending.is_none_or(|from| can_end(labels, from, here))
    {
        return spans.iter().position(|s| s.key() == here.key());
    }
    let found = match (current, forward) {
        (Some(here), true) => candidates
            .filter(|(_, s)| order(s) > order(here))
            .min_by(|(_, a), (_, b)| order(a).cmp(&order(b))),
        (Some(here), false) => candidates
            .filter(|(_, s)| order(s) < order(here))
            .max_by(|(_, a), (_, b)| order(a).cmp(&order(b))),
        (None, true) => candidates
            .filter(|(_, s)| s.start > cursor)
            .min_by(|(_, a), (_, b)| order(a).cmp(&order(b))),
        (None, false) => candidates
            .filter(|(_, s)| s.start < cursor)
            .max_by(|(_, a), (_, b)| order(a).cmp(&order(b))),
    };
    found.map(|(i, _)| i)
}

/// The picked span, while it covers the cursor.
fn picked(session: &Session) -> Option<&Span> {
    let key = session.picked.as_ref()?;
    let spans = &session.file.spans;
    spans
        .position((key.0, key.1, &key.2))
        .and_then(|i| spans.get(i))
        .filter(|s| s.start <= session.cursor && session.cursor < s.end)
}

/// The innermost span under the cursor for which `fits` holds.
fn innermost_that(session: &Session, fits: impl Fn(&Span) -> bool) -> Option<&Span> {
    session
        .file
        .spans
        .covering(session.cursor)
        .map(|(_, s)| s)
        .filter(|s| fits(s))
        .min_by(|a, b| a.len().cmp(&b.len()).then(b.start.cmp(&a.start)))
}

/// The span `r` starts a link on (see the module's doc).
pub(crate) fn link_start(session: &Session, labels: &LabelSet) -> Option<Span> {
    let starts = |s: &Span| {
        labels
            .link_types()
            .iter()
            .any(|t| t.from.contains(&s.label))
    };
    picked(session)
        .or_else(|| innermost_that(session, starts))
        .or_else(|| innermost_that(session, |_| true))
        .cloned()
}

/// The span a link from `from` would end on at the cursor (see the module's doc).
pub(crate) fn link_end(session: &Session, labels: &LabelSet, from: &Span) -> Option<Span> {
    picked(session)
        .or_else(|| innermost_that(session, |s| can_end(labels, from, s)))
        .or_else(|| innermost_that(session, |_| true))
        .cloned()
}
