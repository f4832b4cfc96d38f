use super::*;

#[test]
fn finds_every_quotation_with_its_marks_and_nested_ones() {
    let doc =
        Document::from_text("He said “it is ‘fine’ now” and «non». Don’t split \"here\".\n“open");
    let got: Vec<&str> = suggest(&doc)
        .iter()
        .map(|p| doc.slice(p.start, p.end))
        .collect();
    assert_eq!(got, ["“it is ‘fine’ now”", "‘fine’", "«non»", "\"here\""]);
}
