use super::*;

#[test]
fn each_name_is_reported_once_with_its_count() {
    let mut tally = Tally::default();
    tally.add("key status", "\"Done\"");
    tally.add("key pos_tags", "");
    tally.add("key status", "\"Todo\"");
    let skipped = tally.into_skipped("record", "not read");
    assert_eq!(
        skipped,
        [
            Skipped::new("key status", "not read (2 records, e.g. \"Done\")"),
            Skipped::new("key pos_tags", "not read (1 record)"),
        ]
    );
}
