use super::*;

#[test]
fn series_land_on_their_rows_and_meet_as_a_star() {
    let lines = draw(
        &[
            ("kappa", 'k', vec![Some(0.0), Some(0.5), Some(1.0)]),
            ("gamma", 'g', vec![Some(1.0), None, Some(1.0)]),
        ],
        5,
    );
    // Rows: 1.0, 0.75, 0.5, 0.25, 0.0; then the axis, the numbers, the legend.
    assert_eq!(lines.len(), 8);
    assert!(lines[0].starts_with(" 1.00 ┤"), "{lines:?}");
    assert_eq!(&lines[0][" 1.00 ┤".len()..], "  g     *");
    assert_eq!(&lines[2][" 0.50 ┤".len()..], "     k");
    assert_eq!(&lines[4][" 0.00 ┤".len()..], "  k");
    assert!(lines[6].contains("  1  2  3"));
    assert!(lines[7].contains("k kappa") && lines[7].contains("g gamma"));
}

#[test]
fn the_axis_spans_the_values_on_tenths() {
    let lines = draw(&[("kappa", 'k', vec![Some(-0.15), Some(0.42)])], 3);
    assert!(lines[0].starts_with(" 0.50 ┤"), "{lines:?}");
    assert!(lines[2].starts_with("-0.20 ┤"), "{lines:?}");
    assert!(lines[2].ends_with('k'));
    // Close values get at least 0.2 of axis.
    let lines = draw(&[("gamma", 'g', vec![Some(0.81), Some(0.84)])], 3);
    assert!(
        lines[0].starts_with(" 0.90 ┤") && lines[2].starts_with(" 0.70 ┤"),
        "{lines:?}"
    );
}
