use proptest::prelude::*;

use super::super::{expected, merge_overlapping, observed};
use super::*;

/// A document: its length and each annotator's ranges inside it.
type Doc = (u64, Vec<(u64, u64)>, Vec<(u64, u64)>);

/// Random documents.
fn documents() -> impl Strategy<Value = Vec<Doc>> {
    let doc = (0u64..60).prop_flat_map(|len| {
        let range = (0..len.max(1), 0..12u64).prop_map(move |(s, l)| (s, l.min(len - s.min(len))));
        (
            Just(len),
            prop::collection::vec(range.clone(), 0..5),
            prop::collection::vec(range, 0..5),
        )
    });
    prop::collection::vec(doc, 0..8)
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

proptest! {
    /// The streamed figures are the whole-continuum ones: documents laid end to end, each
    /// annotator's units shifted by the documents before.
    #[test]
    fn streamed_is_the_whole_continuum(
        docs in documents(),
        before in prop_oneof![0u64..20, (SHORT - 30)..(SHORT + 30)],
    ) {
        let mut whole_a = Vec::new();
        let mut whole_b = Vec::new();
        let mut stream = Continuum::starting_after(before);
        let mut offset = before;
        for (len, a, b) in &docs {
            let (a, b) = (merge_overlapping(a.clone()), merge_overlapping(b.clone()));
            stream.add(&a, &b, *len);
            whole_a.extend(a.iter().map(|&(s, l)| (s + offset, l)));
            whole_b.extend(b.iter().map(|&(s, l)| (s + offset, l)));
            offset += len;
        }
        let (o, e) = (observed(&whole_a, &whole_b, offset), expected(&whole_a, &whole_b, offset));
        prop_assert!(close(stream.observed(offset), o), "D_o {} vs {}", stream.observed(offset), o);
        prop_assert!(close(stream.expected(offset), e), "D_e {} vs {}", stream.expected(offset), e);
    }
}

#[test]
fn krippendorff_2004_split_into_documents() {
    // The worked example's category c (see ../tests.rs), cut into three documents at 160 and 275
    // (no unit crosses a cut): the same D_o and D_e as on one continuum of 300.
    let a: Vec<(u64, u64)> = vec![(75, 70), (220, 30)];
    let b: Vec<(u64, u64)> = vec![(70, 80), (205, 20), (250, 20)];
    let mut stream = Continuum::default();
    let cut = |u: &[(u64, u64)], from: u64, to: u64| -> Vec<(u64, u64)> {
        u.iter()
            .filter(|&&(s, _)| s >= from && s < to)
            .map(|&(s, l)| (s - from, l))
            .collect()
    };
    for (from, to) in [(0, 160), (160, 275), (275, 300)] {
        stream.add(&cut(&a, from, to), &cut(&b, from, to), to - from);
    }
    assert!((stream.observed(300) - observed(&a, &b, 300)).abs() < 1e-15);
    assert!((stream.expected(300) - expected(&a, &b, 300)).abs() < 1e-12);
    assert!((stream.observed(300) - 0.0144).abs() < 0.0001);
}
