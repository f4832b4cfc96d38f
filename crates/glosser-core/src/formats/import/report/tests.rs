use super::*;

#[test]
fn counts_by_kind_and_names_the_first_three() {
    let mut a = Report::default();
    for id in ["R1", "R2"] {
        a.add(Kind::Relations, id);
    }
    let mut b = Report::default();
    b.add(Kind::Relations, "R3");
    b.add(Kind::Relations, "R4");
    b.add(Kind::Events, "E1");
    a.merge(b);
    assert_eq!(a.count(Kind::Relations), 4);
    assert_eq!(
        a.lines(),
        vec![
            "4 relations not kept (R1, R2, R3, …)".to_owned(),
            "1 event not kept (its trigger span was imported) (E1)".to_owned(),
        ]
    );
}
