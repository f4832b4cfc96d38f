//! `glosser [CORPUS]`: open the annotating TUI.

use std::path::Path;
use std::process::ExitCode;

pub fn run(_corpus: Option<&Path>, _annotator: Option<&str>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the annotating TUI is not built yet")
}
