//! Links in adjudication: link-only disagreements, agreed links, settled items.

use super::super::{Decision, gold_spans, plan, rejected_spans};
use super::*;
use crate::text::Document;

const TEXT: &str = "Tsahkna said “no peace” to Putin today.";

fn names() -> Vec<String> {
    vec!["alice".into(), "bob".into()]
}

/// Both annotators' spans: the source Tsahkna, the quote and the source Putin.
fn spans() -> (Span, Span, Span) {
    let d = Document::from_text(TEXT);
    (
        Span::new(&d, 0..7, "source"),
        Span::new(&d, 13..23, "quote"),
        Span::new(&d, 27..32, "source"),
    )
}

fn speaker(from: &Span, to: &Span) -> Link {
    Link {
        kind: "speaker".into(),
        from: LinkEnd::of(from),
        to: LinkEnd::of(to),
    }
}

#[test]
fn same_spans_different_links_make_an_item_of_the_span_they_go_from() {
    let (tsahkna, quote, putin) = spans();
    let all = vec![tsahkna.clone(), quote.clone(), putin.clone()];
    let sides = vec![Some(all.clone()), Some(all.clone())];
    let links = vec![
        vec![speaker(&quote, &tsahkna)],
        vec![speaker(&quote, &putin)],
    ];
    let (agreed, items) = plan(&sides, &names());
    assert_eq!(
        (agreed.len(), items.len()),
        (3, 0),
        "without links all agree"
    );
    let (agreed, items) = plan_linked(&sides, &links, &names());
    assert_eq!(agreed.len(), 2, "the two sources are agreed: {agreed:?}");
    assert!(agreed.iter().all(|s| s.label == "source"));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].range, quote.range());
    assert_eq!(
        items[0].versions,
        [vec![quote.clone()], vec![quote.clone()]]
    );
    // Accepting either version takes the quote (both had it) and turns nothing down.
    let taken = gold_spans(&items[0], Decision::Accepted(1), &names());
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].from, names());
    assert!(rejected_spans(&items[0], Decision::Accepted(1), &names()).is_empty());
    // One linked, the other did not: an item too.
    let links = vec![vec![speaker(&quote, &tsahkna)], vec![]];
    let (_, items) = plan_linked(&sides, &links, &names());
    assert_eq!(items.len(), 1);
    assert!(outgoing_differs(&sides, &links, &quote));
    assert!(
        !outgoing_differs(&sides, &links, &tsahkna),
        "incoming links do not count"
    );
}

#[test]
fn links_everyone_drew_from_agreed_spans_are_agreed() {
    let (tsahkna, quote, putin) = spans();
    let all = vec![tsahkna.clone(), quote.clone(), putin];
    let sides = vec![Some(all.clone()), Some(all), None];
    let link = speaker(&quote, &tsahkna);
    let links = vec![vec![link.clone()], vec![link.clone()], vec![]];
    let three: Vec<String> = vec!["alice".into(), "bob".into(), "carol".into()];
    let (agreed, items) = plan_linked(&sides, &links, &three);
    assert!(items.is_empty());
    assert_eq!(agreed.len(), 3);
    assert_eq!(agreed_links(&sides, &links, &agreed), [link]);
    assert!(agreed_links(&sides, &links, &[]).is_empty());
}

#[test]
fn an_item_of_links_is_settled_when_gold_holds_one_annotators_links() {
    let (tsahkna, quote, putin) = spans();
    let all = vec![tsahkna.clone(), quote.clone(), putin.clone()];
    let sides = vec![Some(all.clone()), Some(all.clone())];
    let links = vec![
        vec![speaker(&quote, &tsahkna)],
        vec![speaker(&quote, &putin)],
    ];
    let (_, items) = plan_linked(&sides, &links, &names());
    let item = &items[0];
    let settled = |gold_links: &[Link], gold: &[Span]| {
        settled_linked(item, gold, &[], gold_links, &sides, &links)
    };
    assert!(settled(&[speaker(&quote, &tsahkna)], &all));
    assert!(settled(&[speaker(&quote, &putin)], &all));
    assert!(
        !settled(&[], &all),
        "gold has the quote but neither's links"
    );
    assert!(
        !settled(&[], &[tsahkna.clone(), putin.clone()]),
        "no quote in gold"
    );
    // Without Putin in gold, bob's link cannot be there: gold without links is bob's decision.
    assert!(settled(&[], &[tsahkna, quote]));
}
