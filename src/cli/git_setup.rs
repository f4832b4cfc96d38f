//! `glosser git-setup [CORPUS]`: sets up the clone through the core (`ops::git_setup`) and
//! says what it changed, or that there was nothing to change.

use std::io::Write as _;

use anyhow::Context as _;
use std::path::PathBuf;
use std::process::ExitCode;

use glosser_core::ops::git_setup::set_up;

/// Arguments of `glosser git-setup`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder inside a git work tree (default: the current folder).
    pub corpus: Option<PathBuf>,
    /// Also install a pre-commit hook that runs `glosser validate --staged` on the corpus.
    #[arg(long)]
    pub hook: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = args.corpus.clone().unwrap_or_else(|| PathBuf::from("."));
    // The hook and the driver run glosser by this path: GUI git clients and hooks often run
    // without the user's PATH.
    let glosser = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .context("cannot find the path of the running glosser")?;
    let changes = set_up(&corpus, args.hook, &glosser)?;
    let mut out = super::safe_stdout();
    if changes.is_empty() {
        writeln!(out, "git-setup: nothing to change")?;
    }
    for change in &changes {
        writeln!(out, "git-setup: {change}")?;
    }
    Ok(ExitCode::SUCCESS)
}
