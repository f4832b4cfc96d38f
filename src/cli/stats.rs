//! `glosser stats`: documents, annotators, statuses and labels of a corpus.

use std::process::ExitCode;

/// Arguments of `glosser stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: std::path::PathBuf,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
