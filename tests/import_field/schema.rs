//! The schema travels: `--add-labels` writes what a file declares or uses into glosser.ron,
//! says what it added and changes nothing already there; a mistake in glosser.ron drops only
//! what is wrong.

use super::*;

#[test]
fn brat_annotation_conf_comes_in_and_existing_labels_stay_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let ours = "// Our labels.\n(\n    labels: [\n        (name: \"Person\", key: '1', color: \"#ff0000\", description: \"ours\"),\n    ],\n)\n";
    std::fs::write(corpus.join("glosser.ron"), ours).unwrap();
    // Without --add-labels the records using undeclared labels are refused, and the way in said.
    let (code, err) = import(
        &wild("brat/news"),
        &corpus,
        &["--format", "brat", "--annotator", "ann"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Import again with --add-labels"), "{err}");
    let (code, err) = import(
        &wild("brat/news"),
        &corpus,
        &["--format", "brat", "--annotator", "ann", "--add-labels"],
    );
    assert_eq!(
        code, 1,
        "the events brat has and glosser not are reported: {err}"
    );
    assert!(
        err.contains("added 13 labels to") && err.contains(": Organization, GPE, Money, Be-born,"),
        "annotation.conf's entities and event types, Person already there: {err}"
    );
    assert!(
        err.contains("added 7 link types to") && err.contains("Located (Person → GPE)"),
        "{err}"
    );
    assert!(err.contains("imported 2 records (24 spans)"), "{err}");
    let written = std::fs::read_to_string(corpus.join("glosser.ron")).unwrap();
    assert!(
        written.starts_with(&ours[..ours.find("    ],").unwrap()]),
        "the comment and Person are untouched:\n{written}"
    );
    assert!(written.contains("(name: \"GPE\","), "{written}");
    validate_clean(&corpus);
    // Again: nothing new, nothing said, nothing doubled.
    let (_, err) = import(
        &wild("brat/news"),
        &corpus,
        &["--format", "brat", "--annotator", "ann", "--add-labels"],
    );
    assert!(!err.contains("glosser: added"), "{err}");
    assert_eq!(
        std::fs::read_to_string(corpus.join("glosser.ron")).unwrap(),
        written
    );
}

#[test]
fn labels_a_file_only_uses_come_in_too() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = import(
        &wild("doccano/relation_extraction.jsonl"),
        dir.path(),
        &["--format", "doccano", "--annotator", "ann", "--add-labels"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("added") && err.contains("ORG"), "{err}");
    let written = std::fs::read_to_string(dir.path().join("glosser.ron")).unwrap();
    for label in ["claim", "ORG", "DATE", "PERSON"] {
        assert!(
            written.contains(&format!("name: \"{label}\"")),
            "{label}:\n{written}"
        );
    }
    validate_clean(dir.path());
}

#[test]
fn a_bad_key_drops_the_key_and_keeps_the_label_set() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let labels: Vec<String> = (1..=10)
        .map(|i| {
            let key = if i == 10 { '0' } else { char::from(b'0' + i) };
            format!("(name: \"L{i}\", key: '{key}', color: \"#5fafff\"),")
        })
        .collect();
    std::fs::write(
        corpus.join("glosser.ron"),
        format!(
            "(labels: [{}], links: [(name: \"a\", from: [\"L1\"], to: [\"L2\"], key: 'r'), (name: \"b\", from: [\"L10\"], to: [\"L2\"], key: 'r')])",
            labels.join(" ")
        ),
    )
    .unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        r#"{"document":"d.txt","annotator":"ann","text":"Ada met Bob.","spans":[{"start":0,"end":3,"label":"L10","text":"Ada"},{"start":8,"end":11,"label":"L2","text":"Bob"}],"relations":[{"type":"b","from":0,"to":1}]}"#,
    )
    .unwrap();
    let (code, err) = import(&input, &corpus, &["--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err.matches("glosser: warning:").count(),
        2,
        "each repair once: {err}"
    );
    assert!(
        err.contains("label \"L10\" has key '0'; keys are the digits 1 to 9: the key is dropped, the label kept"),
        "{err}"
    );
    assert!(
        err.contains("link types \"a\" and \"b\" share the key 'r'"),
        "{err}"
    );
    assert!(
        err.contains("imported 1 record (2 spans)"),
        "the set was kept: {err}"
    );
    assert_eq!(
        links(&corpus, "d.txt", "ann"),
        [("b".into(), "Ada".into(), "Bob".into())]
    );
    // validate names the repairs as problems of glosser.ron, once each.
    let (code, out, err) = glosser(&["validate", corpus.to_str().unwrap()]);
    assert_eq!(code, 1);
    let said = format!("{out}{err}");
    assert!(said.contains("label \"L10\" has key '0'"), "{said}");
    assert!(
        !said.contains("glosser.ron: glosser.ron"),
        "the file named once: {said}"
    );
}

#[test]
fn a_label_studio_config_or_doccano_label_list_given_with_schema() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.xml");
    std::fs::write(
        &config,
        r#"<View><Labels name="label" toName="text"><Label value="PER"/><Label value="ORG"/></Labels><Relations><Relation value="works for"/></Relations><Text name="text" value="$text"/></View>"#,
    )
    .unwrap();
    let corpus = dir.path().join("ls");
    let (_, err) = import(
        &wild("label-studio/export.json"),
        &corpus,
        &["--add-labels", "--schema", config.to_str().unwrap()],
    );
    assert!(
        err.contains("added 2 labels to") && err.contains(": PER, ORG"),
        "{err}"
    );
    assert!(
        err.contains("added 1 link type to") && err.contains("works for (PER|ORG → PER|ORG)"),
        "{err}"
    );
    validate_clean(&corpus);

    let corpus = dir.path().join("doccano");
    let (code, err) = import(
        &wild("doccano/v1_tutorial.jsonl"),
        &corpus,
        &[
            "--format",
            "doccano",
            "--annotator",
            "ann",
            "--add-labels",
            "--schema",
            wild("doccano/labels.json").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("added 5 labels to") && err.contains(": Person, Date, Title, Genre, Other"),
        "the label list's Person and Date first, then those the records use: {err}"
    );
    // --schema without --add-labels says what it is for.
    let (code, err) = import(
        &wild("doccano/v1_tutorial.jsonl"),
        &dir.path().join("x"),
        &[
            "--format",
            "doccano",
            "--schema",
            wild("doccano/labels.json").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("give --add-labels too"), "{err}");
}
