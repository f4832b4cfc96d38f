//! What changed since a document was adjudicated (SPEC §11, issue 31): the article's text, and
//! each compared annotator's spans added, removed or relabelled after gold was decided. Known
//! from gold's adjudication record ([`Adjudicated`]: the article's hash and every annotator's
//! spans then, as `LABEL:QUOTE` fingerprints), which re-anchoring never touches — so
//! `validate --fix` restamping gold after a text edit does not hide the edit — and shown until
//! the reviewer decides the document again (review writes a new record). `status` and review's
//! `Δ` both ask [`since_adjudication`], so they agree.
//!
//! A gold file Done without a record (adjudicated by an earlier glosser) is judged as before:
//! the article changed when gold's own hash is stale, and an annotator's span gold neither holds
//! nor rejected is an addition.

use std::collections::BTreeMap;

use crate::corpus::DocumentEntry;
use crate::span::Span;
use crate::store::{Adjudicated, AnnotationFile, Status};

/// A span as the record keeps it: its label and the first 8 hex digits of its quote's SHA-256
/// (offsets move with the text; label and words do not).
pub fn fingerprint(span: &Span) -> String {
    let hash = crate::text::sha256_hex(span.quote.as_bytes());
    format!("{}:{}", span.label, &hash[..8])
}

/// The record of adjudicating against `annotators`' files (`None`: no file) on the text with
/// hash `text_sha256`.
pub fn record(text_sha256: &str, annotators: &[(String, Option<&AnnotationFile>)]) -> Adjudicated {
    Adjudicated {
        text_sha256: text_sha256.to_owned(),
        annotators: annotators
            .iter()
            .map(|(name, file)| {
                let mut prints: Vec<String> = file
                    .map(|f| f.all_spans().map(fingerprint).collect())
                    .unwrap_or_default();
                prints.sort();
                (name.clone(), prints)
            })
            .collect(),
    }
}

/// One annotator's spans since adjudication.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanChanges {
    pub added: usize,
    pub removed: usize,
    /// The same words under another label.
    pub relabelled: usize,
}

impl SpanChanges {
    pub fn is_empty(&self) -> bool {
        self.added + self.removed + self.relabelled == 0
    }
}

/// What changed since adjudication.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SinceAdjudication {
    /// The article's text is not the one gold was adjudicated on.
    pub text_changed: bool,
    /// Annotators whose spans changed (only those), by name.
    pub annotators: BTreeMap<String, SpanChanges>,
    /// An annotator has a span or link gold neither holds nor rejected: review lists items
    /// again (`ready::changed_since_adjudication`; a link drawn or moved shows only here).
    pub reopened: bool,
}

impl SinceAdjudication {
    pub fn is_empty(&self) -> bool {
        !self.text_changed && self.annotators.is_empty() && !self.reopened
    }

    /// One line: `article text changed; alice +2 −1, bob 1 relabelled`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.text_changed {
            parts.push("article text changed".to_owned());
        }
        let people: Vec<String> = self
            .annotators
            .iter()
            .map(|(name, c)| {
                let mut what = Vec::new();
                if c.added > 0 {
                    what.push(format!("+{}", c.added));
                }
                if c.removed > 0 {
                    what.push(format!("−{}", c.removed));
                }
                if c.relabelled > 0 {
                    what.push(format!("{} relabelled", c.relabelled));
                }
                format!("{name} {}", what.join(" "))
            })
            .collect();
        if !people.is_empty() {
            parts.push(format!("spans {}", people.join(", ")));
        } else if self.reopened {
            parts.push("links changed".to_owned());
        }
        parts.join("; ")
    }
}

