//! `glosser validate`: check every annotation file of a corpus.

use std::process::ExitCode;

/// Arguments of `glosser validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: std::path::PathBuf,
    /// Write re-anchored offsets and the new text hash.
    #[arg(long)]
    pub fix: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
