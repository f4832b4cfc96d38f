//! [`Restamped`]: what a restamp did, as counts and as one line per span for the writers to
//! print (SPEC §2: every writer says what it re-anchored, how, what it orphaned and what is
//! ambiguous).

use super::{Fate, How, Outcome};
use crate::span::Span;
use crate::store::LinkEnd;

/// What [`super::restamp`] did to a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restamped {
    /// Whether the file's hash was for another text (its spans were re-anchored).
    pub text_changed: bool,
    /// Whether the text the file was made on was found, so spans followed a diff.
    pub diffed: bool,
    /// Placed spans that stayed where they were.
    pub unchanged: usize,
    /// Every span whose place or state changed.
    pub outcomes: Vec<Outcome>,
    /// Orphans from before that are still orphans.
    pub still_orphaned: usize,
    /// Ambiguous spans from before, still waiting for a person (in place).
    pub still_ambiguous: usize,
    /// Orphans moved off last offsets that a placed span now holds: their links follow.
    pub rekeyed: Vec<(LinkEnd, LinkEnd)>,
    /// Orphans in the file afterwards (old and new).
    pub orphans_now: usize,
    /// Ambiguous spans in the file afterwards (old and new).
    pub ambiguous_now: usize,
}

impl Restamped {
    pub(super) fn push(&mut self, before: &Span, after: &Span, fate: Fate) {
        self.outcomes.push(Outcome {
            before: before.clone(),
            after: after.clone(),
            fate,
            offered: None,
        });
    }

    /// Placed spans that are somewhere else now (orphans found again not counted).
    pub fn reanchored(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| matches!(o.fate, Fate::Placed(_)) && !o.recovered())
            .count()
    }

    /// Orphans from before whose words were found again.
    pub fn recovered(&self) -> usize {
        self.outcomes.iter().filter(|o| o.recovered()).count()
    }

    /// Spans that became orphans now.
    pub fn orphaned(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes
            .iter()
            .filter(|o| matches!(o.fate, Fate::Orphaned(_)))
    }

    /// Spans that are ambiguous now (new, or carried to a new place still unconfirmed).
    pub fn ambiguous(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes
            .iter()
            .filter(|o| matches!(o.fate, Fate::Ambiguous(_)))
    }

    /// Whether the file differs from what it was, apart from its context hints.
    pub fn changed(&self) -> bool {
        self.text_changed || !self.outcomes.is_empty() || !self.rekeyed.is_empty()
    }

    /// Every span's link key before and after, for links and anything else that names spans.
    pub fn moves(&self) -> Vec<(LinkEnd, LinkEnd)> {
        let mut moves: Vec<(LinkEnd, LinkEnd)> = self
            .outcomes
            .iter()
            .filter(|o| !o.before.orphan && !o.before.ambiguous)
            .map(Outcome::moved)
            .collect();
        moves.extend(
            self.outcomes
                .iter()
                .filter(|o| o.before.orphan || o.before.ambiguous)
                .map(Outcome::moved),
        );
        moves.extend(self.rekeyed.iter().cloned());
        moves
    }

    /// Where the span with key `before` is now (itself when nothing moved it).
    pub fn follow(&self, before: &LinkEnd) -> LinkEnd {
        self.moves()
            .into_iter()
            .find(|(from, _)| from == before)
            .map_or_else(|| before.clone(), |(_, to)| to)
    }

    /// This report followed by `later`, a restamp of the file this one produced or of a
    /// version merged into it: every span's outcome once, and the file's state after `later`.
    #[must_use]
    pub fn then(mut self, later: Restamped) -> Restamped {
        self.text_changed |= later.text_changed;
        self.diffed |= later.diffed;
        for outcome in later.outcomes {
            if !self.outcomes.contains(&outcome) {
                self.outcomes.push(outcome);
            }
        }
        self.rekeyed.extend(later.rekeyed);
        self.orphans_now = later.orphans_now;
        self.ambiguous_now = later.ambiguous_now;
        self
    }

    /// One line per span that moved, was orphaned, found again or is ambiguous.
    pub fn lines(&self) -> Vec<String> {
        self.outcomes.iter().map(line).collect()
    }

    /// The counts, for the line after [`Self::lines`].
    pub fn summary(&self) -> String {
        let reanchored = self.reanchored();
        let mut hows: Vec<String> = Vec::new();
        for how in [How::Diff, How::Exact, How::Context, How::Unchanged] {
            let n = self
                .outcomes
                .iter()
                .filter(|o| o.fate == Fate::Placed(how) && !o.recovered())
                .count();
            if n > 0 {
                hows.push(format!("{n} by {}", how.as_str()));
            }
        }
        let mut parts = vec![if hows.is_empty() {
            format!(
                "{reanchored} {} re-anchored",
                plural(reanchored, "span", "spans")
            )
        } else {
            format!(
                "{reanchored} {} re-anchored ({})",
                plural(reanchored, "span", "spans"),
                hows.join(", ")
            )
        }];
        parts.push(format!("{} orphaned", self.orphans_now));
        if self.ambiguous_now > 0 {
            parts.push(format!(
                "{} ambiguous (confirm or drop them in the TUI)",
                self.ambiguous_now
            ));
        }
        if self.recovered() > 0 {
            parts.push(format!("{} orphans found again", self.recovered()));
        }
        parts.join(", ")
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// A quote as a line shows it: at most 60 characters, escaped.
pub fn shown(quote: &str) -> String {
    const MAX: usize = 60;
    if quote.chars().count() <= MAX {
        return format!("{quote:?}");
    }
    let head: String = quote.chars().take(MAX - 1).collect();
    format!("{:?}", format!("{head}…"))
}

fn line(outcome: &Outcome) -> String {
    let (b, a) = (&outcome.before, &outcome.after);
    let what = format!("{} {}..{} {}", b.label, b.start, b.end, shown(&b.quote));
    match outcome.fate {
        Fate::Placed(how) if outcome.recovered() => format!(
            "orphan {what} found again at {}..{} ({})",
            a.start,
            a.end,
            how.as_str()
        ),
        Fate::Placed(how) => format!(
            "re-anchored {what} → {}..{} ({})",
            a.start,
            a.end,
            how.as_str()
        ),
        Fate::Orphaned(lost) => {
            let offer = outcome.offered.as_ref().map_or_else(String::new, |r| {
                format!(
                    "; best place now {}..{} (place it with o in the TUI)",
                    r.start, r.end
                )
            });
            format!("orphaned {what}: {}{offer}", lost.explain())
        }
        Fate::Ambiguous(why) => format!(
            "ambiguous {what}: {}; left at {}..{} — confirm it in the TUI (o) or drop it (O)",
            why.explain(),
            a.start,
            a.end
        ),
    }
}
