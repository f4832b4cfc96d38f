#![allow(clippy::float_cmp, clippy::single_range_in_vec_init)] // exact figures; one-span sides
use super::*;
use crate::text::Document;

fn spans(doc: &Document, v: &[(usize, usize, &str)]) -> Vec<Span> {
    let mut out: Vec<Span> = v.iter().map(|&(s, e, l)| Span::new(doc, s..e, l)).collect();
    out.sort_by(|a, b| a.key().cmp(&b.key()));
    out
}

#[test]
fn identical_annotations_agree_perfectly() {
    let doc = Document::from_text("Alpha beta gamma delta. Epsilon zeta.");
    let s = spans(&doc, &[(0, 10, "claim"), (24, 36, "opinion")]);
    let mut pair = Pair::new(
        "a",
        "b",
        &["claim".into(), "quote".into(), "opinion".into()],
    );
    pair.add(doc.text(), &s, &s);
    let r = pair.result();
    assert_eq!(r.overall.kappa, Some(1.0));
    assert_eq!(r.overall.alpha_u, Some(1.0));
    assert_eq!(r.overall.f1_strict, Some(1.0));
    let quote = r.labels.iter().find(|(n, _)| n == "quote").unwrap().1;
    assert_eq!(quote.kappa, None, "nobody used quote: p_e = 1");
    assert_eq!(quote.f1_strict, None);
    assert_eq!(quote.alpha_u, None);
}

#[test]
fn documents_pool_and_unknown_labels_are_kept() {
    let d1 = Document::from_text("one two three");
    let d2 = Document::from_text("four five six");
    let mut pair = Pair::new("a", "b", &["claim".into()]);
    pair.add(
        d1.text(),
        &spans(&d1, &[(0, 3, "claim")]),
        &spans(&d1, &[(0, 3, "claim")]),
    );
    pair.add(
        d2.text(),
        &spans(&d2, &[(5, 9, "rumour")]),
        &spans(&d2, &[(0, 4, "claim")]),
    );
    let r = pair.result();
    assert_eq!(pair.documents, 2);
    let names: Vec<&str> = r.labels.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["claim", "rumour"]);
    let claim = r.labels[0].1;
    assert_eq!((claim.a_spans, claim.b_spans), (1, 2));
    assert!((claim.f1_strict.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert!(claim.kappa.unwrap() < 1.0);
    assert_eq!(r.overall.a_spans, 2);
}

#[test]
fn mean_over_pairs_ignores_undefined() {
    let with = |k: Option<f64>| PairResult {
        a: "a".into(),
        b: "b".into(),
        labels: vec![(
            "claim".into(),
            Figures {
                kappa: k,
                ..Figures::default()
            },
        )],
        overall: Figures {
            kappa: k,
            ..Figures::default()
        },
    };
    let (labels, overall) = mean_of(&[with(Some(0.5)), with(None), with(Some(1.0))]);
    assert_eq!(overall.kappa, Some(0.75));
    assert_eq!(labels[0].1.kappa, Some(0.75));
}

#[test]
fn alpha_u_is_that_of_one_continuum_with_labels_met_late_and_missing() {
    let texts = ["one two three", "four five six seven", "eight nine"];
    let docs: Vec<Document> = texts.iter().map(|t| Document::from_text(*t)).collect();
    let a = [
        vec![(0, 3, "claim")],
        vec![(5, 9, "rumour"), (10, 13, "claim")],
        vec![],
    ];
    let b = [
        vec![(0, 7, "claim")],
        vec![(5, 13, "rumour")],
        vec![(0, 5, "rumour")],
    ];
    let mut pair = Pair::new("a", "b", &["claim".into()]);
    let (mut whole, mut offset) = (BTreeMap::<&str, (Vec<_>, Vec<_>)>::new(), 0u64);
    for (i, doc) in docs.iter().enumerate() {
        pair.add(doc.text(), &spans(doc, &a[i]), &spans(doc, &b[i]));
        for (side, list) in [(0, &a[i]), (1, &b[i])] {
            for &(s, e, l) in list {
                let entry = whole.entry(l).or_default();
                let unit = (s as u64 + offset, (e - s) as u64);
                if side == 0 {
                    entry.0.push(unit);
                } else {
                    entry.1.push(unit);
                }
            }
        }
        offset += doc.char_len() as u64;
    }
    let r = pair.result();
    for (label, (ua, ub)) in &whole {
        let (ua, ub) = (
            alpha_u::merge_overlapping(ua.clone()),
            alpha_u::merge_overlapping(ub.clone()),
        );
        let expected = alpha_u::alpha(
            alpha_u::observed(&ua, &ub, offset),
            alpha_u::expected(&ua, &ub, offset),
        );
        let got = r.labels.iter().find(|(n, _)| n == label).unwrap().1.alpha_u;
        assert!(
            (got.unwrap() - expected.unwrap()).abs() < 1e-12,
            "{label}: {got:?} vs {expected:?}"
        );
    }
}
