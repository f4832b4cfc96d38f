//! `glosser merge`: several annotators' files into gold files, one document at a time.
//!
//! For each document, the annotators (of those given) that have a file for it are merged; a
//! majority is more than half of them; majority and intersection leave out (and name) a
//! document only one of them has. Ties and conflicts are listed on stderr, except those the gold
//! file already settles (it holds the spans, or review rejected them: `rejected` in gold, never
//! added again). An existing gold file is merged into, never replaced. Exit codes: 0
//! merged cleanly; 1 merged, with ties or conflicts to look at (listed) or files skipped; 2 usage
//! or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;

use glosser_core::corpus::Corpus;
use glosser_core::labels::LabelSet;
use glosser_core::review::merge::links::merge_links;
use glosser_core::review::merge::{Gold, Strategy, into_existing, merge_with_gold};
use glosser_core::span::{AnnotationSet, Span};
use glosser_core::store::{self, AnnotationFile, Status, StoreError};

/// Arguments of `glosser merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Annotators to merge.
    #[arg(long, value_delimiter = ',', required = true)]
    pub annotators: Vec<String>,
    /// majority, union or intersection.
    #[arg(long)]
    pub strategy: String,
    /// Annotator to write.
    #[arg(long, default_value = "gold")]
    pub into: String,
    /// Only annotation files marked Done (the others are left out and counted).
    #[arg(long)]
    pub done_only: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let strategy: Strategy = args.strategy.parse().map_err(anyhow::Error::msg)?;
    if !store::is_valid_annotator(&args.into) {
        bail!("--into {:?} is not a valid annotator name", args.into);
    }
    let corpus = Corpus::scan(&args.corpus)?;
    let annotators = glosser_core::review::corpus::choose_annotators(&corpus, &args.annotators)?;
    if annotators.contains(&args.into) {
        bail!(
            "--into {:?} is also one of the annotators being merged",
            args.into
        );
    }
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let (mut written, mut reported, mut skipped) = (0usize, 0usize, 0usize);
    let (mut single, mut settled, mut not_done) = (0usize, 0usize, 0usize);
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
                eprintln_safe!("glosser: skipped: {e}");
                skipped += 1;
                continue;
            }
        };
        let texts = glosser_core::old_texts::Lookup::in_corpus(&args.corpus, &entry.path);
        let mut sides: Vec<(String, Vec<Span>)> = Vec::new();
        let mut side_links: Vec<(String, Vec<glosser_core::store::Link>)> = Vec::new();
        for name in present {
            let Some(annotation) = entry.annotation(name) else {
                continue;
            };
            match annotation.load() {
                Ok(file) if args.done_only && file.status != Status::Done => not_done += 1,
                Ok(mut file) => {
                    // A file saved against an older text is brought onto this one first (in
                    // memory: `validate --fix` saves it).
                    let restamped = glosser_core::reanchor::restamp(&mut file, &doc, &texts);
                    print_restamped(
                        &annotation.path,
                        &restamped,
                        " (in memory; glosser validate --fix saves it)",
                    );
                    let orphans = file.orphans.iter().filter(|s| s.orphan).count();
                    let ambiguous = file.orphans.len() - orphans;
                    if orphans + ambiguous > 0 {
                        eprintln_safe!(
                            "glosser: {}: {orphans} orphaned and {ambiguous} ambiguous spans are not merged (place or confirm them in the TUI, or run glosser validate)",
                            glosser_core::fsio::display_path(&annotation.path),
                        );
                        reported += 1;
                    }
                    let bad = file.spans.problems(&doc, &labels);
                    if !bad.is_empty() {
                        eprintln!(
                            "glosser: skipped {}: {} (run glosser validate)",
                            annotation.path.display(),
                            bad[0].1
                        );
                        skipped += 1;
                        continue;
                    }
                    side_links.push((name.clone(), std::mem::take(&mut file.links)));
                    sides.push((name.clone(), file.spans.into_spans()));
                }
                Err(e) => {
                    eprintln_safe!("glosser: skipped: {e}");
                    skipped += 1;
                }
            }
        }
        let refs: Vec<(&str, &[Span])> = sides
            .iter()
            .map(|(n, s)| (n.as_str(), s.as_slice()))
            .collect();
        let path = entry.annotation_path(&args.into);
        let existing = match store::load(&path) {
            Ok(file) => Some(file),
            Err(StoreError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                None
            }
            Err(e) => {
                eprintln_safe!("glosser: skipped: {e}; the gold file is left untouched");
                skipped += 1;
                continue;
            }
        };
        // Gold saved for an older text is brought onto this one before it is compared: its
        // spans and the spans review rejected are matched at their offsets in this text.
        let current = existing.clone().map(|mut gold| {
            let restamped = glosser_core::reanchor::restamp(&mut gold, &doc, &texts);
            print_restamped(&path, &restamped, "");
            gold
        });
        // Review's decisions are kept with gold: its spans and the spans it rejected.
        let gold = current.as_ref().map_or_else(Gold::default, |f| Gold {
            spans: f.spans.spans(),
            rejected: &f.rejected,
        });
        let merged = merge_with_gold(&refs, strategy, &gold);
        if merged.single {
            eprintln_safe!(
                "glosser: {}: only {} has a file; left out ({} needs two annotators or more)",
                entry.id,
                refs[0].0,
                args.strategy
            );
            single += 1;
            continue;
        }
        for report in &merged.reports {
            eprintln_safe!("glosser: {}: {report}", entry.id);
        }
        reported += merged.reports.len();
        settled += merged.settled;
        if existing.is_none() && merged.spans.is_empty() {
            continue;
        }
        let mut gold = current.unwrap_or_else(|| {
            let mut file = AnnotationFile::new(entry.file_name(), args.into.clone(), doc.sha256());
            file.status = Status::InProgress;
            file
        });
        let old = std::mem::take(&mut gold.spans).into_spans();
        gold.spans = AnnotationSet::from_spans(into_existing(old, merged.spans));
        let link_refs: Vec<(&str, &[glosser_core::store::Link])> = side_links
            .iter()
            .map(|(n, l)| (n.as_str(), l.as_slice()))
            .collect();
        let links = merge_links(&link_refs, strategy, gold.spans.spans(), &gold.links);
        for report in &links.reports {
            eprintln_safe!("glosser: {}: {report}", entry.id);
        }
        reported += links.reports.len();
        gold.links = links.links;
        glosser_core::save::save_merged(&path, &gold, existing.as_ref(), &doc, &texts)?;
        written += 1;
    }
    let mut notes = Vec::new();
    if reported > 0 {
        notes.push(format!(
            "{reported} {} to review (listed above)",
            if reported == 1 {
                "tie or conflict"
            } else {
                "ties or conflicts"
            }
        ));
    }
    if settled > 0 {
        notes.push(format!(
            "{settled} already settled in {} (not listed)",
            args.into
        ));
    }
    if single > 0 {
        notes.push(format!(
            "{single} {} with a single annotator left out (listed above)",
            if single == 1 { "document" } else { "documents" }
        ));
    }
    if not_done > 0 {
        notes.push(format!(
            "{not_done} {} not marked Done left out (--done-only)",
            if not_done == 1 { "file" } else { "files" }
        ));
    }
    if skipped > 0 {
        notes.push(format!(
            "{skipped} {} skipped (listed above)",
            if skipped == 1 { "file" } else { "files" }
        ));
    }
    eprintln_safe!(
        "glosser: wrote {written} {} file{} ({} strategy){}",
        args.into,
        if written == 1 { "" } else { "s" },
        args.strategy,
        notes.iter().fold(String::new(), |mut out, n| {
            out.push_str("; ");
            out.push_str(n);
            out
        }),
    );
    Ok(if reported > 0 || skipped > 0 {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

/// What re-anchoring did to the file at `path`, a line per span and the counts, on stderr.
fn print_restamped(
    path: &std::path::Path,
    restamped: &glosser_core::reanchor::Restamped,
    how: &str,
) {
    if !restamped.changed() {
        return;
    }
    let shown = glosser_core::fsio::display_path(path);
    for line in restamped.lines() {
        eprintln_safe!("glosser: {shown}: {line}");
    }
    eprintln_safe!("glosser: {shown}: {}{how}", restamped.summary());
}
