//! `glosser merge-driver BASE OURS THEIRS [PATH]`: git's custom merge driver for annotation
//! files (`%O %A %B %P`), run through the core (`ops::merge_driver`).
//!
//! Exit codes: 0 merged cleanly; 1 merged with conflicts (both versions kept, each named on
//! stderr; git reports a conflict); 2 a version does not parse (OURS is left as it was, so git
//! reports a conflict and nothing is lost).

use std::path::PathBuf;
use std::process::ExitCode;

use glosser_core::ops::merge_driver::{Files, is_foreign, merge, merge_as_text};

/// Arguments of `glosser merge-driver`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Common ancestor (%O); empty when both branches added the file.
    pub base: PathBuf,
    /// Our version (%A); the result is written over it.
    pub ours: PathBuf,
    /// Their version (%B).
    pub theirs: PathBuf,
    /// The file's path in the work tree (%P): its article is read from beside it, so that both
    /// sides can be re-anchored to one text.
    pub path: Option<PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let files = Files {
        base: &args.base,
        ours: &args.ours,
        theirs: &args.theirs,
        path: args.path.as_deref(),
    };
    if is_foreign(&files) {
        let clean = merge_as_text(&files)?;
        let shown = args.path.as_deref().unwrap_or(&args.ours).display();
        eprintln_safe!(
            "glosser merge-driver: {shown}: not an annotation file: merged by lines as git would{}; run `glosser git-setup` and commit .gitattributes so that only annotation files come here",
            if clean {
                ""
            } else {
                " (conflict markers left)"
            }
        );
        return Ok(if clean {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(super::EXIT_PROBLEMS)
        });
    }
    let merged = merge(&files)?;
    let name = args.path.as_deref().unwrap_or(&args.ours);
    let shown = name.display();
    for note in &merged.notes {
        eprintln_safe!("glosser merge-driver: {shown}: {note}");
    }
    for conflict in &merged.conflicts {
        eprintln_safe!("glosser merge-driver: {shown}: conflict: {conflict}");
    }
    if merged.rebasing && !merged.conflicts.is_empty() {
        eprintln_safe!(
            "glosser merge-driver: {shown}: during this rebase \"ours\" means your commit being replayed and \"theirs\" the upstream it is replayed onto"
        );
    }
    Ok(if merged.conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PROBLEMS)
    })
}
