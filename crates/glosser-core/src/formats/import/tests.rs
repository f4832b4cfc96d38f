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
