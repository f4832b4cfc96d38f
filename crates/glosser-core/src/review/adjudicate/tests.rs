//! The adjudication model: agreed spans, items, decisions, rejections and settled items.

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
    assert_eq!(
        agreed[0].note.as_deref(),
        Some("alice: checked"),
        "a personal note reaches gold with its author"
    );
    assert_eq!(agreed[0].from, ["alice", "bob"], "carol has no file");
    let gold = gold_spans(&items[0], Decision::Accepted(0), &names());
    assert_eq!(gold.len(), 2, "the nested claim comes with the quote");
    assert_eq!(gold[0].note.as_deref(), Some("alice: Moscow readout"));
    assert_eq!(gold[0].from, ["alice"]);

    let alone = vec![Some(vec![agreed_noted]), None, None];
    let (agreed, items) = plan(&alone, &names());
    assert!(agreed.is_empty(), "one person's spans are not agreement");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].versions[0].len(), 1);
}

#[test]
fn notes_of_several_annotators_are_each_attributed() {
    let d = Document::from_text("Alpha beta gamma. Delta epsilon zeta.");
    let noted = |a, b, l, n: &str| {
        let mut span = Span::new(&d, a..b, l);
        span.note = Some(n.into());
        span
    };
    let sides = vec![
        Some(vec![noted(0, 17, "claim", "checked")]),
        Some(vec![noted(0, 17, "claim", "source?")]),
        Some(vec![noted(0, 17, "claim", "checked")]),
    ];
    let (agreed, _) = plan(&sides, &names());
    assert_eq!(
        agreed[0].note.as_deref(),
        Some("alice: checked | bob: source? | carol: checked")
    );
    let again = attributed(&agreed[0], "alice");
    assert_eq!(
        again.note, agreed[0].note,
        "a note already attributed to alice is not prefixed twice"
    );
}

#[test]
fn a_decision_rejects_what_it_does_not_accept_and_settles_the_item() {
    let d = Document::from_text("Alpha beta gamma. Delta epsilon zeta.");
    let s = |a, b, l| Span::new(&d, a..b, l);
    let sides = vec![
        Some(vec![s(18, 37, "opinion"), s(24, 31, "quote")]),
        Some(vec![s(18, 37, "claim"), s(24, 31, "quote")]),
        Some(vec![s(18, 37, "claim")]),
    ];
    let (_, items) = plan(&sides, &names());
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert!(!settled(item, &[], &[]));

    let gold = gold_spans(item, Decision::Accepted(0), &names());
    let rejected = rejected_spans(item, Decision::Accepted(0), &names());
    assert_eq!(gold.len(), 2);
    assert_eq!(rejected.len(), 1, "bob's and carol's claim, once");
    assert_eq!(
        (rejected[0].label.as_str(), rejected[0].from.clone()),
        ("claim", vec!["bob".to_owned(), "carol".to_owned()])
    );
    assert!(settled(item, &gold, &rejected));
    assert!(
        !settled(item, &gold, &[]),
        "accepted spans alone leave bob's claim open"
    );

    let all = rejected_spans(item, Decision::Rejected, &names());
    assert_eq!(all.len(), 3, "rejecting turns down every span once");
    assert!(all.iter().all(|r| r.note.is_none()));
    assert!(settled(item, &[], &all));

    let majority = gold_spans(item, Decision::Majority, &names());
    let turned_down = rejected_spans(item, Decision::Majority, &names());
    assert_eq!(majority.len(), 2, "claim and quote had two of three");
    assert_eq!(turned_down.len(), 1);
    assert_eq!(turned_down[0].label, "opinion");
    assert_eq!(turned_down[0].from, ["alice"]);
}

#[test]
fn a_span_added_after_adjudication_opens_its_item_again() {
    let d = Document::from_text("Alpha beta gamma. Delta epsilon zeta.");
    let s = |a, b, l| Span::new(&d, a..b, l);
    let sides = vec![
        Some(vec![s(0, 17, "claim")]),
        Some(vec![s(0, 17, "opinion")]),
    ];
    let two = &names()[..2];
    let (_, items) = plan(&sides, two);
    let gold = gold_spans(&items[0], Decision::Accepted(0), two);
    let rejected = rejected_spans(&items[0], Decision::Accepted(0), two);
    assert!(settled(&items[0], &gold, &rejected));

    let later = vec![
        Some(vec![s(0, 17, "claim"), s(6, 10, "quote")]),
        Some(vec![s(0, 17, "opinion")]),
    ];
    let (_, items) = plan(&later, two);
    assert_eq!(items.len(), 1);
    assert!(
        !settled(&items[0], &gold, &rejected),
        "alice's new quote is neither in gold nor rejected"
    );
}

#[test]
fn picking_single_spans_takes_them_with_from_and_notes_and_turns_the_rest_down() {
    let d = Document::from_text("Alpha beta gamma. Delta epsilon zeta.");
    let s = |a, b, l| Span::new(&d, a..b, l);
    let mut noted = s(6, 10, "quote");
    noted.note = Some("said twice".into());
    let sides = vec![
        Some(vec![s(0, 17, "claim"), noted]),
        Some(vec![s(0, 17, "opinion"), s(6, 10, "quote")]),
        Some(vec![s(0, 17, "claim")]),
    ];
    let (_, items) = plan(&sides, &names());
    assert_eq!(items.len(), 1);
    let taken = vec![(6, 10, "quote".to_owned()), (0, 17, "opinion".to_owned())];
    let (gold, down) = pick(&items[0], &names(), &taken);
    let keys: Vec<(usize, usize, &str, Vec<String>)> = gold
        .iter()
        .map(|g| (g.start, g.end, g.label.as_str(), g.from.clone()))
        .collect();
    assert_eq!(
        keys,
        [
            (6, 10, "quote", vec!["alice".to_owned(), "bob".to_owned()]),
            (0, 17, "opinion", vec!["bob".to_owned()]),
        ]
    );
    assert_eq!(gold[0].note.as_deref(), Some("alice: said twice"));
    let rejected: Vec<(usize, usize, &str, Vec<String>)> = down
        .iter()
        .map(|r| (r.start, r.end, r.label.as_str(), r.from.clone()))
        .collect();
    assert_eq!(
        rejected,
        [(0, 17, "claim", vec!["alice".to_owned(), "carol".to_owned()])],
        "each span not taken once, with whose it was"
    );
    // Taken and turned down together, every span of the item is known: it is settled.
    assert!(settled(&items[0], &gold, &down));
    assert!(gold_spans(&items[0], Decision::Picked, &names()).is_empty());
    assert!(rejected_spans(&items[0], Decision::Picked, &names()).is_empty());
}
