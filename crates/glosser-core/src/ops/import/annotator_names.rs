//! Annotator names made from what the tool wrote (an email's local part, a session id cut to
//! 32 characters) can coincide for two people: `john@gmail.com` and `john@newsroom.org` would
//! both be `john`. Within one import, the first keeps the name and every other gets `-2`, `-3`…,
//! and the import says so; nobody's spans end up in someone else's file.

use std::collections::HashMap;

use crate::formats::import::Record;

/// The longest annotator name (`store::is_valid_annotator`).
const MAX_NAME: usize = 32;

#[derive(Default)]
pub struct AnnotatorNames {
    /// Name → the source that has it.
    source_of: HashMap<String, String>,
    /// Source → the name it was given.
    name_of: HashMap<String, String>,
    /// One sentence per source that could not keep its name.
    pub renamed: Vec<String>,
}

impl AnnotatorNames {
    /// Gives each record's annotator a name no other source has in this import.
    pub fn assign(&mut self, records: &mut [Result<Record, crate::formats::Rejected>]) {
        for record in records.iter_mut().flatten() {
            let (Some(name), Some(source)) = (&record.annotator, &record.annotator_source) else {
                continue;
            };
            if let Some(given) = self.name_of.get(source) {
                record.annotator = Some(given.clone());
                continue;
            }
            let mut candidate = name.clone();
            let mut n = 2;
            while self.source_of.get(&candidate).is_some_and(|s| s != source) {
                let suffix = format!("-{n}");
                let mut base = name.clone();
                base.truncate(MAX_NAME - suffix.len());
                candidate = format!("{}{suffix}", base.trim_end_matches(['-', '_']));
                n += 1;
            }
            if candidate != *name {
                let holder = self.source_of.get(name).cloned().unwrap_or_default();
                self.renamed.push(format!(
                    "{source:?} and {holder:?} would both be annotator {name}: {source:?} is written as {candidate} (pass --annotator to choose a name yourself)"
                ));
            }
            self.source_of.insert(candidate.clone(), source.clone());
            self.name_of.insert(source.clone(), candidate.clone());
            record.annotator = Some(candidate);
        }
    }
}

#[cfg(test)]
mod tests;
