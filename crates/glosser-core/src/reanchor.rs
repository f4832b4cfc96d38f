//! Re-anchoring spans when an article's text changed (SPEC §2, §8), and [`restamp`], the one
//! function every writer calls before it stamps a document's hash on a file.
//!
//! A span lands on its own words or is flagged, never on other words:
//! - **By diff** when the text the file was made on can be found ([`crate::old_texts`]): the
//!   span follows a character diff, as `git blame` carries lines ([`diff`]). A span whose own
//!   characters were edited or deleted becomes an orphan; one the diff cannot vouch for (an
//!   edit beside it repeats its text, its stretch of text occurs twice, its neighbours were
//!   edited on both sides) is checked by its context and otherwise stored as ambiguous.
//! - **By search** when it cannot: every exact occurrence of the quote in the whole text, scored
//!   by the saved `prefix`/`suffix` ([`search`]). A span is placed only where its context agrees
//!   whole on one side and no other occurrence comes close; several such places make it
//!   ambiguous; none makes it an orphan, with the best place offered to a person ([`offer`]).
//!
//! Ambiguous spans are stored in the file (`ambiguous: true`) at their likeliest place and stay
//! so, through later edits, until a person confirms or drops them. Orphans keep their words and
//! get another chance at every restamp.

use crate::span::Span;
use crate::store::LinkEnd;

pub mod diff;
pub mod offer;
mod report;
mod restamp;
pub mod search;

pub use offer::offer;
pub use report::{Restamped, shown};
pub use restamp::restamp;

/// How a span found its place on the new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// Where it was, its context agreeing.
    Unchanged,
    /// Carried by a character diff from the text it was made on.
    Diff,
    /// Found by its words with the saved context agreeing whole on both sides.
    Exact,
    /// Found by its words with the saved context agreeing whole on one side (the other edited,
    /// or other occurrences told apart by it).
    Context,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unchanged => "in place",
            Self::Diff => "diff",
            Self::Exact => "exact",
            Self::Context => "context",
        }
    }
}

/// Why a span could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lost {
    /// Some of its own characters were edited (the diff shows it).
    ChangedInside,
    /// All of its characters were deleted (the diff shows it).
    Deleted,
    /// Its words no longer occur exactly (a changed letter, other capitals, deleted).
    NotFound,
    /// Its words occur, but nowhere with the text that was around them.
    NoContext,
    /// Its place is held by another span with the same label.
    Taken,
}

impl Lost {
    pub(crate) fn explain(self) -> &'static str {
        match self {
            Self::ChangedInside => "its own words were edited",
            Self::Deleted => "its text was deleted",
            Self::NotFound => "its words no longer occur in the text",
            Self::NoContext => "its words occur, but nowhere with the text that was around them",
            Self::Taken => "another span with the same label holds its place",
        }
    }
}

/// Why a span's place needs a person's confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unsure {
    /// Several places fit about as well as each other.
    Tie { places: usize },
    /// An edit beside it repeats its words: it could have been on either side.
    Slide,
    /// Its stretch of text occurs more than once: the diff may have paired it with a copy.
    Repeated,
    /// Text on both sides of it was edited: nothing ties it to its old place.
    Unanchored,
    /// The file saved no context to tell its place by (a version 1 file).
    NoContext,
    /// It was ambiguous before and nobody has confirmed it yet.
    Unconfirmed,
}

impl Unsure {
    pub(crate) fn explain(self) -> String {
        match self {
            Self::Tie { places } => format!("{places} places fit about equally well"),
            Self::Slide => "an edit beside it repeats its words".into(),
            Self::Repeated => {
                "its passage occurs more than once, so the diff may have paired it with a copy"
                    .into()
            }
            Self::Unanchored => "the text on both sides of it was edited".into(),
            Self::NoContext => "the file saved no context to tell its place by".into(),
            Self::Unconfirmed => "it was ambiguous before and is not confirmed yet".into(),
        }
    }
}

/// What happened to a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fate {
    /// Placed (elsewhere than before, or it was an orphan).
    Placed(How),
    Orphaned(Lost),
    Ambiguous(Unsure),
}

/// One span whose place or state changed: as it was, as it is, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub before: Span,
    pub after: Span,
    pub fate: Fate,
    /// For an orphan: the best place to offer a person ([`offer`]), if any.
    pub offered: Option<std::ops::Range<usize>>,
}

impl Outcome {
    /// Whether the span was an orphan before (and is placed now).
    pub fn recovered(&self) -> bool {
        self.before.orphan && matches!(self.fate, Fate::Placed(_))
    }

    /// The link key before and after.
    pub fn moved(&self) -> (LinkEnd, LinkEnd) {
        (LinkEnd::of(&self.before), LinkEnd::of(&self.after))
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod link_props;

#[cfg(test)]
mod oracle;
