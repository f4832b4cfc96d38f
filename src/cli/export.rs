//! `glosser export`: labelled spans as training data (SPEC §6).

use std::process::ExitCode;

/// Arguments of `glosser export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: std::path::PathBuf,
    /// Output format.
    #[arg(long)]
    pub format: String,
    /// Annotator to export (default: gold, else the only annotator).
    #[arg(long)]
    pub annotator: Option<String>,
    /// Output file (directory for brat); standard output when omitted.
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
}

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
