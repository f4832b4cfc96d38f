//! Adjudication, the model under `glosser review`: spans every annotator has are agreed; the
//! rest fall into items, each a cluster of overlapping spans across annotators with every
//! annotator's version. Deciding an item gives the gold spans to add, each with `from`.

use std::ops::Range;

use crate::span::Span;

/// One disagreement: a stretch of text and each annotator's spans in it (in annotator order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub range: Range<usize>,
    pub versions: Vec<Vec<Span>>,
}

/// How an item was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The version of the annotator at this index.
    Accepted(usize),
    /// No version.
    Rejected,
    /// The spans more than half of the annotators had.
    Majority,
}

/// Who (by name) had a span with this key among `sides`.
fn who_had(sides: &[Vec<Span>], names: &[String], span: &Span) -> Vec<String> {
    sides
        .iter()
        .zip(names)
        .filter(|(spans, _)| spans.iter().any(|s| s.key() == span.key()))
        .map(|(_, n)| n.clone())
        .collect()
}

/// Splits the annotators' spans (`sides[i]` is annotator `names[i]`'s; `None` when they have no
/// file for the document) into agreed gold spans and disagreement items in text order. A span is
/// agreed when every annotator with a file has it and there are two of them at least: one
/// person's spans are never agreed, each of them is an item to decide.
pub fn plan(sides: &[Option<Vec<Span>>], names: &[String]) -> (Vec<Span>, Vec<Item>) {
    let present: Vec<&Vec<Span>> = sides.iter().flatten().collect();
    let with_file: Vec<String> = sides
        .iter()
        .zip(names)
        .filter(|(side, _)| side.is_some())
        .map(|(_, n)| n.clone())
        .collect();
    let mut agreed: Vec<Span> = Vec::new();
    let mut rest: Vec<(usize, Span)> = Vec::new();
    let mut first_present = true;
    for (i, side) in sides.iter().enumerate() {
        let Some(spans) = side else { continue };
        for span in spans {
            let everyone = present.len() >= 2
                && present
                    .iter()
                    .all(|other| other.iter().any(|s| s.key() == span.key()));
            if everyone {
                if first_present {
                    let mut gold = span.clone();
                    gold.from.clone_from(&with_file);
                    for other in &present {
                        if let Some(same) = other.iter().find(|s| s.key() == span.key()) {
                            crate::span::absorb_duplicate(&mut gold, &without_from(same));
                        }
                    }
                    agreed.push(gold);
                }
            } else {
                rest.push((i, span.clone()));
            }
        }
        first_present = false;
    }
    rest.sort_by(|(_, a), (_, b)| a.key().cmp(&b.key()));
    let mut items: Vec<Item> = Vec::new();
    for (who, span) in rest {
        match items.last_mut() {
            Some(item) if span.start < item.range.end => {
                item.range.end = item.range.end.max(span.end);
                item.versions[who].push(span);
            }
            _ => {
                let mut versions = vec![Vec::new(); sides.len()];
                let range = span.range();
                versions[who].push(span);
                items.push(Item { range, versions });
            }
        }
    }
    (agreed, items)
}

/// A copy of a span without `from`, so only its note joins a gold span.
fn without_from(span: &Span) -> Span {
    let mut copy = span.clone();
    copy.from.clear();
    copy
}

/// The gold spans a decision adds for an item, each with `from` (who had it) and the notes of
/// everyone who had it (joined, none dropped).
pub fn gold_spans(item: &Item, decision: Decision, names: &[String]) -> Vec<Span> {
    let with_from = |span: &Span| {
        let mut gold = span.clone();
        gold.from = who_had(&item.versions, names, span);
        gold.note = None;
        for same in item
            .versions
            .iter()
            .flatten()
            .filter(|s| s.key() == span.key())
        {
            crate::span::absorb_duplicate(&mut gold, &without_from(same));
        }
        gold
    };
    match decision {
        Decision::Rejected => Vec::new(),
        Decision::Accepted(i) => item
            .versions
            .get(i)
            .map_or_else(Vec::new, |v| v.iter().map(with_from).collect()),
        Decision::Majority => {
            let mut out: Vec<Span> = Vec::new();
            for span in item.versions.iter().flatten() {
                let count = who_had(&item.versions, names, span).len();
                if 2 * count > names.len() && !out.iter().any(|s| s.key() == span.key()) {
                    out.push(with_from(span));
                }
            }
            out
        }
    }
}

