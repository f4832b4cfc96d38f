use super::*;
use crate::formats::import::{RawSpan, Unit};

fn record(labels: &[&str]) -> Record {
    let mut record = Record::new("line 1", "a.txt".into(), "Alice".into(), Unit::Codepoint);
    for label in labels {
        record.spans.push(RawSpan {
            start: 0,
            end: 5,
            label: (*label).to_owned(),
            ..RawSpan::default()
        });
    }
    record
}

#[test]
fn only_rejected_records_count_and_each_label_once_per_record() {
    let labels = LabelSet::default();
    let mut unknown = UnknownLabels::default();
    let records = vec![
        Ok(record(&["PERSON", "PERSON", "claim"])),
        Ok(record(&["claim"])),
        Ok(record(&["ORG", "PERSON"])),
        Err("line 4: not JSON".into()),
        Ok(record(&["PERSON"])),
    ];
    unknown.note(10, &records, &labels);
    for index in [10, 11, 12, 13] {
        unknown.rejected(index);
    }
    let hint = unknown.hint(Path::new("corpus")).unwrap();
    assert!(
        hint.starts_with(
            "2 rejected records use labels this corpus does not define: \"ORG\" (1 record), \
             \"PERSON\" (2 records). Import again with --add-labels to add them to \
             corpus/glosser.ron"
        ),
        "{hint}"
    );
    assert!(!hint.contains("cannot be a label name"), "{hint}");
}

#[test]
fn no_hint_without_such_a_rejection_and_invalid_names_are_told_apart() {
    let labels = LabelSet::default();
    let mut unknown = UnknownLabels::default();
    unknown.note(
        0,
        &[Ok(record(&["PERSON"])), Ok(record(&["claim"]))],
        &labels,
    );
    unknown.rejected(1);
    assert_eq!(
        unknown.hint(Path::new("c")),
        None,
        "record 1 uses defined labels"
    );
    unknown.note(2, &[Ok(record(&["B-PER\t"]))], &labels);
    unknown.rejected(2);
    let hint = unknown.hint(Path::new("c")).unwrap();
    assert!(
        hint.starts_with(
            "1 rejected record uses labels this corpus does not define: \"B-PER\\t\" (1 \
             record) cannot be a label name"
        ),
        "{hint}"
    );
    assert!(
        hint.contains("rename it in the tool that wrote the file, or leave out the layer that holds it with --layers"),
        "{hint}"
    );
}
