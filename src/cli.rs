//! The command line (SPEC §5): one clap subcommand per module; none of them touches the terminal
//! except the TUI entry points.
//!
//! Exit codes: 0 success, 1 problems found (validate, agree, merge conflicts), 2 usage or I/O error.

/// `eprintln!` for messages that may hold names from the corpus: control and bidi characters
/// are escaped visibly (`\x1b`, `\u{202e}`) so that a file name cannot drive the terminal.
macro_rules! eprintln_safe {
    ($($arg:tt)*) => {
        {
            // Not eprintln!: stderr may be a terminal that is gone, and that must not panic.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                glosser_core::fsio::escape_lines(&format!($($arg)*))
            );
        }
    };
}

/// Standard output for human-readable reports, names escaped like [`eprintln_safe!`].
pub fn safe_stdout() -> glosser_core::fsio::EscapeWriter<std::io::StdoutLock<'static>> {
    glosser_core::fsio::EscapeWriter::new(std::io::stdout().lock())
}

pub mod agree;
pub mod completions;
mod error;
pub mod export;
pub mod git_setup;
pub mod import;
pub mod init;
pub mod merge;
pub mod merge_driver;
pub mod mv;
pub mod open;
pub mod review;
pub mod stats;
pub mod status;
pub mod suggest;
pub mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code for "the command ran and found problems".
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code for usage and I/O errors.
pub const EXIT_ERROR: u8 = 2;

/// Annotate claims, quotes and opinions in news articles.
#[derive(Debug, Parser)]
#[command(
    name = "glosser",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Corpus folder to open in the annotating TUI.
    #[arg(value_name = "CORPUS")]
    pub corpus: Option<PathBuf>,
    /// Annotator name (default: $GLOSSER_ANNOTATOR, the config file, then the login name).
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
    /// Show these suggesters' spans as suggestions to accept (y, Y) or reject (X).
    #[arg(long, value_name = "NAME,…", value_delimiter = ',')]
    pub suggestions: Vec<String>,
    /// Show only suggestions scored at least this (0..1).
    #[arg(long, value_name = "SCORE")]
    pub min_score: Option<f64>,
    /// A sentence learner of your labels whose suggestions refresh as you label (written as
    /// `learner-ANNOTATOR`).
    #[arg(long)]
    pub learner: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Adjudicate teammates' annotations into a gold file in the TUI.
    Review(review::Args),
    /// Check every annotation file of a corpus.
    Validate(validate::Args),
    /// Summarise documents, annotators, statuses and labels.
    Stats(stats::Args),
    /// Agreement between annotators (kappa, AC1, alpha_u, span F1, gamma; warnings, confusion, history); see docs/review.md.
    Agree(agree::Args),
    /// Write labelled spans as training data.
    Export(export::Args),
    /// Read other tools' annotations into a corpus.
    Import(import::Args),
    /// Merge several annotators' files into gold files.
    Merge(merge::Args),
    /// Git merge driver for annotation files (BASE OURS THEIRS PATH = %O %A %B %P).
    MergeDriver(merge_driver::Args),
    /// Print a shell completion script.
    Completions(completions::Args),
    /// Set up a git clone for sharing annotations: merge driver, attributes, ignores, hook.
    GitSetup(git_setup::Args),
    /// Start a team corpus: folder, git, labels, assignments, merge driver and hook.
    Init(init::Args),
    /// Move an article with every annotator's file, fixing their `document` field.
    Mv(mv::Args),
    /// Who did what: a document × annotator table with assignments and problems.
    Status(status::Args),
    /// Propose spans with patterns, a learner or an external model, as a pseudo-annotator.
    Suggest(suggest::Args),
}

/// Parses the command line, runs it, and turns errors into a message on stderr and their exit
/// code (`error`).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        None => open::run(
            cli.corpus.as_deref(),
            cli.annotator.as_deref(),
            &glosser_tui::Suggesting {
                names: cli.suggestions.clone(),
                min_score: cli.min_score,
                learner: cli.learner,
            },
        ),
        Some(Command::Review(args)) => review::run(args),
        Some(Command::Validate(args)) => validate::run(args),
        Some(Command::Stats(args)) => stats::run(args),
        Some(Command::Agree(args)) => agree::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Import(args)) => import::run(args),
        Some(Command::Merge(args)) => merge::run(args),
        Some(Command::MergeDriver(args)) => merge_driver::run(args),
        Some(Command::Completions(args)) => Ok(completions::run(args)),
        Some(Command::GitSetup(args)) => git_setup::run(args),
        Some(Command::Init(args)) => init::run(args),
        Some(Command::Mv(args)) => mv::run(args),
        Some(Command::Status(args)) => status::run(args),
        Some(Command::Suggest(args)) => suggest::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => error::report(&e),
    }
}

/// Prints a JSON value on stdout, one line, with a trailing newline.
pub fn print_json(value: &serde_json::Value) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}
