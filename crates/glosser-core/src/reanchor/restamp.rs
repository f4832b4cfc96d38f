//! [`restamp`]: brings a file onto a text — every span judged (by diff or by search), places
//! shared out so that no two spans hold one key, links pointed at their spans' new keys — and
//! only then stamps the text's hash (SPEC §2's anchoring invariant).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::diff::{Alignment, Carried};
use super::search::{self, Verdict};
use super::{Fate, How, Lost, Restamped, Unsure};
use crate::old_texts::OldTexts;
use crate::span::{AnnotationSet, Span};
use crate::store::{AnnotationFile, LinkEnd};
use crate::text::Document;

/// Where one span should go, before places are shared out.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Decision {
    /// It stays as it is (placed, ambiguous or orphaned).
    Keep,
    Place(Range<usize>, How),
    Doubt(Range<usize>, Unsure),
    Lose(Lost, Option<Range<usize>>),
}

/// The texts a file is judged against: the new one, and the old one when it was found.
struct Judge<'a> {
    doc: &'a Document,
    same_text: bool,
    old: Option<(&'a Document, Alignment<'a>)>,
    /// Every span's fitting places found in one pass, when every span is to be searched (the
    /// text changed and the old one is not known).
    batch: Option<search::Batch>,
}

impl Judge<'_> {
    /// Where span `i` (its index among the spans the judge was made for; `None` for others)
    /// should go.
    fn decide(&self, i: Option<usize>, span: &Span) -> Decision {
        // An orphan gets another chance when the text changes (on the same text it would only
        // find what it did not find before).
        if span.orphan {
            return match self.find(i, span) {
                Verdict::Clear { start, how } if !self.same_text => {
                    Decision::Place(quote_at(span, start), how)
                }
                _ => Decision::Keep,
            };
        }
        let decision = if self.same_text && span.check_text(self.doc).is_ok() {
            Decision::Keep
        } else if let Some((old, alignment)) = &self.old
            && span.check_text(old).is_ok()
        {
            self.by_diff(span, alignment)
        } else {
            self.by_search(i, span)
        };
        if !span.ambiguous {
            return decision;
        }
        // An ambiguous span stays so until a person confirms it.
        match decision {
            Decision::Place(range, _) => Decision::Doubt(range, Unsure::Unconfirmed),
            other => other,
        }
    }

    fn on_boundaries(&self, range: &Range<usize>) -> bool {
        self.doc.is_grapheme_boundary(range.start) && self.doc.is_grapheme_boundary(range.end)
    }

    fn widened(&self, range: Range<usize>) -> Range<usize> {
        let end = range.end.min(self.doc.char_len());
        self.doc.grapheme_floor(range.start.min(end))..self.doc.grapheme_ceil(end)
    }

    fn by_diff(&self, span: &Span, alignment: &Alignment<'_>) -> Decision {
        let (range, why) = match alignment.carry(span.range()) {
            Carried::To(range) if self.on_boundaries(&range) => {
                return Decision::Place(range, How::Diff);
            }
            Carried::To(range) => {
                return Decision::Lose(Lost::ChangedInside, Some(self.widened(range)));
            }
            Carried::ChangedInside { near } => {
                return Decision::Lose(Lost::ChangedInside, near.map(|r| self.widened(r)));
            }
            // Its characters left their place; a passage moved elsewhere takes its words and
            // context along, and the search finds them there.
            Carried::Deleted => {
                return match self.by_search(None, span) {
                    placed @ (Decision::Place(..) | Decision::Doubt(..)) => placed,
                    _ => Decision::Lose(Lost::Deleted, None),
                };
            }
            Carried::Slid(range) => (range, Unsure::Slide),
            Carried::Repeated(range) => (range, Unsure::Repeated),
            Carried::Unanchored(range) => (range, Unsure::Unanchored),
        };
        if !self.on_boundaries(&range) {
            return Decision::Lose(Lost::ChangedInside, Some(self.widened(range)));
        }
        match search::find(span, self.doc) {
            Verdict::Clear { start, .. } if start == range.start => {
                Decision::Place(range, How::Diff)
            }
            _ => Decision::Doubt(range, why),
        }
    }

    fn find(&self, i: Option<usize>, span: &Span) -> Verdict {
        let found = self.batch.as_ref().zip(i).map(|(b, i)| b.starts(i));
        search::find_among(span, self.doc, found)
    }

    fn by_search(&self, i: Option<usize>, span: &Span) -> Decision {
        match self.find(i, span) {
            Verdict::Clear { start, how } => Decision::Place(quote_at(span, start), how),
            Verdict::Unsure { start, why } => Decision::Doubt(quote_at(span, start), why),
            Verdict::NoContext => Decision::Lose(Lost::NoContext, None),
            Verdict::NotFound => Decision::Lose(Lost::NotFound, None),
        }
    }
}

