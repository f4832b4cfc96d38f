use super::*;

#[test]
fn reads_the_file_or_says_where_it_goes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = load(tmp.path()).expect_err("none yet");
    assert!(missing.0.contains("GUIDELINES.md"), "{missing}");
    std::fs::write(
        tmp.path().join(GUIDELINES_FILE),
        "\u{feff}# Claims\nA claim is…\n",
    )
    .expect("write");
    assert_eq!(load(tmp.path()).expect("read"), "# Claims\nA claim is…\n");
    std::fs::remove_file(tmp.path().join(GUIDELINES_FILE)).expect("rm");
    std::os::unix::fs::symlink("/etc/passwd", tmp.path().join(GUIDELINES_FILE)).expect("link");
    assert!(
        load(tmp.path()).is_err(),
        "a link out of the corpus is refused"
    );
}

#[test]
fn glosser_ron_can_name_another_file_inside_the_corpus() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let labels = r#"(labels: [(name: "claim", key: '1', color: "red", description: "A claim.")], guidelines: "docs/guide.md")"#;
    std::fs::write(tmp.path().join("glosser.ron"), labels).expect("write");
    let (set, warning) = crate::labels::LabelSet::for_corpus(tmp.path());
    assert!(warning.is_none(), "{warning:?}");
    assert_eq!(set.labels().len(), 1);
    let missing = load(tmp.path()).expect_err("not there yet");
    assert!(missing.0.contains("guide.md"), "{missing}");
    std::fs::create_dir(tmp.path().join("docs")).expect("mkdir");
    std::fs::write(tmp.path().join("docs/guide.md"), "Be kind.").expect("write");
    assert_eq!(load(tmp.path()).expect("read"), "Be kind.");
    let outside = labels.replace("docs/guide.md", "../etc/passwd");
    std::fs::write(tmp.path().join("glosser.ron"), outside).expect("write");
    let refused = load(tmp.path()).expect_err("outside");
    assert!(refused.0.contains("inside the corpus"), "{refused}");
}
