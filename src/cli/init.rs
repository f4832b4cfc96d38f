//! `glosser init [FOLDER]`: a team corpus in one command, through the core (`ops::init`): the
//! folder, git, the labels, an assignments skeleton, the merge driver and the hook. Says what it
//! did and what the lead does next.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

/// Arguments of `glosser init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The corpus folder to create or complete (default: the current folder).
    pub folder: Option<PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let folder = args.folder.clone().unwrap_or_else(|| PathBuf::from("."));
    let glosser = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .context("cannot find the path of the running glosser")?;
    let done = glosser_core::ops::init::init(&folder, &glosser)?;
    let mut out = super::safe_stdout();
    if done.is_empty() {
        writeln!(out, "init: nothing to change")?;
    }
    for line in &done {
        writeln!(out, "init: {line}")?;
    }
    writeln!(
        out,
        "next: put the articles (.txt, .md) in {0}, edit glosser.ron and assignments.ron, then\n  \
         git -C {0} add -A && git -C {0} commit -m corpus\n  \
         git -C {0} remote add origin URL && git -C {0} push -u origin main\n\
         each analyst: git clone URL && glosser git-setup --hook CLONE",
        folder.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
