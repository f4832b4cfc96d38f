//! `glosser [CORPUS]`: open the annotating TUI (default corpus: the current directory).

use std::path::Path;
use std::process::ExitCode;

pub fn run(
    corpus: Option<&Path>,
    annotator: Option<&str>,
    suggestions: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let corpus = corpus.unwrap_or(Path::new("."));
    glosser_tui::run(corpus, annotator, suggestions)?;
    Ok(ExitCode::SUCCESS)
}
