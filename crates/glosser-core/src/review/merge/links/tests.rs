use super::*;
use crate::store::LinkEnd;
use crate::text::Document;

const TEXT: &str = "“We will win,” said Jane Doe. Bob agreed.";

fn span(start: usize, end: usize, label: &str) -> Span {
    Span::new(&Document::from_text(TEXT), start..end, label)
}

fn link(from: (usize, usize, &str), to: (usize, usize, &str)) -> Link {
    Link {
        kind: "speaker".into(),
        from: LinkEnd(from.0, from.1, from.2.into()),
        to: LinkEnd(to.0, to.1, to.2.into()),
    }
}

#[test]
fn links_follow_the_strategy_and_need_both_spans_in_gold() {
    let quote = (0, 14, "quote");
    let jane = (20, 28, "source");
    let bob = (30, 33, "source");
    let gold = vec![span(0, 14, "quote"), span(20, 28, "source")];
    let to_jane = link(quote, jane);
    let to_bob = link(quote, bob);
    let alice = [to_jane.clone()];
    let bobs = [to_jane.clone(), to_bob.clone()];
    let carol = [to_jane.clone(), to_bob.clone()];
    let sides: Vec<(&str, &[Link])> = vec![("alice", &alice), ("bob", &bobs), ("carol", &carol)];

    let majority = merge_links(&sides, Strategy::Majority, &gold, &[]);
    assert_eq!(majority.links, std::slice::from_ref(&to_jane));
    assert_eq!(
        majority.reports,
        [
            "link speaker 0..14 quote → 30..33 source (bob, carol): left out, gold does not hold both its spans"
        ]
    );
    let intersection = merge_links(&sides, Strategy::Intersection, &gold, &[]);
    assert_eq!(intersection.links, std::slice::from_ref(&to_jane));
    assert!(
        intersection.reports.is_empty(),
        "{:?}",
        intersection.reports
    );

    let two: Vec<(&str, &[Link])> = vec![("alice", &alice), ("bob", &bobs)];
    let mut gold_with_bob = gold.clone();
    gold_with_bob.push(span(30, 33, "source"));
    let tie = merge_links(&two, Strategy::Majority, &gold_with_bob, &[]);
    assert_eq!(tie.links, std::slice::from_ref(&to_jane));
    assert_eq!(
        tie.reports,
        ["tie: link speaker 0..14 quote → 30..33 source (bob) had by 1 of 2; left out"]
    );
    let union = merge_links(&two, Strategy::Union, &gold_with_bob, &[]);
    assert_eq!(union.links, [to_jane.clone(), to_bob.clone()]);
    // Links gold already has stay, and are not reported again.
    let again = merge_links(
        &two,
        Strategy::Majority,
        &gold_with_bob,
        std::slice::from_ref(&to_bob),
    );
    assert_eq!(again.links, [to_jane, to_bob]);
    assert!(again.reports.is_empty());
}
