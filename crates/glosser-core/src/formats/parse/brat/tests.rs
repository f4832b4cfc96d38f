use super::*;

#[test]
fn fragments_across_a_line_break_are_one_span_others_are_reported() {
    // "Terry\r\nPratchett" as glosser exports it (fragments at the line break, brat offsets
    // with the CRLF counted once), and a real discontinuous span over "Terry … England".
    let text = "Terry\r\nPratchett lives in England.".to_owned();
    let ann = "T1\tPerson 0 5;6 15\tTerry Pratchett\nT2\tPerson 0 5;25 32\tTerry England\n";
    let record = brat_record("x.ann", "x.txt".to_owned(), text, ann).unwrap();
    let spans: Vec<(usize, usize, Option<&str>)> = record
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.note.as_deref()))
        .collect();
    assert_eq!(
        spans,
        [
            (0, 15, None),
            (0, 5, Some("brat T2: fragment 1 of 2")),
            (25, 32, Some("brat T2: fragment 2 of 2")),
        ]
    );
    assert_eq!(record.report.count(Kind::Discontinuous), 1);
}
