//! `glosser completions SHELL`: shell completion scripts from the clap definition.

use std::process::ExitCode;

use clap::CommandFactory;

/// Arguments of `glosser completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: &Args) -> ExitCode {
    let mut command = super::Cli::command();
    clap_complete::generate(args.shell, &mut command, "glosser", &mut std::io::stdout());
    ExitCode::SUCCESS
}
