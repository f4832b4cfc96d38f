//! `glosser review`: the TUI in review mode.

use std::process::ExitCode;

/// Arguments of `glosser review`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: std::path::PathBuf,
    /// Annotators to compare, in order (key 1 accepts the first one's version).
    #[arg(long, value_delimiter = ',', required = true)]
    pub annotators: Vec<String>,
    /// Annotator to build.
    #[arg(long, default_value = "gold")]
    pub into: String,
}

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