/// The characters where the versions differ: covered by some annotator's spans but not all.
pub fn differing(item: &Item) -> Vec<Range<usize>> {
    let covers = |spans: &[Span], c: usize| spans.iter().any(|s| s.start <= c && c < s.end);
    let mut out: Vec<Range<usize>> = Vec::new();
    for c in item.range.clone() {
        let count = item.versions.iter().filter(|v| covers(v, c)).count();
        if count > 0 && count < item.versions.len() {
            match out.last_mut() {
                Some(r) if r.end == c => r.end = c + 1,
                _ => out.push(c..c + 1),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn names() -> Vec<String> {
        vec!["alice".into(), "bob".into(), "carol".into()]
    }

    #[test]
    fn agreed_spans_and_clusters() {
        let d = Document::from_text("Alpha beta gamma. Delta epsilon zeta. Eta theta.");
        let s = |a, b, l| Span::new(&d, a..b, l);
        let sides = vec![
            Some(vec![s(0, 17, "claim"), s(18, 37, "opinion")]),
            Some(vec![
                s(0, 17, "claim"),
                s(18, 37, "claim"),
                s(38, 48, "quote"),
            ]),
            Some(vec![s(0, 17, "claim"), s(24, 37, "opinion")]),
        ];
        let (agreed, items) = plan(&sides, &names());
        assert_eq!(agreed.len(), 1);
        assert_eq!(agreed[0].from, names());
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].range, 18..37);
        assert_eq!(items[0].versions[0].len(), 1);
        assert_eq!(items[0].versions[1][0].label, "claim");
        assert!(items[1].versions[0].is_empty() && items[1].versions[2].is_empty());
        let accepted = gold_spans(&items[0], Decision::Accepted(0), &names());
        assert_eq!(accepted.len(), 1);
        assert_eq!(accepted[0].from, ["alice"]);
        assert!(gold_spans(&items[0], Decision::Rejected, &names()).is_empty());
        assert!(
            gold_spans(&items[0], Decision::Majority, &names()).is_empty(),
            "no span had 2 of 3"
        );
        assert_eq!(
            differing(&items[0]),
            vec![18..24],
            "only carol's boundary differs... and bob's label does not"
        );
    }

    #[test]
    fn majority_of_three() {
        let d = Document::from_text("Alpha beta gamma. Delta epsilon zeta.");
        let s = |a, b, l| Span::new(&d, a..b, l);
        let sides = vec![
            Some(vec![s(0, 17, "claim")]),
            Some(vec![s(0, 17, "claim")]),
            Some(vec![s(0, 17, "opinion")]),
        ];
        let (agreed, items) = plan(&sides, &names());
        assert!(agreed.is_empty());
        let gold = gold_spans(&items[0], Decision::Majority, &names());
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].label, "claim");
        assert_eq!(gold[0].from, ["alice", "bob"]);
    }

    #[test]
    fn notes_reach_gold_and_one_file_agrees_on_nothing() {
        let d = Document::from_text("Alpha beta gamma. Delta epsilon zeta.");
        let s = |a, b, l| Span::new(&d, a..b, l);
        let mut noted = s(18, 37, "quote");
        noted.note = Some("Moscow readout".into());
        let mut agreed_noted = s(0, 17, "claim");
        agreed_noted.note = Some("checked".into());
        let sides = vec![
            Some(vec![agreed_noted.clone(), noted, s(20, 25, "claim")]),
            Some(vec![s(0, 17, "claim")]),
            None,
        ];
        let (agreed, items) = plan(&sides, &names());
        assert_eq!(agreed[0].note.as_deref(), Some("checked"));
        assert_eq!(agreed[0].from, ["alice", "bob"], "carol has no file");
        let gold = gold_spans(&items[0], Decision::Accepted(0), &names());
        assert_eq!(gold.len(), 2, "the nested claim comes with the quote");
        assert_eq!(gold[0].note.as_deref(), Some("Moscow readout"));
        assert_eq!(gold[0].from, ["alice"]);

        let alone = vec![Some(vec![agreed_noted]), None, None];
        let (agreed, items) = plan(&alone, &names());
        assert!(agreed.is_empty(), "one person's spans are not agreement");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].versions[0].len(), 1);
    }
}
