//! The `glosser` binary: parse the command line, call the core or the TUI, print, and map
//! errors to exit codes.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
