//! `glosser [CORPUS]`: open the annotating TUI (default corpus: the current directory).

use std::path::Path;
use std::process::ExitCode;

pub fn run(
    corpus: Option<&Path>,
    annotator: Option<&str>,
    suggesting: &glosser_tui::Suggesting,
) -> anyhow::Result<ExitCode> {
    if let Some(score) = suggesting.min_score
        && !(0.0..=1.0).contains(&score)
    {
        anyhow::bail!("--min-score {score}: a score is a number in 0..1");
    }
    let corpus = corpus.unwrap_or(Path::new("."));
    glosser_tui::run(corpus, annotator, suggesting)?;
    Ok(ExitCode::SUCCESS)
}
