//! The merge engine (`glosser merge`): several annotators' files into gold files, one document
//! at a time.
//!
//! For each document, the annotators (of those given) that have a file for it are merged; a
//! majority is more than half of them; majority and intersection leave out (and name) a
//! document only one of them has. Ties and conflicts are told to the caller, except those the
//! gold file already settles (it holds the spans, or review rejected them: `rejected` in gold,
//! never added again). An existing gold file is merged into, never replaced, through the one
//! save path.

use std::path::Path;

use crate::ops::error::refuse;

use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::review::merge::links::merge_links;
use crate::review::merge::{Gold, Strategy, into_existing, merge_with_gold};
use crate::span::{AnnotationSet, Span};
use crate::store::{self, AnnotationFile, Status, StoreError};

/// What to merge, and into whom.
pub struct Request<'a> {
    pub corpus: &'a Path,
    pub annotators: &'a [String],
    pub strategy: Strategy,
    /// The annotator to write (gold).
    pub into: &'a str,
    /// Only annotation files marked Done (the others are left out and counted).
    pub done_only: bool,
}

/// What the merge did, counted.
#[derive(Debug, Default)]
pub struct Summary {
    /// Gold files written.
    pub written: usize,
    /// Ties, conflicts and unmerged orphans to look at (told as they were found).
    pub reported: usize,
    /// Files skipped (told as they were found).
    pub skipped: usize,
    /// Documents with a single annotator, left out.
    pub single: usize,
    /// Items gold already settles (not told).
    pub settled: usize,
    /// Files not marked Done, left out under `done_only`.
    pub not_done: usize,
    /// Regions where enough annotators put the same label on overlapping text but no identical
    /// span reached gold (told as they were found).
    pub near_misses: usize,
}

