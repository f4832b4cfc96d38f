//! `glosser review`: the TUI in review mode, building gold from teammates' files. By default
//! only the documents every compared annotator with a file marked Done are listed (how many were
//! left out, and why, is said); `--all` lists every document.

use std::process::ExitCode;

use anyhow::bail;

use glosser_core::corpus::Corpus;
use glosser_core::review::ready::{LeftOut, Readiness, readiness};

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
    /// Also review documents still in progress (or with no file of the annotators).
    #[arg(
        long,
        visible_alias = "include-in-progress",
        conflicts_with = "done_only"
    )]
    pub all: bool,
    /// Only documents every compared annotator with a file marked Done (the default).
    #[arg(long)]
    pub done_only: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let corpus = Corpus::scan(&args.corpus)?;
    let annotators = glosser_core::review::corpus::choose_annotators(&corpus, &args.annotators)?;
    if annotators.len() > 9 {
        bail!("review compares up to 9 annotators (keys 1-9)");
    }
    if annotators.contains(&args.into) {
        bail!(
            "--into {:?} is also one of the annotators being reviewed",
            args.into
        );
    }
    let mut ready = std::collections::HashSet::new();
    let mut left_out = LeftOut::default();
    if !args.all {
        for entry in &corpus.documents {
            let readiness = readiness(entry, &annotators);
            left_out.count(&readiness);
            if readiness == Readiness::Ready {
                ready.insert(entry.id.clone());
            }
        }
        if ready.is_empty() {
            bail!(
                "no document in {} is marked Done by every one of {} who has a file for it; \
                 glosser review --all reviews documents still in progress",
                args.corpus.display(),
                annotators.join(", ")
            );
        }
    }
    let keep = |entry: &glosser_core::corpus::DocumentEntry| args.all || ready.contains(&entry.id);
    glosser_tui::run_review(
        &args.corpus,
        annotators.clone(),
        &args.into,
        &keep,
        left_out.sentence(),
    )?;
    Ok(ExitCode::SUCCESS)
}
