//! The team's overview (`glosser status`, SPEC §11). A document × annotator
//! table — status, span count, and what needs a person: a file that does not parse, a file
//! saved for an older text (stale), orphaned spans, merge-conflict notes left — with who is
//! assigned each document (`assignments.ron`), what changed since each document was adjudicated
//! (`review::since`: the article, annotators' spans added, removed or relabelled — the same
//! answer review's `Δ` gives), and what this clone lacks for git (`git_setup::check`).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::assignments::Assignments;
use crate::corpus::{Corpus, DocumentEntry};
use crate::merge3::CONFLICT_MARK;
use crate::store::{self, GOLD, Status};

/// One annotator's file for one document, as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// `None`: no file yet (assigned, not started); `Some(None)`: the file does not parse.
    pub status: Option<Option<Status>>,
    pub spans: usize,
    /// What needs a person, one short phrase each (`stale`, `2 conflict notes`, …).
    pub problems: Vec<String>,
    /// Orphaned and ambiguous spans: the annotator's own to settle.
    pub unsettled: usize,
}

/// One document's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub document: String,
    /// Annotators with a file or an assignment for this document.
    pub annotators: BTreeMap<String, Cell>,
    pub assigned: Vec<String>,
    /// Something changed since the gold file was adjudicated (see `since_gold`).
    pub changed_since_gold: bool,
    /// What changed since adjudication, when gold is Done and something did.
    pub since_gold: Option<crate::review::since::SinceAdjudication>,
    /// Why the article cannot be annotated, if it cannot.
    pub unreadable: Option<String>,
}

/// The whole overview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overview {
    pub rows: Vec<Row>,
    /// Every annotator seen in files or assignments, sorted (gold last in the table).
    pub annotators: BTreeSet<String>,
    pub overlap: usize,
    pub warnings: Vec<String>,
}

/// Gathers the overview of a scanned corpus.
pub fn overview(corpus: &Corpus) -> Overview {
    let (assignments, warning) = Assignments::for_corpus(&corpus.root);
    let rows: Vec<Row> = corpus
        .documents
        .par_iter()
        .map(|entry| row(entry, &assignments))
        .collect();
    let mut annotators: BTreeSet<String> = corpus.annotators();
    annotators.extend(assignments.assign.keys().cloned());
    let mut warnings: Vec<String> = warning.into_iter().collect();
    warnings.extend(crate::ops::git_setup::check(&corpus.root));
    for stray in &corpus.strays {
        warnings.push(format!(
            "{}: its article {} is missing (moved or deleted); see glosser validate",
            stray.path.display(),
            stray.document_id
        ));
    }
    Overview {
        rows,
        annotators,
        overlap: assignments.overlap,
        warnings,
    }
}

fn row(entry: &DocumentEntry, assignments: &Assignments) -> Row {
    let doc = entry.load();
    let hash = doc.as_ref().ok().map(|d| d.sha256().to_owned());
    let assigned = assignments.assigned(&entry.id);
    let mut annotators = BTreeMap::new();
    for annotation in &entry.annotations {
        let cell = match store::load_checked(&annotation.path) {
            Err(e) => Cell {
                status: Some(None),
                spans: 0,
                problems: vec![format!("broken: {e}")],
                unsettled: 0,
            },
            Ok((file, _)) => {
                let mut problems = Vec::new();
                let stale = hash.as_deref().is_some_and(|h| h != file.text_sha256);
                if stale {
                    problems
                        .push("stale: the article changed since this file was saved".to_owned());
                }
                let ambiguous = file.orphans.iter().filter(|s| s.ambiguous).count();
                let orphans = file.orphans.len() - ambiguous;
                if orphans > 0 {
                    problems.push(format!("{orphans} orphaned"));
                }
                if ambiguous > 0 {
                    problems.push(format!("{ambiguous} ambiguous"));
                }
                let conflicts = file
                    .all_spans()
                    .filter(|s| {
                        s.note
                            .as_deref()
                            .is_some_and(|n| n.starts_with(CONFLICT_MARK))
                    })
                    .count();
                if conflicts > 0 {
                    problems.push(format!(
                        "{conflicts} merge conflict note{}",
                        if conflicts == 1 { "" } else { "s" }
                    ));
                }
                Cell {
                    status: Some(Some(file.status)),
                    spans: file.spans.len() + file.orphans.len(),
                    problems,
                    unsettled: file.orphans.len(),
                }
            }
        };
        annotators.insert(annotation.annotator.clone(), cell);
    }
    for name in &assigned {
        annotators.entry(name.clone()).or_insert(Cell {
            status: None,
            spans: 0,
            problems: Vec::new(),
            unsettled: 0,
        });
    }
    let since_gold =
        crate::review::since::since_adjudication(entry, GOLD, &[]).filter(|s| !s.is_empty());
    Row {
        document: entry.id.clone(),
        annotators,
        assigned,
        changed_since_gold: since_gold.is_some(),
        since_gold,
        unreadable: doc.err().map(|e| e.reason()),
    }
}

/// The status as JSON and in the table: `Todo`, `InProgress`, `Done`, `broken` or `missing`
/// (assigned, no file yet).
pub fn status_name(cell: &Cell) -> &'static str {
    match cell.status {
        None => "missing",
        Some(None) => "broken",
        Some(Some(s)) => s.as_str(),
    }
}
