use super::*;

#[test]
fn exact_keeps_the_text_and_maps_one_to_one() {
    let n = Normalized::new("a “b”\n c", Normalization::exact());
    assert_eq!(n.text, "a “b”\n c");
    assert_eq!(n.origin.len(), 8);
    assert!(n.origin.iter().enumerate().all(|(i, &o)| o == (i, i + 1)));
    assert_eq!(n.char_index(n.byte_at[3]), 3);
}

#[test]
fn whitespace_runs_become_one_space_spanning_the_run() {
    let how = Normalization {
        collapse_whitespace: true,
        ..Normalization::default()
    };
    let n = Normalized::new("a \n\t b", how);
    assert_eq!(n.text, "a b");
    assert_eq!(n.origin, vec![(0, 1), (1, 5), (5, 6)]);
}

#[test]
fn quotes_dashes_and_case_fold() {
    assert_eq!(
        normalize_str("“Putin’s” — İ", Normalization::lenient()),
        "\"putin's\" - i\u{307}"
    );
    let n = Normalized::new("İx", Normalization::lenient());
    assert_eq!(n.origin, vec![(0, 1), (0, 1), (1, 2)]);
}

#[test]
fn flags_left_out_of_json_are_off() -> Result<(), serde_json::Error> {
    let how: Normalization = serde_json::from_str(r#"{"fold_quotes": true}"#)?;
    assert_eq!(
        how,
        Normalization {
            fold_quotes: true,
            ..Normalization::default()
        }
    );
    Ok(())
}

#[test]
fn presets() {
    assert!(Normalization::exact().is_exact());
    assert!(!Normalization::lenient().is_exact());
}
