//! Tests of `confusion`: matches by γ's pair alignment, split into label, boundary and missing.
use super::*;
use crate::text::Document;

const TEXT: &str =
    "One two three four. Five six seven eight. “Nine ten,” he said. Eleven twelve.\n";

fn spans(list: &[(usize, usize, &str)]) -> Vec<Span> {
    let doc = Document::from_text(TEXT);
    list.iter()
        .map(|&(s, e, l)| Span::new(&doc, s..e, l))
        .collect()
}

fn labels() -> Vec<String> {
    ["claim", "quote", "opinion"].map(String::from).to_vec()
}

#[test]
fn labels_boundaries_and_misses_land_in_their_cells() {
    let mut c = Confusion::new("alice", "bob", &labels());
    let a = spans(&[
        (0, 19, "claim"),
        (20, 41, "claim"),
        (42, 54, "quote"),
        (63, 77, "opinion"),
    ]);
    let b = spans(&[(0, 19, "claim"), (20, 41, "opinion"), (43, 53, "quote")]);
    c.add_document("d", &a, &b);
    let (claim, quote, opinion, missing) = (0, 1, 2, 3);
    assert_eq!(c.cells[claim][claim], 1);
    assert_eq!(c.cells[claim][opinion], 1);
    assert_eq!(c.cells[quote][quote], 1);
    assert_eq!(c.boundary_only, vec![0, 1, 0]);
    assert_eq!(c.cells[opinion][missing], 1);
    assert_eq!(c.cells[missing].iter().sum::<u64>(), 0);
    assert_eq!(
        c.summary(),
        Summary {
            exact: 1,
            boundary_only: 1,
            label: 1,
            missing: 1
        }
    );
}

#[test]
fn units_far_apart_are_missing_on_both_sides() {
    // Same label, no overlap: γ may align them, the table does not call that a match.
    let mut c = Confusion::new("alice", "bob", &labels());
    c.add_document(
        "d",
        &spans(&[(0, 19, "claim")]),
        &spans(&[(20, 41, "claim")]),
    );
    assert_eq!(c.apart, 1, "γ aligns two neighbouring claims");
    let s = c.summary();
    assert_eq!(s.missing, 2);
    assert_eq!(s.exact + s.boundary_only + s.label, 0);
}

#[test]
fn one_side_empty_is_all_missing() {
    let mut c = Confusion::new("alice", "bob", &labels());
    c.add_document("d", &[], &spans(&[(0, 19, "claim"), (42, 54, "quote")]));
    c.add_document("e", &[], &[]);
    assert_eq!(c.cells[3][0], 1);
    assert_eq!(c.cells[3][1], 1);
    assert_eq!(c.summary().missing, 2);
}

#[test]
fn tables_add_by_label_name() {
    let mut first = Confusion::new("gold", "alice", &labels());
    first.add_document(
        "d",
        &spans(&[(0, 19, "claim")]),
        &spans(&[(0, 19, "opinion")]),
    );
    let mut second = Confusion::new("gold", "bob", &["opinion".to_owned()]);
    second.add_document(
        "d",
        &spans(&[(0, 19, "claim"), (20, 41, "rumour")]),
        &spans(&[(1, 19, "claim")]),
    );
    let mut sum = Confusion::new("gold", "everyone", &labels());
    sum.add(&first);
    sum.add(&second);
    let at = |l: &str| sum.labels.iter().position(|x| x == l).unwrap();
    assert_eq!(sum.labels, ["claim", "quote", "opinion", "rumour"]);
    assert_eq!(sum.cells[at("claim")][at("opinion")], 1);
    assert_eq!(sum.cells[at("claim")][at("claim")], 1);
    assert_eq!(sum.boundary_only[at("claim")], 1);
    assert_eq!(sum.cells[at("rumour")][sum.labels.len()], 1);
    assert_eq!(
        sum.summary().label + sum.summary().boundary_only + sum.summary().missing,
        3
    );
}
