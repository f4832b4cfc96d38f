//! What an export did, counted as it goes (the caller names each dropped or overlapping span
//! from [`super::Event::Exported`] and says the totals at the end).

use super::render::{self, Ready};

/// What the export did, for the messages at the end.
#[derive(Debug, Default)]
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
    /// Spans written without their whitespace edges (conll, hf, spacy).
    pub trimmed: usize,
    /// spacy: spans left out because spaCy's tokens cannot hold them.
    pub unaligned: usize,
    /// spacy with ner: spans in `doc.spans["sc"]` left out of `doc.ents`.
    pub ents_left_out: usize,
    /// Labels written whose names hold whitespace (conll/hf tags use `_` there).
    pub spaced: std::collections::BTreeSet<String>,
}

impl Tally {
    /// Counts a document written.
    pub fn count(&mut self, r: &Ready) {
        self.exported += 1;
        self.orphans += r.orphans_left.len();
        self.dropped += r.displaced.len();
        self.layered += r.layered;
        self.split_tokens += r.split_tokens;
        self.joined += r.joined_sentences;
        self.links_dropped += r.links_dropped;
        self.trimmed += r.trimmed.len();
        self.unaligned += r.unaligned.len();
        self.ents_left_out += r.ents_left_out.len();
        if matches!(
            r.rendered,
            render::Rendered::Tagged(_) | render::Rendered::Conll(..)
        ) {
            self.spaced.extend(
                r.counts
                    .keys()
                    .filter(|l| l.contains(char::is_whitespace))
                    .cloned(),
            );
        }
    }
}
