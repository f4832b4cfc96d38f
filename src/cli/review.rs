//! `glosser review`: the TUI in review mode, building gold from teammates' files.

use std::process::ExitCode;

use anyhow::bail;

use crate::corpus::Corpus;

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

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::scan(&args.corpus)?;
    let annotators = crate::review::corpus::choose_annotators(&corpus, &args.annotators)?;
    if annotators.len() > 9 {
        bail!("review compares up to 9 annotators (keys 1-9)");
    }
    if annotators.contains(&args.into) {
        bail!(
            "--into {:?} is also one of the annotators being reviewed",
            args.into
        );
    }
    crate::tui::run_review(&args.corpus, annotators, &args.into)?;
    Ok(ExitCode::SUCCESS)
}