/// The range `span`'s quote takes from char `start`.
fn quote_at(span: &Span, start: usize) -> Range<usize> {
    start..start + span.quote.chars().count()
}

type Key = (usize, usize, String);

/// A span that ends up unplaced: why (`None`: it was an orphan already), and where its
/// characters went when the diff saw it edited inside.
type Losing<'a> = (&'a Span, Option<Lost>, Option<Range<usize>>);

fn key(span: &Span) -> Key {
    (span.start, span.end, span.label.clone())
}

/// Brings `file` onto the text of `doc` and stamps its hash: the only way a hash is set on a
/// file that has spans. `old` is asked for the text the file was stamped on, so spans can
/// follow a diff; without it they are found by their words and context. A file already on this
/// text keeps its spans (only a span that no longer matches is re-anchored); orphans get
/// another chance; ambiguous spans stay ambiguous; links follow their spans; every placed span
/// gets its context hints.
pub fn restamp(file: &mut AnnotationFile, doc: &Document, old: &dyn OldTexts) -> Restamped {
    let same_text = file.text_sha256 == doc.sha256();
    let old_doc = if same_text {
        None
    } else {
        old.find(&file.text_sha256)
    };
    let alignment = old_doc
        .as_ref()
        .map(|old| Alignment::new(old.text(), doc.text()));
    let spans: Vec<Span> = file
        .spans
        .spans()
        .iter()
        .chain(&file.orphans)
        .cloned()
        .collect();
    let batch = (!same_text && old_doc.is_none())
        .then(|| search::Batch::new(doc, &spans.iter().collect::<Vec<_>>()));
    let judge = Judge {
        doc,
        same_text,
        old: old_doc.as_ref().zip(alignment),
        batch,
    };
    let mut report = Restamped {
        text_changed: !same_text,
        diffed: judge.old.is_some(),
        ..Restamped::default()
    };
    let decisions: Vec<Decision> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| judge.decide(Some(i), s))
        .collect();
    let (placed, unsettled) = share_out(&spans, &decisions, doc, &mut report);
    relink(file, &report.moves());
    file.spans = AnnotationSet::from_spans(placed);
    file.orphans = crate::store::sorted_orphans(unsettled);
    if !same_text {
        file.rejected = rejected_on(&file.rejected, &judge);
    }
    for outcome in &mut report.outcomes {
        if matches!(outcome.fate, Fate::Orphaned(_)) {
            // An orphan the diff saw edited inside sits where its characters went: offer that.
            let there = outcome.after.range();
            outcome.offered = if outcome.fate == Fate::Orphaned(Lost::ChangedInside)
                && there != outcome.before.range()
                && there.end <= doc.char_len()
            {
                Some(there)
            } else {
                super::offer(&outcome.after, doc)
            };
        }
    }
    report.ambiguous_now = file.orphans.iter().filter(|s| s.ambiguous).count();
    report.orphans_now = file.orphans.len() - report.ambiguous_now;
    doc.sha256().clone_into(&mut file.text_sha256);
    report
}

