use super::*;
use crate::store::LinkEnd;

fn link(kind: &str, from: (usize, usize, &str), to: (usize, usize, &str)) -> Link {
    Link {
        kind: kind.into(),
        from: LinkEnd(from.0, from.1, from.2.into()),
        to: LinkEnd(to.0, to.1, to.2.into()),
    }
}

#[test]
fn a_link_matches_only_when_type_and_both_spans_match() {
    let base = link("speaker", (10, 20, "quote"), (0, 5, "source"));
    let a = vec![
        base.clone(),
        link("speaker", (30, 40, "claim"), (0, 5, "source")),
    ];
    let b = vec![
        base,
        // Same spans, other type; one offset off; other label: none matches.
        link("cites", (30, 40, "claim"), (0, 5, "source")),
        link("speaker", (30, 41, "claim"), (0, 5, "source")),
        link("speaker", (30, 40, "quote"), (0, 5, "source")),
    ];
    let counts = RelationCounts::of(&a, &b);
    assert_eq!(
        counts,
        RelationCounts {
            a: 2,
            b: 4,
            matched: 1
        }
    );
    assert!((counts.f1().unwrap() - 2.0 / 6.0).abs() < 1e-9);
    assert_eq!(RelationCounts::default().f1(), None);
    let mut total = counts;
    total.absorb(RelationCounts::of(&a, &a));
    assert_eq!((total.a, total.b, total.matched), (4, 6, 3));
    assert!((total.f1().unwrap() - 0.6).abs() < 1e-9);
}
