use super::*;

fn span(start: usize, end: usize, label: &str, note: Option<&str>) -> Span {
    Span {
        start,
        end,
        label: label.into(),
        note: note.map(str::to_owned),
        ..Span::default()
    }
}

#[test]
fn complete_fragment_sets_are_one_line_the_rest_stay_apart() {
    let spans = [
        span(0, 5, "GPE", Some("brat T1: fragment 1 of 2")),
        span(10, 23, "GPE", None),
        span(16, 23, "GPE", Some("brat T1: fragment 2 of 2")),
        span(30, 33, "Org", Some("seen (brat T9: fragment 2 of 2)")),
        span(40, 44, "Org", Some("seen (brat T9: fragment 1 of 2)")),
        // Only one of three fragments left: kept as it is.
        span(50, 52, "X", Some("brat T4: fragment 1 of 3")),
    ];
    let got = entities(&spans);
    assert_eq!(
        got,
        [
            Entity {
                spans: vec![0, 2],
                note: None
            },
            Entity {
                spans: vec![1],
                note: None
            },
            Entity {
                spans: vec![4, 3],
                note: Some("seen".into())
            },
            Entity {
                spans: vec![5],
                note: Some("brat T4: fragment 1 of 3".into())
            },
        ]
    );
}

#[test]
fn notes_that_only_look_alike_are_left_alone() {
    for note in [
        "brat T1: fragment 1 of 1",
        "brat T1: fragment 3 of 2",
        "brat : fragment 1 of 2",
        "see brat T1: fragment 1 of 2",
    ] {
        let spans = [span(0, 1, "A", Some(note)), span(2, 3, "A", Some(note))];
        assert_eq!(entities(&spans).len(), 2, "{note}");
    }
}
