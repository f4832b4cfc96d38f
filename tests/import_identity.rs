#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Whose annotation a record is and which text it is on: Prodigy answers that share an
//! `_input_hash` but not their text are never merged onto one text, and Label Studio 0.x
//! `skipped` annotations are not imported as annotations, and Label Studio lists (a region's
//! meta text, a relation's labels) are kept whole, and a brat note of another type on a span
//! is reported as such (all seen by a hostile tester).

use std::path::Path;
use std::process::Command;

fn import(file: &Path, format: &str, corpus: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["import", "--format", format, "--corpus"])
        .arg(corpus)
        .arg(file)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn quotes(file: &Path) -> Vec<String> {
    glosser_core::store::load(file)
        .unwrap()
        .spans
        .spans()
        .iter()
        .map(|s| s.quote.clone())
        .collect()
}

#[test]
fn prodigy_answers_with_one_input_hash_and_two_texts_are_not_merged() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("db-out.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"text":"Alice said hello to Bob.","_input_hash":111,"spans":[{"start":0,"end":5,"label":"source"}],"answer":"accept","_annotator_id":"a"}"#,
            "\n",
            r#"{"text":"Zed said bye to Bob.","_input_hash":111,"spans":[{"start":0,"end":3,"label":"source"}],"answer":"accept","_annotator_id":"a"}"#,
            "\n",
        ),
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let (code, stderr) = import(&input, "prodigy", &corpus);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "rejected line 2: the text differs from the existing document prodigy-111.txt"
        ),
        "{stderr}"
    );
    assert_eq!(
        quotes(&corpus.join("prodigy-111.txt.a.ron")),
        ["Alice"],
        "line 1 is kept, and nothing of line 2 lands on its text"
    );
}

#[test]
fn skipped_label_studio_annotations_are_reported_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ls.json");
    std::fs::write(
        &input,
        r#"[{"id": 7, "data": {"text": "Alice met Bob."},
            "completions": [
              {"id": 1, "completed_by": 3, "result": [{"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 5, "text": "Alice", "labels": ["source"]}}]},
              {"id": 2, "completed_by": 4, "skipped": true, "result": [{"id": "r2", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 10, "end": 13, "text": "Bob", "labels": ["source"]}}]}
            ]}]"#,
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let (code, stderr) = import(&input, "label-studio", &corpus);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("1 cancelled or skipped annotation not imported (task 1 annotation 2)"),
        "{stderr}"
    );
    assert_eq!(
        quotes(&corpus.join("label-studio-7.txt.ls-3.ron")),
        ["Alice"]
    );
    assert!(!corpus.join("label-studio-7.txt.ls-4.ron").exists());
}

#[test]
fn label_studio_lists_are_kept_whole() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("glosser.ron"),
        r#"(labels: [(name: "quote"), (name: "source")],
            links: [(name: "speaker", from: ["quote"], to: ["source"]),
                    (name: "cites", from: ["quote"], to: ["source"])])"#,
    )
    .unwrap();
    let input = dir.path().join("ls.json");
    std::fs::write(
        &input,
        r#"[{"id": 5, "data": {"text": "Alice: hello."},
            "annotations": [{"id": 1, "completed_by": 2, "result": [
              {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 5, "text": "Alice", "labels": ["source"]}},
              {"id": "q", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 7, "end": 12, "text": "hello", "labels": ["quote"]},
               "meta": {"text": ["first note", "second note"]}},
              {"type": "relation", "from_id": "q", "to_id": "a", "direction": "right", "labels": ["speaker", "cites"]}
            ]}]}]"#,
    )
    .unwrap();
    let (code, stderr) = import(&input, "label-studio", &corpus);
    assert_eq!(code, 0, "{stderr}");
    let file = glosser_core::store::load(&corpus.join("label-studio-5.txt.ls-2.ron")).unwrap();
    let quote = &file.spans.spans()[1];
    assert_eq!(quote.note.as_deref(), Some("first note\nsecond note"));
    let kinds: Vec<&str> = file.links.iter().map(|l| l.kind.as_str()).collect();
    assert_eq!(kinds, ["cites", "speaker"], "one link per relation label");
}

#[test]
fn two_people_whose_names_would_coincide_get_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ls.json");
    std::fs::write(
        &input,
        r#"[{"id": 1, "data": {"text": "Alice said hello."},
            "annotations": [
              {"id": 1, "completed_by": {"id": 10, "email": "john@gmail.com"}, "result": [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 5, "text": "Alice", "labels": ["source"]}}]},
              {"id": 2, "completed_by": {"id": 11, "email": "john@newsroom.org"}, "result": [{"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 11, "end": 16, "text": "hello", "labels": ["claim"]}}]}
            ]}]"#,
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let (code, stderr) = import(&input, "label-studio", &corpus);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("\"john@newsroom.org\" and \"john@gmail.com\" would both be annotator john: \"john@newsroom.org\" is written as john-2"),
        "{stderr}"
    );
    assert_eq!(
        quotes(&corpus.join("label-studio-1.txt.john.ron")),
        ["Alice"]
    );
    assert_eq!(
        quotes(&corpus.join("label-studio-1.txt.john-2.ron")),
        ["hello"]
    );
}

#[test]
fn a_brat_note_of_another_type_on_a_span_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("brat");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Alice ran.").unwrap();
    std::fs::write(
        input.join("a.ann"),
        "T1\tsource 0 5\tAlice\n#1\tLemma T1\talice\n#2\tAnnotatorNotes T1\tchecked\n",
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let out = Command::new(env!("CARGO_BIN_EXE_glosser"))
        .args(["import", "--format", "brat", "--annotator", "b", "--corpus"])
        .arg(&corpus)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "not kept: 1 note of a type other than AnnotatorNotes on a span not kept (a.ann #1)"
        ),
        "{stderr}"
    );
    let file = glosser_core::store::load(&corpus.join("a.txt.b.ron")).unwrap();
    assert_eq!(file.spans.spans()[0].note.as_deref(), Some("checked"));
}
