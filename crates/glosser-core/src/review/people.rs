//! Who annotated as a person: the annotators whose files inter-annotator agreement compares,
//! told apart from gold, merged or adjudicated sets and suggesters by what their files record.
//!
//! - **gold** is the reserved name of the adjudicated set (compared with each person, never
//!   averaged with them).
//! - **merged**: `glosser merge --into NAME` and review mode write every span they keep with
//!   `from` (the annotators who had it), and no person's span carries one; an annotator any of
//!   whose files holds a span with `from` is a merged or adjudicated set (`gold_union`).
//! - **suggester**: `glosser suggest` leaves a state file `.glosser-suggest/NAME.json`, and every
//!   span of a suggester has a `score` ([`crate::suggest::is_suggester`]).

use crate::corpus::Corpus;
use crate::store::GOLD;

/// What an annotator of the corpus is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Gold,
    Merged,
    Suggester,
}

impl Kind {
    /// The kind as one word (`person`, `gold`, `merged`, `suggester`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Gold => "gold",
            Self::Merged => "merged",
            Self::Suggester => "suggester",
        }
    }

    /// How glosser told: the record in the files that says so.
    pub fn evidence(self) -> &'static str {
        match self {
            Self::Person => "a person's files: spans without `from` or `score`",
            Self::Gold => "the adjudicated set (the reserved name gold)",
            Self::Merged => {
                "a merged or adjudicated set: its spans carry `from` (written by glosser merge --into or review --into)"
            }
            Self::Suggester => {
                "a suggester: glosser suggest's state file, or a `score` on every span"
            }
        }
    }
}

/// The annotators of a corpus sorted out: people (in name order) and the others with their kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    pub people: Vec<String>,
    pub others: Vec<(String, Kind)>,
}

/// What `name` is in `corpus` (reading its files until one says).
pub fn kind_of(corpus: &Corpus, name: &str) -> Kind {
    if name == GOLD {
        Kind::Gold
    } else if crate::suggest::is_suggester(corpus, name) {
        Kind::Suggester
    } else if is_merged(corpus, name) {
        Kind::Merged
    } else {
        Kind::Person
    }
}

/// Every annotator of `corpus`, sorted out.
pub fn sort_out(corpus: &Corpus) -> People {
    let mut out = People::default();
    for name in corpus.annotators() {
        match kind_of(corpus, &name) {
            Kind::Person => out.people.push(name),
            kind => out.others.push((name, kind)),
        }
    }
    out
}

/// Whether any file of `name` holds a span with `from` (placed, waiting or rejected). A file
/// that does not load says nothing either way.
fn is_merged(corpus: &Corpus, name: &str) -> bool {
    corpus.documents.iter().any(|entry| {
        entry
            .annotation(name)
            .and_then(|a| a.load().ok())
            .is_some_and(|file| {
                file.all_spans()
                    .chain(&file.rejected)
                    .any(|span| !span.from.is_empty())
            })
    })
}

#[cfg(test)]
mod tests;
