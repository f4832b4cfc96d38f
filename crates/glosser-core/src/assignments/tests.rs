use super::*;

const EXAMPLE: &str = r#"(
    assign: {
        "alice": ["politics/**", "sport/match1.txt"],
        "bob": ["politics/*.txt"],
        "carol": ["doc?.txt"],
    },
    overlap: 2,
)"#;

#[test]
fn the_example_parses_and_assigns() {
    let a = Assignments::parse(EXAMPLE, "assignments.ron").expect("parses");
    assert_eq!(a.overlap, 2);
    assert_eq!(a.assigned("politics/ukraine.txt"), ["alice", "bob"]);
    assert_eq!(a.assigned("politics/2025/ukraine.txt"), ["alice"]);
    assert_eq!(a.assigned("sport/match1.txt"), ["alice"]);
    assert_eq!(a.assigned("sport/match2.txt"), Vec::<String>::new());
    assert_eq!(a.assigned("doc1.txt"), ["carol"]);
    assert!(a.assigned("doc10.txt").is_empty());
    assert!(a.is_assigned("bob", "politics/x.txt"));
    assert!(!a.is_assigned("bob", "politics/a/x.txt"));
    assert!(!a.is_assigned("dave", "doc1.txt"));
}

#[test]
fn patterns() {
    assert!(matches("a.txt", "a.txt"));
    assert!(!matches("a.txt", "b/a.txt"));
    assert!(matches("**", "b/a.txt"));
    assert!(matches("**/a.txt", "a.txt"));
    assert!(matches("**/a.txt", "x/y/a.txt"));
    assert!(matches("x/**/a.txt", "x/a.txt"));
    assert!(!matches("x/**/a.txt", "y/a.txt"));
    assert!(matches("*.md", "notes.md"));
    assert!(!matches("*.md", "notes.txt"));
    assert!(matches("d*c*.txt", "dxxcyy.txt"));
    assert!(!matches("*", "a/b"));
}

#[test]
fn bad_files_are_errors_naming_the_file() {
    let err = Assignments::parse("(assign: {\"Bad Name\": []})", "c/assignments.ron")
        .expect_err("bad name");
    assert!(err.to_string().contains("c/assignments.ron"), "{err}");
    assert!(err.to_string().contains("Bad Name"), "{err}");
    let err = Assignments::parse("(asign: {})", "assignments.ron").expect_err("unknown field");
    assert!(err.to_string().contains("asign"), "{err}");
}

#[test]
fn for_corpus_reads_the_file_and_warns_on_a_broken_one() {
    let tmp = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        Assignments::for_corpus(tmp.path()),
        (Assignments::default(), None)
    );
    std::fs::write(tmp.path().join(ASSIGNMENTS_FILE), EXAMPLE).expect("write");
    let (a, warning) = Assignments::for_corpus(tmp.path());
    assert!(warning.is_none());
    assert!(!a.is_empty());
    std::fs::write(tmp.path().join(ASSIGNMENTS_FILE), "(assign: ").expect("write");
    let (a, warning) = Assignments::for_corpus(tmp.path());
    assert!(a.is_empty());
    assert!(warning.is_some_and(|w| w.contains("assignments ignored")));
}

#[test]
fn assigned_documents_come_first_in_natural_order() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for id in ["doc1.txt", "doc2.txt", "doc10.txt", "x.txt"] {
        std::fs::write(tmp.path().join(id), "Text.").expect("write");
    }
    std::fs::write(
        tmp.path().join(ASSIGNMENTS_FILE),
        r#"(assign: {"alice": ["doc10.txt", "x.txt"], "bob": ["doc2.txt"]})"#,
    )
    .expect("write");
    let ids = |annotator: &str| {
        let mut corpus = crate::corpus::Corpus::scan(tmp.path()).expect("scan");
        assigned_first(&mut corpus, annotator);
        corpus
            .documents
            .into_iter()
            .map(|d| d.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("alice"), ["doc10.txt", "x.txt", "doc1.txt", "doc2.txt"]);
    assert_eq!(ids("bob"), ["doc2.txt", "doc1.txt", "doc10.txt", "x.txt"]);
    assert_eq!(ids("carol"), ["doc1.txt", "doc2.txt", "doc10.txt", "x.txt"]);
}

#[test]
fn blind_documents_for_everyone_and_for_one_annotator() {
    let a = Assignments::parse(
        r#"(assign: {"alice": ["**"]}, blind: ["control/*.txt"], blind_for: {"bob": ["sport/**"]})"#,
        "assignments.ron",
    )
    .expect("parses");
    assert!(a.is_blind("alice", "control/a.txt"));
    assert!(a.is_blind("bob", "control/a.txt"));
    assert!(!a.is_blind("alice", "control/deeper/a.txt"));
    assert!(a.is_blind("bob", "sport/x/match.txt"));
    assert!(!a.is_blind("alice", "sport/x/match.txt"));
    assert!(a.has_control_set());
    assert!(!Assignments::default().has_control_set());
    assert!(!Assignments::default().is_blind("alice", "a.txt"));
}

#[test]
fn blind_for_names_must_be_annotator_names() {
    let err = Assignments::parse(r#"(blind_for: {"Bob!": ["a.txt"]})"#, "assignments.ron")
        .expect_err("refused");
    assert!(err.to_string().contains("\"Bob!\""), "{err}");
}
