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
    pub fn assign(&mut self, records: &mut [Result<Record, String>]) {
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
mod tests {
    use super::*;
    use crate::formats::import::Unit;

    fn by(source: &str, name: &str) -> Record {
        let mut record = Record::new("line 1", "a.txt".into(), "x".into(), Unit::Codepoint);
        record.annotator = Some(name.to_owned());
        record.annotator_source = Some(source.to_owned());
        record
    }

    fn names(records: &[Result<Record, String>]) -> Vec<String> {
        records
            .iter()
            .flatten()
            .map(|r| r.annotator.clone().unwrap_or_default())
            .collect()
    }

    #[test]
    fn two_sources_never_share_a_name_and_one_source_keeps_its_name() {
        let mut assigned = AnnotatorNames::default();
        let long = "a".repeat(32);
        let mut first = vec![
            Ok(by("john@gmail.com", "john")),
            Ok(by("john@newsroom.org", "john")),
            Ok(by("john@gmail.com", "john")),
            Ok(by("x1", &long)),
            Ok(by("x2", &long)),
        ];
        assigned.assign(&mut first);
        let cut = format!("{}-2", "a".repeat(30));
        assert_eq!(names(&first), ["john", "john-2", "john", &long, &cut]);
        // Later chunks of the same import keep the names given.
        let mut later = vec![
            Ok(by("john@newsroom.org", "john")),
            Ok(by("jo@x", "john-2")),
        ];
        assigned.assign(&mut later);
        assert_eq!(names(&later), ["john-2", "john-2-2"]);
        assert_eq!(assigned.renamed.len(), 3, "{:?}", assigned.renamed);
        assert!(assigned.renamed[0].starts_with(
            "\"john@newsroom.org\" and \"john@gmail.com\" would both be annotator john: \"john@newsroom.org\" is written as john-2"
        ));
    }
}