/// Merges; `say` gets every line to show a person (skips, ties, conflicts, re-anchoring).
pub fn merge(request: &Request, say: &mut dyn FnMut(String)) -> crate::ops::Result<Summary> {
    if !store::is_valid_annotator(request.into) {
        refuse!("--into {:?} is not a valid annotator name", request.into);
    }
    let corpus = Corpus::scan(request.corpus)?;
    let annotators = crate::review::corpus::choose_annotators(&corpus, request.annotators)?;
    if annotators.iter().any(|a| a == request.into) {
        refuse!(
            "--into {:?} is also one of the annotators being merged",
            request.into
        );
    }
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        say(format!("warning: {w}"));
    }
    let strategy = request.strategy;
    let mut s = Summary::default();
    for entry in &corpus.documents {
        let present: Vec<&String> = annotators
            .iter()
            .filter(|a| entry.annotation(a).is_some())
            .collect();
        if present.is_empty() {
            continue;
        }
        let doc = match entry.load() {
            Ok(doc) => doc,
            Err(e) => {
                say(format!("skipped: {e}"));
                s.skipped += 1;
                continue;
            }
        };
        let texts = crate::old_texts::Lookup::in_corpus(request.corpus, &entry.path);
        let mut sides: Vec<(String, Vec<Span>)> = Vec::new();
        let mut side_links: Vec<(String, Vec<crate::store::Link>)> = Vec::new();
        for name in present {
            let Some(annotation) = entry.annotation(name) else {
                continue;
            };
            match annotation.load() {
                Ok(file) if request.done_only && file.status != Status::Done => s.not_done += 1,
                Ok(mut file) => {
                    // A file saved against an older text is brought onto this one first (in
                    // memory: `validate --fix` saves it).
                    let restamped = crate::reanchor::restamp(&mut file, &doc, &texts);
                    restamped_lines(
                        say,
                        &annotation.path,
                        &restamped,
                        " (in memory; glosser validate --fix saves it)",
                    );
                    let orphans = file.orphans.iter().filter(|s| s.orphan).count();
                    let ambiguous = file.orphans.len() - orphans;
                    if orphans + ambiguous > 0 {
                        say(format!(
                            "{}: {orphans} orphaned and {ambiguous} ambiguous spans are not merged (place or confirm them in the TUI, or run glosser validate)",
                            crate::fsio::display_path(&annotation.path),
                        ));
                        s.reported += 1;
                    }
                    let bad = file.spans.problems(&doc, &labels);
                    if !bad.is_empty() {
                        say(format!(
                            "skipped {}: {} (run glosser validate)",
                            annotation.path.display(),
                            bad[0].1
                        ));
                        s.skipped += 1;
                        continue;
                    }
                    side_links.push((name.clone(), std::mem::take(&mut file.links)));
                    sides.push((name.clone(), file.spans.into_spans()));
                }
                Err(e) => {
                    say(format!("skipped: {e}"));
                    s.skipped += 1;
                }
            }
        }
        let refs: Vec<(&str, &[Span])> = sides
            .iter()
            .map(|(n, s)| (n.as_str(), s.as_slice()))
            .collect();
        let path = entry.annotation_path(request.into);
        let existing = match store::load(&path) {
            Ok(file) => Some(file),
            Err(StoreError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                None
            }
            Err(e) => {
                say(format!("skipped: {e}; the gold file is left untouched"));
                s.skipped += 1;
                continue;
            }
        };
        // Gold saved for an older text is brought onto this one before it is compared: its
        // spans and the spans review rejected are matched at their offsets in this text.
        let current = existing.clone().map(|mut gold| {
            let restamped = crate::reanchor::restamp(&mut gold, &doc, &texts);
            restamped_lines(say, &path, &restamped, "");
            gold
        });
        // Review's decisions are kept with gold: its spans and the spans it rejected.
        let gold = current.as_ref().map_or_else(Gold::default, |f| Gold {
            spans: f.spans.spans(),
            rejected: &f.rejected,
        });
        let merged = merge_with_gold(&refs, strategy, &gold);
        if merged.single {
            say(format!(
                "{}: only {} has a file; left out ({} needs two annotators or more)",
                entry.id,
                refs[0].0,
                strategy.as_str()
            ));
            s.single += 1;
            continue;
        }
        for report in merged.reports.iter().chain(&merged.near_misses) {
            say(format!("{}: {report}", entry.id));
        }
        s.reported += merged.reports.len();
        s.near_misses += merged.near_misses.len();
        s.settled += merged.settled;
        if existing.is_none() && merged.spans.is_empty() {
            continue;
        }
        let mut gold = current.unwrap_or_else(|| {
            let mut file =
                AnnotationFile::new(entry.file_name(), request.into.to_owned(), doc.sha256());
            file.status = Status::InProgress;
            file
        });
        let old = std::mem::take(&mut gold.spans).into_spans();
        gold.spans = AnnotationSet::from_spans(into_existing(old, merged.spans));
        let link_refs: Vec<(&str, &[crate::store::Link])> = side_links
            .iter()
            .map(|(n, l)| (n.as_str(), l.as_slice()))
            .collect();
        let links = merge_links(&link_refs, strategy, gold.spans.spans(), &gold.links);
        for report in &links.reports {
            say(format!("{}: {report}", entry.id));
        }
        s.reported += links.reports.len();
        gold.links = links.links;
        crate::save::save_merged(&path, &gold, existing.as_ref(), &doc, &texts)?;
        s.written += 1;
    }
    Ok(s)
}

/// What re-anchoring did to the file at `path`, a line per span and the counts.
fn restamped_lines(
    say: &mut dyn FnMut(String),
    path: &Path,
    restamped: &crate::reanchor::Restamped,
    how: &str,
) {
    if !restamped.changed() {
        return;
    }
    let shown = crate::fsio::display_path(path);
    for line in restamped.lines() {
        say(format!("{shown}: {line}"));
    }
    say(format!("{shown}: {}{how}", restamped.summary()));
}
