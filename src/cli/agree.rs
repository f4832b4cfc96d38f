//! `glosser agree`: agreement figures between annotators (SPEC §7, §12), every pair, per label
//! and overall, streaming one document at a time. A `gold` annotator is compared with each
//! annotator (their accuracy against gold) and never averaged into the inter-annotator mean.
//!
//! Exit codes: 0 figures printed; 2 usage error (fewer than two annotators, an unknown name) or
//! I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use glosser_core::labels::LabelSet;
use glosser_core::review::agree::Figures;
use glosser_core::review::corpus::json::{POOLING, inter_annotator, to_json};
use glosser_core::review::corpus::{Report, choose_among, compute_streamed, is_gold_pair};

/// Arguments of `glosser agree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// Annotators to compare (default: everyone but gold; name gold to see each annotator's
    /// accuracy against it, kept out of the inter-annotator mean).
    #[arg(long, value_delimiter = ',')]
    pub annotators: Vec<String>,
    /// Print the SPEC §7 JSON shape.
    #[arg(long)]
    pub json: bool,
    /// Add a row per document, worst agreement first.
    #[arg(long)]
    pub per_doc: bool,
    /// Only annotation files marked Done.
    #[arg(long)]
    pub done_only: bool,
    /// The control set instead: each annotator's labels on the documents `assignments.ron`
    /// marks blind beside those on documents with suggestions (see docs/suggest.md).
    #[arg(long, conflicts_with_all = ["annotators", "per_doc", "done_only"])]
    pub control: bool,
}

mod control;
mod table;

/// A block of the table: title, per-label figures, overall.
type Block<'a> = (String, &'a [(String, Figures)], Figures);

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.control {
        return run_control(args);
    }
    // One listing for who annotated (counts only), then the documents as they are listed.
    let census = glosser_core::corpus::stream::Census::take(&args.corpus)?;
    let annotators = choose_among(
        &args.corpus,
        &census.annotators(),
        &args.annotators,
        &|name| {
            glosser_core::corpus::walk::walk(&args.corpus).is_ok_and(|walk| {
                glosser_core::suggest::is_suggester_among(&args.corpus, walk.documents(), name)
            })
        },
    )?;
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let report = compute_streamed(
        &args.corpus,
        &labels,
        &annotators,
        args.per_doc,
        args.done_only,
        &mut |w| {
            eprintln_safe!("glosser: {w}");
        },
    )?;
    if args.json {
        super::print_json(&to_json(&report, args.per_doc))?;
    } else {
        table::print_table(&mut super::safe_stdout(), &report, args.per_doc)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_control(args: &Args) -> anyhow::Result<ExitCode> {
    let audit = glosser_core::ops::audit::audit(&args.corpus, &mut |w| {
        eprintln_safe!("glosser: warning: {w}");
    })?;
    if !audit.has_control_set {
        anyhow::bail!(
            "{}: no document is annotated blind; mark the control set in assignments.ron (`blind:` or `blind_for:`, see docs/suggest.md)",
            args.corpus.display()
        );
    }
    if args.json {
        super::print_json(&control::to_json(
            &args.corpus.display().to_string(),
            &audit,
        ))?;
    } else {
        control::print_human(&mut super::safe_stdout(), &audit)?;
    }
    Ok(ExitCode::SUCCESS)
}
