//! A link being drawn (`r`, SPEC §10): held by the session until its second span and type are
//! chosen (`update::link_edit` draws it).

use glosser_core::reanchor::Restamped;
use glosser_core::span::Span;
use glosser_core::store::{AnnotationFile, LinkEnd};

/// A link being drawn: its first span, and once the second is known and several link types fit,
/// the types to choose from (by digit, in the label set's order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLink {
    pub from: Span,
    pub choice: Option<(Span, Vec<String>)>,
}

impl PendingLink {
    /// Follows its spans onto a re-anchored file (`report` says where each went); `false` when
    /// one of them is no longer placed, and the link cannot be drawn.
    pub fn follow(&mut self, report: &Restamped, file: &AnnotationFile) -> bool {
        let placed = |span: &Span| {
            let end = report.follow(&LinkEnd::of(span));
            let i = file.spans.position((end.0, end.1, &end.2))?;
            file.spans.get(i).cloned()
        };
        let Some(from) = placed(&self.from) else {
            return false;
        };
        self.from = from;
        if let Some((to, _)) = &mut self.choice {
            let Some(moved) = placed(to) else {
                return false;
            };
            *to = moved;
        }
        true
    }
}