/// How `now` differs from `then` (fingerprints, sorted or not): the same words under another
/// label are relabelled, the rest added or removed.
fn diff(then: &[String], now: &[String]) -> SpanChanges {
    let mut count: BTreeMap<&str, isize> = BTreeMap::new();
    for print in now {
        *count.entry(print).or_default() += 1;
    }
    for print in then {
        *count.entry(print).or_default() -= 1;
    }
    // What is left over, by the quote's hash: on both sides under different labels.
    let mut by_quote: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (print, n) in count {
        let quote = print.rsplit_once(':').map_or(print, |(_, q)| q);
        let slot = by_quote.entry(quote).or_default();
        if n > 0 {
            slot.0 += n.unsigned_abs();
        } else {
            slot.1 += n.unsigned_abs();
        }
    }
    let mut changes = SpanChanges::default();
    for (added, removed) in by_quote.into_values() {
        let relabelled = added.min(removed);
        changes.relabelled += relabelled;
        changes.added += added - relabelled;
        changes.removed += removed - relabelled;
    }
    changes
}

/// What changed since `gold` was adjudicated, for the article whose hash is `text_sha256`
/// (`None`: unreadable); `file` reads an annotator's file (`None`: no file). `None` when gold
/// is not Done (not adjudicated). Without a record, `legacy_names` are the annotators compared.
pub fn since(
    gold: &AnnotationFile,
    text_sha256: Option<&str>,
    file: &dyn Fn(&str) -> Option<AnnotationFile>,
    legacy_names: &[String],
) -> Option<SinceAdjudication> {
    if gold.status != Status::Done {
        return None;
    }
    let mut out = SinceAdjudication::default();
    let Some(record) = &gold.adjudicated else {
        out.text_changed = text_sha256.is_some_and(|h| h != gold.text_sha256);
        for name in legacy_names {
            let added = file(name).map_or(0, |f| {
                f.all_spans()
                    .filter(|s| {
                        !gold
                            .all_spans()
                            .chain(&gold.rejected)
                            .any(|g| g.key() == s.key())
                    })
                    .count()
            });
            if added > 0 {
                out.annotators.insert(
                    name.clone(),
                    SpanChanges {
                        added,
                        ..SpanChanges::default()
                    },
                );
            }
        }
        return Some(out);
    };
    out.text_changed = text_sha256.is_some_and(|h| h != record.text_sha256);
    for (name, then) in &record.annotators {
        let now: Vec<String> = file(name)
            .map(|f| f.all_spans().map(fingerprint).collect())
            .unwrap_or_default();
        let changes = diff(then, &now);
        if !changes.is_empty() {
            out.annotators.insert(name.clone(), changes);
        }
    }
    Some(out)
}

/// [`since`] for a document of the corpus, its `into` file (gold) read from disk; `None` when
/// it has no readable Done gold file. A file that does not parse counts as no file. Without a
/// record and without `legacy_names`, the annotators gold's spans came from (`from`) are the
/// ones compared.
pub fn since_adjudication(
    entry: &DocumentEntry,
    into: &str,
    legacy_names: &[String],
) -> Option<SinceAdjudication> {
    let gold = entry.annotation(into)?.load().ok()?;
    if gold.status != Status::Done {
        return None;
    }
    let hash = entry.load().ok().map(|d| d.sha256().to_owned());
    let file = |name: &str| entry.annotation(name).and_then(|a| a.load().ok());
    let from_gold: Vec<String>;
    let legacy_names = if legacy_names.is_empty() {
        let names: std::collections::BTreeSet<&String> = gold
            .all_spans()
            .chain(&gold.rejected)
            .flat_map(|s| &s.from)
            .collect();
        from_gold = names.into_iter().cloned().collect();
        &from_gold
    } else {
        legacy_names
    };
    let mut out = since(&gold, hash.as_deref(), &file, legacy_names)?;
    let names: Vec<String> = gold.adjudicated.as_ref().map_or_else(
        || legacy_names.to_vec(),
        |r| r.annotators.keys().cloned().collect(),
    );
    out.reopened = super::ready::changed_since_adjudication(entry, &names, into);
    Some(out)
}

#[cfg(test)]
mod tests;
