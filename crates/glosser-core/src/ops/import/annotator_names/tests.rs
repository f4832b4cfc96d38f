use super::*;
use crate::formats::import::Unit;

fn by(source: &str, name: &str) -> Record {
    let mut record = Record::new("line 1", "a.txt".into(), "x".into(), Unit::Codepoint);
    record.annotator = Some(name.to_owned());
    record.annotator_source = Some(source.to_owned());
    record
}

fn names(records: &[Result<Record, crate::formats::Rejected>]) -> Vec<String> {
    records
        .iter()
        .flatten()
        .map(|r| r.annotator.clone().unwrap_or_default())
        .collect()
}

#[test]
fn two_sources_never_share_a_name_and_one_source_keeps_its_name() {
    let mut assigned = AnnotatorNames::default();
    let long = "a".repeat(32);
    let mut first = vec![
        Ok(by("john@gmail.com", "john")),
        Ok(by("john@newsroom.org", "john")),
        Ok(by("john@gmail.com", "john")),
        Ok(by("x1", &long)),
        Ok(by("x2", &long)),
    ];
    assigned.assign(&mut first);
    let cut = format!("{}-2", "a".repeat(30));
    assert_eq!(names(&first), ["john", "john-2", "john", &long, &cut]);
    // Later chunks of the same import keep the names given.
    let mut later = vec![
        Ok(by("john@newsroom.org", "john")),
        Ok(by("jo@x", "john-2")),
    ];
    assigned.assign(&mut later);
    assert_eq!(names(&later), ["john-2", "john-2-2"]);
    assert_eq!(assigned.renamed.len(), 3, "{:?}", assigned.renamed);
    assert!(assigned.renamed[0].starts_with(
        "\"john@newsroom.org\" and \"john@gmail.com\" would both be annotator john: \"john@newsroom.org\" is written as john-2"
    ));
}
