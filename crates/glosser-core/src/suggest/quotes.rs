//! `--builtin quotes`: every quotation with its marks, found by the `"` key's rule
//! ([`crate::text::bounds::quotation_at`]), suggested as `quote`.

use std::collections::BTreeSet;

use super::Proposal;
use crate::text::Document;
use crate::text::bounds::quotation_at;

/// The label quotations are suggested as.
pub const LABEL: &str = "quote";

/// Every quotation of `doc`: the innermost quotation around each opening mark, so nested
/// quotations are found as well as the ones around them.
pub fn suggest(doc: &Document) -> Vec<Proposal> {
    let mut found = BTreeSet::new();
    for (c, ch) in doc.text().chars().enumerate() {
        if matches!(ch, '“' | '«' | '‘' | '"')
            && let Some(range) = quotation_at(doc, c)
            && range.start == c
        {
            found.insert((range.start, range.end));
        }
    }
    found
        .into_iter()
        .map(|(start, end)| Proposal {
            start,
            end,
            label: LABEL.to_owned(),
            score: 1.0,
        })
        .collect()
}

#[cfg(test)]
mod tests;
