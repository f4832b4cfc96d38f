//! Work that waits for `Tick`s instead of a key: the rest of a search, the rest of the wrap
//! cache, the hash of the open article. Each piece is bounded, so a key is never kept waiting
//! long, and what the screen needs was already done on the key's own path.

use super::super::app::App;

/// Bytes of article wrapped per `Tick` (about 10 ms at 100 MB/s).
const WRAP_PER_TICK: usize = 1 << 20;

/// One `Tick`'s share of background work.
pub(crate) fn tick(app: &mut App) {
    super::search::tick(app);
    if let Some(session) = app.open.and_then(|i| app.sessions.get_mut(&i)) {
        session.stamp_new(false);
    }
    if let Some(doc) = app
        .open
        .and_then(|i| app.sessions.get(&i))
        .and_then(|s| s.doc.as_ref().ok())
        && app.wrap.is_for(app.generation)
        && !app.wrap.is_complete()
    {
        app.wrap.extend(doc, WRAP_PER_TICK);
    }
}
