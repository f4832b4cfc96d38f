//! UIMA CAS JSON (the Apache UIMA JSON CAS format INCEpTION exports as "UIMA CAS JSON"):
//! `%TYPES`, `%FEATURE_STRUCTURES` (as an array or keyed by id), `%VIEWS`, and offsets in UTF-16
//! code units unless `%HEADER` names another `offset-encoding`.

mod read;
mod write;

pub use read::read;
pub use write::write;
