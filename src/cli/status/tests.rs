use std::path::Path;

use super::*;
use glosser_core::span::Span;
use glosser_core::store::AnnotationFile;
use glosser_core::store::GOLD;
use glosser_core::store::{self, Status};
use glosser_core::text::Document;

fn annotate(article: &Path, annotator: &str, status: Status, note: Option<&str>) {
    let doc = Document::load(article).expect("article");
    let name = article.file_name().and_then(|n| n.to_str()).expect("name");
    let mut file = AnnotationFile::new(name, annotator, doc.sha256());
    let mut span = Span::new(&doc, 0..5, "claim");
    span.note = note.map(str::to_owned);
    file.spans.insert_unchecked(span);
    file.status = status;
    glosser_core::save::save_merged(
        &store::annotation_path(article, annotator),
        &file,
        None,
        &doc,
        &glosser_core::old_texts::Lookup::default(),
    )
    .expect("save");
}

fn corpus() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    std::fs::create_dir(root.join("politics")).expect("mkdir");
    for id in ["a.txt", "b.txt", "politics/c.txt"] {
        std::fs::write(root.join(id), format!("Alpha said beta in {id}.")).expect("write");
    }
    annotate(&root.join("a.txt"), "alice", Status::Done, None);
    annotate(
        &root.join("a.txt"),
        "bob",
        Status::InProgress,
        Some("merge conflict: note ours=\"x\" theirs=\"y\""),
    );
    annotate(&root.join("a.txt"), GOLD, Status::Done, None);
    annotate(
        &root.join("politics/c.txt"),
        "alice",
        Status::InProgress,
        None,
    );
    std::fs::write(root.join("b.txt.carol.ron"), "(broken").expect("write");
    std::fs::write(
        root.join("assignments.ron"),
        r#"(assign: {"alice": ["*.txt"], "bob": ["a.txt", "politics/**"]}, overlap: 2)"#,
    )
    .expect("write");
    tmp
}

#[test]
fn the_overview_has_every_file_assignment_and_problem() {
    let tmp = corpus();
    // The article changes after gold was adjudicated.
    std::fs::write(
        tmp.path().join("a.txt"),
        "Alpha said beta in a.txt, and more.",
    )
    .expect("write");
    let overview = overview(&Corpus::scan(tmp.path()).expect("scan"));
    assert_eq!(
        overview
            .annotators
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["alice", "bob", "carol", "gold"]
    );
    let json = to_json(&overview, None);
    let docs = json["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 3);
    let a = &docs[0];
    assert_eq!(a["document"], "a.txt");
    assert_eq!(a["assigned"], json!(["alice", "bob"]));
    assert_eq!(a["annotators"]["alice"]["status"], "Done");
    assert_eq!(a["annotators"]["alice"]["spans"], 1);
    assert_eq!(a["changed_since_gold"], true);
    let bob = a["annotators"]["bob"]["problems"]
        .as_array()
        .expect("problems");
    assert!(
        bob.iter()
            .any(|p| p.as_str().is_some_and(|p| p.starts_with("stale"))),
        "{bob:?}"
    );
    assert!(bob.iter().any(|p| p == "1 merge conflict note"), "{bob:?}");
    let b = &docs[1];
    assert_eq!(b["assigned"], json!(["alice"]));
    assert_eq!(b["underassigned"], true);
    assert_eq!(b["annotators"]["alice"]["status"], "missing");
    assert_eq!(b["annotators"]["carol"]["status"], "broken");
    assert!(b["annotators"].get("bob").is_none());
    let c = &docs[2];
    assert_eq!(c["document"], "politics/c.txt");
    assert_eq!(c["assigned"], json!(["bob"]));
    assert_eq!(c["annotators"]["bob"]["status"], "missing");
    assert_eq!(c["annotators"]["alice"]["status"], "InProgress");
    assert_eq!(c["changed_since_gold"], false);
}

#[test]
fn the_table_shows_cells_problems_and_totals() {
    let tmp = corpus();
    let overview = overview(&Corpus::scan(tmp.path()).expect("scan"));
    let mut out = Vec::new();
    table::print(&mut out, &overview, None).expect("print");
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("document") && lines[0].ends_with("assigned"),
        "{text}"
    );
    assert!(
        lines[0].find("bob") < lines[0].find("gold"),
        "gold last: {text}"
    );
    assert!(
        lines[1].starts_with("a.txt") && lines[1].contains("done 1"),
        "{text}"
    );
    assert!(lines[1].contains("prog 1 !"), "{text}");
    assert!(
        lines[2].contains("BROKEN !") && lines[2].contains("(needs 2 annotators)"),
        "{text}"
    );
    assert!(text.contains("a.txt bob: 1 merge conflict note"), "{text}");
    assert!(
        text.contains("alice: 2 assigned, 1 done, 1 in progress, 0 to do, 1 not started"),
        "{text}"
    );
    assert!(
        text.contains("bob: 2 assigned, 0 done, 1 in progress, 0 to do, 1 not started"),
        "{text}"
    );
}
