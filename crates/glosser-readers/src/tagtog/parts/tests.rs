use super::*;

#[test]
fn verbatim_is_everything_and_paragraphs_are_trimmed_runs() {
    let parts = Parts::new("  First line\nsame paragraph  \n\n \n😀 Second\n");
    assert_eq!(
        parts.get("s1v1"),
        Some((0, "  First line\nsame paragraph  \n\n \n😀 Second\n"))
    );
    assert_eq!(parts.get("s1p1"), Some((2, "First line\nsame paragraph")));
    assert_eq!(parts.get("s1p2"), Some((33, "😀 Second")));
    assert_eq!(parts.get("s1p3"), None);
    assert_eq!(parts.get("s1p0"), None);
    assert_eq!(parts.get("s2p1"), None);
}
