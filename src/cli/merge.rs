//! `glosser merge`: several annotators' files into gold files, one document at a time.
//!
//! For each document, the annotators (of those given) that have a file for it are merged; a
//! majority is more than half of them; majority and intersection leave out (and name) a
//! document only one of them has. Ties and conflicts are listed on stderr, except those the gold
//! file already settles. An existing gold file is merged into, never replaced. Exit codes: 0
//! merged cleanly; 1 merged, with ties or conflicts to look at (listed) or files skipped; 2 usage
//! or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;

use crate::corpus::Corpus;
use crate::labels::LabelSet;
use crate::review::merge::{Strategy, into_existing, merge_with_gold};
use crate::span::{AnnotationSet, Span};
use crate::store::{self, AnnotationFile, Status, StoreError};

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
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let strategy: Strategy = args.strategy.parse().map_err(anyhow::Error::msg)?;
    if !store::is_valid_annotator(&args.into) {
        bail!("--into {:?} is not a valid annotator name", args.into);
    }
    let corpus = Corpus::scan(&args.corpus)?;
    let annotators = crate::review::corpus::choose_annotators(&corpus, &args.annotators)?;
    if annotators.contains(&args.into) {
        bail!(
            "--into {:?} is also one of the annotators being merged",
            args.into
        );
    }
    let (labels, warning) = LabelSet::for_corpus(&corpus.root);
    if let Some(w) = warning {
        eprintln!("glosser: warning: {w}");
    }
    let (mut written, mut reported, mut skipped) = (0usize, 0usize, 0usize);
    let (mut single, mut settled) = (0usize, 0usize);
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
                eprintln!("glosser: skipped: {e}");
                skipped += 1;
                continue;
            }
        };
        let mut sides: Vec<(String, Vec<Span>)> = Vec::new();
        for name in present {
            let Some(annotation) = entry.annotation(name) else {
                continue;
            };
            match annotation.load() {
                Ok(file) if file.spans.problems(&doc, &labels).is_empty() => {
                    sides.push((name.clone(), file.spans.into_spans()));
                }
                Ok(_) => {
                    eprintln!(
                        "glosser: skipped {}: its spans no longer match the text (run glosser validate)",
                        annotation.path.display()
                    );
                    skipped += 1;
                }
                Err(e) => {
                    eprintln!("glosser: skipped: {e}");
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
                eprintln!("glosser: skipped: {e}; the gold file is left untouched");
                skipped += 1;
                continue;
            }
        };
        let gold: &[Span] = existing.as_ref().map_or(&[], |f| f.spans.spans());
        let merged = merge_with_gold(&refs, strategy, gold);
        if merged.single {
            eprintln!(
                "glosser: {}: only {} has a file; left out ({} needs two annotators or more)",
                entry.id, refs[0].0, args.strategy
            );
            single += 1;
            continue;
        }
        for report in &merged.reports {
            eprintln!("glosser: {}: {report}", entry.id);
        }
        reported += merged.reports.len();
        settled += merged.settled;
        if existing.is_none() && merged.spans.is_empty() {
            continue;
        }
        let (status, old) = existing.map_or((Status::InProgress, Vec::new()), |f| {
            (f.status, f.spans.into_spans())
        });
        let file = AnnotationFile {
            document: entry.file_name().to_owned(),
            annotator: args.into.clone(),
            text_sha256: doc.sha256().to_owned(),
            status,
            spans: AnnotationSet::from_spans(into_existing(old, merged.spans)),
            ..Default::default()
        };
        store::save(&path, &file)?;
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
    if skipped > 0 {
        notes.push(format!(
            "{skipped} {} skipped (listed above)",
            if skipped == 1 { "file" } else { "files" }
        ));
    }
    eprintln!(
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
