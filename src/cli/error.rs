//! From an error to an exit code (after jj's `command_error.rs`): the kind of what went wrong
//! decides the code, whichever command returned it. The codes are README's: 0 success, 1
//! problems found (a command's own result, never an error), 2 usage or I/O error. Errors are
//! printed as one line, the context first, then each cause (`context: cause`).

use std::process::ExitCode;

use glosser_core::ops;

/// What kind of failure ended a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// The reader of our output went away (`glosser stats | head`): not a failure.
    ReaderGone,
    /// The request could not be carried out as asked (an unknown name, a bad flag value).
    Usage,
    /// A file, a folder, the disk, git or the terminal failed.
    Io,
}

impl Class {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Self::ReaderGone => ExitCode::SUCCESS,
            Self::Usage | Self::Io => ExitCode::from(super::EXIT_ERROR),
        }
    }
}

/// The class of an error, from the first cause that says it.
pub fn classify(error: &anyhow::Error) -> Class {
    if error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    }) {
        return Class::ReaderGone;
    }
    match error.downcast_ref::<ops::Error>().map(ops::Error::kind) {
        Some(ops::error::Kind::Refused) => Class::Usage,
        Some(ops::error::Kind::Io) | None => Class::Io,
    }
}

/// Says the error on stderr (unless nobody reads it) and gives its exit code.
pub fn report(error: &anyhow::Error) -> ExitCode {
    let class = classify(error);
    if class != Class::ReaderGone {
        eprintln_safe!("glosser: {error:#}");
    }
    class.exit_code()
}
