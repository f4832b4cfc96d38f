use super::*;

#[test]
fn document_ids_cannot_escape() {
    for ok in ["a.txt", "sub/dir/b.md", "x y.txt"] {
        assert!(safe_document_id(ok).is_ok(), "{ok}");
    }
    for bad in [
        "../a.txt",
        "/etc/passwd.txt",
        "a/../../b.txt",
        ".hidden/a.txt",
        "a\\b.txt",
        "a.csv",
        "",
        "./a.txt",
        "a.txt\0",
    ] {
        assert!(safe_document_id(bad).is_err(), "{bad}");
    }
}

#[test]
fn only_whitespace_filled_with_spaces_or_left_off_at_the_end_is_a_gap() {
    use super::place::differs_only_in_gaps;
    assert!(differs_only_in_gaps("a\r\nb\tc\n", "a  b c"));
    assert!(differs_only_in_gaps("a b", "a b"));
    assert!(!differs_only_in_gaps("a\nb", "a\nc"));
    assert!(!differs_only_in_gaps("ab", "a "));
    assert!(!differs_only_in_gaps("a b", "a b c"));
    assert!(!differs_only_in_gaps("a b x", "a b"));
}
