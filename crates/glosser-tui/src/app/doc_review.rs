//! A document under review: its disagreement items, their decisions and the figures shown.

/// A document under review: the items, their decisions, the item in focus, and the
/// document's agreement (mean over pairs).
#[derive(Debug, Clone, Default)]
pub struct DocReview {
    pub items: Vec<glosser_core::review::adjudicate::Item>,
    pub decisions: Vec<Option<glosser_core::review::adjudicate::Decision>>,
    pub current: usize,
    pub kappa: Option<f64>,
    pub f1: Option<f64>,
    /// Per annotator (in review order): whether they have a file for this document.
    pub has_file: Vec<bool>,
    /// Per annotator (in review order): the links they drew (none without a file).
    pub links: Vec<Vec<glosser_core::store::Link>>,
    /// Lines the sidebar is scrolled past the current item's head (long items).
    pub scroll: usize,
    /// The span of the current item the review's `j` `k` are on (its versions' spans in order).
    pub line: usize,
    /// Spans of the current item marked (`Space`) to take on their own (`Enter`), by key.
    pub marked: Vec<(usize, usize, String)>,
    /// Items gold settled in an earlier review (spans in gold or in its `rejected`): not listed.
    pub earlier: usize,
    /// Gold was adjudicated (Done) and an annotator has spans since that gold neither holds nor
    /// rejected: the document changed since adjudication.
    pub changed: bool,
}

impl DocReview {
    /// Whether to say "changed since adjudication": it changed, and items are still open.
    pub(crate) fn flag_changed(&self) -> bool {
        self.changed && self.left() > 0
    }

    /// Items not decided yet.
    pub fn left(&self) -> usize {
        self.decisions.iter().filter(|d| d.is_none()).count()
    }

    /// The current item's spans, one per line as the sidebar lists them: (annotator, span).
    pub fn lines(&self) -> Vec<(usize, &glosser_core::span::Span)> {
        self.items.get(self.current).map_or_else(Vec::new, |item| {
            item.versions
                .iter()
                .enumerate()
                .flat_map(|(n, version)| version.iter().map(move |s| (n, s)))
                .collect()
        })
    }

    /// The annotators (of `names`) without a file for this document.
    pub(crate) fn without_file<'a>(&self, names: &'a [String]) -> Vec<&'a str> {
        names
            .iter()
            .zip(&self.has_file)
            .filter(|(_, has)| !**has)
            .map(|(n, _)| n.as_str())
            .collect()
    }
}
