use super::*;

fn entries(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn labels_are_appended_after_the_last_entry_with_or_without_a_trailing_comma() {
    let with_comma = "(\n    labels: [\n        (name: \"a\"),\n    ],\n)\n";
    assert_eq!(
        append(with_comma, &entries(&["(name: \"b\")"]), &[]).unwrap(),
        "(\n    labels: [\n        (name: \"a\"),\n        (name: \"b\"),\n    ],\n)\n"
    );
    let without = "(labels: [(name: \"a\")])";
    assert_eq!(
        append(without, &entries(&["(name: \"b\")"]), &[]).unwrap(),
        "(labels: [(name: \"a\"),\n        (name: \"b\"),])"
    );
}

#[test]
fn comments_strings_and_chars_with_brackets_are_not_structure() {
    let source = "// labels: [ not this\n(\n    /* ] ) */ labels: [\n        (name: \"a]\", key: ']', description: r#\"x\"]\"#), // last ]\n    ],\n    guidelines: \"g.md\",\n)\n";
    let out = append(
        source,
        &entries(&["(name: \"b\")"]),
        &entries(&["(name: \"l\", from: [\"a]\"], to: [\"b\"])"]),
    )
    .unwrap();
    assert!(
        out.contains("description: r#\"x\"]\"#),\n        (name: \"b\"), // last ]\n    ],"),
        "{out}"
    );
    assert!(
        out.ends_with("guidelines: \"g.md\",\n    links: [\n        (name: \"l\", from: [\"a]\"], to: [\"b\"]),\n    ],\n)\n"),
        "{out}"
    );
}

#[test]
fn links_go_into_an_existing_list_even_an_empty_one() {
    let source = "(labels: [(name: \"a\")], links: [])";
    let out = append(
        source,
        &[],
        &entries(&["(name: \"l\", from: [\"a\"], to: [\"a\"])"]),
    )
    .unwrap();
    assert_eq!(
        out,
        "(labels: [(name: \"a\")], links: [\n        (name: \"l\", from: [\"a\"], to: [\"a\"]),\n    ])"
    );
}

#[test]
fn a_file_without_a_labels_list_is_not_edited() {
    assert_eq!(
        append("(links: [])", &entries(&["(name: \"b\")"]), &[]),
        None
    );
    assert_eq!(
        append("(labels: [", &entries(&["(name: \"b\")"]), &[]),
        None
    );
    assert_eq!(append("", &entries(&["(name: \"b\")"]), &[]), None);
}
