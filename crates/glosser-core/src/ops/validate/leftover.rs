//! Temp files and staging folders (`.glosser-*.tmp`) an interrupted save or import left in the
//! corpus: reported, never removed by `--fix` (a temp file may hold the only copy of a save that
//! did not finish, and a running glosser may be about to put it in place).

use std::path::Path;

use super::{Kind, Problem};

/// The problem that reports `path`, a leftover the corpus walk found.
pub fn problem(path: &Path) -> Problem {
    let message = if path.is_dir() {
        "a staging folder left by an import that stopped before it finished: none of its files were \
         put in place. Run the import again, then delete this folder once no glosser is running \
         on the corpus"
    } else {
        "a temp file left by a save or import that stopped before it finished: the file it was \
         written for did not change. Delete it once no glosser is running on the corpus"
    };
    Problem {
        file: path.to_owned(),
        kind: Kind::Leftover,
        position: None,
        message: message.to_owned(),
    }
}
