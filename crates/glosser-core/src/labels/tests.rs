use super::*;

#[test]
fn default_set_has_the_four_labels_source_and_speaker() {
    let set = LabelSet::parse(DEFAULT_LABELS_RON, "assets/labels.ron").unwrap();
    let names: Vec<&str> = set.labels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["claim", "quote", "opinion", "unverified", "source"]);
    assert_eq!(set.by_key('2').unwrap().name, "quote");
    assert_eq!(set.by_key('5').unwrap().name, "source");
    assert_eq!(set.rank("opinion"), 2);
    assert_eq!(set.rank("nope"), 5);
    let speaker = set.link_type("speaker").unwrap();
    assert_eq!(speaker.from, ["quote", "claim"]);
    assert_eq!(speaker.to, ["source"]);
    assert_eq!(speaker.key, Some('r'));
    assert_eq!(set.link_types_for("quote", "source").len(), 1);
    assert!(set.link_types_for("source", "quote").is_empty(), "directed");
    assert!(set.link_types_for("opinion", "source").is_empty());
    assert!(set.labels().iter().all(|l| !l.description.is_empty()));
    assert_eq!(LabelSet::default(), set);
}

#[test]
fn corpus_file_overrides_and_bad_file_warns() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        LabelSet::for_corpus(dir.path()),
        (LabelSet::default(), None)
    );
    std::fs::write(
        dir.path().join("glosser.ron"),
        r#"(labels: [(name: "event", key: '5', color: "red", description: "An event.")])"#,
    )
    .unwrap();
    let (set, warning) = LabelSet::for_corpus(dir.path());
    assert!(warning.is_none());
    assert_eq!(set.labels().len(), 1);
    assert_eq!(set.by_key('5').unwrap().name, "event");

    std::fs::write(dir.path().join("glosser.ron"), "(labels: [(name: 1)])").unwrap();
    let (set, warning) = LabelSet::for_corpus(dir.path());
    assert_eq!(set, LabelSet::default());
    let warning = warning.unwrap();
    assert!(warning.contains("glosser.ron"), "{warning}");
    assert!(warning.contains("default labels"), "{warning}");
}

#[test]
fn rejects_bad_sets() {
    let label = |name: &str, key: char, color: &str| Label {
        name: name.into(),
        key: Some(key),
        color: color.into(),
        description: String::new(),
    };
    assert!(LabelSet::new(vec![]).is_err());
    assert!(LabelSet::new(vec![label("a\tb", '1', "red")]).is_err());
    assert!(LabelSet::new(vec![label(" a", '1', "red")]).is_err());
    assert!(LabelSet::new(vec![label("a  b", '1', "red")]).is_err());
    assert!(LabelSet::new(vec![label("a", '0', "red")]).is_err());
    assert!(LabelSet::new(vec![label("a", '1', "#12345")]).is_err());
    assert!(LabelSet::new(vec![label("a", '1', "red"), label("a", '2', "red")]).is_err());
    assert!(LabelSet::new(vec![label("a", '1', "red"), label("b", '1', "red")]).is_err());
    assert!(LabelSet::new(vec![label("a", '1', "red"), label("b", '2', "#00ff00")]).is_ok());
}

#[test]
fn unknown_fields_named() {
    let err = LabelSet::parse(
        r#"(labels: [(name: "a", key: '1', color: "red", description: "", colour: "x")])"#,
        "g.ron",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("colour"), "{err}");
    assert!(err.starts_with("g.ron: 1:"), "{err}");
}

#[test]
fn colours() {
    assert_eq!(parse_color("#ff8000"), Some((255, 128, 0)));
    assert_eq!(parse_color("Red"), Some((255, 95, 95)));
    assert_eq!(parse_color("#gg0000"), None);
    assert_eq!(parse_color("#ff80"), None);
    assert_eq!(parse_color("chartreuse"), None);
    let mut set = LabelSet::default();
    let colors: std::collections::BTreeMap<String, String> = [
        ("claim".to_owned(), "#000000".to_owned()),
        ("nope".to_owned(), "red".to_owned()),
    ]
    .into();
    let warnings = set.apply_colors(&colors);
    assert_eq!(set.get("claim").unwrap().color, "#000000");
    assert_eq!(warnings.len(), 1);
}

