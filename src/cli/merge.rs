//! `glosser merge`: runs the core's merge engine (`ops::merge`) and says what it did on
//! stderr. Exit codes: 0 merged cleanly; 1 merged, with ties, conflicts or near misses to look
//! at (listed) or files skipped; 2 usage or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use glosser_core::ops::merge::{Request, Summary, merge};
use glosser_core::review::merge::Strategy;

/// Arguments of `glosser merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Annotators to merge.
    #[arg(long, value_delimiter = ',', required = true)]
    pub annotators: Vec<String>,
    /// majority, union or intersection.
    #[arg(long)]
    pub strategy: String,
    /// Annotator to write.
    #[arg(long, default_value = "gold")]
    pub into: String,
    /// Only annotation files marked Done (the others are left out and counted).
    #[arg(long)]
    pub done_only: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let strategy: Strategy = args.strategy.parse().map_err(anyhow::Error::msg)?;
    let request = Request {
        corpus: &args.corpus,
        annotators: &args.annotators,
        strategy,
        into: &args.into,
        done_only: args.done_only,
    };
    let Summary {
        written,
        reported,
        skipped,
        single,
        settled,
        not_done,
        near_misses,
    } = merge(&request, &mut |line| eprintln_safe!("glosser: {line}"))?;
    let mut notes = Vec::new();
    if reported > 0 {
        notes.push(format!(
            "{reported} {} to review (listed above)",
            if reported == 1 {
                "tie or conflict"
            } else {
                "ties or conflicts"
            }
        ));
    }
    if near_misses > 0 {
        notes.push(format!(
            "{near_misses} near {} left out (listed above: the same label on overlapping text by enough annotators, but no identical span)",
            if near_misses == 1 { "miss" } else { "misses" }
        ));
    }
    if settled > 0 {
        notes.push(format!(
            "{settled} already settled in {} (not listed)",
            args.into
        ));
    }
    if single > 0 {
        notes.push(format!(
            "{single} {} with a single annotator left out (listed above)",
            if single == 1 { "document" } else { "documents" }
        ));
    }
    if not_done > 0 {
        notes.push(format!(
            "{not_done} {} not marked Done left out (--done-only)",
            if not_done == 1 { "file" } else { "files" }
        ));
    }
    if skipped > 0 {
        notes.push(format!(
            "{skipped} {} skipped (listed above)",
            if skipped == 1 { "file" } else { "files" }
        ));
    }
    eprintln_safe!(
        "glosser: wrote {written} {} file{} ({} strategy){}",
        args.into,
        if written == 1 { "" } else { "s" },
        strategy.as_str(),
        notes.iter().fold(String::new(), |mut out, n| {
            out.push_str("; ");
            out.push_str(n);
            out
        }),
    );
    Ok(if reported > 0 || skipped > 0 || near_misses > 0 {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}
