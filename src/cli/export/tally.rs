//! What an export did, counted as it goes: every span dropped or found overlapping is named
//! on stderr when its document is written, and the totals are said at the end.

use super::plural;
use super::render::{self, Ready};
use glosser_core::formats::Format;
use glosser_core::formats::overlaps::Policy;

/// What the export did, for the messages at the end.
#[derive(Default)]
pub struct Tally {
    pub exported: usize,
    pub skipped: usize,
    pub not_done: usize,
    pub dropped: usize,
    pub layered: usize,
    pub split_tokens: usize,
    pub joined: usize,
    pub links_dropped: usize,
    /// Orphaned spans left out (named per document as they go).
    pub orphans: usize,
    /// Labels written whose names hold whitespace (conll/hf tags use `_` there).
    pub spaced: std::collections::BTreeSet<String>,
}

impl Tally {
    /// Counts a document and names on stderr every span it dropped (or found overlapping).
    pub fn report(&mut self, r: &Ready, overlaps: Policy) {
        self.exported += 1;
        for (s, why) in &r.displaced {
            let what = match (overlaps, why.starts_with("covers")) {
                (_, true) => "dropped span",
                (Policy::Error, false) => "overlapping span",
                _ => "dropped overlapping span",
            };
            eprintln_safe!(
                "glosser: {what}: {} {}..{} {} {:?} ({why})",
                r.id.escape_debug(),
                s.start,
                s.end,
                s.label,
                s.quote
            );
        }
        for s in &r.orphans_left {
            let (what, why) = if s.ambiguous {
                (
                    "ambiguous span",
                    "glosser was not sure of its place after the article changed; confirm it in the TUI",
                )
            } else {
                ("orphaned span", "its text is no longer in the article")
            };
            eprintln_safe!(
                "glosser: {what} not exported: {} {}..{} {} {:?} ({why})",
                r.id.escape_debug(),
                s.start,
                s.end,
                s.label,
                s.quote
            );
        }
        self.orphans += r.orphans_left.len();
        self.dropped += r.displaced.len();
        self.layered += r.layered;
        self.split_tokens += r.split_tokens;
        self.joined += r.joined_sentences;
        self.links_dropped += r.links_dropped;
        if matches!(r.rendered, render::Rendered::Tagged(_)) {
            self.spaced.extend(
                r.counts
                    .keys()
                    .filter(|l| l.contains(char::is_whitespace))
                    .cloned(),
            );
        }
    }

    pub fn summary(&self, format: Format, overlaps: Policy) {
        if self.dropped > 0 && overlaps != Policy::Error {
            eprintln_safe!(
                "glosser: {format} cannot hold overlapping spans: dropped {} span{} (listed above), kept the longest; --overlaps layers keeps every span",
                self.dropped,
                plural(self.dropped)
            );
        }
        if self.layered > 0 {
            eprintln_safe!(
                "glosser: {format}: {} overlapping span{} written to extra tag columns (ner_tags_2, …)",
                self.layered,
                plural(self.layered)
            );
        }
        for label in &self.spaced {
            eprintln_safe!(
                "glosser: {format}: label {label:?} is written as {} (a tag holds no spaces)",
                glosser_core::formats::overlaps::tag_label(label)
            );
        }
        if self.links_dropped > 0 {
            eprintln_safe!(
                "glosser: {format} cannot hold links between spans: dropped {} link{} (jsonl, brat, doccano, label-studio and w3c keep them)",
                self.links_dropped,
                plural(self.links_dropped)
            );
        }
        if self.orphans > 0 {
            eprintln_safe!(
                "glosser: {format}: {} orphaned or ambiguous span{} not exported (listed above): place {} in the TUI (o) or delete {}; jsonl keeps them",
                self.orphans,
                plural(self.orphans),
                if self.orphans == 1 { "it" } else { "them" },
                if self.orphans == 1 { "it" } else { "them" },
            );
        }
        if self.joined > 0 {
            eprintln_safe!(
                "glosser: {format}: joined {} sentence break{} that would have cut a span",
                self.joined,
                plural(self.joined)
            );
        }
    }
}