/// Gives every span its place in order — kept spans first, then placed, then ambiguous ones —
/// so no two spans hold one (start, end, label); a span whose place is held becomes an orphan,
/// and an orphan whose last offsets a placed span now holds is moved off them (its links
/// follow). Returns the placed spans and the unsettled ones.
fn share_out(
    spans: &[Span],
    decisions: &[Decision],
    doc: &Document,
    report: &mut Restamped,
) -> (Vec<Span>, Vec<Span>) {
    let mut taken: HashSet<Key> = HashSet::new();
    let mut placed = Vec::new();
    let mut unsettled = Vec::new();
    let mut losing: Vec<Losing<'_>> = Vec::new();
    for (span, decision) in spans.iter().zip(decisions) {
        if *decision == Decision::Keep && !span.orphan {
            taken.insert(key(span));
            let mut kept = span.clone();
            if span.ambiguous {
                report.still_ambiguous += 1;
                unsettled.push(kept);
            } else {
                kept.set_context(doc);
                report.unchanged += 1;
                placed.push(kept);
            }
        }
    }
    let mut order: Vec<(&Span, &Decision)> = spans.iter().zip(decisions).collect();
    order.sort_by_key(|(span, decision)| (!matches!(decision, Decision::Place(..)), span.key()));
    for (span, decision) in order {
        match decision {
            Decision::Place(range, how) => {
                let mut moved = span.clone();
                (moved.start, moved.end, moved.orphan, moved.ambiguous) =
                    (range.start, range.end, false, false);
                if !taken.insert(key(&moved)) {
                    losing.push((span, Some(Lost::Taken), None));
                    continue;
                }
                moved.set_context(doc);
                if key(&moved) == key(span) && !span.orphan {
                    report.unchanged += 1;
                } else {
                    report.push(span, &moved, Fate::Placed(*how));
                }
                placed.push(moved);
            }
            Decision::Doubt(range, why) => {
                let mut doubted = span.clone();
                (
                    doubted.start,
                    doubted.end,
                    doubted.orphan,
                    doubted.ambiguous,
                ) = (range.start, range.end, false, true);
                if !taken.insert(key(&doubted)) {
                    losing.push((span, Some(Lost::Taken), None));
                    continue;
                }
                report.push(span, &doubted, Fate::Ambiguous(*why));
                unsettled.push(doubted);
            }
            Decision::Lose(lost, near) => losing.push((span, Some(*lost), near.clone())),
            Decision::Keep if span.orphan => losing.push((span, None, None)),
            Decision::Keep => {}
        }
    }
    let mut orphan_keys: HashSet<Key> = HashSet::new();
    for (span, lost, near) in losing {
        let mut orphan = span.clone();
        (orphan.orphan, orphan.ambiguous) = (true, false);
        if let Some(near) = near.filter(|r| !taken.contains(&(r.start, r.end, span.label.clone())))
        {
            (orphan.start, orphan.end) = (near.start, near.end);
        }
        while taken.contains(&key(&orphan)) || orphan_keys.contains(&key(&orphan)) {
            orphan.start += 1;
            orphan.end += 1;
        }
        orphan_keys.insert(key(&orphan));
        match lost {
            Some(lost) => report.push(span, &orphan, Fate::Orphaned(lost)),
            None if key(&orphan) != key(span) => {
                report.still_orphaned += 1;
                report
                    .rekeyed
                    .push((LinkEnd::of(span), LinkEnd::of(&orphan)));
            }
            None => report.still_orphaned += 1,
        }
        unsettled.push(orphan);
    }
    (placed, unsettled)
}

/// Points links at their spans' new keys (a placed span's move wins over an orphan's).
fn relink(file: &mut AnnotationFile, moves: &[(LinkEnd, LinkEnd)]) {
    if file.links.is_empty() || moves.is_empty() {
        return;
    }
    let mut map: HashMap<&LinkEnd, &LinkEnd> = HashMap::new();
    for (from, to) in moves {
        map.entry(from).or_insert(to);
    }
    for link in &mut file.links {
        if let Some(to) = map.get(&link.from) {
            link.from = (*to).clone();
        }
        if let Some(to) = map.get(&link.to) {
            link.to = (*to).clone();
        }
    }
    file.links.sort();
    file.links.dedup();
}

/// The suggestions a file rejected, on the new text: placed where their words are found (a
/// doubtful place is good enough for a list that only keeps suggestions away), orphans
/// otherwise.
fn rejected_on(rejected: &[Span], judge: &Judge<'_>) -> Vec<Span> {
    let moved = rejected.iter().map(|span| {
        let mut span = span.clone();
        span.ambiguous = false;
        let decision = if span.orphan {
            judge.by_search(None, &span)
        } else {
            judge.decide(None, &span)
        };
        match decision {
            Decision::Keep => {}
            Decision::Place(range, _) | Decision::Doubt(range, _) => {
                (span.start, span.end, span.orphan) = (range.start, range.end, false);
            }
            Decision::Lose(..) => span.orphan = true,
        }
        span
    });
    crate::store::sorted_orphans(moved.collect())
}
