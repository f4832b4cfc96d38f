//! Parking a file: taking it out of the way under a hidden temp name beside it (a name every
//! corpus walk skips and `validate` reports as a leftover), so that it can be put back exactly —
//! bytes, mode, owner — if a later step of the same operation fails (`glosser mv`).

use std::io;
use std::path::{Path, PathBuf};

use super::{parent_dir, temp_name, temp_seed};

/// Moves `path` to a free hidden temp name in its folder and returns that name. The file is
/// linked there first (a link never replaces anything), then removed from `path`.
pub(crate) fn park(path: &Path) -> io::Result<PathBuf> {
    let dir = parent_dir(path);
    let seed = temp_seed();
    for attempt in 0u64..64 {
        let parked = dir.join(temp_name(seed, attempt));
        match std::fs::hard_link(path, &parked) {
            Ok(()) => {
                if let Err(e) = std::fs::remove_file(path) {
                    let _ = std::fs::remove_file(&parked);
                    return Err(e);
                }
                return Ok(parked);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "could not find a free temporary file name",
    ))
}

/// Puts a file [`park`]ed at `parked` back at `path` (never over a file that appeared there).
pub(crate) fn unpark(parked: &Path, path: &Path) -> io::Result<()> {
    std::fs::hard_link(parked, path)?;
    std::fs::remove_file(parked)
}

#[cfg(test)]
mod tests;
