use super::continues;

#[test]
fn headings_initials_and_abbreviations_go_on() {
    assert!(continues("2. "));
    assert!(continues("J. "));
    assert!(continues("He met the U.S. "));
    assert!(continues("Ask Dr. "));
    assert!(
        !continues("He counted 12. "),
        "a number inside a sentence ends it"
    );
    assert!(!continues("It rained. "));
    assert!(!continues("2.\n"), "a line break ends it");
    assert!(!continues("Where? "));
}
