//! `glosser mv OLD NEW`: moves an article with every annotator's file through the core
//! (`ops::mv`) and prints what moved and how to record it in git.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use glosser_core::ops::mv::{move_article, parent_or_dot};

/// Arguments of `glosser mv`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article to move (`corpus/old.txt`).
    pub old: PathBuf,
    /// Its new path (`corpus/politics/new.txt`); must not exist.
    pub new: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let outcome = move_article(&args.old, &args.new)?;
    for left in &outcome.warnings {
        eprintln_safe!("glosser: warning: {left}");
    }
    let (moved, reanchored) = (outcome.moved, outcome.reanchored);
    let mut out = super::safe_stdout();
    for (from, to) in &moved {
        writeln!(out, "moved {} -> {}", from.display(), to.display())?;
    }
    for line in &reanchored {
        writeln!(out, "{line}")?;
    }
    let (from, to) = (parent_or_dot(&args.old), parent_or_dot(&args.new));
    if from == to {
        writeln!(
            out,
            "in git: `git add -A {}` records the rename",
            from.display()
        )?;
    } else {
        writeln!(
            out,
            "in git: `git add -A {} {}` records the rename",
            from.display(),
            to.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
