//! `glosser import`: other tools' annotations into a corpus (SPEC §6).

use std::process::ExitCode;

/// Arguments of `glosser import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// File (directory for brat) to import.
    pub file: std::path::PathBuf,
    /// Input format.
    #[arg(long)]
    pub format: String,
    /// Corpus folder to import into.
    #[arg(long)]
    pub corpus: std::path::PathBuf,
    /// Annotator to write as.
    #[arg(long)]
    pub annotator: Option<String>,
}

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
