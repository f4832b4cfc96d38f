//! `glosser suggest CORPUS (--patterns FILE | --builtin quotes | --learn ANNOTATOR | --command CMD)
//! [--as NAME]`: runs a suggester through the core (`ops::suggest`) with a progress bar (SPEC §9).
//!
//! Exit codes: 0 every document suggested (or unchanged), 1 some documents failed (named on
//! stderr; nothing written for them), 2 usage or I/O error, or the command failed as a whole.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Duration;

use clap::ArgGroup;
use indicatif::{ProgressBar, ProgressStyle};

use glosser_core::ops::suggest::{Event, Kind, Request, run as suggest};

#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("suggester").required(true).args(["patterns", "builtin", "learn", "command"])))]
pub struct Args {
    /// Corpus folder.
    pub corpus: PathBuf,
    /// spaCy EntityRuler / Prodigy pattern file (JSONL).
    #[arg(long, value_name = "FILE")]
    pub patterns: Option<PathBuf>,
    /// A built-in suggester: `quotes` (every quotation with its marks, as `quote`).
    #[arg(long, value_name = "NAME", value_parser = ["quotes"])]
    pub builtin: Option<String>,
    /// Suggest everything ANNOTATOR labelled wherever the same words occur in other documents.
    #[arg(long, value_name = "ANNOTATOR")]
    pub learn: Option<String>,
    /// An external model speaking the JSONL protocol on stdin/stdout (run with `sh -c`).
    #[arg(long, value_name = "CMD")]
    pub command: Option<String>,
    /// Seconds to wait for each answer of --command before stopping it.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
    /// Suggest every document again, even those whose text and suggester input did not change
    /// (a model behind --command that changed under the same command line).
    #[arg(long)]
    pub force: bool,
    /// The pseudo-annotator the suggestions are written as.
    #[arg(long = "as", value_name = "NAME", default_value = glosser_core::suggest::DEFAULT_NAME)]
    pub name: String,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let kind = match (&args.patterns, &args.builtin, &args.learn, &args.command) {
        (Some(path), ..) => Kind::Patterns(path.clone()),
        (_, Some(_), ..) => Kind::Quotes,
        (_, _, Some(annotator), _) => Kind::Learn(annotator.clone()),
        (.., Some(cmd)) => Kind::Command(cmd.clone()),
        _ => anyhow::bail!("choose a suggester: --patterns, --builtin, --learn or --command"),
    };
    let request = Request {
        corpus: &args.corpus,
        kind,
        timeout: Duration::from_secs(args.timeout.max(1)),
        force: args.force,
        name: &args.name,
    };
    let bar: OnceLock<ProgressBar> = OnceLock::new();
    let shown = || bar.get().cloned().unwrap_or_else(ProgressBar::hidden);
    let summary = suggest(&request, &|event| match event {
        Event::Warning(w) => eprintln_safe!("glosser: warning: {w}"),
        Event::Skipped(id, e) => eprintln_safe!("glosser: skipped {id}: {e}"),
        Event::Started(len) => {
            let _ = bar.set(progress_bar(len));
        }
        Event::Step => shown().inc(1),
        Event::Failed(id, why) => {
            shown().suspend(|| eprintln_safe!("glosser: {id}: {why}; nothing written for it"));
        }
    })?;
    shown().finish_and_clear();
    eprintln_safe!(
        "glosser: suggest as {}: {} documents written, {} unchanged, {} failed",
        args.name,
        summary.written,
        summary.unchanged,
        summary.failed
    );
    Ok(if summary.failed > 0 {
        ExitCode::from(super::EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on stderr when it is a terminal; hidden when piped.
fn progress_bar(len: u64) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("suggest {bar:40} {pos}/{len} documents {eta}")
    {
        bar.set_style(style);
    }
    bar
}
