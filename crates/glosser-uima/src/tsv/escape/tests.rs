use super::*;

#[test]
fn text_escapes() {
    assert_eq!(unescape_text(r"a\tb\nc\\d\re\q"), "a\tb\nc\\d\re\\q");
    assert_eq!(unescape_text("a\\\u{1}b"), "a\u{1}b");
    assert_eq!(unescape_text("end\\"), "end\\");
    assert_eq!(unescape_java(r"a\u00e9\t\\\x"), "aé\t\\x");
    assert_eq!(unescape_java(r"bad\uZZZZ"), "bad\\uZZZZ");
}

#[test]
fn value_escapes_from_inceptions_special_symbols_test() {
    let raw = r#"#\*'"`´\t:\;{}\|\[ \]()\\§$%?=&\_\n"#;
    assert_eq!(unescape_value(raw), "#*'\"`´\t:;{}|[ ]()\\§$%?=&_\n");
    assert_eq!(unescape_value(r"a\->b\x"), "a->b\\x");
    assert_eq!(split_unescaped(raw, '|').len(), 1);
}

#[test]
fn splitting_and_suffixes() {
    assert_eq!(split_unescaped(r"A[1]|B\|C|D", '|'), ["A[1]", r"B\|C", "D"]);
    assert_eq!(split_unescaped("", '|'), [""]);
    assert_eq!(split_suffix("PER[2]"), ("PER", Some("2")));
    assert_eq!(split_suffix("1-1[0_2]"), ("1-1", Some("0_2")));
    assert_eq!(split_suffix(r"x\]"), (r"x\]", None));
    assert_eq!(split_suffix("PER"), ("PER", None));
    assert_eq!(split_chain("coref->1-2"), Some(("coref", (1, 2))));
    assert_eq!(split_chain("*->10-3"), Some(("*", (10, 3))));
    assert_eq!(split_chain(r"a\->1-2"), None);
    assert_eq!(split_chain("a->x"), None);
}
