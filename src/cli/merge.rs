//! `glosser merge`: several annotators' files into gold files.

use std::process::ExitCode;

/// Arguments of `glosser merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: std::path::PathBuf,
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

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
