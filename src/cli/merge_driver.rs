//! `glosser merge-driver`: three-way merge of one annotation file for git.

use std::process::ExitCode;

/// Arguments of `glosser merge-driver`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Common ancestor (%O).
    pub base: std::path::PathBuf,
    /// Our version (%A); the result is written over it.
    pub ours: std::path::PathBuf,
    /// Their version (%B).
    pub theirs: std::path::PathBuf,
}

pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("this command is not built yet")
}
