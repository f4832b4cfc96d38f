//! `glosser agree`: agreement figures between annotators (SPEC §7).

use std::process::ExitCode;

/// Arguments of `glosser agree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: std::path::PathBuf,
    /// Annotators to compare (default: all but gold).
    #[arg(long, value_delimiter = ',')]
    pub annotators: Vec<String>,
    /// Print the SPEC §7 JSON shape.
    #[arg(long)]
    pub json: bool,
    /// Add a row per document.
    #[arg(long)]
    pub per_doc: bool,
}

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
