#[test]
fn quoting() {
    assert_eq!(super::field("plain"), "plain");
    assert_eq!(super::field("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
}
