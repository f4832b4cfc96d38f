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
use glosser_core::review::corpus::{Options, Report, choose_among, compute_streamed_with};
use glosser_core::review::gamma::Settings;

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
    /// Leave γ out (it aligns every document once per random continuum: the slowest figure).
    #[arg(long)]
    pub no_gamma: bool,
    /// Random continua behind γ's chance estimate (pygamma-agreement's default: 30).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..))]
    pub gamma_samples: u32,
    /// Seed of γ's chance estimate: the same seed gives the same figures.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print what each pair confuses: label × label over matched units, missing, boundaries.
    #[arg(long)]
    pub confusion: bool,
    /// With --per-doc: the per-document rows as CSV on stdout instead of the table.
    #[arg(long, requires = "per_doc", conflicts_with = "json")]
    pub csv: bool,
    /// Also compare every suggester with gold and with each annotator (kept out of the mean and
    /// of γ).
    #[arg(long)]
    pub suggesters: bool,
    /// The figures at each commit that changed annotation files (or each tag), read from git
    /// objects without checking anything out: a trend table and chart.
    #[arg(long, value_name = "commits|tags", num_args = 0..=1, default_missing_value = "commits")]
    pub history: Option<history::Points>,
    /// With --history: at most this many points, the newest (0: every one).
    #[arg(long, default_value_t = 30, requires = "history")]
    pub last: usize,
    /// The control set instead: each annotator's labels on the documents `assignments.ron`
    /// marks blind beside those on documents with suggestions (see docs/suggest.md).
    #[arg(long, conflicts_with_all = ["annotators", "per_doc", "done_only", "history", "suggesters", "confusion"])]
    pub control: bool,
}

mod chart;
mod control;
mod csv;
mod history;
mod table;

/// A block of the table: title, per-label figures, overall.
type Block<'a> = (String, &'a [(String, Figures)], Figures);

/// What to compute besides the pairs, from the flags.
fn options(args: &Args, suggesters: Vec<String>) -> Options {
    Options {
        per_doc: args.per_doc,
        done_only: args.done_only,
        gamma: (!args.no_gamma).then_some(Settings {
            samples: args.gamma_samples as usize,
            seed: args.seed,
        }),
        confusion: args.confusion,
        suggesters,
    }
}

/// The annotators to compare and the suggesters among the corpus's annotators: the chosen
/// ones, plus gold and every suggester with `--suggesters`.
fn compared(
    args: &Args,
    known: &std::collections::BTreeSet<String>,
    is_suggester: &dyn Fn(&str) -> bool,
) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    let mut annotators = choose_among(&args.corpus, known, &args.annotators, is_suggester)?;
    let suggesters: Vec<String> = known.iter().filter(|a| is_suggester(a)).cloned().collect();
    if args.suggesters {
        if suggesters.is_empty() {
            eprintln_safe!(
                "glosser: warning: {}: no suggester here (run glosser suggest); comparing the annotators only",
                args.corpus.display()
            );
        }
        let gold = known
            .contains(glosser_core::store::GOLD)
            .then(|| glosser_core::store::GOLD.to_owned());
        for name in gold.into_iter().chain(suggesters.iter().cloned()) {
            if !annotators.contains(&name) {
                annotators.push(name);
            }
        }
    }
    Ok((annotators, suggesters))
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.control {
        return run_control(args);
    }
    if let Some(points) = args.history {
        return history::run(args, points);
    }
    // One listing for who annotated (counts only), then the documents as they are listed.
    let census = glosser_core::corpus::stream::Census::take(&args.corpus)?;
    let is_suggester = |name: &str| {
        glosser_core::corpus::walk::walk(&args.corpus).is_ok_and(|walk| {
            glosser_core::suggest::is_suggester_among(&args.corpus, walk.documents(), name)
        })
    };
    let known = census.annotators();
    let (annotators, suggesters) = compared(args, &known, &is_suggester)?;
    let (labels, warning) = LabelSet::for_corpus(&args.corpus);
    if let Some(w) = warning {
        eprintln_safe!("glosser: warning: {w}");
    }
    let options = options(args, suggesters);
    let report = compute_streamed_with(&args.corpus, &labels, &annotators, &options, &mut |w| {
        eprintln_safe!("glosser: {w}");
    })?;
    if args.json {
        super::print_json(&to_json(&report, args.per_doc))?;
    } else if args.csv {
        csv::print(&mut super::safe_stdout(), &report)?;
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
