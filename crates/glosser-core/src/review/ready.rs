//! Which documents are ready for review: those every compared annotator with a file for them
//! marked Done. A document still in progress for someone, one nobody compared has a file for,
//! and one with a file that does not parse are left out (and counted) unless the reviewer asks
//! for every document (`glosser review --all`). And which adjudicated documents changed since.

use crate::corpus::DocumentEntry;
use crate::store::Status;

/// Why a document is, or is not, ready for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// Every compared annotator with a file marked it Done (one of them at least has a file).
    Ready,
    /// These annotators have not marked it Done yet.
    InProgress(Vec<String>),
    /// None of the compared annotators has a file for it.
    NoFile,
    /// A compared annotator's file does not parse.
    Broken,
}

/// Whether `entry` is ready for a review of `annotators`; reads their files' status.
pub fn readiness(entry: &DocumentEntry, annotators: &[String]) -> Readiness {
    let mut busy = Vec::new();
    let mut any = false;
    for name in annotators {
        let Some(annotation) = entry.annotation(name) else {
            continue;
        };
        any = true;
        match annotation.load() {
            Ok(file) if file.status == Status::Done => {}
            Ok(_) => busy.push(name.clone()),
            Err(_) => return Readiness::Broken,
        }
    }
    if !any {
        Readiness::NoFile
    } else if busy.is_empty() {
        Readiness::Ready
    } else {
        Readiness::InProgress(busy)
    }
}

/// Whether a document was adjudicated (the `into` file, gold, is Done) and an annotator of
/// `names` has spans since that gold neither holds nor rejected, or links that reopen an item
/// (`adjudicate::settled_linked`): it changed since adjudication.
/// Reads only the files of documents with a Done gold file; a file that does not parse counts as
/// no change (review says what is wrong when the document opens).
pub fn changed_since_adjudication(entry: &DocumentEntry, names: &[String], into: &str) -> bool {
    let Some(Ok(gold)) = entry
        .annotation(into)
        .map(crate::corpus::AnnotationRef::load)
    else {
        return false;
    };
    if gold.status != Status::Done {
        return false;
    }
    let files: Vec<Option<crate::store::AnnotationFile>> = names
        .iter()
        .map(|name| entry.annotation(name).and_then(|a| a.load().ok()))
        .collect();
    let links: Vec<Vec<crate::store::Link>> = files
        .iter()
        .map(|f| f.as_ref().map(|f| f.links.clone()).unwrap_or_default())
        .collect();
    let sides: Vec<Option<Vec<crate::span::Span>>> = files
        .into_iter()
        .map(|f| f.map(|f| f.spans.into_spans()))
        .collect();
    let (agreed, items) = crate::review::adjudicate::plan_linked(&sides, &links, names);
    let held = gold.spans.spans();
    let known = |s: &crate::span::Span| {
        held.iter()
            .chain(&gold.rejected)
            .any(|g| g.key() == s.key())
    };
    !agreed.iter().all(known)
        || !items.iter().all(|item| {
            crate::review::adjudicate::settled_linked(
                item,
                held,
                &gold.rejected,
                &gold.links,
                &sides,
                &links,
            )
        })
}

/// Counts of the documents left out, by reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub in_progress: usize,
    pub no_file: usize,
    pub broken: usize,
}

impl LeftOut {
    pub fn count(&mut self, readiness: &Readiness) {
        match readiness {
            Readiness::Ready => {}
            Readiness::InProgress(_) => self.in_progress += 1,
            Readiness::NoFile => self.no_file += 1,
            Readiness::Broken => self.broken += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.in_progress + self.no_file + self.broken
    }

    /// One sentence for the status line, or `None` when nothing was left out.
    pub fn sentence(&self) -> Option<String> {
        if self.total() == 0 {
            return None;
        }
        let mut why = Vec::new();
        if self.in_progress > 0 {
            why.push(format!("{} not marked Done by everyone", self.in_progress));
        }
        if self.no_file > 0 {
            why.push(format!("{} without their files", self.no_file));
        }
        if self.broken > 0 {
            why.push(format!("{} with a file that does not parse", self.broken));
        }
        let total = self.total();
        Some(format!(
            "{total} {} left out of review ({}); --all includes {}",
            if total == 1 { "document" } else { "documents" },
            why.join(", "),
            if total == 1 { "it" } else { "them" }
        ))
    }
}

#[cfg(test)]
mod tests;