#[test]
fn any_number_of_labels_and_names_with_spaces() {
    // Twelve labels (a BioNLP-sized set): keys given to none, two or all of the first nine.
    let names: Vec<String> = (1..=12).map(|i| format!("Type {i}")).collect();
    let source = format!(
        "(labels: [{}])",
        names
            .iter()
            .enumerate()
            .map(|(i, n)| if i == 2 {
                format!("(name: {n:?}, key: '1')")
            } else {
                format!("(name: {n:?})")
            })
            .collect::<Vec<_>>()
            .join(", ")
    );
    let set = LabelSet::parse(&source, "glosser.ron").unwrap();
    assert_eq!(set.labels().len(), 12);
    assert_eq!(
        set.by_key('1').unwrap().name,
        "Type 3",
        "an explicit key stays"
    );
    assert_eq!(
        set.by_key('2').unwrap().name,
        "Type 1",
        "free digits go in order"
    );
    assert_eq!(set.by_key('9').unwrap().name, "Type 9");
    assert_eq!(set.get("Type 10").unwrap().key, None);
    assert_eq!(
        set.get("Type 11").unwrap().key,
        None,
        "past nine: the picker"
    );
    assert!(set.contains("Type 12"));
    assert!(LabelSet::parse(r#"(labels: [(name: "Worked At")])"#, "x").is_ok());
}

#[test]
fn a_glosser_ron_that_is_a_fifo_or_a_link_out_is_a_warning_not_a_hang() {
    let corpus = tempfile::tempdir().unwrap();
    let path = corpus.path().join(CORPUS_CONFIG_FILE);
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let (set, warning) = LabelSet::for_corpus(corpus.path());
    assert_eq!(set, LabelSet::default());
    let warning = warning.unwrap();
    assert!(
        warning.contains("FIFO") && warning.contains("glosser.ron"),
        "{warning}"
    );
    std::fs::remove_file(&path).unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("labels.ron"),
        crate::labels::DEFAULT_LABELS_RON,
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("labels.ron"), &path).unwrap();
    let (_, warning) = LabelSet::for_corpus(corpus.path());
    let warning = warning.unwrap();
    assert!(warning.contains("outside"), "{warning}");
}

#[test]
fn link_types_parse_from_a_corpus_file_and_bad_ones_are_refused() {
    let ok = r#"(labels: [(name: "a"), (name: "b")],
        links: [(name: "cites", from: ["a"], to: ["a", "b"]), (name: "x", from: ["b"], to: ["a"])])"#;
    let set = LabelSet::parse(ok, "glosser.ron").unwrap();
    assert_eq!(set.link_types().len(), 2);
    assert_eq!(set.link_types_for("a", "b")[0].name, "cites");
    assert!(set.link_type("cites").unwrap().key.is_none());
    let no_links = LabelSet::parse(r#"(labels: [(name: "a")])"#, "g").unwrap();
    assert!(no_links.link_types().is_empty());
    for (bad, says) in [
        (
            r#"(labels: [(name: "a")], links: [(name: "l", from: ["a"], to: ["zz"])])"#,
            "\"zz\"",
        ),
        (
            r#"(labels: [(name: "a")], links: [(name: "l", from: [], to: ["a"])])"#,
            "at least one",
        ),
        (
            r#"(labels: [(name: "a")], links: [(name: "l", from: ["a"], to: ["a"]), (name: "l", from: ["a"], to: ["a"])])"#,
            "twice",
        ),
        (
            r#"(labels: [(name: "a")], links: [(name: "", from: ["a"], to: ["a"])])"#,
            "not allowed",
        ),
    ] {
        let err = LabelSet::parse(bad, "glosser.ron").unwrap_err().to_string();
        assert!(err.contains(says) && err.contains("glosser.ron"), "{err}");
    }
}

#[test]
fn link_type_keys_are_checked_and_found() {
    let set = LabelSet::default();
    assert_eq!(
        set.link_type_by_key('r').map(|l| l.name.as_str()),
        Some("speaker")
    );
    assert!(set.link_type_by_key('x').is_none());
    let file =
        |links: &str| format!(r#"(labels: [(name: "quote"), (name: "source")], links: [{links}])"#);
    let ok = file(
        r#"(name: "speaker", from: ["quote"], to: ["source"], key: 'r'),
           (name: "cites", from: ["quote"], to: ["source"], key: 'C')"#,
    );
    let set = LabelSet::parse(&ok, "glosser.ron").unwrap();
    assert_eq!(
        set.link_type_by_key('C').map(|l| l.name.as_str()),
        Some("cites")
    );
    for (links, says) in [
        (
            r#"(name: "speaker", from: ["quote"], to: ["source"], key: '3')"#,
            "digits 1 to 9 are label keys",
        ),
        (
            r#"(name: "speaker", from: ["quote"], to: ["source"], key: ' ')"#,
            "not a printable character",
        ),
        (
            r#"(name: "speaker", from: ["quote"], to: ["source"], key: '\t')"#,
            "not a printable character",
        ),
        (
            r#"(name: "speaker", from: ["quote"], to: ["source"], key: 'r'),
               (name: "cites", from: ["quote"], to: ["source"], key: 'r')"#,
            "\"speaker\" and \"cites\" share the key 'r'; give each its own key",
        ),
    ] {
        let err = LabelSet::parse(&file(links), "corpus/glosser.ron")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("corpus/glosser.ron: "), "{err}");
        assert!(err.contains(says), "{err}");
    }
    // A key of two characters is not a char at all: the file does not parse, and says where.
    let two = file(r#"(name: "speaker", from: ["quote"], to: ["source"], key: 'rr')"#);
    let err = LabelSet::parse(&two, "corpus/glosser.ron")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("corpus/glosser.ron: "), "{err}");
}

#[test]
fn a_bad_key_drops_the_key_not_the_label_set() {
    let dir = tempfile::tempdir().unwrap();
    let labels: Vec<String> = (0..10)
        .map(|i| {
            let key = if i == 3 {
                "'0'".to_owned()
            } else {
                format!("'{}'", (i % 9) + 1)
            };
            format!("(name: \"l{i}\", key: {key})")
        })
        .collect();
    std::fs::write(
        dir.path().join("glosser.ron"),
        format!(
            "(labels: [{}, (name: \"odd\", color: \"puce\"), (name: \"l1\")], links: [(name: \"a\", from: [\"l0\"], to: [\"l1\", \"zz\"], key: 'r'), (name: \"b\", from: [\"l0\"], to: [\"l1\"], key: 'r'), (name: \"c\", from: [\"zz\"], to: [\"l1\"])])",
            labels.join(", ")
        ),
    )
    .unwrap();
    let (set, warnings) = LabelSet::for_corpus_warnings(dir.path());
    let names: Vec<&str> = set.labels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "odd"
        ]
    );
    assert_eq!(set.get("l3").unwrap().key, Some('4'), "the freed digit");
    assert_eq!(set.get("l9").unwrap().key, None, "l9 and l0 shared '1'");
    assert_eq!(set.get("odd").unwrap().color, "gray");
    assert_eq!(set.link_types().len(), 2);
    assert_eq!(set.link_type("a").unwrap().to, ["l1"]);
    assert_eq!(set.link_type("a").unwrap().key, Some('r'));
    assert_eq!(set.link_type("b").unwrap().key, None);
    let expected = [
        "label \"l3\" has key '0'; keys are the digits 1 to 9: the key is dropped, the label kept",
        "labels \"l0\" and \"l9\" share the key 1: \"l9\" loses it, the label is kept",
        "label \"odd\" has colour \"puce\", which is not #rrggbb or a colour name: grey is used",
        "label \"l1\" is defined twice: the second definition is left out",
        "link type \"a\" names \"zz\", which the set does not define: dropped from the link type",
        "link types \"a\" and \"b\" share the key 'r'; give each its own key (or leave `key` out): the key is dropped, the link type kept",
        "link type \"c\" names \"zz\", which the set does not define: dropped from the link type",
        "link type \"c\" is left out: it needs at least one label in `from` and in `to`",
    ];
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    for (warning, want) in warnings.iter().zip(expected) {
        assert!(warning.contains("glosser.ron: "), "{warning}");
        assert!(warning.ends_with(want), "{warning}\n!= {want}");
    }
    let (_, joined) = LabelSet::for_corpus(dir.path());
    assert_eq!(
        joined.unwrap().matches("glosser.ron: ").count(),
        expected.len()
    );
}
