//! `glosser merge-driver BASE OURS THEIRS`: git's custom merge driver for annotation files
//! (`%O %A %B`). The three-way merge by span identity is written over OURS.
//!
//! Exit codes: 0 merged cleanly; 1 merged with relabel conflicts (both versions kept, each with
//! a note; git reports a conflict); 2 a version does not parse (OURS is left as it was, so git
//! reports a conflict and nothing is lost).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::merge3::merge3;
use crate::store;

/// Arguments of `glosser merge-driver`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Common ancestor (%O).
    pub base: PathBuf,
    /// Our version (%A); the result is written over it.
    pub ours: PathBuf,
    /// Their version (%B).
    pub theirs: PathBuf,
}

fn read(path: &PathBuf) -> anyhow::Result<store::AnnotationFile> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(store::parse_unnamed(&source, path)?)
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let merged = merge3(&base, &ours, &theirs);
    store::save(&args.ours, &merged.file)?;
    for conflict in &merged.conflicts {
        eprintln_safe!("glosser merge-driver: conflict: {conflict}");
    }
    Ok(if merged.conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PROBLEMS)
    })
}
