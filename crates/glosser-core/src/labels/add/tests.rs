use super::*;
use crate::formats::schema::LinkDecl;

fn schema(labels: &[&str], links: &[(&str, &[&str], &[&str])]) -> Schema {
    let owned = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    Schema {
        labels: owned(labels),
        links: links
            .iter()
            .map(|(name, from, to)| LinkDecl {
                name: (*name).to_owned(),
                from: owned(from),
                to: owned(to),
            })
            .collect(),
    }
}

#[test]
fn a_corpus_without_glosser_ron_gets_the_default_set_and_the_new_labels() {
    let dir = tempfile::tempdir().unwrap();
    let added = add(
        dir.path(),
        &schema(
            &["Person", "claim", "GPE"],
            &[
                ("Located", &["Person"], &["GPE"]),
                ("speaker", &["quote"], &["source"]),
            ],
        ),
        "news",
    )
    .unwrap();
    assert_eq!(added.labels, ["Person", "GPE"]);
    assert_eq!(added.links, ["Located (Person → GPE)"]);
    assert!(added.not_added.is_empty(), "{:?}", added.not_added);
    let (set, warnings) = LabelSet::for_corpus_warnings(dir.path());
    assert!(warnings.is_empty(), "{warnings:?}");
    let default = LabelSet::default();
    for label in default.labels() {
        assert_eq!(
            set.get(&label.name),
            Some(label),
            "default labels stay as they were"
        );
    }
    assert!(set.contains("Person") && set.contains("GPE"));
    assert!(set.link_type("Located").unwrap().allows("Person", "GPE"));
    assert_eq!(set.link_type("speaker"), default.link_type("speaker"));
    let text = std::fs::read_to_string(dir.path().join("glosser.ron")).unwrap();
    assert!(
        text.contains("Added by glosser import from news."),
        "{text}"
    );
    // Adding again adds nothing and writes nothing.
    let again = add(dir.path(), &schema(&["Person"], &[]), "news").unwrap();
    assert!(again.is_empty());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("glosser.ron")).unwrap(),
        text
    );
}

#[test]
fn an_existing_file_keeps_its_comments_and_labels_and_its_link_types_are_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("glosser.ron");
    let original = "// Our labels.\n(\n    labels: [\n        (name: \"quote\", key: '2'), // quotes first\n        (name: \"source\"),\n    ],\n    links: [(name: \"speaker\", from: [\"quote\"], to: [\"source\"])],\n    guidelines: \"GUIDE.md\",\n)\n";
    std::fs::write(&path, original).unwrap();
    let before = LabelSet::for_corpus(dir.path()).0;
    let added = add(
        dir.path(),
        &schema(
            &["quote", "org", "Worked At", "bad\tname", "x,y"],
            &[
                ("speaker", &["org"], &["source"]),
                ("employs", &["org"], &["Worked At", "nowhere"]),
            ],
        ),
        "a.json",
    )
    .unwrap();
    assert_eq!(added.labels, ["org", "Worked At"]);
    assert_eq!(added.links, ["employs (org → Worked At)"]);
    assert_eq!(added.not_added.len(), 3, "{:?}", added.not_added);
    assert!(added.not_added[0].starts_with("\"bad\\tname\" cannot be a label name"));
    assert!(
        added.not_added[2].contains(
            "\"speaker\" is already defined and is not changed; it does not allow org → source"
        ),
        "{:?}",
        added.not_added
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("// Our labels.\n(\n    labels: [\n        (name: \"quote\", key: '2'), // quotes first\n"), "{text}");
    assert!(text.contains("guidelines: \"GUIDE.md\","), "{text}");
    let after = LabelSet::for_corpus(dir.path()).0;
    for label in before.labels() {
        assert_eq!(after.get(&label.name), Some(label));
    }
    assert_eq!(after.link_type("speaker"), before.link_type("speaker"));
    assert!(
        after
            .link_type("employs")
            .unwrap()
            .allows("org", "Worked At")
    );
}

#[test]
fn a_broken_glosser_ron_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("glosser.ron");
    std::fs::write(&path, "(labels: [(name: \"a\"").unwrap();
    let err = add(dir.path(), &schema(&["b"], &[]), "x")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("glosser.ron") && err.contains("never rewrites"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(labels: [(name: \"a\""
    );
}
